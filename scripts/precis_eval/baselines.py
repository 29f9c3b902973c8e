"""Extractive baselines that pick k sentences from a given sentence split.

Each takes (sentences, k, ...) and returns sorted sentence indices (document order), at
most k of them, so every system is compared at the same length.
"""

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
    Ties go to the earlier sentence.
    """
    ref_tokens = rouge.tokenize(" ".join(ref_sents), mode)
    sent_tokens = [rouge.tokenize(s, mode) for s in sentences]
    chosen = []
    for _ in range(min(k, len(sentences))):
        best, best_gain = None, -1.0
        for i in range(len(sentences)):
            if i in chosen:
                continue
            tokens = [t for j in sorted(chosen + [i]) for t in sent_tokens[j]]
            gain = (rouge.ngram_score(tokens, ref_tokens, 1).f
                    + rouge.ngram_score(tokens, ref_tokens, 2).f)
            if gain > best_gain:
                best, best_gain = i, gain
        chosen.append(best)
    return sorted(chosen)


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
