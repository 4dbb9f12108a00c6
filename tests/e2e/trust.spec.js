// Trust in the wild (issue 17): nothing lost between tabs and saves, nothing
// leaked on a projected screen, a shared link that always opens. Each test
// here failed on fdf1422 (or on the build before its fix); see the notes.
const { test, expect } = require('@playwright/test');
const {
  POINTS, TAGS_KEY, tagString, shareCode, openPage, waitForApp, tag, tagAll, expectShown, expectStored, storedRaw,
  expectTally,
} = require('./helpers');
const { downloadCsv, spreadsheetCells, naiveCells, runsAsFormula } = require('./fixtures/csv');

const CLASS_KEY = 'weigh-the-plan:class-input:v1';
const { linksBox, report, openClass, paste } = require('./fixtures/class-view');

/** Percent-encodes all but RFC 3986 unreserved characters, as the app does. */
const pct = (text) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Student links made with the share codec (the same as the app's; see helpers). */
function links(base, plans) {
  return plans.map(([tags, name, cls]) => {
    let link = `${base}#share=${shareCode(tagString(tags))}`;
    if (name !== undefined) link += `&name=${pct(name)}`;
    if (cls !== undefined) link += `&class=${pct(cls)}`;
    return link;
  });
}

const FIVE = [
  [{ 1: 'R', 2: 'U' }, 'Ana'], [{ 1: 'R', 3: 'N' }, 'Bohdan'], [{ 1: 'U', 2: 'U' }, 'Chloé'],
  [{ 1: 'N' }, 'Dmytro'], [{ 2: 'R', 4: 'U' }, 'Yevheniia'],
];

// --- The shared view that did not open ------------------------------------

test('a share link opened in a tab that already shows the page always gets the shared view (50 times)', async ({ page }) => {
  test.setTimeout(240_000);
  await openPage(page);
  await tag(page, 1, 'Russia');
  await page.getByText("The draft's wording, as outlets published it").first().click();
  for (let i = 0; i < 50; i++) {
    // A point link starts a scroll; print emulation changes the layout under it:
    // the step observer reports steps while the next link arrives.
    await page.goto(`./#point-${1 + (i * 7) % POINTS}`);
    await page.emulateMedia({ media: 'print' });
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`./#share=${shareCode(tagString({ 2: 'U', 3: i % 2 ? 'R' : 'N' }))}&name=Ana${i}`);
    await expect(page.getByRole('button', { name: 'Compare with mine' }), `round ${i}`).toBeVisible({ timeout: 5000 });
    await expect(page.getByRole('status').filter({ hasText: `Ana${i}'s tags` })).toBeVisible();
    expect(page.url()).toContain('#share=');
  }
});

test('a share link that arrives while a point link is still being followed opens the shared view (10 times)', async ({ page }) => {
  // The race behind the CI failure, narrowed down: a #point-N link is followed
  // (its scroll waits a frame), the share link lands in the address bar, and
  // its hashchange is held back until that frame has run. Before the fix the
  // frame wrote #point-N over the share link, and the late hashchange found it.
  test.slow();
  await openPage(page);
  await tag(page, 1, 'Russia');
  await page.evaluate(() => {
    addEventListener('hashchange', (e) => {
      if (window.__hold) { e.stopImmediatePropagation(); window.__held = e; }
    }, true);
  });
  for (let i = 0; i < 10; i++) {
    const link = `#share=${shareCode(tagString({ 2: 'U', 4: i % 2 ? 'R' : 'N' }))}&name=Ana${i}`;
    await page.evaluate(([share, n]) => {
      window.__held = null;
      window.__hold = false;
      location.hash = `#point-${n}`;
      setTimeout(() => { window.__hold = true; location.hash = share; }, 0);
    }, [link, 5 + i]);
    await expect.poll(() => page.evaluate(() => window.__held !== null)).toBe(true);
    // The point link's frame has run: it moved focus to the point's card.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`point-${5 + i}`);
    await page.evaluate(() => { window.__hold = false; dispatchEvent(new HashChangeEvent('hashchange')); });
    await expect(page.getByRole('button', { name: 'Compare with mine' }), `round ${i}`).toBeVisible();
    expect(new URL(page.url()).hash).toBe(link);
  }
});

