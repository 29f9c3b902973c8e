"""ROUGE-1/2/L/Lsum precision, recall and F1, with two tokenizers.

Public API:
    tokenize(text, mode="neutral", stem=False) -> list[str]
    rouge(pred, ref, mode="neutral", stem=False, types=ROUGE_TYPES)
        -> {"rouge1": Score(p, r, f), "rouge2": ..., "rougeL": ..., "rougeLsum": ...}
    Score is a namedtuple (p, r, f) of floats in [0, 1].

Modes:
    "neutral"  the project's language-neutral tokenizer: NFKC, lowercase, Unicode word
               runs (\\w+ without the underscore), no stemming; every CJK character
               (ideograph, kana, hangul syllable) is a token of its own, the usual convention
               for Chinese (LCSTS) and Japanese. Used for every figure we report.
    "rouge-score"  reproduces the rouge-score package's default tokenizer: lowercase,
               every char outside [a-z0-9] becomes a space (so accented letters split
               words), and with stem=True the NLTK Porter stemmer on tokens longer than
               3 chars. Use it to compare with published English figures.

ROUGE-L is computed on the whole token sequences; ROUGE-Lsum splits pred and ref into
sentences on "\\n" (pass summaries as newline-joined sentences) and uses rouge-score's
summary-level union LCS with its token-count clipping (as ROUGE-1.5.5 does).

Example:
    >>> rouge("the cat sat", "the cat sat down")["rouge1"].r
    0.75
"""

import collections
import re
import unicodedata

from . import porter

Score = collections.namedtuple("Score", ["p", "r", "f"])

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
MODES = ("neutral", "rouge-score")

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_NEUTRAL_WORD = re.compile(r"[%s]|[^\W_%s]+" % (_CJK, _CJK))
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_STEM_CACHE = {}


def tokenize(text, mode="neutral", stem=False):
    """Split text into the tokens ROUGE counts, per the mode described above."""
    if mode == "neutral":
        return _NEUTRAL_WORD.findall(unicodedata.normalize("NFKC", text).lower())
    if mode == "rouge-score":
        tokens = _NON_ALNUM.sub(" ", text.lower()).split()
        if stem:
            tokens = [_stem(t) if len(t) > 3 else t for t in tokens]
        return tokens
    raise ValueError("unknown tokenizer mode: %r (expected one of %s)" % (mode, MODES))


def _stem(token):
    cached = _STEM_CACHE.get(token)
    if cached is None:
        cached = _STEM_CACHE[token] = porter.stem(token)
    return cached


def fmeasure(p, r):
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def ngram_score(pred_tokens, ref_tokens, n):
    """ROUGE-N from token lists; clipped n-gram counts, as rouge-score."""
    pred = _ngrams(pred_tokens, n)
    ref = _ngrams(ref_tokens, n)
    hits = sum(min(count, pred[g]) for g, count in ref.items())
    p = hits / max(sum(pred.values()), 1)
    r = hits / max(sum(ref.values()), 1)
    return Score(p, r, fmeasure(p, r))


def _ngrams(tokens, n):
    return collections.Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def lcs_score(pred_tokens, ref_tokens):
    """ROUGE-L from token lists (one LCS over the whole sequences)."""
    if not pred_tokens or not ref_tokens:
        return Score(0.0, 0.0, 0.0)
    rows = _lcs_rows(ref_tokens, pred_tokens)
    length = _row_value(rows[-1], len(pred_tokens))
    p = length / len(pred_tokens)
    r = length / len(ref_tokens)
    return Score(p, r, fmeasure(p, r))


def lsum_score(pred_sents, ref_sents):
    """ROUGE-Lsum from lists of tokenized sentences (summary-level union LCS)."""
    pred_sents = [s for s in pred_sents if s]
    ref_sents = [s for s in ref_sents if s]
    m = sum(map(len, ref_sents))
    n = sum(map(len, pred_sents))
    if not m or not n:
        return Score(0.0, 0.0, 0.0)
    ref_left = collections.Counter(t for s in ref_sents for t in s)
    pred_left = collections.Counter(t for s in pred_sents for t in s)
    hits = 0
    for ref in ref_sents:
        union = set()
        for pred in pred_sents:
            union.update(_lcs_indices(ref, pred))
        # Clip by the remaining counts so a token is not matched twice (ROUGE-1.5.5).
        for i in sorted(union):
            t = ref[i]
            if pred_left[t] > 0 and ref_left[t] > 0:
                hits += 1
                pred_left[t] -= 1
                ref_left[t] -= 1
    p = hits / n
    r = hits / m
    return Score(p, r, fmeasure(p, r))


# --- LCS, bit-parallel --------------------------------------------------------------
# Row i of the LCS table (ref[:i] against every prefix of can) is kept as one integer V
# (Hyyro 2004): bit j is 0 where the row value steps up at column j+1, so
# table[i][j] = number of zero bits of V below bit j. This is exact and much faster in
# Python than filling the table cell by cell, and it still lets us backtrack the same
# way rouge-score does, which fixes which LCS (and so which union) ROUGE-Lsum uses.

def _lcs_rows(ref, can):
    masks = {}
    for j, tok in enumerate(can):
        masks[tok] = masks.get(tok, 0) | (1 << j)
    full = (1 << len(can)) - 1
    v = full
    rows = [v]
    for tok in ref:
        u = v & masks.get(tok, 0)
        v = ((v + u) | (v - u)) & full
        rows.append(v)
    return rows


def _row_value(v, j):
    """table[i][j] from row bits v: zeros of v among bits 0..j-1."""
    return j - (v & ((1 << j) - 1)).bit_count()


def _lcs_indices(ref, can):
    """Indices into ref of one LCS, chosen by rouge-score's backtracking rule."""
    rows = _lcs_rows(ref, can)
    i, j = len(ref), len(can)
    out = []
    while i > 0 and j > 0:
        if ref[i - 1] == can[j - 1]:
            out.append(i - 1)
            i -= 1
            j -= 1
        elif _row_value(rows[i], j - 1) > _row_value(rows[i - 1], j):
            j -= 1
        else:
            i -= 1
    out.reverse()
    return out


def rouge(pred, ref, mode="neutral", stem=False, types=ROUGE_TYPES):
    """Score a predicted summary against a reference (strings; sentences on "\\n")."""
    result = {}
    pred_tokens = tokenize(pred, mode, stem)
    ref_tokens = tokenize(ref, mode, stem)
    for kind in types:
        if kind == "rouge1":
            result[kind] = ngram_score(pred_tokens, ref_tokens, 1)
        elif kind == "rouge2":
            result[kind] = ngram_score(pred_tokens, ref_tokens, 2)
        elif kind == "rougeL":
            result[kind] = lcs_score(pred_tokens, ref_tokens)
        elif kind == "rougeLsum":
            result[kind] = lsum_score(
                [tokenize(s, mode, stem) for s in pred.split("\n")],
                [tokenize(s, mode, stem) for s in ref.split("\n")])
        else:
            raise ValueError("unknown ROUGE type: %r" % kind)
    return result
