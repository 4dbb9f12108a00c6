// The offline worker on the hosts it meets (issue 17): hosts that redirect the
// page between `/` and `/index.html` or serve only one of them, a site where the
// app sits beside other pages, two deployments on one origin, a new deploy
// whose precache fails halfway, and a new deploy seen through a cache that
// still serves the old page (issue 25). The hosts are emulated on loopback
// (host-server.js); no real host is contacted.
const { test, expect } = require('@playwright/test');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { host, BEHAVIOURS } = require('./host-server');
const { copyOfDist } = require('./static-server');
const { POINTS, waitForApp, tag, expectShown, tagString, shareCode } = require('./helpers');

test.use({ serviceWorkers: 'allow' });
// A worker install (a megabyte cached) and several page loads per test.
test.slow();

let site;
let dirs = [];
test.beforeEach(async () => {
  site = null;
  dirs = [copyOfDist()];
});
test.afterEach(async () => {
  if (site) await site.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Opens the page at `url` and waits until its service worker is active and in control. */
async function openControlled(page, url) {
  await page.goto(url);
  await waitForApp(page);
  const active = () => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active);
  await expect.poll(active, { message: 'the worker installed and activated', timeout: 30_000 }).toBe(true);
  await page.reload();
  await waitForApp(page);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** Makes `dir` a second build: a changed page (its heading says `label`) and therefore a new worker. */
function secondBuild(dir, label, version = '0000000000000002') {
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(index, fs.readFileSync(index, 'utf8').replace('What happened', `What happened (${label})`));
  const worker = path.join(dir, 'sw.js');
  const code = fs.readFileSync(worker, 'utf8');
  expect(code).toMatch(/const VERSION = "[0-9a-f]+"/);
  fs.writeFileSync(worker, code.replace(/const VERSION = "[0-9a-f]+"/, `const VERSION = "${version}"`));
}

/** How a build file is named: after its content (as scripts/post_build.py and the worker find them). */
const BUILD_FILE = /[A-Za-z0-9_-]+-[0-9a-f]{12,16}(?:_bg\.wasm|_loader\.js|\.js|\.css)/g;
const sha256 = (text) => crypto.createHash('sha256').update(text).digest('base64');
const sha256hex = (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * Makes `dir` a new deploy the way a real one differs: every build file under a new name (new content, new
 * hash), the old names gone from the server, the page (its heading says `label`), its inline loader (and that
 * script's hash in the page's policy) and the worker naming the new files.
 */
function newBuild(dir, label) {
  const index = path.join(dir, 'index.html');
  const before = fs.readFileSync(index, 'utf8');
  const renamed = new Map(fs.readdirSync(dir).filter((name) => name.replace(BUILD_FILE, '') === '').map((name) => [
    name,
    name.replace(/[0-9a-f]{12,16}(?=(?:_bg\.wasm|_loader\.js|\.js|\.css)$)/, (hash) => sha256hex(hash + label).slice(0, 16)),
  ]));
  expect(renamed.size, 'the build has hashed files').toBeGreaterThan(4);
  const rename = (text) => text.replace(BUILD_FILE, (name) => renamed.get(name) || name);
  for (const [from, to] of renamed) fs.renameSync(path.join(dir, from), path.join(dir, to));
  for (const name of fs.readdirSync(dir).filter((n) => /\.(js|html)$/.test(n))) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, rename(fs.readFileSync(file, 'utf8')));
  }
  // The page's policy allows its inline scripts by their hashes, and the loader's names the files.
  let page = fs.readFileSync(index, 'utf8');
  for (const [, script] of before.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    page = page.replace(`'sha256-${sha256(script)}'`, `'sha256-${sha256(rename(script))}'`);
  }
  fs.writeFileSync(index, page);
  secondBuild(dir, label, '0000000000000003');
}

const heading = (page, label) => page.getByRole('heading', { name: label ? `What happened (${label})` : 'What happened', exact: true });
const updateNotice = (page) => page.getByRole('status').filter({ hasText: 'A newer version of this page is ready' });
/** A reload finds the new version: it is offered once, taken with "Reload now", and keeps the reader's tags. */
async function takeUpdate(page, label, tags) {
  await page.reload();
  await waitForApp(page);
  await expect(updateNotice(page)).toHaveCount(1, { timeout: 15_000 });
  await updateNotice(page).getByRole('button', { name: 'Reload now' }).click();
  await expect(heading(page, label)).toBeVisible({ timeout: 15_000 });
  await waitForApp(page);
  await expectShown(page, tags);
}

/** The worker registration's state, as the page sees it. */
const workers = (page) => page.evaluate(async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  return { installing: !!registration.installing, waiting: !!registration.waiting, active: !!registration.active };
});

