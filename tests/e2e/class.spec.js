// The class view: gather students' links, read the class result, export and
// share it, all in the teacher's browser.
const { test, expect } = require('@playwright/test');
const { PNG } = require('pngjs');
const jsQR = require('jsqr');
const {
  POINTS, tagString, shareCode, openPage, waitForApp, tag, tagAll, expectShown, expectStored, storedRaw,
  expectAxeClean: expectNoViolations,
} = require('./helpers');

const { linksBox, report, openClass, paste } = require('./fixtures/class-view');
const { downloadCsv } = require('./fixtures/csv');
const table = (page) => page.getByRole('table', { name: 'Class counts per point' });
const row = (page, n) => table(page).getByRole('row', { name: new RegExp(`^Point ${n} `) });

/** Counts in one table row: [Russia, Ukraine, Neutral, Untagged]. */
async function rowCounts(page, n) {
  const cells = await row(page, n).getByRole('cell').allTextContents();
  return cells.map((c) => Number(c.trim().split(' ')[0]));
}

/** A student's link, made by the app itself: tag, name, read the share field. */
async function appLink(page, tags, name) {
  await resetIfAny(page);
  await tagAll(page, tags);
  await page.getByLabel(/Your name/).fill(name);
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(new RegExp(`#share=${shareCode(tagString(tags))}&name=${encodeURIComponent(name)}$`));
  return field.inputValue();
}

async function resetIfAny(page) {
  const button = page.getByRole('button', { name: 'Reset all tags…' });
  if (await button.isDisabled()) return;
  await button.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Clear all tags' }).click();
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
}

test('#class shows the Student links box at once, in view, with no click', async ({ page }) => {
  await openPage(page, '#class');
  await expect(linksBox(page)).toBeInViewport();
  await expect(page.locator('h1')).toHaveCount(1);
});

test('five links made by the app, a garbage line and a duplicate: exact counts, line reported, duplicate skipped', async ({ browser }) => {
  // Five students tag and name through the real UI (about 60 actions): under
  // --workers=4 on two cores that alone took 26 s of the 30 s default.
  test.slow();
  const student = await (await browser.newContext()).newPage();
  await openPage(student);
  const plans = [
    [{ 1: 'R', 2: 'U', 3: 'N' }, 'Ana'], [{ 1: 'R', 2: 'R' }, 'Ben'], [{ 1: 'U', 3: 'N', [POINTS]: 'U' }, 'Chloé'],
    [{ 1: 'N' }, 'Dev'], [{ 2: 'U', 3: 'U', 4: 'R' }, 'Eve'],
  ];
  const links = [];
  for (const [tags, name] of plans) links.push(await appLink(student, tags, name));
  const teacher = await (await browser.newContext()).newPage();
  await openClass(teacher);
  // Line 4 is garbage, line 7 repeats line 1.
  const text = [links[0], links[1], links[2], 'no link here, sorry', links[3], links[4], links[0]].join('\n');
  await paste(teacher, text);
  await expect(report(teacher)).toContainText('5 student links read');
  await expect(report(teacher)).toContainText('1 duplicate skipped');
  await expect(report(teacher)).toContainText('1 line could not be read');
  await report(teacher).getByText('Line by line').click();
  await expect(report(teacher)).toContainText(/Line 4\b.*does not contain a Weigh the Plan share code/);
  await expect(report(teacher)).toContainText(/Line 7\b.*line 1/);
  // Point 1: R (Ana), R (Ben), U (Chloé), N (Dev), untagged (Eve).
  expect(await rowCounts(teacher, 1)).toEqual([2, 1, 1, 1]);
  expect(await rowCounts(teacher, 2)).toEqual([1, 2, 0, 2]);
  expect(await rowCounts(teacher, 3)).toEqual([0, 1, 2, 2]);
  expect(await rowCounts(teacher, POINTS)).toEqual([0, 1, 0, 4]);
  await expect(teacher.getByText('A class of 5 students')).toBeVisible();
  // The text is kept exactly as pasted, and survives a reload (names hidden on screen until shown).
  await teacher.reload();
  await waitForApp(teacher);
  await expect(linksBox(teacher)).toHaveValue(text.replace(/&name=[^&\n]+/g, '&name=•••'));
  await teacher.getByRole('switch', { name: 'Show names' }).check();
  await expect(linksBox(teacher)).toHaveValue(text);
  await expect(report(teacher)).toContainText('5 student links read');
});

