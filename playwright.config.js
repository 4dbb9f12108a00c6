// Browser tests against the release build in dist/, served on loopback by
// the test run itself. Debian's chromium only: Playwright never downloads one.
const { defineConfig, devices } = require('@playwright/test');
const { launchOptions } = require('./scripts/chromium');

// A port per test run (workers inherit it through the environment), so two
// runs on one machine do not collide.
process.env.WTP_TEST_PORT ||= String(20000 + (process.pid % 20000));
const PORT = Number(process.env.WTP_TEST_PORT);

module.exports = defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  // No retries: a test that fails once is a fault to find, not noise to absorb.
  retries: 0,
  reporter: [['list'], ['./tests/summary-reporter.js']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions,
    trace: 'retain-on-failure',
    // The page registers a service worker; only the offline tests let it run
    // (each test's fresh context would otherwise install and cache the whole build).
    serviceWorkers: 'block',
  },
  webServer: {
    command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory dist`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 20_000,
    // One log line per request would bury the test output.
    stdout: 'ignore',
    stderr: 'ignore',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, launchOptions } },
    // deploy.spec.js opens no page (it reads the workflow, the docs' snippet, dist/_headers): once is enough.
    { name: 'phone', use: { ...devices['Pixel 7'], viewport: { width: 390, height: 844 }, launchOptions }, testIgnore: /deploy\.spec\.js$/ },
  ],
});
