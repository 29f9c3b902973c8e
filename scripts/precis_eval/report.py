"""Markdown rendering of the evaluation (docs/EVALUATION.md)."""

import os
import re

from . import paths, stats

# Sections other tools write into the same file (scripts/bench's "speed"), fenced by
# <!-- NAME:begin --> ... <!-- NAME:end -->; a regenerated report carries them over as is.
_FOREIGN = re.compile(r"<!-- ([\w-]+):begin -->.*?<!-- \1:end -->\n?", re.S)


def keep_foreign_sections(old, new):
    """new, followed by the fenced sections of old that new does not already hold."""
    kept = [m.group(0) for m in _FOREIGN.finditer(old)
            if "<!-- %s:begin -->" % m.group(1) not in new]
    if not kept:
        return new
    return new.rstrip("\n") + "\n\n" + "\n".join(k.rstrip("\n") + "\n" for k in kept)

METRICS = (("rouge1", "ROUGE-1"), ("rouge2", "ROUGE-2"), ("rougeL", "ROUGE-L"), ("rougeLsum", "ROUGE-Lsum"))
# Paired differences reported under each table: Précis against the reference baselines, and the
# model against lexical-only scoring (what the model adds).
DIFF_PAIRS = (("precis", "lead"), ("precis", "ots"), ("precis-model", "lead"), ("precis-model", "ots"),
              ("precis-model", "precis"))


class Table:
    def __init__(self, eval_set, names, runner, per_system):
        self.set = eval_set
        self.names = names
        self.per_system = per_system
        ks = {d["k"] for d in eval_set.docs}
        self.fixed_k = ks.pop() if len(ks) == 1 else None
        self.labels = {n: self._label(runner.label(n)) for n in names}
        ids = {(d["id"], d["k"]) for d in eval_set.docs}
        self.errors = {n: sum(1 for key in runner.errors.get(n, {}) if key in ids) for n in names}

    def _label(self, label):
        if label == "Lead-k":
            return "Lead-%d" % self.fixed_k if self.fixed_k else "Lead (k = reference count)"
        return label


def _cell(values):
    mean, low, high = stats.mean_ci(values)
    return "%.2f [%.2f, %.2f]" % (mean, low, high)


def _diff_cell(a, b):
    mean, low, high = stats.paired_diff_ci(a, b)
    return "%+.2f [%+.2f, %+.2f]" % (mean, low, high)


def render_table(t):
    lines = ["### %s" % t.set.name, "",
             "n = %d documents, language %s, length: %s." % (len(t.set.docs), t.set.lang, t.set.length_note), "",
             "| system | " + " | ".join(label for _, label in METRICS) + " | words |",
             "|---|" + "---:|" * (len(METRICS) + 1)]
    for n in t.names:
        cells = [_cell(t.per_system[n][m]) for m, _ in METRICS]
        cells.append("%.1f" % (sum(t.per_system[n]["words"]) / max(len(t.per_system[n]["words"]), 1)))
        errors = t.errors[n]
        label = t.labels[n] + (" (%d error%s)" % (errors, "" if errors == 1 else "s") if errors else "")
        lines.append("| %s | %s |" % (label, " | ".join(cells)))
    diffs = []
    for p, base in DIFF_PAIRS:
        if p in t.names and base in t.names:
            cells = [_diff_cell(t.per_system[p][m], t.per_system[base][m]) for m, _ in METRICS]
            diffs.append("| %s − %s | %s |" % (t.labels[p], t.labels[base], " | ".join(cells)))
    if diffs:
        lines += ["", "Paired differences (same documents resampled for both systems):", "",
                  "| difference | " + " | ".join("Δ " + label for _, label in METRICS) + " |",
                  "|---|" + "---:|" * len(METRICS)] + diffs
    return "\n".join(lines)


def render_overview(tables):
    names = []
    for t in tables:
        names += [n for n in t.names if n not in names]
    labels = {}
    for t in tables:
        labels.update({n: t.labels[n].replace("Lead-%s" % t.fixed_k, "Lead-k") if t.fixed_k else t.labels[n]
                       for n in t.names})
    labels = {n: ("Lead" if n == "lead" else labels[n]) for n in labels}
    lines = ["| set | n | " + " | ".join(labels[n] for n in names) + " |",
             "|---|---:|" + "---:|" * len(names)]
    for t in tables:
        cells = []
        for n in names:
            if n in t.per_system:
                s = t.per_system[n]
                cells.append("/".join("%.2f" % stats.mean_ci(s[m])[0] for m in ("rouge1", "rouge2", "rougeL")))
            else:
                cells.append("—")
        lines.append("| %s | %d | %s |" % (t.set.name, len(t.set.docs), " | ".join(cells)))
    return "\n".join(lines)


