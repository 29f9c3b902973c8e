#!/usr/bin/python3
"""Intrinsic check of a Précis pooled encoder: does an article's title land closest to its own
lead sentence?

For each held-out set, every title is compared (cosine) with POOL candidate leads (first
sentences): its own article's and those of the next POOL-1 articles in file order (wrapping
around); we count how often its own lead ranks first (rank-1 rate) and the mean reciprocal rank. The same is done with
a lexical TF-IDF baseline (scikit-learn, IDF fitted on the held-out set's article texts).

Held-out sets: orangesum-dev (all 1,500 docs) and bbc-dev docs 400.. (docs 0..399 are the
fitting split that training may use). `--fit` evaluates the fitting sets instead (orangesum-train
docs 0..999 and bbc-dev 0..399): used to choose the training constants, never the held-out sets.

The encoder is run by the numpy twin of the graph (onnx_graphs.pooled_reference) on the
initializers read from encoder.onnx; `--ort-check` verifies that twin against onnxruntime-node and
onnxruntime-web (single thread) through scripts/model/ort-check.mjs and measures its speed.

Usage: scripts/model/intrinsic.py [MODEL_DIR] [--data DIR] [--fit] [--ort-check] [--json OUT]
"""
import argparse
import gzip
import itertools
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
import sentencepiece as spm
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
from corpus import sentences  # noqa: E402
from onnx_graphs import pooled_reference  # noqa: E402

POOL = 100
BBC_FIT_DOCS = 400
BATCH = 256


class Encoder:
    """Tokenizes as the manifest says and runs the pooled graph's numpy twin."""

    def __init__(self, model_dir, params=None):
        with open(os.path.join(model_dir, "manifest.json"), encoding="utf-8") as f:
            self.manifest = json.load(f)
        tok = self.manifest["tokenizer"]
        self.sp = spm.SentencePieceProcessor(model_file=os.path.join(model_dir, tok["file"]))
        self.tok = tok
        self.max_tokens = self.manifest["encoder"]["max_tokens"]
        if params is None:
            graph = onnx.load(os.path.join(model_dir, self.manifest["encoder"]["file"])).graph
            inits = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
            params = (inits["table"], inits.get("scale"), inits.get("components"))
        self.params = params

    def ids(self, text):
        text = text.lower() if self.tok["lowercase"] else text
        t = self.tok
        ids = [t["unk_id"] if (t["unk_id"] is not None and i == self.sp.unk_id()) else i + t["id_offset"]
               for i in self.sp.encode(text)]
        budget = self.max_tokens - (t["bos_id"] is not None) - (t["eos_id"] is not None)
        ids = ids[:budget]
        return ([t["bos_id"]] if t["bos_id"] is not None else []) + ids + \
               ([t["eos_id"]] if t["eos_id"] is not None else [])

    def batch(self, texts):
        rows = [self.ids(s) for s in texts]
        width = max(1, max(len(r) for r in rows))
        ids = np.full((len(rows), width), self.tok["pad_id"], np.int64)
        mask = np.zeros((len(rows), width), np.int64)
        for i, r in enumerate(rows):
            ids[i, :len(r)] = r
            mask[i, :len(r)] = 1
        return ids, mask

    def encode(self, texts):
        out = []
        for start in range(0, len(texts), BATCH):
            ids, mask = self.batch(texts[start:start + BATCH])
            out.append(pooled_reference(*self.params, ids, mask))
        return np.concatenate(out)


