"""scripts/eval: ROUGE of Précis and baselines, side by side, on the dev sets.

Writes docs/EVALUATION.md (or --out). See docs/EVALUATION.md for what each column means.
"""

import argparse
import datetime
import os
import re
import subprocess
import sys
import time

from . import data, paths, precis_cli, report, rouge, scoreboard, stats, systems

METRICS = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def parse_args(argv):
    p = argparse.ArgumentParser(prog="scripts/eval", description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, help="use only the first N docs of each data set")
    p.add_argument("--systems", default=",".join(systems.ALL),
                   help="comma-separated, from: %s (default: all that can run)" % ", ".join(systems.ALL))
    p.add_argument("--sets", default="orangesum,bbc", help="comma-separated: orangesum, bbc")
    p.add_argument("--bbc-skip", type=int, default=data.BBC_FIT_DOCS,
                   help="leave out the first N bbc-dev docs (default %(default)s: they fit the weights)")
    p.add_argument("--model", help="model dir for precis-model (default: first models/*/ with an .onnx)")
    p.add_argument("--tokenizer", default="neutral", choices=rouge.MODES,
                   help="ROUGE tokenizer (default: the language-neutral one)")
    p.add_argument("--stem", action="store_true", help="Porter stemming (rouge-score tokenizer only)")
    p.add_argument("--no-title", action="store_true", help="do not pass titles to Précis")
    p.add_argument("--auto-lang", action="store_true",
                   help="let Précis detect the language instead of passing the set's")
    p.add_argument("--out", default=os.path.join("docs", "EVALUATION.md"), help="report path ('-' for stdout)")
    p.add_argument("--scoreboard", action="store_true",
                   help="the multi-corpus scoreboard (every corpus, layout and title mode, against Lead) "
                        "instead of the detailed tables; written as its own section of --out")
    p.add_argument("--corpora", help="scoreboard: comma-separated corpus names (default: all)")
    p.add_argument("--scorer", help="scoreboard: score the model runs with this scorer.json")
    p.add_argument("--lexical-scorer", help="scoreboard: score the lexical runs with this scorer.json")
    return p.parse_args(argv)


def write_section(out, name, body):
    """Replaces (or appends) the fenced section NAME of the report at `out`."""
    section = "<!-- %s:begin -->\n%s\n<!-- %s:end -->\n" % (name, body.rstrip("\n"), name)
    path = out if os.path.isabs(out) else os.path.join(paths.REPO, out)
    old = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Evaluation\n"
    fence = re.compile(r"<!-- %s:begin -->.*?<!-- %s:end -->\n?" % (name, name), re.S)
    new = fence.sub(lambda _: section, old) if fence.search(old) else old.rstrip("\n") + "\n\n" + section
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def main_scoreboard(args, argv):
    started = time.time()
    model_dir = os.path.abspath(args.model) if args.model else systems.default_model_dir()
    names = [n.strip() for n in args.corpora.split(",")] if args.corpora else None
    rows = scoreboard.run(limit=args.limit, names=names, model_dir=model_dir, scorer=args.scorer,
                          lexical_scorer=args.lexical_scorer)
    command = "scripts/eval " + " ".join(argv)
    body = "\n".join([
        "## Scoreboard: every corpus, every layout", "",
        "- command: `%s`" % command.strip(),
        "- date: %s, commit %s, %s" % (datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                                       git_commit(), precis_cli.describe()),
        "- model: %s; run time %.0f s" % (os.path.relpath(model_dir, paths.REPO) if model_dir else "none",
                                         time.time() - started),
        "", scoreboard.__doc__.split("\n\n", 2)[2].strip(), "", scoreboard.render(rows), ""])
    if args.out == "-":
        sys.stdout.write(body)
    else:
        write_section(args.out, "scoreboard", body)
        print("wrote the scoreboard into %s (%.0fs)" % (args.out, time.time() - started), file=sys.stderr)
    return 0


def git_commit():
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=paths.REPO,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=paths.REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode().strip()
        return head + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "unknown"


