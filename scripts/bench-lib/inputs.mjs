// Benchmark inputs: dev articles concatenated, in file order, until a target word count is reached,
// one file per language and size under build/bench/inputs/ (<lang>-<size>.txt).
// Whole articles only: an article that would take the total more than 5% past the target is
// skipped, so every input lands within 5% of its size (0-5% over); the real word count is returned. English from bbc-dev, French from orangesum-dev: both dev splits, so the
// held-out test articles stay unseen.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const CORPORA = {
  en: 'bbc-dev.jsonl.gz',
  fr: 'orangesum-dev.jsonl.gz',
};

const countWords = (text) => text.split(/\s+/).filter(Boolean).length;

function articles(dataDir, file) {
  return gunzipSync(readFileSync(join(dataDir, file))).toString('utf8')
    .split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line).text);
}

/**
 * Writes one input per (language, size) and returns [{lang, size, words, bytes, path}].
 * @param {string} dataDir folder with the corpora (/work/shared/data)
 * @param {string} outDir where to write the inputs
 * @param {number[]} sizes target word counts
 */
export function buildInputs(dataDir, outDir, sizes) {
  mkdirSync(outDir, { recursive: true });
  const inputs = [];
  for (const [lang, file] of Object.entries(CORPORA)) {
    const docs = articles(dataDir, file);
    for (const size of sizes) {
      const parts = [];
      let words = 0;
      for (const doc of docs) {
        if (words >= size) break;
        const n = countWords(doc);
        if (words + n > size * 1.05) continue;
        parts.push(doc.trim());
        words += n;
      }
      if (words < size * 0.95) throw new Error(`${file} has too few articles for ${size} words`);
      // Articles as paragraphs; OrangeSum texts are one line each, BBC ones keep their blank lines.
      const text = `${parts.join('\n\n')}\n`;
      const path = join(outDir, `${lang}-${label(size)}.txt`);
      writeFileSync(path, text);
      inputs.push({ lang, size, name: `${lang}-${label(size)}`, words, bytes: Buffer.byteLength(text), path });
    }
  }
  return inputs;
}

export function label(size) {
  return size >= 1000 ? `${size / 1000}k` : String(size);
}
