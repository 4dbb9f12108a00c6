// Content first: the page is in the HTML before any script runs, it reads
// without JavaScript, and the app hydrates the same elements (no flash, no jump).
const { test, expect } = require('@playwright/test');
const content = require('../../content/plan.json');
const { POINTS, openPage, waitForApp, card, holdApp } = require('./helpers');

const point21 = content.points[20];

test('the served index.html holds the story and the points before any script runs', async ({ request }) => {
  const html = await (await request.get('./')).text();
  expect(html.match(/<h1>/g)).toHaveLength(1);
  expect(html).toContain('Point 21');
  // Text is escaped in HTML: compare with the apostrophes and ampersands as the page writes them.
  const escaped = point21.text.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
  expect(html.includes(point21.text) || html.includes(escaped)).toBe(true);
  expect((html.match(/<article/g) || []).length).toBe(POINTS);
});

test('with JavaScript off, every point and its full-draft layer can be read, and one notice explains', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.locator('article')).toHaveCount(POINTS);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // One notice, in <noscript>: browsers with scripting off show it. (Playwright turns
  // scripts off without changing how the parser treats <noscript>, so read its text.)
  await expect(page.locator('noscript')).toHaveCount(1);
  expect(await page.locator('noscript').textContent()).toContain('need JavaScript');
  // The native disclosure opens without scripts.
  await card(page, 21).getByText("The draft's wording, as outlets published it").click();
  await expect(card(page, 21)).toContainText('Ukrainian forces will withdraw');
  // The radios are native form controls: a click checks one, and the stylesheet shows it.
  const russia = card(page, 1).getByRole('radio', { name: 'Russia', exact: true });
  await russia.check();
  await expect(russia).toBeChecked();
  await page.emulateMedia({ media: 'print' });
  await expect(card(page, 10).getByText('If Ukraine invades Russia', { exact: false })).toBeVisible();
  await context.close();
});

test('hydration keeps the prerendered elements: a card taken before the wasm runs is still the card after', async ({ page }) => {
  const messages = [];
  page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => messages.push(`pageerror: ${e.message}`));
  const release = await holdApp(page);
  await page.goto('./');
  await expect(page.locator('article')).toHaveCount(POINTS);
  await page.evaluate(() => { window.heldCard = document.getElementById('point-5'); window.heldRadio = document.querySelector('#point-5 input'); });
  await expect(page.locator('html')).not.toHaveAttribute('data-app', 'ready');
  release();
  await waitForApp(page);
  expect(await page.evaluate(() => window.heldCard.isConnected && window.heldCard === document.getElementById('point-5'))).toBe(true);
  expect(await page.evaluate(() => window.heldRadio === document.querySelector('#point-5 input'))).toBe(true);
  // And the held radio works: it is the app's radio now.
  await page.evaluate(() => window.heldRadio.click());
  await expect(page.getByRole('region', { name: 'Tally', exact: true })).toContainText('Russia 1');
  expect(messages.filter((m) => /hydrat|error|panick/i.test(m))).toEqual([]);
});

test('no layout shift while the app starts', async ({ page }) => {
  await openPage(page);
  // Two frames after the app has started: whatever it changed has been laid out and painted.
  // The observer's buffer holds every shift since the page began to load.
  const shift = await page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const observer = new PerformanceObserver(() => {});
      observer.observe({ type: 'layout-shift', buffered: true });
      const entries = observer.takeRecords();
      observer.disconnect();
      resolve(entries.filter((e) => !e.hadRecentInput).reduce((total, e) => total + e.value, 0));
    }));
  }));
  expect(shift).toBe(0);
});
