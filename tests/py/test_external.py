"""The third-party summarizers run as the harness calls them (skipped when not installed)."""
import json
import subprocess
import unittest

from tests.py import REPO
from precis_eval import external

TEXT = ("The council approved the new budget on Monday. Weather was mild across the region. "
        "The budget raises school funding by ten percent. A local team won its match. "
        "Critics said the budget ignores public transport.")


@unittest.skipUnless(external.ots_available(), "`ots` not installed (apt package ots)")
class Ots(unittest.TestCase):
    def test_scores_every_sentence(self):
        proc = subprocess.run(["ots", "-h", "-d", "en"], input=TEXT.encode(), stdout=subprocess.PIPE)
        scored = external.parse_ots_html(proc.stdout.decode())
        self.assertEqual(len(scored), 5)
        self.assertEqual(scored[0][1], "The council approved the new budget on Monday.")
        picked = external.top_k(scored, 2)
        self.assertEqual(len(picked), 2)


@unittest.skipUnless(external.node_summarizer_available(), "node or node_modules/node-summarizer missing")
class NodeSummarizer(unittest.TestCase):
    def run_script(self, records):
        payload = "".join(json.dumps(r) + "\n" for r in records).encode()
        proc = subprocess.run(["node", external.NODE_SCRIPT], input=payload, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, cwd=REPO, check=True)
        return [json.loads(line) for line in proc.stdout.decode().splitlines()]

    def test_k_sentences_in_document_order(self):
        out = self.run_script([{"id": "a", "text": TEXT, "k": 2}, {"id": "b", "text": "", "k": 1}])
        self.assertEqual([o["id"] for o in out], ["a", "b"])
        sents = out[0]["sentences"]
        self.assertEqual(len(sents), 2)
        self.assertTrue(all(s in TEXT for s in sents))
        self.assertLess(TEXT.index(sents[0]), TEXT.index(sents[1]))
        self.assertIn("error", out[1])


if __name__ == "__main__":
    unittest.main()
