// Usable at first paint (issue 28): the prerendered radios are live before
// the wasm arrives, and the app adopts what the reader did before it started.
// Each test holds the story's wasm back (holdApp) and lets it go when the
// reader has acted. They failed on 2dd9cf1, where the radios were disabled
// until the app started.
const { test, expect } = require('@playwright/test');
const {
  POINTS, TAGS_KEY, tagString, shareCode, waitForApp, choices, expectShown, expectStored, expectTally, storedRaw,
  holdApp,
} = require('./helpers');

const radio = (page, n, label) => choices(page, n).getByRole('radio', { name: label, exact: true });
const clear = (page, n) => choices(page, n).getByRole('button', { name: /^Clear/ });
const spoken = (page) => page.getByRole('region', { name: 'Tally', exact: true }).locator('[aria-live="polite"]');
const bootLine = (page) => page.locator('#app-failed');

/** Opens the page with the app held back; the page is painted and its radios are live. */
async function openHeld(page, fragment = '') {
  const release = await holdApp(page);
  await page.goto('./' + fragment);
  await expect(page.locator('article')).toHaveCount(POINTS);
  await expect(page.locator('html')).not.toHaveAttribute('data-app', /./);
  return release;
}

/** Records every time a radio's `checked` is set to false from now on (hydration must never uncheck it). */
async function watchUnchecks(page, selector) {
  await page.evaluate((sel) => {
    window.__unchecked = [];
    const own = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'checked');
    for (const input of document.querySelectorAll(sel)) {
      Object.defineProperty(input, 'checked', {
        get() { return own.get.call(this); },
        set(v) { if (!v && own.get.call(this)) window.__unchecked.push(this.name); own.set.call(this, v); },
        configurable: true,
      });
    }
  }, selector);
}

test('two points tagged before the wasm arrives are checked at once, then counted, saved and back after reload', async ({ page }) => {
  const release = await openHeld(page);
  await radio(page, 2, 'Russia').check();
  await radio(page, 5, 'Neutral').check();
  // Checked at once, shown by the stylesheet alone: the app has not started.
  await expect(radio(page, 2, 'Russia')).toBeChecked();
  await expect(radio(page, 5, 'Neutral')).toBeChecked();
  await expect(page.locator('html')).not.toHaveAttribute('data-app', /./);
  expect(await page.locator('#point-2 .choice.tag-russia').evaluate((el) => getComputedStyle(el).backgroundColor))
    .not.toBe(await page.locator('#point-2 .choice.tag-ukraine').evaluate((el) => getComputedStyle(el).backgroundColor));
  await watchUnchecks(page, '#point-2 input, #point-5 input');

  release();
  await waitForApp(page);
  await expectTally(page, { r: 1, n: 1 });
  await expectShown(page, tagString({ 2: 'R', 5: 'N' }));
  await expectStored(page, tagString({ 2: 'R', 5: 'N' }));
  // Announced once, in one sentence.
  await expect(spoken(page)).toHaveText(/^2 choices you made while the page loaded are counted; 2 of \d+ tagged\.$/);
  expect(await page.evaluate(() => window.__unchecked)).toEqual([]);
  // The share link carries them.
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(
    new RegExp(`#share=${shareCode(tagString({ 2: 'R', 5: 'N' }))}`));

  await page.reload();
  await waitForApp(page);
  await expectShown(page, tagString({ 2: 'R', 5: 'N' }));
  await expectTally(page, { r: 1, n: 1 });
});

test('a returning reader: an early click on a point already saved wins, and the other saved tags come back', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(([key, code]) => localStorage.setItem(key, code), [TAGS_KEY, shareCode(tagString({ 3: 'R', 9: 'N', 12: 'U' }))]);
  const release = await openHeld(page);
  // Before the app starts the saved tags are not shown yet: the reader changes 3 and clears 12.
  await radio(page, 3, 'Ukraine').check();
  await radio(page, 12, 'Neutral').check();
  await clear(page, 12).click();
  await expect(radio(page, 12, 'Neutral')).not.toBeChecked();
  release();
  await waitForApp(page);
  await expectShown(page, tagString({ 3: 'U', 9: 'N' }));
  await expectStored(page, tagString({ 3: 'U', 9: 'N' }));
  await expectTally(page, { u: 1, n: 1 });
  await expect(spoken(page)).toHaveText(/^2 choices you made while the page loaded are counted; 2 of \d+ tagged\.$/);
});

