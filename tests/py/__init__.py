"""Python tests of the evaluation harness (scripts/precis_eval).

Run from the repo root:  /usr/bin/python3 -m unittest discover -s tests/py -t .
"""
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# precis_eval lives in scripts/, which is not a package: put it on the path once here.
sys.path.insert(0, os.path.join(REPO, "scripts"))
