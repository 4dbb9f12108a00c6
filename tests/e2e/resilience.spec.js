// A page that never goes dead (issue 17): what a class meets when something
// changes the page before the app starts (a browser's page translation, an
// extension, a proxy), or when the app's code cannot load at all.
const { test, expect } = require('@playwright/test');
const {
  POINTS, tagString, shareCode, waitForApp, choices, tag, expectShown, expectStored, expectTally, tally, holdApp,
} = require('./helpers');

/**
 * What Chrome's page translation does to a page: every text node outside
 * `translate="no"` (and `.notranslate`) becomes <font><font>translated</font></font>.
 * Here the "translation" keeps the words and adds a marker, so tests can see it.
 */
function translateScript(selector) {
  return `(() => {
    window.__translate = (root) => {
      const skip = (el) => el && el.closest && el.closest('[translate="no"], .notranslate, script, style, textarea');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const texts = [];
      while (walker.nextNode()) {
        const t = walker.currentNode;
        if (t.nodeValue.trim() && !skip(t.parentElement)) texts.push(t);
      }
      for (const t of texts) {
        const outer = document.createElement('font');
        const inner = document.createElement('font');
        inner.textContent = t.nodeValue;
        inner.dataset.translated = '';
        outer.appendChild(inner);
        t.replaceWith(outer);
      }
      return texts.length;
    };
    document.addEventListener('DOMContentLoaded', () => {
      for (const el of document.querySelectorAll(${JSON.stringify(selector)})) window.__translate(el);
    });
  })();`;
}

const CARDS = '#point-2, #point-3, #point-5, .tally, .share-panel';

test('a page translated before the app starts still tags, reloads and shares', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(translateScript(CARDS));
  const release = await holdApp(page);
  await page.goto('./');
  // The translation really happens before the app starts.
  await expect(page.locator('#point-2 font[data-translated]').first()).toBeAttached();
  await expect(page.locator('.tally font[data-translated]').first()).toBeAttached();
  release();
  await waitForApp(page);
  for (const n of [2, 3, 5, 7]) {
    await expect(choices(page, n).getByRole('radio', { name: 'Russia', exact: true })).toBeEnabled();
  }
  await tag(page, 2, 'Russia');
  await tag(page, 5, 'Neutral');
  await expectTally(page, { r: 1, n: 1 });
  await expectStored(page, tagString({ 2: 'R', 5: 'N' }));
  // One quiet line says what happened.
  await expect(page.getByRole('status').filter({ hasText: 'changed before it started' })).toHaveCount(1);
  await page.reload();
  await waitForApp(page);
  await expectShown(page, tagString({ 2: 'R', 5: 'N' }));
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(
    new RegExp(`#share=${shareCode(tagString({ 2: 'R', 5: 'N' }))}`));
  await page.goto(`./#share=${shareCode(tagString({ 9: 'U' }))}&name=Ana`);
  await expect(page.getByRole('button', { name: 'Compare with mine' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('translated after the app started: the tally and the class counts stay true', async ({ page }) => {
  await page.addInitScript(translateScript('nothing-yet'));
  await page.goto('./');
  await waitForApp(page);
  // The whole page is "translated" now, as Chrome does once it has loaded.
  await page.evaluate(() => window.__translate(document.body));
  await tag(page, 1, 'Russia');
  await tag(page, 2, 'Ukraine');
  await tag(page, 3, 'Ukraine');
  await expectTally(page, { r: 1, u: 2 });
  // No number in the tally sits in a translated (and so frozen) text node.
  expect(await tally(page).locator('font[data-translated]').filter({ hasText: /\d/ }).count()).toBe(0);
  await page.goto('./#class');
  await waitForApp(page);
  await page.evaluate(() => window.__translate(document.body));
  const base = page.url().split('#')[0];
  const links = [1, 2, 3, 4, 5].map((i) => `${base}#share=${shareCode(tagString({ 1: i % 2 ? 'R' : 'U' }))}&name=S${i}`);
  await page.getByRole('textbox', { name: 'Student links' }).fill(links.join('\n'));
  await page.getByRole('button', { name: 'Read the links' }).click();
  const row = page.getByRole('table', { name: 'Class counts per point' }).getByRole('row', { name: /^Point 1 / });
  await expect(row).toContainText('3');
  const cells = await row.getByRole('cell').allTextContents();
  expect(cells.map((c) => Number(c.trim().split(' ')[0]))).toEqual([3, 2, 0, 0]);
  await expect(page.locator('.class-report')).toContainText('5 student links read');
});

for (const [what, block] of [
  ['the app\'s wasm is missing (404)', (page) => page.route(/_bg\.wasm$/, (r) => r.fulfill({ status: 404, body: 'gone' }))],
  ['the app\'s script is blocked', (page) => page.route(/weigh-the-plan-[0-9a-f]+\.js$/, (r) => r.abort('blockedbyclient'))],
  ['the policy forbids compiling wasm', (page) => page.route(/\/(index\.html)?$/, async (r) => {
    const response = await r.fetch();
    const html = (await response.text()).replace(/'wasm-unsafe-eval' ?/g, '');
    await r.fulfill({ response, body: html });
  })],
  ['the browser has no WebAssembly', (page) => page.addInitScript(() => { delete window.WebAssembly; })],
]) {
  test(`when ${what}, the story reads, the radios still check, and the first choice brings one line saying why tags are not kept`, async ({ page }) => {
    await block(page);
    await page.goto('./');
    await expect(page.locator('html')).toHaveAttribute('data-app', 'failed', { timeout: 15_000 });
    // The story and every card read.
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('article')).toHaveCount(POINTS);
    await expect(page.locator('#point-21')).toContainText('Crimea');
    // The radios are live form controls; the first choice brings the line, and only one.
    const radio = choices(page, 1).getByRole('radio', { name: 'Russia', exact: true });
    await radio.check();
    await expect(radio).toBeChecked();
    const notice = page.getByRole('status').filter({ hasText: 'cannot be kept or counted' });
    await expect(notice).toBeVisible();
    await expect(notice).toHaveCount(1);
    await expect(choices(page, 1)).toHaveAccessibleDescription(/could not start/);
  });
}
