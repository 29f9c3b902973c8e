// Service worker registration: offline use after the first visit, and clean updates.
// Only the built folder (scripts/build-web) has a precache manifest; it marks index.html with
// <meta name="precis-build">, and only then do we register, so development pages stay uncached.

/**
 * @param {{onUpdate: (apply: () => void) => void}} hooks onUpdate gets a function that switches to
 *   the waiting new version (then the page reloads once).
 * @returns {Promise<ServiceWorkerRegistration|null>}
 */
export async function registerServiceWorker({ onUpdate }) {
  if (!('serviceWorker' in navigator) || !document.querySelector('meta[name="precis-build"]')) return null;
  let reg;
  try {
    reg = await navigator.serviceWorker.register('./sw.js', { scope: './' });
  } catch (err) {
    console.warn('Service worker not registered:', err);
    return null;
  }
  const hadController = Boolean(navigator.serviceWorker.controller);
  const offerUpdate = (worker) => onUpdate(() => worker.postMessage({ type: 'skip-waiting' }));
  // A new version installed while an older one controls the page waits until the user agrees.
  if (reg.waiting && hadController) offerUpdate(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
    });
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install claims the page: no reload needed. Later changes come from "Reload".
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });
  return reg;
}

/**
 * Asks the active service worker to store the files fetched on demand (the onnxruntime and model
 * files) so the next visit works offline. Resolves to {cached, total} or null without a worker.
 */
export async function cacheForOffline() {
  if (!('serviceWorker' in navigator) || !document.querySelector('meta[name="precis-build"]')) return null;
  const reg = await navigator.serviceWorker.ready;
  if (!reg.active) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => resolve(e.data);
    reg.active.postMessage({ type: 'cache-lazy' }, [channel.port2]);
  });
}
