#!/usr/bin/python3
"""Grid over build_encoder's constants, scored on the FITTING split only (intrinsic.py --fit):
orangesum-train docs 0..999 and bbc-dev docs 0..399. Never looks at the held-out sets.

Usage: scripts/model/tune.py WORK_DIR MODEL_DIR [--data DIR]
(MODEL_DIR: a model written by build_encoder.py, for its tokenizer and manifest.)
"""
import argparse
import itertools
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from build_encoder import build  # noqa: E402
from intrinsic import Encoder, evaluate  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("work")
    ap.add_argument("model_dir")
    ap.add_argument("--data", default=os.path.join(HERE, "..", "..", "..", "shared", "data"))
    args = ap.parse_args()
    grid = list(itertools.product([1e-3, 1e-4], [0.5, 1.0, 2.0], [0, 1, 2]))
    grid += [(3e-5, 0.5, 1), (1e-5, 0.5, 1), (1e-4, 0.25, 1), (3e-5, 0.5, 2)]  # second look
    for sif_a, beta, k in grid:
        enc = Encoder(args.model_dir, params=build(args.work, sif_a, beta, k))
        res = evaluate(enc, args.data, fit=True, baseline=False)
        print(json.dumps({"sif_a": sif_a, "beta": beta, "components": k,
                          **{name: r["model"]["rank1"] for name, r in res.items()}}), flush=True)


if __name__ == "__main__":
    main()
