// How long the summary should be: a number of sentences, of words, a share of the text, or a
// preset. Presets are word budgets that grow with the article but stay within bounds, so that
// Short is shorter than the default 3 sentences on a typical news article and Long on a book-length
// paste stays a readable digest instead of hundreds of sentences.

// share: of the article's words; min/max: words. Chosen so that on news articles (400-1,500 words,
// about 25 words per sentence) Short gives 1-3 sentences, Medium 3-6, Long 5-12; not tuned on data.
export const PRESETS = {
  short: { share: 0.1, min: 25, max: 80 },
  medium: { share: 0.2, min: 60, max: 200 },
  long: { share: 0.33, min: 120, max: 450 },
};

/** Words in `text` as a reader counts them (runs of non-space). */
export function countWords(text) {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

/**
 * summarize() length options for the form's state.
 * @param {{mode: string, sentences: number, words: number, percent: number}} form
 * @param {number} articleWords
 */
export function lengthOptions({ mode, sentences, words, percent }, articleWords) {
  if (mode in PRESETS) {
    const p = PRESETS[mode];
    return { words: Math.round(Math.min(p.max, Math.max(p.min, p.share * articleWords))) };
  }
  if (mode === 'words') return { words: clampInt(words, 1, 100000, 100) };
  if (mode === 'percent') return { ratio: clampInt(percent, 1, 100, 20) / 100 };
  return { sentences: clampInt(sentences, 1, 1000, 3) };
}

function clampInt(value, lo, hi, fallback) {
  const n = Math.round(Number(value));
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : fallback;
}
