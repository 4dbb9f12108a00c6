// Say why (issue 27), the class view's side: a class of six links with
// reasons (one whose reasons part is damaged), read by paste and by the
// camera; the reasons by point and tag with the count behind each tag, names
// masked until shown, a reason hidden before projecting (kept after a reload,
// and brought back), the per-student CSV with either separator, and the
// printed handout. The links are written by fixtures/reason-links.js, an
// independent copy of the app's writer, checked here against a link the app made.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');
const { openPage, waitForApp, tag, card, expectAxeClean, isPhone } = require('./helpers');
const { reasonLink } = require('./fixtures/reason-links');
const { qrVideo } = require('./fixtures/qr-video');
const { withCamera } = require('./fixtures/camera');
const { downloadCsv, spreadsheetRows, naiveCells, runsAsFormula } = require('./fixtures/csv');

const BASE = `http://127.0.0.1:${process.env.WTP_TEST_PORT}/`;
const SCRATCH = path.join(__dirname, '..', '..', 'scratch');
const HIDDEN_KEY = 'weigh-the-plan:class-hidden-reasons:v1';

const RTL = 'שני הצדדים מרוויחים';
const MARKUP = '<img src=x onerror=alert(1)> cap';
const FORMULA = '=1+1 Nobody asked them; "really"';

/** The students, in the order of their lines (so "Student N" is line N). */
const STUDENTS = [
  { name: 'Ana', tags: { 21: 'R', 6: 'U' }, reasons: { 21: 'It rewards the invasion.', 6: MARKUP } },
  { name: 'Bo', tags: { 21: 'R', 2: 'U' }, reasons: { 21: FORMULA } },
  { tags: { 21: 'U' }, reasons: { 21: 'It ends the fighting, at last.' } },
  // Point 1's reason is only invisible characters: it counts as none.
  { name: 'Cy', tags: { 21: 'N', 1: 'N' }, reasons: { 21: RTL, 1: '\u200B\u2060' } },
  { name: 'Дмитро', tags: { 6: 'U', 21: 'R' }, reasons: { 6: 'Армія обмежена лише в України.' } },
  { name: 'Eve', tags: { 21: 'R', 6: 'R' }, reasons: { 21: 'Damaged, never shown' }, damaged: true },
];

/** The six links; Eve's reasons part is damaged (one character more at its start). */
const SIX = STUDENTS.map((s) => {
  const link = reasonLink(BASE, s);
  return s.damaged ? link.replace('&why=', '&why=A') : link;
});

const { linksBox, report, openClass, paste } = require('./fixtures/class-view');
const reasonsView = (page) => page.getByRole('region', { name: 'Reasons, point by point' });
const point = (page, n) => reasonsView(page).getByRole('region', { name: `Point ${n}`, exact: true });
const group = (page, n, tagName) => point(page, n).locator('.reason-tag').filter({
  has: page.getByRole('heading', { level: 6, name: new RegExp(`^${tagName}: `) }),
});
const hideButton = (page, who, n) => page.getByRole('button', { name: `Hide ${who}'s reason for point ${n}` });

/** Each group's heading and its reasons' lines, point by point, as the teacher reads them. */
async function readReasons(page) {
  return reasonsView(page).locator('.reason-point').evaluateAll((points) => points.map((p) => ({
    point: p.querySelector('h5').textContent,
    groups: [...p.querySelectorAll('.reason-tag')].map((g) => [
      g.querySelector('h6').textContent,
      ...[...g.querySelectorAll('li')].map((li) => `${li.querySelector('q').textContent} ${li.querySelector('.reason-who').textContent}`
        .replace(/\u00a0/g, ' ')),
    ]),
  })));
}

/** What the six links give, names hidden (students by line) or shown. */
function expectedReasons(names) {
  const who = (i) => (names && STUDENTS[i - 1].name) || `Student ${i}`;
  return [
    {
      point: 'Point 21',
      groups: [
        ['Russia: 4 students', `It rewards the invasion. — ${who(1)}`, `${FORMULA} — ${who(2)}`],
        ['Ukraine: 1 student', `It ends the fighting, at last. — ${who(3)}`],
        ['Neutral: 1 student', `${RTL} — ${who(4)}`],
      ],
    },
    {
      point: 'Point 6',
      groups: [
        ['Russia: 1 student'],
        ['Ukraine: 2 students', `${MARKUP} — ${who(1)}`, `Армія обмежена лише в України. — ${who(5)}`],
        ['Neutral: 0 students'],
      ],
    },
  ];
}

