// dist/ works from any sub-path: the same build served from /plan/.
const { test, expect } = require('@playwright/test');
const path = require('path');
const { serve } = require('./static-server');
const { waitForApp, tag, expectTally } = require('./helpers');

let site;
test.beforeAll(async () => { site = await serve(path.join(__dirname, '..', '..', 'dist'), '/plan/'); });
test.afterAll(async () => site.close());

test('the page, its share links and the class view work from /plan/', async ({ page }) => {
  await page.goto(site.url);
  await waitForApp(page);
  await tag(page, 1, 'Russia');
  await expectTally(page, { r: 1 });
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(new RegExp(`^${site.url}#share=`));
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.goto(`${site.url}#class`);
  await page.getByRole('textbox', { name: 'Student links' }).fill(link);
  await page.getByRole('button', { name: 'Read the links' }).click();
  await expect(page.getByText('A class of 1 student')).toBeVisible();
  // The worker and the manifest are found beside the page.
  const response = await page.request.get(`${site.url}sw.js`);
  expect(response.ok()).toBe(true);
});
