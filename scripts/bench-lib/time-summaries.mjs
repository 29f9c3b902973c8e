// The one way a summarize() call is timed, in Node (run-precis-node.mjs) and in Chromium
// (browser.mjs copies this file into the served folder), so both hosts' figures compare.
//
// Untimed calls on `warmupText` for `warmupMs` first (V8 tiers WebAssembly and JS up while they
// run; one call is not enough on a short text), then `text` (3 sentences) `runs` times, fewer once
// the runs took `budgetMs` (at least one). Returns {times_ms, result (the last one)}.
export async function timeSummaries(summarizer, { text, warmupText, runs, warmupMs, budgetMs }) {
  let result;
  const warm = performance.now();
  while (warmupMs > 0 && (result === undefined || performance.now() - warm < warmupMs)) {
    result = await summarizer.summarize(warmupText, { sentences: 3 });
  }
  const times = [];
  let spent = 0;
  while (times.length < runs && (times.length === 0 || spent < budgetMs)) {
    const start = performance.now();
    result = await summarizer.summarize(text, { sentences: 3 });
    times.push(performance.now() - start);
    spent += times.at(-1);
  }
  return { times_ms: times, result };
}