/** Saves a screenshot of the reasons view to scratch/ to look at (phone and desktop, light and dark). */
async function capture(page, testInfo, name) {
  fs.mkdirSync(SCRATCH, { recursive: true });
  await reasonsView(page).evaluate((el) => new Promise((done) => {
    el.scrollIntoView({ block: 'start', behavior: 'instant' });
    requestAnimationFrame(() => requestAnimationFrame(done));
  }));
  await page.screenshot({ path: path.join(SCRATCH, `class-reasons-${name}-${testInfo.project.name}.png`) });
}

test("the fixture writes the very link the app writes for a student's reasons", async ({ page }) => {
  await openPage(page);
  await page.getByRole('textbox', { name: /^Your name/ }).fill('Дмитро');
  await tag(page, 6, 'Ukraine');
  await tag(page, 21, 'Russia');
  await card(page, 6).getByRole('textbox', { name: /^Why point 6 / }).fill('Армія обмежена лише в України.');
  const share = page.getByRole('textbox', { name: 'Share link' });
  await expect(share).toHaveValue(/&why=/);
  const base = page.url().split('#')[0];
  expect(await share.inputValue()).toBe(reasonLink(base, STUDENTS[4]));
});

test('six links pasted: reasons by point and tag with the count behind each tag, names masked then shown, the damaged one reported', async ({ page }, testInfo) => {
  const alerts = [];
  page.on('dialog', (d) => { alerts.push(d.message()); d.dismiss(); });
  await openClass(page);
  await paste(page, SIX.join('\n'));
  await expect(report(page)).toContainText('6 student links read');
  await expect(report(page)).toContainText("1 link's reasons could not be read (its tags count)");
  await report(page).getByText('Line by line').click();
  await expect(report(page)).toContainText('Line 6: the tags count, but not the reasons. The reasons part of this link is damaged');
  // The counts table is as ever: Eve's tags count.
  const row21 = page.getByRole('table', { name: 'Class counts per point' }).getByRole('row', { name: /^Point 21 / });
  await expect(row21.getByRole('cell').first()).toHaveText(/^4 /);

  // The most divided point first; a reason of only invisible characters is none (no point 1).
  await expect(reasonsView(page).getByRole('heading', { level: 5 })).toHaveText(['Point 21', 'Point 6']);
  await expect(point(page, 21).getByText('Most divided')).toBeVisible();
  await expect(reasonsView(page)).toContainText("1 link's reasons could not be read");
  expect(await readReasons(page)).toEqual(expectedReasons(false));
  await expect(reasonsView(page)).not.toContainText(/Ana|Bo\b|Cy\b|Дмитро|Eve|Damaged, never shown/);

  // Markup is text: no element made of it, nothing run.
  await expect(point(page, 6).getByText(MARKUP, { exact: true })).toBeVisible();
  await expect(reasonsView(page).locator('img')).toHaveCount(0);
  // Every reason's direction is isolated; the Hebrew one reads right to left, and the line around it keeps its order.
  // (The quotes around it stay in the page's direction.)
  const texts = reasonsView(page).locator('q.reason-text > span');
  await expect(texts).toHaveCount(6);
  for (const text of await texts.all()) await expect(text).toHaveAttribute('dir', 'auto');
  await expect(reasonsView(page).locator('.reason-who bdi')).toHaveCount(6);
  const hebrew = group(page, 21, 'Neutral').locator('li');
  expect(await hebrew.locator('q > span').evaluate((el) => el.matches(':dir(rtl)'))).toBe(true);
  expect(await hebrew.locator('q').evaluate((el) => el.matches(':dir(ltr)'))).toBe(true);
  const [q, who] = [await hebrew.locator('q').boundingBox(), await hebrew.locator('.reason-who').boundingBox()];
  // After it: to its right on its line, or on the next line (a phone may wrap).
  expect(who.x >= q.x + q.width - 1 || who.y >= q.y + q.height - 1).toBe(true);

  await expectAxeClean(page, { include: '.class-reasons' });
  await capture(page, testInfo, 'light');

  // Names on screen only once the teacher shows them.
  await page.getByRole('switch', { name: 'Show names' }).check();
  expect(await readReasons(page)).toEqual(expectedReasons(true));
  await page.getByRole('switch', { name: 'Show names' }).uncheck();
  expect(await readReasons(page)).toEqual(expectedReasons(false));

  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAxeClean(page, { include: '.class-reasons' });
  await capture(page, testInfo, 'dark');
  expect(alerts).toEqual([]);
});

