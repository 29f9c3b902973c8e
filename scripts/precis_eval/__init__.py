"""Précis evaluation harness: ROUGE, baselines and the dev-set report (see scripts/eval)."""
