// The model's downloads (onnxruntime-web's files and the model folder: megabytes), done once, by
// the page, with one progress figure over every byte.
//
// Why the page and not the summarizer's worker: onnxruntime-web fetches its own 14 MB wasm without
// any progress report, and a worker's download followed by the service worker's caching fetched the
// encoder twice. So the page fetches each file listed in <meta name="precis-downloads"> (written by
// scripts/build-web) and puts it in the service worker's cache (precis-<version>, as sw.js names
// it). The worker's own requests then go through the service worker and are answered from that
// cache, and the service worker's later 'cache-lazy' finds everything already stored.

// Wait this long after the page opens before downloading on our own (without a paste): a visitor
// who leaves at once costs no megabytes; one who stays gets the better summaries soon.
export const IDLE_START_MS = 5000;

/** The files to download: [{url, bytes}], absolute URLs; [] on a page without the list. */
export function downloadList(doc = document) {
  const meta = doc.querySelector('meta[name="precis-downloads"]');
  if (!meta?.content.trim()) return [];
  return meta.content.trim().split(/\s+/).map((entry) => {
    const at = entry.lastIndexOf('#');
    return { url: new URL(entry.slice(0, at), doc.baseURI).href, bytes: Number(entry.slice(at + 1)) || 0 };
  });
}

/** True when the visitor asked the browser to save data (Save-Data / data saver). */
export function savesData() {
  return globalThis.navigator?.connection?.saveData === true;
}

/**
 * Resolves at the first of: trigger() called (a paste, a click), or, when `automatic`, IDLE_START_MS
 * on the page followed by an idle moment of the browser.
 */
export function downloadMoment({ automatic = true } = {}) {
  let trigger;
  const moment = new Promise((resolve) => { trigger = resolve; });
  if (!automatic) return { moment, trigger: (why = 'asked') => trigger(why) };
  const timer = setTimeout(() => {
    if ('requestIdleCallback' in globalThis) requestIdleCallback(() => trigger('idle'), { timeout: 5000 });
    else trigger('idle');
  }, IDLE_START_MS);
  moment.then(() => clearTimeout(timer));
  return { moment, trigger: (why = 'asked') => trigger(why) };
}

/**
 * The service worker's cache, once a service worker controls this page (its requests, and those
 * of workers the page starts later, then go through it), or null: no service worker (development
 * page, unsupported browser, registration refused) or none in control within `timeoutMs` (a
 * first install on a slow machine takes a few seconds: waiting is cheaper than downloading twice).
 * @param {Promise<ServiceWorkerRegistration|null>} registration from registerServiceWorker()
 */
export async function serviceWorkerCache(registration, timeoutMs = 30_000) {
  const version = document.querySelector('meta[name="precis-build"]')?.content;
  if (!version || !globalThis.caches || !(await registration)) return null;
  const controlled = navigator.serviceWorker.controller ? Promise.resolve(true)
    : new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true }));
  const ok = await Promise.race([controlled, new Promise((resolve) => setTimeout(() => resolve(false), timeoutMs))]);
  return ok ? caches.open(`precis-${version}`) : null;
}

/**
 * Downloads every file not yet in `cache` into it, one after the other.
 * @param {{url: string, bytes: number}[]} files
 * @param {Cache} cache
 * @param {(loaded: number, total: number) => void} onProgress bytes over all files
 */
export async function downloadInto(files, cache, onProgress) {
  const total = files.reduce((n, f) => n + f.bytes, 0);
  let done = 0;
  onProgress(0, total);
  for (const file of files) {
    if (!(await cache.match(file.url))) {
      const response = await fetch(file.url);
      if (!response.ok) throw new Error(`${file.url}: HTTP ${response.status}`);
      const chunks = [];
      let loaded = 0;
      const reader = response.body.getReader();
      for (;;) {
        const { done: end, value } = await reader.read();
        if (end) break;
        chunks.push(value);
        loaded += value.length;
        onProgress(done + Math.min(loaded, file.bytes), total);
      }
      const headers = new Headers(response.headers);
      await cache.put(file.url, new Response(new Blob(chunks), { status: 200, headers }));
    }
    done += file.bytes;
    onProgress(done, total);
  }
}
