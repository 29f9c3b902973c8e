// Text out of PDF and Word (.docx) files, in the browser. The libraries (pdf.js, mammoth: about
// 2 MB together) are loaded only when such a file arrives, from the folder the built page names
// in <meta name="precis-docs"> (scripts/build-web copies them from node_modules).
import { t } from './i18n.js';

// Below this many letters per page on average a PDF has no real text layer: a scan or photos.
const MIN_LETTERS_PER_PAGE = 20;

function docsFolder() {
  const meta = document.querySelector('meta[name="precis-docs"]');
  if (!meta?.content) throw new Error(t('docsUnavailable'));
  return new URL(meta.content, document.baseURI);
}

/** The text of a PDF: paragraphs reflowed from its lines; rejects plainly for scans. */
export async function pdfToText(bytes, name) {
  const folder = docsFolder();
  const pdfjs = await import(new URL('pdf.min.mjs', folder).href);
  pdfjs.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', folder).href;
  const task = pdfjs.getDocument({ data: bytes, isEvalSupported: false, useWorkerFetch: false, stopAtErrors: false });
  const pages = [];
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (err) {
      throw new Error(t('pdfUnreadable', { name, error: err?.message ?? String(err) }));
    }
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      pages.push(reflow((await page.getTextContent()).items));
      page.cleanup();
    }
  } finally {
    task.destroy();   // ends pdf.js's worker
  }
  const text = pages.filter(Boolean).join('\n\n');
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, pages.length)) throw new Error(t('pdfScanned', { name }));
  return text;
}

/**
 * A page's text items as paragraphs: items on one line joined, lines of a paragraph joined with a
 * space (a word hyphenated across lines rejoined), a paragraph break where the gap between lines
 * is clearly larger than the line height.
 */
export function reflow(items) {
  const lines = [];
  let line = null;
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const y = item.transform[5];
    const size = Math.abs(item.transform[3]) || item.height || 10;
    if (!line || Math.abs(y - line.y) > size / 2) {
      line = { y, size, text: '' };
      lines.push(line);
    }
    line.text += item.str;
    if (item.hasEOL) line = null;
  }
  let out = '';
  let previous = null;
  for (const l of lines) {
    const text = l.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (previous) {
      const gap = Math.abs(previous.y - l.y);
      if (gap > 1.7 * Math.max(previous.size, l.size)) out += '\n\n';
      else if (/\p{L}-$/u.test(out)) out = out.slice(0, -1);
      else out += ' ';
    }
    out += text;
    previous = l;
  }
  return out;
}

let mammothLoading = null;

/** mammoth's browser build is a classic script that defines window.mammoth. */
function loadMammoth() {
  mammothLoading ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('mammoth.browser.min.js', docsFolder()).href;
    script.onload = () => (globalThis.mammoth ? resolve(globalThis.mammoth) : reject(new Error('mammoth did not load')));
    script.onerror = () => reject(new Error(t('docsUnavailable')));
    document.head.append(script);
  });
  mammothLoading.catch(() => { mammothLoading = null; });
  return mammothLoading;
}

/** The text of a .docx file, one paragraph per block. */
export async function docxToText(bytes, name) {
  const mammoth = await loadMammoth();
  let result;
  try {
    result = await mammoth.extractRawText({ arrayBuffer: bytes.buffer });
  } catch (err) {
    throw new Error(t('docxUnreadable', { name, error: err?.message ?? String(err) }));
  }
  return result.value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
