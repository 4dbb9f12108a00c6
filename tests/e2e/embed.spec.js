// Embedded in another site's page: the frame on a second loopback origin
// works, and the host page's snippet fits the frame to the page's height.
const { test, expect } = require('@playwright/test');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { serve } = require('./static-server');
const { openPage, waitForApp, expectAxeClean } = require('./helpers');

test('the embed snippet from the share panel works on another origin and resizes the frame', async ({ page }) => {
  await openPage(page);
  await page.getByText('Embed this page on your site').click();
  const snippet = await page.getByRole('textbox', { name: 'Embed code' }).inputValue();
  expect(snippet).toContain('?embed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wtp-host-'));
  fs.writeFileSync(path.join(dir, 'index.html'),
    `<!doctype html><html lang="en"><title>A newsroom</title><h1>Our story</h1><p>Before the embed.</p>${snippet}<p>After.</p>`);
  const host = await serve(dir);
  try {
    await page.goto(host.url);
    const frameElement = page.locator('iframe');
    await expect(frameElement).toHaveCount(1);
    const frame = page.frameLocator('iframe');
    await expect(frame.locator('html')).toHaveAttribute('data-app', 'ready');
    await expect(frame.locator('html')).toHaveAttribute('data-embed', '');
    // The masthead's tools are hidden; the cards, the tally and sharing stay.
    await expect(frame.getByRole('button', { name: 'Keyboard help ?' })).toBeHidden();
    await expect(frame.getByRole('region', { name: 'Tally', exact: true })).toBeVisible();
    await frame.getByRole('group', { name: /point 1(?!\d)/ }).getByRole('radio', { name: 'Ukraine', exact: true }).check();
    await expect(frame.getByRole('region', { name: 'Tally', exact: true })).toContainText('Ukraine 1');
    await expect(frame.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#share=1/);
    // A link made inside the frame opens the full page, not the embed layout.
    expect(await frame.getByRole('textbox', { name: 'Share link' }).inputValue()).not.toContain('embed');
    // The snippet set the frame's height from the page's own report (not the 900px it starts with).
    await expect.poll(() => frameElement.evaluate((f) => f.style.height)).not.toBe('900px');
    const height = await frameElement.evaluate((f) => parseInt(f.style.height, 10));
    const reported = await frame.locator('html').evaluate((el) => el.scrollHeight);
    expect(Math.abs(height - reported)).toBeLessThan(50);
  } finally {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('embed mode hides the page chrome, keeps an h1 and passes axe', async ({ page }) => {
  await page.goto('./?embed');
  await waitForApp(page);
  await expect(page.locator('h1')).toHaveCount(1);
  await expect(page.locator('.site-footer')).toBeHidden();
  await expect(page.locator('.narrative')).toBeHidden();
  await expectAxeClean(page);
});
