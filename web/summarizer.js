/**
 * The browser's Summarizer API (WICG writing-assistance-apis), answered extractively by Précis:
 * the same shape as Chrome's built-in `Summarizer`, a few MB instead of gigabytes, in every
 * browser and in Node 20+, and every sentence of a summary is a sentence of the article.
 *
 *   import { Summarizer } from 'precis-summarizer/summarizer';
 *   const Impl = 'Summarizer' in globalThis ? globalThis.Summarizer : Summarizer;   // built-in first
 *   if (await Impl.availability({ type: 'key-points' }) !== 'unavailable') {
 *     const s = await Impl.create({ type: 'key-points', length: 'medium', monitor(m) {
 *       m.addEventListener('downloadprogress', (e) => console.log(`${e.loaded * 100}%`));
 *     } });
 *     console.log(await s.summarize(articleText, { context: 'The article’s headline' }));
 *     for await (const chunk of s.summarizeStreaming(articleText)) console.log(chunk);
 *     s.destroy();
 *   }
 *
 * What Précis makes of the API (web/README.md has the table):
 *   - type × length → sentences: key-points 3/5/7 (a Markdown "- " list, or plain lines), tldr and
 *     teaser 1/3/5 as one paragraph (teaser: the story's opening sentences), headline: the title
 *     (found by the core, or given as context/sharedContext), else the best sentence.
 *   - sharedContext and the per-call context are the core's title hint (the per-call one wins).
 *   - measureInputUsage() and inputQuota count UTF-8 bytes of the input: the unit of the core's
 *     one real limit (max_input_bytes), so `usage > inputQuota` is exactly "the core refuses it".
 *   - availability() is "available" when nothing needs downloading (no model; a model in Node's
 *     file system, in the page's Cache Storage or already loaded here; or expectedInputLanguages
 *     that the model does not serve, which means lexical scoring), "downloading" while a
 *     summarizer of this module loads it, else "downloadable". "unavailable" only for an
 *     outputLanguage that none of expectedInputLanguages is: Précis never translates.
 *   - Errors are the spec's DOMExceptions: TypeError for bad options, NotSupportedError (output
 *     language), AbortError (signals, and calls running when destroy() is called),
 *     InvalidStateError (calls after destroy(), as Chrome does), QuotaExceededError, OperationError
 *     (the WebAssembly core cannot start). A model that fails to load is not an error: summaries
 *     fall back to lexical scoring and `summarizer.precis.model` says why.
 *
 * Précis settings ride along in an extra `precis` member of the options (ignored by the built-in
 * API), or once for all in configure(): { model, worker, workerUrl, coreUrl, wasmUrl, ortUrl,
 * threads }, as in createSummarizer (web/README.md). One loaded summarizer (and worker) serves
 * every Summarizer created with the same settings; the last destroy() frees it.
 */
import { createSummarizer, resolveModelUrl } from './precis.js';
import { createWorkerSummarizer } from './worker-client.js';
import { fetchBytes } from './model-files.js';
import { anySignal, isNode } from './platform.js';

// Sentences per type and length: Chrome's guidance (3/5/7 bullet points; 1 sentence, a short
// paragraph, a paragraph) made into counts. Headline is one sentence whatever the length.
const SENTENCES = {
  'key-points': { short: 3, medium: 5, long: 7 },
  tldr: { short: 1, medium: 3, long: 5 },
  teaser: { short: 1, medium: 3, long: 5 },
  headline: { short: 1, medium: 1, long: 1 },
};
// "tl;dr" is the spec draft's spelling of what Chrome ships as "tldr": both are accepted.
const TYPES = ['tldr', 'tl;dr', 'teaser', 'key-points', 'headline'];
const FORMATS = ['plain-text', 'markdown'];
const LENGTHS = ['short', 'medium', 'long'];

/** The core's input cap in UTF-8 bytes, passed to it on every call (its default, options.h). */
const INPUT_QUOTA = 16 * 1024 * 1024;

