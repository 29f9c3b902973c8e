// web/summarizer.js, the browser's Summarizer API answered by Précis, on the WebAssembly build
// under test: every member, on the sample article, a committed OrangeSum dev article and (when
// /work/shared/data is here) a BBC dev article. Expected summaries come from precis.js itself, so
// the tests also show that the adapter adds no selection of its own.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { article, articleMissing, coreMissing, coreUrl, createTestSummarizer, repo, testModel } from './support/env.mjs';

const { Summarizer, CreateMonitor, configure } = await import(new URL('../../web/summarizer.js', import.meta.url));

const LEXICAL = { coreUrl: coreUrl.href, model: null };

const replayDir = path.join(repo, 'tests/fixtures/fr-orangesum-replay');
const replay = { text: readFileSync(path.join(replayDir, 'article.txt'), 'utf8'), ...JSON.parse(readFileSync(path.join(replayDir, 'meta.json'), 'utf8')) };

/** A BBC dev article read at test time (the articles are not ours to commit), or null. */
function bbcArticle() {
  const file = '/work/shared/data/bbc-dev.jsonl.gz';
  if (!existsSync(file)) return null;
  const line = gunzipSync(readFileSync(file)).toString('utf8').split('\n').find((l) => l.includes('"bbc-politics-'));
  return line ? JSON.parse(line) : null;
}
const bbc = bbcArticle();

const articles = [
  ['the sample article (fr-belarus-convoy)', article, articleMissing],
  [`OrangeSum dev ${replay.id}`, replay.text, false],
  [`BBC dev ${bbc?.id ?? ''}`, bbc?.text, bbc ? false : 'no /work/shared/data/bbc-dev.jsonl.gz'],
];

const COUNTS = { 'key-points': [3, 5, 7], tldr: [1, 3, 5], teaser: [1, 3, 5] };
const LENGTHS = ['short', 'medium', 'long'];
const oneLine = (s) => s.replace(/\s+/g, ' ').trim();

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

