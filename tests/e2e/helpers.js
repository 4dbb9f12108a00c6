// Shared helpers: find things the way the UI contract promises (roles and names).
const { expect } = require('@playwright/test');

const TAGS_KEY = 'weigh-the-plan:tags:v1';

async function openPage(page, fragment = '') {
  await page.goto('./' + fragment);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('article')).toHaveCount(28);
}

const card = (page, n) => page.locator('article').filter({
  has: page.getByRole('heading', { name: new RegExp(`^Point ${n}$`) }),
});

const choices = (page, n) => page.getByRole('group', { name: new RegExp(`point ${n}(?!\\d)`) });

async function tag(page, n, label) {
  await choices(page, n).getByRole('radio', { name: label, exact: true }).check();
}

const tally = (page) => page.getByRole('region', { name: 'Tally', exact: true });

async function expectTally(page, { r = 0, u = 0, n = 0 }) {
  const region = tally(page);
  await expect(region).toContainText(new RegExp(`Russia ${r}(?!\\d)`));
  await expect(region).toContainText(new RegExp(`Ukraine ${u}(?!\\d)`));
  await expect(region).toContainText(new RegExp(`Neutral ${n}(?!\\d)`));
  await expect(region).toContainText(new RegExp(`Untagged ${28 - r - u - n}(?!\\d)`));
}

/** Radio states of all 28 points, as 'R', 'U', 'N' or '-'. */
async function shownTags(page) {
  // After a reload the cards appear once the wasm has started: wait for all 28.
  await expect(page.locator('article fieldset')).toHaveCount(28);
  return page.$$eval('article fieldset', (sets) => sets.map((fs) => {
    const checked = fs.querySelector('input[type=radio]:checked');
    return checked ? { russia: 'R', ukraine: 'U', neutral: 'N' }[checked.value] : '-';
  }).join(''));
}

/** The saved value, read after any pending save (saves run one task after a click). */
async function storedTags(page) {
  return page.evaluate((key) => new Promise((resolve) => {
    setTimeout(() => resolve(localStorage.getItem(key)), 0);
  }), TAGS_KEY);
}

const isPhone = (testInfo) => testInfo.project.name === 'phone';

/** The overview lives behind a toggle in the phone's bottom bar. */
async function openOverview(page, testInfo) {
  if (isPhone(testInfo)) {
    const toggle = page.getByRole('button', { name: 'Overview' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }
}

module.exports = { TAGS_KEY, storedTags, openPage, card, choices, tag, tally, expectTally, shownTags, isPhone, openOverview };
