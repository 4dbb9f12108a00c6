// Say why (issue 27), the reader's side: a reason with a tag, saved with it,
// carried in the link (version 2), shown on the sharer's cards, compared side
// by side; a damaged reasons part still gives the tags, and says so.
const { test, expect } = require('@playwright/test');
const {
  tagString, openPage, waitForApp, choices, tag, expectShown, expectAxeClean, card,
} = require('./helpers');

const why = (page, n) => card(page, n).getByRole('textbox', { name: new RegExp(`^Why point ${n} `) });
const shareLink = (page) => page.getByRole('textbox', { name: 'Share link' });

test('a reason is written under a tagged card, counted down, kept through reload, and cleared with its tag', async ({ page }) => {
  await openPage(page);
  await expect(why(page, 21)).toHaveCount(0);
  await tag(page, 21, 'Russia');
  await expect(why(page, 21)).toHaveAccessibleName('Why point 21 favors Russia, in your words');
  await why(page, 21).fill('It rewards the invasion.');
  await expect(card(page, 21).locator('.why-count')).toHaveText('12 characters left');
  await expect(shareLink(page)).toHaveValue(/#share=2[^&]*(&[^&]*)*&why=/);
  await page.reload();
  await waitForApp(page);
  await expect(why(page, 21)).toHaveValue('It rewards the invasion.');
  await tag(page, 5, 'Neutral');
  await expect(why(page, 5)).toHaveAccessibleName('Why point 5 is Neutral, in your words');
  // Clear: the reason goes with the tag, and the link is a version 1 link again.
  await choices(page, 21).getByRole('button', { name: /^Clear/ }).click();
  await expect(why(page, 21)).toHaveCount(0);
  await expect(shareLink(page)).toHaveValue(/#share=1[A-Za-z0-9_-]{11}(&|$)/);
  await page.reload();
  await waitForApp(page);
  await tag(page, 21, 'Russia');
  await expect(why(page, 21)).toHaveValue('');
});

test('nothing is cut: a reason over the budget stays in the field, is refused with a reason, and the saved one stays', async ({ page }) => {
  await openPage(page);
  await tag(page, 3, 'Ukraine');
  await why(page, 3).fill('Security guarantees for Kyiv');
  await why(page, 3).fill('Security guarantees for Kyiv, backed by Europe');
  await expect(why(page, 3)).toHaveValue('Security guarantees for Kyiv, backed by Europe');
  await expect(card(page, 3).locator('.why-count')).toHaveText('10 characters too many');
  await expect(card(page, 3).getByRole('status').filter({ hasText: 'too long' })).toBeVisible();
  await expect(why(page, 3)).toHaveAttribute('aria-invalid', 'true');
  await page.reload();
  await waitForApp(page);
  await expect(why(page, 3)).toHaveValue('Security guarantees for Kyiv');
});

test('at most two points carry a reason: a third card says so, until one is removed', async ({ page }) => {
  await openPage(page);
  await tag(page, 1, 'Russia');
  await tag(page, 2, 'Ukraine');
  await tag(page, 4, 'Neutral');
  await why(page, 1).fill('One');
  await why(page, 2).fill('Two');
  await expect(why(page, 4)).toBeDisabled();
  await expect(card(page, 4).getByRole('status')).toContainText('the most a link can carry');
  await why(page, 2).fill('');
  await expect(why(page, 4)).toBeEnabled();
  await why(page, 4).fill('Three');
  await expect(why(page, 4)).toHaveValue('Three');
});

test('the link carries the reasons: another profile sees them on the cards, and compares them side by side', async ({ page, browser }) => {
  await openPage(page);
  await page.getByRole('textbox', { name: /^Your name/ }).fill('Олена');
  await tag(page, 21, 'Russia');
  await tag(page, 7, 'Ukraine');
  await why(page, 21).fill('Він винагороджує силу');
  await why(page, 7).fill('<b>Keeps</b> its army');
  const link = await shareLink(page).inputValue();
  expect(link).toContain('&why=');

  const other = await browser.newContext();
  const them = await other.newPage();
  await openPage(them);
  await tag(them, 21, 'Neutral');
  await why(them, 21).fill('Both sides gain');
  await them.goto(link);
  await expect(them.getByRole('status').filter({ hasText: "Олена's tags" })).toBeVisible();
  await expectShown(them, tagString({ 7: 'U', 21: 'R' }));
  await expect(card(them, 21).locator('.why-shared')).toContainText("Олена's reason: Він винагороджує силу");
  // Markup is text, never HTML; right-to-left or not, each reason is isolated.
  // Before compare, only the sharer's reason is shown.
  const shown = card(them, 7).locator('.why-quote:visible q');
  await expect(shown).toHaveCount(1);
  await expect(shown).toHaveText('<b>Keeps</b> its army');
  await expect(card(them, 7).locator('.why-shared b')).toHaveCount(0);
  await expect(shown).toHaveAttribute('dir', 'auto');
  await them.getByRole('button', { name: 'Compare with mine' }).click();
  const both = card(them, 21).locator('.why-shared');
  await expect(both).toContainText("Олена's reason: Він винагороджує силу");
  await expect(both).toContainText('Your reason: Both sides gain');
  await expectAxeClean(them, { include: '#point-21' });
  await other.close();
});

test('a link whose reasons part is damaged still gives its tags, and says the reasons could not be read', async ({ page }) => {
  await openPage(page);
  await tag(page, 9, 'Neutral');
  await why(page, 9).fill('Nobody gains');
  const link = await shareLink(page).inputValue();
  const damaged = link.replace(/why=([A-Za-z0-9_-])/, (m, c) => `why=${c === 'A' ? 'B' : 'A'}`);
  await page.goto(damaged);
  await expect(page.getByRole('status').filter({ hasText: 'reasons part of this link is damaged' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Its tags were read.' })).toBeVisible();
  await expectShown(page, tagString({ 9: 'N' }));
  await expect(card(page, 9).locator('.why-shared')).toBeHidden();
  // A 100 KB reasons part is refused with a clear message; the tags count.
  await page.goto(link.replace(/why=[^&]*/, `why=${'A'.repeat(100_000)}`));
  await expect(page.getByRole('status').filter({ hasText: 'far longer' })).toBeVisible();
  await expectShown(page, tagString({ 9: 'N' }));
});

test('a card with a reason, in light and dark, on phone and desktop: axe clean', async ({ page }) => {
  await openPage(page);
  await tag(page, 10, 'Ukraine');
  await why(page, 10).fill('Fair');
  await expectAxeClean(page, { include: '#point-10' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await why(page, 10).fill('x'.repeat(40));
  await expectAxeClean(page, { include: '#point-10' });
});
