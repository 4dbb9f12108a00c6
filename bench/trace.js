// What the long tasks of a load are made of: loads the page once at 4× CPU
// throttling with Chromium's tracing on, and prints every main-thread task
// over 30 ms with its larger parts (parse, style, layout, the app's calls),
// then the largest layouts and style recalculations with their object counts.
// A diagnostic beside the benchmark, not part of it: the figures the budgets
// use come from bench/bench.js.
// Usage: node bench/trace.js [port] [fragment]   (dist/ served on the port, 4180 by default)
const { chromium } = require('@playwright/test');
const { launchOptions } = require('../scripts/chromium');

const [port = '4180', fragment = ''] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch(launchOptions);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((resolve) => cdp.on('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,toplevel', transferMode: 'ReportEvents',
  });
  await page.goto(`http://127.0.0.1:${port}/${fragment}`);
  await page.waitForSelector('html[data-app=ready]');
  await page.waitForTimeout(1500);
  await cdp.send('Tracing.end');
  await done;
  const t0 = Math.min(...events.filter((e) => e.ts).map((e) => e.ts));
  const ms = (us) => (us / 1000).toFixed(1);
  for (const task of events.filter((e) => e.name === 'RunTask' && e.dur > 30000)) {
    const parts = events
      .filter((e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur || 0) <= task.ts + task.dur
        && e.name !== 'RunTask' && e.dur > 3000)
      .map((e) => `${e.name}${e.args?.data?.url ? ` ${e.args.data.url.split('/').pop().slice(0, 30)}` : ''} ${ms(e.dur)}`);
    console.log(`task at ${ms(task.ts - t0)} ms, ${ms(task.dur)} ms: ${[...new Set(parts)].slice(0, 12).join(' | ')}`);
  }
  for (const e of events.filter((e) => e.name === 'Layout' && e.dur > 15000)) {
    console.log(`layout ${ms(e.dur)} ms: ${e.args?.beginData?.dirtyObjects} of ${e.args?.beginData?.totalObjects} objects`);
  }
  for (const e of events.filter((e) => e.name === 'UpdateLayoutTree' && e.dur > 15000)) {
    console.log(`style ${ms(e.dur)} ms: ${e.args?.elementCount} elements`);
  }
  await browser.close();
})();
