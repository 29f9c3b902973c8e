// The Précis page: text in, key sentences out, as the user types. All summarizing runs in Web
// Workers (worker-client.js), so this thread only reads input and draws results. A word-statistics
// summarizer answers at once; the model's summarizer replaces it when it is ready (app/model.js).
import { createWorkerSummarizer } from './worker-client.js';
import { htmlToText } from './html-to-text.js';
import { readArticleFile } from './app/files.js';
import { copyToClipboard, summaryAsMarkdown, summaryAsText } from './app/copy.js';
import {
  clear, languageName, renderFullText, renderRemoved, renderScores, renderSummary, scrollToSentence,
  timeSaved,
} from './app/render.js';
import { cacheForOffline, registerServiceWorker } from './app/offline.js';
import { num, t, translatePage } from './app/i18n.js';
import { countWords, lengthOptions } from './app/length.js';
import { keepText, restoreText } from './app/storage.js';
import { planModel } from './app/model.js';
import { exampleText, loadExample, renderCredit } from './app/example.js';
import { forgetShare, sharedArticle } from './app/share.js';

// Wait this long after the last keystroke before summarizing: long enough to skip most
// intermediate states while typing, short enough to feel immediate after a paste. On big texts
// the wait grows with the last run's duration (see typingDelay), so typing never queues runs.
const DEBOUNCE_MS = 300;
const MAX_TYPING_DELAY_MS = 2000;
// Show "Summarizing…" only for runs that last long enough to be noticed.
const WORKING_AFTER_MS = 250;
// The kept copy of the text is written this long after the last change (and when the page is
// hidden): writing 100,000 words on every keystroke would make typing lag.
const KEEP_AFTER_MS = 1000;

const $ = (id) => document.getElementById(id);
const ui = {
  input: $('input'), file: $('file'), clear: $('clear'), dropZone: $('drop-zone'), keptNote: $('kept-note'),
  tryExample: $('try-example'), exampleCredit: $('example-credit'),
  controls: $('controls'), sentences: $('sentences'), sentencesValue: $('sentences-value'),
  words: $('words'), percent: $('percent'),
  lang: $('lang'), langDetected: $('lang-detected'),
  error: $('error'), notice: $('notice'), improved: $('improved'),
  summaryPane: document.querySelector('.summary-pane'), summaryHeading: $('summary-heading'),
  summaryBox: $('summary-box'), summaryStatus: $('summary-status'), summary: $('summary'),
  summaryEmpty: $('summary-empty'), working: $('working'), toSummary: $('to-summary'),
  fulltext: $('fulltext'), copyText: $('copy-text'), copyMarkdown: $('copy-markdown'),
  copyStatus: $('copy-status'),
  stats: $('stats'), statWords: $('stat-words'), statSummary: $('stat-summary'),
  statSaved: $('stat-saved'), statScorer: $('stat-scorer'),
  scoresDetails: $('scores-details'), scores: $('scores'),
  removedDetails: $('removed-details'), removed: $('removed'), removedCount: $('removed-count'),
  modelText: $('model-text'), modelProgress: $('model-progress'), downloadModel: $('download-model'),
  update: $('update'), updateButton: $('update-button'),
  offline: $('offline-status'), threads: $('threads'),
};

const state = {
  summarizer: null,     // resolves to the summarizer in use (word statistics, later the model's)
  model: null,          // planModel(): { want(why) }
  title: '',            // headline found in a dropped/pasted HTML page, passed to the scorer
  result: null,         // last result shown
  resultText: '',       // the text that result's offsets index
  run: null,            // AbortController of the summarize call in flight
  seq: 0,               // increases per request; stale answers are dropped
  timer: 0,
  keepTimer: 0,
  workingTimer: 0,
  lastRunMs: 0,
  lastKey: '',          // what the last summarizeNow() asked for (see there)
  summarizerGen: 0,     // which summarizer is in use (a new one redoes identical requests)         // how long the last summary took (sets the typing delay)
  shown: 0,             // results and errors shown so far (html[data-result-seq], for tests)
  improvedPending: false,
  exampleText: null,    // the example's text while it is in the box (its credit is shown)
};

const html = document.documentElement;

