// What differs between browsers, workers and Node, in one place.

export const isNode = typeof globalThis.process?.versions?.node === 'string' && typeof window === 'undefined';

/** Node built-ins, imported only under Node and out of bundlers' sight. */
export function importNode(name) {
  return import(/* @vite-ignore */ /* webpackIgnore: true */ name);
}

/** What relative URLs given by the caller are relative to: the page, or in Node the working directory. */
export function baseUrl() {
  if (globalThis.location?.href) return globalThis.location.href;
  if (isNode) return `file://${globalThis.process.cwd().replace(/\/?$/, '/')}`;
  return import.meta.url;
}

/** A signal aborted when any of `signals` is (AbortSignal.any where it exists: Safari < 17.4 lacks it). */
export function anySignal(signals) {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
