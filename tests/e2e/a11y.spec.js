// axe-core (WCAG 2.1 A and AA) on every view: zero violations.
const { test, expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const { openPage, tag, card, openOverview } = require('./helpers');

async function expectNoViolations(page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary).toEqual([]);
}

test('story view, untagged and tagged', async ({ page }) => {
  await openPage(page);
  await expectNoViolations(page);
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

test('shared view with comparison, and a damaged link alert', async ({ page }) => {
  await openPage(page);
  await tag(page, 1, 'Russia');
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/share=1Q/);
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const p2 = await page.context().newPage();
  await p2.goto(link);
  await p2.getByRole('button', { name: 'Compare with mine' }).click();
  await expectNoViolations(p2);
  const p3 = await page.context().newPage();
  await p3.goto(link.replace('#share=1', '#share=9'));
  await expect(p3.getByRole('alert')).toBeVisible();
  await expectNoViolations(p3);
});

test('dialogs: help, QR code, reset confirmation', async ({ page }) => {
  await openPage(page);
  await tag(page, 1, 'Russia');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Show QR code' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Reset all tags…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoViolations(page);
});

test('storage notice view', async ({ page }) => {
  await page.addInitScript(() => { Storage.prototype.setItem = () => { throw new Error('full'); }; });
  await openPage(page);
  await tag(page, 1, 'Russia');
  await expect(page.getByRole('status').filter({ hasText: 'not letting' })).toBeVisible();
  await expectNoViolations(page);
});
