// The JS model path (onnxruntime-web, the core in WebAssembly) must give the sentence embeddings
// the native CLI gives (ONNX Runtime's C++ API): `precis embed --model DIR --jsonl` vs the very
// modules precis.js uses (core.js, model-files.js, host-onnx.js, encode.js), to 1e-5.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { article, coreMissing, coreUrl, repo, testModel } from './support/env.mjs';

const web = (file) => import(new URL(`../../web/${file}`, import.meta.url));
const { loadCore } = await web('core.js');
const { fetchModel } = await web('model-files.js');
const { createEncoder } = await web('host-onnx.js');
const { encodeJob } = await web('encode.js');

// PRECIS_NATIVE_CLI names the native build's CLI (default build/native/precis).
const cli = path.resolve(repo, process.env.PRECIS_NATIVE_CLI ?? 'build/native/precis');
const cliMissing = !existsSync(cli) && `no native CLI ${cli} (cmake --preset native && cmake --build --preset native)`;
const TOLERANCE = 1e-5;

const texts = [
  ['short-fr', 'Le chat dort sur le canapé depuis ce matin. Il fait très beau à Montréal aujourd’hui 🌞. Les enfants jouent.'],
  ['short-en', 'The market rose sharply today. Investors cheered the news, analysts said. Nobody expected it.'],
  ...(article ? [['article', article]] : []),
];

function nativeEmbeddings(modelDir) {
  const input = texts.map(([id, text]) => JSON.stringify({ id, text })).join('\n');
  const r = spawnSync(cli, ['embed', '--model', modelDir, '--jsonl'], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return new Map(r.stdout.trim().split('\n').map((line) => JSON.parse(line)).map((o) => [o.id, o]));
}

for (const name of ['tiny-pooled', 'tiny-transformer-like']) {
  const model = testModel(name);
  test(`${name}: JS and native embeddings agree to ${TOLERANCE}`, { skip: coreMissing || model.skip || cliMissing }, async (t) => {
    const native = nativeEmbeddings(model.dir);
    const core = await loadCore({ coreUrl });
    const summarizer = new core.Summarizer();
    const files = await fetchModel(pathToFileURL(`${model.dir}/`), core, {});
    assert.equal(summarizer.loadModel(files.manifestJson, files.tokenizer, files.scorerJson), '');
    const info = JSON.parse(summarizer.modelJson());
    const encoder = await createEncoder(files.encoder, { threads: 1 });
    try {
      for (const [id, text] of texts) {
        const expected = native.get(id);
        assert.ok(expected && !expected.error, `${id}: ${expected?.error}`);
        const job = summarizer.prepare(text, '{}');
        let rows;
        try {
          assert.equal(job.error(), '');
          assert.deepEqual(await encodeJob(job, encoder, info), []);
          rows = job.embeddings();
        } finally {
          job.delete();
        }
        const dim = info.encoder.dimension;
        assert.equal(rows.length, expected.embeddings.length * dim, `${id}: one row per sentence`);
        assert.deepEqual(JSON.parse(summarizer.split(text, '{}')).sentences.map((s) => s.text), expected.sentences, `${id}: same sentences`);
        let worst = 0;
        expected.embeddings.forEach((row, i) => row.forEach((value, k) => {
          worst = Math.max(worst, Math.abs(value - rows[i * dim + k]));
        }));
        t.diagnostic(`${id}: ${expected.embeddings.length} sentences, largest difference ${worst}`);
        assert.ok(worst <= TOLERANCE, `${id}: largest difference ${worst}`);
        assert.ok(expected.embeddings.flat().some((v) => v !== 0), `${id}: embeddings are not all zero`);
      }
    } finally {
      await encoder.release();
      summarizer.delete();
    }
  });
}
