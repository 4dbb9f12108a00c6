// Measures, in headless Chromium at 4x CPU throttling:
//   1. tag click -> tally text updated (p95), Weigh the Plan vs two framework-free pages:
//      bench/baseline.html (the same update, the budget's reference) and
//      bench/baseline-counts-only.html (writes only the two counts: stricter);
//   2. page load (FCP, time until every card's radios exist) and transfer sizes.
// Usage: node bench/bench.js <port>   (scripts/bench.sh builds and serves first)
const { chromium } = require('@playwright/test');
const { launchOptions } = require('../scripts/chromium');
const { points } = require('../content/plan.json');

const port = process.argv[2] || '4180';
const ROUNDS = Number(process.env.BENCH_ROUNDS || 9);
const CLICKS = Number(process.env.BENCH_CLICKS || 100);
const THROTTLE = 4;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };

// In the page: click radios in turn; time from click to the tally's DOM changing.
async function clickLatencies(page, clicks) {
  return page.evaluate(async (clicks) => {
    const tally = document.querySelector('[aria-label="Tally"]');
    const sets = [...document.querySelectorAll('article fieldset')];
    const out = [];
    for (let i = 0; i < clicks; i++) {
      // An unchecked radio of the next point in turn: every click is a real change.
      const radio = sets[i % sets.length].querySelector('input[type=radio]:not(:checked)');
      const done = new Promise((resolve, reject) => {
        const mo = new MutationObserver(() => { mo.disconnect(); resolve(performance.now()); });
        mo.observe(tally, { subtree: true, childList: true, characterData: true });
        setTimeout(() => { mo.disconnect(); reject(new Error('the tally did not change')); }, 2000);
      });
      const t0 = performance.now();
      radio.click();
      out.push((await done) - t0);
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  }, clicks);
}

async function measure(browser, url, ready, radios) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(ready, radios);
  const loadMs = Date.now() - t0;
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
  const bytes = await page.evaluate(() => performance.getEntriesByType('resource')
    .concat(performance.getEntriesByType('navigation'))
    .reduce((s, e) => s + (e.transferSize || 0), 0));
  // bench/serve.py isolates the page, so the timer ticks in 5 µs, not 100 µs.
  const isolated = await page.evaluate(() => self.crossOriginIsolated);
  const lat = await clickLatencies(page, CLICKS);
  await context.close();
  return { loadMs, fcp, bytes, isolated, p95: p95(lat), median: median(lat) };
}

(async () => {
  const browser = await chromium.launch(launchOptions);
  const pages = {
    app: `http://127.0.0.1:${port}/`,
    base: `http://127.0.0.1:${port}/bench/baseline.html?points=${points.length}`,
    countsOnly: `http://127.0.0.1:${port}/bench/baseline-counts-only.html?points=${points.length}`,
  };
  const runs = { app: [], base: [], countsOnly: [] };
  // Every card's three radios exist and respond (the app disables them until it has started).
  const radios = 3 * points.length;
  const ready = (n) => document.querySelectorAll('article input[type=radio]:not(:disabled)').length === n;
  for (let r = 0; r < ROUNDS; r++) {
    // Rotate which page goes first, so warm-up and drift do not favour one.
    const order = Object.keys(pages);
    for (let i = 0; i < r % order.length; i++) order.push(order.shift());
    for (const which of order) runs[which].push(await measure(browser, pages[which], ready, radios));
  }
  await browser.close();
  const summary = (rs) => Object.fromEntries(['p95', 'median', 'loadMs', 'fcp', 'bytes'].map((k) => [k, median(rs.map((x) => x[k]))]));
  const result = {
    rounds: ROUNDS, clicks: CLICKS, throttle: THROTTLE,
    isolated: Object.values(runs).flat().every((x) => x.isolated),
    app: summary(runs.app), base: summary(runs.base), countsOnly: summary(runs.countsOnly),
    perRound: Object.fromEntries(Object.entries(runs).map(([k, rs]) => [k, rs.map((x) => +x.p95.toFixed(3))])),
  };
  result.ratioP95 = result.app.p95 / result.base.p95;
  result.ratioP95CountsOnly = result.app.p95 / result.countsOnly.p95;
  console.log(JSON.stringify(result, null, 2));
})();
