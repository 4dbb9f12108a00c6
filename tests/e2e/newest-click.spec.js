// Issue 25, failure 1: the newest click loses to an older save. Two tabs of
// the page; tab B misses tab A's `storage` event (a tab restored from the
// back/forward cache, or one the browser suspended, hears nothing). The
// click the reader has just made must win, in the tab and in storage; the
// spoken sentence must match the radio; the other tab's tags on other points
// are kept. This failed on 2dd9cf1: B's radio flipped to A's older Russia.
const { test, expect } = require('@playwright/test');
const { TAGS_KEY, tagString, shareCode, openPage, tag, expectShown, expectStored, storedRaw } = require('./helpers');

/**
 * Lets the test make this page deaf to `storage` events, as a tab restored
 * from the back/forward cache or suspended by the browser is: every listener
 * for them is wrapped (before the page's scripts run), and `missStorageEvents`
 * turns the deafness on.
 */
async function canMissStorageEvents(page) {
  await page.addInitScript(() => {
    window.__missed = 0;
    window.__deaf = false;
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, listener, options) {
      if (this === window && type === 'storage' && typeof listener === 'function') {
        const wrapped = function (event) {
          if (window.__deaf) { window.__missed++; return undefined; }
          return listener.call(this, event);
        };
        return add.call(this, type, wrapped, options);
      }
      return add.call(this, type, listener, options);
    };
  });
}

async function missStorageEvents(page) {
  await page.evaluate(() => { window.__deaf = true; });
}

const spoken = (page) => page.getByRole('region', { name: 'Tally', exact: true }).locator('[aria-live="polite"]');

test('a tab that missed another tab\'s save: its newer click wins, and it says what it shows', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await canMissStorageEvents(b);
  await openPage(a);
  await openPage(b);
  await missStorageEvents(b);

  await tag(a, 5, 'Russia');
  await tag(a, 7, 'Neutral');
  await expectStored(a, tagString({ 5: 'R', 7: 'N' }));
  // B heard nothing: it still shows point 5 untagged.
  await expect.poll(() => b.evaluate(() => window.__missed)).toBeGreaterThan(0);
  await expectShown(b, tagString({}));

  await tag(b, 5, 'Ukraine');
  // B's save merges A's older save: point 7 comes in, point 5 stays B's newer click.
  await expectShown(b, tagString({ 5: 'U', 7: 'N' }));
  await expectStored(b, tagString({ 5: 'U', 7: 'N' }));
  await expect(spoken(b)).toHaveText(/^Point 5 tagged Ukraine;/);
  // And it stays so: nothing flips it back a moment later.
  await b.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  await expectShown(b, tagString({ 5: 'U', 7: 'N' }));

  // A hears B's save and shows B's newer tag.
  await expectShown(a, tagString({ 5: 'U', 7: 'N' }));
});

test('an older click does not beat a newer save: a tab that missed a save keeps the later change of each point', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await canMissStorageEvents(b);
  await openPage(a);
  await openPage(b);
  await missStorageEvents(b);
  // B tags 3 first; A later tags 3 and 9; B, still unaware, then tags 12.
  await tag(b, 3, 'Neutral');
  await expectStored(b, tagString({ 3: 'N' }));
  await expect.poll(() => a.evaluate(() => document.querySelector('input[name="point-3-tag"][value="neutral"]').checked)).toBe(true);
  await tag(a, 3, 'Russia');
  await tag(a, 9, 'Ukraine');
  await expectStored(a, tagString({ 3: 'R', 9: 'U' }));
  await tag(b, 12, 'Russia');
  // A's change of 3 was later than B's: it wins; B's 12 is kept.
  await expectShown(b, tagString({ 3: 'R', 9: 'U', 12: 'R' }));
  await expectStored(b, tagString({ 3: 'R', 9: 'U', 12: 'R' }));
  await expect(spoken(b)).toHaveText(/^Point 12 tagged Russia;/);
});

test('a tab of an older deploy that writes only the tags: its change is taken in, and a newer click still wins', async ({ page }) => {
  await openPage(page);
  await tag(page, 2, 'Russia');
  await expectStored(page, tagString({ 2: 'R' }));
  // An older page (it knows only the tags key) tags point 4 and saves.
  const older = shareCode(tagString({ 2: 'R', 4: 'U' }));
  await page.evaluate(([key, value]) => {
    const old = localStorage.getItem(key);
    localStorage.setItem(key, value);
    dispatchEvent(new StorageEvent('storage', { key, oldValue: old, newValue: value, storageArea: localStorage }));
  }, [TAGS_KEY, older]);
  await expectShown(page, tagString({ 2: 'R', 4: 'U' }));
  await tag(page, 4, 'Neutral');
  await expectStored(page, tagString({ 2: 'R', 4: 'N' }));
  await page.reload();
  await expectShown(page, tagString({ 2: 'R', 4: 'N' }));
  expect(await storedRaw(page)).toBe(shareCode(tagString({ 2: 'R', 4: 'N' })));
});
