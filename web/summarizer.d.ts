// Hand-written declarations of summarizer.js: the WICG writing-assistance-apis Summarizer
// (https://webmachinelearning.github.io/writing-assistance-apis/#summarizer), answered by Précis.
// Names, values and defaults follow the spec's IDL; the `precis` members are this package's own.

export type SummarizerType = 'tldr' | 'tl;dr' | 'teaser' | 'key-points' | 'headline';
export type SummarizerFormat = 'plain-text' | 'markdown';
export type SummarizerLength = 'short' | 'medium' | 'long';
export type Availability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** Précis's settings (createSummarizer's options, web/README.md); ignored by the built-in API. */
export interface PrecisSettings {
  /** 'default' (dist/model/ beside the module), a model folder URL, or null: lexical scoring only. */
  model?: 'default' | string | URL | null;
  /** Run the core in a Web Worker (default: true where Worker exists, i.e. browsers). */
  worker?: boolean;
  /** Where worker.js is served; default beside worker-client.js. */
  workerUrl?: string | URL;
  coreUrl?: string | URL;
  wasmUrl?: string | URL;
  ortUrl?: string | URL;
  threads?: 'auto' | number;
}

export interface SummarizerCreateCoreOptions {
  /** Default 'key-points'. */
  type?: SummarizerType;
  /** Default 'markdown'. */
  format?: SummarizerFormat;
  /** Default 'short'. */
  length?: SummarizerLength;
  /** BCP 47 tags. None of them served by the model means lexical scoring (nothing to download). */
  expectedInputLanguages?: string[];
  expectedContextLanguages?: string[];
  /** Must be the text's language: Précis never translates (NotSupportedError otherwise). */
  outputLanguage?: string;
  /** Précis only (or use configure()). */
  precis?: PrecisSettings;
}

export interface SummarizerCreateOptions extends SummarizerCreateCoreOptions {
  signal?: AbortSignal;
  monitor?: (monitor: CreateMonitor) => void;
  /** The title hint of every summary (a per-call context replaces it). */
  sharedContext?: string;
}

export interface SummarizerSummarizeOptions {
  signal?: AbortSignal;
  /** The title hint of this summary, e.g. the article's headline. */
  context?: string;
}

/** The event a monitor receives: `loaded` from 0 to 1, `total` 1. A ProgressEvent in browsers. */
export interface DownloadProgressEvent extends Event {
  readonly loaded: number;
  readonly total: number;
  readonly lengthComputable: boolean;
}

export class CreateMonitor extends EventTarget {
  ondownloadprogress: ((event: DownloadProgressEvent) => void) | null;
  addEventListener(type: 'downloadprogress', listener: (event: DownloadProgressEvent) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
}

export class Summarizer {
  private constructor();
  static create(options?: SummarizerCreateOptions): Promise<Summarizer>;
  static availability(options?: SummarizerCreateCoreOptions): Promise<Availability>;

  /** Rejects with AbortError, InvalidStateError (after destroy()), NotSupportedError,
   *  QuotaExceededError, UnknownError. */
  summarize(input: string, options?: SummarizerSummarizeOptions): Promise<string>;
  /** One chunk per sentence; their concatenation is summarize()'s result. */
  summarizeStreaming(input: string, options?: SummarizerSummarizeOptions): ReadableStream<string>;

  readonly sharedContext: string;
  readonly type: SummarizerType;
  readonly format: SummarizerFormat;
  readonly length: SummarizerLength;
  readonly expectedInputLanguages: readonly string[] | null;
  readonly expectedContextLanguages: readonly string[] | null;
  readonly outputLanguage: string | null;

  /** UTF-8 bytes of `input`: the unit of inputQuota. */
  measureInputUsage(input: string, options?: SummarizerSummarizeOptions): Promise<number>;
  /** The core's input cap, in UTF-8 bytes (16 MiB). */
  readonly inputQuota: number;

  /** Aborts running calls (AbortError); later calls reject with InvalidStateError. */
  destroy(): void;

  /** Précis only: the model's state (why scoring is lexical, if it is) and the core's version. */
  readonly precis: {
    model:
      | { state: 'none' }
      | { state: 'loading' }
      | { state: 'ready'; name: string }
      | { state: 'failed'; error: string };
    version: string;
  };
}

/** Précis settings for every later create() and availability() without a `precis` member. */
export function configure(settings?: PrecisSettings): void;
