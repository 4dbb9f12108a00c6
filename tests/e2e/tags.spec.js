// Tagging, the live tally, persistence and its failure modes.
const { test, expect } = require('@playwright/test');
const {
  POINTS, TAGS_KEY, tagString, openPage, waitForApp, card, choices, tag, tally, expectTally, expectShown, expectStored,
  openOverview,
} = require('./helpers');

test('tagging, changing and clearing update the tally exactly', async ({ page }) => {
  await openPage(page);
  await expectTally(page, {});
  await tag(page, 1, 'Russia');
  await expectTally(page, { r: 1 });
  await tag(page, 2, 'Ukraine');
  await tag(page, 3, 'Neutral');
  await tag(page, 4, 'Russia');
  await expectTally(page, { r: 2, u: 1, n: 1 });
  await tag(page, 4, 'Ukraine');
  await expectTally(page, { r: 1, u: 2, n: 1 });
  await choices(page, 2).getByRole('button', { name: /^Clear/ }).click();
  await expectTally(page, { r: 1, u: 1, n: 1 });
  await expect(choices(page, 2).getByRole('radio', { checked: true })).toHaveCount(0);
  // Percentages of all the points, and one short sentence for screen readers.
  await expect(tally(page)).toContainText(`(${Math.round(100 / POINTS)}%)`);
  await expect(tally(page).locator('[aria-live="polite"]')).toHaveText(`Point 2 cleared; 3 of ${POINTS} tagged.`);
  await expectShown(page, tagString({ 1: 'R', 3: 'N', 4: 'U' }));
  await expectStored(page, tagString({ 1: 'R', 3: 'N', 4: 'U' }));
});

test('each tag shows on its card and overview cell, in colour, letter and name', async ({ page }, testInfo) => {
  await openPage(page, '#point-1');
  await tag(page, 1, 'Russia');
  await tag(page, 2, 'Ukraine');
  await openOverview(page, testInfo);
  const overview = page.getByRole('navigation', { name: 'Plan overview' });
  const cell = (name) => overview.getByRole('button', { name, exact: true });
  await expect(cell('Point 1 tagged Russia')).toBeVisible();
  await expect(cell('Point 2 tagged Ukraine')).toBeVisible();
  await expect(cell('Point 3 untagged')).toBeVisible();
  const letter = (n) => cell(n).locator('.cell-letter')
    .evaluate((el) => getComputedStyle(el, '::after').content.split(' / ')[0]);
  expect(await letter('Point 1 tagged Russia')).toBe('"R"');
  expect(await letter('Point 3 untagged')).toBe('""');
  const edge = (n) => card(page, n).evaluate((el) => getComputedStyle(el).borderLeftColor);
  const [russia, ukraine, untagged] = [await edge(1), await edge(2), await edge(3)];
  expect(new Set([russia, ukraine, untagged]).size).toBe(3);
  await choices(page, 1).getByRole('button', { name: /^Clear/ }).click();
  await expect(cell('Point 1 untagged')).toBeVisible();
  await expect.poll(() => edge(1)).toBe(untagged);
});

