// The one place that says which browser the tests, the benchmark and the
// image scripts use: Debian's chromium, never a downloaded one. WTP_CHROMIUM
// overrides the path (scripts/setup.sh installs the default when missing).
const path = process.env.WTP_CHROMIUM || '/usr/bin/chromium';

// We run as root (no sandbox); the rest keeps Chromium off the network. Even
// with background networking off it tries Google's hosts (component updates,
// account checks): point those at a closed local port, and resolve no host but
// the loopback servers the tests and benchmark use.
const args = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  '--component-updater=url-source=http://127.0.0.1:9/', '--gaia-url=http://127.0.0.1:9/',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

module.exports = { path, args, launchOptions: { executablePath: path, args } };
