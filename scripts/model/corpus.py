"""Step 1 of scripts/train-model: training text, one sentence per line, and word counts.

Writes into WORK_DIR:
  fr.txt          OrangeSum *train* titles + article sentences (never orangesum-dev), UD French-GSD dev
  en.txt          bbc-dev docs 0..399 (the fitting split; docs 400.. are held out), UD English-EWT dev,
                  pySBD English cases
  other.txt       pySBD cases in the other 21 languages (small: only so that their characters
                  get pieces instead of <unk>)
  spm-input.tsv   "word<TAB>count" lines for spm_train: French and other words counted in the text
                  above, English words from the GloVe vocabulary with Zipf counts (see below)
Usage: corpus.py DATA_DIR GLOVE_JSON WORK_DIR
"""
import collections
import glob
import gzip
import json
import os
import re
import sys

BBC_FIT_DOCS = 400        # bbc-dev docs [0, 400) may be trained on; [400, ...) are the evaluation split
GLOVE_WORDS = 120000      # GloVe's most frequent words given to the tokenizer trainer
# A crude splitter is enough for training text: break after . ! ? … (and closing quotes) before
# whitespace, and in OrangeSum's glued paragraphs ("Pyrénées.Alors") before an uppercase letter.
SENTENCE_END = re.compile(r'(?<=[.!?…])["»”’)]*(?:\s+|(?=[A-ZÀ-ÖØ-Þ]))')
WORD = re.compile(r"^[a-z][a-z'\-.]*$")


def sentences(text):
    for para in re.split(r"\n+", text):
        for s in SENTENCE_END.split(para):
            s = s.strip()
            if len(s) >= 2:
                yield s


def read_jsonl(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def write_lines(path, lines):
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line.replace("\n", " ") + "\n")
            n += 1
    return n


def french(data):
    for doc in read_jsonl(os.path.join(data, "orangesum-train.jsonl.gz")):
        yield doc["title"].strip()
        yield from sentences(doc["text"])
    for doc in read_jsonl(os.path.join(data, "sbd", "ud-fr-dev.jsonl")):
        yield from doc["sentences"]


def english(data):
    for i, doc in enumerate(read_jsonl(os.path.join(data, "bbc-dev.jsonl.gz"))):
        if i >= BBC_FIT_DOCS:
            break
        yield doc["title"].strip()
        yield from sentences(doc["text"])
    for doc in read_jsonl(os.path.join(data, "sbd", "ud-en-dev.jsonl")):
        yield from doc["sentences"]
    for path in sorted(glob.glob(os.path.join(data, "sbd", "pysbd-golden", "*english*.jsonl"))):
        for case in read_jsonl(path):
            yield from case["sentences"]


def other(data):
    for path in sorted(glob.glob(os.path.join(data, "sbd", "pysbd-golden", "test_*.jsonl"))):
        if "english" in path or "french" in path:
            continue
        for case in read_jsonl(path):
            yield from case["sentences"]


def word_counts(path):
    counts = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            counts.update(line.split())
    return counts


def glove_zipf_counts(glove_json, total):
    """GloVe 6B lists its words by corpus frequency; Zipf's law (count ~ 1/rank) turns ranks into
    counts, scaled so that English weighs as much as French in the tokenizer's training."""
    with open(glove_json, encoding="utf-8") as f:
        words = json.load(f)["words"]
    ranked = [(r + 1, w) for r, w in enumerate(words[:GLOVE_WORDS]) if WORD.match(w)]
    harmonic = sum(1.0 / r for r, _ in ranked)
    return {w: max(1, round(total / harmonic / r)) for r, w in ranked}


def main():
    data, glove_json, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    sizes = {name: write_lines(os.path.join(work, name + ".txt"), gen(data))
             for name, gen in (("fr", french), ("en", english), ("other", other))}
    fr_counts = word_counts(os.path.join(work, "fr.txt"))
    counts = collections.Counter(fr_counts)
    counts.update(word_counts(os.path.join(work, "en.txt")))
    counts.update(word_counts(os.path.join(work, "other.txt")))
    for w, c in glove_zipf_counts(glove_json, sum(fr_counts.values())).items():
        counts[w] += c
    with open(os.path.join(work, "spm-input.tsv"), "w", encoding="utf-8") as f:
        for w, c in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0])):
            if "\t" not in w:
                f.write(f"{w}\t{c}\n")
    print(json.dumps({"sentences": sizes, "spm_words": len(counts)}))


if __name__ == "__main__":
    main()