test('a reason hidden before projecting stays hidden after a reload; "Show hidden reasons" brings it back', async ({ page }) => {
  await openClass(page);
  await paste(page, SIX.join('\n'));
  await expect(point(page, 21)).toContainText(FORMULA);
  await hideButton(page, 'Student 2', 21).click();
  await expect(point(page, 21)).not.toContainText(FORMULA);
  // The count behind the tag stays; focus moves to the tag's heading, not lost.
  await expect(group(page, 21, 'Russia').getByRole('heading')).toHaveText('Russia: 4 students');
  await expect(group(page, 21, 'Russia').getByRole('heading')).toBeFocused();
  await expect(reasonsView(page)).toContainText('1 reason is hidden in this browser.');
  const stored = await page.evaluate((key) => localStorage.getItem(key), HIDDEN_KEY);
  expect(stored).toMatch(/^[A-Za-z0-9_-]{11}$/);

  await page.reload();
  await waitForApp(page);
  await expect(report(page)).toContainText('6 student links read');
  await expect(point(page, 21)).toContainText('It rewards the invasion.');
  await expect(point(page, 21)).not.toContainText(FORMULA);
  // Hidden with the names shown too.
  await page.getByRole('switch', { name: 'Show names' }).check();
  await expect(point(page, 21)).not.toContainText(FORMULA);

  // Every reason of point 6 hidden: the point goes, and focus falls back to the section's heading.
  await hideButton(page, 'Ana', 6).click();
  await hideButton(page, 'Дмитро', 6).click();
  await expect(point(page, 6)).toHaveCount(0);
  await expect(reasonsView(page).getByRole('heading', { level: 4 })).toBeFocused();
  await expect(reasonsView(page)).toContainText('3 reasons are hidden in this browser.');
  await expect(page.getByRole('table', { name: 'Class counts per point' })).toBeVisible();

  await page.getByRole('button', { name: 'Show hidden reasons' }).click();
  await expect(reasonsView(page).getByRole('heading', { level: 4 })).toBeFocused();
  expect(await readReasons(page)).toEqual(expectedReasons(true));
  await expect(reasonsView(page)).not.toContainText(/\d+ reasons? (is|are) hidden/);
  expect(await page.evaluate((key) => localStorage.getItem(key), HIDDEN_KEY)).toBeNull();
});

test('a refused save of the hidden reasons is said, and they stay hidden on this page', async ({ page }) => {
  await page.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k === key) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  }, HIDDEN_KEY);
  await openClass(page);
  await paste(page, SIX.join('\n'));
  await hideButton(page, 'Student 1', 21).click();
  await expect(reasonsView(page).getByRole('status')).toContainText('did not let the page keep which reasons you hid');
  await expect(point(page, 21)).not.toContainText('It rewards the invasion.');
  // Back to the story and to the class view again: still hidden on this page.
  await page.getByRole('link', { name: 'Back to the story' }).click();
  await expect(reasonsView(page)).toHaveCount(0);
  await page.goto('./#class');
  await expect(report(page)).toContainText('6 student links read');
  await expect(point(page, 21)).toContainText(FORMULA);
  await expect(point(page, 21)).not.toContainText('It rewards the invasion.');
});

