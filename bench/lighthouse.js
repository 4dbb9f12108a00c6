// Lighthouse 12 (node_modules) against the served release build: mobile preset
// (Lighthouse's default: a phone-sized screen, simulated slow 4G and 4× CPU slowdown),
// categories performance, accessibility, best practices and SEO.
// Writes target/lighthouse.json: the four scores of every run and their medians, and
// for the median run the audits that did not pass and the key metrics
// (and target/lighthouse-median-lhr.json, that run's whole report).
// Usage: node bench/lighthouse.js http://127.0.0.1:4180/   (LH_RUNS=3 by default)
//
// Offline. Lighthouse: its error reporting (Sentry) stays off, as the node API turns it
// on only with flags.enableErrorReporting; nothing else in it fetches. Chrome: Debian's
// (scripts/chromium.js, also set as CHROME_PATH), with --headless=new, the flags of
// scripts/chromium.js, chrome-launcher's defaults, and OFFLINE_FLAGS below. A net log of
// a run with only the first three showed Chromium 156 still asking clients2.google.com
// (network time), update.googleapis.com (a component update check) and
// accounts.google.com (ListAccounts); with OFFLINE_FLAGS it asks no host but 127.0.0.1.
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');
const { pathToFileURL } = require('url');
const chromiumConf = require('../scripts/chromium');

const url = process.argv[2];
if (!url) {
  console.error('usage: node bench/lighthouse.js <url>');
  process.exit(2);
}
const RUNS = Math.max(1, Number(process.env.LH_RUNS || 3));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  speedIndex: 'speed-index',
};
// Audits that cannot fail: informative, manual checks, not applicable.
const NOT_SCORED = new Set(['informative', 'manual', 'notApplicable']);

// Where Chromium 156 still phones home despite scripts/chromium.js's and chrome-launcher's
// flags, and what stops it.
// Chromium reads only the last --disable-features, so these features are added to
// chrome-launcher's own list rather than passed as a second switch.
const OFFLINE_FEATURES = [
  'NetworkTimeServiceQuerying', // clients2.google.com/time
];
const OFFLINE_FLAGS = [
  // The component updater's checks (update.googleapis.com) go to a closed loopback port.
  '--component-updater=url-source=http://127.0.0.1:9/',
  // Sign-in's ListAccounts (accounts.google.com), which no flag turns off, likewise.
  '--gaia-url=http://127.0.0.1:9/',
  // The backstop: no host name but the server's resolves, so nothing new leaves either.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

process.env.CHROME_PATH = chromiumConf.path;
delete process.env.HEADLESS; // chrome-launcher would add a second, old-style --headless

// As in bench/bench.js: the middle element (the upper middle for an even count).
const medianIndex = (n) => Math.floor(n / 2);
const median = (xs) => [...xs].sort((a, b) => a - b)[medianIndex(xs.length)];

(async () => {
  const { default: lighthouse } = await import('lighthouse');
  // chrome-launcher as Lighthouse itself resolves it (a dependency of lighthouse, not ours).
  const lighthouseRequire = createRequire(require.resolve('lighthouse/package.json'));
  const { Launcher, launch } = await import(pathToFileURL(lighthouseRequire.resolve('chrome-launcher')).href);
  const chromeFlags = [
    ...Launcher.defaultFlags().map((f) => (f.startsWith('--disable-features=') ? `${f},${OFFLINE_FEATURES.join(',')}` : f)),
    '--headless=new',
    ...chromiumConf.args,
    ...OFFLINE_FLAGS,
  ];
  const version = require('lighthouse/package.json').version;
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = Date.now();
    let lhr;
    // A run whose trace Lighthouse could not record (NO_NAVSTART, say) has no
    // performance score, and Lighthouse itself says to run again: up to 3 tries.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const chrome = await launch({ chromePath: chromiumConf.path, chromeFlags, ignoreDefaultFlags: true });
      try {
        ({ lhr } = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
        }));
      } finally {
        await chrome.kill();
      }
      if (!lhr.runtimeError) break;
      console.error(`  run ${i + 1}, try ${attempt}: ${lhr.runtimeError.code}${attempt < 3 ? '; trying again' : ''}`);
    }
    const seconds = (Date.now() - t0) / 1000;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c].score == null
      ? null : Math.round(lhr.categories[c].score * 100)]));
    console.error(`lighthouse run ${i + 1}/${RUNS}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')} (${seconds.toFixed(0)} s)`);
    if (lhr.runtimeError) console.error(`  runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    for (const w of lhr.runWarnings || []) console.error(`  warning: ${w}`);
    runs.push({ lhr, scores, seconds });
  }

  // Which categories each audit counts in (an audit can be in several).
  const categoriesOf = (lhr, id) => CATEGORIES.filter((c) => lhr.categories[c].auditRefs.some((r) => r.id === id));
  // The audit's weight in the score (the largest over its categories) and its report group
  // ('hidden' ones, such as Time to Interactive, are not shown in Lighthouse's report).
  const refOf = (lhr, id) => CATEGORIES.flatMap((c) => lhr.categories[c].auditRefs.filter((r) => r.id === id))
    .sort((a, b) => b.weight - a.weight)[0];
  const summarize = ({ lhr }) => ({
    metrics: Object.fromEntries(Object.entries(METRICS).map(([k, id]) => {
      const v = lhr.audits[id]?.numericValue;
      return [k, v == null ? null : (k === 'cls' ? +v.toFixed(4) : Math.round(v))];
    })),
    failing: Object.values(lhr.audits)
      .filter((a) => !NOT_SCORED.has(a.scoreDisplayMode) && (a.score == null || a.score < 1))
      .filter((a) => categoriesOf(lhr, a.id).length > 0)
      .map((a) => ({
        id: a.id,
        title: a.title,
        score: a.score,
        ...(a.displayValue ? { displayValue: a.displayValue } : {}),
        scoreDisplayMode: a.scoreDisplayMode,
        weight: refOf(lhr, a.id).weight,
        group: refOf(lhr, a.id).group ?? null,
        ...(a.scoreDisplayMode === 'error' ? { error: a.errorMessage } : {}),
        categories: categoriesOf(lhr, a.id),
      }))
      .sort((a, b) => (a.score ?? -1) - (b.score ?? -1) || a.id.localeCompare(b.id)),
    warnings: lhr.runWarnings || [],
  });

  // The median run: the one whose performance score is the median (ties: the first such run).
  const perf = runs.map((r) => r.scores.performance ?? -1);
  const medianRun = perf.indexOf(median(perf));
  const result = {
    url,
    date: new Date().toISOString(),
    lighthouse: version,
    chrome: runs[0].lhr.environment?.hostUserAgent ?? null,
    formFactor: runs[0].lhr.configSettings.formFactor,
    throttlingMethod: runs[0].lhr.configSettings.throttlingMethod,
    throttling: runs[0].lhr.configSettings.throttling,
    chromeFlags,
    runs: runs.map((r) => {
      const { fcp, lcp, tbt } = summarize(r).metrics;
      return { ...r.scores, seconds: +r.seconds.toFixed(1), fcp, lcp, tbt };
    }),
    median: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c] ?? -1))])),
    medianRun,
    ...summarize(runs[medianRun]),
  };
  const out = path.join(__dirname, '..', 'target', 'lighthouse.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  // The median run's whole report, for a closer look (Lighthouse's viewer reads it).
  fs.writeFileSync(path.join(path.dirname(out), 'lighthouse-median-lhr.json'), JSON.stringify(runs[medianRun].lhr));
  console.error(`wrote ${out}: median ${CATEGORIES.map((c) => `${c} ${result.median[c]}`).join(', ')}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
