"""Lead, Random, Oracle, TextRank and the OTS output parser on small synthetic inputs."""
import unittest

from tests.py import REPO  # noqa: F401  (puts scripts/ on the path)
from precis_eval import baselines, external, rouge

SENTS = [
    "The council approved the new budget on Monday.",
    "Weather was mild across the region.",
    "The budget raises school funding by ten percent.",
    "A local team won its match.",
    "Critics said the budget ignores public transport.",
]
REF = ["The council approved a budget that raises school funding by ten percent."]


class Lead(unittest.TestCase):
    def test_first_k(self):
        self.assertEqual(baselines.lead(SENTS, 2), [0, 1])

    def test_short_document(self):
        self.assertEqual(baselines.lead(SENTS[:1], 3), [0])
        self.assertEqual(baselines.lead([], 3), [])


class RandomPick(unittest.TestCase):
    def test_depends_only_on_seed_and_doc(self):
        a = baselines.random_pick(SENTS, 3, 559, "doc-1")
        self.assertEqual(a, baselines.random_pick(SENTS, 3, 559, "doc-1"))
        self.assertEqual(len(a), 3)
        self.assertEqual(a, sorted(set(a)))
        draws = {tuple(baselines.random_pick(SENTS, 2, 559, "doc-%d" % i)) for i in range(30)}
        self.assertGreater(len(draws), 3)

    def test_short_document(self):
        self.assertEqual(baselines.random_pick(SENTS[:2], 5, 1, "x"), [0, 1])


class Oracle(unittest.TestCase):
    def test_picks_the_sentences_that_carry_the_reference(self):
        self.assertEqual(baselines.oracle(SENTS, 2, REF), [0, 2])

    def test_exactly_k_even_when_nothing_helps(self):
        # No sentence shares a word with the reference: still k of them, for equal length.
        self.assertEqual(baselines.oracle(["aa bb", "cc dd", "ee ff"], 2, ["zz yy"]), [0, 1])

    def test_beats_lead_on_its_own_objective(self):
        def gain(idx):
            pred = " ".join(SENTS[i] for i in idx)
            r = rouge.rouge(pred, REF[0], types=("rouge1", "rouge2"))
            return r["rouge1"].f + r["rouge2"].f
        for k in (1, 2, 3):
            self.assertGreaterEqual(gain(baselines.oracle(SENTS, k, REF)), gain(baselines.lead(SENTS, k)))


class TextRank(unittest.TestCase):
    def test_central_sentences_win(self):
        # Sentences 0, 2 and 4 share "budget"; the two isolated ones rank last.
        picked = baselines.textrank(SENTS, 3)
        self.assertEqual(picked, [0, 2, 4])

    def test_short_and_degenerate_inputs(self):
        self.assertEqual(baselines.textrank(SENTS[:2], 3), [0, 1])
        self.assertEqual(baselines.textrank(["a", "b", "c"], 1), [0])  # no edges: ties to the earlier


class OtsOutput(unittest.TestCase):
    HTML = ("<html>\n<body>\n<!--cat,mat-->\n"
            "<!--(16)--><FONT COLOR=\"#16569E\"><span>Tom & Jerry <b>are</b> here.</span></FONT>\n"
            "<!--(24)--><FONT COLOR=\"#16569E\"><span style='background:yellow;'> The cat sat.</span></FONT>\n"
            "<!--(24)--><FONT COLOR=\"#16569E\"><span><br><br>Cats like mats.</span></FONT>\n"
            "<!--(0)--><FONT COLOR=\"#16569E\"><span> Yes.</span></FONT>\n</body></html>\n")

    def test_parse(self):
        self.assertEqual(external.parse_ots_html(self.HTML),
                         [(16, "Tom & Jerry <b>are</b> here."), (24, "The cat sat."),
                          (24, "Cats like mats."), (0, "Yes.")])

    def test_top_k_ties_to_earlier_in_document_order(self):
        scored = external.parse_ots_html(self.HTML)
        self.assertEqual(external.top_k(scored, 1), [1])
        self.assertEqual(external.top_k(scored, 3), [0, 1, 2])


if __name__ == "__main__":
    unittest.main()