test('"Forget this class" forgets the hidden reasons too, and Undo brings them back', async ({ page }) => {
  await openClass(page);
  await paste(page, SIX.join('\n'));
  await hideButton(page, 'Student 3', 21).click();
  await page.getByRole('button', { name: 'Forget this class…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Forget this class' }).click();
  await expect(reasonsView(page)).toHaveCount(0);
  expect(await page.evaluate((key) => localStorage.getItem(key), HIDDEN_KEY)).toBeNull();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(point(page, 21)).toContainText('It rewards the invasion.');
  await expect(point(page, 21)).not.toContainText('It ends the fighting');
  expect(await page.evaluate((key) => localStorage.getItem(key), HIDDEN_KEY)).toMatch(/^[A-Za-z0-9_-]{11}$/);
});

test('the per-student CSV, with either separator, reads back each reason in its column, guarded; hidden ones included', async ({ page }) => {
  await openClass(page);
  await paste(page, SIX.join('\n'));
  await hideButton(page, 'Student 1', 6).click();
  await page.getByRole('checkbox', { name: 'Include names' }).check();
  for (const [choice, sep] of [['Comma', ','], ['Semicolon', ';']]) {
    await page.getByRole('radio', { name: new RegExp(`^${choice}`) }).check();
    const csv = await downloadCsv(page);
    const [header, ...rows] = spreadsheetRows(csv, sep);
    expect(rows.map((r) => r[0]), choice).toEqual(['Ana', 'Bo', 'Student 3', 'Cy', 'Дмитро', 'Eve']);
    expect(rows.every((r) => r.length === header.length), choice).toBe(true);
    const at = (n) => header.indexOf(`Point ${n} reason`);
    expect(at(1)).toBe(header.indexOf('Point 28') + 1);
    expect(rows.map((r) => r[at(21)]), choice).toEqual([
      'It rewards the invasion.', `'${FORMULA}`, 'It ends the fighting, at last.', RTL, '', '',
    ]);
    expect(rows.map((r) => r[at(6)]), choice).toEqual([MARKUP, '', '', '', 'Армія обмежена лише в України.', '']);
    // The invisible reason is none; the damaged link's tags are there, its reasons' cells empty.
    expect(rows[3][at(1)]).toBe('');
    expect(rows[5][header.indexOf('Point 21')]).toBe('Russia');
    expect(rows[5].slice(at(1)).every((c) => c === '')).toBe(true);
    // Opened with the other separator too: no cell a spreadsheet would run.
    for (const readWith of [',', ';']) {
      const formulas = [...spreadsheetRows(csv, readWith).flat(), ...naiveCells(csv, readWith)].filter(runsAsFormula);
      expect(formulas, `${choice} file opened with "${readWith}"`).toEqual([]);
    }
  }
});

test('the reasons handout prints alone: every point\'s reasons under the class heading, hidden ones and buttons left out', async ({ page }, testInfo) => {
  await page.addInitScript(() => {
    window.__printed = [];
    window.print = () => window.__printed.push(document.querySelector('.class-reasons')?.dataset.printing ?? 'unmarked');
  });
  await openClass(page);
  await page.getByLabel('Class label (optional, e.g. 9B)').fill('9B');
  await paste(page, SIX.join('\n'));
  await expect(page.locator('.result-title')).toHaveText('Class 9B: 6 students');
  await hideButton(page, 'Student 3', 21).click();
  await page.getByRole('button', { name: 'Print the reasons handout' }).click();
  await expect.poll(() => page.evaluate(() => window.__printed)).toEqual(['true']);

  await page.emulateMedia({ media: 'print' });
  await expect(reasonsView(page)).toBeVisible();
  await expect(page.locator('.result-title')).toBeVisible();
  for (const gone of ['.class-gather', '.class-start', '.class-table', '.strip-figure', '.class-measures', '.classroom', '.class-export']) {
    await expect(page.locator(gone).first(), gone).toBeHidden();
  }
  await expect(reasonsView(page).getByRole('button')).toHaveCount(0);
  expect(await reasonsView(page).locator('button').count()).toBeGreaterThan(0);
  for (const button of await reasonsView(page).locator('button').all()) await expect(button).toBeHidden();
  await expect(point(page, 21)).toContainText('It rewards the invasion.');
  await expect(point(page, 21)).not.toContainText('It ends the fighting');
  await expect(point(page, 21).locator('.reason-point-text')).toBeVisible();
  if (!isPhone(testInfo)) {
    // To look at. (A PDF is a real print: it ends with afterprint, so it comes last.)
    fs.mkdirSync(SCRATCH, { recursive: true });
    await page.screenshot({ path: path.join(SCRATCH, 'class-reasons-handout-print.png'), fullPage: true });
    await page.pdf({ path: path.join(SCRATCH, 'class-reasons-handout.pdf'), format: 'A4', printBackground: true });
    await page.emulateMedia({ media: 'print' });
  }

  // The print is over: the section is unmarked, and the class result prints as before, without the reasons.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(reasonsView(page)).toBeHidden();
  await expect(page.locator('.class-table')).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(reasonsView(page)).toBeVisible();
});

