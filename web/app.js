// The Précis page: text in, key sentences out, as the user types. All summarizing runs in a Web
// Worker (worker-client.js), so this thread only reads input and draws results.
import { createWorkerSummarizer as createSummarizer } from './worker-client.js';
import { htmlToText } from './html-to-text.js';
import { readArticleFile } from './app/files.js';
import { copyToClipboard, summaryAsMarkdown, summaryAsText } from './app/copy.js';
import {
  clear, languageName, markId, readingTime, renderFullText, renderRemoved, renderScores,
  renderSummary,
} from './app/render.js';
import { cacheForOffline, registerServiceWorker } from './app/offline.js';

// Wait this long after the last keystroke before summarizing: long enough to skip most
// intermediate states while typing, short enough to feel immediate after a paste.
const DEBOUNCE_MS = 300;
// Presets as a share of the article's sentences (chosen to read as roughly a headline paragraph,
// a short digest and a long digest; not tuned on data).
const PRESET_RATIO = { short: 0.1, medium: 0.2, long: 0.33 };

const $ = (id) => document.getElementById(id);
const ui = {
  input: $('input'), file: $('file'), clear: $('clear'), dropZone: $('drop-zone'),
  controls: $('controls'), sentences: $('sentences'), sentencesValue: $('sentences-value'),
  lang: $('lang'), langDetected: $('lang-detected'),
  error: $('error'), notice: $('notice'),
  summaryBox: $('summary-box'), summaryStatus: $('summary-status'), summary: $('summary'),
  summaryEmpty: $('summary-empty'),
  fulltext: $('fulltext'), copyText: $('copy-text'), copyMarkdown: $('copy-markdown'),
  copyStatus: $('copy-status'),
  stats: $('stats'), statWords: $('stat-words'), statSummary: $('stat-summary'),
  statSaved: $('stat-saved'), statScorer: $('stat-scorer'),
  scoresDetails: $('scores-details'), scores: $('scores'),
  removedDetails: $('removed-details'), removed: $('removed'), removedCount: $('removed-count'),
  modelText: $('model-text'), modelProgress: $('model-progress'),
  update: $('update'), updateButton: $('update-button'),
  offline: $('offline-status'), threads: $('threads'),
};

const state = {
  summarizer: null,     // resolves once the core is up (the model may still be loading)
  title: '',            // headline found in a dropped/pasted HTML page, passed to the scorer
  result: null,         // last result shown
  resultText: '',       // the text that result's offsets index
  run: null,            // AbortController of the summarize call in flight
  seq: 0,               // increases per request; stale answers are dropped
  timer: 0,
  shown: 0,             // results and errors shown so far (html[data-result-seq], for tests)
};

// ---------------------------------------------------------------------------------------------
// Summarizing

function lengthOptions() {
  const mode = ui.controls.elements.preset.value;
  if (mode in PRESET_RATIO) return { ratio: PRESET_RATIO[mode] };
  return { sentences: Number(ui.sentences.value) };
}

function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(state.timer);
  state.timer = setTimeout(summarizeNow, delay);
}

async function summarizeNow() {
  clearTimeout(state.timer);
  const text = ui.input.value;
  state.run?.abort();
  const seq = ++state.seq;
  if (!text.trim()) {
    state.run = null;
    setBusy(false);
    showResult(null, '');
    return;
  }
  const run = new AbortController();
  state.run = run;
  setBusy(true);
  try {
    const summarizer = await state.summarizer;
    const options = {
      ...lengthOptions(),
      lang: ui.lang.value,
      allSentences: ui.scoresDetails.open,
      signal: run.signal,
    };
    if (state.title) options.title = state.title;
    const result = await summarizer.summarize(text, options);
    if (seq !== state.seq) return;
    showError('');
    showResult(result, text);
  } catch (err) {
    if (seq !== state.seq || err?.name === 'AbortError') return;
    showError(messageOf(err));
    document.documentElement.dataset.resultSeq = String(++state.shown);
  } finally {
    if (seq === state.seq) setBusy(false);
  }
}

function setBusy(busy) {
  ui.summaryBox.setAttribute('aria-busy', String(busy));
  if (busy) document.documentElement.dataset.busy = 'true';
  else delete document.documentElement.dataset.busy;
}

function messageOf(err) {
  const m = err && (err.message || String(err));
  return m || 'Something went wrong while summarizing.';
}

// ---------------------------------------------------------------------------------------------
// Showing results

