// Reading a dropped or opened file, or pasted/dropped HTML, into plain article text.
import { htmlToText, markdownToText } from '../html-to-text.js';
import { num, t } from './i18n.js';

// Same limit as the core's default max_input_bytes (wasm/src/options.h): larger input is refused.
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * @param {File} file
 * @returns {Promise<{text: string, title: string}>} rejects with a message fit for the page
 */
export async function readArticleFile(file) {
  const name = (file.name || '').toLowerCase();
  const kind = /\.pdf$/.test(name) || file.type === 'application/pdf' ? 'pdf'
    : /\.docx$/.test(name) || file.type === DOCX ? 'docx'
    : /\.html?$/.test(name) || file.type === 'text/html' ? 'html'
    : /\.(md|markdown)$/.test(name) || file.type === 'text/markdown' ? 'markdown'
      : /\.txt$/.test(name) || file.type === 'text/plain' || (!file.type && !/\.\w+$/.test(name)) ? 'text'
        : null;
  if (!kind) throw new Error(t('fileKind', { name: file.name }));
  if (file.size > MAX_INPUT_BYTES) {
    throw new Error(t('fileTooLarge', { name: file.name, size: num(Number((file.size / 1048576).toFixed(1))) }));
  }
  if (kind === 'pdf' || kind === 'docx') {
    // Loaded only now: most visitors never open such a file.
    const { docxToText, pdfToText } = await import('./documents.js');
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { text: kind === 'pdf' ? await pdfToText(bytes, file.name) : await docxToText(bytes, file.name), title: '' };
  }
  const raw = await file.text();
  if (kind === 'html') return htmlToText(raw);
  if (kind === 'markdown') return { text: markdownToText(raw), title: '' };
  return { text: raw, title: '' };
}
