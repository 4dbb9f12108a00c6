// Renders scripts/og-image.html to public/og-image.png (1200×630), the page's preview image.
// Run from the repository root after `npm ci`:  node scripts/og-image.js
// Uses the system Chromium (never `playwright install`).
const path = require("path");
const { chromium } = require("@playwright/test");

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 });
    await page.goto("file://" + path.join(__dirname, "og-image.html"));
    await page.waitForFunction(() => document.querySelectorAll(".cell").length === 28);
    const out = path.join(__dirname, "..", "public", "og-image.png");
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: 1200, height: 630 } });
    console.log("wrote " + out);
  } finally {
    await browser.close();
  }
})();
