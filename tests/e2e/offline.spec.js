// Offline in a classroom: after the first visit the page loads and works with
// no network, and a new deploy is picked up, whole, when the reader reloads.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');
const { serve, copyOfDist } = require('./static-server');
const { POINTS, waitForApp, tag, expectTally, expectShown, tagString } = require('./helpers');

test.use({ serviceWorkers: 'allow' });
// One worker install (a megabyte cached) and several reloads per test.
test.slow();

let site;
let dir;
test.beforeEach(async () => {
  dir = copyOfDist();
  site = await serve(dir);
});
test.afterEach(async () => {
  await site.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Opens the page and waits until its service worker is active and in control. */
async function openControlled(page) {
  await page.goto(site.url);
  await waitForApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await waitForApp(page);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** Publishes build `n` over the served copy: a changed heading, and so a new worker. */
function publish(n) {
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace(/What happened( \(update \d+\))?</, `What happened (update ${n})<`));
  const worker = path.join(dir, 'sw.js');
  fs.writeFileSync(worker, fs.readFileSync(worker, 'utf8').replace(/const VERSION = "[0-9a-f]+"/, `const VERSION = "${String(n).padStart(16, '0')}"`));
}

test('after the first visit the page loads offline: story, tags, share links and the class view', async ({ page, context }) => {
  await openControlled(page);
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await expect(page.locator('article')).toHaveCount(POINTS);
  await tag(page, 2, 'Neutral');
  await expectTally(page, { n: 1 });
  await page.reload();
  await waitForApp(page);
  await expectShown(page, tagString({ 2: 'N' }));
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.goto(`${site.url}#class`);
  await expect(page.getByRole('textbox', { name: 'Student links' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Student links' }).fill(link);
  await page.getByRole('button', { name: 'Read the links' }).click();
  await expect(page.getByText('A class of 1 student')).toBeVisible();
});

test('a new deploy is offered once, politely, and taken on reload, with no mix of old and new', async ({ page }) => {
  await openControlled(page);
  await tag(page, 4, 'Ukraine');
  publish(2);
  await page.reload();
  await waitForApp(page);
  // Still the old page, all of it (the new worker waits) ...
  await expect(page.getByRole('heading', { name: 'What happened', exact: true })).toBeVisible();
  const notice = page.getByRole('status').filter({ hasText: 'A newer version of this page is ready' });
  await expect(notice).toHaveCount(1);
  await notice.getByRole('button', { name: 'Reload now' }).click();
  // ... until the reader reloads into the new one.
  await expect(page.getByRole('heading', { name: 'What happened (update 2)' })).toBeVisible({ timeout: 15_000 });
  await waitForApp(page);
  await expectShown(page, tagString({ 4: 'U' }));
  await expect(page.getByRole('status').filter({ hasText: 'A newer version' })).toHaveCount(0);
});

test('"Reload now" takes the update while the address changes under the reader, three deploys in a row', async ({ page }) => {
  await openControlled(page);
  for (const n of [2, 3, 4]) {
    publish(n);
    await page.reload();
    await waitForApp(page);
    const notice = page.getByRole('status').filter({ hasText: 'A newer version of this page is ready' });
    await expect(notice).toHaveCount(1);
    // As the reader scrolls, the step observer rewrites the address, and the
    // browser checks the page's icon again each time (a fetch of its own, which
    // a worker answering it while handing over never finished: the click did nothing).
    await page.evaluate(() => {
      let step = 0;
      const scrolling = setInterval(() => {
        history.replaceState(null, '', `#point-${1 + (step % 28)}`);
        if (++step === 40) clearInterval(scrolling);
      }, 25);
    });
    await notice.getByRole('button', { name: 'Reload now' }).click();
    await expectUpdate(page, n);
  }
});

/**
 * The page shows build `n`. If it does not within 15 s, the failure says what
 * the page and its workers were doing (which worker waits, which controls the
 * page, how many loads there were), so a rare failure can be read, not guessed.
 */
async function expectUpdate(page, n) {
  const heading = page.getByRole('heading', { name: `What happened (update ${n})` });
  try {
    await expect(heading).toBeVisible({ timeout: 15_000 });
  } catch (error) {
    const state = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      const worker = (w) => (w ? `${w.state}` : 'none');
      return {
        heading: [...document.querySelectorAll('h2, h3')].map((h) => h.textContent.trim()).find((t) => t.startsWith('What happened')),
        notices: [...document.querySelectorAll('.notices [role=status], .notices [role=alert]')].map((e) => e.textContent.trim()).filter(Boolean),
        active: worker(registration?.active),
        waiting: worker(registration?.waiting),
        installing: worker(registration?.installing),
        controlled: !!navigator.serviceWorker.controller,
        loads: performance.getEntriesByType('navigation').map((e) => e.type),
      };
    }).catch((e) => `the page could not be asked: ${e.message}`);
    throw new Error(`build ${n} not shown after "Reload now": ${JSON.stringify(state)}\n${error.message}`);
  }
}
