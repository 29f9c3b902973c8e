// Hand-written declarations of precis.js. Options and defaults mirror wasm/src/options.h (the
// core holds the defaults) and the table in README.md; keep the three in step.

/** The one error type. `code` tells what went wrong. */
export class PrecisError extends Error {
  name: 'PrecisError';
  code:
    | 'invalid-argument'   // an argument or option of this API is wrong (checked in JS)
    | 'load-failed'        // the WebAssembly module could not be loaded or started
    | 'disposed'           // the summarizer was disposed
    | 'core'               // reported by the core: input too large, invalid options...
    | 'model-fetch'        // a model file could not be downloaded (model.error only)
    | 'model-checksum'     // a model file's SHA-256 differs from its manifest (model.error only)
    | 'model-invalid'      // the manifest, tokenizer or encoder is unusable (model.error only)
    | string;              // codes the core may add
  constructor(message: string, code: string);
}

export interface Progress {
  /** 'core': the WebAssembly module; then the model's files and its inference session. */
  phase: 'core' | 'manifest' | 'tokenizer' | 'encoder' | 'scorer' | 'session';
  loaded: number;
  /** null when the server does not say how large the file is. */
  total: number | null;
  /** The file being downloaded (file phases only). */
  url?: string;
}

export interface CreateOptions {
  /** 'default' (the model shipped in dist/model/ beside the module), the URL of a model folder
   *  (holding manifest.json, see models/README.md; relative to the page, or in Node to the
   *  working directory), or null for lexical scoring only. Default: 'default'. */
  model?: 'default' | string | URL | null;
  onProgress?: (progress: Progress) => void;
  /** Aborts loading: rejects createSummarizer, or later stops the model download. */
  signal?: AbortSignal;
  /** Threads for the model. Several only when the page is cross-origin isolated. Default 'auto'. */
  threads?: 'auto' | number;
  /** Where precis-core.wasm is served, if not beside precis-core.mjs. */
  wasmUrl?: string | URL;
  /** A folder holding onnxruntime-web's dist/ files (relative to the page), for pages without a
   *  bundler or import map. Default: import 'onnxruntime-web/wasm'. */
  ortUrl?: string | URL;
  /** Another build of precis-core.mjs (tests run one suite against every build). */
  coreUrl?: string | URL;
}

export interface SummarizeOptions {
  /** Exactly this many sentences (fewer if the text has fewer). At most one of sentences, ratio,
   *  words; none means 3 sentences. */
  sentences?: number;
  /** This fraction of the sentences, 0 < ratio <= 1 (at least one sentence). */
  ratio?: number;
  /** As many sentences as fit in this many words (at least one sentence). */
  words?: number;
  /** ISO 639-1 code, or 'auto' (the default) to detect. */
  lang?: string;
  /** The article's headline, when known: a strong relevance cue. */
  title?: string;
  /** Also return every sentence with its score in `sentences`. Default false. */
  allSentences?: boolean;
  /** Redundancy control (MMR trade-off) in [0, 1]; default: the scorer's fitted value. */
  redundancy?: number;
  /** Larger input is refused with a PrecisError. Default 16 MiB. */
  maxInputBytes?: number;
  /** Sentences per encoder call (1..4096). Default 32. */
  batchRows?: number;
  /** Rejects the call with the signal's reason (an AbortError by default). */
  signal?: AbortSignal;
}

export interface SplitOptions {
  lang?: string;
  maxInputBytes?: number;
}

/** [begin, end) offsets: `bytes` into the UTF-8 encoding of the text, `utf16` into the JS string
 *  (text.slice(...utf16) is the sentence). */
export type Range = [number, number];

export interface Sentence {
  index: number;
  text: string;
  bytes: Range;
  utf16: Range;
}

export interface ScoredSentence extends Sentence {
  score: number;
}

export interface Removed {
  text: string;
  /** Why it was dropped (scraping junk such as "[ad_1]", "Source link"...). */
  reason: string;
  bytes: Range;
  utf16: Range;
}

export interface Summary {
  lang: string;
  lang_detected: { code: string; confidence: number; reliable: boolean };
  /** 'lexical', or the name of the model that scored the sentences. */
  scorer: string;
  /** The chosen sentences, in their original order. */
  summary: ScoredSentence[];
  /** Every sentence, only with allSentences. */
  sentences?: ScoredSentence[];
  removed: Removed[];
  stats: { sentences: number; words: number; summary_words: number; invalid_bytes: number; truncated_sentences: number; dangling_openers: number };
  /** Human-readable notes, e.g. that the model is still loading and lexical scoring was used. */
  warnings: string[];
}

export interface SplitResult {
  lang: string;
  sentences: Sentence[];
  removed: Removed[];
}

export type ModelState =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'ready'; name: string }
  | { state: 'failed'; error: string };

export interface Summarizer {
  /** Summarizes `text`. Rejects with PrecisError (bad arguments, core errors) or the signal's reason. */
  summarize(text: string, options?: SummarizeOptions): Promise<Summary>;
  /** Splits `text` into sentences, dropping scraping junk. Throws PrecisError. */
  split(text: string, options?: SplitOptions): SplitResult;
  /** A snapshot of the model's state. */
  readonly model: ModelState;
  /** Resolves (never rejects) once the model is ready or has failed, or at once without a model. */
  readonly ready: Promise<ModelState>;
  /** The core's version, e.g. "0.1.0". */
  readonly version: string;
  /** Frees the summarizer; later calls reject with code 'disposed'. */
  dispose(): Promise<void>;
}

/** Loads the WebAssembly core (rejects with PrecisError 'load-failed' if it cannot) and starts
 *  loading the model in the background. */
export function createSummarizer(options?: CreateOptions): Promise<Summarizer>;

/** The model folder createSummarizer uses for `model` (an absolute URL ending in "/"), or null for
 *  none: 'default' is dist/model/ beside precis.js; relative URLs resolve against the page (in
 *  Node, the working directory). */
export function resolveModelUrl(model: 'default' | string | URL | null): URL | null;
