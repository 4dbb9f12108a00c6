// The class view's camera (issue 20), measured, never asserted: how fast the
// decoder reads 640×480 frames in its worker, how long a code held steady
// takes to be read, and the longest main-thread task while scanning.
// Chromium's fake camera plays a video made here (tests/e2e/fixtures/qr-video.js):
// a few seconds of blank frames, then one student's code held for 8 s.
//   node bench/camera.js <port>   → JSON on stdout (scripts/bench.sh runs it)
const { chromium } = require('@playwright/test');
const { launchOptions } = require('../scripts/chromium');
const { qrVideo } = require('../tests/e2e/fixtures/qr-video');
const { decodeRepeatedly } = require('../tests/e2e/fixtures/decoder');
const { shareCode } = require('../tests/e2e/helpers');

const port = process.argv[2];
const BASE = `http://127.0.0.1:${port}/`;
const ROUNDS = Number(process.env.BENCH_CAMERA_ROUNDS || 3);
const LINK = `${BASE}#share=${shareCode('RUN'.repeat(9) + 'R')}&name=Ana`;

/**
 * Scanning for real: from "Scan students' codes" until the held code is
 * counted. The code's arrival in the preview is seen by sampling the
 * preview's centre pixel each frame (blank is grey 128; the code is near
 * black or white), so the read time does not depend on when the video began.
 */
async function scanRound(video) {
  const camera = await chromium.launch({
    ...launchOptions,
    args: [...launchOptions.args, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const context = await camera.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
    await context.grantPermissions(['camera']);
    const page = await context.newPage();
    await page.goto(`${BASE}#class`);
    await page.waitForSelector('#student-links');
    await page.evaluate(() => {
      window.__scan = { longTasks: [], appeared: null, read: null, start: null };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (window.__scan.start && e.startTime >= window.__scan.start) window.__scan.longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
      const probe = document.createElement('canvas');
      probe.width = probe.height = 1;
      const ctx = probe.getContext('2d', { willReadFrequently: true });
      const watch = () => {
        const v = document.querySelector('.scan-panel video');
        if (v && v.videoWidth && window.__scan.appeared == null) {
          // One pixel at full size: a module is near black or white, blank is grey.
          ctx.drawImage(v, Math.floor(v.videoWidth / 2), Math.floor(v.videoHeight / 2), 1, 1, 0, 0, 1, 1);
          const grey = ctx.getImageData(0, 0, 1, 1).data[0];
          if (Math.abs(grey - 128) > 20) window.__scan.appeared = performance.now();
        }
        const count = document.querySelector('.scan-count');
        if (count && /^1\b/.test(count.textContent.trim()) && window.__scan.read == null) window.__scan.read = performance.now();
        if (window.__scan.read == null) requestAnimationFrame(watch);
      };
      window.__scan.start = performance.now();
      [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === "Scan students' codes").click();
      requestAnimationFrame(watch);
    });
    await page.waitForFunction(() => window.__scan.read != null, null, { timeout: 30_000 });
    // Keep scanning a while longer: the code stays in view, read again and ignored each frame.
    await page.waitForTimeout(3000);
    const s = await page.evaluate(() => window.__scan);
    return {
      readMs: s.read - s.appeared,
      longestTask: Math.max(0, ...s.longTasks),
      longTasks: s.longTasks.length,
    };
  } finally {
    await camera.close();
  }
}

(async () => {
  const video = qrVideo([LINK], { hold: 8, gap: 3 });
  const browser = await chromium.launch(launchOptions);
  const page = await browser.newPage();
  await page.goto(`${BASE}#class`);
  await page.waitForSelector('#student-links');
  const rates = [];
  for (let r = 0; r < ROUNDS; r++) {
    const { fps, decodedShare } = await decodeRepeatedly(page, LINK, 5000);
    rates.push({ fps, decodedShare });
  }
  await browser.close();
  const scans = [];
  for (let r = 0; r < ROUNDS; r++) scans.push(await scanRound(video));
  process.stdout.write(JSON.stringify({ rates, scans }, null, 2));
})().catch((e) => { console.error(e); process.exit(1); });