// ---------------------------------------------------------------------------------------------
// Summarizing

function currentLength(text) {
  const form = ui.controls.elements;
  return lengthOptions({
    mode: form.preset.value, sentences: ui.sentences.value, words: ui.words.value, percent: ui.percent.value,
  }, countWords(text));
}

// Twice the last summary's full cycle (worker run and drawing), and at least 1 ms per 300
// characters (about 2 s for 100,000 words), so that typing in a big text waits for a real pause
// instead of starting a run per keystroke.
function typingDelay() {
  return Math.min(MAX_TYPING_DELAY_MS, Math.max(DEBOUNCE_MS, 2 * state.lastRunMs, ui.input.value.length / 300));
}

function schedule(delay = typingDelay()) {
  clearTimeout(state.timer);
  state.timer = setTimeout(summarizeNow, delay);
}

/**
 * Summarizes the text now. Unless `force` (a paste, a drop, an undo: the user expects an answer),
 * a request identical to the last one (same text, options and summarizer) does nothing: a control
 * that merely lost focus must not redraw the text under a jump in progress.
 */
async function summarizeNow({ force = false } = {}) {
  clearTimeout(state.timer);
  const text = ui.input.value;
  const key = JSON.stringify([state.summarizerGen, text, state.title, currentLength(text), ui.lang.value, ui.scoresDetails.open]);
  if (!force && key === state.lastKey) return;
  state.lastKey = key;
  state.run?.abort();
  state.run = null;
  const seq = ++state.seq;
  if (!text.trim()) {
    setBusy(false);
    showResult(null, '');
    return;
  }
  setBusy(true, text);
  try {
    const summarizer = await state.summarizer;
    // A run the worker has started cannot be interrupted (only a model run stops between
    // batches): wait until it is done, and go on only if no newer request came meanwhile, so a
    // burst of changes costs one run, not one each.
    await summarizer.split('').catch(() => {});
    if (seq !== state.seq) return;
    const run = new AbortController();
    state.run = run;
    const options = {
      ...currentLength(text),
      lang: ui.lang.value,
      allSentences: ui.scoresDetails.open,
      signal: run.signal,
    };
    if (state.title) options.title = state.title;
    html.dataset.runs = String(Number(html.dataset.runs ?? 0) + 1);
    const started = performance.now();
    const result = await summarizer.summarize(text, options);
    if (seq !== state.seq) return;
    showError('');
    const before = state.result?.summary.map((s) => s.index).join(',');
    showResult(result, text);
    state.lastRunMs = performance.now() - started;
    if (state.improvedPending && result.scorer !== 'lexical') {
      state.improvedPending = false;
      showImproved(before !== result.summary.map((s) => s.index).join(','));
    }
  } catch (err) {
    if (seq !== state.seq || err?.name === 'AbortError') return;
    state.lastKey = '';   // the same request may be tried again
    showError(messageOf(err));
    html.dataset.resultSeq = String(++state.shown);
  } finally {
    if (seq === state.seq) setBusy(false);
  }
}

function setBusy(busy, text = '') {
  ui.summaryBox.setAttribute('aria-busy', String(busy));
  clearTimeout(state.workingTimer);
  if (busy) {
    html.dataset.busy = 'true';
    // Say what is happening when it takes a moment (big texts), instead of an unchanged page.
    state.workingTimer = setTimeout(() => {
      ui.working.textContent = t('working', { n: countWords(text) });
      ui.working.hidden = false;
      ui.summaryEmpty.hidden = true;
    }, WORKING_AFTER_MS);
  } else {
    delete html.dataset.busy;
    ui.working.hidden = true;
    ui.summaryEmpty.hidden = (state.result?.summary.length ?? 0) > 0;
  }
}

function messageOf(err) {
  const m = err && (err.message || String(err));
  return m || t('somethingWrong');
}

// ---------------------------------------------------------------------------------------------
// Showing results

