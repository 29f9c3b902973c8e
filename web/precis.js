/**
 * Précis: extractive summaries of articles, computed on this device (browser, worker or Node 20+).
 *
 *   import { createSummarizer } from 'precis-summarizer';   // or './precis.js'
 *
 *   const s = await createSummarizer({
 *     model: 'default',                   // or the URL of a model folder, or null for lexical only
 *     onProgress: ({ phase, loaded, total }) => console.log(phase, loaded, total),
 *   });
 *   const r = await s.summarize(articleText, { sentences: 3 });
 *   for (const { text, utf16: [b, e] } of r.summary) console.log(text, articleText.slice(b, e));
 *   s.model;          // { state: 'loading' }, later { state: 'ready', name } or { state: 'failed', error }
 *   await s.ready;    // resolves (never rejects) once the model is ready or has failed
 *   s.dispose();
 *
 * createSummarizer() resolves as soon as the WebAssembly core is running; the model keeps loading in
 * the background. Until it is ready (and for good if it fails), summarize() scores lexically and
 * says so in result.warnings. Errors reported by the core (invalid options, input too large) and
 * invalid arguments reject with a PrecisError; aborting through an AbortSignal rejects with the
 * signal's reason (a DOMException named "AbortError" by default).
 *
 * Files: precis.js (this API), core.js (loads the Emscripten build in dist/: precis-core.mjs +
 * precis-core.wasm), model-files.js (downloads a model), host-onnx.js + encode.js (run the encoder
 * with onnxruntime-web; loaded only when a model is asked for), worker.js + worker-client.js (the
 * same API from a Web Worker), errors.js, platform.js. Types: precis.d.ts, worker-client.d.ts.
 */

import { loadCore } from './core.js';
import { checkEncoderNames, encodeJob } from './encode.js';
import { PrecisError } from './errors.js';
import { fetchModel } from './model-files.js';
import { anySignal, baseUrl } from './platform.js';

export { PrecisError };

/** Where the default model lives: a folder beside this module, filled by stage.mjs --model. Not a
 *  literal inside new URL(): bundlers would try to copy the folder as an asset. With a bundler,
 *  host the model yourself and pass its URL. */
const DEFAULT_MODEL_PATH = './dist/model/';
const DEFAULT_MODEL_URL = new URL(DEFAULT_MODEL_PATH, import.meta.url);

// Options of summarize() (camelCase) and the core's JSON names; defaults live in the core
// (wasm/src/options.h), so an option left out is simply not sent.
const SUMMARY_OPTIONS = {
  sentences: 'sentences', ratio: 'ratio', words: 'words', lang: 'lang', title: 'title',
  allSentences: 'all_sentences', redundancy: 'redundancy', maxInputBytes: 'max_input_bytes',
  batchRows: 'batch_rows',
};
const SPLIT_OPTIONS = { lang: 'lang', maxInputBytes: 'max_input_bytes' };

/**
 * Creates a summarizer. Rejects with a PrecisError (code "load-failed") if the WebAssembly core
 * cannot be loaded; a model that fails to load never rejects this (see `model` and `ready`).
 */
export async function createSummarizer(options = {}) {
  const opts = checkCreateOptions(options);
  opts.signal?.throwIfAborted();
  report(opts.onProgress, { phase: 'core', loaded: 0, total: 1 });
  const core = await loadCore(opts);
  opts.signal?.throwIfAborted();
  report(opts.onProgress, { phase: 'core', loaded: 1, total: 1 });
  return new Summarizer(core, opts);
}

class Summarizer {
  #core;
  #native;                  // the core's Summarizer (embind object: must be deleted)
  #encoder = null;          // { run(feeds), release() } from host-onnx.js once the model is ready
  #modelInfo = null;        // the validated manifest, from the core
  #model = { state: 'none' };
  #queue = Promise.resolve();   // core calls that span awaits run one at a time
  #disposed = false;
  #disposing = null;
  #loading = null;          // AbortController of the model download
  #ready;