/** Twelve students: seven lean one way on points 1–10, five the other way. */
function twoCamps(base) {
  const links = [];
  for (let i = 0; i < 12; i++) {
    const camp = i < 7 ? 'R' : 'U';
    const tags = {};
    for (let n = 1; n <= POINTS; n++) tags[n] = n <= 10 ? camp : 'N';
    tags[11 + (i % 5)] = i % 2 ? 'U' : 'R'; // a little noise, not a camp
    links.push(`${base}#share=${shareCode(tagString(tags))}&name=S${i}&class=9B`);
  }
  return links;
}

test('twelve links from two constructed camps: two camps of 7 and 5 with their distinguishing points', async ({ page }) => {
  await openClass(page);
  await paste(page, twoCamps(page.url().split('#')[0]).join('\n'));
  const camps = page.locator('.class-camps');
  await expect(camps).toContainText('2 camps');
  await expect(camps.getByRole('heading', { name: 'Camp A: 7 students' })).toBeVisible();
  await expect(camps.getByRole('heading', { name: 'Camp B: 5 students' })).toBeVisible();
  await expect(camps.locator('.camp').nth(0)).toContainText(/Point 1: 100% of this camp chose Russia/);
  await expect(camps.locator('.camp').nth(1)).toContainText(/Point 1: 100% of this camp chose Ukraine/);
  // No name in the camps section.
  await expect(camps).not.toContainText('S1');
  await expect(page.locator('.class-measures')).toContainText('Where the class agrees');
});

test('fewer than eight links: the page says how many more camps need', async ({ page }) => {
  await openClass(page);
  await paste(page, twoCamps(page.url().split('#')[0]).slice(0, 5).join('\n'));
  await expect(page.locator('.class-camps')).toContainText('Add 3 more links to look for camps.');
});

test('CSV downloads: one row per point, and per student with names only when asked', async ({ page }) => {
  await openClass(page);
  await paste(page, twoCamps(page.url().split('#')[0]).join('\n'));
  const rows = (await downloadCsv(page, 'Download CSV, one row per point')).trim().split('\r\n');
  expect(rows).toHaveLength(POINTS + 1);
  expect(rows[0]).toMatch(/^Point,Theme,Students,Russia,Ukraine,Neutral,Untagged/);
  expect(rows[1]).toMatch(/^1,[^,]+,12,7,5,0,0,/);
  const anonymous = await downloadCsv(page);
  expect(anonymous).toContain('Student 1');
  expect(anonymous).not.toContain('S0');
  await page.getByRole('checkbox', { name: 'Include names' }).check();
  expect(await downloadCsv(page)).toContain('S0');
});

