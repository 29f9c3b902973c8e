// Downloads a model folder (models/README.md: manifest.json, tokenizer, encoder, optional scorer)
// with progress, and checks the encoder's SHA-256 with the core (the core checks the tokenizer's
// and the scorer's itself when the model is loaded). Loaded by precis.js only when a model is used.
import { PrecisError } from './errors.js';
import { importNode, isNode } from './platform.js';

/**
 * @param {URL} folder the model folder, ending in "/"
 * @param core the WebAssembly core (for sha256)
 * @param {{signal: AbortSignal, onProgress?: Function}} opts
 * @returns {Promise<{manifestJson: string, tokenizer: Uint8Array, encoder: Uint8Array, scorerJson: string}>}
 */
export async function fetchModel(folder, core, { signal, onProgress }) {
  const manifestUrl = new URL('manifest.json', folder);
  const manifestJson = decode(await fetchBytes(manifestUrl, { signal, onProgress, phase: 'manifest' }));
  let manifest;
  try {
    manifest = JSON.parse(manifestJson);
  } catch (e) {
    throw new PrecisError(`${manifestUrl.href}: not JSON (${e.message})`, 'model-invalid');
  }
  const fileOf = (section, required) => {
    const file = manifest?.[section]?.file;
    if (typeof file === 'string' && file) return new URL(file, folder);
    if (required) throw new PrecisError(`${manifestUrl.href}: ${section}.file is missing`, 'model-invalid');
    return null;
  };
  const tokenizerUrl = fileOf('tokenizer', true);
  const encoderUrl = fileOf('encoder', true);
  const scorerUrl = fileOf('scorer', false);

  const tokenizer = await fetchBytes(tokenizerUrl, { signal, onProgress, phase: 'tokenizer' });
  const encoder = await fetchBytes(encoderUrl, { signal, onProgress, phase: 'encoder' });
  const scorerJson = scorerUrl ? decode(await fetchBytes(scorerUrl, { signal, onProgress, phase: 'scorer' })) : '';

  const expected = String(manifest.encoder.sha256 ?? '').toLowerCase();
  const actual = core.sha256(encoder);
  if (actual !== expected) {
    throw new PrecisError(`${manifest.encoder.file}: sha256 does not match the manifest (expected ${expected || 'none'}, `
      + `got ${actual}): file corrupt or from another version`, 'model-checksum');
  }
  return { manifestJson, tokenizer, encoder, scorerJson };
}

/** The bytes at `url`, reporting { phase, loaded, total, url } as they arrive. */
export async function fetchBytes(url, { signal, onProgress, phase }) {
  const progress = (loaded, total) => {
    try {
      onProgress?.({ phase, loaded, total, url: url.href });
    } catch (e) {
      console.error('precis: onProgress threw', e);
    }
  };
  signal?.throwIfAborted();
  // Node's fetch() does not read file: URLs.
  if (url.protocol === 'file:' && isNode) {
    const { readFile } = await importNode('node:fs/promises');
    let bytes;
    try {
      bytes = new Uint8Array(await readFile(url, { signal }));
    } catch (e) {
      if (e.name === 'AbortError') signal.throwIfAborted();
      throw new PrecisError(`${url.href}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`, 'model-fetch');
    }
    progress(bytes.length, bytes.length);
    return bytes;
  }
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (e) {
    signal?.throwIfAborted();
    throw new PrecisError(`${url.href}: ${e.message}`, 'model-fetch');
  }
  if (!response.ok) throw new PrecisError(`${url.href}: HTTP ${response.status}`, 'model-fetch');
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks = [];
  let loaded = 0;
  progress(0, total);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.length;
    // content-length counts compressed bytes when the server compresses: never report loaded > total.
    progress(loaded, total === null ? null : Math.max(total, loaded));
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function decode(bytes) {
  return new TextDecoder().decode(bytes);
}
