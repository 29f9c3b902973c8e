"""The scoreboard: Précis against Lead at equal length on every corpus, in every layout.

    scripts/eval --scoreboard                 # all corpora, writes the scoreboard into docs/EVALUATION.md
    scripts/eval --scoreboard --limit 200 --out -

For each corpus and length (corpora.py), each document is pasted in three layouts of the same
text (as given; one block; one sentence per paragraph) and, where the corpus has titles, with and
without its title. Systems: Lead-k (the first k sentences of Précis's own split of that paste),
Précis lexical-only and Précis with the default model. ROUGE-1/2/L F1 with the neutral tokenizer
(CJK per character), paired bootstrap CIs for every difference, and the share of summary
sentences that are dangling openers (an anaphoric first word, predecessor not in the summary).
"""

import multiprocessing
import re

from . import baselines, corpora, precis_cli, rouge, stats

LAYOUTS = ("given", "block", "sentences")
LAYOUT_NOTES = {"given": "as given", "block": "one block", "sentences": "one sentence per paragraph"}
SYSTEMS = ("lead", "precis", "precis-model")


def one_block(text):
    """The text with every line break (and the spaces around it) turned into one space."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def paste(doc, layout, sentences, with_title):
    """doc re-pasted in `layout` (`sentences`: Précis's split of the text as given)."""
    text = {"given": doc["text"], "block": one_block(doc["text"]),
            "sentences": "\n\n".join(sentences)}[layout]
    return dict(doc, id="%s|%s|%s" % (doc["id"], layout, "t" if with_title else "-"), text=text,
                title=doc["title"] if with_title else "", base=doc["id"], layout=layout, with_title=with_title)


def _reference_length(doc, corpus, reference_split):
    if doc.get("summary_sentences"):
        return len(doc["summary_sentences"])
    return max(1, len(reference_split.get(doc["id"], [])))


def _score(job):
    pred, ref = job
    r = rouge.rouge(pred, ref, types=("rouge1", "rouge2", "rougeL"))
    return (100 * r["rouge1"].f, 100 * r["rouge2"].f, 100 * r["rougeL"].f)


class Row:
    """One corpus at one length: per (layout, title mode, system) the per-document scores."""

    def __init__(self, corpus, length):
        self.corpus, self.length = corpus, length
        self.scores = {}     # (layout, with_title, system) -> {"r1": [...], "r2": [...], "rL": [...]}
        self.dangling = {}   # (layout, with_title, system) -> (dangling sentences, summary sentences)
        self.n = 0

    @property
    def name(self):
        k = "reference length" if self.length == "ref" else "%d sentence%s" % (self.length, "" if self.length == 1 else "s")
        return "%s, %s" % (self.corpus.name, k)


def run(limit=None, names=None, model_dir=None, scorer=None, lexical_scorer=None):
    """Computes every row. `scorer` / `lexical_scorer`: scorer.json files to score Précis with
    instead of the model's / the built-in weights (for comparing candidate weights)."""
    rows = []
    for corpus in corpora.CORPORA:
        if names and corpus.name not in names:
            continue
        docs = corpora.dev_docs(corpus.name, limit)
        splits = precis_cli.split([{"id": d["id"], "text": d["text"], "lang": d["lang"]} for d in docs])
        reference_split = {}
        if "ref" in corpus.lengths:
            reference_split = precis_cli.split([{"id": d["id"], "text": d["summary"], "lang": d["lang"]} for d in docs])
        title_modes = (True, False) if any(d["title"] for d in docs) else (False,)
        variants = [paste(d, layout, splits.get(d["id"]) or [d["text"]], t)
                    for d in docs for layout in LAYOUTS for t in title_modes]
        variant_splits = precis_cli.split([{"id": v["id"], "text": v["text"], "lang": v["lang"]} for v in variants])
        for length in corpus.lengths:
            row = Row(corpus, length)
            row.n = len(docs)
            ks = {d["id"]: (_reference_length(d, corpus, reference_split) if length == "ref" else length) for d in docs}
            requests = [dict(v, k=ks[v["base"]]) for v in variants]
            outputs = {"precis": precis_cli.summarize_records(requests, model="none", scorer=lexical_scorer)}
            if model_dir:
                outputs["precis-model"] = precis_cli.summarize_records(requests, model=model_dir, scorer=scorer)
            jobs, keys = [], []
            for v in requests:
                sents = variant_splits.get(v["id"], [])
                picks = {"lead": [sents[i] for i in baselines.lead(sents, v["k"])]}
                for system, out in outputs.items():
                    rec = out.get((v["id"], v["k"]), {})
                    picks[system] = rec.get("summary", [])
                    key = (v["layout"], v["with_title"], system)
                    d, total = row.dangling.get(key, (0, 0))
                    row.dangling[key] = (d + rec.get("dangling_openers", 0), total + len(picks[system]))
                for system, pred in picks.items():
                    jobs.append((" ".join(pred), v["summary"]))
                    keys.append((v["layout"], v["with_title"], system))
            with multiprocessing.Pool(2) as pool:
                results = pool.map(_score, jobs, chunksize=256)
            for key, (r1, r2, rl) in zip(keys, results):
                s = row.scores.setdefault(key, {"r1": [], "r2": [], "rL": []})
                s["r1"].append(r1)
                s["r2"].append(r2)
                s["rL"].append(rl)
            rows.append(row)
    return rows


def _mean(values):
    return sum(values) / len(values) if values else float("nan")


def _diff(a, b):
    mean, low, high = stats.paired_diff_ci(a, b)
    return "%+.2f [%+.2f, %+.2f]" % (mean, low, high)


def _default_title(row):
    """Title mode of the headline figures: with the title where the corpus has one."""
    return any(key[1] for key in row.scores)


def _spread(row, system, with_title):
    means = [_mean(row.scores[(layout, with_title, system)]["rL"]) for layout in LAYOUTS
             if (layout, with_title, system) in row.scores]
    return max(means) - min(means)


def _dangling_share(row, system, with_title):
    d = t = 0
    for layout in LAYOUTS:
        a, b = row.dangling.get((layout, with_title, system), (0, 0))
        d, t = d + a, t + b
    return 100.0 * d / t if t else float("nan")


def render(rows, systems=SYSTEMS):
    has_model = any(k[2] == "precis-model" for r in rows for k in r.scores)
    out = ["### Précis against Lead at equal length, every corpus (layout as given)", "",
           "ROUGE F1 x 100, mean over documents; Δ = paired difference with its 95% bootstrap CI. "
           "Title given where the corpus has one. Spread = max − min ROUGE-L over the three layouts. "
           "Dangling = summary sentences opening with an anaphor whose predecessor is not in the "
           "summary, over all three layouts.", ""]
    head = "| corpus, length | n | Lead R-1 / R-L | lexical R-1 / R-L | lexical − Lead R-1 | lexical − Lead R-L | spread | dangling |"
    sep = "|---|---:|---:|---:|---:|---:|---:|---:|"
    if has_model:
        head += " model R-1 / R-L | model − Lead R-1 | model − Lead R-L | model − lexical R-L | spread | dangling |"
        sep += "---:|---:|---:|---:|---:|---:|"
    out += [head, sep]
    for row in rows:
        t = _default_title(row)
        g = lambda system: row.scores[("given", t, system)]
        cells = [row.name, str(row.n),
                 "%.2f / %.2f" % (_mean(g("lead")["r1"]), _mean(g("lead")["rL"])),
                 "%.2f / %.2f" % (_mean(g("precis")["r1"]), _mean(g("precis")["rL"])),
                 _diff(g("precis")["r1"], g("lead")["r1"]), _diff(g("precis")["rL"], g("lead")["rL"]),
                 "%.2f" % _spread(row, "precis", t), "%.1f%%" % _dangling_share(row, "precis", t)]
        if has_model:
            cells += ["%.2f / %.2f" % (_mean(g("precis-model")["r1"]), _mean(g("precis-model")["rL"])),
                      _diff(g("precis-model")["r1"], g("lead")["r1"]), _diff(g("precis-model")["rL"], g("lead")["rL"]),
                      _diff(g("precis-model")["rL"], g("precis")["rL"]),
                      "%.2f" % _spread(row, "precis-model", t), "%.1f%%" % _dangling_share(row, "precis-model", t)]
        out.append("| " + " | ".join(cells) + " |")

    out += ["", "### Every layout and title mode (ROUGE-L; Δ against Lead in the same paste)", "",
            "| corpus, length | title | layout | Lead | lexical | lexical − Lead |" +
            (" model | model − Lead |" if has_model else ""),
            "|---|---|---|---:|---:|---:|" + ("---:|---:|" if has_model else "")]
    for row in rows:
        for t in (True, False):
            for layout in LAYOUTS:
                key = lambda system: (layout, t, system)
                if key("lead") not in row.scores:
                    continue
                s = lambda system: row.scores[key(system)]["rL"]
                cells = [row.name, "given" if t else "none", LAYOUT_NOTES[layout], "%.2f" % _mean(s("lead")),
                         "%.2f" % _mean(s("precis")), _diff(s("precis"), s("lead"))]
                if has_model:
                    cells += ["%.2f" % _mean(s("precis-model")), _diff(s("precis-model"), s("lead"))]
                out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)
