// Runs an encoder.onnx in onnxruntime-node and onnxruntime-web (single thread, wasm) on cases
// written by a Python script, and compares with the numpy output recorded there.
//   node scripts/model/ort-check.mjs CASES.json [--bench N]
// CASES.json: {"model": path, "output": name, "batches": [{"inputs": {name: {"data": [...],
//   "dims": [b, s]}}, "expected": [...flat float32...]}], "bench": {"inputs": ..., "rows": b}}
// Prints one JSON line: max |diff| per runtime and, with --bench N, sentences/second of
// onnxruntime-web (N timed runs of the bench batch after a warm-up).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cases = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const benchIdx = process.argv.indexOf('--bench');
const benchRuns = benchIdx > 0 ? Number(process.argv[benchIdx + 1]) : 0;

function feeds(ort, inputs) {
  const out = {};
  for (const [name, { data, dims }] of Object.entries(inputs)) {
    out[name] = new ort.Tensor('int64', BigInt64Array.from(data.map(BigInt)), dims);
  }
  return out;
}

async function maxDiff(ort, session) {
  let worst = 0;
  for (const batch of cases.batches) {
    const res = await session.run(feeds(ort, batch.inputs));
    const got = res[cases.output].data;
    if (got.length !== batch.expected.length) throw new Error(`length ${got.length} != ${batch.expected.length}`);
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - batch.expected[i]));
  }
  return worst;
}

const modelBytes = readFileSync(cases.model);
const report = { model: cases.model };

const ortNode = require(join(repo, 'node_modules/onnxruntime-node'));
const nodeSession = await ortNode.InferenceSession.create(modelBytes);
report.node_max_abs_diff = await maxDiff(ortNode, nodeSession);

const ortWeb = require(join(repo, 'node_modules/onnxruntime-web'));
ortWeb.env.wasm.numThreads = 1;
ortWeb.env.wasm.simd = true;
const webSession = await ortWeb.InferenceSession.create(modelBytes, { executionProviders: ['wasm'] });
report.web_max_abs_diff = await maxDiff(ortWeb, webSession);

if (benchRuns > 0 && cases.bench) {
  const f = feeds(ortWeb, cases.bench.inputs);
  await webSession.run(f);  // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < benchRuns; i++) await webSession.run(f);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  report.web_bench = { batch_rows: cases.bench.rows, seq: cases.bench.inputs.input_ids.dims[1],
    runs: benchRuns, seconds, sentences_per_second: (benchRuns * cases.bench.rows) / seconds };
}
console.log(JSON.stringify(report));
