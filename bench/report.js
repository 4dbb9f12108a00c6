// Turns bench.js's JSON into BENCHMARKS.md, with the date, the machine and the sizes of dist/.
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { execSync } = require('child_process');

const [resultFile, distDir] = process.argv.slice(2);
const r = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const chromium = execSync(`${require('../scripts/chromium').path} --version 2>/dev/null || true`).toString().trim().split('\n').pop();
const fmt = (x, d = 2) => (x == null ? 'n/a' : Number(x).toFixed(d));

const sizes = fs.readdirSync(distDir)
  .filter((f) => /\.(wasm|js|css|html)$/.test(f))
  .map((f) => {
    const buf = fs.readFileSync(path.join(distDir, f));
    return { f: f.replace(/-[0-9a-f]{16}/, ''), raw: buf.length, gz: zlib.gzipSync(buf, { level: 9 }).length, br: zlib.brotliCompressSync(buf).length };
  });
const total = sizes.reduce((s, x) => ({ raw: s.raw + x.raw, gz: s.gz + x.gz, br: s.br + x.br }), { raw: 0, gz: 0, br: 0 });
const verdict = r.ratioP95 <= 1.2 ? 'within budget' : 'OVER budget';

// Every run adds a row to bench/history.md (committed with BENCHMARKS.md): one run
// on shared cores proves little, the spread of several says more.
const historyFile = path.join(__dirname, 'history.md');
const commit = execSync("git rev-parse --short HEAD && git status --porcelain --untracked-files=no -- . ':!BENCHMARKS.md' ':!bench/history.md'")
  .toString().trim().split('\n');
const history = (fs.existsSync(historyFile) ? fs.readFileSync(historyFile, 'utf8').split('\n') : [])
  .filter((l) => l.startsWith('| 20'));
history.push(`| ${new Date().toISOString().slice(0, 16).replace('T', ' ')} | ${commit[0]}${commit.length > 1 ? ' (edited)' : ''} `
  + `| ${fmt(r.app.p95)} | ${fmt(r.base.p95)} | **${fmt(r.ratioP95)}** | ${fmt(r.countsOnly.p95)} | ${fmt(r.ratioP95CountsOnly)} |`);
const historyTable = `| date (UTC) | commit | app p95 (ms) | same-update baseline p95 | **budget ratio** | counts-only baseline p95 | ratio to it |
|---|---|---|---|---|---|---|
${history.join('\n')}`;
fs.writeFileSync(historyFile, `# Benchmark runs (written by bench/report.js; newest last)

Runs before 2026-11-29 00:40 had only the counts-only baseline (then \`bench/baseline.html\`).

${historyTable}
`);

console.log(`# Benchmarks

Measured by \`scripts/bench.sh\` (release build served on 127.0.0.1, headless Chromium,
CDP CPU throttling ${r.throttle}×, viewport 1280×800). Numbers are medians over ${r.rounds} rounds;
the three pages take turns going first.

- Date: ${new Date().toISOString().slice(0, 10)}
- Machine: ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}
- Browser: ${chromium}

## Tag click → tally text updated (budget: p95 ≤ 1.2 × the framework-free page)

Time from \`radio.click()\` to the first DOM change inside the \`Tally\` landmark (a
MutationObserver), ${r.clicks} clicks per round on different points. Timer: ${r.isolated
  ? 'cross-origin isolated pages (`bench/serve.py`), so `performance.now()` ticks in 5 µs'
  : 'NOT isolated, so `performance.now()` ticks in 100 µs'}.

Two framework-free references, both plain DOM code on one fieldset per point:
- \`bench/baseline.html\`, **the budget's reference**: the app's markup and stylesheet, and
  the same update a click makes in the app (two counts, two percentages, two bar segments,
  the point's overview cell; the card follows its radio through CSS). Only the framework differs.
- \`bench/baseline-counts-only.html\`, stricter: writes only the two counts, no stylesheet.

| page | p95 (ms) | median (ms) | p95 ratio, app ÷ page |
|---|---|---|---|
| Weigh the Plan (Leptos) | ${fmt(r.app.p95)} | ${fmt(r.app.median)} | |
| Same-update baseline | ${fmt(r.base.p95)} | ${fmt(r.base.median)} | **${fmt(r.ratioP95)}** (${verdict}) |
| Counts-only baseline | ${fmt(r.countsOnly.p95)} | ${fmt(r.countsOnly.median)} | ${fmt(r.ratioP95CountsOnly)} |

p95 per round (ms), app: ${r.perRound.app.join(', ')}; same-update: ${r.perRound.base.join(', ')};
counts-only: ${r.perRound.countsOnly.join(', ')}.

How to read this: at 4× throttling on 2 shared cores the same page moves by up to ±50%
between runs, so compare the ratio across several runs, not one (history below).
\`BENCH_ROUNDS\` and \`BENCH_CLICKS\` change the sample. The app's click path is described
in ARCHITECTURE.md ("What a click does").

### Run history (\`bench/history.md\`, one row per run of \`scripts/bench.sh\`)

${historyTable}

## Load (4× throttled, local server, so network time is ~0)

| page | first contentful paint (ms) | until every radio exists and responds (ms) | bytes transferred |
|---|---|---|---|
| Weigh the Plan | ${fmt(r.app.fcp, 0)} | ${fmt(r.app.loadMs, 0)} | ${r.app.bytes} |
| Same-update baseline | ${fmt(r.base.fcp, 0)} | ${fmt(r.base.loadMs, 0)} | ${r.base.bytes} |
| Counts-only baseline | ${fmt(r.countsOnly.fcp, 0)} | ${fmt(r.countsOnly.loadMs, 0)} | ${r.countsOnly.bytes} |

## Sizes of dist/ (bytes)

| file | raw | gzip -9 | brotli |
|---|---|---|---|
${sizes.map((s) => `| ${s.f} | ${s.raw} | ${s.gz} | ${s.br} |`).join('\n')}
| **total** | ${total.raw} | ${total.gz} | ${total.br} |
`);
