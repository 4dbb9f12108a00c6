// The story: cards, scrollytelling, navigation without scrolling, motion, layout.
const { test, expect } = require('@playwright/test');
const content = require('../../content/plan.json');
const { POINTS, openPage, card, choices, isPhone, openOverview } = require('./helpers');

test('one card per point in draft order, each with its contract heading and fieldset', async ({ page }) => {
  await openPage(page);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const headings = await page.locator('article h3').allTextContents();
  expect(headings).toEqual(Array.from({ length: POINTS }, (_, i) => `Point ${i + 1}`));
  for (const n of [1, 11, POINTS]) {
    const fs = card(page, n).getByRole('group', { name: `Who does point ${n} favor?` });
    for (const label of ['Russia', 'Ukraine', 'Neutral']) {
      await expect(fs.getByRole('radio', { name: label, exact: true })).toBeVisible();
      await expect(fs.getByRole('radio', { name: label, exact: true })).not.toBeChecked();
    }
    await expect(fs.getByRole('button', { name: /^Clear/ })).toBeVisible();
  }
  // Point 11 is marked as outside AFP's list (once), with its source; the others say they are AFP's summary.
  await expect(card(page, 11).getByText("Not in AFP's list")).toHaveCount(1);
  await expect(card(page, 11).locator('.provenance')).toContainText('AP');
  await expect(card(page, 11).locator('.provenance')).toContainText('BBC');
  await expect(card(page, 11)).toContainText('is eligible');
  await expect(card(page, 12)).toContainText("AFP's summary");
  await expect(card(page, 12)).toContainText('World Bank');
});

