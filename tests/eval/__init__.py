"""Labelled evaluation set of realistic export trade drafts (see bench/eval.py and tests/eval/test_eval.py)."""