const PRECIS_SETTINGS = ['model', 'worker', 'workerUrl', 'coreUrl', 'wasmUrl', 'ortUrl', 'threads'];
let defaults = {};

/** Précis settings for every later create() and availability() without a `precis` member. */
export function configure(settings = {}) {
  defaults = checkSettings(settings);
}

/** Fired at a create() monitor: `loaded` goes from 0 to 1 over the bytes to download. */
export class CreateMonitor extends EventTarget {
  #handler = null;
  get ondownloadprogress() {
    return this.#handler;
  }
  set ondownloadprogress(handler) {
    if (this.#handler) this.removeEventListener('downloadprogress', this.#handler);
    this.#handler = typeof handler === 'function' ? handler : null;
    if (this.#handler) this.addEventListener('downloadprogress', this.#handler);
  }
}

export class Summarizer {
  #engine;
  #options;
  #destruction = new AbortController();
  #destroyed = false;

  /** Use Summarizer.create(). */
  constructor(engine, options, key) {
    if (key !== CONSTRUCT) throw new TypeError('Illegal constructor: use Summarizer.create()');
    this.#engine = engine;
    this.#options = options;
  }

  /** "available", "downloadable", "downloading" or "unavailable" for these options. */
  static async availability(options = {}) {
    return (await plan(checkCreateOptions(options))).availability;
  }

  /** Resolves once the summarizer (and its model, when one is used) is ready. */
  static async create(options = {}) {
    const opts = checkCreateOptions(options);
    opts.signal?.throwIfAborted();
    const monitor = new CreateMonitor();
    opts.monitor?.(monitor);
    const { availability, modelUrl, files } = await plan(opts);
    opts.signal?.throwIfAborted();
    if (availability === 'unavailable') {
      throw new DOMException(`Précis does not translate: outputLanguage "${opts.outputLanguage}" is none of `
        + `expectedInputLanguages (${opts.expectedInputLanguages.join(', ')})`, 'NotSupportedError');
    }
    const engine = acquireEngine(opts.precis, modelUrl, files);
    let progress = null;
    try {
      fireProgress(monitor, 0);
      if (availability === 'available') {
        fireProgress(monitor, 1);
      } else {
        progress = (fraction) => fireProgress(monitor, fraction);
        engine.listeners.add(progress);
      }
      await untilAborted(engine.ready, opts.signal);
      if (progress) fireProgress(monitor, 1);
    } catch (e) {
      engine.release();
      throw e;
    } finally {
      engine.listeners.delete(progress);
    }
    const summarizer = new Summarizer(engine, opts, CONSTRUCT);
    // The spec: aborting create()'s signal later destroys the summarizer.
    opts.signal?.addEventListener('abort', () => summarizer.#destroy(opts.signal.reason), { once: true });
    return summarizer;
  }

  get type() { return this.#options.type; }
  get format() { return this.#options.format; }
  get length() { return this.#options.length; }
  get sharedContext() { return this.#options.sharedContext ?? ''; }
  get expectedInputLanguages() { return this.#options.expectedInputLanguages; }
  get expectedContextLanguages() { return this.#options.expectedContextLanguages; }
  get outputLanguage() { return this.#options.outputLanguage; }
  /** UTF-8 bytes: see measureInputUsage(). */
  get inputQuota() { return INPUT_QUOTA; }

  /** Précis's own state (not in the spec): { model: {state, name?, error?}, version }. */
  get precis() {
    return { model: this.#engine.model(), version: this.#engine.version() };
  }

  /** The summary as one string. */
  async summarize(input, options = {}) {
    return (await this.#pieces(input, options, 'summarize')).join('');
  }

  /** A stream of string chunks, one per sentence, whose concatenation is summarize()'s result. */
  summarizeStreaming(input, options = {}) {
    const cancelled = new AbortController();
    let pieces;
    return new ReadableStream({
      start: async () => {
        pieces = await this.#pieces(input, options, 'summarizeStreaming', cancelled.signal);
      },
      pull: (controller) => {
        if (pieces.length) controller.enqueue(pieces.shift());
        if (!pieces.length) controller.close();
      },
      cancel: () => cancelled.abort(),
    });
  }

  /** How much of inputQuota `input` uses: its UTF-8 bytes, what the core's cap counts. */
  async measureInputUsage(input, options = {}) {
    const { signal } = this.#begin(options, 'measureInputUsage');
    const text = toDOMString(input);
    signal.throwIfAborted();
    return utf8Length(text);
  }

  /** Aborts running calls (AbortError); later calls reject with InvalidStateError. */
  destroy() {
    this.#destroy(new DOMException('The summarizer was destroyed', 'AbortError'));
  }

  #destroy(reason) {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#destruction.abort(reason);
    this.#engine.release();
  }

  /** Checks a call's options and state; returns {context, signal}, the signal also aborted by
   *  destroy() and by `cancel` (a stream's cancel()). */
  #begin(options, method, cancel) {
    if (this.#destroyed) throw new DOMException('The summarizer has been destroyed', 'InvalidStateError');
    const { context, signal } = toObject(options, method);
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      throw new TypeError(`${method}: signal must be an AbortSignal`);
    }
    const signals = [this.#destruction.signal, signal, cancel].filter(Boolean);
    const combined = signals.length > 1 ? anySignal(signals) : signals[0];
    return { context: context === undefined ? undefined : toDOMString(context), signal: combined };
  }

  /** The summary's chunks: one per sentence, with the separators that come before them. */
  async #pieces(input, options, method, cancel) {
    const { context, signal } = this.#begin(options, method, cancel);
    const text = toDOMString(input);
    signal.throwIfAborted();
    const requested = utf8Length(text);
    if (requested > INPUT_QUOTA) throw quotaExceeded(requested, INPUT_QUOTA);
    if (!text.trim()) return [];   // the spec: nothing to summarize gives the empty string

    const { type, format, length, outputLanguage } = this.#options;
    const title = context?.trim() || this.#options.sharedContext?.trim() || '';
    const count = SENTENCES[type === 'tl;dr' ? 'tldr' : type][length];
    const core = await untilAborted(this.#engine.summarizer, signal);
    let lang;
    let sentences;
    try {
      ({ lang, sentences } = await selectSentences(core, text, { type, count, title, signal }));
    } catch (e) {
      signal.throwIfAborted();
      // The core's own errors (PrecisError) are the spec's "all other scenarios".
      throw e?.name === 'PrecisError' ? new DOMException(e.message, 'UnknownError') : e;
    }
    signal.throwIfAborted();
    if (outputLanguage && lang && lang !== 'und' && primaryLanguage(outputLanguage) !== lang) {
      throw new DOMException(`The text is in "${lang}" and Précis does not translate: outputLanguage `
        + `"${outputLanguage}" cannot be produced`, 'NotSupportedError');
    }
    return layout(sentences.map(oneLine), type, format);
  }
}

const CONSTRUCT = Symbol('construct');

/** The sentences of the summary, as the core chose them, and the text's language. */
async function selectSentences(core, text, { type, count, title, signal }) {
  if (type === 'teaser') {
    // A teaser draws the reader in the way the story itself does: with its opening sentences.
    const split = await untilAborted(Promise.resolve(core.split(text, { maxInputBytes: INPUT_QUOTA })), signal);
    return { lang: split.lang, sentences: split.sentences.slice(0, count).map((s) => s.text) };
  }
  const result = await core.summarize(text, { sentences: count, title, maxInputBytes: INPUT_QUOTA, signal });
  const sentences = result.summary.map((s) => s.text);
  // Headline: the title the core found or was given (result.title, where the core reports it),
  // else the title hint itself, else the best sentence.
  const headline = type === 'headline' ? [result.title?.text || title || sentences[0]].filter(Boolean) : null;
  return { lang: result.lang, sentences: headline ?? sentences };
}

/** Chunks of the summary: a list for key-points, one paragraph otherwise. */
function layout(sentences, type, format) {
  if (type === 'key-points') {
    const bullet = format === 'markdown' ? '- ' : '';
    return sentences.map((s, i) => `${i ? '\n' : ''}${bullet}${s}`);
  }
  return sentences.map((s, i) => `${i ? ' ' : ''}${s}`);
}

/** A sentence on one line (a line break inside it would end a Markdown list item). */
function oneLine(sentence) {
  return sentence.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// Availability and the shared, loaded summarizers

/**
 * What create() with these options needs: { availability, modelUrl, files } (modelUrl null:
 * lexical scoring; files: the model's files when they are to be downloaded).
 */
async function plan(opts) {
  const { expectedInputLanguages, outputLanguage, precis } = opts;
  if (outputLanguage && expectedInputLanguages?.length
      && !expectedInputLanguages.some((l) => primaryLanguage(l) === primaryLanguage(outputLanguage))) {
    return { availability: 'unavailable', modelUrl: null };
  }
  const lexical = { availability: 'available', modelUrl: null };
  const folder = resolveModelUrl('model' in precis ? precis.model : 'default');
  if (!folder) return lexical;
  let manifest;
  try {
    const bytes = await fetchBytes(new URL('manifest.json', folder), { signal: opts.signal, phase: 'manifest' });
    manifest = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    // No manifest (offline, or a wrong URL): the model could not load anyway, and lexical
    // scoring needs nothing more.
    return lexical;
  }
  const served = Array.isArray(manifest?.languages) ? manifest.languages : [];
  if (expectedInputLanguages?.length && served.length
      && !expectedInputLanguages.some((l) => served.includes(primaryLanguage(l)))) {
    return lexical;   // the model serves none of the expected languages
  }
  const engine = engines.get(engineKey(precis, folder));
  if (engine) return { availability: engine.settled ? 'available' : 'downloading', modelUrl: folder };
  const files = modelFiles(manifest, folder);
  if (folder.protocol === 'file:' || await allCached(files)) return { availability: 'available', modelUrl: folder };
  return { availability: 'downloadable', modelUrl: folder, files };
}

/** The model folder's files as listed by its manifest (models/README.md). */
function modelFiles(manifest, folder) {
  const files = [new URL('manifest.json', folder)];
  for (const section of ['tokenizer', 'encoder', 'scorer']) {
    const file = manifest?.[section]?.file;
    if (typeof file === 'string' && file) files.push(new URL(file, folder));
  }
  return files;
}

/** True when the page's Cache Storage (filled by the service worker) holds every file. */
async function allCached(urls) {
  if (typeof caches === 'undefined') return false;
  try {
    const hits = await Promise.all(urls.map((url) => caches.match(url.href)));
    return hits.every(Boolean);
  } catch {
    return false;   // Cache Storage refused (e.g. an opaque origin): assume nothing is cached
  }
}

const engines = new Map();   // settings + model URL -> Engine

function engineKey(settings, modelUrl) {
  return JSON.stringify({ ...settings, model: modelUrl ? modelUrl.href : null });
}

function acquireEngine(settings, modelUrl, files) {
  const key = engineKey(settings, modelUrl);
  let engine = engines.get(key);
  if (!engine) {
    engine = new Engine(key, settings, modelUrl, files);
    engines.set(key, engine);
  }
  engine.users += 1;
  return engine;
}

/**
 * One Précis summarizer (createSummarizer, or its worker client in browsers) shared by every
 * Summarizer with the same settings, with the download progress of its model as a fraction.
 */
class Engine {
  users = 0;
  settled = false;
  listeners = new Set();
  #key;
  #stop = new AbortController();
  #summarizer = null;
  #bytes = new Map();   // file URL -> { loaded, total }
  #sizes;               // file URL -> size announced before the download (HEAD), when known
  #fraction = 0;

  /** `files`: the model files it is to download (their sizes make the progress fraction). */
  constructor(key, settings, modelUrl, files) {
    this.#key = key;
    this.#sizes = files ? headSizes(files) : Promise.resolve(new Map());
    this.summarizer = this.#start(settings, modelUrl);
    this.summarizer.catch(() => {
      if (engines.get(key) === this) engines.delete(key);   // a later create() may try again
    });
    this.ready = this.summarizer.then((s) => s.ready).then(() => { this.settled = true; });
  }

  async #start({ worker, workerUrl, model, ...settings }, modelUrl) {
    const options = {
      ...settings, model: modelUrl ? modelUrl.href : null, signal: this.#stop.signal,
      onProgress: (event) => this.#progress(event),
    };
    const useWorker = worker ?? (!isNode && typeof Worker === 'function');
    try {
      this.#summarizer = useWorker ? await createWorkerSummarizer({ ...options, workerUrl }) : await createSummarizer(options);
      return this.#summarizer;
    } catch (e) {
      if (e?.name === 'AbortError') throw e;
      throw new DOMException(e?.message ?? String(e), 'OperationError');
    }
  }

  model() {
    return this.#summarizer?.model ?? { state: 'loading' };
  }

  version() {
    return this.#summarizer?.version ?? '';
  }

  release() {
    this.users -= 1;
    if (this.users > 0) return;
    if (engines.get(this.#key) === this) engines.delete(this.#key);
    this.#stop.abort(new DOMException('Every summarizer using it was destroyed', 'AbortError'));
    this.summarizer.then((s) => s.dispose(), () => {});
  }

  /** createSummarizer's onProgress: bytes of the model files, as a fraction of all of them. */
  async #progress({ loaded, total, url }) {
    if (!url) return;   // the core and the session: no bytes fetched
    this.#bytes.set(url, { loaded, total });
    const sizes = await this.#sizes;
    let done = 0;
    let all = 0;
    for (const [file, size] of sizes) {
      const seen = this.#bytes.get(file);
      done += Math.min(seen?.loaded ?? 0, size);
      all += size;
    }
    // Files whose size the server did not announce count once their download says it.
    for (const [file, seen] of this.#bytes) {
      if (sizes.has(file)) continue;
      done += seen.loaded;
      all += Math.max(seen.total ?? 0, seen.loaded);
    }
    // The spec's granularity (1/65536); never 1 before the model is ready, never backwards.
    const fraction = all ? Math.min(Math.floor((done / all) * 65536) / 65536, 65535 / 65536) : 0;
    if (fraction <= this.#fraction) return;
    this.#fraction = fraction;
    for (const listener of this.listeners) listener(fraction);
  }
}

/** The sizes of `files` (HEAD requests), so that progress is a fraction of all their bytes. */
async function headSizes(files) {
  const sizes = new Map();
  await Promise.all(files.map(async (url) => {
    try {
      const response = await fetch(url, { method: 'HEAD' });
      const size = Number(response.headers.get('content-length'));
      if (response.ok && Number.isFinite(size) && size > 0) sizes.set(url.href, size);
    } catch {
      // Unknown size: progress follows this file's own length once its download reveals it.
    }
  }));
  return sizes;
}

function fireProgress(monitor, loaded) {
  const init = { loaded, total: 1, lengthComputable: true };
  // A ProgressEvent as the spec says, where it holds fractions (older engines' ProgressEvent
  // has integer loaded/total); otherwise an Event carrying the same members.
  let event = typeof ProgressEvent === 'function' ? new ProgressEvent('downloadprogress', init) : null;
  if (event?.loaded !== loaded) {
    event = new Event('downloadprogress');
    for (const [key, value] of Object.entries(init)) Object.defineProperty(event, key, { value, enumerable: true });
  }
  monitor.dispatchEvent(event);
}

/** `promise`, or a rejection with the signal's reason as soon as it aborts. */
function untilAborted(promise, signal) {
  if (!signal) return promise;
  signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

// ---------------------------------------------------------------------------------------------
// Arguments, checked as Web IDL would (TypeError), plus the `precis` settings

function checkCreateOptions(options) {
  const o = toObject(options, 'Summarizer');
  const out = {
    type: enumValue(o.type, TYPES, 'key-points', 'SummarizerType'),
    format: enumValue(o.format, FORMATS, 'markdown', 'SummarizerFormat'),
    length: enumValue(o.length, LENGTHS, 'short', 'SummarizerLength'),
    expectedInputLanguages: languageList(o.expectedInputLanguages, 'expectedInputLanguages'),
    expectedContextLanguages: languageList(o.expectedContextLanguages, 'expectedContextLanguages'),
    outputLanguage: o.outputLanguage === undefined ? null : languageTag(o.outputLanguage, 'outputLanguage'),
    sharedContext: o.sharedContext === undefined ? undefined : toDOMString(o.sharedContext),
    monitor: o.monitor,
    signal: o.signal,
    precis: o.precis === undefined ? defaults : checkSettings(o.precis),
  };
  if (out.monitor !== undefined && typeof out.monitor !== 'function') throw new TypeError('monitor must be a function');
  if (out.signal !== undefined && !(out.signal instanceof AbortSignal)) throw new TypeError('signal must be an AbortSignal');
  return out;
}

function checkSettings(settings) {
  if (settings === null || typeof settings !== 'object') throw new TypeError('precis settings must be an object');
  const out = {};
  for (const [key, value] of Object.entries(settings)) {
    if (!PRECIS_SETTINGS.includes(key)) throw new TypeError(`unknown precis setting "${key}" (known: ${PRECIS_SETTINGS.join(', ')})`);
    if (value === undefined) continue;
    // URLs as strings: the settings are compared (one shared summarizer per settings) and cloned to workers.
    out[key] = value instanceof URL ? value.href : value;
  }
  return out;
}

/** A dictionary argument: undefined and null are {}, anything else must be an object. */
function toObject(value, method) {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' && typeof value !== 'function') throw new TypeError(`${method}: options must be an object`);
  return value;
}

function enumValue(value, allowed, fallback, name) {
  if (value === undefined) return fallback;
  const text = toDOMString(value);
  if (!allowed.includes(text)) throw new TypeError(`The provided value '${text}' is not a valid enum value of type ${name}.`);
  return text;
}

function languageList(value, name) {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object' || typeof value[Symbol.iterator] !== 'function') {
    throw new TypeError(`${name} must be a sequence of language tags`);
  }
  const tags = [...new Set([...value].map((tag) => languageTag(tag, name)))];
  return tags.length ? Object.freeze(tags) : null;
}

function languageTag(value, name) {
  const tag = toDOMString(value);
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    throw new TypeError(`${name}: "${tag}" is not a valid language tag`);
  }
}

/** "en-GB" -> "en": the core names languages by ISO 639-1 code. */
function primaryLanguage(tag) {
  return tag.split('-')[0].toLowerCase();
}

/** Web IDL's DOMString conversion: any value but a Symbol becomes a string. */
function toDOMString(value) {
  if (typeof value === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return String(value);
}

/** Bytes of the UTF-8 encoding (lone surrogates become U+FFFD, 3 bytes, as the core receives them). */
function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length
             && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function quotaExceeded(requested, quota) {
  const message = `The input is ${requested} bytes of UTF-8; the quota is ${quota}`;
  // Browsers with the QuotaExceededError class (requested/quota members); a DOMException elsewhere.
  if (typeof globalThis.QuotaExceededError === 'function') {
    return new globalThis.QuotaExceededError(message, { requested, quota });
  }
  const error = new DOMException(message, 'QuotaExceededError');
  Object.defineProperties(error, { requested: { value: requested }, quota: { value: quota } });
  return error;
}

