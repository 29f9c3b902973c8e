"""Bootstrap confidence intervals on small synthetic samples."""
import unittest

import numpy as np

from tests.py import REPO  # noqa: F401  (puts scripts/ on the path)
from precis_eval import stats


class MeanCi(unittest.TestCase):
    def test_constant_sample_has_zero_width(self):
        self.assertEqual(stats.mean_ci([3.0] * 20), (3.0, 3.0, 3.0))

    def test_interval_brackets_the_mean_and_shrinks_with_n(self):
        rng = np.random.default_rng(1)
        small = rng.normal(10, 2, 30)
        large = rng.normal(10, 2, 3000)
        m, lo, hi = stats.mean_ci(small)
        self.assertAlmostEqual(m, small.mean())
        self.assertLess(lo, m)
        self.assertGreater(hi, m)
        _, lo2, hi2 = stats.mean_ci(large)
        self.assertLess(hi2 - lo2, (hi - lo) / 3)
        # 95% CI of a normal mean is about +-1.96 sd/sqrt(n).
        self.assertAlmostEqual((hi2 - lo2) / 2, 1.96 * large.std() / np.sqrt(len(large)), delta=0.02)

    def test_seeded(self):
        x = list(range(50))
        self.assertEqual(stats.mean_ci(x), stats.mean_ci(x))
        self.assertNotEqual(stats.mean_ci(x, seed=1), stats.mean_ci(x, seed=2))

    def test_empty(self):
        self.assertTrue(all(v != v for v in stats.mean_ci([])))  # NaN


class PairedDiff(unittest.TestCase):
    def test_pairing_removes_shared_document_difficulty(self):
        rng = np.random.default_rng(2)
        difficulty = rng.uniform(0, 100, 200)  # large per-document variation
        a = difficulty + 1.0 + rng.normal(0, 0.1, 200)
        b = difficulty
        m, lo, hi = stats.paired_diff_ci(a, b)
        self.assertAlmostEqual(m, 1.0, delta=0.05)
        self.assertGreater(lo, 0.9)   # clearly positive once paired...
        _, ulo, _ = stats.mean_ci(a)
        _, _, uhi = stats.mean_ci(b)
        self.assertLess(ulo, uhi)     # ...while the unpaired intervals overlap

    def test_shape_mismatch(self):
        with self.assertRaises(ValueError):
            stats.paired_diff_ci([1, 2], [1])


if __name__ == "__main__":
    unittest.main()
