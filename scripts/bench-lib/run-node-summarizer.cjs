// One benchmark configuration of node-summarizer (npm, frequency method: the one the evaluation
// uses, see scripts/precis_eval/node_summarizer.cjs) in its own process:
//
//   node run-node-summarizer.cjs INPUT RUNS WARMUP_INPUT WARMUP_MS BUDGET_MS
//
// Times `new Summarizer(text, 3).summarizeByFrequency()` (its own sentence split, cleaning and
// ranking; synchronous) RUNS times (fewer once the runs took BUDGET_MS, at least one) after untimed
// calls on WARMUP_INPUT for WARMUP_MS (at least one when WARMUP_MS > 0), and prints one JSON line:
//   {"load_ms", "times_ms": [...], "sentences", "max_rss_kb"}
'use strict';
const { readFileSync } = require('node:fs');
const { performance } = require('node:perf_hooks');

const [inputPath, runs, warmupPath, warmupMs, budgetMs] = process.argv.slice(2)
  .map((a, i) => (i === 1 || i >= 3 ? Number(a) : a));
const text = readFileSync(inputPath, 'utf8');
const warmupText = readFileSync(warmupPath, 'utf8');
const t0 = performance.now();
const { Summarizer } = require('node-summarizer/src/Summarizer');
const loadMs = performance.now() - t0;

let result;
const warm = performance.now();
while (warmupMs > 0 && (result === undefined || performance.now() - warm < warmupMs)) {
  result = new Summarizer(warmupText, 3).summarizeByFrequency();
}
const times = [];
let spent = 0;
while (times.length < runs && (times.length === 0 || spent < budgetMs)) {
  const start = performance.now();
  result = new Summarizer(text, 3).summarizeByFrequency();
  times.push(performance.now() - start);
  spent += times.at(-1);
}
if (typeof result?.summary !== 'string') {
  console.log(JSON.stringify({ error: 'node-summarizer returned no summary' }));
  process.exit(1);
}
console.log(JSON.stringify({
  load_ms: loadMs,
  times_ms: times,
  sentences: result.sentence_list.length,
  max_rss_kb: process.resourceUsage().maxRSS,
}));
