"""Tests of the model scripts: scripts/make-test-models, scripts/model/*.py, models/precis-base/.

The graphs are checked through their numpy twins (onnx_graphs.*_reference), which
scripts/model/ort-check.mjs verifies against onnxruntime-node and -web.
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import onnx
import sentencepiece as spm
from onnx import numpy_helper

from tests.py import REPO

sys.path.insert(0, os.path.join(REPO, "scripts", "model"))
from build_encoder import quantize  # noqa: E402
from manifest import sha256_of  # noqa: E402
from onnx_graphs import pooled_reference, token_reference  # noqa: E402

BASE = os.path.join(REPO, "models", "precis-base")
SMALL = os.path.join(REPO, "models", "precis-small")


def load_manifest(model_dir):
    with open(os.path.join(model_dir, "manifest.json"), encoding="utf-8") as f:
        return json.load(f)


def initializers(path):
    return {t.name: numpy_helper.to_array(t) for t in onnx.load(path).graph.initializer}


def batch(sp, texts):
    rows = [sp.encode(t) for t in texts]
    width = max(1, max(len(r) for r in rows))
    ids = np.zeros((len(rows), width), np.int64)
    mask = np.zeros_like(ids)
    for i, r in enumerate(rows):
        ids[i, :len(r)] = r
        mask[i, :len(r)] = 1
    return ids, mask


class TestModels(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = cls.tmp.name
        subprocess.run([os.path.join(REPO, "scripts", "make-test-models"), cls.out, "--variant", "all"],
                       check=True, capture_output=True)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def assert_hashes_match(self, model_dir):
        manifest = load_manifest(model_dir)
        for key in ("tokenizer", "encoder"):
            section = manifest[key]
            self.assertEqual(sha256_of(os.path.join(model_dir, section["file"])), section["sha256"], key)

    def test_test_models_are_deterministic(self):
        with tempfile.TemporaryDirectory() as again:
            subprocess.run([os.path.join(REPO, "scripts", "make-test-models"), again], check=True,
                           capture_output=True)
            for variant in ("tiny-pooled", "tiny-transformer-like"):
                for name in ("tokenizer.model", "encoder.onnx", "manifest.json"):
                    self.assertEqual(sha256_of(os.path.join(self.out, variant, name)),
                                     sha256_of(os.path.join(again, variant, name)), (variant, name))

    def test_test_model_manifests(self):
        for variant in ("tiny-pooled", "tiny-transformer-like"):
            self.assert_hashes_match(os.path.join(self.out, variant))
        token = load_manifest(os.path.join(self.out, "tiny-transformer-like"))
        self.assertEqual(token["encoder"]["pooling"], "mean")
        self.assertEqual(token["tokenizer"]["id_offset"], 1)
        broken = load_manifest(os.path.join(self.out, "bad-sha"))
        self.assertNotEqual(broken["encoder"]["sha256"],
                            sha256_of(os.path.join(self.out, "bad-sha", "encoder.onnx")))
        self.assertFalse(os.path.exists(os.path.join(self.out, "missing-encoder",
                                                     load_manifest(os.path.join(self.out, "missing-encoder"))["encoder"]["file"])))

    def test_pooled_graph_masks_and_normalises(self):
        d = os.path.join(self.out, "tiny-pooled")
        sp = spm.SentencePieceProcessor(model_file=os.path.join(d, "tokenizer.model"))
        table = initializers(os.path.join(d, "encoder.onnx"))["table"]
        ids, mask = batch(sp, ["Le match s'est joué au Stade de France.", "The court", ""])
        out = pooled_reference(table, None, None, ids, mask)
        np.testing.assert_allclose(np.linalg.norm(out[:2], axis=1), 1.0, rtol=1e-5)
        self.assertEqual(float(np.abs(out[2]).max()), 0.0)   # no tokens: zero vector, no NaN
        short_ids, short_mask = batch(sp, ["The court"])     # padding must not change a row
        np.testing.assert_allclose(pooled_reference(table, None, None, short_ids, short_mask)[0], out[1],
                                   atol=1e-6)

    def test_token_graph_leaves_padding_to_the_loader(self):
        w = np.load(os.path.join(self.out, "tiny-transformer-like", "weights.npz"))
        ids = np.array([[5, 6, 1]], np.int64)
        hidden = token_reference(w["embed"], w["weight"], w["bias"], w["type_embed"], ids,
                                 np.array([[1, 1, 0]], np.int64))
        self.assertEqual(hidden.shape, (1, 3, 12))
        self.assertGreater(float(np.abs(hidden[0, 2]).max()), 0.0)  # padded position is not zero

    def test_quantize_keeps_rows(self):
        rng = np.random.default_rng(1)
        table = rng.standard_normal((50, 20)).astype(np.float32)
        table[3] = 0.0
        q, scale = quantize(table)
        self.assertEqual(q.dtype, np.int8)
        back = q.astype(np.float32) * scale[:, None]
        self.assertLess(float(np.abs(back - table).max()), float(np.abs(table).max()) / 254 + 1e-6)
        self.assertEqual(float(np.abs(back[3]).max()), 0.0)


class TestPrecisBase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.manifest = load_manifest(BASE)
        cls.sp = spm.SentencePieceProcessor(model_file=os.path.join(BASE, "tokenizer.model"))
        inits = initializers(os.path.join(BASE, "encoder.onnx"))
        cls.params = (inits["table"], inits["scale"], inits["components"])

    def embed(self, texts):
        return pooled_reference(*self.params, *batch(self.sp, texts))

    def test_manifest_matches_files(self):
        m = self.manifest
        for key in ("tokenizer", "encoder"):
            self.assertEqual(sha256_of(os.path.join(BASE, m[key]["file"])), m[key]["sha256"], key)
        self.assertEqual(m["encoder"]["dimension"], self.params[0].shape[1])
        self.assertEqual(self.params[0].shape[0], self.sp.get_piece_size())
        self.assertEqual((m["encoder"]["pooling"], m["encoder"]["output"]), ("none", "sentence_embedding"))
        total = sum(os.path.getsize(os.path.join(BASE, m[k]["file"])) for k in ("tokenizer", "encoder"))
        self.assertLessEqual(total, 12 * 1000 * 1000)

    def test_tokenizer_folds_case(self):
        self.assertEqual(self.sp.encode("ÉCOLE PUBLIQUE Élection"), self.sp.encode("école publique élection"))

    def test_related_sentences_are_closer(self):
        # Paraphrases with few shared words vs an unrelated sentence, in each language.
        for a, b, unrelated in [
            ("Le gouvernement annonce une hausse des impôts.", "L'exécutif va augmenter les taxes.",
             "Le chat dort sur le canapé du salon."),
            ("The government will raise taxes next year.", "Ministers plan a tax increase.",
             "The cat is sleeping on the sofa."),
        ]:
            e = self.embed([a, b, unrelated])
            self.assertGreater(float(e[0] @ e[1]), float(e[0] @ e[2]) + 0.1, a)
            np.testing.assert_allclose(np.linalg.norm(e, axis=1), 1.0, rtol=1e-5)


class TestShrink(unittest.TestCase):
    """scripts/model/shrink.py on precis-base, with a few sentences of training text."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        data, cls.out = os.path.join(cls.tmp.name, "data"), os.path.join(cls.tmp.name, "small")
        os.makedirs(data)
        with open(os.path.join(REPO, "scripts", "model", "tiny-corpus.txt"), encoding="utf-8") as f:
            lines = [l.strip() for l in f if l.strip()]
        with gzip.open(os.path.join(data, "orangesum-train.jsonl.gz"), "wt", encoding="utf-8") as f:
            for i in range(0, len(lines), 4):
                f.write(json.dumps({"title": lines[i], "text": " ".join(lines[i + 1:i + 4])}) + "\n")
        cls.data = data
        # Every piece of this text is kept (fewer than 2,000); directions from the pieces (the
        # default, the sentences' directions, needs more sentences than dimensions: see below).
        run = subprocess.run(cls.shrink(cls.out, "--pieces", "2000", "--basis", "pieces"), check=True, capture_output=True, text=True)
        cls.report = json.loads(run.stdout.splitlines()[0])
        cls.sp = spm.SentencePieceProcessor(model_file=os.path.join(cls.out, "tokenizer.model"))
        cls.base_sp = spm.SentencePieceProcessor(model_file=os.path.join(BASE, "tokenizer.model"))
        inits = initializers(os.path.join(cls.out, "encoder.onnx"))
        cls.params = (inits["table"], inits["scale"], inits["components"])

    @classmethod
    def shrink(cls, out, *extra):
        return [sys.executable, os.path.join(REPO, "scripts", "model", "shrink.py"), BASE, out,
                "--dim", "8", "--name", "tiny-small", "--data", cls.data, *extra]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_too_little_text_for_the_sentence_directions_is_refused(self):
        run = subprocess.run(self.shrink(os.path.join(self.tmp.name, "refused"), "--pieces", "2000"), capture_output=True, text=True)
        self.assertNotEqual(run.returncode, 0)
        self.assertIn("to find 8 directions", run.stderr)

    def test_keeps_the_frequent_pieces_every_character_and_the_specials(self):
        base = {self.base_sp.id_to_piece(i) for i in range(self.base_sp.get_piece_size())}
        kept = [self.sp.id_to_piece(i) for i in range(self.sp.get_piece_size())]
        self.assertEqual(len(kept), self.report["kept"])
        self.assertLessEqual(len(kept), 2000 + self.report["special+single"])
        self.assertTrue(set(kept) <= base)
        singles = {p for p in base if len(p.replace("\u2581", "")) <= 1}
        self.assertTrue(singles <= set(kept))
        self.assertEqual((self.sp.unk_id(), self.sp.id_to_piece(0)), (0, "<unk>"))
        # Text the pieces were counted on keeps its segmentation; a rare word is spelled in kept pieces.
        text = "Les syndicats dénoncent une mesure insuffisante"
        self.assertEqual(self.sp.encode(text, out_type=str), self.base_sp.encode(text, out_type=str))
        rare = self.sp.encode("hippopotamesque", out_type=str)
        self.assertNotIn(0, self.sp.encode("hippopotamesque"))
        self.assertGreater(len(rare), len(self.base_sp.encode("hippopotamesque")))

    def test_encoder_and_manifest(self):
        m = load_manifest(self.out)
        self.assertEqual((m["name"], m["languages"], m["encoder"]["dimension"]), ("tiny-small", ["fr"], 8))
        self.assertEqual(self.params[0].shape, (self.sp.get_piece_size(), 8))
        self.assertEqual(self.params[0].dtype, np.int8)
        for key in ("tokenizer", "encoder"):
            self.assertEqual(sha256_of(os.path.join(self.out, m[key]["file"])), m[key]["sha256"], key)
        e = pooled_reference(*self.params, *batch(self.sp, ["Le chat dort.", "Les syndicats appellent à manifester."]))
        np.testing.assert_allclose(np.linalg.norm(e, axis=1), 1.0, rtol=1e-5)
        comps = self.params[2]
        np.testing.assert_allclose(comps @ comps.T, np.eye(len(comps)), atol=1e-5)


