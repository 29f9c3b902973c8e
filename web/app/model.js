// The page's downloading policy for the sentence-embedding model, as a person would choose it:
//   - the page is useful at once: a model-free (word statistics) summarizer starts first;
//   - the model downloads after the first paste, or once the page has been open a while and the
//     browser is idle; never by itself when the browser asks to save data (a button offers it);
//   - one progress figure over every byte (web/app/downloads.js), each file downloaded once;
//   - when it is ready, the page switches summarizers and says the summary improved (app.js).
import { createWorkerSummarizer } from '../worker-client.js';
import { downloadInto, downloadList, downloadMoment, savesData, serviceWorkerCache } from './downloads.js';

/**
 * @param {{model: string|null, ortUrl?: string, modelBytes: number,
 *   registration: Promise<ServiceWorkerRegistration|null>,
 *   onStatus: (s: {state: string, loaded?: number, total?: number, error?: string, name?: string}) => void}} o
 *   states: 'none' (no model), 'waiting', 'save-data', 'loading' (loaded/total when known),
 *   'starting', 'ready', 'failed'
 * @returns {{want: (why: 'paste'|'asked') => void, summarizer: Promise<object|null>}}
 *   summarizer: resolves to a summarizer whose model is ready, or null (no model, or it failed)
 */
export function planModel({ model, ortUrl, modelBytes, registration, onStatus }) {
  if (!model) {
    onStatus({ state: 'none' });
    return { want() {}, summarizer: Promise.resolve(null) };
  }
  const files = downloadList();
  const total = files.reduce((n, f) => n + f.bytes, 0) || modelBytes;
  const saveData = savesData();
  // With data saver on, only the visitor's own click downloads megabytes.
  const { moment, trigger } = downloadMoment({ automatic: !saveData });
  onStatus({ state: saveData ? 'save-data' : 'waiting', total });
  const want = (why) => {
    if (!saveData || why === 'asked') trigger(why);
  };
  return { want, summarizer: moment.then(() => load(model, ortUrl, files, total, registration, onStatus)) };
}

async function load(model, ortUrl, files, total, registration, onStatus) {
  onStatus({ state: 'loading', loaded: 0, total });
  let byPage = false;
  try {
    const cache = files.length ? await serviceWorkerCache(registration) : null;
    if (cache) {
      await downloadInto(files, cache, (loaded) => onStatus({ state: 'loading', loaded, total }));
      byPage = true;
      onStatus({ state: 'starting' });
    }
  } catch (err) {
    onStatus({ state: 'failed', error: err?.message ?? String(err) });
    return null;
  }
  // Without a service worker (development page) the summarizer downloads the model itself; only
  // the model folder's bytes are reported then.
  const loadedByUrl = new Map();
  const onProgress = (p) => {
    if (!p || p.phase === 'core') return;
    if (p.phase === 'session') {
      onStatus({ state: 'starting' });
    } else if (!byPage) {
      if (p.url) loadedByUrl.set(p.url, p.loaded ?? 0);
      const loaded = [...loadedByUrl.values()].reduce((a, b) => a + b, 0);
      onStatus({ state: 'loading', loaded, total: total || p.total || 0 });
    }
  };
  let summarizer;
  try {
    summarizer = await createWorkerSummarizer({ model, ortUrl, onProgress });
  } catch (err) {
    onStatus({ state: 'failed', error: err?.message ?? String(err) });
    return null;
  }
  const state = await summarizer.ready;
  if (state.state !== 'ready') {
    summarizer.dispose().catch(() => {});
    onStatus({ state: 'failed', error: state.error || 'unknown error' });
    return null;
  }
  onStatus({ state: 'ready', name: state.name });
  return summarizer;
}
