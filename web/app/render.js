// DOM rendering of a summary result. Every piece of user text goes in through textContent (or
// createTextNode), never innerHTML, so pasted markup is shown, not run.
import { lang as pageLang, num, t } from './i18n.js';

/** Removes all children of el. */
export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
}

function element(tag, props = {}, text) {
  const el = document.createElement(tag);
  Object.assign(el, props);
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Id of the <mark> for sentence `index` in the full-text view. */
export function markId(index) {
  return `sentence-${index}`;
}

/**
 * The summary as an ordered list; each sentence is a button that jumps to it in the full text.
 * @param {HTMLOListElement} list
 * @param {Array<{index:number,text:string,score:number}>} summary
 * @param {(index:number) => void} onJump
 */
export function renderSummary(list, summary, onJump) {
  clear(list);
  for (const s of summary) {
    const li = element('li');
    const button = element('button', { type: 'button', className: 'sentence' }, s.text);
    button.dataset.testid = 'summary-sentence';
    button.dataset.index = String(s.index);
    button.title = t('showInText');
    button.addEventListener('click', () => onJump(s.index));
    li.append(button);
    list.append(li);
  }
}

// The full text is drawn in blocks of about this many characters, cut at line ends, each with
// `content-visibility: auto` (style.css): the browser then lays out only the blocks on screen,
// which keeps a 100,000-word paste from freezing the page while it is drawn.
const BLOCK_CHARS = 4000;

/**
 * The whole text, read-only, with each summary sentence in a <mark> and the text the cleaner
 * removed (ad markers, "Source link"...) in a <del>. Offsets are UTF-16 indices into `text`
 * (result.summary[].utf16, result.removed[].utf16), exactly what String.prototype.slice takes.
 */
export function renderFullText(container, text, summary, removed = []) {
  clear(container);
  if (!text) {
    container.append(element('p', { className: 'empty' }, t('fulltextEmpty')));
    return;
  }
  const valid = (b, e) => b >= 0 && e <= text.length && b < e;
  const spans = [
    ...summary.map((s) => ({ mark: true, index: s.index, b: s.utf16[0], e: s.utf16[1] })),
    ...removed.filter((r) => r.utf16).map((r) => ({ mark: false, reason: r.reason, b: r.utf16[0], e: r.utf16[1] })),
  ].filter((s) => valid(s.b, s.e)).sort((x, y) => x.b - y.b);
  const frag = document.createDocumentFragment();
  let block = element('div', { className: 'block' });
  let blockChars = 0;
  // Plain text between marks: may end the current block at a line end once it is long enough.
  const addText = (str) => {
    while (str) {
      const cut = blockChars + str.length > BLOCK_CHARS ? str.indexOf('\n', Math.max(0, BLOCK_CHARS - blockChars)) : -1;
      if (cut < 0) {
        block.append(str);
        blockChars += str.length;
        return;
      }
      block.append(str.slice(0, cut + 1));
      frag.append(block);
      block = element('div', { className: 'block' });
      blockChars = 0;
      str = str.slice(cut + 1);
    }
  };
  let at = 0;
  for (const s of spans) {
    if (s.b < at) continue;  // overlapping spans cannot happen with a valid result; skip defensively
    addText(text.slice(at, s.b));
    block.append(s.mark
      ? element('mark', { id: markId(s.index), tabIndex: -1 }, text.slice(s.b, s.e))
      : element('del', { className: 'junk', title: t('removedAs', { reason: s.reason }) }, text.slice(s.b, s.e)));
    blockChars += s.e - s.b;
    at = s.e;
  }
  addText(text.slice(at));
  frag.append(block);
  container.append(frag);
}

/**
 * Shows sentence `index` in the middle of the scrolling text box, with a brief highlight.
 *
 * Off-screen blocks of the text are not laid out (content-visibility: auto): their height is a
 * guess until they are drawn. A smooth scroll aimed at a mark far down therefore missed it by
 * thousands of pixels, as the guessed blocks it passed were drawn at their real height. So the
 * blocks up to the mark are laid out first (once; they then keep their size), and only the text
 * box scrolls: the window moves no more than needed to show the box, so the summary stays in view.
 */
export function scrollToSentence(container, index, { smooth = true } = {}) {
  const mark = document.getElementById(markId(index));
  if (!mark || !container.contains(mark)) return null;
  const block = mark.closest('.block');
  for (let b = container.firstElementChild; b; b = b.nextElementSibling) {
    b.classList.add('laid-out');
    if (b === block) break;
  }
  container.scrollIntoView({ block: 'nearest' });
  const box = container.getBoundingClientRect();
  const r = mark.getBoundingClientRect();
  const offset = r.top - box.top - container.clientTop + container.scrollTop;
  const room = container.clientHeight - r.height;
  const top = Math.max(0, room > 0 ? offset - room / 2 : offset - 8);
  container.scrollTo({ top, behavior: smooth ? 'smooth' : 'auto' });
  mark.focus({ preventScroll: true });
  mark.classList.remove('flash');
  void mark.offsetWidth;  // restart the highlight animation
  mark.classList.add('flash');
  return mark;
}

// Rows of the score table drawn per animation frame: thousands of sentences (a 100,000-word
// paste has about 6,000) drawn at once would block the page for a noticeable moment.
const ROWS_PER_FRAME = 400;
let scoresGeneration = 0;

/**
 * Every sentence in text order with how strongly it was picked, as a bar relative to the
 * article's weakest and strongest sentence (raw scores mean nothing to a reader: their range
 * depends on the scorer and the article). Rows of summary sentences are marked.
 */
export function renderScores(container, sentences, summary) {
  const generation = ++scoresGeneration;   // a newer call stops an unfinished older one
  clear(container);
  if (!sentences || !sentences.length) {
    container.append(element('p', { className: 'muted' }, t('noSentences')));
    return;
  }
  const chosen = new Set(summary.map((s) => s.index));
  const scores = sentences.map((s) => (Number.isFinite(s.score) ? s.score : -Infinity));
  const finite = scores.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  const ranks = new Map([...scores.keys()].sort((a, b) => scores[b] - scores[a]).map((i, r) => [i, r + 1]));
  container.append(element('p', { className: 'muted' }, t('scoresHelp')));
  const table = element('table', { className: 'scores' });
  const head = element('tr');
  head.append(element('th', { scope: 'col' }, '#'), element('th', { scope: 'col' }, t('colStrength')),
    element('th', { scope: 'col' }, t('colSentence')));
  const thead = element('thead');
  thead.append(head);
  const body = element('tbody');
  table.append(thead, body);
  container.append(table);
  let next = 0;
  const drawSome = () => {
    if (generation !== scoresGeneration) return;
    const rows = document.createDocumentFragment();
    for (const end = Math.min(sentences.length, next + ROWS_PER_FRAME); next < end; next++) {
      const s = sentences[next];
      const tr = element('tr', { className: chosen.has(s.index) ? 'chosen' : '' });
      const strength = Number.isFinite(scores[next]) ? (hi > lo ? (scores[next] - lo) / (hi - lo) : 1) : 0;
      const bar = element('meter', { min: 0, max: 1, value: strength, className: 'strength' });
      bar.title = t('rank', { n: ranks.get(next), total: sentences.length });
      bar.setAttribute('aria-label', bar.title);
      const cell = element('td', { className: 'num' });
      cell.append(bar);
      tr.append(element('td', {}, num(s.index + 1)), cell, element('td', {}, s.text));
      rows.append(tr);
    }
    body.append(rows);
    if (next < sentences.length) requestAnimationFrame(drawSome);
  };
  drawSome();
}

/** List of text the cleaner removed (ad markers, "Source link"...), with the reason. */
export function renderRemoved(container, removed) {
  clear(container);
  if (!removed || !removed.length) {
    container.append(element('p', { className: 'muted' }, t('nothingRemoved')));
    return;
  }
  const ul = element('ul', { className: 'removed' });
  for (const r of removed) {
    const li = element('li');
    li.append(element('code', {}, r.text), ' ', element('span', { className: 'muted' }, `(${r.reason})`));
    ul.append(li);
  }
  container.append(ul);
}

// Average silent reading speed for non-fiction: 238 words per minute (Brysbaert 2019,
// "How many words do we read per minute?", meta-analysis of 190 studies).
export const WORDS_PER_MINUTE = 238;

/** "40 s" / "3 min" / "7 h 22 min" for a number of words at WORDS_PER_MINUTE. */
export function readingTime(words) {
  const seconds = Math.round((words / WORDS_PER_MINUTE) * 60);
  if (seconds < 60) return t('readS', { n: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return t('readMin', { n: minutes });
  return t('readH', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** What reading only the summary saves, in words a reader understands. */
export function timeSaved(words, summaryWords) {
  const saved = Math.max(0, words - summaryWords);
  if (saved === 0) return t('savedNone');
  if (saved < WORDS_PER_MINUTE) return t('savedUnderMinute');
  return t('savedAbout', { time: readingTime(saved) });
}

const languageNames = typeof Intl !== 'undefined' && Intl.DisplayNames
  ? new Intl.DisplayNames([pageLang], { type: 'language' }) : null;

/** "French" for "fr" (in the page's language); the code itself when unknown. */
export function languageName(code) {
  if (!code || code === 'und') return t('unknownLanguage');
  try {
    return languageNames ? languageNames.of(code) : code;
  } catch {
    return code;
  }
}