class TestPrecisSmall(unittest.TestCase):
    def test_committed_files_match_manifest_and_size_limit(self):
        m = load_manifest(SMALL)
        total = 0
        for key in ("tokenizer", "encoder", "scorer"):
            path = os.path.join(SMALL, m[key]["file"])
            self.assertEqual(sha256_of(path), m[key]["sha256"], key)
            with open(path, "rb") as f:
                total += len(gzip.compress(f.read(), 9))
        self.assertLessEqual(total, 1.5e6)   # issue 13: the model's files <= 1.5 MB gzip
        self.assertEqual(m["languages"], ["fr"])
        with open(os.path.join(SMALL, "scorer.json"), encoding="utf-8") as f:
            self.assertEqual(json.load(f)["network"]["languages"], ["fr"])


if __name__ == "__main__":
    unittest.main()


class ScorerNetworkTest(unittest.TestCase):
    """scripts/model/scorer_network.py mirrors wasm/src/scorer.cc: the same tiny network as
    tests/unit/scorer_test.cc gives the scores worked out by hand there."""

    NETWORK = {"input_mean": [0.5, 0, 0, 0, 0], "input_scale": [0.5, 1, 0.25, 1, 2],
               "hidden": {"weights": [[1, 2, 0, 0, 0], [0, 0, 1, 1, -2]], "bias": [0, -1], "activation": "tanh"},
               "output": {"weights": [1, -0.5], "bias": 0.25}, "skip": [0.5, 0, 0, 0, 1]}

    def test_network_scores_match_the_cpp_worked_example(self):
        from scorer_network import network_scores
        raw = np.array([[1, 0.5, 0.25, 0.5, -0.5], [0.5, -0.5, -0.25, -0.5, 0.5]])
        expected = [0.25 + np.tanh(2.0) - 0.5 * np.tanh(1.0) + 0.25,
                    0.25 + np.tanh(-1.0) - 0.5 * np.tanh(-3.0) + 0.25]
        np.testing.assert_allclose(network_scores(self.NETWORK, raw), expected, rtol=1e-12)
        relu = dict(self.NETWORK, hidden=dict(self.NETWORK["hidden"], activation="relu"))
        np.testing.assert_allclose(network_scores(relu, raw), [0.25 + 2 - 0.5 + 0.25, 0.25 + 0.25], rtol=1e-12)

    def test_input_matrix_is_features_centred_features_centred_embedding(self):
        from scorer_network import input_matrix, network_input_names
        rows = [[1.0, 0.5], [0.5, -0.5]]
        embeddings = [[1.0, 0.0], [0.0, 1.0]]
        np.testing.assert_allclose(input_matrix(rows, embeddings), [
            [1.0, 0.5, 0.25, 0.5, 0.5, -0.5], [0.5, -0.5, -0.25, -0.5, -0.5, 0.5]])
        self.assertEqual(network_input_names(["a", "b"]), ["a", "b", "centred:a", "centred:b", "centred_embedding"])