test('the active step and the graphic follow scrolling', async ({ page }, testInfo) => {
  await openPage(page);
  const progress = page.locator('.progress-text');
  await expect(progress).toHaveText('Introduction');
  await page.locator('[data-step="story-1"]').scrollIntoViewIfNeeded();
  await page.locator('[data-step="story-1"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(page.locator('.speakers-caption')).toHaveText(`Speaking now: ${content.story[1].party_label}`);
  await card(page, 5).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(progress).toHaveText(`Point 5 of ${POINTS}`);
  await openOverview(page, testInfo);
  const nav = page.getByRole('navigation', { name: /overview/ });
  await expect(nav.getByRole('button', { name: /^Point 5\b/ })).toHaveAttribute('aria-current', 'step');
  await expect(nav.locator('[aria-current="step"]')).toHaveCount(1);
  // The address follows the active point without piling up history entries.
  await expect(page).toHaveURL(/#point-5$/);
  const before = await page.evaluate(() => history.length);
  await card(page, 9).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(progress).toHaveText(`Point 9 of ${POINTS}`);
  await expect(page).toHaveURL(/#point-9$/);
  expect(await page.evaluate(() => history.length)).toBe(before);
});

/** Until the page stops scrolling. A click computes its point first and lands a
 * moment later: during a smooth scroll the sticky panel's buttons are still
 * moving up, and the click would hit the text beside them (seen: 1 run in 6). */
async function scrollSettled(page) {
  await expect.poll(async () => {
    const before = await page.evaluate(() => scrollY);
    await page.waitForTimeout(150);
    return before === await page.evaluate(() => scrollY);
  }).toBe(true);
}

test('Next/Previous buttons and J/K move focus card to card', async ({ page }) => {
  await openPage(page);
  await page.getByRole('button', { name: 'Next point' }).click();
  await expect(card(page, 1)).toBeFocused();
  await scrollSettled(page);
  await page.getByRole('button', { name: 'Next point' }).click();
  await expect(card(page, 2)).toBeFocused();
  await scrollSettled(page);
  await page.getByRole('button', { name: 'Previous point' }).click();
  await expect(card(page, 1)).toBeFocused();
  await page.keyboard.press('j');
  await expect(card(page, 2)).toBeFocused();
  await page.keyboard.press('j');
  await expect(card(page, 3)).toBeFocused();
  await page.keyboard.press('k');
  await expect(card(page, 2)).toBeFocused();
  await expect(page.locator('.progress-text')).toHaveText(`Point 2 of ${POINTS}`);
  await expect(card(page, 2)).toBeInViewport();
});

test('a reader who scrolls on while a jump is still under way: the progress follows to where they stopped', async ({ page }) => {
  // CI (2026-12-04) stuck on "Point 5" after a scroll to point 21 made during
  // the hold a jump puts on the step: the observer's one report came during
  // the hold and nothing asked again once it lifted.
  await openPage(page);
  for (const to of [21, 9, 17, 3]) {
    // Next point, and in the same task, while its smooth scroll has only
    // begun, the reader scrolls elsewhere, smoothly too (so every card it
    // passes is reported during the hold): centre of card `to` to the centre
    // of what the bottom bar (phones) leaves in view.
    await page.evaluate((n) => {
      document.querySelectorAll('.stepper .step-button')[1].click(); // Next point
      const bar = matchMedia('(max-width: 959.98px)').matches ? document.querySelector('.graphic').offsetHeight : 0;
      const r = document.querySelector(`#point-${n}`).getBoundingClientRect();
      window.scrollBy({ top: r.top + r.height / 2 - (innerHeight - bar) / 2, behavior: 'smooth' });
    }, to);
    await expect(page.locator('.progress-text')).toHaveText(`Point ${to} of ${POINTS}`);
  }
});

test('clicking an overview cell jumps to that point', async ({ page }, testInfo) => {
  // Start on a point (the overview shows from the first point on). Not through Next point:
  // Playwright's own scroll to the cell could cut that smooth scroll short in the story,
  // where the overview gives way to the speakers.
  await openPage(page, '#point-1');
  await expect(card(page, 1)).toBeInViewport();
  await openOverview(page, testInfo);
  await page.getByRole('navigation', { name: /overview/ }).getByRole('button', { name: /^Point 20\b/ }).click();
  await expect(card(page, 20)).toBeFocused();
  await expect(card(page, 20)).toBeInViewport();
  await expect(page.locator('.progress-text')).toHaveText(`Point 20 of ${POINTS}`);
});

test('a #point-12 link lands on point 12', async ({ page }) => {
  await openPage(page, '#point-12');
  await expect(card(page, 12)).toBeFocused();
  await expect(card(page, 12)).toBeInViewport({ ratio: 0.9 });
  await expect(page.locator('.progress-text')).toHaveText(`Point 12 of ${POINTS}`);
  await expect(page).toHaveURL(/#point-12$/);
});

test('the help dialog opens with ? and closes with Escape', async ({ page }) => {
  await openPage(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Next point');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('reduced motion turns transitions off, from the system or the toggle', async ({ page, browser }) => {
  const duration = (p) => p.locator('.progress-fill').evaluate((el) => getComputedStyle(el).transitionDuration);
  await openPage(page);
  await expect.poll(() => duration(page)).not.toBe('0s');
  await page.getByRole('button', { name: 'Reduce motion' }).click();
  await expect(page.getByRole('button', { name: 'Reduce motion' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => duration(page)).toBe('0s');

  const reduced = await browser.newContext({ reducedMotion: 'reduce' });
  const p2 = await reduced.newPage();
  await openPage(p2);
  await expect.poll(() => duration(p2)).toBe('0s');
  await expect(p2.getByRole('button', { name: 'Reduce motion' })).toHaveAttribute('aria-pressed', 'true');
  // The reader's choice wins over the system's, in CSS as in scripted scrolling.
  await p2.getByRole('button', { name: 'Reduce motion' }).click();
  await expect(p2.getByRole('button', { name: 'Reduce motion' })).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(() => duration(p2)).not.toBe('0s');
  await reduced.close();
});

test('reduced motion follows the system setting live until the reader chooses', async ({ page }) => {
  const duration = () => page.locator('.progress-fill').evaluate((el) => getComputedStyle(el).transitionDuration);
  const toggle = page.getByRole('button', { name: 'Reduce motion' });
  await openPage(page);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(duration).toBe('0s');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(duration).not.toBe('0s');
});

test('no horizontal scrolling at 360 px, and tap targets of 44 px', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await openPage(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const small = await page.$$eval('button, .choice, input[type=text]', (els) => els
    .filter((el) => el.offsetParent !== null)
    .map((el) => el.getBoundingClientRect())
    .filter((r) => r.height < 44).length);
  expect(small).toBe(0);
});

test('screenshots at phone and desktop sizes', async ({ page }, testInfo) => {
  test.skip(isPhone(testInfo), 'one run takes both sizes');
  for (const [name, width, height] of [['phone', 390, 844], ['desktop', 1280, 800]]) {
    await page.setViewportSize({ width, height });
    await openPage(page);
    await page.screenshot({ path: testInfo.outputPath(`${name}-top.png`) });
    // Check first: Playwright may scroll to reach the radio; then centre the card.
    await choices(page, 7).getByRole('radio', { name: 'Ukraine', exact: true }).check();
    await card(page, 7).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect(page.locator('.progress-text')).toHaveText(`Point 7 of ${POINTS}`);
    await page.screenshot({ path: testInfo.outputPath(`${name}-point-7.png`) });
    await testInfo.attach(`${name}-point-7`, { path: testInfo.outputPath(`${name}-point-7.png`), contentType: 'image/png' });
  }
});

test('printing gives a worksheet: every point with tags, no navigation chrome', async ({ page }) => {
  await openPage(page);
  await choices(page, 4).getByRole('radio', { name: 'Neutral', exact: true }).check();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.graphic')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.locator('article fieldset')).toHaveCount(POINTS);
  for (const n of [1, 14, POINTS]) await expect(card(page, n)).toBeVisible();
  await expect(choices(page, 4).getByRole('radio', { name: 'Neutral', exact: true })).toBeChecked();
  await expect(choices(page, 5).getByRole('radio', { name: 'Neutral', exact: true })).toBeVisible();
  // Kept as an artifact to look at: the printed worksheet.
  await page.pdf({ path: test.info().outputPath('worksheet.pdf') });
});
