"""ROUGE checked against rouge-score's published test vectors (ROUGE-1.5.5 numbers)."""
import json
import os
import random
import unittest

from tests.py import REPO
from precis_eval import porter, rouge

TESTDATA = os.path.join(os.path.dirname(REPO), "shared", "data", "rouge-testdata")
TOL = 1e-4


def _lines(name):
    with open(os.path.join(TESTDATA, name), encoding="utf-8") as f:
        return f.read().split("\n")


@unittest.skipUnless(os.path.exists(os.path.join(TESTDATA, "expected.json")),
                     "rouge test vectors absent: %s (shared data not laid beside the repo)" % TESTDATA)
class RougeScoreVectors(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(os.path.join(TESTDATA, "expected.json"), encoding="utf-8") as f:
            cls.expected = json.load(f)

    def assertScore(self, got, want, label):
        for key in ("p", "r", "f"):
            self.assertAlmostEqual(getattr(got, key), want[key], delta=TOL,
                                   msg="%s %s" % (label, key))

    def test_line_pairs(self):
        targets = _lines("target.txt")
        preds = _lines("prediction.txt")
        cases = self.expected["line_pairs"]
        self.assertEqual(len(cases), 4)
        for case in cases:
            i, stem = case["line"], case["stemmer"]
            got = rouge.rouge(preds[i], targets[i], mode="rouge-score", stem=stem)
            for kind in ("rouge1", "rouge2", "rougeL"):
                if kind in case:
                    self.assertScore(got[kind], case[kind], "line %d stem=%s %s" % (i, stem, kind))

    def test_lsum_multi(self):
        case = self.expected["rougeLsum_multi"]
        target = "\n".join(_lines(case["files"][0]))
        pred = "\n".join(_lines(case["files"][1]))
        got = rouge.rouge(pred, target, mode="rouge-score", stem=case["stemmer"])
        self.assertScore(got["rougeLsum"], case, "rougeLsum multi")

    def test_toy_cases(self):
        for case in self.expected["toy_cases"]:
            got = rouge.rouge(case["prediction"], case["target"], mode="rouge-score")
            self.assertScore(got[case["type"]], case, "toy %s %r" % (case["type"], case["prediction"]))


class NeutralTokenizer(unittest.TestCase):
    def test_unicode_words_kept_whole(self):
        self.assertEqual(rouge.tokenize("L’État a décidé_ça, Œuvre 2022!"),
                         ["l", "état", "a", "décidé", "ça", "œuvre", "2022"])

    def test_nfkc_folds_compatibility_forms(self):
        self.assertEqual(rouge.tokenize("ﬁn ＡＢＣ"), ["fin", "abc"])

    def test_rouge_score_mode_splits_accents(self):
        self.assertEqual(rouge.tokenize("Décidé", mode="rouge-score"), ["d", "cid"])

    def test_unknown_mode(self):
        with self.assertRaises(ValueError):
            rouge.tokenize("x", mode="nope")


class Porter(unittest.TestCase):
    def test_known_stems(self):
        # Expected values from NLTK's PorterStemmer() (NLTK_EXTENSIONS mode) docs/tests.
        cases = {"caresses": "caress", "ponies": "poni", "ties": "tie", "cats": "cat",
                 "feed": "feed", "agreed": "agre", "plastered": "plaster", "motoring": "motor",
                 "sing": "sing", "conflated": "conflat", "troubled": "troubl", "sized": "size",
                 "hopping": "hop", "falling": "fall", "filing": "file", "happy": "happi",
                 "relational": "relat", "conditional": "condit", "generalization": "gener",
                 "dying": "die", "skies": "sky", "news": "news", "flies": "fli",
                 "controlling": "control", "effective": "effect", "adjustment": "adjust",
                 "geology": "geolog", "is": "is", "oed": "o", "On": "on"}
        for word, want in cases.items():
            self.assertEqual(porter.stem(word), want, word)


class LcsMatchesPlainDynamicProgramming(unittest.TestCase):
    """The bit-parallel LCS must agree with the textbook table on random inputs."""

    @staticmethod
    def table(a, b):
        t = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
        for i in range(1, len(a) + 1):
            for j in range(1, len(b) + 1):
                t[i][j] = t[i - 1][j - 1] + 1 if a[i - 1] == b[j - 1] else max(t[i - 1][j], t[i][j - 1])
        return t

    def test_random(self):
        rng = random.Random(7)
        for _ in range(300):
            a = [rng.choice("abcd") for _ in range(rng.randint(1, 30))]
            b = [rng.choice("abcd") for _ in range(rng.randint(1, 30))]
            t = self.table(a, b)
            rows = rouge._lcs_rows(a, b)
            for i in range(len(a) + 1):
                for j in range(len(b) + 1):
                    self.assertEqual(rouge._row_value(rows[i], j), t[i][j])
            idx = rouge._lcs_indices(a, b)
            self.assertEqual(len(idx), t[-1][-1])
            self.assertEqual(idx, sorted(set(idx)))


if __name__ == "__main__":
    unittest.main()