test('the class result link opens read-only, carries no names, and compares with own tags', async ({ page, browser }) => {
  await openClass(page);
  await paste(page, twoCamps(page.url().split('#')[0]).join('\n'));
  const field = page.getByRole('textbox', { name: 'Class result link' });
  await expect(field).toHaveValue(/#result=1/);
  const link = await field.inputValue();
  expect(link).not.toMatch(/name|S0|S1/);
  expect(link).toContain('&class=9B');

  const context = await browser.newContext();
  const reader = await context.newPage();
  await openPage(reader);
  await tagAll(reader, { 1: 'R', 2: 'U' });
  await expectStored(reader, tagString({ 1: 'R', 2: 'U' }));
  const stored = await storedRaw(reader);
  await reader.goto(link);
  await waitForApp(reader);
  await expect(reader.getByRole('status').filter({ hasText: 'read-only' })).toBeVisible();
  await expect(reader.getByText('Class 9B: 12 students')).toBeVisible();
  expect(await rowCounts(reader, 1)).toEqual([7, 5, 0, 0]);
  await expect(reader.locator('.class-you')).toContainText(/You both|of the 2 points|2 points/);
  await expect(reader.locator('.class-you')).not.toContainText('once you have tagged');
  // A comparison, not an answer key: the caution is shown, the comparison stays closed until asked for.
  await expect(reader.locator('.class-you')).toContainText('not an answer key');
  const compare = reader.locator('.class-you details.you-compare');
  await expect(compare).not.toHaveAttribute('open', '');
  await compare.locator('summary').first().click();
  await expect(compare.getByText(/of the 2 points you both tagged/)).toBeVisible();
  await expect(reader.locator('.class-you')).not.toContainText(/\b(right|wrong|correct)\b/);
  await expect(reader.getByRole('textbox', { name: 'Student links' })).toHaveCount(0);
  await expect(reader.locator('body')).not.toContainText('S0');
  expect(await storedRaw(reader)).toBe(stored);
  await context.close();
});

test('a damaged class result link is an alert, and nothing changes', async ({ page }) => {
  await openPage(page, '#result=1AAAA');
  await expect(page.getByRole('alert')).toContainText('class result');
  await expect(page.locator('article')).toHaveCount(POINTS);
});

test('the QR code on Start decodes to the page\'s own address, with the class label', async ({ page }) => {
  await openClass(page);
  const qr = page.locator('.class-start').getByRole('img', { name: /QR code/ });
  const decode = async () => {
    const png = PNG.sync.read(await qr.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    return code && code.data;
  };
  const base = page.url().split('#')[0];
  expect(await decode()).toBe(base);
  await page.getByLabel(/Class label/).fill('9B');
  await expect(page.locator('.class-start .address')).toHaveText(`${base}#join=9B`);
  await expect.poll(decode).toBe(`${base}#join=9B`);
});

test('a student who opens the #join address shares links that carry the class label', async ({ page }) => {
  await openPage(page, '#join=9B');
  await expect(page.getByRole('status').filter({ hasText: 'class label “9B”' })).toBeVisible();
  await tag(page, 1, 'Neutral');
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/&class=9B$/);
  await page.reload();
  await waitForApp(page);
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/&class=9B$/);
});

test('a #join address with a damaged label says so, and joins nothing', async ({ page }) => {
  await openPage(page, '#join=%E2%28');
  await expect(page.getByRole('alert')).toContainText('The class label at the end of this link could not be read');
  await tag(page, 1, 'Neutral');
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#share=/);
  await expect(field).not.toHaveValue(/class=/);
});

test('links from another class are counted apart until the teacher includes them', async ({ page }) => {
  await openClass(page);
  await page.getByLabel(/Class label/).fill('9B');
  const base = page.url().split('#')[0];
  const other = `${base}#share=${shareCode(tagString({ 1: 'N' }))}&name=Zed&class=9C`;
  await paste(page, [...twoCamps(base).slice(0, 3), other].join('\n'));
  await expect(report(page)).toContainText('1 link from another class (9C)');
  expect(await rowCounts(page, 1)).toEqual([3, 0, 0, 0]);
  await page.getByRole('switch', { name: 'Include the link from another class' }).check();
  expect(await rowCounts(page, 1)).toEqual([3, 0, 1, 0]);
});