function showResult(result, text) {
  state.result = result;
  state.resultText = text;
  const summary = result?.summary ?? [];
  renderSummary(ui.summary, summary, jumpTo);
  // One short announcement per update rather than reading out the whole list each time.
  ui.summaryStatus.textContent = result ? t('summaryUpdated', { n: summary.length }) : '';
  ui.summaryEmpty.hidden = summary.length > 0;
  ui.summaryEmpty.textContent = text.trim() ? t('noSentence') : t('summaryEmpty');
  renderFullText(ui.fulltext, text, summary, result?.removed ?? []);
  ui.copyText.disabled = ui.copyMarkdown.disabled = summary.length === 0;
  ui.copyStatus.textContent = '';
  document.body.classList.toggle('has-text', Boolean(text.trim()));
  if (!summary.length) ui.improved.hidden = true;

  if (!result) {
    ui.stats.hidden = true;
    ui.langDetected.textContent = '';
    renderRemoved(ui.removed, []);
    ui.removedCount.textContent = '';
    clear(ui.scores);
    ui.scores.textContent = t('scoresEmpty');
    html.dataset.summaryState = 'empty';
    html.dataset.resultSeq = String(++state.shown);
    updateToSummary();
    return;
  }
  const detected = result.lang_detected ?? {};
  // Screen readers pronounce the article's sentences in the article's language.
  const lang = result.lang && result.lang !== 'und' ? result.lang : '';
  for (const el of [ui.summary, ui.fulltext, ui.scores]) {
    if (lang) el.lang = lang;
    else el.removeAttribute('lang');
  }
  const name = languageName(ui.lang.value === 'auto' ? detected.code || result.lang : detected.code);
  ui.langDetected.textContent = ui.lang.value === 'auto' && detected.reliable === false
    ? t('detectedUnsure', { name }) : t('detected', { name });
  showStats(result.stats ?? {}, result.scorer);
  if (ui.controls.elements.preset.value !== 'sentences') followSlider(summary.length);
  renderRemoved(ui.removed, result.removed);
  ui.removedCount.textContent = result.removed?.length ? `(${num(result.removed.length)})` : '';
  if (ui.scoresDetails.open) renderScores(ui.scores, result.sentences, summary);
  showWarnings(result);
  html.dataset.summaryState = 'done';
  html.dataset.resultSeq = String(++state.shown);
  updateToSummary();
}

function showStats(stats, scorer) {
  const words = stats.words ?? 0;
  const summaryWords = stats.summary_words ?? 0;
  ui.statWords.textContent = t('wordsInSentences', {
    n: words, s: t('sentences', { n: stats.sentences ?? 0 }),
  });
  const share = words ? (100 * summaryWords) / words : 0;
  const shareText = share > 0 && share < 1 ? `<${num(1)} %` : num(share / 100, { style: 'percent' });
  ui.statSummary.textContent = t('summaryWords', { n: summaryWords, share: shareText });
  ui.statSaved.textContent = timeSaved(words, summaryWords);
  ui.statScorer.textContent = scorer === 'lexical' ? t('methodLexical') : t('methodModel');
  // The scorer's own name is for people who ask (hover) and for tests, not the headline.
  ui.statScorer.title = String(scorer ?? '');
  ui.statScorer.dataset.scorer = String(scorer ?? '');
  ui.stats.hidden = false;
}

/** With a preset, words or percent, the slider shows how many sentences that gave. */
function followSlider(count) {
  ui.sentences.max = String(Math.max(10, count));
  ui.sentences.value = String(count);
  ui.sentencesValue.textContent = num(count);
}