test('clicks while the app hydrates are neither lost nor counted twice', async ({ page }) => {
  const release = await openHeld(page);
  await radio(page, 1, 'Russia').check();
  release();
  // Click on, point after point, while the islands come alive.
  for (const n of [4, 6, 8, 10, 12, 14]) await radio(page, n, 'Ukraine').check();
  await waitForApp(page);
  await radio(page, 16, 'Neutral').check();
  const want = tagString({ 1: 'R', 4: 'U', 6: 'U', 8: 'U', 10: 'U', 12: 'U', 14: 'U', 16: 'N' });
  await expectShown(page, want);
  await expectStored(page, want);
  await expectTally(page, { r: 1, u: 6, n: 1 });
});

for (const [what, fragment, after] of [
  ['someone\'s shared tags', `#share=${shareCode(tagString({ 7: 'U' }))}&name=Ana`,
    async (page) => expect(page.getByRole('button', { name: 'Compare with mine' })).toBeVisible()],
  ['a damaged link', '#share=1AAAA', async (page) => expect(page.getByRole('alert')).toBeVisible()],
  ['an unknown fragment', '#shared-by-a-chat-app', async (page) => expect(page.getByRole('alert')).toBeVisible()],
]) {
  test(`on ${what}, a click before the app starts is held and said, never kept as the reader's`, async ({ page }) => {
    const release = await openHeld(page, fragment);
    await radio(page, 2, 'Russia').click();
    await expect(radio(page, 2, 'Russia')).not.toBeChecked();
    await expect(bootLine(page)).toHaveText(/was not taken/);
    await expect(page.getByRole('status').filter({ hasText: 'was not taken' })).toBeVisible();
    release();
    await waitForApp(page);
    await after(page);
    // The held line is gone; nothing reached the reader's saved tags.
    await expect(bootLine(page)).toBeEmpty();
    expect(await storedRaw(page)).toBeNull();
  });
}

test('on the class view\'s address, a click on the story before start is held too', async ({ page }) => {
  const release = await openHeld(page, '#class');
  await radio(page, 2, 'Russia').click();
  await expect(radio(page, 2, 'Russia')).not.toBeChecked();
  await expect(bootLine(page)).toHaveText(/was not taken/);
  release();
  await waitForApp(page);
  await expect(page.getByRole('textbox', { name: 'Student links' })).toBeVisible();
  expect(await storedRaw(page)).toBeNull();
});

test('a point link is the reader\'s own page: a click there before start is kept', async ({ page }) => {
  const release = await openHeld(page, '#point-9');
  await radio(page, 9, 'Neutral').check();
  await expect(bootLine(page)).toBeEmpty();
  release();
  await waitForApp(page);
  await expectStored(page, tagString({ 9: 'N' }));
});

test('with the wasm blocked, the radios still check, and the first choice brings one line saying tags cannot be kept', async ({ page }) => {
  await page.route(/weigh-the-plan-[0-9a-f]+_bg\.wasm$/, (r) => r.abort('blockedbyclient'));
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
  // Nothing is said before the reader makes a choice.
  await expect(bootLine(page)).toBeEmpty();
  await radio(page, 4, 'Ukraine').check();
  await expect(radio(page, 4, 'Ukraine')).toBeChecked();
  const line = page.getByRole('status').filter({ hasText: 'cannot be kept or counted' });
  await expect(line).toBeVisible();
  await expect(line).toHaveCount(1);
  await expect(choices(page, 4)).toHaveAccessibleDescription(/could not start/);
});

test('a choice made before the app fails: the line comes as soon as it fails', async ({ page }) => {
  let fail;
  const gate = new Promise((resolve) => { fail = resolve; });
  await page.route(/weigh-the-plan-[0-9a-f]+_bg\.wasm$/, async (r) => { await gate; await r.fulfill({ status: 404, body: 'gone' }); });
  await page.goto('./');
  await radio(page, 6, 'Russia').check();
  await expect(bootLine(page)).toBeEmpty();
  fail();
  await expect(page.locator('html')).toHaveAttribute('data-app', 'failed');
  await expect(page.getByRole('status').filter({ hasText: 'cannot be kept or counted' })).toBeVisible();
});
