// Gathering a class by camera (issue 20): students hold up their QR codes,
// the teacher's webcam reads them, in the browser, with no network. The
// webcam is Chromium's fake device playing a video made at test time
// (fixtures/qr-video.js) in a loop: each code comes back every loop, so
// "read exactly once" is tested against real repeats.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const http = require('http');
const path = require('path');
const { qrVideo } = require('./fixtures/qr-video');
const { withCamera: withFakeCamera } = require('./fixtures/camera');
const { decodeRepeatedly } = require('./fixtures/decoder');
const { linksBox, openClass } = require('./fixtures/class-view');
const { tagString, shareCode, openPage, tag, expectAxeClean } = require('./helpers');

const BASE = `http://127.0.0.1:${process.env.WTP_TEST_PORT}/`;
const SCRATCH = path.join(__dirname, '..', '..', 'scratch');

/** A share link as the app writes it (`core/src/share.rs`'s fragment). */
function link(tags, name, label) {
  let fragment = `share=${shareCode(tagString(tags))}`;
  if (name) fragment += `&name=${encodeURIComponent(name)}`;
  if (label) fragment += `&class=${encodeURIComponent(label)}`;
  return `${BASE}#${fragment}`;
}

const FIVE = [
  link({ 1: 'R', 2: 'U', 3: 'N' }, 'Ana'),
  link({ 1: 'R', 2: 'R' }, 'Ben'),
  link({ 1: 'U', 3: 'N', 28: 'U' }, 'Chloé'),
  link({ 1: 'N' }, 'Dev'),
  link({ 2: 'U', 3: 'U', 4: 'R' }, 'Eve'),
];

/** A page of a Chromium whose camera plays `video` (fixtures/camera.js), on this run's site. */
const withCamera = (video, body, viewport) => withFakeCamera(video, BASE, body, viewport);

const trackStates = (page) => page.evaluate(() => window.__streams.flatMap((s) => s.getTracks().map((t) => t.readyState)));

async function expectCameraOff(page) {
  await expect.poll(() => trackStates(page)).not.toContain('live');
  expect((await trackStates(page)).length).toBeGreaterThan(0);
}

const panel = (page) => page.getByRole('region', { name: "Scanning students' codes" });
const table = (page) => page.getByRole('table', { name: 'Class counts per point' });

async function startScanning(page) {
  await page.getByRole('button', { name: "Scan students' codes" }).click();
  await expect(panel(page)).toBeVisible();
  // The preview is live once the fake camera gives frames.
  await expect(panel(page).getByText('Starting the camera…')).toBeHidden({ timeout: 15_000 });
}