// Warnings from the core are worded for developers; say what matters to a reader, once.
function showWarnings(result) {
  const messages = [];
  for (const w of (result.warnings ?? []).filter(Boolean)) {
    if (/still loading; lexical scoring only/.test(w)) continue;   // the model status says it
    if (/longer than the model's \d+ tokens/.test(w)) continue;    // said below in plain words
    messages.push(w);
  }
  const truncated = result.stats?.truncated_sentences ?? 0;
  if (truncated > 0) messages.push(t('truncated', { n: truncated }));
  if (messages.length) showNotice(messages.join(' '));
  else if (ui.notice.dataset.kind === 'warning') showNotice('');
}

function showImproved(changed) {
  ui.improved.textContent = changed ? t('improved') : t('improvedSame');
  ui.improved.hidden = false;
  ui.summaryBox.classList.remove('improved-flash');
  void ui.summaryBox.offsetWidth;  // restart the animation
  ui.summaryBox.classList.add('improved-flash');
  html.dataset.improved = changed ? 'changed' : 'same';
}

function jumpTo(index) {
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  scrollToSentence(ui.fulltext, index, { smooth });
}

function showError(message) {
  ui.error.textContent = message;
  ui.error.hidden = !message;
}

function showNotice(message, kind = 'warning') {
  ui.notice.textContent = message;
  ui.notice.hidden = !message;
  ui.notice.dataset.kind = message ? kind : '';
}

// ---------------------------------------------------------------------------------------------
// Narrow screens: the summary comes below the text box, often below the fold. A button points to
// it while it is out of view.

const summaryVisibility = { visible: true };
if ('IntersectionObserver' in globalThis) {
  new IntersectionObserver(([entry]) => {
    summaryVisibility.visible = entry.isIntersecting;
    updateToSummary();
  }).observe(ui.summaryBox);
}

function updateToSummary() {
  const hasSummary = (state.result?.summary.length ?? 0) > 0;
  ui.toSummary.hidden = !(hasSummary && !summaryVisibility.visible && matchMedia('(max-width: 800px)').matches);
}

ui.toSummary.addEventListener('click', () => {
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  ui.summaryHeading.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
  ui.summaryHeading.focus({ preventScroll: true });
});

// ---------------------------------------------------------------------------------------------
// Input: typing, pasting, dropping, opening files

/**
 * Replaces the whole text as one step the browser's undo (Ctrl+Z) can take back: through the
 * editing commands, not by assigning .value (which empties the undo history).
 */
function replaceText(text, title = '') {
  ui.input.focus();
  ui.input.select();
  const done = text ? document.execCommand('insertText', false, text) : document.execCommand('delete');
  if (!done || ui.input.value !== text) ui.input.value = text;   // no editing commands here
  state.title = title;
  afterChange(true);
}

/** After any change of the text: keep it, summarize (at once, or after a pause in typing). */
function afterChange(atOnce) {
  if (!ui.input.value.trim()) state.title = '';
  ui.improved.hidden = true;   // "improved" speaks of the text it was said for
  ui.exampleCredit.hidden = ui.input.value !== state.exampleText;   // the credit goes with the example
  clearTimeout(state.keepTimer);
  if (!ui.input.value) keep();   // Clear forgets at once
  else state.keepTimer = setTimeout(keep, KEEP_AFTER_MS);
  state.model?.want('paste');   // any text, pasted or typed: the model is worth downloading now
  if (atOnce) {
    summarizeNow({ force: true });
  } else {
    schedule();
  }
}

function keep() {
  clearTimeout(state.keepTimer);
  const kept = keepText(ui.input.value, state.title);
  ui.keptNote.textContent = kept ? t('keptNote') : t('keptTooLarge');
  ui.keptNote.hidden = !ui.input.value;
}

async function loadFile(file) {
  try {
    const { text, title } = await readArticleFile(file);
    showError('');
    replaceText(text, title);
  } catch (err) {
    showError(messageOf(err));
  }
}

ui.input.addEventListener('input', (e) => {
  // A paste, drop or undo is one complete change: answer at once. Typing waits for a pause.
  const atOnce = ['insertFromPaste', 'insertFromDrop', 'historyUndo', 'historyRedo'].includes(e.inputType);
  afterChange(atOnce);
});

// A paste from a web page carries its HTML; reduce it to the article's text (never run it).
ui.input.addEventListener('paste', (e) => {
  const pasted = e.clipboardData?.getData('text/html');
  if (!pasted) return;  // plain text: the browser inserts it and 'input' fires
  const { text, title } = htmlToText(pasted);
  if (!text) return;
  e.preventDefault();
  const { selectionStart, selectionEnd, value } = ui.input;
  const replacesAll = selectionStart === 0 && selectionEnd === value.length;
  // insertText keeps the paste undoable (Ctrl+Z); assigning the text would empty the history.
  if (!document.execCommand('insertText', false, text)) ui.input.setRangeText(text, selectionStart, selectionEnd, 'end');
  if (replacesAll && title) state.title = title;
  afterChange(true);
});

for (const type of ['dragenter', 'dragover']) {
  ui.dropZone.addEventListener(type, (e) => {
    e.preventDefault();
    ui.dropZone.classList.add('dragging');
  });
}
for (const type of ['dragleave', 'dragend']) {
  ui.dropZone.addEventListener(type, () => ui.dropZone.classList.remove('dragging'));
}
ui.dropZone.addEventListener('drop', (e) => {
  e.preventDefault();
  ui.dropZone.classList.remove('dragging');
  const dt = e.dataTransfer;
  if (dt.files?.length) {
    loadFile(dt.files[0]);
  } else if (dt.getData('text/html')) {
    const { text, title } = htmlToText(dt.getData('text/html'));
    replaceText(text, title);
  } else if (dt.getData('text/plain')) {
    replaceText(dt.getData('text/plain'));
  }
});

ui.file.addEventListener('change', () => {
  if (ui.file.files.length) loadFile(ui.file.files[0]);
  ui.file.value = '';  // choosing the same file again still fires 'change'
});

ui.clear.addEventListener('click', () => {
  showError('');
  replaceText('');   // undoable: Ctrl+Z brings the text back
});

ui.tryExample.addEventListener('click', async () => {
  try {
    const example = await loadExample();
    showError('');
    state.exampleText = exampleText(example);
    renderCredit(ui.exampleCredit, example);
    replaceText(state.exampleText, example.title);
  } catch (err) {
    showError(messageOf(err));
  }
});

addEventListener('pagehide', () => {
  if (state.keepTimer) keep();
});

// ---------------------------------------------------------------------------------------------
// Controls

ui.controls.addEventListener('submit', (e) => e.preventDefault());
ui.controls.addEventListener('change', (e) => {
  // A number box also fires 'change' when it loses focus: that is no choice of mode.
  if ((e.target === ui.words || e.target === ui.percent) && ui.controls.elements.preset.value !== e.target.id) return;
  if (e.target === ui.sentences) ui.controls.elements.preset.value = 'sentences';
  if (ui.controls.elements.preset.value === 'sentences') {
    ui.sentences.max = '10';
    ui.sentencesValue.textContent = num(Number(ui.sentences.value));
  }
  summarizeNow();
});
ui.sentences.addEventListener('input', () => {
  ui.sentences.max = '10';
  ui.sentencesValue.textContent = num(Number(ui.sentences.value));
  ui.controls.elements.preset.value = 'sentences';
  schedule(100);
});
for (const [input, mode] of [[ui.words, 'words'], [ui.percent, 'percent']]) {
  input.addEventListener('input', () => {
    ui.controls.elements.preset.value = mode;
    schedule(DEBOUNCE_MS);
  });
}
ui.scoresDetails.addEventListener('toggle', () => {
  // Scores of all sentences are computed only when asked for.
  if (ui.scoresDetails.open && state.result && !state.result.sentences) summarizeNow();
  else if (ui.scoresDetails.open && state.result) renderScores(ui.scores, state.result.sentences, state.result.summary);
});

async function copy(format) {
  const summary = state.result?.summary ?? [];
  const text = format === 'markdown' ? summaryAsMarkdown(summary) : summaryAsText(summary);
  html.dataset.lastCopy = format;   // which button ran last (tests)
  const ok = await copyToClipboard(text);
  ui.copyStatus.textContent = ok ? t('copied') : t('copyFailed');
}
ui.copyText.addEventListener('click', () => copy('text'));
ui.copyMarkdown.addEventListener('click', () => copy('markdown'));

// ---------------------------------------------------------------------------------------------
// Model and offline status

function modelUrl() {
  // The built folder names the model folder with its content hash (scripts/build-web).
  const meta = document.querySelector('meta[name="precis-model"]');
  if (meta) return meta.content ? new URL(meta.content, document.baseURI).href : null;
  return 'default';
}

const mb = (bytes) => t('mb', { n: Number((bytes / 1048576).toFixed(1)) });

function showModelStatus(s) {
  // html[data-model-state]: waiting, save-data, loading, ready, failed, none (tests read it).
  html.dataset.modelState = s.state === 'starting' ? 'loading' : s.state;
  ui.modelProgress.hidden = !['loading', 'starting'].includes(s.state);
  ui.downloadModel.hidden = s.state !== 'save-data';
  if (s.state === 'waiting') {
    ui.modelText.textContent = t('modelWaiting', { size: mb(s.total) });
  } else if (s.state === 'save-data') {
    ui.modelText.textContent = t('modelSaveData', { size: mb(s.total) });
  } else if (s.state === 'loading' && s.total > 0) {
    const fraction = Math.min(1, s.loaded / s.total);
    ui.modelProgress.value = fraction;
    ui.modelText.textContent = t('modelDownloading', {
      percent: num(fraction, { style: 'percent' }), loaded: mb(s.loaded), total: mb(s.total),
    });
  } else if (s.state === 'loading' || s.state === 'starting') {
    ui.modelProgress.removeAttribute('value');  // indeterminate
    ui.modelText.textContent = s.state === 'starting' ? t('modelStarting') : t('modelDownloadingNoSize');
  } else if (s.state === 'ready') {
    ui.modelText.textContent = t('modelReady');
    ui.modelText.title = s.name ?? '';
  } else if (s.state === 'failed') {
    ui.modelText.textContent = t('modelFailed');
    showError(t('modelFailedError', { error: s.error || 'unknown error' }));
  } else {
    ui.modelText.textContent = t('modelNone');
  }
}

ui.downloadModel.addEventListener('click', () => state.model?.want('asked'));

async function start() {
  ui.threads.textContent = crossOriginIsolated ? t('multiThreaded') : '';
  // The built folder says where onnxruntime-web's files are (a bundler-free page cannot resolve
  // the package name the module would otherwise import).
  const ortMeta = document.querySelector('meta[name="precis-ort"]');
  const ortUrl = ortMeta ? new URL(ortMeta.content, document.baseURI).href : undefined;
  state.summarizer = createWorkerSummarizer({ model: null });
  try {
    await state.summarizer;
  } catch (err) {
    ui.modelText.textContent = t('cannotStart');
    showError(t('cannotStartError', { error: messageOf(err) }));
    return;
  }
  html.dataset.coreReady = 'true';
  // Registered once the core runs, so that the worker's install finds the page's files in the HTTP
  // cache instead of downloading them a second time alongside the page.
  const registration = registerServiceWorker({
    onUpdate(apply) {
      ui.update.hidden = false;
      ui.updateButton.onclick = apply;
    },
  });
  state.model = planModel({
    model: modelUrl(),
    ortUrl,
    registration,
    modelBytes: Number(document.querySelector('meta[name="precis-model"]')?.dataset.bytes) || 0,
    onStatus: showModelStatus,
  });
  if (ui.input.value.trim()) state.model.want('paste');   // a kept article counts as a paste
  const withModel = await state.model.summarizer;
  if (withModel) {
    const lexical = await state.summarizer;
    state.summarizer = Promise.resolve(withModel);
    state.summarizerGen++;
    // The model changes the scores: refresh what is on screen, and say so.
    state.improvedPending = Boolean(ui.input.value.trim());
    if (state.improvedPending) await summarizeNow();
    lexical.dispose().catch(() => {});
  }
  const cached = await cacheForOffline().catch(() => null);
  if (cached && cached.cached === cached.total) {
    ui.offline.textContent = t('offlineReady');
    html.dataset.offlineReady = 'true';
  }
}

// ---------------------------------------------------------------------------------------------

translatePage(document);
{
  // The article kept from an earlier visit (app/storage.js), unless the browser restored one.
  // Text shared from another app comes first, then the article kept from an earlier visit
  // (app/storage.js), unless the browser restored one.
  const shared = sharedArticle(location);
  const kept = restoreText();
  if (shared) {
    forgetShare();
    if (shared.linkOnly) showNotice(t('linkOnly'), 'share');
    else {
      ui.input.value = shared.text;
      state.title = shared.title;
    }
  } else if (!ui.input.value && kept.text) {
    ui.input.value = kept.text;
    state.title = kept.title;
  }
  if (ui.input.value) keep();
}
start();
if (ui.input.value.trim()) summarizeNow();
