"""The dev sets the report is computed on, as lists of documents.

A document is a dict with: id, lang, title, text, ref_text (the reference summary),
ref_sents (the same as a list of sentences, for ROUGE-Lsum), k (how many sentences every
system extracts for it).
"""

import gzip
import json
import os

from . import paths

# bbc-dev's first 400 docs fitted earlier scorer weights (file order is a seeded shuffle, see
# shared/data/README.md); no weights are fitted on BBC now, but they stay out so rows compare.
BBC_FIT_DOCS = 400


def read_jsonl_gz(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class EvalSet:
    """One table of the report: a name, its documents, and how k was chosen."""

    def __init__(self, name, lang, docs, length_note):
        self.name = name
        self.lang = lang
        self.docs = docs
        self.length_note = length_note


def orangesum_sets(ks=(1, 2, 3), limit=None, split_reference=None):
    """orangesum-dev at k sentences, full and official_split != "none".

    split_reference(list of texts, lang) -> list of sentence lists, used to cut the
    one-string reference heading into sentences for ROUGE-Lsum.
    """
    raw = read_jsonl_gz(os.path.join(paths.data_dir(), "orangesum-dev.jsonl.gz"))
    if limit:
        raw = raw[:limit]
    ref_sents = split_reference([d["summary"] for d in raw], "fr") if split_reference else \
        [[d["summary"]] for d in raw]
    sets = []
    for subset in ("full", "filtered"):
        for k in ks:
            docs = []
            for d, refs in zip(raw, ref_sents):
                if subset == "filtered" and d.get("official_split") == "none":
                    continue
                docs.append(_doc(d, refs, k))
            note = "%d sentence%s" % (k, "" if k == 1 else "s")
            name = "orangesum-dev %s, %s" % (subset, note)
            if subset == "filtered":
                name = 'orangesum-dev official_split != "none", %s' % note
            sets.append(EvalSet(name, "fr", docs, note))
    return sets


def bbc_set(limit=None, skip=BBC_FIT_DOCS):
    """bbc-dev without its first `skip` docs, k = the reference's sentence count."""
    raw = read_jsonl_gz(os.path.join(paths.data_dir(), "bbc-dev.jsonl.gz"))[skip:]
    if limit:
        raw = raw[:limit]
    docs = [_doc(d, d["summary_sentences"], len(d["summary_sentences"])) for d in raw]
    return EvalSet("bbc-dev (docs %d+), reference sentence count" % (skip + 1), "en", docs,
                   "k = len(summary_sentences)")


def _doc(d, refs, k):
    return {"id": d["id"], "lang": d["lang"], "title": d.get("title", ""), "text": d["text"],
            "ref_text": d["summary"], "ref_sents": list(refs), "k": k}
