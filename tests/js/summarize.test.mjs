// The public API on the WebAssembly build under test (PRECIS_WASM_DIR, default build/wasm), without
// a model: loading, the sample article, offsets, errors, options, cancellation, disposal.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { article, articleMissing, coreMissing, coreUrl, createTestSummarizer, precisUrl } from './support/env.mjs';

const { PrecisError, createSummarizer } = await import(precisUrl);

test('a module that cannot be loaded rejects with PrecisError "load-failed"', async () => {
  const missing = new URL('./no-such-dir/precis-core.mjs', coreUrl);
  await assert.rejects(createSummarizer({ coreUrl: missing, model: null }), (e) => {
    assert.ok(e instanceof PrecisError);
    assert.equal(e.code, 'load-failed');
    assert.match(e.message, /no-such-dir/);
    return true;
  });
});

test('createSummarizer rejects unknown and ill-typed options', async () => {
  for (const options of [{ modle: null }, { threads: 0 }, { onProgress: 'x' }, { model: 42 }, { signal: {} }]) {
    await assert.rejects(createSummarizer(options), (e) => e instanceof PrecisError && e.code === 'invalid-argument',
      JSON.stringify(options));
  }
});

describe('without a model', { skip: coreMissing }, () => {
  let s;
  before(async () => { s = await createTestSummarizer(); });
  after(() => s?.dispose());

  test('reports its version and no model', async () => {
    assert.match(s.version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(s.model, { state: 'none' });
    assert.deepEqual(await s.ready, { state: 'none' });
  });

  test('the sample article: 3 sentences, no scraping junk, offsets slice to the texts', { skip: articleMissing }, async () => {
    const r = await s.summarize(article);
    assert.equal(r.summary.length, 3);
    assert.equal(r.scorer, 'lexical');
    assert.equal(r.lang, 'fr');
    const bytes = Buffer.from(article, 'utf8');
    let previous = -1;
    for (const sentence of r.summary) {
      assert.doesNotMatch(sentence.text, /\[ad_\d\]|Source link/);
      assert.equal(article.slice(...sentence.utf16), sentence.text);
      assert.equal(bytes.subarray(...sentence.bytes).toString('utf8'), sentence.text);
      assert.ok(sentence.index > previous, 'sentences come in their original order');
      previous = sentence.index;
    }
    assert.ok(!r.warnings.some((w) => /model/i.test(w)), 'no model warning when no model was asked for');
  });

  test('the sample article: split() drops the junk and keeps offsets', { skip: articleMissing }, () => {
    const r = s.split(article);
    assert.ok(r.sentences.length > 10);
    for (const sentence of r.sentences) {
      assert.doesNotMatch(sentence.text, /\[ad_\d\]|Source link/);
      assert.equal(article.slice(...sentence.utf16), sentence.text);
    }
    assert.ok(r.removed.some((junk) => /\[ad_1\]/.test(junk.text)), 'the removed junk is reported');
  });

  test('lengths: sentences, ratio, words', { skip: articleMissing }, async () => {
    const all = s.split(article).sentences.length;
    assert.equal((await s.summarize(article, { sentences: 5 })).summary.length, 5);
    const half = (await s.summarize(article, { ratio: 0.5 })).summary.length;
    assert.ok(half >= Math.floor(all / 2) && half <= Math.ceil(all / 2), `${half} of ${all}`);
    const r = await s.summarize(article, { words: 60 });
    assert.ok(r.summary.length >= 1);
    assert.ok(r.stats.summary_words <= 60 || r.summary.length === 1, `${r.stats.summary_words} words`);
  });

  test('allSentences returns every sentence with a score', { skip: articleMissing }, async () => {
    const r = await s.summarize(article, { allSentences: true });
    assert.equal(r.sentences.length, r.stats.sentences);
    assert.ok(r.sentences.every((x) => typeof x.score === 'number'));
  });

  test('UTF-16 offsets index the JS string past astral characters', async () => {
    const text = 'Le 😀 chat dort sur le canapé depuis ce matin. Il fait très beau à Montréal aujourd’hui 🌞. '
      + 'Les enfants jouent dans le parc près de la rivière. La météo annonce de la pluie pour demain soir.';
    const r = await s.summarize(text, { sentences: 4 });
    assert.ok(r.summary.length >= 2);
    for (const sentence of r.summary) assert.equal(text.slice(...sentence.utf16), sentence.text);
  });

  test('invalid arguments reject with PrecisError "invalid-argument" naming the option', async () => {
    const cases = [
      [42, {}, /text must be a string/],
      ['Un texte.', { sentence: 2 }, /unknown option "sentence"/],
      ['Un texte.', { sentences: 0 }, /sentences must be/],
      ['Un texte.', { sentences: 2.5 }, /sentences must be/],
      ['Un texte.', { ratio: 1.5 }, /ratio must be/],
      ['Un texte.', { words: -3 }, /words must be/],
      ['Un texte.', { sentences: 2, ratio: 0.5 }, /only one of sentences, ratio, words/],
      ['Un texte.', { lang: 5 }, /lang must be/],
      ['Un texte.', { allSentences: 'yes' }, /allSentences must be/],
      ['Un texte.', null, /options must be an object/],
    ];
    for (const [text, options, message] of cases) {
      await assert.rejects(s.summarize(text, options), (e) => {
        assert.ok(e instanceof PrecisError, `${e}`);
        assert.equal(e.code, 'invalid-argument');
        assert.match(e.message, message);
        return true;
      });
    }
    assert.throws(() => s.split('Un texte.', { sentences: 2 }), /unknown option "sentences"/);
  });

  test("the core's errors become PrecisError (input over maxInputBytes)", async () => {
    const text = 'Une phrase assez longue pour dépasser la limite. '.repeat(10);
    await assert.rejects(s.summarize(text, { maxInputBytes: 100 }), (e) => {
      assert.ok(e instanceof PrecisError, `${e}`);
      assert.notEqual(e.code, 'invalid-argument');   // found by the core, not by the JS checks
      assert.ok(e.message.length > 0);
      return true;
    });
    assert.throws(() => s.split(text, { maxInputBytes: 100 }), PrecisError);
  });

  test('an aborted signal rejects with its reason', async () => {
    await assert.rejects(s.summarize('Un texte.', { signal: AbortSignal.abort() }), { name: 'AbortError' });
    const controller = new AbortController();
    const reason = new Error('stop');
    controller.abort(reason);
    await assert.rejects(s.summarize('Un texte.', { signal: controller.signal }), (e) => e === reason);
  });

  test('concurrent calls each get their own result', async () => {
    const a = 'Le chat dort sur le canapé. Le chien aboie dans le jardin. Les oiseaux chantent.';
    const b = 'The market rose sharply today. Investors cheered the news. Analysts were surprised.';
    const [ra, rb] = await Promise.all([s.summarize(a, { sentences: 1 }), s.summarize(b, { sentences: 1 })]);
    assert.ok(a.includes(ra.summary[0].text));
    assert.ok(b.includes(rb.summary[0].text));
  });
});

test('dispose: later calls reject with "disposed"; dispose twice is harmless', { skip: coreMissing }, async () => {
  const s = await createTestSummarizer();
  await s.dispose();
  await s.dispose();
  await assert.rejects(s.summarize('Un texte.'), (e) => e instanceof PrecisError && e.code === 'disposed');
  assert.throws(() => s.split('Un texte.'), (e) => e instanceof PrecisError && e.code === 'disposed');
});

test('createSummarizer honours an aborted signal', { skip: coreMissing }, async () => {
  await assert.rejects(createTestSummarizer({ signal: AbortSignal.abort() }), { name: 'AbortError' });
});