// --- Nothing lost between tabs and saves ------------------------------------

for (const [what, replace] of [
  ['Reset', async (page) => {
    await page.getByRole('button', { name: 'Reset all tags…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Clear all tags' }).click();
  }],
  ['"Make these mine"', async (page) => {
    await page.goto(`./#share=${shareCode(tagString({ 9: 'U' }))}&name=Ana`);
    await page.getByRole('button', { name: 'Make these mine' }).click();
  }],
]) {
  test(`undo after ${what} keeps a tag another tab made in between`, async ({ page }) => {
    await openPage(page);
    await tagAll(page, { 1: 'U', 5: 'N' });
    await expectStored(page, tagString({ 1: 'U', 5: 'N' }));
    await replace(page);
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeVisible();
    // Another tab of the same reader tags point 5 Russia.
    const other = await page.context().newPage();
    await openPage(other);
    await tag(other, 5, 'Russia');
    await expect.poll(() => page.evaluate(() => document.querySelector('#point-5 input[value=russia]').checked)).toBe(true);
    await undo.click();
    // Point 1 comes back; point 5 keeps the other tab's newer tag, in both tabs and in storage.
    const want = what === 'Reset' ? { 1: 'U', 5: 'R' } : { 1: 'U', 5: 'R' };
    await expectShown(page, tagString(want));
    await expectStored(page, tagString(want));
    await expectShown(other, tagString(want));
  });
}

test('one refused save is said, does not stop saving, and the next save catches up', async ({ page }) => {
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__refuseSaves) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, key, value);
    };
  });
  await openPage(page);
  await tag(page, 1, 'Russia');
  await expectStored(page, tagString({ 1: 'R' }));
  await page.evaluate(() => { window.__refuseSaves = true; });
  await tag(page, 2, 'Ukraine');
  const notice = page.getByRole('status').filter({ hasText: 'not letting the page save your latest change' });
  await expect(notice).toBeVisible();
  expect(await storedRaw(page)).toBe(shareCode(tagString({ 1: 'R' })));
  // The shared view must not claim a save that did not happen.
  await page.goto(`./#share=${shareCode(tagString({ 9: 'N' }))}`);
  await expect(page.getByRole('status').filter({ hasText: 'from a shared link' })).toContainText('not saved');
  await page.getByRole('button', { name: 'Back to mine' }).click();
  // Storage takes writes again: the next change saves the one that failed too.
  await page.evaluate(() => { window.__refuseSaves = false; });
  await tag(page, 3, 'Neutral');
  await expectStored(page, tagString({ 1: 'R', 2: 'U', 3: 'N' }));
  await expect(notice).toHaveCount(0);
  // "Try saving again" works without another change.
  await page.evaluate(() => { window.__refuseSaves = true; });
  await tag(page, 4, 'Russia');
  await expect(notice).toBeVisible();
  await page.evaluate(() => { window.__refuseSaves = false; });
  await page.getByRole('button', { name: 'Try saving again' }).click();
  await expectStored(page, tagString({ 1: 'R', 2: 'U', 3: 'N', 4: 'R' }));
  await expect(notice).toHaveCount(0);
  await page.reload();
  await waitForApp(page);
  await expectShown(page, tagString({ 1: 'R', 2: 'U', 3: 'N', 4: 'R' }));
});

test('the class box: a refused save says so, and the older list never comes back silently', async ({ page }) => {
  await page.addInitScript((key) => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, value) {
      if (k === key && localStorage.getItem('refuse') === 'yes') throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, value);
    };
  }, CLASS_KEY);
  await openClass(page);
  const base = page.url().split('#')[0];
  const older = links(base, FIVE.slice(0, 2));
  await paste(page, older.join('\n'));
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), CLASS_KEY)).toBe(older.join('\n'));
  await page.evaluate(() => localStorage.setItem('refuse', 'yes'));
  await paste(page, links(base, FIVE).join('\n'));
  await expect(page.getByRole('status').filter({ hasText: 'did not let the page save the pasted links' })).toBeVisible();
  // The older list is gone from storage, so the next visit cannot bring it back as if current.
  expect(await page.evaluate((k) => localStorage.getItem(k), CLASS_KEY)).toBeNull();
  await page.reload();
  await waitForApp(page);
  await expect(linksBox(page)).toHaveValue('');
});

