// Weigh the Plan's service worker, written by scripts/post_build.py for one
// build: it keeps that build's files for offline use (a classroom whose wifi
// drops after the first load still has the story, tags, share links and the
// class view). A new deploy has a new VERSION, so a new worker installs beside
// the old one with a cache of its own; the page then tells the reader once
// that a newer version is ready, and only on their reload does the new one
// take over, in every open tab (a tab that stays on the old build reloads when
// its reader chooses; a class view it has not loaded yet then says to reload).
const VERSION = "__VERSION__";
const CACHE = `weigh-the-plan-${VERSION}`;
const FILES = __FILES__;

self.addEventListener("install", (event) => {
  // Past the HTTP cache: a host that caches for minutes must not hand this
  // worker the previous build's index.html.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: "reload" })))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((key) => key.startsWith("weigh-the-plan-") && key !== CACHE).map((key) => caches.delete(key)),
  )));
});

// The page asks for this when the reader chooses to reload into the new version.
self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  // Any page address in scope (a share link, #class, ?embed) is this build's index.html.
  const key = request.mode === "navigate" ? new URL("./index.html", self.location).href : request;
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(key))
      .then((cached) => cached || fetch(request)),
  );
});
