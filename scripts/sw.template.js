// Weigh the Plan's service worker, written by scripts/post_build.py for one
// build: it keeps that build's files for offline use (a classroom whose wifi
// drops after the first load still has the story, tags, share links and the
// class view). A new deploy has a new VERSION, so a new worker installs beside
// the old one with a cache of its own; the page then tells the reader once
// that a newer version is ready, and only on their reload does the new one
// take over, in every open tab (a tab that stays on the old build reloads when
// its reader chooses; a class view it has not loaded yet then says to reload).
//
// It answers only what is the app's: a page load of the app's page (its folder's
// address or index.html, with any query or fragment: ?embed, #share=…, #class)
// and the build's own files. Every other address on the site (another page, a
// path that should be a 404) goes to the network as if there were no worker.
//
// It keeps only a page that belongs to its own build. A cache between the
// reader and the host (a CDN, a proxy, GitHub Pages' ten minutes) may still
// hand out the previous build's index.html when this worker arrives; that page
// names build files this worker does not keep, and the server no longer has
// them. Kept, it would be a page that cannot start, offline and online, until
// the next deploy. So the install refuses such a page, this worker is dropped,
// the one in charge keeps serving its own consistent set, and the next visit
// tries again.
const VERSION = "__VERSION__";
// The build's files beside the page, relative to this worker.
const FILES = __FILES__;
// The build files this build's index.html names (its loader, wasm, styles, the
// class module and QR decoder's metas): the page kept must name exactly these.
const PAGE_FILES = __PAGE_FILES__;
// How a build file is named: after its content, a hash of up to 16 hex digits
// (scripts/post_build.py finds the page's with the same pattern).
const BUILD_FILE = /[A-Za-z0-9_-]+-[0-9a-f]{12,16}(?:_bg\.wasm|_loader\.js|\.js|\.css)/g;

// The app's page: the folder this worker is served from (/plan/ for /plan/sw.js).
const PAGE = new URL("./", self.location).href;
const PAGE_ADDRESSES = new Set([PAGE, `${PAGE}index.html`]);
const OWN_FILES = new Set(FILES.map((file) => new URL(file, self.location).href));

// Cache names carry the deployment's scope, so two deployments on one site
// (/plan/ and /plan-test/) never delete each other's caches. (A URL holds no
// space: the space after the scope ends it, and /plan/ is no prefix of /plan-test/.)
const CACHE_PREFIX = `weigh-the-plan ${self.registration.scope} `;
const CACHE = CACHE_PREFIX + VERSION;
// The names before scopes were in them ("weigh-the-plan-" and the version alone).
const OLD_NAME = /^weigh-the-plan-[0-9a-f]{16}$/;

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

// All or nothing: if any file cannot be fetched, the install fails, this
// worker is dropped, and the one in charge (if any) stays, with its cache.
async function precache() {
  const existed = await caches.has(CACHE);
  try {
    const page = await fetchPage();
    const cache = await caches.open(CACHE);
    // Past the HTTP cache: a host that caches for minutes must not hand this
    // worker the previous build's files.
    await cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })));
    await cache.put(PAGE, page);
  } catch (error) {
    if (!existed) await caches.delete(CACHE);
    throw error;
  }
}

// The page, as the host serves it. Hosts differ: Cloudflare Pages redirects
// /index.html to /, some hosts / to /index.html, some serve only one of the two.
// Fetched with redirects followed, and kept as a plain (not redirected)
// response: a redirected response cannot answer a page load. Only a page of
// this build is kept (see the top); a cache may hold a stale copy of one
// address and not of the other, so both are tried.
async function fetchPage() {
  const problems = [];
  for (const address of [PAGE, `${PAGE}index.html`]) {
    const response = await fetch(new Request(address, { cache: "reload", redirect: "follow" }));
    if (!response.ok) {
      problems.push(`${address}: ${response.status}`);
      continue;
    }
    const body = await response.blob();
    const mismatch = otherBuild(await body.text());
    if (mismatch) {
      problems.push(`${address}: ${mismatch}`);
      continue;
    }
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  throw new Error(`no page of this build could be fetched (${problems.join("; ")})`);
}

// Why a page is not this build's (null if it is): it names a build file this
// worker does not keep, or lacks one this build's page names.
function otherBuild(page) {
  const named = new Set(page.match(BUILD_FILE) || []);
  const foreign = [...named].filter((name) => !OWN_FILES.has(new URL(name, self.location).href));
  if (foreign.length) return `it names files of another build (${foreign.join(", ")})`;
  const missing = PAGE_FILES.filter((name) => !named.has(name));
  if (missing.length) return `it does not name this build's ${missing.join(", ")}`;
  return null;
}

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.map(async (key) => {
    if (key === CACHE) return;
    if (key.startsWith(CACHE_PREFIX) || (OLD_NAME.test(key) && (await isOurs(key)))) await caches.delete(key);
  }))));
});

// An old-style cache is this deployment's if it holds this deployment's page.
async function isOurs(key) {
  const cache = await caches.open(key);
  return !!(await cache.match(PAGE, { ignoreSearch: true }));
}

// The page asks for this when the reader chooses to reload into the new version.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (request.mode === "navigate") {
    if (PAGE_ADDRESSES.has(url.href)) event.respondWith(fromCache(PAGE, request));
  } else if (OWN_FILES.has(url.href)) {
    event.respondWith(fromCache(request, request));
  }
});

async function fromCache(key, request) {
  return (await caches.match(key, { cacheName: CACHE })) || fetch(request);
}