  constructor(core, opts) {
    this.#core = core;
    this.#native = new core.Summarizer();
    const modelUrl = resolveModelUrl(opts.model);
    if (modelUrl) {
      this.#model = { state: 'loading' };
      this.#loading = new AbortController();
      const signal = opts.signal ? anySignal([opts.signal, this.#loading.signal]) : this.#loading.signal;
      this.#ready = this.#loadModel(modelUrl, { ...opts, signal });
    } else {
      this.#ready = Promise.resolve(this.model);
    }
  }

  /** Resolves (never rejects) to the model's state once it is ready or has failed. */
  get ready() {
    return this.#ready;
  }

  /** The model's state: { state: 'none'|'loading'|'ready'|'failed', name?, error? } (a copy). */
  get model() {
    return { ...this.#model };
  }

  /** The core's version string. */
  get version() {
    return this.#core.version();
  }

  /** Summarizes `text`; resolves to the result object described in precis.d.ts. */
  async summarize(text, options = {}) {
    this.#checkAlive();
    checkText(text);
    const optionsJson = toCoreOptions(options, SUMMARY_OPTIONS, 'summarize');
    const signal = options.signal;
    signal?.throwIfAborted();
    return this.#serialised(async () => {
      signal?.throwIfAborted();
      this.#checkAlive();
      if (this.#model.state !== 'ready') {
        const result = parseResult(this.#native.summarize(text, optionsJson));
        const why = modelWarning(this.#model);
        if (why) result.warnings.push(why);
        return result;
      }
      return this.#summarizeWithModel(text, optionsJson, signal);
    });
  }

  /** Splits `text` into sentences (cleaned of scraping junk), with offsets into `text`. */
  split(text, options = {}) {
    this.#checkAlive();
    checkText(text);
    return parseResult(this.#native.split(text, toCoreOptions(options, SPLIT_OPTIONS, 'split')));
  }

  /** Frees the core's memory and the model session; later calls reject with code "disposed". */
  dispose() {
    if (!this.#disposing) {
      this.#disposed = true;
      this.#loading?.abort(new PrecisError('The summarizer was disposed', 'disposed'));
      // After the model load has settled and the calls already queued (they hold core objects).
      this.#disposing = this.#ready.then(() => this.#serialised(async () => {
        this.#native.delete();
        await this.#encoder?.release();
        this.#encoder = null;
      }));
    }
    return this.#disposing;
  }

  async #summarizeWithModel(text, optionsJson, signal) {
    const job = this.#native.prepare(text, optionsJson);
    try {
      const prepareError = job.error();
      if (prepareError) {
        const result = parseResult(this.#native.summarize(text, optionsJson));
        result.warnings.push(`The model could not be used (${prepareError}); lexical scoring only.`);
        return result;
      }
      const warnings = await encodeJob(job, this.#encoder, this.#modelInfo, signal);
      const result = parseResult(job.finish());
      result.warnings.push(...warnings);
      return result;
    } finally {
      job.delete();
    }
  }

  async #loadModel(url, opts) {
    try {
      const files = await fetchModel(url, this.#core, opts);
      const { createEncoder } = await import('./host-onnx.js');   // onnxruntime-web: only when needed
      report(opts.onProgress, { phase: 'session', loaded: 0, total: 1 });
      const encoder = await createEncoder(files.encoder, { threads: opts.threads, ortUrl: opts.ortUrl });
      opts.signal.throwIfAborted();
      report(opts.onProgress, { phase: 'session', loaded: 1, total: 1 });
      // Swapping the core's model must not happen while a summary is between two batches.
      await this.#serialised(async () => {
        if (this.#disposed) {
          await encoder.release();
          this.#checkAlive();
        }
        const error = this.#native.loadModel(files.manifestJson, files.tokenizer, files.scorerJson);
        if (error) {
          await encoder.release();
          throw new PrecisError(error, 'model-invalid');
        }
        const info = JSON.parse(this.#native.modelJson());
        const mismatch = checkEncoderNames(info.encoder, encoder);
        if (mismatch) {
          this.#native.unloadModel();
          await encoder.release();
          throw new PrecisError(`${info.encoder.file}: ${mismatch}`, 'model-invalid');
        }
        this.#modelInfo = info;
        this.#encoder = encoder;
      });
      this.#model = { state: 'ready', name: this.#modelInfo.name };
    } catch (e) {
      this.#model = { state: 'failed', error: e?.message ?? String(e) };
    }
    return this.model;
  }

  #serialised(fn) {
    const run = this.#queue.then(fn);
    this.#queue = run.catch(() => {});
    return run;
  }

  #checkAlive() {
    if (this.#disposed) throw new PrecisError('The summarizer was disposed', 'disposed');
  }
}

