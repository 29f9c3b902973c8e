// Pasted, typed and dropped content is shown, never run: script tags, event-handler attributes and
// javascript: URLs in HTML or in plain text must not execute, nor add elements to the page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  buildSite, launch, missingPrerequisite, openPage, resultSeq, serve, unexpectedErrors, waitForResult,
} from './helpers.mjs';

const skip = missingPrerequisite();

// Each payload sets window.__pwned (or opens a dialog) if it ever runs.
const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img onerror\'">',
  '<svg onload="window.__pwned = \'svg onload\'"></svg>',
  '<a href="javascript:window.__pwned = \'javascript url\'" id="evil-link">Read more about the convoy.</a>',
  '<iframe srcdoc="<script>parent.__pwned = \'iframe\'</script>"></iframe>',
  '<details open ontoggle="window.__pwned = \'ontoggle\'">x</details>',
  '<style>@import url("https://attacker.example/x.css");</style>',
  '<img src="https://attacker.example/pixel.png">',
];
const PROSE = 'Le premier convoi de forces russes est arrivé en Biélorussie, a annoncé samedi le ministère. '
  + 'Loukachenko a déclaré que Minsk et Moscou déploieraient une force conjointe. '
  + 'Des images montraient des soldats accueillis par des femmes en costume traditionnel. ';
const HTML = `<html><body><article><h1 onmouseover="window.__pwned='h1'">Convoy</h1>
  <p>${PROSE}</p>${PAYLOADS.join('\n')}<p>${PROSE}</p></article></body></html>`;

describe('pasted content is never executed', { skip: skip ?? false }, () => {
  let server, browser, page, errors, dialogs;

  before(async () => {
    server = await serve(buildSite('e2e-xss'));
    browser = await launch(server.origin);
    ({ page, errors } = await openPage(browser.context, server.url));
    dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function assertNothingRan() {
    await page.waitForTimeout(300);   // let any queued handler (onerror, onload) have its chance
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(dialogs, []);
    // No element from the payload made it into the page.
    const injected = await page.evaluate(() => document.querySelectorAll(
      'body img, body svg, body iframe, body script, #evil-link, body details:not(.more)').length);
    assert.equal(injected, 0);
  }

  it('as HTML pasted from a web page', async () => {
    const seq = await resultSeq(page);
    await page.getByTestId('input').evaluate((el, html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      el.focus();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, HTML);
    await waitForResult(page, seq);
    const value = await page.getByTestId('input').inputValue();
    assert.match(value, /Read more about the convoy\./);          // link text kept as text
    assert.doesNotMatch(value, /__pwned|javascript:|<script/);    // markup and code dropped
    await assertNothingRan();
  });

  it('as an .html file dropped on the page', async () => {
    const seq = await resultSeq(page);
    await page.locator('#drop-zone').evaluate((zone, html) => {
      const data = new DataTransfer();
      data.items.add(new File([html], 'evil.html', { type: 'text/html' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, HTML);
    await waitForResult(page, seq);
    assert.match(await page.getByTestId('input').inputValue(), /^Convoy\n\n/);
    await assertNothingRan();
  });

  it('as plain text that looks like HTML: shown literally', async () => {
    const text = `${PROSE}${PAYLOADS.join(' ')} ${PROSE}`;
    const seq = await resultSeq(page);
    await page.getByTestId('input').fill(text);
    await waitForResult(page, seq);
    // The read-only rendering shows the characters themselves.
    assert.equal(await page.locator('#fulltext').textContent(), text);
    const summary = await page.getByTestId('summary').textContent();
    assert.ok(summary.length > 0);
    await page.locator('#scores-details > summary').click();
    await page.locator('#removed-details > summary').click();
    await page.waitForTimeout(500);
    await assertNothingRan();
  });

  it('made no request to another origin and logged no error', () => {
    assert.deepEqual(browser.foreignRequests, []);
    assert.deepEqual(unexpectedErrors(errors), []);
  });
});
