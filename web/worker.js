// A module Web Worker hosting one summarizer, so that the page's thread never runs the core or the
// model. Start it with worker-client.js (createWorkerSummarizer), which speaks this protocol:
//
//   page -> worker  { id, type: 'create', options }        options of createSummarizer, minus
//                                                           signal and onProgress (not cloneable)
//                   { id, type: 'summarize', text, options }
//                   { id, type: 'split', text, options }
//                   { id, type: 'dispose' }
//                   { type: 'abort', target }               aborts request `target` (a create
//                                                           also stops the model download)
//   worker -> page  { id, type: 'result', value }
//                   { id, type: 'error', error: { name, message, code } }
//                   { type: 'progress', progress }          createSummarizer's onProgress events
//                   { type: 'model', model }                the model's new state
import { createSummarizer } from './precis.js';

let summarizer = null;
const controllers = new Map();   // request id -> AbortController, while the request runs

const post = (message) => self.postMessage(message);

async function handle(data) {
  switch (data.type) {
    case 'create': {
      if (summarizer) throw new Error('this worker already hosts a summarizer');
      summarizer = await createSummarizer({
        ...data.options,
        signal: controllers.get(data.id).signal,
        onProgress: (progress) => post({ type: 'progress', progress }),
      });
      summarizer.ready.then((model) => post({ type: 'model', model }));
      return { model: summarizer.model, version: summarizer.version };
    }
    case 'summarize': {
      // Options that are not an object go through as they are, for precis.js to refuse.
      const { options } = data;
      const signal = controllers.get(data.id).signal;
      return requireSummarizer().summarize(data.text, options !== null && typeof options === 'object' ? { ...options, signal } : options);
    }
    case 'split':
      return requireSummarizer().split(data.text, data.options);
    case 'dispose':
      await summarizer?.dispose();
      return null;
    default:
      throw new Error(`unknown request type "${data.type}"`);
  }
}

function requireSummarizer() {
  if (!summarizer) throw new Error('send "create" first');
  return summarizer;
}

self.addEventListener('message', async ({ data }) => {
  if (data.type === 'abort') {
    controllers.get(data.target)?.abort();
    return;
  }
  controllers.set(data.id, new AbortController());
  try {
    post({ id: data.id, type: 'result', value: await handle(data) });
  } catch (e) {
    post({ id: data.id, type: 'error', error: { name: e?.name ?? 'Error', message: e?.message ?? String(e), code: e?.code } });
  } finally {
    // The create request's controller stays: aborting it later still stops the model download.
    if (data.type !== 'create') controllers.delete(data.id);
  }
});
