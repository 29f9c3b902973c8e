// Model loading on the build under test with the tiny models of scripts/make-test-models: progress,
// the embedding scorer, and every failure falling back to lexical scoring with a clear message.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { coreMissing, createTestSummarizer, precisUrl, repo, testModel, testModels } from './support/env.mjs';

const TEXT = 'Le premier convoi de forces russes est arrivé en Biélorussie samedi. '
  + 'Le ministère de la Défense a déclaré que la mission était de protéger la frontière. '
  + 'Des soldats ont été accueillis par des femmes portant des costumes traditionnels. '
  + 'Le président ukrainien a accusé la Russie de vouloir entraîner la Biélorussie dans la guerre. '
  + 'Washington enverra des munitions et des véhicules militaires à l’Ukraine.';

for (const name of ['tiny-pooled', 'tiny-transformer-like']) {
  const model = testModel(name);
  describe(`model ${name}`, { skip: coreMissing || model.skip }, () => {
    test('loads with progress, then scores with the model', async () => {
      const events = [];
      const s = await createTestSummarizer({ model: model.dir, onProgress: (e) => events.push(e) });
      try {
        assert.equal(s.model.state, 'loading');
        const early = await s.summarize(TEXT, { sentences: 2 });
        assert.equal(early.scorer, 'lexical');
        assert.ok(early.warnings.some((w) => /still loading/.test(w)), early.warnings.join(' | '));

        assert.deepEqual(await s.ready, { state: 'ready', name });
        assert.deepEqual(s.model, { state: 'ready', name });
        for (const phase of ['core', 'manifest', 'tokenizer', 'encoder', 'session']) {
          const last = events.filter((e) => e.phase === phase).at(-1);
          assert.ok(last, `a ${phase} progress event`);
          assert.equal(last.loaded, last.total, `${phase} finished`);
        }
        const encoderBytes = readFileSync(`${model.dir}/encoder.onnx`).length;
        assert.equal(events.filter((e) => e.phase === 'encoder').at(-1).total, encoderBytes);

        const r = await s.summarize(TEXT, { sentences: 2, allSentences: true });
        assert.equal(r.scorer, name);
        assert.deepEqual(r.warnings, []);
        assert.equal(r.summary.length, 2);
        for (const sentence of r.summary) assert.equal(TEXT.slice(...sentence.utf16), sentence.text);
      } finally {
        await s.dispose();
      }
    });

    test('an abort while the model runs rejects with AbortError; the next call works', async () => {
      const s = await createTestSummarizer({ model: model.dir });
      try {
        await s.ready;
        const controller = new AbortController();
        const pending = s.summarize(TEXT, { signal: controller.signal });
        controller.abort();
        await assert.rejects(pending, { name: 'AbortError' });
        assert.equal((await s.summarize(TEXT)).scorer, name);
      } finally {
        await s.dispose();
      }
    });
  });
}

const broken = [
  ['bad-sha', /encoder\.onnx: sha256 does not match the manifest/],
  ['missing-encoder', /no-such-encoder\.onnx/],
  ['wrong-output', /no_such_output/],
];
for (const [name, message] of broken) {
  const model = testModel(name);
  test(`model ${name}: a clear error, and summaries fall back to lexical scoring`, { skip: coreMissing || model.skip }, async () => {
    const s = await createTestSummarizer({ model: model.dir });
    try {
      const state = await s.ready;
      assert.equal(state.state, 'failed');
      assert.match(state.error, message);
      assert.deepEqual(s.model, state);
      const r = await s.summarize(TEXT, { sentences: 2 });
      assert.equal(r.scorer, 'lexical');
      assert.equal(r.summary.length, 2);
      assert.ok(r.warnings.some((w) => w.includes('failed to load') && message.test(w)), r.warnings.join(' | '));
    } finally {
      await s.dispose();
    }
  });
}

