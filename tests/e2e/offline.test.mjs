// Offline use and updates through the service worker, with a real (tiny) model so that the
// onnxruntime-web files and the model folder are cached too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildSite, launch, missingPrerequisite, openPage, pasteText, sampleArticle, serve, summaryTexts,
  testModel, unexpectedErrors,
} from './helpers.mjs';

const skip = missingPrerequisite();

describe('offline', { skip: skip ?? false }, () => {
  let server, browser, page, errors, site;

  before(async () => {
    site = buildSite('e2e-offline', ['--model', testModel('tiny-pooled')]);
    server = await serve(site);
    browser = await launch(server.origin);
    ({ page, errors } = await openPage(browser.context, server.url));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads the model, then caches everything for offline use', async () => {
    await page.waitForSelector('html[data-model-state="ready"]', { timeout: 120_000 });
    await page.waitForSelector('html[data-offline-ready="true"]', { timeout: 120_000 });
    await pasteText(page, sampleArticle());
    assert.equal((await summaryTexts(page)).length, 3);
    assert.match(await page.locator('#stat-scorer').getAttribute('data-scorer'), /tiny/);
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const cache = await caches.open(names[0]);
      return { names, urls: (await cache.keys()).map((r) => new URL(r.url).pathname) };
    });
    const manifest = await (await fetch(`${server.url}precache-manifest.json`)).json();
    assert.deepEqual(cached.names, [`precis-${manifest.version}`]);
    // Everything but the PDF and Word readers, which are cached once used.
    assert.deepEqual(cached.urls.sort(), manifest.files.filter((f) => f.lazy !== 'on-use').map((f) => `/precis/${f.url}`).sort());
  });

  it('reloads and summarizes offline, model included', async () => {
    await browser.context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector('html[data-core-ready="true"]', { timeout: 60_000 });
      await page.waitForSelector('html[data-model-state="ready"]', { timeout: 60_000 });
      await pasteText(page, sampleArticle());
      const sentences = await summaryTexts(page);
      assert.equal(sentences.length, 3);
      assert.match(await page.locator('#stat-scorer').getAttribute('data-scorer'), /tiny/);
    } finally {
      await browser.context.setOffline(false);
    }
  });

  it('updates cleanly to a new build: offers a reload, then drops the old cache', async () => {
    const oldVersion = await page.getAttribute('meta[name="precis-build"]', 'content');
    buildSite('e2e-offline', ['--model', testModel('tiny-transformer-like')]);   // same folder, new content
    await page.reload();
    await page.locator('#update').waitFor({ state: 'visible', timeout: 60_000 });
    const reloaded = page.waitForEvent('load');
    await page.locator('#update-button').click();
    await reloaded;
    await page.waitForSelector('html[data-core-ready="true"]');
    const newVersion = await page.getAttribute('meta[name="precis-build"]', 'content');
    assert.notEqual(newVersion, oldVersion);
    await page.waitForSelector('html[data-offline-ready="true"]', { timeout: 120_000 });
    const names = await page.evaluate(() => caches.keys());
    assert.deepEqual(names, [`precis-${newVersion}`]);
    await pasteText(page, sampleArticle());
    assert.equal((await summaryTexts(page)).length, 3);
  });

  it('made no request to another origin and logged no error', () => {
    assert.deepEqual(browser.foreignRequests, []);
    assert.deepEqual(unexpectedErrors(errors), []);
  });
});