test('links saved on an earlier visit come back with a word, and "Forget this class" removes them', async ({ page }) => {
  await openClass(page);
  const base = page.url().split('#')[0];
  await paste(page, links(base, FIVE).join('\n'));
  await expect(page.getByText('kept in this browser only, until you forget this class')).toBeVisible();
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('status').filter({ hasText: 'are back (5 lines)' })).toBeVisible();
  await expect(report(page)).toContainText('5 student links read');
  await page.getByRole('button', { name: 'Forget this class…' }).click();
  await page.getByRole('dialog', { name: 'Forget this class?' }).getByRole('button', { name: 'Forget this class' }).click();
  await expect(linksBox(page)).toHaveValue('');
  expect(await page.evaluate((k) => localStorage.getItem(k), CLASS_KEY)).toBeNull();
  await page.reload();
  await waitForApp(page);
  await expect(linksBox(page)).toHaveValue('');
  await expect(page.getByRole('status').filter({ hasText: 'are back' })).toHaveCount(0);
});

// --- Nothing leaked on a projected screen ----------------------------------

test('names stay off the projected screen until the teacher shows them, and edits keep them', async ({ page }) => {
  await openClass(page);
  const base = page.url().split('#')[0];
  const text = [...links(base, FIVE), `${base}#share=1AAAAAAAAAAB&name=Zoryana`].join('\n');
  await paste(page, text);
  const names = ['Ana', 'Bohdan', 'Chlo', 'Dmytro', 'Yevheniia', 'Zoryana'];
  const screenText = async () => (await linksBox(page).inputValue()) + (await page.locator('#class-main').innerText());
  await expect(report(page)).toContainText('5 student links read');
  await page.getByText('Students and their tags').click();
  for (const name of names) expect(await screenText()).not.toContain(name);
  await expect(linksBox(page)).toHaveValue(/&name=•••/);
  // Typing and pasting in the masked box reach the real text: a sixth student, pasted with a name.
  await linksBox(page).press('End');
  await linksBox(page).press('Control+End');
  await page.keyboard.insertText('\n' + links(base, [[{ 7: 'N' }, 'Fedir']])[0]);
  await expect(linksBox(page)).toHaveValue(/&name=•••$/);
  await page.getByRole('button', { name: 'Read the links' }).click();
  await expect(report(page)).toContainText('6 student links read');
  expect(await screenText()).not.toContain('Fedir');
  // Saved with the names; shown once the teacher asks.
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), CLASS_KEY)).toContain('name=Fedir');
  await page.getByRole('switch', { name: 'Show names' }).check();
  await expect(linksBox(page)).toHaveValue(/name=Fedir/);
  await expect(page.locator('.names-table')).toContainText('Bohdan');
  await expect(report(page)).toContainText('name=Zoryana');
});

test('a garbage line and a duplicate: the failing line, with its number and text, shows without a click', async ({ page }) => {
  await openClass(page);
  const base = page.url().split('#')[0];
  const five = links(base, FIVE);
  await paste(page, [...five.slice(0, 3), 'no link here, sorry', ...five.slice(3), five[0]].join('\n'));
  await expect(report(page)).toContainText('1 line could not be read');
  const failed = page.locator('.report-failed');
  await expect(failed).toBeVisible();
  await expect(failed).toContainText(/Line 4, “no link here, sorry”: .*does not contain/);
  // The full report stays folded.
  await expect(page.locator('.report-lines')).not.toHaveAttribute('open', '');
});

test('a class result link is offered from 5 students, not 4, and says what it can reveal', async ({ page }) => {
  await openClass(page);
  const base = page.url().split('#')[0];
  await paste(page, links(base, FIVE.slice(0, 4)).join('\n'));
  await expect(report(page)).toContainText('4 student links read');
  await expect(page.getByRole('textbox', { name: 'Class result link' })).toHaveCount(0);
  await expect(page.getByText('needs at least 5 students')).toBeVisible();
  await paste(page, links(base, FIVE).join('\n'));
  await expect(report(page)).toContainText('5 student links read');
  const field = page.getByRole('textbox', { name: 'Class result link' });
  await expect(field).toBeVisible();
  await expect(page.getByText('one student apart, would show that student')).toBeVisible();
  const value = await field.inputValue();
  for (const [, name] of FIVE) expect(value).not.toContain(name);
});

