"""The regex builders behind document classes and sign-off/disclaimer cues.

They run once, at import, so the rule tests exercise their output but never their choices; these tests call them
on phrase lists of their own and check each choice: longest phrase first, any run of spaces, word boundaries only
where a script has them, German inflections."""

from __future__ import annotations

import re

import pytest

from app.analysis.doc_classes import _phrase_pattern
from app.analysis.rules.missing_attachment import _alternation


def _first(pattern: str, text: str) -> str | None:
    found = re.search(pattern, text)
    return found.group() if found else None


@pytest.mark.parametrize("build", [_phrase_pattern, _alternation])
def test_the_longest_phrase_wins_where_one_starts_another(build):
    pattern = build(("order", "order confirmation"))
    assert _first(pattern, "see the order confirmation below") == "order confirmation"


@pytest.mark.parametrize("build", [_phrase_pattern, _alternation])
def test_a_space_in_a_phrase_matches_any_run_of_white_space(build):
    pattern = build(("proforma invoice",))
    assert _first(pattern, "proforma \n  invoice 12") == "proforma \n  invoice"
    assert _first(pattern, "proformainvoice") is None


@pytest.mark.parametrize("build", [_phrase_pattern, _alternation])
def test_punctuation_in_a_phrase_is_literal(build):
    pattern = build(("p.i.",))
    assert _first(pattern, "our p.i. attached") == "p.i."
    assert _first(pattern, "our pxixattached") is None


@pytest.mark.parametrize("build", [_phrase_pattern, _alternation])
def test_latin_phrases_match_whole_words_only(build):
    pattern = build(("pi",))
    assert _first(pattern, "the api spec") is None
    assert _first(pattern, "pin code") is None
    assert _first(pattern, "our pi today") == "pi"


@pytest.mark.parametrize("build", [_phrase_pattern, _alternation])
def test_chinese_phrases_match_inside_running_text(build):
    # Chinese has no spaces between words: a boundary would miss "请查收报价单".
    pattern = build(("报价单",))
    assert _first(pattern, "请查收报价单附件") == "报价单"


def test_document_phrases_may_touch_digits_and_separators_in_file_names():
    pattern = _phrase_pattern(("pi",))
    assert _first(pattern, "pi2026_solartech") == "pi"
    assert _first(pattern, "scan_pi_001") == "pi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("rechnungen 2026", "rechnungen"), ("des vertrags", "vertrags"), ("zum angebote", "angebote")],
)
def test_german_document_heads_take_their_inflected_endings(text, expected):
    pattern = _phrase_pattern(("rechnung", "vertrag", "angebot"))
    assert _first(pattern, text) == expected


def test_inflected_endings_are_only_for_german_heads():
    assert _first(_phrase_pattern(("invoice",)), "invoices") is None


def test_a_german_head_inside_a_longer_word_is_not_a_match():
    assert _first(_phrase_pattern(("rechnung",)), "vorrechnungszeit") is None
    assert _first(_phrase_pattern(("rechnung",)), "rechnungsnummer") is None


def test_a_phrase_starting_with_a_digit_needs_no_left_boundary():
    assert _first(_phrase_pattern(("3d drawing",)), "x3d drawing") == "3d drawing"


def test_cues_keep_word_boundaries_around_digits_and_underscores():
    # \w boundaries, unlike document names: "regards_2" is not a sign-off.
    pattern = _alternation(("regards",))
    assert _first(pattern, "regards_2") is None
    assert _first(pattern, "2regards") is None
    assert _first(pattern, "best regards,") == "regards"
