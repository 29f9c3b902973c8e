// One benchmark configuration of the WebAssembly module under Node, through web/precis.js, in its
// own process (scripts/bench runs it under /usr/bin/time for the peak memory):
//
//   node run-precis-node.mjs CORE_URL MODEL_URL|none INPUT RUNS WARMUP_INPUT WARMUP_MS BUDGET_MS
//
// Loads the core (and the model, waiting until it is ready), summarizes WARMUP_INPUT untimed for
// WARMUP_MS (at least once when WARMUP_MS > 0), then INPUT (3 sentences) RUNS times (fewer once
// the runs took BUDGET_MS, at least one), and prints one JSON line:
//   {"load_ms", "times_ms": [...], "scorer", "sentences", "warnings": [...], "max_rss_kb"}
// Times are of summarize() alone, once V8 has tiered the WebAssembly and JS up (one call is not
// enough for that on a small input) and the model session has run: a page that has been in use.
// The warm-up text is a short one, so that warming up costs the same whatever INPUT's length.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { timeSummaries } from './time-summaries.mjs';

const [coreUrl, modelUrl, inputPath, runs, warmupPath, warmupMs, budgetMs] = process.argv.slice(2)
  .map((a, i) => (i === 3 || i >= 5 ? Number(a) : a));
const text = readFileSync(inputPath, 'utf8');
const warmupText = readFileSync(warmupPath, 'utf8');
const { createSummarizer } = await import(new URL('../../web/precis.js', import.meta.url));

const t0 = performance.now();
const summarizer = await createSummarizer({ coreUrl, model: modelUrl === 'none' ? null : modelUrl });
const model = await summarizer.ready;
const loadMs = performance.now() - t0;
if (modelUrl !== 'none' && model.state !== 'ready') {
  console.log(JSON.stringify({ error: `model ${modelUrl}: ${model.state} ${model.error ?? ''}` }));
  process.exit(1);
}

const { times_ms: times, result } = await timeSummaries(summarizer, { text, warmupText, runs, warmupMs, budgetMs });
await summarizer.dispose();
console.log(JSON.stringify({
  load_ms: loadMs,
  times_ms: times,
  scorer: result.scorer,
  sentences: result.stats.sentences,
  warnings: result.warnings,
  max_rss_kb: process.resourceUsage().maxRSS,
}));
