// Reduces pasted or dropped HTML to the article's text, in the browser, without ever running it.
//
//   import { htmlToText } from './html-to-text.js';
//   const { text, title } = htmlToText('<article><h1>T</h1><p>One.</p><p>Two.</p></article>');
//   // text === 'T\n\nOne.\n\nTwo.', title === 'T'
//
// Safety: DOMParser builds a detached document with no browsing context, so its scripts never run,
// its event handlers never fire and its images, frames and styles are never fetched. We only read
// text nodes out of it; nothing from it is ever inserted into the page. Chromium still checks
// inline styles and on...= handlers against the page's CSP while parsing (even in an inert
// document) and logs a refusal in the console for each; since they are never article text,
// withoutInlineCode() removes them from the markup first, so a paste logs no error.

// Elements whose content is never article text.
const DROP_TAGS = [
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'math',
  'nav', 'aside', 'footer', 'form', 'button', 'select', 'input', 'textarea', 'label', 'dialog',
  'figcaption', 'video', 'audio', 'picture', 'img', 'map', 'head',
];
const DROP_ROLES = ['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alert'];
// class/id words that mark ads, share bars and other page furniture (matched as whole words).
const JUNK_NAME = /(^|[\s_-])(ad|ads|advert|advertisement|adslot|sponsor|sponsored|promo|share|sharing|social|newsletter|subscribe|cookie|cookies|consent|related|recommended|comments?|breadcrumbs?|paywall|outbrain|taboola)($|[\s_-])/i;

// Elements that start a new line or paragraph in the text.
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGURE', 'H1', 'H2', 'H3', 'H4', 'H5',
  'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH',
  'THEAD', 'TR', 'UL', 'BODY',
]);

/**
 * @param {string} html
 * @returns {{text: string, title: string}} text: blocks separated by blank lines; title: the
 *   first <h1> inside the article, else the document <title>, else ''.
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(withoutInlineCode(String(html)), 'text/html');
  const docTitle = clean(doc.title || '');
  removeJunk(doc);
  // Prefer the article itself when the page marks it; otherwise the whole body.
  const root = doc.querySelector('article') || doc.querySelector('main, [role="main"]') || doc.body;
  if (!root) return { text: '', title: docTitle };
  const h1 = root.querySelector('h1');
  const title = h1 ? clean(h1.textContent) : docTitle;
  const parts = [];
  collect(root, parts);
  const text = parts.join('')
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, title };
}

// Comments, <script> and <style> elements with their content, and start tags (attributes kept
// whole, quoted values may hold '>').
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<([a-zA-Z][^\s/>]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?)>/gi;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const INLINE_CODE_ATTRIBUTE = /^(style|on[a-z]+)$/i;

/** `html` without comments, <script>, <style>, style="..." and on...="..." (text untouched). */
export function withoutInlineCode(html) {
  return html.replace(MARKUP, (match, rawText, tag, attributes, end) => {
    if (!tag) return '';   // a comment, script or style element
    if (!attributes) return match;
    const kept = attributes.replace(ATTRIBUTE, (attr, name) => (INLINE_CODE_ATTRIBUTE.test(name) ? '' : attr));
    return `<${tag}${kept}${end}>`;
  });
}

function removeJunk(doc) {
  for (const el of doc.querySelectorAll(DROP_TAGS.join(','))) el.remove();
  const roles = DROP_ROLES.map((r) => `[role="${r}"]`).join(',');
  for (const el of doc.querySelectorAll(`${roles},[hidden],[aria-hidden="true"]`)) el.remove();
  // A page-level <header> holds the site's masthead; an article's own <header> holds its headline.
  for (const el of doc.querySelectorAll('header')) if (!el.closest('article')) el.remove();
  for (const el of doc.querySelectorAll('[class],[id]')) {
    if (el.isConnected && el !== doc.body && el.tagName !== 'ARTICLE' && el.tagName !== 'MAIN' &&
        (JUNK_NAME.test(el.getAttribute('class') || '') || JUNK_NAME.test(el.id))) {
      el.remove();
    }
  }
}

function collect(node, out) {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {           // Node.TEXT_NODE
      out.push(child.data.replace(/\s+/g, ' '));
    } else if (child.nodeType === 1) {    // Node.ELEMENT_NODE
      const tag = child.tagName;
      if (tag === 'BR') { out.push('\n'); continue; }
      const block = BLOCK_TAGS.has(tag);
      if (block) out.push('\n\n');
      collect(child, out);
      if (block) out.push('\n\n');
    }
  }
}

function clean(s) {
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Light Markdown to text: drops markup that is not prose (images, link targets, emphasis marks,
 * heading and list markers, code fences, HTML comments) and keeps the paragraphs.
 * @param {string} md
 * @returns {string}
 */
export function markdownToText(md) {
  return String(md)
    .replace(/\r\n?/g, '\n')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^```[^\n]*\n[\s\S]*?^```[ \t]*$/gm, '')       // fenced code blocks
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')                    // images
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')                 // links keep their words
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$/gm, '$1')  // ATX headings
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')                      // blockquotes
    .replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '')          // list markers
    .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')             // horizontal rules
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')           // bold
    .replace(/(^|[^\w*])[*_](?=\S)([^\n*_]*?\S)[*_](?=[^\w*]|$)/g, '$1$2')  // italics
    .replace(/`([^`\n]+)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
