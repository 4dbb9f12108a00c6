// Static hosts as the offline worker meets them, emulated on loopback. No real
// host is contacted: each behaviour below is what a host does with a folder's
// page (its address `/plan/` and its file `/plan/index.html`), written down
// from the host's documentation or a reproduced report (docs/DEPLOY.md says
// which host each stands for).
//
//   plain          GitHub Pages, nginx: `/plan/` and `/plan/index.html` both serve the page;
//                  `/plan` redirects to `/plan/`.
//   index-to-dir   Cloudflare Pages (and Netlify with pretty URLs, as issue 17 reports it):
//                  `/plan/index.html` redirects to `/plan/`, `/x.html` to `/x`, and `/x` serves x.html.
//   dir-to-index   the reverse: `/plan/` redirects to `/plan/index.html`.
//   no-index-html  `/plan/` serves the page, `/plan/index.html` is a 404.
//
// Unknown paths get a plain 404 ("not found"), never the app.
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};
const BEHAVIOURS = ['plain', 'index-to-dir', 'dir-to-index', 'no-index-html'];

/**
 * Serves folders under prefixes of one origin: `mounts` is { '/': dir } or { '/plan/': a, '/plan-test/': b }.
 * `status` is the redirect status (301 by default; Cloudflare Pages sends 308). `missing` holds paths answered
 * with 404 whatever the folder holds (a deploy whose upload is half done). `stale` maps paths to files served
 * in their place, whatever the folder holds (a cache between reader and host that still hands out an older
 * copy). Change both while the server runs.
 * Resolves to { origin, url(prefix), requests, missing, stale, close }; `requests` lists each request's path.
 */
function host({ mounts, behaviour = 'plain', status = 301, missing = new Set(), stale = new Map() }) {
  if (!BEHAVIOURS.includes(behaviour)) throw new Error(`unknown behaviour ${behaviour}`);
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const where = url.pathname;
    requests.push(where);
    const redirect = (to) => res.writeHead(status, { Location: to + url.search, 'Cache-Control': 'no-cache' }).end();
    const notFound = () => res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache' }).end('not found');
    const send = (f) => {
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(f)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
      fs.createReadStream(f).pipe(res);
    };
    if (missing.has(where)) { notFound(); return; }
    if (stale.has(where)) { send(stale.get(where)); return; }
    const prefix = prefixes.find((p) => where.startsWith(p));
    if (!prefix) { notFound(); return; }
    const root = path.resolve(mounts[prefix]);
    const file = path.join(root, decodeURIComponent(where.slice(prefix.length)));
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
    const isFile = (f) => fs.existsSync(f) && fs.statSync(f).isFile();
    const isDir = (f) => fs.existsSync(f) && fs.statSync(f).isDirectory();

    if (where.endsWith('/')) {
      if (!isFile(path.join(file, 'index.html'))) { notFound(); return; }
      if (behaviour === 'dir-to-index') { redirect(`${where}index.html`); return; }
      send(path.join(file, 'index.html'));
      return;
    }
    if (path.basename(where) === 'index.html' && isFile(file)) {
      if (behaviour === 'index-to-dir') { redirect(where.slice(0, -'index.html'.length)); return; }
      if (behaviour === 'no-index-html') { notFound(); return; }
    }
    if (behaviour === 'index-to-dir') {
      if (where.endsWith('.html') && isFile(file)) { redirect(where.slice(0, -'.html'.length)); return; }
      if (!isFile(file) && isFile(`${file}.html`)) { send(`${file}.html`); return; }
    }
    if (isDir(file)) { redirect(`${where}/`); return; }
    if (isFile(file)) { send(file); return; }
    notFound();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const origin = `http://127.0.0.1:${server.address().port}`;
    resolve({
      origin,
      url: (prefix = '/') => `${origin}${prefix}`,
      requests,
      missing,
      stale,
      close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
    });
  }));
}

module.exports = { host, BEHAVIOURS };
