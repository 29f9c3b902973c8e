"""Précis evaluation harness; entry point scripts/eval, report docs/EVALUATION.md.

Modules:
    rouge      ROUGE-1/2/L/Lsum, language-neutral and rouge-score tokenizers (see its docstring)
    porter     NLTK's Porter stemmer (for the rouge-score tokenizer)
    data       the dev sets (orangesum-dev at 1/2/3 sentences, bbc-dev past its first 400 docs)
    precis_cli cached calls to build/native/precis (split, summarize) in --jsonl mode
    baselines  Lead, Random, greedy Oracle, TextRank on a given sentence split
    external   OTS and node-summarizer (node_summarizer.cjs)
    systems    the system registry and runner
    stats      bootstrap confidence intervals
    report     the Markdown report
    main       argument parsing and the run

Tests: /usr/bin/python3 -m unittest discover -s tests/py -t .   (from the repo root)
"""