test.describe('five students in turn', () => {
  const video = qrVideo(FIVE);
  test.skip(({ isMobile }) => isMobile, 'one camera run is enough: the desktop project');

  test('each code is read exactly once, repeats say "already scanned", the counts equal a paste', async ({ browser }) => {
    test.setTimeout(90_000);
    let scanned;
    await withCamera(video, async (page) => {
      await openClass(page);
      await startScanning(page);
      const count = panel(page).locator('.scan-count');
      await expect(count).toHaveText('5 students scanned', { timeout: 30_000 });
      // The video loops: every code comes back, and none counts twice.
      await expect(panel(page).getByText(/codes? already scanned, ignored/)).toBeVisible({ timeout: 20_000 });
      await expect(panel(page).getByRole('status')).toContainText(/Student \d: already scanned\./);
      await expect(count).toHaveText('5 students scanned');
      // One line a link in the box; the report reads them as it reads a paste.
      await expect(page.locator('.class-report')).toContainText('5 student links read');
      // Names show in the list only with the names switch on (and the box shows them then).
      await expect(panel(page).locator('.scan-recent')).not.toContainText(/Ana|Ben|Chloé|Dev|Eve/);
      await page.getByRole('switch', { name: 'Show names' }).check();
      await expect(panel(page).locator('.scan-recent')).toContainText(/Ana|Ben|Chloé|Dev|Eve/);
      const lines = (await linksBox(page).inputValue()).split('\n').filter((l) => l.trim());
      expect(new Set(lines)).toEqual(new Set(FIVE));
      expect(lines).toHaveLength(5);

      await page.getByRole('button', { name: 'Stop scanning' }).click();
      await expect(panel(page)).toHaveCount(0);
      await expectCameraOff(page);
      await expect(page.getByRole('button', { name: "Scan students' codes" })).toBeFocused();
      scanned = await table(page).innerText();
    });

    // The same links pasted in another browser: the same table.
    const other = await (await browser.newContext()).newPage();
    await openPage(other, '#class');
    await linksBox(other).fill(FIVE.join('\n'));
    await other.getByRole('button', { name: 'Read the links' }).click();
    await expect(other.locator('.class-report')).toContainText('5 student links read');
    expect(await table(other).innerText()).toBe(scanned);
  });

  test('the camera stops when the teacher leaves the class view, or the page is hidden', async () => {
    await withCamera(video, async (page) => {
      await openClass(page);
      await startScanning(page);
      expect(await trackStates(page)).toContain('live');
      await page.getByRole('link', { name: 'Back to the story' }).click();
      await expect(panel(page)).toHaveCount(0);
      await expectCameraOff(page);

      await page.goto('./#class');
      await startScanning(page);
      expect(await trackStates(page)).toContain('live');
      await page.evaluate(() => {
        Object.defineProperty(document, 'hidden', { value: true, configurable: true });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await expect(panel(page)).toHaveCount(0);
      await expectCameraOff(page);
    });
  });

  test('the scanning view passes axe, and is captured light and dark', async () => {
    test.setTimeout(60_000);
    await withCamera(video, async (page) => {
      await openClass(page);
      await startScanning(page);
      await expect(panel(page).locator('.scan-count')).toHaveText(/[1-5] students? scanned/, { timeout: 20_000 });
      await expectAxeClean(page);
      fs.mkdirSync(SCRATCH, { recursive: true });
      await panel(page).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(SCRATCH, 'scan-desktop-light.png') });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: path.join(SCRATCH, 'scan-desktop-dark.png') });
    });
  });
});

test.describe('a repeated code, a code from elsewhere, another class', () => {
  const ana = link({ 1: 'R' }, 'Ana', '9B');
  const zed = link({ 2: 'U' }, 'Zed', '9C');
  const video = qrVideo([ana, 'https://example.com/', ana, zed]);
  test.skip(({ isMobile }) => isMobile, 'one camera run is enough: the desktop project');

  test('the repeat is ignored, the other code is named, the other class counted apart', async () => {
    test.setTimeout(60_000);
    await withCamera(video, async (page) => {
      await openClass(page);
      await page.getByLabel('Class label (optional, e.g. 9B)').fill('9B');
      await startScanning(page);
      const recent = panel(page).locator('.scan-recent');
      await expect(recent).toContainText('This QR code is not a share link of this page.', { timeout: 20_000 });
      await expect(recent).toContainText('Student 1: already scanned.', { timeout: 20_000 });
      await expect(recent).toContainText('Student 2 added, from class 9C: counted apart.', { timeout: 20_000 });
      await expect(panel(page).locator('.scan-count')).toHaveText('2 students scanned');
      await expect(page.locator('.class-report')).toContainText('1 link from another class (9C)');
      expect((await linksBox(page).inputValue()).trim().split('\n')).toHaveLength(2);
    });
  });
});

test.describe('no camera', () => {
  test.skip(({ isMobile }) => isMobile, 'the same code on both projects');
  for (const [name, message] of [
    ['NotAllowedError', 'The camera was not allowed.'],
    ['NotFoundError', 'No camera was found.'],
    ['NotReadableError', 'The camera is in use by another app or tab.'],
  ]) {
    test(`${name}: the reason in an alert, and pasting still works`, async ({ page }) => {
      await page.addInitScript((error) => {
        navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('refused', error));
      }, name);
      await openPage(page, '#class');
      await page.getByRole('button', { name: "Scan students' codes" }).click();
      await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
      await expect(panel(page)).toHaveCount(0);
      await linksBox(page).fill(FIVE.slice(0, 2).join('\n'));
      await page.getByRole('button', { name: 'Read the links' }).click();
      await expect(page.locator('.class-report')).toContainText('2 student links read');
    });
  }
});

