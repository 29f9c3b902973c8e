// The native CLI loads a model only when a text needs it: `--model DIR` reads the manifest, and the
// model's other files and ONNX Runtime (dlopen'ed, not linked) are touched only for a text in a
// language the model serves. Shown by breaking what a lazy run must not touch: ONNX Runtime's
// library path (PRECIS_ONNXRUNTIME) and the encoder file's digest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repo, testModel } from './support/env.mjs';

const cli = path.resolve(repo, process.env.PRECIS_NATIVE_CLI ?? 'build/native/precis');
const cliMissing = !existsSync(cli) && `no native CLI ${cli} (cmake --preset native && cmake --build --preset native)`;
const pooled = testModel('tiny-pooled');
const badSha = testModel('bad-sha');
const skip = cliMissing || pooled.skip || badSha.skip;

const french = 'Le gouvernement a présenté mardi son projet de budget pour l’année prochaine. '
  + 'Les députés en débattront dès la semaine prochaine, a indiqué le ministre. '
  + 'L’opposition a dénoncé un texte qui ne répond pas aux attentes des ménages.';
const english = 'The central bank raised interest rates by half a point on Thursday. '
  + 'It was the third increase this year, the governor told reporters. '
  + 'Markets had expected a smaller move, and shares fell after the announcement.';

/** A copy of a test model whose manifest serves French only. */
function frenchOnly(t, model) {
  const dir = mkdtempSync(path.join(tmpdir(), 'precis-lazy-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(model.dir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, languages: ['fr'] }));
  return { dir, name: manifest.name };
}

function summarize(text, model, env = {}) {
  const r = spawnSync(cli, ['summarize', '-', '--model', model, '--format', 'json', '--sentences', '1'],
    { input: text, encoding: 'utf8', env: { ...process.env, ...env } });
  assert.equal(r.status, 0, r.stderr);
  return { ...JSON.parse(r.stdout), stderr: r.stderr };
}

test('without ONNX Runtime, runs that need no model still work and say nothing of it', { skip }, (t) => {
  const missing = { PRECIS_ONNXRUNTIME: '/nonexistent/libonnxruntime.so.1' };
  const model = frenchOnly(t, pooled);

  const lexical = summarize(french, 'none', missing);
  assert.deepEqual(lexical.warnings, []);
  assert.equal(lexical.scorer, 'lexical');

  const unserved = summarize(english, model.dir, missing);
  assert.equal(unserved.lang, 'en');
  assert.deepEqual(unserved.warnings, [`the model ${model.name} does not cover this language (en); lexical scoring was used`]);

  // The served language needs ONNX Runtime: the summary falls back to lexical and says why.
  const served = summarize(french, model.dir, missing);
  assert.equal(served.lang, 'fr');
  assert.equal(served.scorer, 'lexical');
  assert.equal(served.warnings.length, 1);
  assert.match(served.warnings[0], /^model not used, lexical scoring instead: cannot load ONNX Runtime \(.*\/nonexistent\/libonnxruntime\.so\.1/);
  assert.match(served.stderr, /cannot load ONNX Runtime/);
});

test('the same model loads and scores French when ONNX Runtime is there', { skip }, (t) => {
  const model = frenchOnly(t, pooled);
  const served = summarize(french, model.dir);
  assert.deepEqual(served.warnings, []);
  assert.equal(served.scorer, model.name);
});

test('a broken encoder is found when a served text needs it, not before', { skip }, (t) => {
  const model = frenchOnly(t, badSha);
  const unserved = summarize(english, model.dir);
  assert.ok(!unserved.warnings.some((w) => /sha256/.test(w)), unserved.warnings.join(' | '));

  const served = summarize(french, model.dir);
  assert.equal(served.scorer, 'lexical');
  assert.match(served.warnings.join(' | '), /encoder\.onnx: sha256 does not match the manifest/);
});

test('--jsonl tries to load the model once and warns once', { skip }, (t) => {
  const model = frenchOnly(t, badSha);
  const input = [['a', french], ['b', english], ['c', french]].map(([id, text]) => JSON.stringify({ id, text })).join('\n');
  const r = spawnSync(cli, ['summarize', '--jsonl', '--model', model.dir], { input, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, 3);
  // Said once on stderr, however many lines hit it.
  assert.equal(r.stderr.match(/sha256 does not match/g)?.length, 1, r.stderr);
});
