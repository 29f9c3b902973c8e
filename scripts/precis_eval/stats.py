"""Bootstrap confidence intervals over documents (percentile method)."""

import numpy as np

RESAMPLES = 1000  # the brief's figure: 1,000 resamples, fixed seed
SEED = 12345


def _indices(n, resamples, seed):
    return np.random.default_rng(seed).integers(0, n, size=(resamples, n))


def mean_ci(values, resamples=RESAMPLES, seed=SEED, level=0.95):
    """(mean, low, high) of per-document values, percentile bootstrap."""
    x = np.asarray(values, dtype=float)
    if len(x) == 0:
        return (float("nan"),) * 3
    means = x[_indices(len(x), resamples, seed)].mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(x.mean()), float(low), float(high)


def paired_diff_ci(a, b, resamples=RESAMPLES, seed=SEED, level=0.95):
    """(mean(a - b), low, high): both systems resampled on the same documents."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError("paired bootstrap needs scores on the same documents")
    return mean_ci(a - b, resamples, seed, level)
