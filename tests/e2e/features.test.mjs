// Issue 14's new features: try an example (with its attribution), the page in French, the web app
// manifest with icons and a share target.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildSite, launch, missingPrerequisite, serve, summaryTexts } from './helpers.mjs';

const skip = missingPrerequisite();

async function open(browser, url) {
  const page = browser.context.pages()[0] ?? await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector('html[data-core-ready="true"]', { timeout: 60_000 });
  return { page, errors };
}

describe('features', { skip: skip ?? false }, () => {
  let server, site;

  before(async () => {
    site = buildSite('e2e-features', ['--model', 'none']);
    server = await serve(site);
  });

  after(async () => {
    await server?.close();
  });

  it('loads an example article in one click, with its CC BY-SA attribution', async () => {
    const browser = await launch(server.origin);
    try {
      const { page, errors } = await open(browser, server.url);
      assert.equal(await page.getByTestId('example-credit').isVisible(), false);
      await page.getByTestId('try-example').click();
      await page.waitForSelector('[data-testid="summary-sentence"]');
      assert.match(await page.getByTestId('input').inputValue(), /^Trottinettes électriques/);
      assert.equal((await summaryTexts(page)).length, 3);
      const credit = page.getByTestId('example-credit');
      assert.equal(await credit.isVisible(), true);
      assert.match(await credit.textContent(), /OrangeSum.*CC BY-SA 4\.0/);
      assert.equal(await credit.locator('a', { hasText: 'CC BY-SA 4.0' }).getAttribute('href'), 'https://creativecommons.org/licenses/by-sa/4.0/');
      // The credit goes with the example only.
      await page.getByTestId('input').fill('Un autre texte. Avec deux phrases.');
      assert.equal(await credit.isVisible(), false);
      assert.deepEqual(errors, []);
      assert.deepEqual(browser.foreignRequests, []);
    } finally {
      await browser.close();
    }
  });

  it('speaks French to a French browser: words, plurals and numbers', async () => {
    const browser = await launch(server.origin, { locale: 'fr-FR' });
    try {
      const { page, errors } = await open(browser, server.url);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
      assert.equal(await page.locator('#summary-heading').textContent(), 'Résumé');
      assert.equal(await page.getByTestId('clear').textContent(), 'Effacer');
      assert.equal(await page.locator('#lang option[value="fr"]').textContent(), 'Français');
      await page.locator('#file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('x') });
      assert.equal(await page.getByTestId('error').textContent(), '« photo.png » n’est pas un fichier .txt, .md, .html, .pdf ou .docx.');
      const text = Array.from({ length: 120 }, (_, i) => `La phrase numéro ${i + 1} parle du convoi arrivé hier en ville.`).join(' ');
      await page.getByTestId('input').fill(text);
      await page.waitForSelector('[data-testid="summary-sentence"]');
      // 1 320 words: French groups thousands with a narrow no-break space.
      assert.match(await page.locator('#stat-words').textContent(), /^1\u202f320 mots en 120 phrases$/);
      assert.match(await page.locator('#summary-status').textContent(), /^Résumé mis à jour : 3 phrases\.$/);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  it('is installable: a manifest with icons and a share target', async () => {
    const browser = await launch(server.origin);
    try {
      const { page } = await open(browser, server.url);
      const href = await page.locator('link[rel="manifest"]').getAttribute('href');
      const manifest = await page.evaluate(async (h) => (await fetch(h)).json(), href);
      assert.equal(manifest.display, 'standalone');
      assert.equal(manifest.start_url, './');
      const sizes = manifest.icons.map((i) => i.sizes);
      assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), sizes.join(' '));
      for (const icon of manifest.icons) {
        const ok = await page.evaluate(async (src) => {
          const img = new Image();
          img.src = new URL(src, new URL('manifest.webmanifest', location.href)).href;
          await img.decode();
          return `${img.naturalWidth}x${img.naturalHeight}`;
        }, icon.src);
        assert.equal(ok, icon.sizes);
      }
      assert.equal(manifest.share_target.method, 'GET');
      assert.deepEqual(manifest.share_target.params, { title: 'title', text: 'text', url: 'url' });
    } finally {
      await browser.close();
    }
  });

  it('puts text shared from another app in the box; a bare link gets a plain explanation', async () => {
    const browser = await launch(server.origin);
    try {
      const text = 'Le premier convoi est arrivé samedi. Il compte des centaines de soldats. Le ministère a confirmé son arrivée.';
      const url = `${server.url}?title=${encodeURIComponent('Convoi')}&text=${encodeURIComponent(text)}`;
      const { page, errors } = await open(browser, url);
      await page.waitForSelector('[data-testid="summary-sentence"]');
      assert.equal(await page.getByTestId('input').inputValue(), `Convoi\n\n${text}`);
      assert.equal(new URL(page.url()).search, '');   // a reload does not share again

      await page.goto(`${server.url}?url=${encodeURIComponent('https://example.org/article')}`);
      await page.waitForSelector('html[data-core-ready="true"]');
      assert.match(await page.getByTestId('notice').textContent(), /Only a link was shared/);
      assert.deepEqual(errors, []);
      assert.deepEqual(browser.foreignRequests, []);
    } finally {
      await browser.close();
    }
  });
});
