// Précis service worker: after the first visit the page, the WebAssembly files and the model are
// served from a cache, so summarizing works offline.
//
// scripts/build-web replaces the PRECACHE line below with the built folder's manifest:
//   {version: "<hash of all file hashes>", files: [{url, lazy}]}
// Every file except index.html carries its content hash in its name, so a cached copy never goes
// stale; the cache name carries the version, and a new build is a new service worker.
// "lazy" files (onnxruntime and model files, megabytes) are not fetched at install: the page
// downloads them once it needs them and then asks us ('cache-lazy') to keep them. Files with
// lazy: "on-use" (the PDF and Word readers) are kept only once the page has used them.

const PRECACHE = null; // replaced by scripts/build-web

const PREFIX = 'precis-';
const CACHE = PRECACHE ? `${PREFIX}${PRECACHE.version}` : null;
const scope = new URL(self.registration.scope);
const toUrl = (path) => new URL(path, scope).href;
const known = PRECACHE ? new Map(PRECACHE.files.map((f) => [toUrl(f.url), f])) : new Map();
const INDEX = toUrl('index.html');

// Stores url in cache, reusing the copy an older version already holds (same hashed name means
// same bytes), else fetching it.
async function store(cache, url) {
  if (await cache.match(url)) return;
  const file = known.get(url);
  const reusable = url !== INDEX && file && (await caches.match(url));
  if (reusable) {
    await cache.put(url, reusable);
    return;
  }
  const response = await fetch(url, { cache: url === INDEX ? 'no-cache' : 'default' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  await cache.put(url, response);
}

self.addEventListener('install', (event) => {
  if (!CACHE) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const eager = [...known.values()].filter((f) => !f.lazy).map((f) => toUrl(f.url));
    await Promise.all(eager.map((url) => store(cache, url)));
    // Lazy files an older version already holds move over now, so an update does not lose
    // offline use (nor re-download the model).
    const lazy = [...known.values()].filter((f) => f.lazy).map((f) => toUrl(f.url));
    await Promise.all(lazy.map(async (url) => {
      const old = await caches.match(url);
      if (old) await cache.put(url, old);
    }));
  })());
});

self.addEventListener('activate', (event) => {
  if (!CACHE) return;
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const { type } = event.data || {};
  if (type === 'skip-waiting') {
    self.skipWaiting();
  } else if (type === 'cache-lazy' && CACHE) {
    const port = event.ports[0];
    event.waitUntil((async () => {
      const cache = await caches.open(CACHE);
      const urls = [...known.values()].filter((f) => f.lazy !== 'on-use').map((f) => toUrl(f.url));
      const results = await Promise.allSettled(urls.map((url) => store(cache, url)));
      const failed = results.filter((r) => r.status === 'rejected').map((r) => String(r.reason));
      port?.postMessage({ cached: urls.length - failed.length, total: urls.length, failed });
    })());
  }
});

self.addEventListener('fetch', (event) => {
  if (!CACHE || event.request.method !== 'GET') return;
  const url = new URL(event.request.url);
  if (url.origin !== scope.origin) return;
  url.search = '';
  url.hash = '';
  let key = url.href;
  if (event.request.mode === 'navigate' && (key === scope.href || key === INDEX)) key = INDEX;
  if (!known.has(key)) return;
  event.respondWith(respond(event.request, key));
});

async function respond(request, key) {
  const cache = await caches.open(CACHE);
  if (key === INDEX) {
    // The page itself: network first so a new version is seen at once, cache when offline.
    try {
      const response = await fetch(request, { cache: 'no-cache' });
      if (response.ok) return response;
    } catch {
      // offline
    }
    return (await cache.match(INDEX)) || fetch(request);
  }
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  // Hashed names never change content, so whatever we fetch can be kept.
  if (response.ok && response.status === 200) cache.put(key, response.clone());
  return response;
}