def read_jsonl(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def held_out_sets(data, fit):
    """(name, docs) pairs; see the module comment for which docs each mode uses."""
    bbc = read_jsonl(os.path.join(data, "bbc-dev.jsonl.gz"))
    if fit:
        train = list(itertools.islice(
            (json.loads(line) for line in gzip.open(os.path.join(data, "orangesum-train.jsonl.gz"), "rt",
                                                     encoding="utf-8")), 1000))
        return [("orangesum-train[0:1000] (fit)", train), ("bbc-dev[0:400] (fit)", bbc[:BBC_FIT_DOCS])]
    return [("orangesum-dev", read_jsonl(os.path.join(data, "orangesum-dev.jsonl.gz"))),
            ("bbc-dev[400:]", bbc[BBC_FIT_DOCS:])]


def titles_and_leads(docs):
    pairs = []
    for d in docs:
        lead = next(iter(sentences(d["text"])), "")
        if d.get("title", "").strip() and lead:
            pairs.append((d["title"].strip(), lead))
    return pairs


def pool_ranks(sims):
    """Rank (1 = best) of each title's own lead among POOL candidate leads: its own and the next
    POOL-1 docs' (circularly), so every doc is used and every pool has the same size."""
    n = sims.shape[0]
    cols = (np.arange(n)[:, None] + np.arange(min(POOL, n))[None, :]) % n
    cand = np.take_along_axis(sims, cols, axis=1)
    return 1 + (cand[:, 1:] > cand[:, :1]).sum(axis=1)


def summary(ranks):
    return {"pairs": int(len(ranks)), "rank1": float(np.mean(ranks == 1)),
            "mrr": float(np.mean(1.0 / ranks))}


def tfidf_sims(docs, pairs):
    from sklearn.feature_extraction.text import TfidfVectorizer
    vec = TfidfVectorizer(sublinear_tf=True).fit(d["text"] for d in docs)
    t = vec.transform([p[0] for p in pairs])
    l = vec.transform([p[1] for p in pairs])
    return (t @ l.T).toarray()


def evaluate(encoder, data, fit=False, baseline=True):
    """Per set: the model, TF-IDF, and their mean cosine ("model+tfidf": do they complement?)."""
    results = {}
    for name, docs in held_out_sets(data, fit):
        pairs = titles_and_leads(docs)
        model = encoder.encode([p[0] for p in pairs]) @ encoder.encode([p[1] for p in pairs]).T
        results[name] = {"model": summary(pool_ranks(model))}
        if baseline:
            lexical = tfidf_sims(docs, pairs)
            results[name]["tfidf"] = summary(pool_ranks(lexical))
            results[name]["model+tfidf"] = summary(pool_ranks(0.5 * (model + lexical)))
    return results


def ort_check(encoder, model_dir, data, bench_runs=200):
    """Compares the numpy twin with ORT (node and web) on real sentences; benchmarks ORT-web."""
    docs = read_jsonl(os.path.join(data, "orangesum-dev.jsonl.gz"))[:20] + \
        read_jsonl(os.path.join(data, "bbc-dev.jsonl.gz"))[BBC_FIT_DOCS:BBC_FIT_DOCS + 20]
    texts = [s for d in docs for s in itertools.islice(sentences(d["text"]), 3)] + ["", "x" * 3000]
    batches = []
    for start in range(0, len(texts), 16):
        ids, mask = encoder.batch(texts[start:start + 16])
        batches.append({"inputs": {"input_ids": {"data": ids.ravel().tolist(), "dims": list(ids.shape)},
                                   "attention_mask": {"data": mask.ravel().tolist(), "dims": list(mask.shape)}},
                        "expected": pooled_reference(*encoder.params, ids, mask).ravel().tolist()})
    # Benchmark: 32 news sentences per run, padded to the longest (a typical article's batch).
    bench_texts = [s for d in docs for s in sentences(d["text"])][:32]
    ids, mask = encoder.batch(bench_texts)
    cases = {"model": os.path.join(model_dir, encoder.manifest["encoder"]["file"]),
             "output": encoder.manifest["encoder"]["output"], "batches": batches,
             "bench": {"rows": len(bench_texts),
                       "inputs": {"input_ids": {"data": ids.ravel().tolist(), "dims": list(ids.shape)},
                                  "attention_mask": {"data": mask.ravel().tolist(), "dims": list(mask.shape)}}}}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(cases, f)
    try:
        out = subprocess.run(["node", os.path.join(HERE, "ort-check.mjs"), f.name, "--bench", str(bench_runs)],
                             check=True, capture_output=True, text=True, cwd=REPO).stdout
    finally:
        os.unlink(f.name)
    return json.loads(out.strip().splitlines()[-1])


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("model_dir", nargs="?", default=os.path.join(REPO, "models", "precis-base"))
    ap.add_argument("--data", default=os.path.normpath(os.path.join(REPO, "..", "shared", "data")))
    ap.add_argument("--fit", action="store_true", help="evaluate the fitting split instead")
    ap.add_argument("--ort-check", action="store_true")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()
    encoder = Encoder(args.model_dir)
    results = {"intrinsic": evaluate(encoder, args.data, args.fit), "pool": POOL}
    if args.ort_check:
        results["ort"] = ort_check(encoder, args.model_dir, args.data)
    text = json.dumps(results, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    main()
