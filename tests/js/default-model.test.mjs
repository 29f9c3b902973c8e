// Every committed model (models/*/, precis-base the default) must score every sentence in JS
// (core in WebAssembly, onnxruntime-web) as the native CLI does (ONNX Runtime's C++ API): same
// summary, same scores to float rounding. French text runs the scorer's network (fitted for
// French); English text, which these models do not serve, is scored lexically by both, saying so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { article, articleMissing, coreMissing, createTestSummarizer, repo } from './support/env.mjs';

const committedModels = ['precis-base', 'precis-small'];
const cli = path.resolve(repo, process.env.PRECIS_NATIVE_CLI ?? 'build/native/precis');
const cliMissing = !existsSync(cli) && `no native CLI ${cli}`;

const english = 'The central bank raised interest rates by half a point on Thursday. '
  + 'It was the third increase this year, the governor told reporters. '
  + 'Markets had expected a smaller move, and shares fell after the announcement. '
  + 'Mortgage lenders said they would pass the rise on to borrowers within days. '
  + 'The opposition called the decision a blow to families already hit by high prices.';

function native(text, modelDir) {
  const r = spawnSync(cli, ['summarize', '-', '--model', modelDir, '--format', 'json', '--all-sentences', '--sentences', '2'],
    { input: text, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

// The linear part of the score, from the CLI's features and scorer.json's weights.
function linearScores(text, modelDir) {
  const r = spawnSync(cli, ['features', '--jsonl', '--model', modelDir], { input: JSON.stringify({ id: 'x', text }), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const { names, rows } = JSON.parse(r.stdout);
  const scorer = JSON.parse(readFileSync(path.join(modelDir, 'scorer.json'), 'utf8'));
  return rows.map((row) => row.reduce((sum, value, c) => sum + (scorer.weights[names[c]] ?? 0) * value, scorer.bias));
}

for (const modelName of committedModels) {
  const modelDir = path.join(repo, 'models', modelName);
  const modelMissing = !existsSync(path.join(modelDir, 'manifest.json')) && `no model in ${modelDir}`;
  const languages = modelMissing ? [] : JSON.parse(readFileSync(path.join(modelDir, 'manifest.json'), 'utf8')).languages;
  for (const [name, text, skip, lang] of [['French article', article, articleMissing, 'fr'], ['English text', english, false, 'en']]) {
    const served = !languages.length || languages.includes(lang);
    test(`${modelName}, ${name}: JS scores every sentence as the native CLI does`,
      { skip: coreMissing || modelMissing || cliMissing || skip }, async () => {
        const expected = native(text, modelDir);
        const s = await createTestSummarizer({ model: modelDir });
        try {
          assert.deepEqual(await s.ready, { state: 'ready', name: modelName });
          const r = await s.summarize(text, { sentences: 2, allSentences: true });
          assert.equal(r.lang, lang);
          assert.equal(r.lang, expected.lang);
          assert.equal(r.scorer, served ? modelName : 'lexical');
          assert.equal(expected.scorer, r.scorer);
          assert.deepEqual(r.summary.map((x) => x.index), expected.summary.map((x) => x.index));
          assert.equal(r.sentences.length, expected.sentences.length);
          r.sentences.forEach((x, i) => {
            const want = expected.sentences[i].score;
            assert.ok(Math.abs(x.score - want) <= 1e-3 * Math.max(1, Math.abs(want)), `sentence ${i}: ${x.score} vs ${want}`);
          });
          if (served) {
            const linear = linearScores(text, modelDir);
            const gap = Math.max(...r.sentences.map((x, i) => Math.abs(x.score - linear[i])));
            assert.ok(gap > 0.01, `the network changes French scores (largest change ${gap})`);
          } else {
            assert.ok(r.warnings.some((w) => w.includes(`does not cover this language (${lang})`)), r.warnings.join(' | '));
          }
        } finally {
          await s.dispose();
        }
      });
  }
}