test('CSV with either separator: names and class labels that start like formulas are defused', async ({ page }) => {
  await openClass(page);
  const base = page.url().split('#')[0];
  const evil = links(base, [
    [{ 1: 'R' }, '=HYPERLINK("http://x","y")', '@9B'], [{ 1: 'U' }, '＋cmd', '-1;2'], [{ 2: 'N' }, 'Ana; Bo', '9B'],
  ]);
  await paste(page, evil.join('\n'));
  await expect(report(page)).toContainText('3 student links read');
  await page.getByRole('checkbox', { name: 'Include names' }).check();
  for (const [label, sep] of [['Comma', ','], ['Semicolon', ';']]) {
    await page.getByRole('radio', { name: new RegExp(`^${label}`) }).check();
    const csv = await downloadCsv(page);
    const rows = csv.split('\r\n').filter(Boolean).slice(1);
    const firstTwo = rows.map((r) => {
      const cells = r.match(new RegExp(`("([^"]|"")*"|[^${sep}]*)(${sep}|$)`, 'g')).map((c) => c.replace(new RegExp(`${sep}$`), ''));
      return cells.slice(0, 2).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));
    });
    expect(firstTwo, sep).toEqual([
      ['\'=HYPERLINK("http://x","y")', '\'@9B'], ['\'＋cmd', '\'-1;2'], ['Ana; Bo', '9B'],
    ]);
  }
});

test('a CSV opened with the other separator holds no formula either (issue 25): names and labels with ; or , inside', async ({ page }) => {
  await openClass(page);
  const base = page.url().split('#')[0];
  const label = ';=2+2;';
  await paste(page, links(base, [
    [{ 1: 'R' }, 'a;=1+1;', label], [{ 1: 'U' }, 'Bo,-2', label], [{ 2: 'N' }, 'x;@SUM(A1)', label],
    [{ 3: 'R' }, 'q";+1', label], [{ 4: 'U' }, 'Ana', label],
  ]).join('\n'));
  await expect(report(page)).toContainText('5 student links read');
  await page.getByRole('checkbox', { name: 'Include names' }).check();
  for (const [choice, sep] of [['Comma', ','], ['Semicolon', ';']]) {
    await page.getByRole('radio', { name: new RegExp(`^${choice}`) }).check();
    for (const button of ['Download CSV, one row per student', 'Download CSV, one row per point']) {
      const csv = await downloadCsv(page, button);
      // Opened with the other separator (Excel in a `;` locale opening the comma file), and with its own.
      for (const readWith of [sep === ',' ? ';' : ',', sep]) {
        const formulas = [...spreadsheetCells(csv, readWith), ...naiveCells(csv, readWith)].filter(runsAsFormula);
        expect(formulas, `${choice} file, "${button}", opened with "${readWith}"`).toEqual([]);
      }
      if (button.endsWith('student')) {
        // With its own separator the file reads back as written: every name and the label, as text.
        expect(spreadsheetCells(csv, sep), choice).toEqual(expect.arrayContaining(["a;'=1+1;", "Bo,'-2", ";'=2+2;", 'Ana']));
      }
    }
  }
});

test('bidi controls and invisible characters never reach a shown name', async ({ page }) => {
  // "Ana" + right-to-left override + "exe.gnp", and a name of only zero-width characters.
  await openPage(page, `#share=${shareCode(tagString({ 1: 'R' }))}&name=Ana%E2%80%AEexe.gnp`);
  await expect(page.getByRole('status').filter({ hasText: "Anaexe.gnp's tags" })).toBeVisible();
  await page.goto(`./#share=${shareCode(tagString({ 1: 'R' }))}&name=%E2%80%8B%E2%81%A0%EF%BB%BF`);
  await expect(page.getByRole('status').filter({ hasText: 'tags from a shared link' })).toBeVisible();
  await expectTally(page, { r: 1 });
});
