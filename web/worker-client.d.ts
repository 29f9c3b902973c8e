// Declarations of worker-client.js: precis.js's API, run in a module Web Worker.
import type { CreateOptions, ModelState, SplitOptions, SplitResult, Summarizer, SummarizeOptions, Summary } from './precis.js';

export interface WorkerCreateOptions extends CreateOptions {
  /** Where worker.js is served; default: beside worker-client.js. */
  workerUrl?: string | URL;
  /** An already started worker (or any object with postMessage, addEventListener, terminate). */
  worker?: Pick<Worker, 'postMessage' | 'addEventListener' | 'terminate'>;
}

export interface WorkerSummarizer extends Omit<Summarizer, 'split' | 'version'> {
  summarize(text: string, options?: SummarizeOptions): Promise<Summary>;
  /** As Summarizer.split, but through the worker: a promise. */
  split(text: string, options?: SplitOptions): Promise<SplitResult>;
  readonly model: ModelState;
  readonly version: string;
}

export function createWorkerSummarizer(options?: WorkerCreateOptions): Promise<WorkerSummarizer>;
