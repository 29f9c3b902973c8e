"""Extractive baselines that pick k sentences from a given sentence split.

Each takes (sentences, k, ...) and returns sorted sentence indices (document order), at
most k of them, so every system is compared at the same length.
"""

import collections
import hashlib
import math
import random

import numpy as np

from . import rouge


def lead(sentences, k):
    """The first k sentences."""
    return list(range(min(k, len(sentences))))


def random_pick(sentences, k, seed, doc_id):
    """k sentences drawn uniformly; the draw depends only on (seed, doc id), not on run order."""
    digest = hashlib.sha256(("%s:%s" % (seed, doc_id)).encode()).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    return sorted(rng.sample(range(len(sentences)), min(k, len(sentences))))


def oracle(sentences, k, ref_sents, mode="neutral"):
    """Greedy extractive oracle: add, k times, the sentence that most raises
    ROUGE-1 F + ROUGE-2 F of the selection against the reference.

    Unlike the usual oracle (Nallapati et al. 2017) it does not stop when no sentence
    helps: it always returns min(k, n) sentences so it has the same length as the others.
    N-grams are counted within sentences (no bigram across a sentence boundary), which
    lets each step update counts instead of re-scoring. Ties go to the earlier sentence.
    """
    ref_tokens = rouge.tokenize(" ".join(ref_sents), mode)
    refs = [collections.Counter(_ngrams(ref_tokens, n)) for n in (1, 2)]
    ref_totals = [max(sum(c.values()), 1) for c in refs]
    sents = []
    for s in sentences:
        tokens = rouge.tokenize(s, mode)
        sents.append([collections.Counter(_ngrams(tokens, n)) for n in (1, 2)])
    picked = [collections.Counter(), collections.Counter()]
    hits = [0, 0]
    sizes = [0, 0]
    chosen = []
    for _ in range(min(k, len(sentences))):
        best, best_gain, best_hits = None, -1.0, None
        for i, grams in enumerate(sents):
            if i in chosen:
                continue
            gain = 0.0
            new_hits = []
            for n in (0, 1):
                h = hits[n]
                for g, c in grams[n].items():
                    r = refs[n].get(g)
                    if r:
                        have = picked[n][g]
                        h += min(r, have + c) - min(r, have)
                new_hits.append(h)
                size = max(sizes[n] + sum(grams[n].values()), 1)
                gain += rouge.fmeasure(h / size, h / ref_totals[n])
            if gain > best_gain:
                best, best_gain, best_hits = i, gain, new_hits
        chosen.append(best)
        hits = best_hits
        for n in (0, 1):
            picked[n].update(sents[best][n])
            sizes[n] += sum(sents[best][n].values())
    return sorted(chosen)


def _ngrams(tokens, n):
    return [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def textrank(sentences, k, mode="neutral", damping=0.85, tol=1e-6, max_iter=200):
    """Plain TextRank (Mihalcea & Tarau 2004): PageRank over the sentence graph whose edge
    weights are |shared words| / (log|Si| + log|Sj|), no stop list, no stemming; the top k
    by score (ties to the earlier sentence), returned in document order."""
    n = len(sentences)
    if n <= k:
        return list(range(n))
    words = [rouge.tokenize(s, mode) for s in sentences]
    sets = [set(w) for w in words]
    weight = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            denom = math.log(len(words[i])) + math.log(len(words[j])) if words[i] and words[j] else 0
            if denom > 0:
                weight[i, j] = weight[j, i] = len(sets[i] & sets[j]) / denom
    out_sum = weight.sum(axis=1)
    # Row-normalised transitions; a sentence with no edges passes no score on.
    trans = np.divide(weight, out_sum[:, None], out=np.zeros_like(weight), where=out_sum[:, None] > 0)
    score = np.ones(n)
    for _ in range(max_iter):
        new = (1 - damping) + damping * (trans.T @ score)
        delta = np.abs(new - score).max()
        score = new
        if delta < tol:
            break
    order = sorted(range(n), key=lambda i: (-score[i], i))
    return sorted(order[:k])
