// A strict Content-Security-Policy, computed from the built page: every view
// works under it, with no violation and no CSP error in the console.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const path = require('path');
const { openPage, waitForApp, tag, tagString, shareCode } = require('./helpers');

async function watch(page) {
  const problems = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  page.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy|CSP/i.test(m.text())) problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

test('the built page carries the policy: self only, hashed inline code, no unsafe-inline or unsafe-eval', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  expect(meta).not.toBeNull();
  const policy = meta[1];
  expect(policy).toContain("default-src 'self'");
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("base-uri 'none'");
  expect(policy).toContain("form-action 'none'");
  expect(policy).not.toContain("'unsafe-inline'");
  expect(policy).not.toContain("'unsafe-eval'");
  // The header file has the same policy, with frame-ancestors.
  const headers = await (await request.get('./_headers')).text();
  expect(headers).toContain(`Content-Security-Policy: ${policy}; frame-ancestors`);
  expect(headers).toContain('Referrer-Policy: no-referrer');
});

test('story, dialogs, shared view, print and embed: no CSP violation', async ({ page }) => {
  test.slow(); // many views in one test
  const problems = await watch(page);
  await openPage(page);
  await tag(page, 1, 'Russia');
  await page.keyboard.press('?');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Show QR code' }).click();
  // The QR dialog also holds the student's full-screen code (a closed dialog, not visible): the visible code.
  await expect(page.getByRole('dialog').getByRole('img', { name: 'QR code of your share link' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Reset all tags…' }).click();
  await page.keyboard.press('Escape');
  await page.getByText('Embed this page on your site').click();
  await page.getByText("The draft's wording, as outlets published it").first().click();
  await page.emulateMedia({ media: 'print' });
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`./#share=${shareCode(tagString({ 2: 'U' }))}&name=Ana`);
  await waitForApp(page);
  await page.getByRole('button', { name: 'Compare with mine' }).click();
  await page.goto('./?embed');
  await waitForApp(page);
  await tag(page, 3, 'Neutral');
  expect(problems).toEqual([]);
});

test('class view, class result link and downloads: no CSP violation', async ({ page }) => {
  test.slow(); // the class module, two downloads and a second page in one test
  const problems = await watch(page);
  await openPage(page, '#class');
  const base = page.url().split('#')[0];
  const links = Array.from({ length: 9 }, (_, i) => `${base}#share=${shareCode(tagString({ 1: i % 2 ? 'R' : 'U', 2: 'N', 3: 'U', 4: 'R', 5: 'N', 6: 'U', 7: 'R' }))}&name=S${i}`);
  await page.getByRole('textbox', { name: 'Student links' }).fill(links.join('\n'));
  await page.getByRole('button', { name: 'Read the links' }).click();
  await page.getByRole('switch', { name: 'Show names' }).check();
  await page.getByText('Students and their tags (shows names)').click();
  await page.getByRole('button', { name: 'Show the QR code full screen' }).click();
  await page.keyboard.press('Escape');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the strip as a PNG' }).click()]);
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV, one row per point' }).click()]);
  const result = await page.getByRole('textbox', { name: 'Class result link' }).inputValue();
  await page.goto(result);
  await waitForApp(page);
  await expect(page.getByText('A class of 9 students')).toBeVisible();
  expect(problems).toEqual([]);
});

test('no inner_html anywhere in the app: reader-supplied text can never become markup', () => {
  const files = [];
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p); else if (p.endsWith('.rs')) files.push(p);
  });
  const root = path.join(__dirname, '..', '..');
  walk(path.join(root, 'src'));
  walk(path.join(root, 'core', 'src'));
  expect(files.length).toBeGreaterThan(10);
  const offenders = files.filter((f) => /inner_html|set_inner_html|insertAdjacentHTML|outer_html/.test(fs.readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});
