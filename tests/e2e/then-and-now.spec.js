// "What became of the plan" (issue 26): how far the checking reaches, the dated timeline,
// the 20-point framework as outlets rendered it, and the five cards' later lines. Static
// HTML: read without scripts, in print, on a phone, in dark mode; axe clean.
const { test, expect } = require('@playwright/test');
const content = require('../../content/plan.json');
const { openPage, card, isPhone, expectAxeClean } = require('./helpers');

const L = content.later;
const section = (page) => page.locator('#later');
const withLater = content.points.filter((p) => p.later).map((p) => p.number);
/** "AFP (read via TAG24), 24 December 2025", as the page's `cite`/`cite_via` wording writes it. */
const citeWords = (r) => (r.via ? content.ui.cite_via.replace('{via}', r.via) : content.ui.cite)
  .replace('{outlet}', r.outlet).replace('{date}', r.date);

/** Checks every entry and item of the section as the reader sees it. */
async function expectTheWholeSection(page) {
  const s = section(page);
  await expect(s.getByRole('heading', { level: 2 })).toHaveText(L.heading);
  await expect(s.locator('.checked-line')).toContainText(content.checked.latest_event);
  await expect(s.locator('.checked-line')).toContainText(content.checked.content_checked);
  // Every entry: its date, its text naming who reported it, and each report with date and address.
  const events = s.locator('ol.timeline > li');
  await expect(events).toHaveCount(L.events.length);
  for (const [i, e] of L.events.entries()) {
    const entry = events.nth(i);
    await expect(entry.locator('.event-date')).toHaveText(e.date);
    await expect(entry.locator('.event-text')).toHaveText(e.text);
    const cite = entry.locator(':scope > .event-cite');
    for (const r of e.reports) {
      await expect(cite).toContainText(citeWords(r));
      await expect(cite.locator(`a[href="${r.url}"]`)).toHaveText(content.ui.source_link);
    }
    // Each quote: who, in what role, the day said; then the report it was read in, with its date.
    for (const [j, q] of e.quotes.entries()) {
      const caption = entry.locator('figure.quote figcaption').nth(j);
      await expect(caption).toContainText(`${q.speaker}, ${q.role}`);
      await expect(caption).toContainText(q.date);
      await expect(caption.locator('.quote-source')).toContainText(citeWords(q.reported));
    }
  }
  await expect(s.locator('.later-end')).toContainText(content.checked.latest_event);
  // The framework: one outlet an item, named; numbers only where an outlet gives one.
  const items = s.locator('.framework > li');
  await expect(items).toHaveCount(L.framework.items.length);
  for (const [i, item] of L.framework.items.entries()) {
    const li = items.nth(i);
    const label = li.locator('.framework-label');
    await expect(label).toContainText(`${item.rendering.outlet}'s`);
    if (item.number) await expect(label).toContainText(`Point ${item.number}:`);
    else await expect(label).toContainText('Unnumbered');
    await expect(li.locator('.event-cite')).toContainText(citeWords(item.rendering));
    await expect(li.locator('.badge')).toHaveCount(item.no_consensus ? 1 : 0);
  }
}

test('without JavaScript, the section and the cards\' later lines can be read in full', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  await expectTheWholeSection(page);
  // Near the top: how far the checking reaches, and a way to the section.
  const top = page.locator('.masthead .checked-line');
  await expect(top).toContainText(`${content.checked.latest_event}`);
  await top.getByRole('link', { name: content.ui.later_link }).click();
  await expect(page).toHaveURL(/#later$/);
  await expect(section(page).getByRole('heading', { level: 2 })).toBeInViewport();
  await context.close();
});

test('points 12 and 14 of the framework are marked as reported without consensus', async ({ page }) => {
  await openPage(page);
  const disputed = section(page).locator('.framework > li').filter({ has: page.locator('.badge') });
  await expect(disputed).toHaveCount(2);
  await expect(disputed.nth(0)).toContainText('Point 12');
  await expect(disputed.nth(1)).toContainText('Point 14');
  await expect(disputed.first().locator('.badge')).toHaveText(content.ui.framework_no_consensus);
});

test('five cards carry a later line with outlet and date; the others say nothing', async ({ page }) => {
  await openPage(page);
  await expect(page.locator('article .later-line')).toHaveCount(withLater.length);
  for (const n of withLater) {
    const p = content.points[n - 1];
    const line = card(page, n).locator('.later-line');
    await expect(line).toContainText(p.later.text);
    await expect(line.locator('.draft-cite')).toContainText(citeWords(p.later.report));
    await expect(line.getByRole('link', { name: content.ui.source_link })).toHaveAttribute('href', p.later.report.url);
  }
  await expect(card(page, 22).locator('.later-line')).toHaveCount(0);
});

test('with the app running, the masthead link brings the section into view', async ({ page }) => {
  await openPage(page);
  await page.locator('.masthead').getByRole('link', { name: content.ui.later_link }).click();
  await expect(section(page).getByRole('heading', { level: 2 })).toBeInViewport();
  // No notice about a link the page could not read: #later is the section's own address.
  await expect(page.getByText(content.ui.link_unrecognized)).toHaveCount(0);
});

test('on paper: the section prints, and so do the cards\' later lines', async ({ page }) => {
  await openPage(page);
  await page.emulateMedia({ media: 'print' });
  await expect(section(page)).toBeVisible();
  await expect(section(page).locator('ol.timeline > li').last()).toBeVisible();
  await expect(section(page).locator('.framework > li').last()).toBeVisible();
  await expect(card(page, 21).locator('.later-line')).toBeVisible();
  await expect(page.locator('.masthead .checked-line')).toBeVisible();
});

test('nothing in the section is wider than the screen', async ({ page }, testInfo) => {
  await openPage(page);
  await section(page).scrollIntoViewIfNeeded();
  const overflow = await section(page).evaluate((s) => {
    const width = document.documentElement.clientWidth;
    return [...s.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > width + 1)
      .map((el) => el.className || el.tagName).slice(0, 5);
  });
  expect(overflow, isPhone(testInfo) ? 'phone' : 'desktop').toEqual([]);
});

for (const scheme of ['light', 'dark']) {
  test(`axe: the section and a card with its later line are clean (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openPage(page, '#point-21');
    await expectAxeClean(page, { include: '#later' });
    await expectAxeClean(page, { include: '#point-21' });
  });
}