test('Forget this class asks first and can be undone; own tags are untouched', async ({ page }) => {
  await openPage(page);
  await tag(page, 5, 'Ukraine');
  await expectStored(page, tagString({ 5: 'U' }));
  await openClass(page);
  const text = twoCamps(page.url().split('#')[0]).slice(0, 2).join('\n');
  await page.getByRole('switch', { name: 'Show names' }).check(); // the box then shows the text as pasted
  await paste(page, text);
  await page.getByRole('button', { name: 'Forget this class…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Forget this class?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(linksBox(page)).toHaveValue(text);
  await page.getByRole('button', { name: 'Forget this class…' }).click();
  await dialog.getByRole('button', { name: 'Forget this class' }).click();
  await expect(linksBox(page)).toHaveValue('');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(linksBox(page)).toHaveValue(text);
  expect(await storedRaw(page)).toBe(shareCode(tagString({ 5: 'U' })));
});

test('a .csv export with quoted cells, picked as a file, is added and read', async ({ page }) => {
  await openClass(page);
  const base = page.url().split('#')[0];
  const links = twoCamps(base).slice(0, 2);
  const csv = `"Timestamp","Name","Link"\r\n"2026-11-29 10:00","Ana, B.","${links[0]}"\r\n"2026-11-29 10:01","Ben","${links[1]}"\r\n`;
  await page.locator('.class-gather input[type=file]').setInputFiles({ name: 'form.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(report(page)).toContainText('2 student links read');
  await expect(page.getByRole('status').filter({ hasText: 'form.csv' })).toBeVisible();
});

test('garbage and a binary file: the page keeps working, reports, keeps the text', async ({ page }) => {
  // Playwright's fill() of these 2,000 lines (100 KB) into the textarea alone takes 15-22 s
  // here, on this build and the one before it (the page's own input handler: 9 ms).
  test.slow();
  await openClass(page);
  const garbage = Array.from({ length: 2000 }, (_, i) => `line ${i} ${'x'.repeat(i % 50)} #share=${'Z'.repeat(i % 13)}`).join('\n');
  await paste(page, garbage);
  await expect(report(page)).toContainText('2000 lines could not be read');
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
  await page.locator('.class-gather input[type=file]').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: binary });
  await expect(page.getByRole('status').filter({ hasText: 'photo.jpg' })).toBeVisible();
  await expect(linksBox(page)).toHaveValue(new RegExp(`^${garbage.slice(0, 40)}`));
  await expect(page.locator('.class-result')).toContainText('appears here');
});

test('axe: the class view, empty', async ({ page }) => {
  await openClass(page);
  await expectNoViolations(page);
});

test('axe: the class view with a result, names open, in dark mode', async ({ page }) => {
  test.slow(); // the largest DOM the page makes (names table open): 25 s under --workers=4
  await page.emulateMedia({ colorScheme: 'dark' });
  await openClass(page);
  await paste(page, [...twoCamps(page.url().split('#')[0]), 'garbage'].join('\n'));
  await page.getByRole('switch', { name: 'Show names' }).check();
  await page.getByText('Students and their tags (shows names)').click();
  await report(page).getByText('Line by line').click();
  await expect(page.locator('.names-table')).toBeVisible();
  // The wide tables scroll inside themselves: the page itself never scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectNoViolations(page);
});

test('axe: the projector QR', async ({ page }) => {
  await openClass(page);
  await paste(page, twoCamps(page.url().split('#')[0]).slice(0, 2).join('\n'));
  await page.getByRole('button', { name: 'Show the QR code full screen' }).click();
  await expect(page.getByRole('dialog', { name: 'Scan to open the page' })).toBeVisible();
  await expectNoViolations(page);
});

test('axe: the clear dialog, and links from another class with their switch', async ({ page }) => {
  await openClass(page);
  await page.getByLabel(/Class label/).fill('9B');
  const base = page.url().split('#')[0];
  await paste(page, [...twoCamps(base).slice(0, 2), `${base}#share=${shareCode(tagString({ 1: 'N' }))}&class=9C`].join('\n'));
  await expect(page.getByRole('switch', { name: /Include the link/ })).toBeVisible();
  await page.getByRole('button', { name: 'Forget this class…' }).click();
  await expect(page.getByRole('dialog', { name: 'Forget this class?' })).toBeVisible();
  await expectNoViolations(page);
});

test('axe: a class result from a link', async ({ page }) => {
  await openClass(page);
  await paste(page, twoCamps(page.url().split('#')[0]).join('\n'));
  const link = await page.getByRole('textbox', { name: 'Class result link' }).inputValue();
  await page.goto(link);
  await waitForApp(page);
  await expect(page.getByText('Class 9B: 12 students')).toBeVisible();
  await expectNoViolations(page);
});

/** Typing in the class box is read after this pause (READ_PAUSE in src/components/class/state.rs). */
const READ_PAUSE_MS = 700;

test('leaving the class view while a read is still waiting breaks nothing', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  // The page's clock, driven by the test: the pause passes when the test says so.
  await page.clock.install();
  await openClass(page);
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 1000));
  const links = twoCamps(page.url().split('#')[0]).slice(0, 3).join('\n');
  // The pause is what the page waits: a moment short of it nothing is read, at its end the read fires.
  await linksBox(page).fill(links.split('\n')[0]);
  await page.clock.runFor(READ_PAUSE_MS - 1);
  await expect(report(page)).toHaveText('');
  await page.clock.runFor(1);
  await expect(report(page)).toContainText('1 student link read');
  // Typing starts the read-after-a-pause; leave before the pause ends ...
  await linksBox(page).fill(links);
  await page.getByRole('link', { name: 'Back to the story' }).click();
  await expect(page.locator('#points')).toBeVisible();
  // ... and let twice the pause pass: a read still waiting would fire now, on a view that is gone.
  await page.clock.runFor(2 * READ_PAUSE_MS);
  await page.clock.resume();
  await page.evaluate(() => { window.location.hash = '#class'; });
  await expect(report(page)).toContainText('3 student links read');
  await paste(page, links.split('\n').slice(0, 2).join('\n'));
  await expect(report(page)).toContainText('2 student links read');
  expect(errors).toEqual([]);
});

