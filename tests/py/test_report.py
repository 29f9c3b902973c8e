"""Scoring and report plumbing on a synthetic set (no CLI, no shared data)."""
import unittest

from tests.py import REPO  # noqa: F401  (puts scripts/ on the path)
from precis_eval import data, main, report, systems

DOCS = [
    {"id": "d1", "lang": "en", "title": "", "text": "A b c. D e f. G h i.", "k": 1,
     "ref_text": "A b c.", "ref_sents": ["A b c."]},
    {"id": "d2", "lang": "en", "title": "", "text": "X y. Z w.", "k": 1,
     "ref_text": "Z w.", "ref_sents": ["Z w."]},
]


class FakeRunner:
    errors = {"lead": {("d2", 1): "boom"}}

    def label(self, name):
        return systems.Runner([]).label(name) if name != "lead" else "Lead-k"


class Scoring(unittest.TestCase):
    def test_scores_and_table(self):
        scorer = main.Scorer("neutral", False)
        lead = scorer.scores("lead", DOCS, {"d1": ["A b c."], "d2": ["X y."]})
        self.assertEqual(lead["rouge1"], [100.0, 0.0])
        self.assertEqual(lead["rougeLsum"], [100.0, 0.0])
        oracle = scorer.scores("oracle", DOCS, {"d1": ["A b c."], "d2": ["Z w."]})
        es = data.EvalSet("toy", "en", DOCS, "1 sentence")
        table = report.Table(es, ["lead", "oracle"], FakeRunner(), {"lead": lead, "oracle": oracle})
        text = report.render_table(table)
        self.assertIn("| Lead-1 (1 error) | 50.00 [", text)
        self.assertIn("| Oracle (greedy R1+R2) | 100.00 [100.00, 100.00]", text)


class ForeignSections(unittest.TestCase):
    def test_speed_section_survives_regeneration(self):
        old = "# Evaluation\nold tables\n\n<!-- speed:begin -->\n## Speed\nfast\n<!-- speed:end -->\n"
        new = report.keep_foreign_sections(old, "# Evaluation\nnew tables\n")
        self.assertEqual(new, "# Evaluation\nnew tables\n\n<!-- speed:begin -->\n## Speed\nfast\n<!-- speed:end -->\n")

    def test_nothing_to_keep(self):
        self.assertEqual(report.keep_foreign_sections("# old\n", "# new\n"), "# new\n")


if __name__ == "__main__":
    unittest.main()