// ---------------------------------------------------------------------------
// Redirecting hosts.

const SHARED = tagString({ 1: 'U', 5: 'N', [POINTS]: 'R' });
const HOSTS = [
  { behaviour: 'index-to-dir', status: 301, what: '/index.html redirected to / with a 301 (as reproduced in issue 17)' },
  { behaviour: 'index-to-dir', status: 308, what: '/index.html redirected to / with a 308 (Cloudflare Pages)' },
  { behaviour: 'dir-to-index', status: 301, what: '/ redirected to /index.html with a 301' },
  { behaviour: 'no-index-html', status: 301, what: '/ served and /index.html a 404' },
];

for (const { behaviour, status, what } of HOSTS) {
  test(`a host with ${what}: first visit, reload, reload offline, share links offline`, async ({ page, context }) => {
    site = await host({ mounts: { '/': dirs[0] }, behaviour, status });
    await openControlled(page, site.url());
    await tag(page, 3, 'Russia');
    await expectShown(page, tagString({ 3: 'R' }));

    await context.setOffline(true);
    await page.reload();
    await waitForApp(page);
    await expectShown(page, tagString({ 3: 'R' }));
    // Both addresses of the page, and the embed address, open offline.
    for (const address of ['', 'index.html', '?embed']) {
      const response = await page.goto(site.url(`/${address}`));
      expect(response.fromServiceWorker(), address).toBe(true);
      await waitForApp(page);
    }
    // A share link opens offline, whichever address it was made on.
    for (const address of ['', 'index.html']) {
      const tab = await context.newPage();
      await tab.goto(site.url(`/${address}#share=${shareCode(SHARED)}&name=Ana`));
      await waitForApp(tab);
      await expect(tab.getByRole('status').filter({ hasText: "Ana's tags" })).toBeVisible();
      await expectShown(tab, SHARED);
      await tab.close();
    }
  });
}

/** The worker of before issue 17 (tests/e2e/fixtures), for this build's files. */
function workerBeforeFix(dir) {
  const files = JSON.parse(fs.readFileSync(path.join(dir, 'sw.js'), 'utf8').match(/const FILES = (\[[\s\S]*?\]);/)[1]);
  return fs.readFileSync(path.join(__dirname, 'fixtures', 'sw-before-issue-17.template.js'), 'utf8')
    .replace('__VERSION__', '1111111111111111')
    .replace('__FILES__', JSON.stringify(['./', ...files.filter((f) => !['./', './index.html'].includes(f)), './index.html']));
}

test('a reader stuck with the old worker on such a host gets the page back once this build is deployed', async ({ page }) => {
  const dir = dirs[0];
  const fixed = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  fs.writeFileSync(path.join(dir, 'sw.js'), workerBeforeFix(dir));
  site = await host({ mounts: { '/': dir }, behaviour: 'index-to-dir' });
  await page.goto(site.url());
  await waitForApp(page);
  await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.active)).toBe(true);
  // Today's failure, reproduced with the old worker.
  await expect(page.reload()).rejects.toThrow(/ERR_FAILED/);
  // The deploy: a failed page load still checks for a new worker, which installs,
  // and with no page to wait for, takes over; a later load opens the page.
  fs.writeFileSync(path.join(dir, 'sw.js'), fixed);
  await expect.poll(() => page.goto(site.url()).then(() => true, () => false), { timeout: 30_000, intervals: [500, 1000] }).toBe(true);
  await waitForApp(page);
  // The old worker's cache is gone, the new one's names this deployment.
  await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([expect.stringMatching(new RegExp(`^weigh-the-plan ${site.origin}/ [0-9a-f]{16}$`))]);
  await page.reload();
  await waitForApp(page);
});

// ---------------------------------------------------------------------------
// Scope: at a site's root, the worker answers only the app.