{
  const model = testModel('wrong-dimension');
  test('model wrong-dimension: refused at load or at its first output, never a broken summary', { skip: coreMissing || model.skip }, async () => {
    const s = await createTestSummarizer({ model: model.dir });
    try {
      const state = await s.ready;
      const r = await s.summarize(TEXT, { sentences: 2 });
      assert.equal(r.summary.length, 2);
      assert.equal(r.scorer, 'lexical');
      const said = state.state === 'failed' ? state.error : r.warnings.join(' | ');
      assert.match(said, /dimension|17/);
    } finally {
      await s.dispose();
    }
  });
}

test('aborting createSummarizer\'s signal stops the model download', { skip: coreMissing || testModel('tiny-pooled').skip }, async () => {
  const controller = new AbortController();
  const s = await createTestSummarizer({ model: testModel('tiny-pooled').dir, signal: controller.signal });
  controller.abort();
  const state = await s.ready;
  assert.equal(state.state, 'failed');
  assert.match(state.error, /abort/i);
  assert.equal((await s.summarize(TEXT)).scorer, 'lexical');
  await s.dispose();
});

test('dispose while the model loads settles everything', { skip: coreMissing || testModel('tiny-pooled').skip }, async () => {
  const s = await createTestSummarizer({ model: testModel('tiny-pooled').dir });
  await s.dispose();
  assert.equal((await s.ready).state, 'failed');
});

const defaultModel = fileURLToPath(new URL('dist/model/manifest.json', precisUrl));
test('model "default" missing from the package: failed state naming the file', { skip: coreMissing || (existsSync(defaultModel) && 'the package has a default model') }, async () => {
  const s = await createTestSummarizer({ model: 'default' });
  const state = await s.ready;
  assert.equal(state.state, 'failed');
  assert.match(state.error, /dist\/model\/manifest\.json/);
  await s.dispose();
});

test('ortUrl: onnxruntime-web loaded from a folder of its dist/ files', { skip: coreMissing || testModel('tiny-pooled').skip }, async () => {
  const dist = pathToFileURL(path.join(repo, 'node_modules/onnxruntime-web/dist/'));
  const s = await createTestSummarizer({ model: testModel('tiny-pooled').dir, ortUrl: dist });
  assert.deepEqual(await s.ready, { state: 'ready', name: 'tiny-pooled' });
  assert.equal((await s.summarize(TEXT)).scorer, 'tiny-pooled');
  await s.dispose();

  // A folder without onnxruntime-web: the model fails, naming the cause; summaries go on.
  const empty = await createTestSummarizer({ model: testModel('tiny-pooled').dir, ortUrl: pathToFileURL(testModels + '/') });
  const state = await empty.ready;
  assert.equal(state.state, 'failed');
  assert.match(state.error, /onnxruntime-web/);
  assert.equal((await empty.summarize(TEXT)).scorer, 'lexical');
  await empty.dispose();
});

/** Serves build/test-models on 127.0.0.1 (Node's fetch path: streaming, content-length). */
async function serveModels() {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const server = createServer(async (req, res) => {
    try {
      const body = await readFile(path.join(testModels, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
      res.writeHead(200, { 'content-length': body.length }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

test('a model over HTTP: progress by bytes, 404 named', { skip: coreMissing || testModel('tiny-pooled').skip }, async () => {
  const { server, base } = await serveModels();
  try {
    const events = [];
    const s = await createTestSummarizer({ model: new URL('tiny-pooled/', base), onProgress: (e) => events.push(e) });
    assert.deepEqual(await s.ready, { state: 'ready', name: 'tiny-pooled' });
    const encoder = events.filter((e) => e.phase === 'encoder');
    const size = readFileSync(path.join(testModel('tiny-pooled').dir, 'encoder.onnx')).length;
    assert.equal(encoder[0].loaded, 0);
    assert.ok(encoder.every((e, i) => e.total === size && (i === 0 || e.loaded >= encoder[i - 1].loaded)));
    assert.equal(encoder.at(-1).loaded, size);
    await s.dispose();

    const missing = await createTestSummarizer({ model: new URL('no-such-model/', base) });
    const state = await missing.ready;
    assert.equal(state.state, 'failed');
    assert.match(state.error, /no-such-model\/manifest\.json: HTTP 404/);
    await missing.dispose();
  } finally {
    server.close();
  }
});
