// Renders scripts/og-image.html to public/og-image.png (1200×630), the page's preview image.
// Run from the repository root after `npm ci`:  node scripts/og-image.js
// Uses the system Chromium (never `playwright install`).
const path = require("path");
const { chromium } = require("@playwright/test");
const { launchOptions } = require("./chromium");
const { points } = require("../content/plan.json");

(async () => {
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
    await page.goto("file://" + path.join(__dirname, "og-image.html") + "?points=" + points.length);
    await page.waitForFunction(() => (n) => document.querySelectorAll(".cell").length === n, points.length);
    const out = path.join(__dirname, "..", "public", "og-image.png");
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1200, height: 630 } });
    console.log("wrote " + out);
  } finally {
    await browser.close();
  }
})();