describe('types × lengths × formats', { skip: coreMissing }, () => {
  let core;
  before(async () => { core = await createTestSummarizer(); });
  after(() => core?.dispose());

  for (const [name, text, skip] of articles) {
    describe(name, { skip }, () => {
      test('key-points: 3/5/7 of the core\'s sentences, "- " items in Markdown, lines in plain text', async () => {
        for (const [i, length] of LENGTHS.entries()) {
          const expected = (await core.summarize(text, { sentences: COUNTS['key-points'][i] })).summary.map((s) => oneLine(s.text));
          assert.equal(expected.length, COUNTS['key-points'][i]);
          for (const format of ['markdown', 'plain-text']) {
            const s = await Summarizer.create({ type: 'key-points', length, format, precis: LEXICAL });
            const out = await s.summarize(text);
            const bullet = format === 'markdown' ? '- ' : '';
            assert.deepEqual(out.split('\n'), expected.map((x) => bullet + x), `${length} ${format}`);
            for (const sentence of expected) assert.ok(text.replace(/\s+/g, ' ').includes(sentence), 'a verbatim sentence');
            s.destroy();
          }
        }
      });

      test('tldr: 1/3/5 of the core\'s sentences as one paragraph', async () => {
        for (const [i, length] of LENGTHS.entries()) {
          const expected = (await core.summarize(text, { sentences: COUNTS.tldr[i] })).summary.map((s) => oneLine(s.text));
          const s = await Summarizer.create({ type: 'tldr', length, precis: LEXICAL });
          const out = await s.summarize(text);
          assert.equal(out, expected.join(' '));
          assert.doesNotMatch(out, /\n/);
          s.destroy();
        }
      });

      test('teaser: the story\'s 1/3/5 opening sentences as one paragraph', async () => {
        const opening = core.split(text).sentences.map((x) => oneLine(x.text));
        for (const [i, length] of LENGTHS.entries()) {
          const s = await Summarizer.create({ type: 'teaser', length, format: 'plain-text', precis: LEXICAL });
          assert.equal(await s.summarize(text), opening.slice(0, COUNTS.teaser[i]).join(' '));
          s.destroy();
        }
      });

      test('headline: the given title (context, else sharedContext), else the core\'s title or best sentence', async () => {
        const best = await core.summarize(text, { sentences: 1 });
        const s = await Summarizer.create({ type: 'headline', length: 'long', precis: LEXICAL });
        assert.equal(await s.summarize(text), oneLine(best.title?.text || best.summary[0].text));
        assert.equal(await s.summarize(text, { context: 'Un titre donné' }), 'Un titre donné');
        s.destroy();
        const shared = await Summarizer.create({ type: 'headline', sharedContext: 'Le titre partagé', precis: LEXICAL });
        assert.equal(shared.sharedContext, 'Le titre partagé');
        assert.equal(await shared.summarize(text), 'Le titre partagé');
        assert.equal(await shared.summarize(text, { context: 'Le titre de cet appel' }), 'Le titre de cet appel');
        shared.destroy();
      });

      test('summarizeStreaming: one chunk per sentence, concatenated equal to summarize()', async () => {
        for (const type of ['key-points', 'tldr', 'teaser', 'headline']) {
          for (const length of LENGTHS) {
            const s = await Summarizer.create({ type, length, precis: LEXICAL });
            const whole = await s.summarize(text);
            const chunks = await readAll(s.summarizeStreaming(text));
            assert.equal(chunks.join(''), whole, `${type} ${length}`);
            assert.equal(chunks.length, type === 'headline' ? 1 : COUNTS[type][LENGTHS.indexOf(length)], `${type} ${length}`);
            assert.ok(chunks.every((c) => typeof c === 'string' && c.trim().length > 0));
            s.destroy();
          }
        }
      });
    });
  }

  test('the title hint reaches the core: a key-points summary with a context equals the core\'s with that title', async () => {
    const expected = (await core.summarize(replay.text, { sentences: 3, title: replay.title })).summary.map((s) => `- ${oneLine(s.text)}`);
    const s = await Summarizer.create({ precis: LEXICAL });
    assert.equal(await s.summarize(replay.text, { context: replay.title }), expected.join('\n'));
    s.destroy();
  });
});

