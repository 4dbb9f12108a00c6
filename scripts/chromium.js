// The one place that says which browser the tests, the benchmark and the
// image scripts use: Debian's chromium, never a downloaded one. WTP_CHROMIUM
// overrides the path (scripts/setup.sh installs the default when missing).
const path = process.env.WTP_CHROMIUM || '/usr/bin/chromium';

// We run as root (no sandbox); the rest keeps Chromium off the network.
const args = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

module.exports = { path, args, launchOptions: { executablePath: path, args } };
