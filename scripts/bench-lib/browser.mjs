// The WebAssembly module in headless Chromium: the static folder built by scripts/build-web,
// served on 127.0.0.1 by scripts/serve (tests/e2e/helpers.mjs), with a blank page added to it
// (bench.html) from which precis.js is imported, so the page's own app (service worker, UI) stays
// out of the timings. Times are of summarize() alone after untimed calls for warmupMs on a short
// text of the same language (input.warmup), as in Node.
import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, serve } from '../../tests/e2e/helpers.mjs';

/** The folder of `site` whose name starts with `prefix` (build-web adds a content hash). */
function hashed(site, prefix, required = true) {
  const found = readdirSync(site).find((name) => name.startsWith(prefix));
  if (!found && required) throw new Error(`${site} has no ${prefix}<hash>/ folder (scripts/build-web output expected)`);
  return found ?? null;
}

/**
 * @param {string} site the static folder (scripts/build-web --out)
 * @param {{name: string, text: string, warmup: string, runs: number}[]} inputs
 * @param {{warmupMs: number, budgetMs: number, model: boolean}} opts model: also time the site's model
 * @returns {Promise<{version: string, configs: {lexical, model?}}>} each config:
 *   {load_ms, results: {inputName: {times_ms, scorer, sentences}}}, or {error} when the model
 *   configuration failed (the lexical one still counts)
 */
export async function benchChromium(site, inputs, { warmupMs, budgetMs, model }) {
  writeFileSync(join(site, 'bench.html'), '<!doctype html><meta charset="utf-8"><title>Précis bench</title>\n');
  copyFileSync(new URL('time-summaries.mjs', import.meta.url), join(site, 'bench-time-summaries.mjs'));
  const app = hashed(site, 'app.');
  const ort = hashed(site, 'ort.', model);   // build-web ships onnxruntime-web only with a model
  const modelDir = model ? `models/${readdirSync(join(site, 'models'))[0]}/` : null;
  const server = await serve(site);
  const browser = await launch(server.origin);
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(new URL('bench.html', server.url).href);
    const version = await page.evaluate(() => navigator.userAgent.match(/Chrom(?:e|ium)\/([\d.]+)/)?.[1] ?? 'unknown');
    const configs = { lexical: await config(page, { app, ort, modelDir: null }, inputs, warmupMs, budgetMs) };
    if (model) {
      configs.model = await config(page, { app, ort, modelDir }, inputs, warmupMs, budgetMs)
        .catch((e) => ({ error: e.message }));
    }
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    if (browser.foreignRequests.length) throw new Error(`requests left 127.0.0.1: ${browser.foreignRequests.join(' ')}`);
    return { version, configs };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function config(page, where, inputs, warmupMs, budgetMs) {
  const load = await page.evaluate(async ({ app, ort, modelDir }) => {
    const t0 = performance.now();
    const { createSummarizer } = await import(new URL(`${app}/precis.js`, location.href).href);
    globalThis.benchSummarizer?.dispose();
    globalThis.benchSummarizer = await createSummarizer({
      model: modelDir ? new URL(modelDir, location.href).href : null,
      ...(ort ? { ortUrl: new URL(`${ort}/`, location.href).href } : {}),
    });
    const state = await globalThis.benchSummarizer.ready;
    return { load_ms: performance.now() - t0, state };
  }, where);
  if (where.modelDir && load.state.state !== 'ready') {
    throw new Error(`Chromium: model ${where.modelDir} ${load.state.state}: ${load.state.error ?? ''}`);
  }
  const results = {};
  for (const input of inputs) {
    results[input.name] = await page.evaluate(async (settings) => {
      const { timeSummaries } = await import(new URL('bench-time-summaries.mjs', location.href).href);
      const { times_ms, result } = await timeSummaries(globalThis.benchSummarizer, settings);
      return { times_ms, scorer: result.scorer, sentences: result.stats.sentences };
    }, { text: input.text, warmupText: input.warmup, runs: input.runs, warmupMs, budgetMs });
  }
  return { load_ms: load.load_ms, results };
}
