// web/summarizer.js in Chromium: the page example of web/README.md (tests/e2e/summarizer-page/),
// served from a plain static host under a sub-path, runs the same calls as the Node tests
// (tests/js/summarizer.test.mjs), through the Web Worker client and with a model downloaded by the
// page: the same strings as in Node, download progress, availability from Cache Storage, abort,
// destroy and the spec's errors.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { launch, missingPrerequisite, root, sampleArticle, serve, testModel, unexpectedErrors } from './helpers.mjs';

const skip = missingPrerequisite();
const replay = readFileSync(join(root, 'tests/fixtures/fr-orangesum-replay/article.txt'), 'utf8');
const TYPES = ['key-points', 'tldr', 'teaser', 'headline'];
const LENGTHS = ['short', 'medium', 'long'];

/** The page example, the staged package (with a tiny model as its default) and onnxruntime-web. */
function buildSite() {
  const site = join(root, 'build', 'page', 'e2e-summarizer');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'ort'), { recursive: true });
  cpSync(join(root, 'tests/e2e/summarizer-page/index.html'), join(site, 'index.html'));
  const stage = spawnSync(process.execPath, [join(root, 'web/stage.mjs'), '--out', join(site, 'pkg'), '--model', testModel('tiny-pooled')],
    { encoding: 'utf8' });
  if (stage.status !== 0) throw new Error(`web/stage.mjs failed:\n${stage.stderr}`);
  for (const file of ['ort.wasm.min.mjs', 'ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm']) {
    cpSync(join(root, 'node_modules/onnxruntime-web/dist', file), join(site, 'ort', file));
  }
  return site;
}

/** Every type × length × format on `texts`, lexical: the strings the page must give too. */
async function everySummary(Summarizer, texts, precis) {
  const out = {};
  for (const type of TYPES) {
    for (const length of LENGTHS) {
      for (const format of ['markdown', 'plain-text']) {
        const s = await Summarizer.create({ type, length, format, precis });
        out[`${type} ${length} ${format}`] = await Promise.all(texts.map((t) => s.summarize(t)));
        s.destroy();
      }
    }
  }
  return out;
}

