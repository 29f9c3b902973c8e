// worker.js + worker-client.js: the same API through a worker (a Node worker thread standing in for
// a Web Worker); results must equal the main-thread ones, errors keep their type and code.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { article, articleMissing, coreMissing, coreUrl, createTestSummarizer, testModel } from './support/env.mjs';

const { createWorkerSummarizer } = await import(new URL('../../web/worker-client.js', import.meta.url));
const { PrecisError } = await import(new URL('../../web/precis.js', import.meta.url));

/** A worker thread running web/worker.js, shaped like a Web Worker for worker-client.js. */
function threadWorker() {
  const worker = new Worker(new URL('./support/worker-thread.mjs', import.meta.url), {
    workerData: { workerUrl: new URL('../../web/worker.js', import.meta.url).href },
  });
  return {
    postMessage: (message) => worker.postMessage(message),
    addEventListener: (type, listener) => worker.on(type, type === 'message' ? (data) => listener({ data }) : listener),
    terminate: () => worker.terminate(),
  };
}

const TEXT = 'Le chat dort sur le canapé depuis ce matin. Il fait très beau à Montréal aujourd’hui. '
  + 'Les enfants jouent dans le parc près de la rivière. La météo annonce de la pluie pour demain soir.';

describe('through a worker', { skip: coreMissing }, () => {
  let remote;
  let local;
  before(async () => {
    remote = await createWorkerSummarizer({ worker: threadWorker(), coreUrl, model: null });
    local = await createTestSummarizer();
  });
  after(async () => {
    await remote?.dispose();
    await local?.dispose();
  });

  test('summarize and split give the main thread\'s results', { skip: articleMissing }, async () => {
    assert.deepEqual(await remote.summarize(article, { sentences: 4 }), await local.summarize(article, { sentences: 4 }));
    assert.deepEqual(await remote.split(article), local.split(article));
    assert.deepEqual(remote.model, { state: 'none' });
    assert.equal(remote.version, local.version);
  });

  test('errors arrive as PrecisError with their code', async () => {
    await assert.rejects(remote.summarize(TEXT, { sentences: 0 }),
      (e) => e instanceof PrecisError && e.code === 'invalid-argument' && /sentences/.test(e.message));
    await assert.rejects(remote.summarize(TEXT, { maxInputBytes: 10 }), (e) => e instanceof PrecisError && e.code === 'core');
    await assert.rejects(remote.summarize(TEXT, null), (e) => e instanceof PrecisError && e.code === 'invalid-argument');
    await assert.rejects(remote.summarize(42), (e) => e instanceof PrecisError && /text must be a string/.test(e.message));
  });

  test('aborting rejects with AbortError at once; the worker keeps serving', async () => {
    const controller = new AbortController();
    const pending = remote.summarize(TEXT, { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    await assert.rejects(remote.summarize(TEXT, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal((await remote.summarize(TEXT, { sentences: 2 })).summary.length, 2);
  });
});

test('a model loads in the worker, with progress and state updates', { skip: coreMissing || testModel('tiny-pooled').skip }, async () => {
  const phases = new Set();
  const s = await createWorkerSummarizer({
    worker: threadWorker(), coreUrl, model: testModel('tiny-pooled').dir, onProgress: (p) => phases.add(p.phase),
  });
  try {
    assert.deepEqual(await s.ready, { state: 'ready', name: 'tiny-pooled' });
    assert.deepEqual(s.model, { state: 'ready', name: 'tiny-pooled' });
    for (const phase of ['core', 'manifest', 'tokenizer', 'encoder', 'session']) assert.ok(phases.has(phase), phase);
    assert.equal((await s.summarize(TEXT)).scorer, 'tiny-pooled');
  } finally {
    await s.dispose();
  }
});

test('a worker that cannot load the core rejects createWorkerSummarizer', async () => {
  await assert.rejects(
    createWorkerSummarizer({ worker: threadWorker(), coreUrl: new URL('./missing/precis-core.mjs', coreUrl), model: null }),
    (e) => e instanceof PrecisError && e.code === 'load-failed');
});

test('after dispose, calls reject with "disposed"', { skip: coreMissing }, async () => {
  const s = await createWorkerSummarizer({ worker: threadWorker(), coreUrl, model: null });
  await s.dispose();
  await assert.rejects(s.summarize(TEXT), (e) => e instanceof PrecisError && e.code === 'disposed');
});