function modelWarning(model) {
  if (model.state === 'loading') return 'The sentence-embedding model is still loading; lexical scoring only.';
  if (model.state === 'failed') return `The sentence-embedding model failed to load (${model.error}); lexical scoring only.`;
  return null;
}

/** The one place where the core's {"error": ...} answers become exceptions. */
function parseResult(json) {
  const result = JSON.parse(json);
  if (typeof result.error === 'string') throw new PrecisError(result.error, result.code ?? 'core');
  result.warnings ??= [];
  return result;
}

// ---------------------------------------------------------------------------------------------
// Arguments

function checkCreateOptions(options) {
  if (options === null || typeof options !== 'object') invalid('createSummarizer: options must be an object');
  const known = ['model', 'onProgress', 'signal', 'threads', 'wasmUrl', 'ortUrl', 'coreUrl'];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) invalid(`createSummarizer: unknown option "${key}" (known: ${known.join(', ')})`);
  }
  const { model = 'default', onProgress, signal, threads = 'auto' } = options;
  if (model !== null && typeof model !== 'string' && !(model instanceof URL)) {
    invalid('createSummarizer: model must be "default", a URL or null');
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') invalid('createSummarizer: onProgress must be a function');
  if (signal !== undefined && !(signal instanceof AbortSignal)) invalid('createSummarizer: signal must be an AbortSignal');
  if (threads !== 'auto' && !(Number.isInteger(threads) && threads >= 1)) {
    invalid('createSummarizer: threads must be "auto" or a whole number >= 1');
  }
  return { ...options, model, threads };
}

function checkText(text) {
  if (typeof text !== 'string') invalid(`text must be a string, not ${text === null ? 'null' : typeof text}`);
}

/** Checks options against the core's table and returns the core's JSON. */
function toCoreOptions(options, table, method) {
  if (options === null || typeof options !== 'object') invalid(`${method}: options must be an object`);
  const out = {};
  for (const [key, value] of Object.entries(options)) {
    if (key === 'signal') {
      if (value !== undefined && !(value instanceof AbortSignal)) invalid(`${method}: signal must be an AbortSignal`);
      continue;
    }
    if (!(key in table)) invalid(`${method}: unknown option "${key}" (known: ${[...Object.keys(table), 'signal'].join(', ')})`);
    if (value === undefined) continue;
    checkOption(key, value, method);
    out[table[key]] = value;
  }
  const lengths = ['sentences', 'ratio', 'words'].filter((k) => options[k] !== undefined);
  if (lengths.length > 1) invalid(`${method}: give only one of sentences, ratio, words (got ${lengths.join(', ')})`);
  return JSON.stringify(out);
}

// Ranges mirror wasm/src/options.h; the core checks them again.
function checkOption(key, value, method) {
  const wholeAtLeastOne = (v) => Number.isInteger(v) && v >= 1;
  const ok = {
    sentences: wholeAtLeastOne,
    words: wholeAtLeastOne,
    maxInputBytes: wholeAtLeastOne,
    batchRows: (v) => Number.isInteger(v) && v >= 1 && v <= 4096,
    ratio: (v) => typeof v === 'number' && v > 0 && v <= 1,
    redundancy: (v) => typeof v === 'number' && v >= 0 && v <= 1,
    lang: (v) => typeof v === 'string' && v.length > 0,
    title: (v) => typeof v === 'string',
    allSentences: (v) => typeof v === 'boolean',
  }[key];
  const expected = {
    sentences: 'a whole number >= 1', words: 'a whole number >= 1', maxInputBytes: 'a whole number >= 1',
    ratio: 'a number in (0, 1]', redundancy: 'a number in [0, 1]', lang: '"auto" or a language code',
    title: 'a string', allSentences: 'a boolean', batchRows: 'a whole number from 1 to 4096',
  }[key];
  if (!ok(value)) invalid(`${method}: ${key} must be ${expected}, not ${JSON.stringify(value)}`);
}

function invalid(message) {
  throw new PrecisError(message, 'invalid-argument');
}

function report(onProgress, event) {
  try {
    onProgress?.(event);
  } catch (e) {
    // A failing progress callback must not break loading.
    console.error('precis: onProgress threw', e);
  }
}

/** The model folder's URL (ending in "/"), or null for no model. Exported for summarizer.js. */
export function resolveModelUrl(model) {
  if (model === null) return null;
  if (model === 'default') return DEFAULT_MODEL_URL;
  const href = String(model);
  return new URL(href.endsWith('/') ? href : `${href}/`, baseUrl());
}
