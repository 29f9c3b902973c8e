// The model's life on the page: a broken model is reported plainly while summaries go on with
// word statistics; on a cross-origin isolated page (COOP/COEP) the model runs with threads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  buildSite, launch, missingPrerequisite, openPage, pasteText, sampleArticle, serve, summaryTexts,
  testModel, unexpectedErrors,
} from './helpers.mjs';

const skip = missingPrerequisite();

/** Opens a build made with `model`, served with `serveOptions`, and runs `check(page)`. */
async function withPage(name, model, serveOptions, check) {
  const server = await serve(buildSite(name, ['--model', testModel(model)]), serveOptions);
  const browser = await launch(server.origin);
  try {
    const { page, errors } = await openPage(browser.context, server.url);
    await check(page);
    assert.deepEqual(browser.foreignRequests, []);
    assert.deepEqual(unexpectedErrors(errors), []);
  } finally {
    await browser.close();
    await server.close();
  }
}

describe('model', { skip: skip ?? false }, () => {
  it('reports a model that fails its checksum, and still summarizes lexically', async () => {
    await withPage('e2e-model-bad', 'bad-sha', {}, async (page) => {
      await page.waitForSelector('html[data-model-state="failed"]', { timeout: 60_000 });
      const error = await page.getByTestId('error').textContent();
      assert.match(error, /^Model failed: .*sha256/);
      assert.match(await page.locator('#model-text').textContent(), /could not be loaded/);
      await pasteText(page, sampleArticle());
      assert.equal((await summaryTexts(page)).length, 3);
      assert.match(await page.locator('#stat-scorer').getAttribute('data-scorer'), /lexical/);
      assert.match(await page.locator('#stat-scorer').textContent(), /^word statistics$/);
    });
  });

  it('runs the model with threads when the page is cross-origin isolated', async () => {
    await withPage('e2e-model-coop', 'tiny-pooled', { coopCoep: true }, async (page) => {
      assert.equal(await page.evaluate(() => crossOriginIsolated), true);
      await page.waitForSelector('html[data-model-state="ready"]', { timeout: 60_000 });
      assert.match(await page.locator('#threads').textContent(), /Multi-threaded/);
      await pasteText(page, sampleArticle());
      assert.equal((await summaryTexts(page)).length, 3);
      assert.match(await page.locator('#stat-scorer').getAttribute('data-scorer'), /tiny/);
    });
  });

  it('runs the model single-threaded from a plain static server', async () => {
    await withPage('e2e-model-plain', 'tiny-transformer-like', {}, async (page) => {
      assert.equal(await page.evaluate(() => crossOriginIsolated), false);
      await page.waitForSelector('html[data-model-state="ready"]', { timeout: 60_000 });
      await pasteText(page, sampleArticle());
      assert.equal((await summaryTexts(page)).length, 3);
      assert.match(await page.locator('#stat-scorer').getAttribute('data-scorer'), /tiny/);
      // Warnings may remain (e.g. sentences cut to the model's length), but none about falling back.
      assert.doesNotMatch(await page.getByTestId('notice').textContent(), /lexical/);
    });
  });
});
