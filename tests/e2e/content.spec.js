// What the plan really says: each card's layer of draft wording, its markers and
// sources, the dated time frame and the closing step, in the browser and in print.
const { test, expect } = require('@playwright/test');
const content = require('../../content/plan.json');
const { POINTS, openPage, card } = require('./helpers');

const layer = (page, n) => card(page, n).locator('details.draft');

async function openLayer(page, n) {
  await card(page, n).getByText(content.ui.draft_heading).click();
  await expect(layer(page, n)).toHaveAttribute('open', '');
}

test('points 10, 21 and 28 show the marker and open to the terms AFP leaves out, with sources', async ({ page }) => {
  await openPage(page);
  for (const [n, terms] of [
    [10, ['If Ukraine invades Russia, it will lose the guarantee', 'decisive coordinated military response']],
    [21, ['Ukrainian forces will withdraw from the part of Donetsk Oblast', 'demilitarized buffer zone']],
    [28, ['after both sides withdraw to the agreed positions']],
  ]) {
    await expect(card(page, n).locator('.marker')).toHaveText(content.marker_labels[content.points[n - 1].marker]);
    // Closed by default: the terms are not shown until the reader opens the layer.
    await expect(layer(page, n).getByText(terms[0], { exact: false })).toBeHidden();
    await openLayer(page, n);
    for (const term of terms) await expect(layer(page, n)).toContainText(term);
    // Every quoted part names its outlet and date, and links to its source.
    await expect(layer(page, n).locator('.draft-cite').first()).toContainText(/(Associated Press|BBC|POLITICO).*(2025|undated)/);
    await expect(layer(page, n).getByRole('link', { name: 'Source' }).first()).toHaveAttribute('href', /^https:\/\//);
  }
  await expect(card(page, 3).locator('.marker')).toHaveText(content.marker_labels.reworded);
  // Where the wording could not be checked, the marker compares nothing with the draft.
  expect(content.points[27].marker).toBe('reported');
});

test('every card has the layer; the switch opens it on every card', async ({ page }) => {
  await openPage(page);
  await expect(page.locator('article details.draft')).toHaveCount(POINTS);
  await expect(page.locator('article details.draft[open]')).toHaveCount(0);
  await page.getByRole('switch', { name: 'Show fuller wording on every card, where an outlet published it' }).check();
  await expect(page.locator('article details.draft[open]')).toHaveCount(POINTS);
  await page.getByRole('switch', { name: 'Show fuller wording on every card, where an outlet published it' }).uncheck();
  await expect(page.locator('article details.draft[open]')).toHaveCount(0);
});

test('the print layout includes the layer of draft wording', async ({ page }) => {
  await openPage(page);
  await page.emulateMedia({ media: 'print' });
  await expect(layer(page, 21).getByText('Ukrainian forces will withdraw', { exact: false })).toBeVisible();
  await expect(layer(page, 10).getByText('If Ukraine invades Russia', { exact: false })).toBeVisible();
});

test('a dated time frame near the top, a defined Neutral, and a closing "What happened next" step', async ({ page }) => {
  await openPage(page);
  const frame = page.locator('.time-frame');
  await expect(frame).toContainText('20–21 November 2025');
  await expect(frame).toContainText('Geneva');
  // How far the checking reaches, right under it: both dates from the content file.
  const checked = page.locator('.masthead .checked-line');
  await expect(checked).toContainText(`Checked up to ${content.checked.latest_event}`);
  await expect(checked).toContainText(content.checked.content_checked);
  await expect(page.locator('.neutral-definition')).toContainText('Neutral means');
  const next = page.getByRole('heading', { name: 'What happened next' });
  await expect(next).toHaveCount(1);
  const last = content.story[content.story.length - 1];
  expect(last.heading).toBe('What happened next');
  await expect(page.locator(`[data-step="story-${content.story.length - 1}"]`)).toContainText('23 November');
});

test('no card suggests a side: nothing is pre-filled and the preview pairs no point with a side', async ({ page }) => {
  await openPage(page);
  await expect(page.locator('article input[type=radio]:checked')).toHaveCount(0);
  const alt = await page.locator('meta[property="og:image:alt"]').getAttribute('content');
  expect(alt).not.toMatch(/point \d+[^.]*(Russia|Ukraine)/i);
  const description = await page.locator('meta[name="description"]').getAttribute('content');
  expect(description).toContain('neither side clearly gains');
});

test('each quote gives the day it was said and, on its own line, the report it was read in', async ({ page }) => {
  await openPage(page);
  const debate = page.locator(`[data-step="story-${content.story.findIndex((s) => s.id === 'debate')}"]`);
  const critic = debate.locator('figure.quote').filter({ hasText: 'Roger Wicker' });
  await expect(critic.locator('blockquote')).toContainText('Ukraine should not be forced to give up its lands');
  await expect(critic.locator('figcaption')).toContainText('Senate Armed Services Committee, in a statement, 21 November 2025');
  await expect(critic.locator('.quote-source')).toHaveText('Source: AFP (read via BSS), 22 November 2025');
  const rubio = page.locator('figure.quote').filter({ hasText: 'Marco Rubio' });
  await expect(rubio.locator('figcaption')).toContainText('on X, 20 November 2025');
  await expect(rubio.locator('.quote-source')).toHaveText('Source: BBC, 21 November 2025');
  // Every quote on the page has its source line (the story's and the timeline's).
  const quotes = [...content.story, ...content.later.events].reduce((n, s) => n + s.quotes.length, 0);
  await expect(page.locator('figure.quote .quote-source')).toHaveCount(quotes);
});

test('a card whose wording could not be checked says so once, with why behind a disclosure', async ({ page }) => {
  await openPage(page);
  // The marker on the card says it; the layer does not say it again.
  await expect(card(page, 22).locator('.marker')).toHaveText(content.ui.unchecked_marker);
  await expect(card(page, 22).getByText('could not be checked', { exact: false })).toHaveCount(1);
  await openLayer(page, 22);
  await expect(layer(page, 22).locator('.part-unverified')).toHaveText(content.points[21].draft.parts[0].text);
  const why = layer(page, 22).locator('details.why');
  await expect(why).not.toHaveAttribute('open', '');
  await expect(why.getByText('translations', { exact: false })).toBeHidden();
  // Native disclosure: reachable and opened with the keyboard.
  await why.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(why).toHaveAttribute('open', '');
  await expect(why.getByText('translations', { exact: false })).toBeVisible();
  // Cards with an outlet's wording carry no such disclosure.
  await openLayer(page, 21);
  await expect(layer(page, 21).locator('details.why')).toHaveCount(0);
});
