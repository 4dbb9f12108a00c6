// Renders public/favicon.svg to the web app manifest's PNG icons:
//   public/icon-192.png, public/icon-512.png: the icon as it is (transparent corners);
//   public/icon-maskable-512.png: the icon at 80% on its own dark background (#1d2b3a)
//     filling the square, so the art stays inside the maskable safe zone (the central
//     circle of 80% diameter) whatever shape the platform cuts.
// Run from the repository root after `npm ci`:  node scripts/icons.js
// Uses the system Chromium (never `playwright install`).
const fs = require("fs");
const path = require("path");
const { chromium } = require("@playwright/test");
const { launchOptions } = require("./chromium");

const root = path.join(__dirname, "..");
const svg = fs.readFileSync(path.join(root, "public", "favicon.svg"), "utf8");
const src = "data:image/svg+xml;base64," + Buffer.from(svg).toString("base64");
const BACKGROUND = "#1d2b3a"; // the icon's own background, also index.html's theme-color

const icons = [
  { file: "icon-192.png", size: 192, scale: 1, background: null },
  { file: "icon-512.png", size: 512, scale: 1, background: null },
  { file: "icon-maskable-512.png", size: 512, scale: 0.8, background: BACKGROUND },
];

(async () => {
  const browser = await chromium.launch(launchOptions);
  try {
    for (const { file, size, scale, background } of icons) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      const art = Math.round(size * scale);
      await page.setContent(`<!DOCTYPE html><html><body style="margin:0;width:${size}px;height:${size}px;
        display:flex;align-items:center;justify-content:center;background:${background || "transparent"}">
        <img src="${src}" width="${art}" height="${art}" alt=""></body></html>`);
      await page.evaluate(() => document.querySelector("img").decode());
      const out = path.join(root, "public", file);
      await page.screenshot({ path: out, omitBackground: !background, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote ${out} (${size}×${size})`);
    }
  } finally {
    await browser.close();
  }
})();