// ---------------------------------------------------------------------------
// The class module arrives later: what it shows is where the reader is then.

/** A class result link, made by the app (in a context of its own, so the test's page downloads the module afresh). */
async function resultLink(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openClass(page);
  await paste(page, twoCamps(page.url().split('#')[0]).join('\n'));
  const link = await page.getByRole('textbox', { name: 'Class result link' }).inputValue();
  await context.close();
  return new URL(link).hash;
}

/** Holds the class module's request until the returned function is called; `held` resolves once it is asked for. */
async function holdClassModule(page) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  let asked;
  const held = new Promise((resolve) => { asked = resolve; });
  await page.route(/class-view-[0-9a-f]{16}\.js$/, async (route) => {
    asked();
    await gate;
    await route.continue();
  });
  return { held, release };
}

for (const [from, to] of [['#class', 'a class result link'], ['a class result link', '#class']]) {
  test(`switching from ${from} to ${to} while the class module downloads shows ${to}`, async ({ page, browser }) => {
    const result = await resultLink(browser);
    const [first, then] = from === '#class' ? ['#class', result] : [result, '#class'];
    const module = await holdClassModule(page);
    await openPage(page, first);
    await module.held;
    await expect(page.getByText('Loading the class view')).toBeVisible();
    await page.evaluate((hash) => { window.location.hash = hash; }, then);
    module.release();
    if (then === '#class') {
      await expect(linksBox(page)).toBeVisible();
      await expect(page.getByText('Class 9B: 12 students')).toHaveCount(0);
    } else {
      await expect(page.getByText('Class 9B: 12 students')).toBeVisible();
      await expect(linksBox(page)).toHaveCount(0);
    }
    expect(new URL(page.url()).hash).toBe(then);
  });
}

test('the theme filter and the counts agree, also after Clear and Undo', async ({ page }) => {
  await openClass(page);
  await paste(page, twoCamps(page.url().split('#')[0]).slice(0, 4).join('\n'));
  const filter = page.getByRole('combobox', { name: 'Show' });
  const overall = page.locator('.class-result .counts').first();
  const all = await overall.textContent();
  await filter.selectOption({ label: 'Territory' });
  await expect(overall).not.toHaveText(all);
  const territory = await overall.textContent();
  await page.getByRole('button', { name: 'Forget this class…' }).click();
  await page.getByRole('dialog', { name: 'Forget this class?' }).getByRole('button', { name: 'Forget this class' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(overall).toHaveText(territory);
  await expect(filter.locator('option:checked')).toHaveText('Territory');
});