function showResult(result, text) {
  state.result = result;
  state.resultText = text;
  const summary = result?.summary ?? [];
  renderSummary(ui.summary, summary, jumpTo);
  // One short announcement per update rather than reading out the whole list each time.
  ui.summaryStatus.textContent = result
    ? `Summary updated: ${summary.length} sentence${summary.length === 1 ? '' : 's'}.` : '';
  ui.summaryEmpty.hidden = summary.length > 0;
  ui.summaryEmpty.textContent = text.trim()
    ? 'No sentence to pick: the text has no complete sentence yet.'
    : 'Paste an article to see its key sentences.';
  renderFullText(ui.fulltext, text, summary, result?.removed ?? []);
  ui.copyText.disabled = ui.copyMarkdown.disabled = summary.length === 0;
  ui.copyStatus.textContent = '';

  if (!result) {
    ui.stats.hidden = true;
    ui.langDetected.textContent = '';
    renderRemoved(ui.removed, []);
    ui.removedCount.textContent = '';
    clear(ui.scores);
    ui.scores.textContent = 'Paste an article first.';
    document.documentElement.dataset.summaryState = 'empty';
    document.documentElement.dataset.resultSeq = String(++state.shown);
    return;
  }
  const detected = result.lang_detected ?? {};
  // Screen readers pronounce the article's sentences in the article's language.
  const lang = result.lang && result.lang !== 'und' ? result.lang : '';
  for (const el of [ui.summary, ui.fulltext, ui.scores]) {
    if (lang) el.lang = lang;
    else el.removeAttribute('lang');
  }
  ui.langDetected.textContent = ui.lang.value === 'auto'
    ? `Detected: ${languageName(detected.code || result.lang)}${detected.reliable === false ? ' (unsure)' : ''}`
    : `Detected: ${languageName(detected.code)}`;
  const stats = result.stats ?? {};
  const words = stats.words ?? 0;
  const summaryWords = stats.summary_words ?? 0;
  ui.statWords.textContent = `${words.toLocaleString('en')} in ${stats.sentences ?? 0} sentences`;
  const share = words ? (100 * summaryWords) / words : 0;
  ui.statSummary.textContent = `${summaryWords.toLocaleString('en')} words (${share > 0 && share < 1 ? '<1' : Math.round(share)}%)`;
  ui.statSaved.textContent = `about ${readingTime(Math.max(0, words - summaryWords))}`;
  ui.statScorer.textContent = result.scorer === 'lexical' ? 'lexical (word statistics)' : String(result.scorer);
  ui.stats.hidden = false;
  renderRemoved(ui.removed, result.removed);
  ui.removedCount.textContent = result.removed?.length ? `(${result.removed.length})` : '';
  if (ui.scoresDetails.open) renderScores(ui.scores, result.sentences, summary);
  const warnings = (result.warnings ?? []).filter(Boolean);
  if (warnings.length) showNotice(warnings.join(' '));
  else if (ui.notice.dataset.kind === 'warning') showNotice('');
  document.documentElement.dataset.summaryState = 'done';
  document.documentElement.dataset.resultSeq = String(++state.shown);
}

function jumpTo(index) {
  const mark = document.getElementById(markId(index));
  if (!mark) return;
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  mark.focus({ preventScroll: true });
  mark.classList.remove('flash');
  void mark.offsetWidth;  // restart the highlight animation
  mark.classList.add('flash');
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
// Input: typing, pasting, dropping, opening files

function setText(text, title = '') {
  ui.input.value = text;
  state.title = title;
  summarizeNow();
}

async function loadFile(file) {
  try {
    const { text, title } = await readArticleFile(file);
    showError('');
    setText(text, title);
  } catch (err) {
    showError(messageOf(err));
  }
}

ui.input.addEventListener('input', (e) => {
  if (!ui.input.value.trim()) state.title = '';
  // A paste or drop is one complete change: answer at once. Typing waits for a pause.
  if (e.inputType === 'insertFromPaste' || e.inputType === 'insertFromDrop') summarizeNow();
  else schedule();
});

// A paste from a web page carries its HTML; reduce it to the article's text (never run it).
ui.input.addEventListener('paste', (e) => {
  const html = e.clipboardData?.getData('text/html');
  if (!html) return;  // plain text: the browser inserts it and 'input' fires
  const { text, title } = htmlToText(html);
  if (!text) return;
  e.preventDefault();
  const { selectionStart, selectionEnd, value } = ui.input;
  const replacesAll = selectionStart === 0 && selectionEnd === value.length;
  ui.input.setRangeText(text, selectionStart, selectionEnd, 'end');
  if (replacesAll && title) state.title = title;
  summarizeNow();
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
    setText(text, title);
  } else if (dt.getData('text/plain')) {
    setText(dt.getData('text/plain'));
  }
});

ui.file.addEventListener('change', () => {
  if (ui.file.files.length) loadFile(ui.file.files[0]);
  ui.file.value = '';  // choosing the same file again still fires 'change'
});

ui.clear.addEventListener('click', () => {
  setText('');
  showError('');
  ui.input.focus();
});

// ---------------------------------------------------------------------------------------------
// Controls

