// The summarizer's API, run in a module Web Worker (worker.js) so that the page stays responsive:
//
//   import { createWorkerSummarizer } from 'precis-summarizer/worker-client';
//   const s = await createWorkerSummarizer({ model: 'default', onProgress });
//   const r = await s.summarize(text, { sentences: 3, signal });   // same result as precis.js
//
// Differences from createSummarizer: split() returns a promise; options must be cloneable (URLs
// are sent as strings, relative ones resolved against the page first); aborting a call rejects
// at once and tells the worker to stop.
import { PrecisError } from './errors.js';

/**
 * @param {object} options createSummarizer's options, plus `workerUrl` (where worker.js is served,
 *   default: beside this module) or `worker` (an already started Worker-like object).
 */
export async function createWorkerSummarizer(options = {}) {
  const { worker: given, workerUrl, onProgress, signal, ...rest } = options;
  signal?.throwIfAborted();
  // Written out in full so that bundlers (Vite, webpack) see and bundle the worker.
  const worker = given ?? (workerUrl
    ? new Worker(workerUrl, { type: 'module' })
    : new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }));
  const client = new WorkerSummarizer(worker, onProgress);
  try {
    await client.create(cloneableOptions(rest), signal);
    return client;
  } catch (e) {
    worker.terminate();
    throw e;
  }
}

class WorkerSummarizer {
  #worker;
  #pending = new Map();   // id -> { resolve, reject }
  #nextId = 1;
  #model = { state: 'none' };
  #resolveReady;
  #onProgress;
  #disposed = false;
  #version;
  #ready;

  constructor(worker, onProgress) {
    this.#worker = worker;
    this.#onProgress = onProgress;
    this.#ready = new Promise((resolve) => { this.#resolveReady = resolve; });
    worker.addEventListener('message', ({ data }) => this.#receive(data));
    worker.addEventListener('error', (event) => this.#fail(new PrecisError(
      `The summarizer's worker failed: ${event?.message ?? event}`, 'load-failed')));
  }

  /** The model's state, as in precis.js (a copy). */
  get model() {
    return { ...this.#model };
  }

  /** Resolves (never rejects) once the model is ready or has failed. */
  get ready() {
    return this.#ready;
  }

  /** The core's version. */
  get version() {
    return this.#version;
  }

  summarize(text, options = {}) {
    // The signal stays here (not cloneable); anything else goes to the worker to be checked there.
    if (options === null || typeof options !== 'object') return this.request({ type: 'summarize', text, options });
    const { signal, ...rest } = options;
    return this.request({ type: 'summarize', text, options: rest }, signal);
  }

  split(text, options = {}) {
    return this.request({ type: 'split', text, options });
  }

  /** Frees the worker's summarizer, then ends the worker. */
  async dispose() {
    if (this.#disposed) return;
    try {
      await this.request({ type: 'dispose' });
    } finally {
      this.#disposed = true;
      this.#worker.terminate();
      this.#fail(new PrecisError('The summarizer was disposed', 'disposed'));
      this.#resolveReady(this.model);
    }
  }

  request(message, signal) {
    if (this.#disposed) return Promise.reject(new PrecisError('The summarizer was disposed', 'disposed'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        this.#worker.postMessage({ type: 'abort', target: id });
        this.#pending.delete(id);
        reject(signal.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = (fn) => (value) => {
        signal?.removeEventListener('abort', onAbort);
        fn(value);
      };
      this.#pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      this.#worker.postMessage({ id, ...message });
    });
  }

  /** Asks the worker for its summarizer; `signal` may later still stop the model download. */
  async create(options, signal) {
    const id = this.#nextId;
    const { model, version } = await this.request({ type: 'create', options }, signal);
    this.#version = version;
    this.#setModel(model);
    signal?.addEventListener('abort', () => this.#worker.postMessage({ type: 'abort', target: id }), { once: true });
  }

  #receive(data) {
    if (data.type === 'progress') {
      try {
        this.#onProgress?.(data.progress);
      } catch (e) {
        console.error('precis: onProgress threw', e);
      }
      return;
    }
    if (data.type === 'model') {
      this.#setModel(data.model);
      return;
    }
    const pending = this.#pending.get(data.id);
    if (!pending) return;   // aborted already
    this.#pending.delete(data.id);
    if (data.type === 'result') pending.resolve(data.value);
    else pending.reject(toError(data.error));
  }

  #setModel(model) {
    this.#model = model;
    if (model.state !== 'loading') this.#resolveReady(this.model);
  }

  #fail(error) {
    if (this.#model.state === 'loading') this.#setModel({ state: 'failed', error: error.message });
    for (const { reject } of this.#pending.values()) reject(error);
    this.#pending.clear();
  }
}

function toError({ name, message, code }) {
  if (name === 'PrecisError') return new PrecisError(message, code);
  if (name === 'AbortError') return new DOMException(message, 'AbortError');
  const error = new Error(message);
  error.name = name;
  return error;
}

/** URLs become absolute strings: the worker resolves relative ones against its own URL. */
function cloneableOptions(options) {
  const base = globalThis.location?.href;
  const out = { ...options };
  for (const key of ['model', 'wasmUrl', 'ortUrl', 'coreUrl']) {
    const value = out[key];
    if (value == null || value === 'default') continue;
    out[key] = base ? new URL(String(value), base).href : String(value);
  }
  return out;
}
