// Reading a dropped or opened file, or pasted/dropped HTML, into plain article text.
import { htmlToText, markdownToText } from '../html-to-text.js';

// Same limit as the core's default max_input_bytes (wasm/src/options.h): larger input is refused.
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;

/**
 * @param {File} file
 * @returns {Promise<{text: string, title: string}>} rejects with a message fit for the page
 */
export async function readArticleFile(file) {
  const name = (file.name || '').toLowerCase();
  const kind = /\.html?$/.test(name) || file.type === 'text/html' ? 'html'
    : /\.(md|markdown)$/.test(name) || file.type === 'text/markdown' ? 'markdown'
      : /\.txt$/.test(name) || file.type === 'text/plain' || (!file.type && !/\.\w+$/.test(name)) ? 'text'
        : null;
  if (!kind) throw new Error(`“${file.name}” is not a .txt, .md or .html file.`);
  if (file.size > MAX_INPUT_BYTES) {
    throw new Error(`“${file.name}” is too large (${(file.size / 1048576).toFixed(1)} MB; the limit is 16 MB).`);
  }
  const raw = await file.text();
  if (kind === 'html') return htmlToText(raw);
  if (kind === 'markdown') return { text: markdownToText(raw), title: '' };
  return { text: raw, title: '' };
}