test('a long tag shows 8 reasons, then "Show N more" shows the rest (and the handout prints them all)', async ({ page }) => {
  await page.addInitScript(() => { window.print = () => {}; });
  const ten = Array.from({ length: 10 }, (_, i) => reasonLink(BASE, { tags: { 3: 'R' }, reasons: { 3: `Reason number ${i + 1}` }, name: `S${i}` }));
  await openClass(page);
  await paste(page, ten.join('\n'));
  const russia = group(page, 3, 'Russia');
  await expect(russia.getByRole('heading')).toHaveText('Russia: 10 students');
  await expect(russia.locator('li')).toHaveCount(8);
  await page.getByRole('button', { name: 'Print the reasons handout' }).click();
  await page.emulateMedia({ media: 'print' });
  await expect(russia.locator('li')).toHaveCount(10);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await expect(russia.locator('li')).toHaveCount(8);
  await russia.getByRole('button', { name: 'Show 2 more reasons' }).click();
  await expect(russia.locator('li')).toHaveCount(10);
  await expect(russia.getByRole('heading')).toBeFocused();
  await expect(russia.locator('li').last()).toContainText('Reason number 10');
});

test.describe('by the camera', () => {
  test.skip(({ isMobile }) => isMobile, 'one camera run is enough: the desktop project');
  const video = qrVideo(SIX);

  /** The reasons with every "Student N" as "Student" and each group's lines sorted: the camera may read the codes in another order. */
  const unordered = (reasons) => reasons.map((p) => ({
    ...p,
    groups: p.groups.map(([heading, ...lines]) => [heading, ...lines.map((l) => l.replace(/Student \d+/g, 'Student')).sort()]),
  }));

  test('the six codes read like the paste; the damaged one is said as it is scanned', async ({ browser }) => {
    test.setTimeout(90_000);
    let scanned;
    await withCamera(video, BASE, async (page) => {
      await openClass(page);
      await page.getByRole('button', { name: "Scan students' codes" }).click();
      const panel = page.getByRole('region', { name: "Scanning students' codes" });
      await expect(panel.locator('.scan-recent')).toBeAttached();
      // Every sentence the last-scans list shows, kept: a sentence leaves the list after five more scans.
      await page.evaluate(() => {
        window.__said = [];
        const list = document.querySelector('.scan-recent');
        new MutationObserver(() => window.__said.push(...[...list.children].map((li) => li.textContent)))
          .observe(list, { childList: true, subtree: true, characterData: true });
      });
      await expect(panel.locator('.scan-count')).toHaveText('6 students scanned', { timeout: 45_000 });
      const said = [...new Set(await page.evaluate(() => window.__said))];
      expect(said.filter((s) => / added\. The reasons in this code could not be read; its tags count\.$/.test(s))).toHaveLength(1);
      expect(said.filter((s) => / added\.$/.test(s)).length).toBe(5);
      await page.getByRole('button', { name: 'Stop scanning' }).click();
      await expect(report(page)).toContainText('6 student links read');
      await expect(report(page)).toContainText("1 link's reasons could not be read (its tags count)");
      await page.getByRole('switch', { name: 'Show names' }).check();
      scanned = await readReasons(page);
    });
    // The same links pasted in another browser: the same reasons.
    const other = await (await browser.newContext()).newPage();
    await openClass(other);
    await paste(other, SIX.join('\n'));
    await other.getByRole('switch', { name: 'Show names' }).check();
    expect(unordered(scanned)).toEqual(unordered(await readReasons(other)));
    expect(unordered(scanned)).toEqual(unordered(expectedReasons(true)));
  });
});
