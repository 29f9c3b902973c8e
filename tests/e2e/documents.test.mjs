// PDF and Word files: read in the browser by pdf.js and mammoth, which are downloaded only when
// such a file arrives. Fixtures are made here: PDFs by Chromium's print-to-PDF, a .docx by hand.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { buildSite, launch, missingPrerequisite, resultSeq, sampleArticle, serve, summaryTexts } from './helpers.mjs';

const skip = missingPrerequisite();
const paragraphs = () => sampleArticle().split('\n').filter((l) => l.split(' ').length > 8);

/** A .zip with the files stored (no compression): enough for a .docx. */
function zip(files) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    parts.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

function docx(paras) {
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = paras.map((p) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`).join('');
  return zip({
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
      + `<w:body>${body}</w:body></w:document>`,
  });
}

/** Waits for a new result, or fails at once with the page's error message. */
async function resultOrError(page, before) {
  const done = await page.waitForFunction((b) => {
    const error = document.querySelector('[data-testid="error"]');
    if (Number(document.documentElement.dataset.resultSeq ?? 0) > Number(b) && !document.documentElement.dataset.busy) return 'result';
    return !error.hidden && error.textContent !== window.__shownError ? error.textContent : false;
  }, before, { timeout: 60_000 });
  const what = await done.jsonValue();
  if (what !== 'result') assert.fail(what);
}

describe('PDF and Word files', { skip: skip ?? false }, () => {
  let server, browser, page, errors;
  const log = join(tmpdir(), `precis-documents-${process.pid}.log`);
  const docsRequests = () => readFileSync(log, 'utf8').split('\n').filter((l) => /\/docs\.[0-9a-f]{12}\//.test(l));

  before(async () => {
    server = await serve(buildSite('e2e-documents', ['--model', 'none']), { log });
    browser = await launch(server.origin);
    page = await browser.context.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(server.url);
    await page.waitForSelector('html[data-core-ready="true"]', { timeout: 60_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A PDF printed by Chromium from `html`. */
  async function printPdf(html) {
    const printer = await browser.context.newPage();
    try {
      await printer.setContent(html);
      return await printer.pdf({ format: 'A4' });
    } finally {
      await printer.close();
    }
  }

  it('loads nothing for documents until one arrives', () => {
    assert.deepEqual(docsRequests(), []);
  });

  it('reads a PDF printed by Chromium, paragraphs reflowed', async () => {
    const paras = paragraphs();
    const pdf = await printPdf(`<body style="font: 12pt serif; width: 12cm">${paras.map((p) => `<p>${p}</p>`).join('')}</body>`);
    const seq = await resultSeq(page);
    await page.locator('#file').setInputFiles({ name: 'article.pdf', mimeType: 'application/pdf', buffer: pdf });
    await resultOrError(page, seq);
    const text = await page.getByTestId('input').inputValue();
    // Each paragraph comes back whole, on one line (lines of the printed page rejoined).
    const lines = text.split('\n').filter(Boolean);
    assert.equal(lines[0], paras[0]);
    assert.ok(lines.filter((l) => paras.includes(l)).length >= paras.length - 1, text);
    assert.equal((await summaryTexts(page)).length, 3);
    assert.ok(docsRequests().some((l) => l.includes('pdf.min.mjs')));
    assert.ok(!docsRequests().some((l) => l.includes('mammoth')));
  });

  it('says plainly that a scanned PDF has no text', async () => {
    const pdf = await printPdf('<body><div style="width: 10cm; height: 10cm; background: #888"></div></body>');
    await page.locator('#file').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('error').waitFor({ state: 'visible' });
    assert.match(await page.getByTestId('error').textContent(), /“scan\.pdf” has no text to read: it looks like a scan/);
    await page.evaluate(() => { window.__shownError = document.querySelector('[data-testid="error"]').textContent; });
  });

  it('reads a .docx', async () => {
    const paras = paragraphs();
    const seq = await resultSeq(page);
    await page.locator('#file').setInputFiles({
      name: 'article.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx(paras),
    });
    await resultOrError(page, seq);
    assert.equal(await page.getByTestId('input').inputValue(), paras.join('\n\n'));
    assert.equal((await summaryTexts(page)).length, 3);
    assert.equal(await page.getByTestId('error').isVisible(), false);
  });

  it('logged no error and made no request to another origin', () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(browser.foreignRequests, []);
  });
});
