// axe-core (WCAG 2.1 A and AA) on every view: zero violations. One scan per
// test, so each stays well inside the time budget on a loaded machine.
const { test, expect } = require('@playwright/test');
const { openPage, waitForApp, tag, card, openOverview, expectAxeClean: expectNoViolations } = require('./helpers');

test('story view, untagged', async ({ page }) => {
  await openPage(page);
  await expectNoViolations(page);
});

test('story view, tagged', async ({ page }) => {
  await openPage(page);
  await tag(page, 1, 'Russia');
  await tag(page, 2, 'Ukraine');
  await tag(page, 3, 'Neutral');
  await card(page, 2).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expectNoViolations(page);
});

test('overview open, in dark mode', async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPage(page, '#point-4');
  await tag(page, 4, 'Russia');
  await openOverview(page, testInfo);
  await expectNoViolations(page);
});

/** The reader's link with point 1 tagged Russia. */
async function ownLink(page) {
  await openPage(page);
  await tag(page, 1, 'Russia');
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/share=1Q/);
  return page.getByRole('textbox', { name: 'Share link' }).inputValue();
}

test('shared view with comparison', async ({ page }) => {
  const link = await ownLink(page);
  const p2 = await page.context().newPage();
  await p2.goto(link);
  await waitForApp(p2);
  await p2.getByRole('button', { name: 'Compare with mine' }).click();
  await expect(p2.getByText(/You both tagged/)).toBeVisible();
  await expectNoViolations(p2);
});

test('a damaged link alert', async ({ page }) => {
  const link = await ownLink(page);
  const p3 = await page.context().newPage();
  await p3.goto(link.replace('#share=1', '#share=9'));
  await waitForApp(p3);
  await expect(p3.getByRole('alert')).toBeVisible();
  await expectNoViolations(p3);
});

for (const [name, open] of [
  ['help', async (page) => page.keyboard.press('?')],
  ['QR code', async (page) => page.getByRole('button', { name: 'Show QR code' }).click()],
  ['reset confirmation', async (page) => page.getByRole('button', { name: 'Reset all tags…' }).click()],
]) {
  test(`${name} dialog`, async ({ page }) => {
    await openPage(page);
    await tag(page, 1, 'Russia');
    await open(page);
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoViolations(page);
  });
}

test('storage notice view', async ({ page }) => {
  await page.addInitScript(() => { Storage.prototype.setItem = () => { throw new Error('full'); }; });
  await openPage(page);
  await tag(page, 1, 'Russia');
  await expect(page.getByRole('status').filter({ hasText: 'not letting' })).toBeVisible();
  await expectNoViolations(page);
});
