// Reader state you can trust: the router, two tabs, radios that follow every
// change. Each test here failed on the code before the fix it guards.
const { test, expect } = require('@playwright/test');
const {
  POINTS, tagString, shareCode, openPage, waitForApp, card, choices, tag, tagAll, expectTally, expectShown,
  expectStored,
} = require('./helpers');

const sharedLink = (base, tags, extra = '') => `${base.split('#')[0]}#share=${shareCode(tagString(tags))}${extra}`;

test('Back leaves the shared view: the banner goes and the radios work again', async ({ page }) => {
  await openPage(page);
  await tag(page, 2, 'Neutral');
  await expectStored(page, tagString({ 2: 'N' }));
  // A share link followed from the page: a new history entry.
  await page.evaluate((hash) => { window.location.hash = hash; }, `#share=${shareCode(tagString({ 1: 'R' }))}&name=Ana`);
  await expect(page.getByRole('status').filter({ hasText: "Ana's tags" })).toBeVisible();
  await expect(choices(page, 5).getByRole('radio', { name: 'Russia', exact: true })).toBeDisabled();
  await page.goBack();
  await expect(page.getByRole('status').filter({ hasText: "Ana's tags" })).toHaveCount(0);
  await expect(choices(page, 5).getByRole('radio', { name: 'Russia', exact: true })).toBeEnabled();
  await expectShown(page, tagString({ 2: 'N' }));
  await expectTally(page, { n: 1 });
});

test('a #point-N link leaves the shared view and lands on the point', async ({ page }) => {
  await page.goto(sharedLink('./', { 1: 'R' }, '&name=Ana'));
  await waitForApp(page);
  await expect(page.getByRole('status').filter({ hasText: "Ana's tags" })).toBeVisible();
  await page.evaluate(() => { window.location.hash = '#point-5'; });
  await expect(page.getByRole('status').filter({ hasText: "Ana's tags" })).toHaveCount(0);
  await expect(card(page, 5)).toBeFocused();
  await expect(choices(page, 5).getByRole('radio', { name: 'Russia', exact: true })).toBeEnabled();
  await expectShown(page, tagString({}));
});

test('two tabs: an older tab takes in the newer tab\'s tags and never writes over them', async ({ page }) => {
  const context = page.context();
  const older = page;
  await openPage(older);
  const newer = await context.newPage();
  await openPage(newer);
  await tagAll(newer, { 1: 'R', 2: 'U' });
  await expectStored(newer, tagString({ 1: 'R', 2: 'U' }));
  // The older tab follows: radios, tally and share link.
  await expectShown(older, tagString({ 1: 'R', 2: 'U' }));
  await expectTally(older, { r: 1, u: 1 });
  await expect(older.getByRole('textbox', { name: 'Share link' })).toHaveValue(
    new RegExp(`#share=${shareCode(tagString({ 1: 'R', 2: 'U' }))}`));
  await tag(older, 3, 'Neutral');
  const all = tagString({ 1: 'R', 2: 'U', 3: 'N' });
  await expectStored(older, all);
  await expectShown(newer, all);
  const fresh = await context.newPage();
  await openPage(fresh);
  await expectShown(fresh, all);
});

test('two tabs: a save never overwrites another tab\'s newer save it has not heard of', async ({ page }) => {
  // The storage event may arrive late; a tab must check before it writes.
  await openPage(page);
  await tag(page, 1, 'Russia');
  await expectStored(page, tagString({ 1: 'R' }));
  // A save this tab has not heard of: `storage` events reach only the other
  // tabs, so a write from this page's own script is one.
  await page.evaluate((code) => localStorage.setItem('weigh-the-plan:tags:v1', code), shareCode(tagString({ 1: 'R', 9: 'U' })));
  await tag(page, 4, 'Neutral');
  await expectStored(page, tagString({ 1: 'R', 4: 'N', 9: 'U' }));
  await expectShown(page, tagString({ 1: 'R', 4: 'N', 9: 'U' }));
});

test('Clear, keys and undo always resync the radios (no drift)', async ({ page }) => {
  await openPage(page, '#point-3');
  await expect(card(page, 3)).toBeFocused();
  await page.keyboard.press('u');
  await expect(choices(page, 3).getByRole('radio', { name: 'Ukraine', exact: true })).toBeChecked();
  await tag(page, 3, 'Russia');
  await page.keyboard.press('n');
  await expect(choices(page, 3).getByRole('radio', { name: 'Neutral', exact: true })).toBeChecked();
  await choices(page, 3).getByRole('button', { name: /^Clear/ }).click();
  await expect(choices(page, 3).getByRole('radio', { checked: true })).toHaveCount(0);
  await tag(page, 3, 'Russia');
  await page.getByRole('button', { name: 'Reset all tags…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear all tags' }).click();
  await expectShown(page, tagString({}));
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectShown(page, tagString({ 3: 'R' }));
});

test('#class opens the class view, and a point link brings the story back', async ({ page }) => {
  await openPage(page, '#class');
  await expect(page.locator('#points')).toBeHidden();
  await page.evaluate(() => { window.location.hash = '#point-2'; });
  await expect(card(page, 2)).toBeFocused();
  await expect(card(page, 2)).toBeInViewport();
});

test('the skip link moves to the points without closing a shared view, and is not offered in the class view', async ({ page }) => {
  await page.goto(sharedLink('./', { 1: 'R' }, '&name=Ana'));
  await waitForApp(page);
  const banner = page.getByRole('status').filter({ hasText: "Ana's tags" });
  await expect(banner).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: /^Skip to the/ });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#points')).toBeFocused();
  // At the start of the points (where the page's scroll padding leaves room for
  // what sticks at the top), not somewhere inside them, and not under the banner.
  await expect.poll(() => page.locator('#points').evaluate((el) => {
    const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    return Math.abs(el.getBoundingClientRect().top - padding);
  })).toBeLessThan(5);
  const [bannerBottom, pointsTop] = await Promise.all([
    banner.evaluate((el) => el.getBoundingClientRect().bottom),
    page.locator('#points').evaluate((el) => el.getBoundingClientRect().top),
  ]);
  expect(bannerBottom).toBeLessThanOrEqual(pointsTop + 1);
  await expect(banner).toBeVisible();
  await expect(page).toHaveURL(/#share=/);
  await page.evaluate(() => { window.location.hash = '#class'; });
  await expect(page.getByRole('textbox', { name: 'Student links' })).toBeVisible();
  await expect(skip).toBeHidden();
});

test('a tag set after Reset withdraws the undo, so a late Undo cannot throw it away', async ({ page }) => {
  await openPage(page);
  await tag(page, 3, 'Russia');
  await page.getByRole('button', { name: 'Reset all tags…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear all tags' }).click();
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  await tag(page, 7, 'Neutral');
  await expect(undo).toHaveCount(0);
  await expectShown(page, tagString({ 7: 'N' }));
  await expectStored(page, tagString({ 7: 'N' }));
});

test('two tabs: a name cleared or a class left in one tab is gone from the other tab\'s link', async ({ page }) => {
  const other = await page.context().newPage();
  await openPage(page, '#join=9B');
  await openPage(other);
  await page.getByLabel(/Your name/).fill('Ana');
  const link = other.getByRole('textbox', { name: 'Share link' });
  await expect(link).toHaveValue(/&name=Ana\b/);
  await expect(link).toHaveValue(/&class=9B\b/);
  await page.getByLabel(/Your name/).fill('');
  await expect(link).not.toHaveValue(/name=/);
  await page.getByRole('button', { name: 'Remove the label' }).click();
  await expect(link).not.toHaveValue(/class=/);
});
