// The page's main flows on the built folder, served under a sub-path: paste -> summary, length,
// copy, jump to a sentence, language override, junk and scores on demand, files, errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildSite, launch, missingPrerequisite, openPage, pasteText, resultSeq, sampleArticle, serve,
  summaryTexts, unexpectedErrors, waitForResult,
} from './helpers.mjs';

const skip = missingPrerequisite();
const JUNK = /\[ad_\d\]|Source link/;

describe('page', { skip: skip ?? false }, () => {
  let server, browser, page, errors, article;

  before(async () => {
    article = sampleArticle();
    server = await serve(buildSite('e2e-page'));
    browser = await launch(server.origin);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    ({ page, errors } = await openPage(browser.context, server.url));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('summarizes the pasted sample article in 3 sentences, without junk', async () => {
    // Before any text: no empty statistics or copy buttons to press.
    assert.equal(await page.getByTestId('stats').isVisible(), false);
    assert.equal(await page.getByTestId('copy-text').isDisabled(), true);
    await pasteText(page, article);
    const sentences = await summaryTexts(page);
    assert.equal(sentences.length, 3);
    for (const s of sentences) {
      assert.doesNotMatch(s, JUNK);
      assert.ok(article.includes(s), `not a sentence of the article: ${s}`);
    }
    // The same sentences are highlighted in the full text, in order.
    const marks = await page.locator('#fulltext mark').allTextContents();
    assert.deepEqual(marks, sentences);
    // The junk the cleaner removed is shown struck out in the text.
    const junk = await page.locator('#fulltext del.junk').allTextContents();
    assert.ok(junk.includes('[ad_1]') && junk.some((j) => j.startsWith('Source link')), junk.join(' | '));
    assert.match(await page.getByTestId('lang-detected').textContent(), /French/);
    assert.match(await page.getByTestId('stats').textContent(), /Reading time saved/);
  });

  it('follows the length control', async () => {
    let seq = await resultSeq(page);
    await page.getByTestId('sentences').fill('5');
    await waitForResult(page, seq);
    assert.equal((await summaryTexts(page)).length, 5);

    seq = await resultSeq(page);
    await page.getByLabel('Short').check();
    await waitForResult(page, seq);
    const short = (await summaryTexts(page)).length;
    seq = await resultSeq(page);
    await page.getByLabel('Long').check();
    await waitForResult(page, seq);
    const long = (await summaryTexts(page)).length;
    assert.ok(short >= 1 && long > short, `short ${short}, long ${long}`);

    seq = await resultSeq(page);
    await page.getByTestId('sentences').fill('3');
    await waitForResult(page, seq);
    assert.equal((await summaryTexts(page)).length, 3);
    assert.equal(await page.getByLabel('Sentences', { exact: true }).isChecked(), true);
  });

  it('copies the summary as plain text and as a Markdown list', async () => {
    const sentences = await summaryTexts(page);
    await page.getByTestId('copy-text').click();
    await page.waitForFunction(() => document.getElementById('copy-status').textContent === 'Copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), sentences.join('\n'));

    await page.getByTestId('copy-markdown').click();
    await page.waitForFunction(() => document.documentElement.dataset.lastCopy === 'markdown');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(markdown, sentences.map((s) => `- ${s}`).join('\n'));
  });

  it('scrolls to a summary sentence in the text when it is clicked (or activated by keyboard)', async () => {
    const third = page.getByTestId('summary-sentence').nth(2);
    const index = await third.getAttribute('data-index');
    await third.focus();
    await page.keyboard.press('Enter');
    const mark = page.locator(`#sentence-${index}`);
    await page.waitForFunction((id) => document.activeElement?.id === id, `sentence-${index}`);
    assert.equal(await mark.textContent(), await third.textContent());
    // It is inside the visible part of the scrolling text box.
    await page.waitForFunction((id) => {
      const box = document.getElementById('fulltext').getBoundingClientRect();
      const r = document.getElementById(id).getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }, `sentence-${index}`);
  });

  it('lets the language be overridden', async () => {
    const seq = await resultSeq(page);
    await page.getByLabel('Language').selectOption('en');
    await waitForResult(page, seq);
    assert.equal((await summaryTexts(page)).length, 3);
    const back = await resultSeq(page);
    await page.getByLabel('Language').selectOption('auto');
    await waitForResult(page, back);
  });

  it('shows removed junk and every sentence score on demand', async () => {
    await page.locator('#removed-details > summary').click();
    const removed = await page.getByTestId('removed').textContent();
    assert.match(removed, /\[ad_1\]/);
    assert.match(removed, /Source link/);

    const seq = await resultSeq(page);
    await page.locator('#scores-details > summary').click();
    await waitForResult(page, seq);
    const rows = await page.locator('[data-testid="scores"] tbody tr').count();
    const chosen = await page.locator('[data-testid="scores"] tbody tr.chosen').count();
    assert.ok(rows > 10, `only ${rows} sentence rows`);
    assert.equal(chosen, 3);
    // Strength is a bar relative to the article's weakest and strongest sentence, not a raw score.
    const strengths = await page.locator('[data-testid="scores"] tbody meter').evaluateAll((ms) => ms.map((m) => m.value));
    assert.equal(strengths.length, rows);
    assert.ok(strengths.every((v) => v >= 0 && v <= 1), strengths.join(' '));
    assert.equal(Math.max(...strengths), 1);
    assert.doesNotMatch(await page.getByTestId('scores').textContent(), /-?\d+\.\d{3}/);
  });

  it('reduces a pasted web page to its article text', async () => {
    await page.getByTestId('input').fill('');
    const seq = await resultSeq(page);
    const html = `<html><head><title>T</title><style>p{}</style></head><body>
      <nav><a href="/">Home</a> Menu item</nav>
      <article><h1>Convoy</h1>${article.split('\n').filter((l) => l && !JUNK.test(l)).map((l) => `<p>${l}</p>`).join('')}
      <div class="share-bar">Share on Facebook</div></article>
      <footer>Copyright footer text</footer></body></html>`;
    await page.getByTestId('input').evaluate((el, h) => {
      const data = new DataTransfer();
      data.setData('text/html', h);
      data.setData('text/plain', 'plain fallback');
      el.focus();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, html);
    await waitForResult(page, seq);
    const value = await page.getByTestId('input').inputValue();
    assert.match(value, /^Convoy\n\nLe ministère biélorusse/);
    assert.doesNotMatch(value, /Menu item|Share on Facebook|Copyright footer|plain fallback/);
    assert.equal((await summaryTexts(page)).length, 3);
  });

  it('opens .md and .html files, and refuses other files plainly', async () => {
    let seq = await resultSeq(page);
    await page.locator('#file').setInputFiles({
      name: 'article.md', mimeType: 'text/markdown',
      buffer: Buffer.from(`# Convoy\n\n${article.replace(JUNK, '')}\n\n![photo](x.png)`),
    });
    await waitForResult(page, seq);
    let value = await page.getByTestId('input').inputValue();
    assert.match(value, /^Convoy\n/);
    assert.doesNotMatch(value, /photo|x\.png/);

    seq = await resultSeq(page);
    await page.locator('#file').setInputFiles({
      name: 'page.html', mimeType: 'text/html',
      buffer: Buffer.from(`<body><aside>Related: other story</aside><p>${article.split('\n')[1]}</p><p>${article.split('\n')[2]}</p></body>`),
    });
    await waitForResult(page, seq);
    value = await page.getByTestId('input').inputValue();
    assert.equal(value, `${article.split('\n')[1]}\n\n${article.split('\n')[2]}`);

    await page.locator('#file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('x') });
    await page.getByTestId('error').waitFor({ state: 'visible' });
    assert.match(await page.getByTestId('error').textContent(), /photo\.png.*not a \.txt, \.md, \.html, \.pdf or \.docx file/);
  });

  it('says plainly when the input is too large', async () => {
    await page.locator('#drop-zone').evaluate((zone) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(17 * 1024 * 1024)], 'huge.txt', { type: 'text/plain' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => /too large/.test(document.querySelector('[data-testid="error"]').textContent));
    assert.equal(await page.getByTestId('error').isVisible(), true);
  });

  it('can be used with the keyboard alone', async () => {
    await page.reload();   // focus navigation starts from the top of a fresh page
    await page.waitForSelector('html[data-core-ready="true"]');
    await page.keyboard.press('Tab');   // skip link
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip');
    const order = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.name));
    }
    assert.ok(order.includes('input') && order.includes('file') && order.includes('sentences'), order.join(' '));
    // Every form control has an accessible name.
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
      .filter((el) => !el.labels?.length && !el.getAttribute('aria-label') && !el.textContent.trim())
      .map((el) => el.outerHTML));
    assert.deepEqual(unnamed, []);
  });

  it('made no request to another origin and logged no error', () => {
    assert.deepEqual(browser.foreignRequests, []);
    assert.deepEqual(unexpectedErrors(errors), []);
  });
});
