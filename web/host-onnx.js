// Runs the model's ONNX encoder with onnxruntime-web (its WebAssembly-only build: no WebGL/WebGPU
// code is loaded). Imported by precis.js only when a model is used.
//
// Where onnxruntime-web comes from:
//   - default: the bare specifier 'onnxruntime-web/wasm', which bundlers, Node and import maps
//     resolve (its .wasm is then found beside its own module);
//   - ortUrl: the URL of a folder holding onnxruntime-web's dist/ files (ort.wasm.min.mjs,
//     ort-wasm-simd-threaded.mjs/.wasm), for pages served without a bundler.

import { baseUrl } from './platform.js';

const orts = new Map();   // ortUrl ('' for the package) -> Promise of the onnxruntime-web module

function loadOrt(ortUrl) {
  const key = ortUrl ? String(ortUrl) : '';
  if (!orts.has(key)) {
    const loading = importOrt(key);
    orts.set(key, loading);
    loading.catch(() => orts.delete(key));
  }
  return orts.get(key);
}

async function importOrt(ortUrl) {
  if (!ortUrl) return import('onnxruntime-web/wasm');
  // Relative to the page (or Node's working directory), like the model's URL.
  const folder = new URL(ortUrl.endsWith('/') ? ortUrl : `${ortUrl}/`, baseUrl()).href;
  const ort = await import(/* @vite-ignore */ /* webpackIgnore: true */ new URL('ort.wasm.min.mjs', folder).href);
  ort.env.wasm.wasmPaths = folder;
  return ort;
}

/**
 * Threads for ORT: 1 unless the page is cross-origin isolated (SharedArrayBuffer). 'auto' then
 * means ORT's own default (half the logical cores, at most 4); undefined leaves it to ORT.
 */
export function threadCount(threads) {
  if (globalThis.crossOriginIsolated !== true) return 1;
  return threads === 'auto' ? undefined : threads;
}

/**
 * An inference session on `encoderBytes` (the wasm execution provider, proxy off).
 * @returns {Promise<{inputNames: string[], outputNames: string[],
 *   run(feeds: Record<string, {data: BigInt64Array, dims: number[]}>, output: string):
 *     Promise<{data: Float32Array, dims: number[]}>,
 *   release(): Promise<void>}>}
 */
export async function createEncoder(encoderBytes, { threads = 'auto', ortUrl } = {}) {
  let ort;
  try {
    ort = await loadOrt(ortUrl);
  } catch (e) {
    throw new Error(`cannot load onnxruntime-web (${e.message}); install it, or pass ortUrl`);
  }
  // Global to each onnxruntime-web instance: the first summarizer to create a session decides.
  const count = threadCount(threads);
  if (count !== undefined) ort.env.wasm.numThreads = count;
  ort.env.wasm.proxy = false;
  const session = await ort.InferenceSession.create(encoderBytes, { executionProviders: ['wasm'] });
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(feeds, output) {
      const tensors = {};
      for (const [name, { data, dims }] of Object.entries(feeds)) tensors[name] = new ort.Tensor('int64', data, dims);
      const results = await session.run(tensors, [output]);
      const tensor = results[output];
      if (!tensor) throw new Error(`the encoder has no output "${output}" (it has ${session.outputNames.join(', ')})`);
      if (tensor.type !== 'float32') throw new Error(`output "${output}" is ${tensor.type}, not float32`);
      return { data: tensor.data, dims: Array.from(tensor.dims) };
    },
    release: () => session.release(),
  };
}
