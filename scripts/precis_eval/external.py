"""Third-party summarizers run as they ship, each on its own sentence split.

OTS (Debian's `ots`, libots 0.5): OTS scores every sentence, then ots_highlight_doc()
marks the best ones until --ratio percent of the *words* is reached, which cannot ask for
k sentences. Its HTML output (`ots -h`) prints every sentence with its score in a comment
(`<!--(score)-->`), so we read all scores in one call and keep the k best, ties going to
the earlier sentence: exactly what libots's ots_highlight_doc_lines(k) picks (it takes the
first sentence of maximal score, k times). --ratio then only changes the highlighting,
which we ignore. Dictionaries: `-d en` / `-d fr` (/usr/share/ots/*.xml).

node-summarizer (npm 1.0.7, frequency method): see node_summarizer.cjs.
"""

import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess

from . import paths

_OTS_LINE = re.compile(r"^<!--\((-?\d+)\)--><FONT[^>]*><span[^>]*>(.*)</span></FONT>$")
NODE_SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "node_summarizer.cjs")


def ots_available():
    return shutil.which("ots") is not None


def node_summarizer_available():
    return shutil.which("node") is not None and os.path.isdir(
        os.path.join(paths.node_modules(), "node-summarizer"))


def parse_ots_html(html):
    """[(score, sentence text)] in document order from `ots -h` output."""
    out = []
    for line in html.splitlines():
        m = _OTS_LINE.match(line)
        if m:
            text = m.group(2).replace("<br>", "\n").strip()
            out.append((int(m.group(1)), text))
    return out


def top_k(scored, k):
    """Indices of the k best scores (ties: earlier first), in document order."""
    order = sorted(range(len(scored)), key=lambda i: (-scored[i][0], i))
    return sorted(order[:k])


class _JsonCache:
    """A dict persisted as one JSON file under build/eval-cache."""

    def __init__(self, name):
        self.path = os.path.join(paths.cache_dir(), name)
        self.data = {}
        if os.path.exists(self.path):
            with open(self.path, encoding="utf-8") as f:
                self.data = json.load(f)

    def save(self):
        tmp = self.path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(self.data, f, ensure_ascii=False)
        os.replace(tmp, self.path)


def _sha(*parts):
    h = hashlib.sha256()
    for p in parts:
        h.update(p.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def _ots_version():
    proc = subprocess.run(["ots", "--version"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return proc.stdout.decode("utf-8", "replace").strip()


def ots_scores(docs, jobs=2):
    """{doc id: [(score, sentence)]} for docs, running `ots -h -d LANG` once per doc."""
    cache = _JsonCache("ots-%s.json" % _sha(_ots_version())[:16])
    todo = [d for d in docs if _sha(d["lang"], d["text"]) not in cache.data]

    def run(doc):
        proc = subprocess.run(["ots", "-h", "-d", doc["lang"]], input=doc["text"].encode("utf-8"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        return doc, parse_ots_html(proc.stdout.decode("utf-8", "replace"))

    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for doc, scored in pool.map(run, todo):
            cache.data[_sha(doc["lang"], doc["text"])] = scored
    if todo:
        cache.save()
    return {d["id"]: [tuple(x) for x in cache.data[_sha(d["lang"], d["text"])]] for d in docs}


def node_summaries(docs):
    """{(doc id, k): (sentences, error or None)} from node_summarizer.cjs."""
    with open(os.path.join(paths.node_modules(), "node-summarizer", "package.json")) as f:
        version = json.load(f)["version"]
    with open(NODE_SCRIPT, encoding="utf-8") as f:
        script = f.read()
    cache = _JsonCache("node-summarizer-%s.json" % _sha(version, script)[:16])
    todo = [d for d in docs if _sha(str(d["k"]), d["text"]) not in cache.data]
    if todo:
        payload = "".join(json.dumps({"id": str(i), "text": d["text"], "k": d["k"]}) + "\n"
                          for i, d in enumerate(todo))
        proc = subprocess.run(["node", NODE_SCRIPT], input=payload.encode("utf-8"),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=paths.REPO)
        if proc.returncode != 0:
            raise RuntimeError("node-summarizer failed: " + proc.stderr.decode()[-2000:])
        for line in proc.stdout.decode("utf-8").splitlines():
            rec = json.loads(line)
            d = todo[int(rec["id"])]
            cache.data[_sha(str(d["k"]), d["text"])] = [rec.get("sentences", []), rec.get("error")]
        cache.save()
    return {(d["id"], d["k"]): tuple(cache.data[_sha(str(d["k"]), d["text"])]) for d in docs}
