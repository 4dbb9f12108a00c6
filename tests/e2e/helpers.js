// Shared helpers: find things the way the UI contract promises (roles and names).
const { expect } = require('@playwright/test');
const AxeBuilder = require('@axe-core/playwright').default;
const content = require('../../content/plan.json');

/** The number of points comes from the content file, as in the app. */
const POINTS = content.points.length;
const TAGS_KEY = 'weigh-the-plan:tags:v1';
const LETTERS = { R: 'russia', U: 'ukraine', N: 'neutral' };
const LABELS = { R: 'Russia', U: 'Ukraine', N: 'Neutral' };

/** A tag string ('R', 'U', 'N' or '-' per point) from { pointNumber: letter }. */
function tagString(tags = {}) {
  return Array.from({ length: POINTS }, (_, i) => tags[i + 1] || '-').join('');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The share code of a tag string: an independent copy of the codec in
 * core/src/share.rs (version 1, two bits a point, unpadded base64url, an
 * odd-weighted check character), so tests can say what storage must hold.
 */
function shareCode(tags) {
  const bits = { '-': 0, R: 1, U: 2, N: 3 };
  const bytes = new Array(Math.ceil(POINTS / 4)).fill(0);
  [...tags].forEach((t, i) => { bytes[i >> 2] |= bits[t] << (6 - 2 * (i % 4)); });
  let body = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = bytes.slice(i, i + 3);
    const n = (chunk[0] << 16) | ((chunk[1] || 0) << 8) | (chunk[2] || 0);
    for (let j = 0; j <= chunk.length; j++) body += B64[(n >> (18 - 6 * j)) & 63];
  }
  const sum = [...body].reduce((s, c, i) => s + (2 * i + 1) * B64.indexOf(c), 0);
  return '1' + body + B64[sum % 64];
}

/** Opens the page and waits until the app has applied the reader's state. */
async function openPage(page, fragment = '') {
  await page.goto('./' + fragment);
  await waitForApp(page);
}

async function waitForApp(page) {
  await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('article')).toHaveCount(POINTS);
}

const card = (page, n) => page.locator('article').filter({
  has: page.getByRole('heading', { name: new RegExp(`^Point ${n}$`) }),
});

const choices = (page, n) => page.getByRole('group', { name: new RegExp(`point ${n}(?!\\d)`) });

async function tag(page, n, label) {
  await choices(page, n).getByRole('radio', { name: label, exact: true }).check();
}

/** Tags several points: tagAll(page, { 1: 'R', 2: 'U' }). */
async function tagAll(page, tags) {
  for (const [n, letter] of Object.entries(tags)) await tag(page, Number(n), LABELS[letter]);
}

const tally = (page) => page.getByRole('region', { name: 'Tally', exact: true });

async function expectTally(page, { r = 0, u = 0, n = 0 }) {
  const region = tally(page);
  await expect(region).toContainText(new RegExp(`Russia ${r}(?!\\d)`));
  await expect(region).toContainText(new RegExp(`Ukraine ${u}(?!\\d)`));
  await expect(region).toContainText(new RegExp(`Neutral ${n}(?!\\d)`));
  await expect(region).toContainText(new RegExp(`Untagged ${POINTS - r - u - n}(?!\\d)`));
}

/** Radio states of all points, as 'R', 'U', 'N' or '-' (read once; see expectShown). */
async function shownTags(page) {
  return page.$$eval('article fieldset', (sets) => sets.map((fs) => {
    const checked = fs.querySelector('input[type=radio]:checked');
    return checked ? { russia: 'R', ukraine: 'U', neutral: 'N' }[checked.value] : '-';
  }).join(''));
}

/** Retries until the radios show `expected` (a tag string). */
async function expectShown(page, expected) {
  await expect(page.locator('article fieldset')).toHaveCount(POINTS);
  await expect.poll(() => shownTags(page)).toBe(expected);
}

/** The raw saved value, read once. */
async function storedRaw(page) {
  return page.evaluate((key) => localStorage.getItem(key), TAGS_KEY);
}

/** Retries until storage holds exactly these tags (saves run one task after a click). */
async function expectStored(page, expected) {
  await expect.poll(() => storedRaw(page)).toBe(shareCode(expected));
}

/**
 * Holds the story's wasm back until the test calls the function returned:
 * the page is parsed and painted, its boot script runs, the app does not.
 */
async function holdApp(page) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await page.route(/\/weigh-the-plan-[0-9a-f]+_bg\.wasm$/, async (route) => { await gate; await route.continue(); });
  return release;
}

const isPhone = (testInfo) => testInfo.project.name === 'phone';

/** The overview lives behind a toggle in the phone's bottom bar. */
async function openOverview(page, testInfo) {
  if (isPhone(testInfo)) {
    const toggle = page.getByRole('button', { name: 'Overview' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
}

/**
 * axe-core (WCAG 2.1 A and AA) on the page, or on `include` only: zero
 * violations. Running CSS transitions are let finish first: a choice that
 * the app checks as it starts fades to its colour in 180 ms, and axe
 * sampling it halfway reads a contrast no reader is left with (CI, a loaded
 * machine, once in some hundreds of runs).
 */
async function expectAxeClean(page, { include } = {}) {
  await page.evaluate(() => Promise.all(document.getAnimations()
    .filter((a) => a.effect?.getTiming().iterations !== Infinity)
    .map((a) => a.finished.catch(() => {}))));
  let axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (include) axe = axe.include(include);
  const results = await axe.analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

module.exports = {
  expectAxeClean, POINTS, TAGS_KEY, LETTERS, LABELS, tagString, shareCode, openPage, waitForApp, card, choices, tag, tagAll, tally,
  expectTally, shownTags, expectShown, storedRaw, expectStored, isPhone, openOverview, holdApp,
};