ui.controls.addEventListener('submit', (e) => e.preventDefault());
ui.controls.addEventListener('change', (e) => {
  if (e.target === ui.sentences) ui.controls.elements.preset.value = 'sentences';
  summarizeNow();
});
ui.sentences.addEventListener('input', () => {
  ui.sentencesValue.textContent = ui.sentences.value;
  ui.controls.elements.preset.value = 'sentences';
  schedule(100);
});
ui.scoresDetails.addEventListener('toggle', () => {
  // Scores of all sentences are computed only when asked for.
  if (ui.scoresDetails.open && state.result && !state.result.sentences) summarizeNow();
  else if (ui.scoresDetails.open && state.result) renderScores(ui.scores, state.result.sentences, state.result.summary);
});

async function copy(format) {
  const summary = state.result?.summary ?? [];
  const text = format === 'markdown' ? summaryAsMarkdown(summary) : summaryAsText(summary);
  document.documentElement.dataset.lastCopy = format;   // which button ran last (tests)
  const ok = await copyToClipboard(text);
  ui.copyStatus.textContent = ok ? 'Copied.' : 'Copy failed: select the summary and copy it by hand.';
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

// Progress events come per phase ('core', then per model file: 'manifest', 'tokenizer',
// 'encoder', 'scorer'..., each with its url, then 'session'). The built page knows the model
// folder's size (meta data-bytes), so the bar shows one percentage for the whole download.
const modelBytes = Number(document.querySelector('meta[name="precis-model"]')?.dataset.bytes) || 0;
const loadedByUrl = new Map();

function showProgress(p) {
  if (!p || p.phase === 'core') return;
  const modelState = document.documentElement.dataset.modelState;
  if (modelState && modelState !== 'loading') return;
  ui.modelProgress.hidden = false;
  if (p.url) loadedByUrl.set(p.url, p.loaded ?? 0);
  const loaded = modelBytes ? [...loadedByUrl.values()].reduce((a, b) => a + b, 0) : p.loaded ?? 0;
  const total = modelBytes || p.total || 0;
  if (p.phase !== 'session' && total > 0) {
    ui.modelProgress.value = Math.min(1, loaded / total);
    const size = total > 1048576 ? ` (${(loaded / 1048576).toFixed(1)} of ${(total / 1048576).toFixed(1)} MB)` : '';
    ui.modelText.textContent = `Downloading the model… ${Math.min(100, Math.round((100 * loaded) / total))}%${size}. Word statistics until then.`;
  } else {
    ui.modelProgress.removeAttribute('value');  // indeterminate
    ui.modelText.textContent = p.phase === 'session'
      ? 'Starting the model… Word statistics until then.'
      : 'Downloading the model… Word statistics until then.';
  }
}

function showModelState(summarizer) {
  const model = summarizer?.model ?? { state: 'none' };
  ui.modelProgress.hidden = model.state !== 'loading';
  document.documentElement.dataset.modelState = model.state;
  if (model.state === 'ready') {
    ui.modelText.textContent = `Model ready: ${model.name || 'sentence embeddings'}.`;
  } else if (model.state === 'failed') {
    ui.modelText.textContent = 'The model could not be loaded; summaries use word statistics only.';
    showError(`Model failed: ${model.error || 'unknown error'}`);
  } else if (model.state === 'none') {
    ui.modelText.textContent = 'Summaries use word statistics (no model).';
  }
}

async function start() {
  ui.threads.textContent = crossOriginIsolated ? 'Multi-threaded.' : '';
  const options = { model: modelUrl(), onProgress: showProgress };
  // The built folder says where onnxruntime-web's files are (a bundler-free page cannot resolve
  // the package name the module would otherwise import).
  const ort = document.querySelector('meta[name="precis-ort"]');
  if (ort) options.ortUrl = new URL(ort.content, document.baseURI).href;
  state.summarizer = createSummarizer(options);
  let summarizer;
  try {
    summarizer = await state.summarizer;
  } catch (err) {
    ui.modelText.textContent = 'Précis could not start.';
    showError(`Précis could not start: ${messageOf(err)}`);
    return;
  }
  document.documentElement.dataset.coreReady = 'true';
  // Registered once the core runs, so that the worker's install finds the page's files in the HTTP
  // cache instead of downloading them a second time alongside the page.
  registerServiceWorker({
    onUpdate(apply) {
      ui.update.hidden = false;
      ui.updateButton.onclick = apply;
    },
  });
  if (summarizer.model?.state === 'loading') showProgress({ phase: 'manifest' });
  showModelState(summarizer);
  try {
    await summarizer.ready;
  } catch {
    // the failure is reported by summarizer.model below
  }
  showModelState(summarizer);
  // The model changes the scores: refresh what is on screen.
  if (summarizer.model?.state === 'ready' && ui.input.value.trim()) summarizeNow();
  const cached = await cacheForOffline().catch(() => null);
  if (cached && cached.cached === cached.total) {
    ui.offline.textContent = 'Ready to work offline.';
    document.documentElement.dataset.offlineReady = 'true';
  }
}

start();
if (ui.input.value.trim()) summarizeNow();  // text restored by the browser (back/forward)