class Scorer:
    """Per-document F1 of each metric, memoised per (system, doc id, k)."""

    def __init__(self, mode, stem):
        self.mode = mode
        self.stem = stem
        self.memo = {}

    def scores(self, system, docs, preds):
        out = {m: [] for m in METRICS + ("words",)}
        for d in docs:
            key = (system, d["id"], d["k"])
            if key not in self.memo:
                pred = "\n".join(" ".join(s.split()) for s in preds[d["id"]])
                # ROUGE-1/2/L on the reference as given; only ROUGE-Lsum uses its sentences.
                r = rouge.rouge(pred, d["ref_text"], self.mode, self.stem, ("rouge1", "rouge2", "rougeL"))
                ref_sents = "\n".join(" ".join(s.split()) for s in d["ref_sents"])
                r.update(rouge.rouge(pred, ref_sents, self.mode, self.stem, ("rougeLsum",)))
                self.memo[key] = {m: r[m].f * 100 for m in METRICS}
                # Equal sentence counts can still differ in words (OTS favours long ones).
                self.memo[key]["words"] = len(rouge.tokenize(pred))
            for m in out:
                out[m].append(self.memo[key][m])
        return out


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.scoreboard:
        return main_scoreboard(args, sys.argv[1:] if argv is None else argv)
    started = time.time()
    model_dir = os.path.abspath(args.model) if args.model else systems.default_model_dir()
    names, skipped = [], []
    for name in [s.strip() for s in args.systems.split(",") if s.strip()]:
        if name not in systems.ALL:
            sys.exit("unknown system %r (known: %s)" % (name, ", ".join(systems.ALL)))
        ok, why = systems.available(name, model_dir)
        (names.append(name) if ok else skipped.append((name, why)))
    for name, why in skipped:
        print("skipping %s: %s" % (name, why), file=sys.stderr)

    runner = systems.Runner(names, model_dir=model_dir, use_title=not args.no_title,
                            give_lang=not args.auto_lang)
    wanted = [s.strip() for s in args.sets.split(",")]
    eval_sets = []
    if "orangesum" in wanted:
        def split_refs(texts, lang):
            docs = [{"id": "ref%d" % i, "text": t, "lang": lang} for i, t in enumerate(texts)]
            if precis_cli.available():
                out = precis_cli.split(docs)
                # An empty split (e.g. an error) falls back to the whole heading.
                return [out.get(d["id"]) or [d["text"]] for d in docs]
            return [systems.fallback_split(t) or [t] for t in texts]
        eval_sets += data.orangesum_sets(limit=args.limit, split_reference=split_refs)
    if "bbc" in wanted:
        eval_sets.append(data.bbc_set(limit=args.limit, skip=args.bbc_skip))

    # Each system sees every (doc, k) of every set in one batch: one CLI process per
    # system, so a model is loaded once and its cache entry covers the whole run.
    unique = {}
    for es in eval_sets:
        for d in es.docs:
            unique.setdefault((d["id"], d["k"]), d)
    for name in names:
        t0 = time.time()
        runner.run(name, list(unique.values()))
        print("%-20s %5d summaries %6.1fs" % (name, len(unique), time.time() - t0), file=sys.stderr)

    scorer = Scorer(args.tokenizer, args.stem)
    tables = []
    for es in eval_sets:
        per_system = {name: scorer.scores(name, es.docs, runner.run(name, es.docs)) for name in names}
        tables.append(report.Table(es, names, runner, per_system))

    command = "scripts/eval " + " ".join(sys.argv[1:] if argv is None else argv)
    meta = {
        "command": command.strip(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "cli": precis_cli.describe(),
        "cli_warnings": precis_cli.warnings,
        "tokenizer": args.tokenizer + (" + Porter stemmer" if args.stem else ""),
        "split": runner.split_source,
        "skipped": skipped,
        "model_dir": os.path.relpath(model_dir, paths.REPO) if model_dir else None,
        "seconds": time.time() - started,
        "use_title": not args.no_title,
        "give_lang": not args.auto_lang,
        "resamples": stats.RESAMPLES,
    }
    text = report.render(tables, meta)
    if args.out == "-":
        sys.stdout.write(text)
    else:
        out = args.out if os.path.isabs(args.out) else os.path.join(paths.REPO, args.out)
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if os.path.exists(out):
            with open(out, encoding="utf-8") as f:
                text = report.keep_foreign_sections(f.read(), text)
        with open(out, "w", encoding="utf-8") as f:
            f.write(text)
        print("wrote %s (%.0fs)" % (out, time.time() - started), file=sys.stderr)
    return 0