test('the summary lists points by tag and links to untagged ones', async ({ page }) => {
  await openPage(page);
  await tag(page, 1, 'Russia');
  await tag(page, 5, 'Russia');
  await tag(page, 6, 'Neutral');
  const summary = page.getByRole('region', { name: /Summary/ });
  await expect(summary).toContainText(`3 of ${POINTS} points tagged.`);
  await expect(summary).toContainText('Russia (2)');
  await expect(summary).toContainText('Points 1, 5');
  await expect(summary).toContainText('Neutral (1)Point 6');
  // A summary link moves like Next/Previous: to the card, without a new history entry.
  const before = await page.evaluate(() => history.length);
  await summary.getByRole('link', { name: 'Point 2', exact: true }).click();
  await expect(card(page, 2)).toBeFocused();
  await expect(card(page, 2)).toBeInViewport();
  await expect(page).toHaveURL(/#point-2$/);
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('tags survive a reload', async ({ page }) => {
  await openPage(page);
  await tag(page, 7, 'Neutral');
  await tag(page, POINTS, 'Ukraine');
  await expectStored(page, tagString({ 7: 'N', [POINTS]: 'U' }));
  await page.reload();
  await waitForApp(page);
  await expect(choices(page, 7).getByRole('radio', { name: 'Neutral', exact: true })).toBeChecked();
  await expect(choices(page, POINTS).getByRole('radio', { name: 'Ukraine', exact: true })).toBeChecked();
  await expectTally(page, { u: 1, n: 1 });
});

test('R, U, N, 0 and Backspace tag the focused card', async ({ page }) => {
  await openPage(page);
  await page.getByRole('button', { name: 'Next point' }).click();
  await expect(card(page, 1)).toBeFocused();
  await page.keyboard.press('r');
  await expect(choices(page, 1).getByRole('radio', { name: 'Russia', exact: true })).toBeChecked();
  await page.keyboard.press('u');
  await expect(choices(page, 1).getByRole('radio', { name: 'Ukraine', exact: true })).toBeChecked();
  await page.keyboard.press('0');
  await expectTally(page, {});
  await page.keyboard.press('j');
  await expect(card(page, 2)).toBeFocused();
  await page.keyboard.press('n');
  await expectTally(page, { n: 1 });
  await page.keyboard.press('Backspace');
  await expectTally(page, {});
  // Shortcuts belong to the focused card only: typing a name does not tag anything.
  await page.getByLabel(/Your name/).fill('Rune');
  await expectTally(page, {});
});

test('reset all asks first, then can be undone', async ({ page }) => {
  await openPage(page);
  await tag(page, 1, 'Russia');
  await tag(page, 2, 'Ukraine');
  await page.getByRole('button', { name: 'Reset all tags…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear all your tags?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expectTally(page, { r: 1, u: 1 });
  await page.getByRole('button', { name: 'Reset all tags…' }).click();
  await dialog.getByRole('button', { name: 'Clear all tags' }).click();
  await expectTally(page, {});
  await expect(page.getByRole('status').filter({ hasText: 'All your tags were cleared.' })).toBeVisible();
  await expectStored(page, tagString({}));
  await page.reload();
  await waitForApp(page);
  await expectTally(page, {});
  await openPage(page);
  await tag(page, 3, 'Neutral');
  await page.getByRole('button', { name: 'Reset all tags…' }).click();
  await dialog.getByRole('button', { name: 'Clear all tags' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectTally(page, { n: 1 });
  await expectStored(page, tagString({ 3: 'N' }));
  await page.reload();
  await waitForApp(page);
  await expectTally(page, { n: 1 });
});

test('with localStorage throwing, tagging works in memory and says so once', async ({ page }) => {
  await page.addInitScript(() => {
    const fail = () => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    Storage.prototype.setItem = fail;
  });
  await openPage(page);
  await tag(page, 1, 'Ukraine');
  await tag(page, 2, 'Ukraine');
  await expectTally(page, { u: 2 });
  const notice = page.getByRole('status').filter({ hasText: 'not letting the page save' });
  await expect(notice).toHaveCount(1);
  await expect(notice).toBeVisible();
});

test('with localStorage disabled entirely, the page still loads and works', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await openPage(page);
  await expect(page.getByRole('status').filter({ hasText: 'not letting the page save' })).toBeVisible();
  await tag(page, 9, 'Neutral');
  await expectTally(page, { n: 1 });
});

test('a corrupt stored value is set aside, not deleted, and the page says so', async ({ page }) => {
  // Wait for the app first: if it started after the write, this first load would set the
  // value aside itself and the reload below would find nothing to report.
  await openPage(page);
  await page.evaluate((key) => localStorage.setItem(key, 'not-a-code{"oops"'), TAGS_KEY);
  await page.reload();
  await waitForApp(page);
  await expectTally(page, {});
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  const kept = await page.evaluate((key) => Object.keys(localStorage)
    .filter((k) => k.startsWith(key + ':set-aside:'))
    .map((k) => localStorage.getItem(k)), TAGS_KEY);
  expect(kept).toEqual(['not-a-code{"oops"']);
  // New tags are saved normally afterwards.
  await tag(page, 3, 'Russia');
  await expectStored(page, tagString({ 3: 'R' }));
  await page.reload();
  await waitForApp(page);
  await expectTally(page, { r: 1 });
});
