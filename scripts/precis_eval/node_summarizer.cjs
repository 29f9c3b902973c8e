// Runs node-summarizer (npm, frequency method) on JSONL from stdin.
// In:  {"id", "text", "k"} per line.  Out: {"id", "sentences": [...]} or {"id", "error"}.
// Sentences come from node-summarizer's own split (natural's SentenceTokenizer), the k it
// ranks highest by getSummaryByFrequency(), put back in document order so that ROUGE-L
// treats it like every other system. (getSummaryByRank() needs WordNet data for wordpos,
// English only, and is not used.)
'use strict';
const readline = require('readline');
const { Summarizer } = require('node-summarizer/src/Summarizer');
const { Preprocesser } = require('node-summarizer/src/Preprocesser');

// listToString() is where the library maps its ranked, cleaned sentences back to the
// originals; record that list instead of the concatenated string it returns.
const listToString = Summarizer.prototype.listToString;
Summarizer.prototype.listToString = function (sorted, clean) {
  const count = Math.min(this.number_of_sentences, sorted.length);
  this.picked = sorted.slice(0, count).map((s) => clean[1].get(s[1]));
  return listToString.call(this, sorted, clean);
};

function summarize(text, k) {
  const original = new Preprocesser().paragraphToSentences(text);
  if (!Array.isArray(original)) throw new Error('sentence tokenizer failed');
  const summarizer = new Summarizer(text, k);
  summarizer.summarizeByFrequency();
  const used = new Set();
  const positions = summarizer.picked.map((s) => {
    let at = original.indexOf(s);
    while (at >= 0 && used.has(at)) at = original.indexOf(s, at + 1);
    used.add(at);
    return [at, s];
  });
  positions.sort((a, b) => a[0] - b[0]);
  return positions.map((p) => p[1]);
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (!line.trim()) return;
  const rec = JSON.parse(line);
  let out;
  try {
    out = { id: rec.id, sentences: summarize(rec.text, rec.k) };
  } catch (err) {
    out = { id: rec.id, error: String(err && err.message ? err.message : err) };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
});
