// Does preloading the app's script and wasm help or hurt a reader on a slow
// connection? The page as built (no preload links: scripts/post_build.py drops
// trunk's; the module script fetches both once the page is parsed) against the
// same page with trunk's links put back (`<link rel=modulepreload>` for the
// loader, `<link rel=preload as=fetch>` for the wasm, in the head), on emulated
// slow 4G (150 ms round trip, 1.6 Mb/s down) at 4× CPU throttling.
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

// The variant with preloads sits beside index.html, so both share every other file:
// the links trunk writes, for the files the module script names, before that script.
const html = fs.readFileSync(path.join(site, 'index.html'), 'utf8');
const moduleScript = html.match(/<script type="?module"?>[^<]*/);
const js = moduleScript && moduleScript[0].match(/from\s*"(\.\/[^"]+\.js)"/);
const wasm = moduleScript && moduleScript[0].match(/(\.\/[^`"']+_bg\.wasm)/);
if (!js || !wasm) throw new Error('bench/preload.js: no module script naming the app\'s loader and wasm in index.html');
const links = `<link crossorigin href=${js[1]} rel=modulepreload><link as=fetch crossorigin href=${wasm[1]} rel=preload type=application/wasm>`;
fs.writeFileSync(path.join(site, 'with-preload.html'), html.replace(moduleScript[0], links + moduleScript[0]));
const added = 2;

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
  const runs = { preload: [], none: [] };
  const urls = { preload: `http://127.0.0.1:${port}/with-preload.html`, none: `http://127.0.0.1:${port}/index.html` };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? ['none', 'preload'] : ['preload', 'none'];
    for (const which of order) runs[which].push(await load(browser, urls[which]));
  }
  await browser.close();
  const summary = (rs) => Object.fromEntries(['fcp', 'firstTag', 'counted'].map((k) => [k, median(rs.map((x) => x[k]))]));
  console.log(JSON.stringify({ rounds: ROUNDS, added, preload: summary(runs.preload), none: summary(runs.none), runs }, null, 2));
})();
