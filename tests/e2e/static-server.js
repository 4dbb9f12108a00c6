// A small static file server for tests that need one of their own: a copy of
// dist/ they can change (a second deploy), a sub-path (/plan/), a second origin.
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

/** Serves `root` under `prefix` ('/' or '/plan/') on a free loopback port; resolves to { url, close }. */
function serve(root, prefix = '/') {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404).end('not here'); return; }
    let file = path.join(root, decodeURIComponent(url.pathname.slice(prefix.length)));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}${prefix}`, close: () => new Promise((r) => server.close(r)) });
  }));
}

/** A fresh copy of dist/ in a temporary folder. */
function copyOfDist() {
  const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'wtp-dist-'));
  fs.cpSync(path.join(__dirname, '..', '..', 'dist'), dir, { recursive: true });
  return dir;
}

module.exports = { serve, copyOfDist };
