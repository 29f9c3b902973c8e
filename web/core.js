// Loads the WebAssembly core (Emscripten's precis-core.mjs + precis-core.wasm, API in
// wasm/bindings/precis_bindings.cc), once per location, shared by every summarizer.
import { PrecisError } from './errors.js';
import { baseUrl, importNode, isNode } from './platform.js';

const cores = new Map();   // "module URL wasm URL" -> Promise of the core

/**
 * @param {{coreUrl?: string|URL, wasmUrl?: string|URL}} where default: dist/ beside this file
 * @returns the core module (version, sha256, Summarizer); rejects with PrecisError "load-failed"
 */
export function loadCore({ coreUrl, wasmUrl } = {}) {
  const key = `${coreUrl ?? ''} ${wasmUrl ?? ''}`;
  if (!cores.has(key)) {
    const loading = instantiate(coreUrl, wasmUrl);
    cores.set(key, loading);
    loading.catch(() => cores.delete(key));   // a later call may try again
  }
  return cores.get(key);
}

// Not a literal inside new URL(): bundlers would copy the module as an asset besides bundling it.
const DEFAULT_CORE = './dist/precis-core.mjs';
const MISSING_DIST_HINT = '. If dist/ is missing, build it from the Précis repository: scripts/pack makes the'
  + ' package to install (build/pack/precis-summarizer-*.tgz), scripts/pack --in-place fills web/dist/';

async function instantiate(coreUrl, wasmUrl) {
  const moduleUrl = new URL(coreUrl ? String(coreUrl) : DEFAULT_CORE, coreUrl ? baseUrl() : import.meta.url);
  let factory;
  try {
    // A literal path by default, so that bundlers include the module and its .wasm.
    const mod = coreUrl
      ? await import(/* @vite-ignore */ /* webpackIgnore: true */ moduleUrl.href)
      : await import('./dist/precis-core.mjs');
    factory = mod.default;
  } catch (e) {
    // dist/ is a build output: say which command makes it when the module itself is not there.
    const hint = coreUrl ? '' : MISSING_DIST_HINT;
    throw new PrecisError(`Cannot load the Précis WebAssembly module ${moduleUrl.href}: ${e.message}${hint}`, 'load-failed');
  }
  const settings = {};
  const wasm = wasmUrl ? new URL(String(wasmUrl), baseUrl()) : null;
  try {
    if (isNode) {
      // Emscripten 3.1.6 would fetch() a file path under Node 20: hand it the bytes instead.
      const { readFile } = await importNode('node:fs/promises');
      settings.wasmBinary = await readFile(wasm ?? new URL('precis-core.wasm', moduleUrl));
      return await withNodeDirname(moduleUrl, () => factory(settings));
    }
    // Without wasmUrl, Emscripten finds the .wasm beside its module (import.meta.url), which also
    // keeps bundlers' asset rewriting intact.
    if (wasm) settings.locateFile = (name) => (name.endsWith('.wasm') ? wasm.href : name);
    return await factory(settings);
  } catch (e) {
    throw new PrecisError(`Cannot start the Précis WebAssembly module: ${e?.message ?? e}`, 'load-failed');
  }
}

/** The ES6 build reads the CommonJS global __dirname under Node while it starts: provide it. */
async function withNodeDirname(moduleUrl, start) {
  const { fileURLToPath } = await importNode('node:url');
  const { dirname } = await importNode('node:path');
  const had = Object.hasOwn(globalThis, '__dirname');
  const previous = globalThis.__dirname;
  globalThis.__dirname = moduleUrl.protocol === 'file:' ? dirname(fileURLToPath(moduleUrl)) : '.';
  try {
    return start();   // reads __dirname synchronously; the promise it returns settles later
  } finally {
    if (had) globalThis.__dirname = previous;
    else delete globalThis.__dirname;
  }
}
