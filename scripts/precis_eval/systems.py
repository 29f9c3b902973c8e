"""The systems the report compares, by name, and how each gets its k sentences.

Every system returns, for a document and its k, a list of sentence strings in document
order. Précis and the baselines use Précis's sentence split (`precis split`), so lengths
are comparable; OTS and node-summarizer split the text themselves.
"""

import glob
import os
import re

from . import baselines, external, paths, precis_cli

ALL = ("precis", "precis-model", "lead", "random", "oracle", "textrank", "ots", "node-summarizer")
RANDOM_SEED = 559  # any fixed seed; the data sets were built with 559 too


DEFAULT_MODEL = "precis-base"  # models/README.md: the default model's folder


def default_model_dir():
    """models/precis-base when present, else the first models/<name>/ with a manifest.json."""
    candidates = [os.path.join(paths.REPO, "models", DEFAULT_MODEL)]
    candidates += sorted(glob.glob(os.path.join(paths.REPO, "models", "*")))
    for path in candidates:
        if os.path.isfile(os.path.join(path, "manifest.json")):
            return path
    return None


def fallback_split(text):
    """Used only when the CLI is missing (reported as such): split after . ! ? and at
    blank lines, including OrangeSum's glued 'word.Word'."""
    parts = re.split(r"(?<=[.!?])\s+|(?<=[a-zà-ÿ][.!?])(?=[A-ZÀ-Ý])|\n\s*\n", text)
    return [p.strip() for p in parts if p and p.strip()]


class Runner:
    """Computes and memoises each system's sentences per (doc id, k)."""

    def __init__(self, names, model_dir=None, use_title=True, give_lang=True):
        self.names = list(names)
        self.model_dir = model_dir
        self.use_title = use_title
        self.give_lang = give_lang
        self.splits = {}
        self.memo = {}
        self.errors = {}
        self.split_source = "precis split" if precis_cli.available() else "regex fallback (CLI missing)"

    def label(self, name):
        return {
            "precis": "Précis (lexical)",
            "precis-model": "Précis (model %s)" % os.path.basename(self.model_dir or "?"),
            "lead": "Lead-k",
            "random": "Random (seed %d)" % RANDOM_SEED,
            "oracle": "Oracle (greedy R1+R2)",
            "textrank": "TextRank",
            "ots": "OTS",
            "node-summarizer": "node-summarizer",
        }[name]

    def sentences(self, doc):
        if doc["id"] not in self.splits:
            raise KeyError("no split for " + doc["id"])
        return self.splits[doc["id"]]

    def prepare_split(self, docs):
        todo = [d for d in docs if d["id"] not in self.splits]
        if not todo:
            return
        if precis_cli.available():
            self.splits.update(precis_cli.split(todo))
        else:
            self.splits.update({d["id"]: fallback_split(d["text"]) for d in todo})

    def run(self, name, docs):
        """{doc id: [sentences]} for docs at their k."""
        todo = [d for d in docs if (name, d["id"], d["k"]) not in self.memo]
        if todo:
            for key, (sents, err) in self._compute(name, todo).items():
                self.memo[(name,) + key] = sents
                if err:
                    self.errors.setdefault(name, {})[key] = err
        return {d["id"]: self.memo[(name, d["id"], d["k"])] for d in docs}

    def _compute(self, name, docs):
        if name in ("precis", "precis-model"):
            model = "none" if name == "precis" else self.model_dir
            return precis_cli.summarize(docs, model=model, use_title=self.use_title,
                                        give_lang=self.give_lang)
        if name == "ots":
            scored = external.ots_scores(docs)
            return {(d["id"], d["k"]): ([scored[d["id"]][i][1] for i in
                                         external.top_k(scored[d["id"]], d["k"])], None)
                    for d in docs}
        if name == "node-summarizer":
            return external.node_summaries(docs)
        self.prepare_split(docs)
        out = {}
        for d in docs:
            sents = self.sentences(d)
            if name == "lead":
                idx = baselines.lead(sents, d["k"])
            elif name == "random":
                idx = baselines.random_pick(sents, d["k"], RANDOM_SEED, d["id"])
            elif name == "oracle":
                idx = baselines.oracle(sents, d["k"], [d["ref_text"]])
            elif name == "textrank":
                idx = baselines.textrank(sents, d["k"])
            else:
                raise ValueError("unknown system: " + name)
            out[(d["id"], d["k"])] = ([sents[i] for i in idx], None)
        return out


def available(name, model_dir):
    """(ok, reason) for whether a system can run on this machine."""
    if name in ("precis", "precis-model") and not precis_cli.available():
        return False, "CLI %s not built" % paths.cli()
    if name == "precis-model" and not model_dir:
        return False, "no model directory under models/"
    if name == "ots" and not external.ots_available():
        return False, "`ots` not installed"
    if name == "node-summarizer" and not external.node_summarizer_available():
        return False, "node_modules/node-summarizer missing"
    return True, ""