describe('Summarizer API in Chromium', { skip: skip ?? false }, () => {
  let server, browser, page;
  const errors = [];

  before(async () => {
    server = await serve(buildSite());
    browser = await launch(server.origin);
    page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]');
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the page example summarizes a pasted article with Précis where the browser has no summarizer to offer', async () => {
    await page.locator('#text').fill(replay);
    await page.locator('#length').selectOption('medium');
    await page.locator('#go').click();
    await page.waitForFunction(() => document.getElementById('out').textContent.split('\n').length === 5, null, { timeout: 120_000 });
    const engine = await page.locator('#engine').textContent();
    const builtIn = await page.evaluate(async () => ('Summarizer' in self ? self.Summarizer.availability({ type: 'key-points' }) : 'absent'));
    assert.equal(engine, builtIn === 'absent' || builtIn === 'unavailable' ? 'Précis' : 'built-in', `built-in: ${builtIn}`);
    if (engine === 'Précis') {
      const lines = (await page.locator('#out').textContent()).split('\n');
      for (const line of lines) assert.ok(replay.replace(/\s+/g, ' ').includes(line), `verbatim: ${line}`);
      assert.equal(await page.locator('#progress').evaluate((p) => p.value), 1);
    }
  });

  it('lexical summaries through the worker equal the Node ones, for every type × length × format', async () => {
    const texts = [sampleArticle(), replay];
    const inPage = await page.evaluate(async ({ texts, types, lengths }) => {
      const { Summarizer } = await import(new URL('./pkg/summarizer.js', location.href).href);
      const out = {};
      for (const type of types) {
        for (const length of lengths) {
          for (const format of ['markdown', 'plain-text']) {
            const s = await Summarizer.create({ type, length, format, precis: { model: null } });
            out[`${type} ${length} ${format}`] = await Promise.all(texts.map((t) => s.summarize(t)));
            const chunks = [];
            const reader = s.summarizeStreaming(texts[1]).getReader();
            for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
            if (chunks.join('') !== out[`${type} ${length} ${format}`][1]) throw new Error(`streaming differs: ${type} ${length}`);
            s.destroy();
          }
        }
      }
      return out;
    }, { texts, types: TYPES, lengths: LENGTHS });
    const { Summarizer } = await import(pathToFileURL(join(root, 'web/summarizer.js')).href);
    const inNode = await everySummary(Summarizer, texts, { model: null, coreUrl: pathToFileURL(join(root, 'build/wasm/precis-core.mjs')).href });
    assert.deepEqual(inPage, inNode);
    assert.equal(inPage['key-points long markdown'][1].split('\n').length, 7);
  });

  it('the model: downloadable, progress 0 → 1 while downloading, then available; abort, destroy, errors', async () => {
    await page.reload();   // a page that has loaded nothing yet
    await page.waitForSelector('html[data-ready="true"]');
    // The encoder arrives late, so that "downloading" can be seen while it is on its way.
    const late = async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await route.continue();
    };
    await browser.context.route('**/encoder.onnx', late);
    const r = await page.evaluate(async (text) => {
      const { Summarizer } = await import(new URL('./pkg/summarizer.js', location.href).href);
      const out = { before: await Summarizer.availability({ expectedInputLanguages: ['fr'] }), loaded: [] };
      let started;
      const downloading = new Promise((resolve) => { started = resolve; });
      const creating = Summarizer.create({
        type: 'key-points', length: 'long', expectedInputLanguages: ['fr'], outputLanguage: 'fr',
        monitor: (m) => m.addEventListener('downloadprogress', (e) => {
          out.loaded.push(e.loaded);
          if (e.loaded > 0) started();
        }),
      });
      await downloading;
      out.during = await Summarizer.availability({ expectedInputLanguages: ['fr'] });
      const s = await creating;
      out.after = await Summarizer.availability({ expectedInputLanguages: ['fr'] });
      out.lexicalForJapanese = await Summarizer.availability({ expectedInputLanguages: ['ja'] });
      out.model = s.precis.model;
      out.summary = await s.summarize(text);
      const chunks = [];
      const reader = s.summarizeStreaming(text).getReader();
      for (let c = await reader.read(); !c.done; c = await reader.read()) chunks.push(c.value);
      out.streamed = chunks;
      out.usage = [await s.measureInputUsage(text), new TextEncoder().encode(text).length, s.inputQuota];
      const name = (p) => p.then(() => 'resolved', (e) => e.name);
      const en = await Summarizer.create({ outputLanguage: 'en' });
      out.english = await name(en.summarize(text));
      en.destroy();
      out.aborted = await name(s.summarize(text, { signal: AbortSignal.abort() }));
      out.quota = await s.summarize('x'.repeat(s.inputQuota + 1)).catch((e) => [e.name, e.requested, e.quota, e instanceof DOMException]);
      const running = name(s.summarize(text));
      s.destroy();
      out.destroyed = [await running, await name(s.summarize(text)), await name(s.measureInputUsage(text))];
      out.badType = await name(Summarizer.create({ type: 'bullets' }));
      return out;
    }, replay);
    await browser.context.unroute('**/encoder.onnx', late);
    assert.equal(r.before, 'downloadable');
    assert.equal(r.during, 'downloading');
    assert.equal(r.after, 'available');
    assert.equal(r.lexicalForJapanese, 'available');
    assert.deepEqual(r.model, { state: 'ready', name: 'tiny-pooled' });
    const loaded = r.loaded;
    assert.equal(loaded[0], 0);
    assert.equal(loaded.at(-1), 1);
    assert.ok(loaded.length > 2 && loaded.every((x, i) => i === 0 || x > loaded[i - 1]), `${loaded}`);
    const lines = r.summary.split('\n');
    assert.equal(lines.length, 7);
    for (const line of lines) assert.ok(replay.replace(/\s+/g, ' ').includes(line.replace(/^- /, '')), line);
    assert.equal(r.streamed.join(''), r.summary);
    assert.equal(r.streamed.length, 7);
    assert.equal(r.usage[0], r.usage[1]);
    assert.equal(r.usage[2], 16 * 1024 * 1024);
    assert.equal(r.english, 'NotSupportedError');
    assert.equal(r.aborted, 'AbortError');
    assert.deepEqual(r.quota, ['QuotaExceededError', 16 * 1024 * 1024 + 1, 16 * 1024 * 1024, true]);
    assert.deepEqual(r.destroyed, ['AbortError', 'InvalidStateError', 'InvalidStateError']);
    assert.equal(r.badType, 'TypeError');
  });

  it('availability() reads Cache Storage: the model files cached by the page make it "available"', async () => {
    await page.reload();
    await page.waitForSelector('html[data-ready="true"]');
    const r = await page.evaluate(async () => {
      const { Summarizer } = await import(new URL('./pkg/summarizer.js', location.href).href);
      const before = await Summarizer.availability();
      const folder = new URL('./pkg/dist/model/', location.href);
      const manifest = await (await fetch(new URL('manifest.json', folder))).json();
      const cache = await caches.open('e2e-model');
      for (const file of ['manifest.json', manifest.tokenizer.file, manifest.encoder.file, manifest.scorer?.file].filter(Boolean)) {
        const url = new URL(file, folder);
        await cache.put(url, await fetch(url));
      }
      const cached = await Summarizer.availability();
      const loaded = [];
      const s = await Summarizer.create({ monitor: (m) => { m.ondownloadprogress = (e) => loaded.push(e.loaded); } });
      const model = s.precis.model;
      s.destroy();
      await caches.delete('e2e-model');
      return { before, cached, loaded, model };
    });
    assert.equal(r.before, 'downloadable', 'a new page knows nothing loaded, and Cache Storage is empty');
    assert.equal(r.cached, 'available');
    assert.deepEqual(r.loaded, [0, 1]);
    assert.equal(r.model.state, 'ready');
    assert.deepEqual(unexpectedErrors(errors), []);
    assert.deepEqual(browser.foreignRequests, []);
  });
});
