"""Calls to the native CLI (build/native/precis) in --jsonl mode, cached on disk.

The cache key is the CLI binary's content hash + arguments + input, so a rebuilt CLI or a
changed model never serves stale output. Cache files live in build/eval-cache/.
"""

import hashlib
import json
import os
import subprocess

from . import paths

_binary_hash = {}


def available():
    return os.access(paths.cli(), os.X_OK)


def describe():
    """'precis 0.1.0, sha256 abcdef012345' for the report (which binary made the figures)."""
    if not available():
        return "not built"
    proc = subprocess.run([paths.cli(), "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return "%s, sha256 %s" % (proc.stdout.decode("utf-8", "replace").strip(), _hash_file(paths.cli())[:12])


def _hash_file(path):
    if path not in _binary_hash:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        _binary_hash[path] = h.hexdigest()
    return _binary_hash[path]


def _model_hash(args):
    """Hash of the model directory's files, when --model DIR names one."""
    if "--model" not in args:
        return ""
    model = args[args.index("--model") + 1]
    model = os.path.join(paths.REPO, model)  # a no-op when model is absolute
    if not os.path.isdir(model):
        return model
    h = hashlib.sha256()
    for root, _, files in sorted(os.walk(model)):
        for name in sorted(files):
            h.update(name.encode())
            h.update(_hash_file(os.path.join(root, name)).encode())
    return h.hexdigest()


# Warning lines the CLI printed on stderr (e.g. a model it could not load and replaced by
# lexical scoring), per argument list, so the report can show them.
warnings = {}


def run_jsonl(args, records):
    """Run `precis ARGS --jsonl` on records (dicts); return {id: output record}."""
    if not records:
        return {}
    cli = paths.cli()
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    key = hashlib.sha256()
    # A --scorer file is named by path in args: its content goes into the key too.
    scorer = _hash_file(args[args.index("--scorer") + 1]) if "--scorer" in args else ""
    for part in (_hash_file(cli), _model_hash(args), scorer, json.dumps(args)):
        key.update(part.encode())
    key.update(payload)
    cache = os.path.join(paths.cache_dir(), "cli-%s-%s.jsonl" % (args[0], key.hexdigest()[:24]))
    if os.path.exists(cache) and os.path.exists(cache + ".stderr"):
        with open(cache, "rb") as f:
            out = f.read()
        with open(cache + ".stderr", "rb") as f:
            err = f.read()
    else:
        proc = subprocess.run([cli] + list(args) + ["--jsonl"], input=payload,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=paths.REPO)
        if proc.returncode != 0:
            raise RuntimeError("precis %s failed (exit %d): %s" % (
                " ".join(args), proc.returncode, proc.stderr.decode("utf-8", "replace")[-2000:]))
        out, err = proc.stdout, proc.stderr
        for path, content in ((cache + ".stderr", err), (cache, out)):
            with open(path + ".tmp", "wb") as f:
                f.write(content)
            os.replace(path + ".tmp", path)
    for line in err.decode("utf-8", "replace").splitlines():
        if "warning" in line.lower():
            seen = warnings.setdefault(" ".join(args), [])
            if line not in seen:
                seen.append(line)
    result = {}
    for line in out.decode("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            result[rec["id"]] = rec
    return result


def split(docs):
    """Précis's sentence split of each doc: {id: [sentence text, ...]} (errors -> [])."""
    out = run_jsonl(["split"], [{"id": d["id"], "text": d["text"], "lang": d["lang"]} for d in docs])
    return {i: [s["text"] for s in rec.get("sentences", [])] for i, rec in out.items()}


def summarize(docs, model="none", use_title=True, give_lang=True):
    """Précis summaries at each doc's k: {(id, k): (sentences, error or None)}."""
    return {key: (rec.get("summary", []), rec.get("error"))
            for key, rec in summarize_records(docs, model, use_title, give_lang).items()}


def summarize_records(docs, model="none", use_title=True, give_lang=True, scorer=None):
    """The CLI's whole output record per doc at its k: {(id, k): {"summary", "indices",
    "dangling_openers", ...} or {"error"}}. `scorer`: a scorer.json to score with instead."""
    records = []
    for d in docs:
        # One doc may be asked at several k (orangesum 1, 2, 3): the request id carries k.
        rec = {"id": "%s#%d" % (d["id"], d["k"]), "text": d["text"], "sentences": d["k"]}
        if give_lang:
            rec["lang"] = d["lang"]
        if use_title and d.get("title"):
            rec["title"] = d["title"]
        records.append(rec)
    args = ["summarize", "--model", model] + (["--scorer", scorer] if scorer else [])
    out = run_jsonl(args, records)
    result = {}
    for req, rec in out.items():
        doc_id, k = req.rsplit("#", 1)
        result[(doc_id, int(k))] = rec
    return result
