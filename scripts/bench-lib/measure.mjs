// Timing helpers: medians, command-line programs timed as whole processes (with their peak memory
// from /usr/bin/time), and the Node runners of this folder started one process per configuration.
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Runs `argv` under /usr/bin/time up to `runs` times, and no more once the runs so far took
 * `budgetMs` (at least one run): slow peers on 100k words would otherwise eat the time budget.
 * The wall time is taken around the whole process (start-up included: that is what a user of a
 * command-line program waits for). Returns {times_ms, max_rss_kb, stdout (of the last run)}.
 */
export function timeProcess(argv, { runs, budgetMs, stdin }) {
  const times = [];
  let maxRss = 0;
  let stdout = '';
  let spent = 0;
  while (times.length < runs && (times.length === 0 || spent < budgetMs)) {
    const start = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', 'maxrss_kb=%M', ...argv],
      { input: stdin, encoding: 'utf8', maxBuffer: 256 << 20 });
    const ms = performance.now() - start;
    if (run.status !== 0) throw new Error(`${argv.join(' ')} failed (${run.status}): ${run.stderr.slice(-500)}`);
    const rss = run.stderr.match(/maxrss_kb=(\d+)\s*$/);
    if (!rss) throw new Error(`no peak memory from /usr/bin/time for ${argv.join(' ')}: ${run.stderr.slice(-300)}`);
    maxRss = Math.max(maxRss, Number(rss[1]));
    times.push(ms);
    spent += ms;
    stdout = run.stdout;
  }
  return { times_ms: times, max_rss_kb: maxRss, stdout };
}

/** Runs a Node runner of this folder (its last stdout line is JSON) and returns that object. */
export function runNode(script, args) {
  const run = spawnSync(process.execPath, [script, ...args.map(String)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const last = run.stdout.trim().split('\n').pop() ?? '';
  let out;
  try {
    out = JSON.parse(last);
  } catch {
    throw new Error(`${script} ${args.join(' ')} exited ${run.status} without a result:\n${run.stderr.slice(-1500)}`);
  }
  if (out.error) throw new Error(`${basename(script)}: ${out.error}`);
  return out;
}