test('at a site root another page beside the app still opens, and it is the network\'s, not the worker\'s', async ({ page, context }) => {
  const dir = dirs[0];
  fs.writeFileSync(path.join(dir, 'other.html'), '<!doctype html><title>Another page</title><h1>Another page of this site</h1>');
  fs.mkdirSync(path.join(dir, 'notes'));
  fs.writeFileSync(path.join(dir, 'notes', 'index.html'), '<!doctype html><title>Notes</title><h1>Class notes</h1>');
  site = await host({ mounts: { '/': dir } });
  await openControlled(page, site.url());

  for (const [address, title] of [['/other.html', 'Another page of this site'], ['/notes/', 'Class notes']]) {
    const response = await page.goto(site.url(address));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    expect(response.status(), address).toBe(200);
    expect(response.fromServiceWorker(), address).toBe(false);
  }
  // The app is still its worker's: offline it opens, with ?embed and #class;
  // the other page is the network's, and offline it does not open.
  await context.setOffline(true);
  await page.goto(site.url('/?embed'));
  await waitForApp(page);
  await page.goto(site.url('/#class'));
  await expect(page.getByRole('textbox', { name: 'Student links' })).toBeVisible();
  await expect(page.goto(site.url('/other.html'))).rejects.toThrow();
});

test('at a site root an unknown path gets the host\'s 404, as a page and as a request from the page', async ({ page }) => {
  site = await host({ mounts: { '/': dirs[0] } });
  await openControlled(page, site.url());
  for (const address of ['/no-such-page', '/no/such/page.html', '/sw.js/']) {
    const response = await page.goto(site.url(address));
    expect(response.status(), address).toBe(404);
    expect(response.fromServiceWorker(), address).toBe(false);
    await expect(page.locator('body')).toHaveText('not found');
  }
  await page.goto(site.url('/'));
  await waitForApp(page);
  expect(await page.evaluate(() => fetch('./no-such-file.json').then((r) => r.status))).toBe(404);
  expect(site.requests).toContain('/no-such-file.json');
});

// ---------------------------------------------------------------------------
// Two deployments on one origin.

test('two deployments on one origin (/plan/ and /plan-test/) keep each other\'s caches', async ({ page, context }) => {
  dirs.push(copyOfDist());
  secondBuild(dirs[1], 'test build');
  site = await host({ mounts: { '/plan/': dirs[0], '/plan-test/': dirs[1] } });
  await openControlled(page, site.url('/plan/'));
  await expect(heading(page)).toBeVisible();
  await openControlled(page, site.url('/plan-test/'));
  await expect(heading(page, 'test build')).toBeVisible();

  await context.setOffline(true);
  for (let round = 0; round < 2; round++) {
    await page.goto(site.url('/plan/'));
    await waitForApp(page);
    await expect(heading(page)).toBeVisible();
    await page.goto(site.url('/plan-test/'));
    await waitForApp(page);
    await expect(heading(page, 'test build')).toBeVisible();
  }
});

test('the worker removes the old-style cache of its own deployment, never another deployment\'s', async ({ page }) => {
  site = await host({ mounts: { '/plan/': dirs[0] } });
  // Caches as the worker before issue 17 named them (for the build alone), one per deployment.
  await page.goto(site.url('/nothing-here'));
  await page.evaluate(async (origin) => {
    const put = async (name, url) => (await caches.open(name)).put(url, new Response('an older build'));
    await put('weigh-the-plan-aaaaaaaaaaaaaaaa', `${origin}/plan/`);
    await put('weigh-the-plan-bbbbbbbbbbbbbbbb', `${origin}/plan-test/`);
  }, site.origin);
  await openControlled(page, site.url('/plan/'));
  const keys = () => page.evaluate(() => caches.keys());
  await expect.poll(keys).not.toContain('weigh-the-plan-aaaaaaaaaaaaaaaa');
  expect(await keys()).toContain('weigh-the-plan-bbbbbbbbbbbbbbbb');
  // The deployment's own cache names its address.
  expect((await keys()).filter((key) => key.includes(`${site.origin}/plan/`))).toHaveLength(1);
});

// ---------------------------------------------------------------------------
// A new deploy whose precache fails halfway.

