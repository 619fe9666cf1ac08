"""Derived template values: known keys get labels, unknown ones show as given, missing ones stay empty."""

from __future__ import annotations

import pytest

from app.analysis.findings import Finding
from app.analysis.messages import _params
from app.analysis.texts import CATEGORY_LABELS


@pytest.mark.parametrize("lang", ["en", "zh-CN"])
def test_missing_category_problem_and_reason_give_empty_labels(lang):
    params = _params(Finding("lookalike_domain", "high"), lang)
    labels = ("category_title", "category_label", "problem_label", "reason_label")
    assert {name: params[name] for name in labels} == dict.fromkeys(labels, "")


def test_unknown_values_are_shown_as_given():
    params = _params(Finding("x", "low", params={"category": "misc", "problem": "odd", "reason": "why"}), "en")
    assert (params["category_title"], params["category_label"]) == ("misc", "misc")
    assert (params["problem_label"], params["reason_label"]) == ("odd", "why")


def test_a_known_category_gets_its_labels_in_the_language():
    category = next(iter(CATEGORY_LABELS))
    params = _params(Finding("sensitive_external", "high", params={"category": category}), "zh-CN")
    assert (params["category_title"], params["category_label"]) == CATEGORY_LABELS[category]["zh-CN"]