METHOD = """\
## How these figures are made

- **Metric**: mean F1 x 100 over documents, with a 95% percentile-bootstrap confidence
  interval ({resamples} resamples of the documents, fixed seed). "words" is the mean
  summary length in tokens. ROUGE from
  `scripts/precis_eval/rouge.py`, tokenizer: {tokenizer}. The language-neutral tokenizer
  is NFKC + lowercase + Unicode word runs (`\\w+` minus `_`), no stemming, so French
  accented words count whole (rouge-score's English tokenizer would cut `décidé` into
  `d cid`). ROUGE-L is one LCS over the whole summary; ROUGE-Lsum is rouge-score's
  summary-level union LCS over newline-separated sentences.
- **Equal length**: every system returns k sentences of the document (fewer only when the
  document has fewer). Précis: `build/native/precis summarize --jsonl --model none` (lexical)
  and `--model DIR` (model), with `"sentences": k`{title}. Lead, Random, Oracle and TextRank
  choose among the sentences of Précis's own split ({split}), so their units are the same.
  OTS and node-summarizer split the text themselves.
- **Lead-k**: the first k sentences. **Random**: k sentences drawn with a seed derived
  from (seed, doc id). **Oracle**: greedy, adds k times the sentence that most raises
  ROUGE-1 F + ROUGE-2 F against the reference (language-neutral tokens, n-grams counted
  within sentences; never stops early, so same length).
  **TextRank**: PageRank (d = 0.85) on the graph of sentence overlaps
  |Si ∩ Sj| / (log|Si| + log|Sj|) (Mihalcea & Tarau 2004), no stop list, top k.
- **OTS** (Debian `ots` 0.5): `ots -h -d en|fr` prints every sentence with its score; we
  keep the k best, ties to the earlier sentence, which is what libots's
  `ots_highlight_doc_lines(k)` selects. (`--ratio` counts a percentage of *words*, so it
  cannot ask for k sentences.)
- **node-summarizer** (npm 1.0.7): its frequency method (`getSummaryByFrequency`) on its
  own split (natural's English-oriented sentence tokenizer), top k put back in document
  order. It is run on French too: the method is only word frequencies, but its
  tokenizer and punctuation stripping are English-oriented. Its TextRank method needs
  WordNet (English only) and is not used.
- **Sets**: orangesum-dev (fr, abstractive headings) at 1, 2, 3 sentences, all 1,500 docs
  and the 1,138 with `official_split != "none"` (the official task's population);
  bbc-dev (en, extractive references chosen by a program) without its first 400 docs (they
  fitted earlier weights; no weights are fitted on BBC now, but the rows stay comparable),
  k = number of reference sentences. A document a system fails on (an "error" line)
  scores 0 and is counted next to the system's name. The BBC reference sentences are not in document
  order, which lowers ROUGE-L for every system alike.
"""


def render(tables, meta):
    parts = ["# Evaluation", "",
             "Generated by `scripts/eval`; do not edit by hand. Re-run the command below to update.",
             "The multi-corpus scoreboard (every corpus, layout and title mode against Lead: "
             "`scripts/eval --scoreboard`) is its own section, [below](#scoreboard-every-corpus-every-layout).", "",
             "- command: `%s`" % meta["command"],
             "- date: %s" % meta["date"],
             "- commit: %s" % meta["commit"],
             "- CLI: %s" % meta["cli"],
             "- model: %s" % (meta["model_dir"] or "none found under models/"),
             "- ROUGE tokenizer: %s" % meta["tokenizer"],
             "- sentence split for the baselines: %s" % meta["split"],
             "- run time: %.0f s" % meta["seconds"]]
    for name, why in meta["skipped"]:
        parts.append("- not run: %s (%s)" % (name, why))
    for args, lines in sorted(meta["cli_warnings"].items()):
        for line in lines[:5]:
            text = "- **CLI warning** (`precis %s`): %s" % (args, line)
            parts.append(text.replace(paths.REPO + os.sep, ""))
    parts += ["", "## Overview (ROUGE-1/2/L mean F1 x 100)", "", render_overview(tables), ""]
    parts += [METHOD.format(resamples=meta["resamples"], tokenizer=meta["tokenizer"], split=meta["split"],
                            title=(" and the title" if meta["use_title"] else "") + (
                                ", the set's language" if meta["give_lang"] else ", language auto-detected")), "## Results", ""]
    for t in tables:
        parts += [render_table(t), ""]
    return "\n".join(parts)