// Its speed is measured by the benchmark (bench/camera.js), not asserted here.
test('the decoder reads a 640×480 frame in its worker, off the page, again and again', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'once is enough');
  await openPage(page, '#class');
  // A camera frame as the fake camera gives it: a student's code on grey.
  const run = await decodeRepeatedly(page, FIVE[0], 2000);
  testInfo.annotations.push({ type: 'decoder at 640×480', description: `${run.fps.toFixed(1)} frames/s over 2 s` });
  expect(run.found).toBe(FIVE[0]);
  // The worker answers frame after frame (it does not stop after one), reading each.
  expect(run.frames).toBeGreaterThan(1);
  expect(run.decodedShare).toBe(1);
});

/** Serves dist/ on loopback with the headers dist/_headers gives every file (`/*`), as Netlify would. */
async function serveWithHeaders() {
  const dist = path.join(__dirname, '..', '..', 'dist');
  const rules = fs.readFileSync(path.join(dist, '_headers'), 'utf8').split('\n');
  const start = rules.indexOf('/*');
  const headers = {};
  for (const line of rules.slice(start + 1)) {
    const m = line.match(/^\s+([\w-]+): (.*)$/);
    if (!m) break;
    headers[m[1]] = m[2];
  }
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/$/, '/index.html');
    const file = path.join(dist, path.normalize(name));
    if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) return res.writeHead(404).end();
    res.writeHead(200, { ...headers, 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

test("under _headers' policy (sent as a header, as hosts do) the decoder's worker starts, with no violation", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'once');
  const site = await serveWithHeaders();
  try {
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${site.url}#class`);
    await expect(page.locator('html')).toHaveAttribute('data-app', 'ready');
    const said = await page.evaluate(() => new Promise((resolve) => {
      const worker = new Worker(document.querySelector('meta[name="qr-worker"]').content, { type: 'module' });
      worker.onmessage = (e) => resolve(e.data);
      worker.onerror = (e) => resolve(`error: ${e.message}`);
    }));
    expect(said).toBe('ready');
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    site.close();
  }
});

test('the story page does not fetch the decoder', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => fetched.push(r.url()));
  await openPage(page);
  await tag(page, 1, 'Russia');
  expect(fetched.filter((u) => /qr-worker/.test(u))).toEqual([]);
});

test("a student's code full screen for the teacher: black on white, Escape closes it", async ({ page }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPage(page);
  await tag(page, 1, 'Russia');
  await page.getByRole('button', { name: 'Show QR code' }).click();
  const qrDialog = page.getByRole('dialog', { name: 'Scan to open these tags' });
  await qrDialog.getByRole('button', { name: 'Show my code to the teacher' }).click();
  const full = page.getByRole('dialog', { name: 'My code for the teacher' });
  await expect(full).toBeVisible();
  await expect(full.getByRole('img', { name: 'QR code of your share link' })).toBeVisible();
  const colours = await full.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]);
  expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
  // The code fills the screen's narrow side (less a margin).
  const box = await full.getByRole('img', { name: 'QR code of your share link' }).boundingBox();
  const viewport = page.viewportSize();
  expect(box.width).toBeGreaterThan(Math.min(viewport.width, viewport.height - 140) * 0.9);
  await expectAxeClean(page);
  if (testInfo.project.name === 'phone') {
    fs.mkdirSync(SCRATCH, { recursive: true });
    await page.screenshot({ path: path.join(SCRATCH, 'student-code-phone.png') });
  }
  // Keyboard users land on Close; Escape ends the full screen only, and focus comes back.
  await expect(full.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(full).toBeHidden();
  await expect(qrDialog).toBeVisible();
  await expect(qrDialog.getByRole('button', { name: 'Show my code to the teacher' })).toBeFocused();
  await qrDialog.getByRole('button', { name: 'Show my code to the teacher' }).press('Enter');
  await expect(full).toBeVisible();
  await full.getByRole('button', { name: 'Close' }).click();
  await expect(full).toBeHidden();
});

test("the class's own QR dialog (the address students open) offers no student's full screen", async ({ page }) => {
  await openPage(page, '#class');
  await page.getByRole('button', { name: 'Show the QR code full screen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan to open the page' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Show my code to the teacher' })).toBeHidden();
});
