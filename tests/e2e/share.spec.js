// Share links: round trip, the shared view, damaged links, names, QR code.
const { test, expect } = require('@playwright/test');
const { PNG } = require('pngjs');
const jsQR = require('jsqr');
const { storedTags, openPage, choices, tag, expectTally, shownTags } = require('./helpers');

async function tagAndGetLink(page, name) {
  await openPage(page);
  await tag(page, 1, 'Russia');
  await tag(page, 2, 'Ukraine');
  await tag(page, 3, 'Neutral');
  await tag(page, 28, 'Russia');
  if (name !== undefined) await page.getByLabel(/Your name/).fill(name);
  // The field follows the tags a moment after each click, with the summary.
  await expect(page.getByRole('region', { name: /Summary/ })).toContainText('4 of 28 points tagged.');
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#share=1[A-Za-z0-9_-]{11}/);
  return link;
}

const SHARED = 'RUN------------------------R';

test('copy the link and open it in a fresh browser: the same tags are shown', async ({ page, browser }) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const link = await tagAndGetLink(page, 'Ana');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

  const fresh = await browser.newContext();
  const p2 = await fresh.newPage();
  await p2.goto(link);
  await expect(p2.getByRole('status').filter({ hasText: "Ana's tags" })).toBeVisible();
  expect(await shownTags(p2)).toBe(SHARED);
  await expectTally(p2, { r: 2, u: 1, n: 1 });
  await fresh.close();
});

/** A context whose reader has tags of their own, saved, then a new tab on `link`. */
async function readerWithOwnTags(browser, own, link) {
  const context = await browser.newContext();
  const mine = await context.newPage();
  await openPage(mine);
  for (const [n, label] of own) await tag(mine, n, label);
  const stored = await storedTags(mine);
  await mine.close();
  const page = await context.newPage();
  await page.goto(link);
  return { context, page, stored };
}

test('a shared link never touches the reader\'s own tags', async ({ page, browser }) => {
  const link = await tagAndGetLink(page, 'Ana');
  const { context, page: p2, stored } = await readerWithOwnTags(browser, [[1, 'Ukraine'], [10, 'Neutral']], link);
  await expect(p2.getByRole('status').filter({ hasText: "Ana's tags" })).toBeVisible();
  expect(await shownTags(p2)).toBe(SHARED);
  // Shared tags are read-only: the radios are disabled.
  await expect(choices(p2, 5).getByRole('radio', { name: 'Russia', exact: true })).toBeDisabled();

  await p2.getByRole('button', { name: 'Compare with mine' }).click();
  await expect(p2.getByText('You agree on 0 of the 1 points you both tagged; you differ on 1.')).toBeVisible();
  await expect(p2.locator('#point-1')).toContainText('Different · Yours: Ukraine · Shared: Russia');

  await p2.getByRole('button', { name: 'Back to mine' }).click();
  expect(await shownTags(p2)).toBe('U--------N------------------');
  expect(await storedTags(p2)).toBe(stored);
  await expect(p2).not.toHaveURL(/share=/);
  await p2.reload();
  expect(await shownTags(p2)).toBe('U--------N------------------');
  await context.close();
});

test('a link pasted into the address bar of an open page switches to the shared view', async ({ page }) => {
  const link = await tagAndGetLink(page, 'Ana');
  const p2 = await page.context().newPage();
  await openPage(p2);
  await p2.evaluate((hash) => { window.location.hash = hash; }, new URL(link).hash);
  await expect(p2.getByRole('status').filter({ hasText: "Ana's tags" })).toBeVisible();
  expect(await shownTags(p2)).toBe(SHARED);
});

test('"Make these mine" replaces own tags and can be undone', async ({ page, browser }) => {
  const link = await tagAndGetLink(page);
  const { context, page: p2 } = await readerWithOwnTags(browser, [[4, 'Neutral']], link);
  await expect(p2.getByRole('status').filter({ hasText: 'from a shared link' })).toBeVisible();
  await p2.getByRole('button', { name: 'Make these mine' }).click();
  expect(await shownTags(p2)).toBe(SHARED);
  await expect(choices(p2, 5).getByRole('radio', { name: 'Russia', exact: true })).toBeEnabled();
  await p2.getByRole('button', { name: 'Undo' }).click();
  expect(await shownTags(p2)).toBe('---N------------------------');
  await p2.reload();
  expect(await shownTags(p2)).toBe('---N------------------------');
  // Without undo, the shared tags become the reader's own, saved.
  const p3 = await context.newPage();
  await p3.goto(link);
  await p3.getByRole('button', { name: 'Make these mine' }).click();
  await p3.goto(link.split('#')[0]);
  await expect(p3.locator('article')).toHaveCount(28);
  expect(await shownTags(p3)).toBe(SHARED);
  await context.close();
});

for (const [what, mangle, message] of [
  ['truncated', (l) => l.slice(0, l.indexOf('#share=') + 12), 'This link is incomplete'],
  ['wrong-version', (l) => l.replace('#share=1', '#share=7'), 'different version'],
  ['garbage', (l) => l.split('#')[0] + '#share=%3Cscript%3E!!', 'does not contain'],
  ['one changed character', (l) => l.replace(/#share=1(.)/, (m, c) => '#share=1' + (c === 'A' ? 'B' : 'A')), 'damaged'],
]) {
  test(`a ${what} link shows an alert and leaves saved tags unchanged`, async ({ page, browser }) => {
    const link = mangle(await tagAndGetLink(page));
    const other = await browser.newContext();
    const p2 = await other.newPage();
    await openPage(p2);
    await tag(p2, 6, 'Ukraine');
    const before = await storedTags(p2);
    const p3 = await other.newPage(); // a fresh open of the damaged link
    await p3.goto(link);
    await expect(p3.getByRole('alert')).toContainText(message);
    expect(await shownTags(p3)).toBe('-----U----------------------');
    expect(await storedTags(p3)).toBe(before);
    await tag(p3, 7, 'Neutral'); // the page keeps working
    await expectTally(p3, { u: 1, n: 1 });
    await other.close();
  });
}

test('a name with markup is shown as literal text', async ({ page, browser }) => {
  const name = '<img src=x onerror=alert(1)>';
  const link = await tagAndGetLink(page, name);
  const other = await browser.newContext();
  const p2 = await other.newPage();
  let dialogs = 0;
  p2.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await p2.goto(link);
  await expect(p2.getByRole('status').filter({ hasText: `${name}'s tags` })).toBeVisible();
  expect(await p2.locator('img').count()).toBe(0);
  expect(dialogs).toBe(0);
  await other.close();
});

test('the QR code encodes exactly the share link', async ({ page }) => {
  const link = await tagAndGetLink(page, 'Ana');
  await page.getByRole('button', { name: 'Show QR code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan to open these tags' });
  await expect(dialog).toBeVisible();
  const qr = dialog.getByRole('img', { name: /QR code/ });
  await expect(qr.locator('svg')).toHaveCount(1);
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded && decoded.data).toBe(link);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