describe('create, attributes, measureInputUsage, errors', { skip: coreMissing }, () => {
  before(() => configure(LEXICAL));
  after(() => configure({}));

  test('defaults and attributes as the spec says', async () => {
    const s = await Summarizer.create();
    assert.equal(s.type, 'key-points');
    assert.equal(s.format, 'markdown');
    assert.equal(s.length, 'short');
    assert.equal(s.sharedContext, '');
    assert.equal(s.expectedInputLanguages, null);
    assert.equal(s.expectedContextLanguages, null);
    assert.equal(s.outputLanguage, null);
    assert.equal(s.inputQuota, 16 * 1024 * 1024);
    assert.deepEqual(s.precis.model, { state: 'none' });
    s.destroy();
    const t = await Summarizer.create({ expectedInputLanguages: ['fr-FR', 'fr-FR', 'en'], outputLanguage: 'fr-fr' });
    assert.deepEqual(t.expectedInputLanguages, ['fr-FR', 'en']);
    assert.ok(Object.isFrozen(t.expectedInputLanguages));
    assert.equal(t.outputLanguage, 'fr-FR');
    t.destroy();
  });

  test('new Summarizer() is refused: create() is the way', () => {
    assert.throws(() => new Summarizer(), TypeError);
  });

  test('bad options reject with TypeError, in create() and availability()', async () => {
    for (const options of [{ type: 'summary' }, { format: 'html' }, { length: 'tiny' }, { outputLanguage: 'not a tag!' },
      { expectedInputLanguages: 'fr' }, { expectedInputLanguages: ['??'] }, { monitor: 42 }, { signal: {} }, 7,
      { precis: { modle: null } }]) {
      await assert.rejects(Summarizer.create(options), TypeError, JSON.stringify(options));
      if (typeof options === 'object' && !options.monitor && !options.signal) {
        await assert.rejects(Summarizer.availability(options), TypeError, JSON.stringify(options));
      }
    }
    assert.equal((await Summarizer.create({ type: 'tl;dr' })).type, 'tl;dr', 'the spec draft\'s spelling is accepted');
  });

  test('measureInputUsage counts UTF-8 bytes, the unit of inputQuota', async () => {
    const s = await Summarizer.create();
    for (const text of [article ?? 'x', replay.text, 'é😀 a', '']) {
      assert.equal(await s.measureInputUsage(text), Buffer.byteLength(text, 'utf8'));
    }
    assert.equal(await s.measureInputUsage('\ud800'), 3, 'a lone surrogate arrives as U+FFFD');
    s.destroy();
  });

  test('input over inputQuota rejects with QuotaExceededError (requested, quota)', async () => {
    const s = await Summarizer.create();
    const big = 'Une phrase. '.repeat(Math.ceil(s.inputQuota / 12) + 1);
    assert.ok(await s.measureInputUsage(big) > s.inputQuota);
    await assert.rejects(s.summarize(big), (e) => {
      assert.equal(e.name, 'QuotaExceededError');
      assert.equal(e.requested, Buffer.byteLength(big));
      assert.equal(e.quota, s.inputQuota);
      return true;
    });
    await assert.rejects(readAll(s.summarizeStreaming(big)), { name: 'QuotaExceededError' });
    s.destroy();
  });

  test('empty or blank input gives the empty string', async () => {
    const s = await Summarizer.create();
    assert.equal(await s.summarize(''), '');
    assert.equal(await s.summarize(' \n\t '), '');
    assert.deepEqual(await readAll(s.summarizeStreaming('')), []);
    s.destroy();
  });

  test('outputLanguage other than the text\'s language rejects with NotSupportedError', async () => {
    const en = await Summarizer.create({ outputLanguage: 'en' });
    await assert.rejects(en.summarize(replay.text), { name: 'NotSupportedError' });
    await assert.rejects(readAll(en.summarizeStreaming(replay.text)), { name: 'NotSupportedError' });
    en.destroy();
    const fr = await Summarizer.create({ outputLanguage: 'fr-CA', expectedInputLanguages: ['fr'] });
    assert.equal((await fr.summarize(replay.text)).split('\n').length, 3);
    fr.destroy();
  });

  test('an outputLanguage that none of expectedInputLanguages is: "unavailable", create() NotSupportedError', async () => {
    const options = { expectedInputLanguages: ['fr', 'en'], outputLanguage: 'de' };
    assert.equal(await Summarizer.availability(options), 'unavailable');
    await assert.rejects(Summarizer.create(options), { name: 'NotSupportedError' });
  });

  test('signals: create(), summarize(), summarizeStreaming(), measureInputUsage() reject with AbortError', async () => {
    await assert.rejects(Summarizer.create({ signal: AbortSignal.abort() }), { name: 'AbortError' });
    const s = await Summarizer.create();
    await assert.rejects(s.summarize(replay.text, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    await assert.rejects(s.measureInputUsage(replay.text, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    await assert.rejects(readAll(s.summarizeStreaming(replay.text, { signal: AbortSignal.abort() })), { name: 'AbortError' });
    const controller = new AbortController();
    const pending = s.summarize(replay.text, { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    const reason = new Error('mine');
    await assert.rejects(s.summarize(replay.text, { signal: AbortSignal.abort(reason) }), (e) => e === reason);
    assert.equal((await s.summarize(replay.text)).split('\n').length, 3, 'the summarizer goes on after an abort');
    s.destroy();
  });

  test('cancelling a stream stops it quietly', async () => {
    const s = await Summarizer.create({ length: 'long' });
    const reader = s.summarizeStreaming(replay.text).getReader();
    assert.match((await reader.read()).value, /^- /);
    await reader.cancel();
    assert.equal((await reader.read()).done, true);
    s.destroy();
  });

  test('destroy(): running calls reject with AbortError, later ones with InvalidStateError', async () => {
    const s = await Summarizer.create({ type: 'tldr' });
    const running = s.summarize(replay.text);
    const stream = s.summarizeStreaming(replay.text);
    s.destroy();
    s.destroy();   // harmless
    await assert.rejects(running, { name: 'AbortError' });
    await assert.rejects(readAll(stream), { name: 'AbortError' });
    await assert.rejects(s.summarize(replay.text), { name: 'InvalidStateError' });
    await assert.rejects(s.measureInputUsage(replay.text), { name: 'InvalidStateError' });
    await assert.rejects(readAll(s.summarizeStreaming(replay.text)), { name: 'InvalidStateError' });
    assert.equal(s.type, 'tldr', 'attributes stay readable');
  });

  test('aborting create()\'s signal later destroys the summarizer', async () => {
    const controller = new AbortController();
    const s = await Summarizer.create({ signal: controller.signal });
    controller.abort();
    await assert.rejects(s.summarize(replay.text), { name: 'InvalidStateError' });
  });

  test('summarizers with the same settings share one core; it outlives the first destroy()', async () => {
    const a = await Summarizer.create();
    const b = await Summarizer.create({ type: 'tldr' });
    a.destroy();
    assert.equal((await b.summarize(replay.text)).split('\n').length, 1);
    b.destroy();
    const c = await Summarizer.create();
    assert.equal((await c.summarize(replay.text)).split('\n').length, 3, 'a new one after the last destroy()');
    c.destroy();
  });

  test('a core that cannot start rejects create() with OperationError', async () => {
    await assert.rejects(Summarizer.create({ precis: { coreUrl: new URL('./missing/precis-core.mjs', coreUrl).href, model: null } }),
      (e) => e.name === 'OperationError' && /missing/.test(e.message));
  });
});

/** Serves `dir` over HTTP (GET and HEAD, with content-length), like any static host; GETs of
 *  files named in `late` wait a second, so that a download can be seen under way. */
async function serveFolder(dir, late = []) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.method === 'GET' && late.some((name) => req.url.endsWith(`/${name}`))) await new Promise((r) => setTimeout(r, 1000));
    const file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, requests, close: () => new Promise((r) => server.close(r)) };
}

const tiny = testModel('tiny-pooled');
describe('a model: availability, download progress, lexical fallback', { skip: coreMissing || tiny.skip }, () => {
  let server;
  before(async () => { server = await serveFolder(tiny.dir, ['encoder.onnx']); });
  after(() => server?.close());

  test('availability: downloadable, downloading while create() runs, then available; the monitor sees 0 → 1 over every byte', async () => {
    const precis = { coreUrl: coreUrl.href, model: server.url };
    assert.equal(await Summarizer.availability({ precis }), 'downloadable');
    const events = [];
    let started;
    const downloading = new Promise((resolve) => { started = resolve; });
    const creating = Summarizer.create({
      precis, monitor(m) {
        assert.ok(m instanceof CreateMonitor && m instanceof EventTarget);
        m.addEventListener('downloadprogress', (e) => {
          events.push(e);
          if (e.loaded > 0) started();
        });
      },
    });
    await downloading;   // the encoder (served late) is still on its way
    assert.equal(await Summarizer.availability({ precis }), 'downloading');
    const s = await creating;
    assert.equal(await Summarizer.availability({ precis }), 'available');
    assert.deepEqual(s.precis.model, { state: 'ready', name: 'tiny-pooled' });

    const loaded = events.map((e) => e.loaded);
    assert.equal(loaded[0], 0);
    assert.equal(loaded.at(-1), 1);
    assert.ok(loaded.every((x, i) => i === 0 || x > loaded[i - 1]), `increasing: ${loaded}`);
    assert.ok(events.every((e) => e.total === 1 && e.lengthComputable === true && e.type === 'downloadprogress'));
    // Each file's end is a step of the fraction: bytes so far / bytes of every file (in fetch order).
    const manifest = JSON.parse(readFileSync(path.join(tiny.dir, 'manifest.json'), 'utf8'));
    const files = ['manifest.json', manifest.tokenizer.file, manifest.encoder.file, manifest.scorer?.file].filter(Boolean);
    const sizes = files.map((f) => statSync(path.join(tiny.dir, f)).size);
    const total = sizes.reduce((a, b) => a + b);
    let sum = 0;
    for (const size of sizes.slice(0, -1)) {
      sum += size;
      assert.ok(loaded.includes(Math.floor((sum / total) * 65536) / 65536), `a step at ${sum} of ${total} bytes: ${loaded}`);
    }
    assert.ok(server.requests.some((r) => r.startsWith('HEAD ')), 'sizes come from HEAD requests');
    assert.match(await s.summarize(replay.text), /^- /);

    s.destroy();
    assert.equal(await Summarizer.availability({ precis }), 'downloadable', 'nothing cached in Node once it is freed');
  });

  test('a model that needs no download: events 0 then 1, and availability "available"', async () => {
    const precis = { coreUrl: coreUrl.href, model: tiny.dir };
    assert.equal(await Summarizer.availability({ precis }), 'available');
    const loaded = [];
    const s = await Summarizer.create({ precis, monitor: (m) => { m.ondownloadprogress = (e) => loaded.push(e.loaded); } });
    assert.deepEqual(loaded, [0, 1]);
    assert.equal(s.precis.model.state, 'ready');
    s.destroy();
  });

  test('expectedInputLanguages the model does not serve: lexical scoring, available at once, nothing downloaded', async () => {
    const served = JSON.parse(readFileSync(path.join(tiny.dir, 'manifest.json'), 'utf8')).languages;
    assert.ok(!served.includes('ja'), `test model languages: ${served}`);
    const precis = { coreUrl: coreUrl.href, model: server.url };
    const options = { expectedInputLanguages: ['ja'], precis };
    assert.equal(await Summarizer.availability(options), 'available');
    const before = server.requests.length;
    const s = await Summarizer.create(options);
    assert.deepEqual(s.precis.model, { state: 'none' });
    assert.deepEqual(server.requests.slice(before), ['GET /manifest.json'], 'only the manifest, to read its languages');
    s.destroy();
    assert.equal(await Summarizer.availability({ expectedInputLanguages: [served[0]], precis }), 'downloadable');
  });

  test('aborting create() during the download rejects with AbortError and stops the events', async () => {
    const precis = { coreUrl: coreUrl.href, model: server.url };
    const controller = new AbortController();
    const loaded = [];
    const creating = Summarizer.create({ precis, signal: controller.signal, monitor: (m) => m.addEventListener('downloadprogress', (e) => loaded.push(e.loaded)) });
    controller.abort();
    await assert.rejects(creating, { name: 'AbortError' });
    const seen = loaded.length;
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(loaded.length, seen, 'no progress after the abort');
    assert.ok(!loaded.includes(1));
  });

  test('a model that fails to load: create() still resolves, lexical, and says why', async () => {
    const broken = testModel('bad-sha');
    const s = await Summarizer.create({ precis: { coreUrl: coreUrl.href, model: broken.dir } });
    assert.equal(s.precis.model.state, 'failed');
    assert.match(s.precis.model.error, /sha256/);
    assert.equal((await s.summarize(replay.text)).split('\n').length, 3);
    s.destroy();
  });
});