test('a new deploy whose precache fails halfway leaves the old worker in charge and the page working', async ({ page, context }) => {
  const dir = dirs[0];
  site = await host({ mounts: { '/': dir } });
  await openControlled(page, site.url());
  await tag(page, 4, 'Ukraine');
  await expectShown(page, tagString({ 4: 'U' }));

  // The second build, with one of its files (the class module) missing on the server.
  secondBuild(dir, 'updated');
  const classModule = fs.readFileSync(path.join(dir, 'index.html'), 'utf8').match(/name="?class-view-module"? content="?\.\/([^" >]+)/)[1];
  const gone = `/${classModule}`;
  site.missing.add(gone);
  const before = site.requests.length;
  await page.reload();
  await waitForApp(page);
  // The new worker tried, and failed: nothing installing, nothing waiting.
  await expect.poll(() => site.requests.slice(before).includes(gone)).toBe(true);
  await expect.poll(() => workers(page)).toEqual({ installing: false, waiting: false, active: true });
  // Nothing of the failed version is left behind: only the old build's cache.
  expect(await page.evaluate(() => caches.keys())).toHaveLength(1);

  // The old build, whole, online and offline; no notice of a new version.
  for (const offline of [false, true]) {
    await context.setOffline(offline);
    await page.reload();
    await waitForApp(page);
    await expect(heading(page)).toBeVisible();
    await expectShown(page, tagString({ 4: 'U' }));
    await page.goto(site.url('/#class'));
    await expect(page.getByRole('textbox', { name: 'Student links' })).toBeVisible();
    await expect(updateNotice(page)).toHaveCount(0);
    await page.goto(site.url('/'));
    await waitForApp(page);
  }

  // Once the file is there, the update goes through as usual.
  await context.setOffline(false);
  site.missing.delete(gone);
  await takeUpdate(page, 'updated', tagString({ 4: 'U' }));
});

// ---------------------------------------------------------------------------
// A new deploy seen through a stale page (issue 25, failure 2).

test('a deploy seen through a cache that still serves the old page: the page stays alive, and the update comes once the page is fresh', async ({ page, context }) => {
  const dir = dirs[0];
  site = await host({ mounts: { '/': dir } });
  await openControlled(page, site.url());
  await tag(page, 4, 'Ukraine');
  await expectShown(page, tagString({ 4: 'U' }));

  // The deploy: every build file under a new name (the old names now answer 404), a new page and worker.
  // A cache between the reader and the host still hands out the old page, at both of its addresses.
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'wtp-stale-'));
  dirs.push(cache);
  const stalePage = path.join(cache, 'index.html');
  fs.copyFileSync(path.join(dir, 'index.html'), stalePage);
  newBuild(dir, 'updated');
  for (const address of ['/', '/index.html']) site.stale.set(address, stalePage);

  // The reader comes back: the new worker arrives and fetches the page (the stale one) while it installs.
  const before = site.requests.length;
  await page.reload();
  await waitForApp(page);
  await expect.poll(() => site.requests.slice(before).includes('/'), { message: 'the new worker fetched the page' }).toBe(true);
  await expect.poll(() => workers(page), { message: 'the install is over' }).toMatchObject({ installing: false });

  // Every tab closed, the page opened again: it starts, on the build it had, with the reader's tags.
  // (Before the fix the new worker took over here, with the old page and the new files: data-app "failed".)
  await page.close();
  const tab = await context.newPage();
  await tab.goto(site.url());
  await waitForApp(tab);
  await expect(heading(tab)).toBeVisible();
  await expectShown(tab, tagString({ 4: 'U' }));
  await expect(updateNotice(tab)).toHaveCount(0);
  expect(await workers(tab)).toMatchObject({ waiting: false, active: true });
  await context.setOffline(true);
  await tab.reload();
  await waitForApp(tab);
  await expectShown(tab, tagString({ 4: 'U' }));
  await context.setOffline(false);

  // Once the cache serves the new page, the update is offered and taken as usual, and works offline.
  site.stale.clear();
  await takeUpdate(tab, 'updated', tagString({ 4: 'U' }));
  await context.setOffline(true);
  await tab.reload();
  await waitForApp(tab);
  await expect(heading(tab, 'updated')).toBeVisible();
});

// ---------------------------------------------------------------------------
// The deploy doc says what was tested, and how.

test('DEPLOY.md names every emulated host behaviour, its server, and that no real host was contacted', async () => {
  const doc = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'DEPLOY.md'), 'utf8');
  for (const behaviour of BEHAVIOURS) expect(doc, behaviour).toContain(`\`${behaviour}\``);
  expect(doc).toContain('tests/e2e/host-server.js');
  expect(doc).toContain('tests/e2e/offline-hosts.spec.js');
  expect(doc).toMatch(/No real host was contacted/);
});
