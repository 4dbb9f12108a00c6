// Does preloading the app's script and wasm help or hurt a reader on a slow
// connection? The page as built (scripts/post_build.py moves trunk's preload
// links, `modulepreload` for the loader and `preload as=fetch` for the wasm, to
// the end of the body) against the same page with them in the head, where trunk
// writes them, and with none (the module script fetches both once the page is
// parsed), on emulated slow 4G (150 ms round trip, 1.6 Mb/s down) at 4× CPU.
// Measures the first contentful paint, the first tag (a radio enabled and a click
// checks it), and when that tag is counted in the tally (the app started).
// Usage: node bench/preload.js <port> <site folder>   (scripts/bench.sh runs it)
const fs = require('fs');
const path = require('path');
const { chromium } = require('@playwright/test');
const { launchOptions } = require('../scripts/chromium');

const [port = '4180', site] = process.argv.slice(2);
const ROUNDS = Number(process.env.BENCH_PRELOAD_ROUNDS || 5);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// The variants sit beside index.html, so all share every other file.
const PRELOAD = /<link[^>]*\brel="?(modulepreload|preload)"?[^>]*>/g;
const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
const links = html.match(PRELOAD) || [];
if (links.length === 0) throw new Error('bench/preload.js: index.html has no preload links to move');
const moduleScript = html.match(/<script type="?module"?>/);
if (!moduleScript) throw new Error('bench/preload.js: no module script in index.html');
const none = html.replace(PRELOAD, '');
fs.writeFileSync(path.join(site, 'no-preload.html'), none);
fs.writeFileSync(path.join(site, 'head-preload.html'), none.replace(moduleScript[0], links.join('') + moduleScript[0]));

const PROBE = () => {
  window.__firstTag = null;
  window.__counted = null;
  const probe = () => {
    if (window.__firstTag === null) {
      const radio = document.querySelector('article fieldset input[type=radio]');
      if (radio && !radio.closest('fieldset:disabled')) { radio.click(); if (radio.checked) window.__firstTag = performance.now(); }
    }
    const tally = document.querySelector('[aria-label="Tally"]')?.textContent || '';
    if (window.__firstTag !== null && /Russia\s*1(?!\d)/.test(tally)) { window.__counted = performance.now(); return; }
    requestAnimationFrame(probe);
  };
  requestAnimationFrame(probe);
};

async function load(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction(() => window.__counted !== null, null, { timeout: 60_000 });
  const m = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    firstTag: window.__firstTag,
    counted: window.__counted,
  }));
  await context.close();
  return m;
}

(async () => {
  const browser = await chromium.launch(launchOptions);
  const urls = {
    built: `http://127.0.0.1:${port}/index.html`,
    head: `http://127.0.0.1:${port}/head-preload.html`,
    none: `http://127.0.0.1:${port}/no-preload.html`,
  };
  const runs = { built: [], head: [], none: [] };
  const kinds = Object.keys(urls);
  for (let r = 0; r < ROUNDS; r++) {
    // Each takes its turn first.
    const order = kinds.map((_, i) => kinds[(i + r) % kinds.length]);
    for (const which of order) runs[which].push(await load(browser, urls[which]));
  }
  await browser.close();
  const summary = (rs) => Object.fromEntries(['fcp', 'firstTag', 'counted'].map((k) => [k, median(rs.map((x) => x[k]))]));
  console.log(JSON.stringify({
    rounds: ROUNDS, links: links.length, built: summary(runs.built), head: summary(runs.head), none: summary(runs.none), runs,
  }, null, 2));
})();
