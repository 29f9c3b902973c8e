"""Every summarization corpus in ../shared/data, as plain documents, split into what scorer
weights may be fitted on ("train") and what the scoreboard reports on ("dev").

A document: {"id", "lang", "title", "text", "summary", "corpus"}. The lengths each corpus is
scored at are in CORPORA (see shared/data/README.md for what each reference is):

- orangesum (fr): the journalist's 1-2 sentence abstract; 1, 2 and 3 sentences.
- cnndm (en): CNN/DailyMail highlights written by the newsroom; 3 sentences.
- mlsum-de (de): the Süddeutsche teaser (~23 words); 1 and 2 sentences.
- bbc (en): extracts chosen by a program; k = the reference's sentence count. A scoreboard row
  only: never fitted on.
- noticia-es (es), temario-pt (pt), lcsts-zh (zh): too small to fit on, so they measure how
  the weights transfer to languages they never saw: 1 sentence (the answer a clickbait
  headline hides, title given), the reference's sentence count (~30% of the article), and
  1 sentence (a Weibo post's editor-written title, scored per character).
"""

import gzip
import json
import os
import random

from . import paths

BBC_FIT_DOCS = 400   # bbc-dev's first 400 docs fitted earlier weights; the scoreboard skips them


class Corpus:
    def __init__(self, name, path, lang, lengths, fit, note):
        self.name, self.path, self.lang, self.lengths, self.fit, self.note = name, path, lang, lengths, fit, note


# lengths: sentence counts, or "ref" for the reference's own sentence count.
CORPORA = [
    Corpus("orangesum", "orangesum-dev.jsonl.gz", "fr", (1, 2, 3), True, "journalist's abstract"),
    Corpus("cnndm", "cnndm-fit.jsonl.gz", "en", (3,), True, "newsroom highlights"),
    Corpus("mlsum-de", "multi/mlsum-de-fit.jsonl.gz", "de", (1, 2), True, "newsroom teaser"),
    Corpus("bbc", "bbc-dev.jsonl.gz", "en", ("ref",), False, "program-chosen extract"),
    Corpus("noticia-es", "multi/noticia-es-dev.jsonl.gz", "es", (1,), False, "answer to a clickbait title"),
    Corpus("temario-pt", "multi/temario-pt-dev.jsonl.gz", "pt", ("ref",), False, "professional summary, ~30%"),
    Corpus("lcsts-zh", "multi/lcsts-zh-dev.jsonl.gz", "zh", (1,), False, "editor's title of a post"),
]
BY_NAME = {c.name: c for c in CORPORA}


def read_jsonl_gz(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _document(d, corpus):
    return {"id": d["id"], "lang": d["lang"], "title": d.get("title", ""), "text": d["text"],
            "summary": d["summary"], "corpus": corpus.name,
            "summary_sentences": d.get("summary_sentences")}


def dev_docs(name, limit=None):
    """The documents the scoreboard reports on for corpus `name`."""
    corpus = BY_NAME[name]
    raw = read_jsonl_gz(os.path.join(paths.data_dir(), corpus.path))
    if name in ("cnndm", "mlsum-de"):
        raw = [d for d in raw if d.get("split") == "dev"]
    elif name == "bbc":
        raw = raw[BBC_FIT_DOCS:]
    docs = [_document(d, corpus) for d in raw]
    return docs[:limit] if limit else docs


def train_docs(name, count, seed):
    """A seeded sample of `count` documents that weights may be fitted on (never a dev document)."""
    if name == "orangesum":
        raw = read_jsonl_gz(os.path.join(paths.data_dir(), "orangesum-train.jsonl.gz"))
    elif name in ("cnndm", "mlsum-de"):
        raw = [d for d in read_jsonl_gz(os.path.join(paths.data_dir(), BY_NAME[name].path))
               if d.get("split") == "train"]
    else:
        raise ValueError("%s has no training split" % name)
    random.Random(seed).shuffle(raw)
    return [_document(d, BY_NAME[name]) for d in raw[:count]]
