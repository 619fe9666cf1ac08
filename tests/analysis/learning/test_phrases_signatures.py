"""The company lines and phone country read from the block under a writer's quoted name."""

from __future__ import annotations

from collections import Counter

from app.analysis.learning.phrases import _proposed_forms
from app.analysis.learning.signatures import signature


def _quote(*lines: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in lines)


def test_the_line_above_the_contact_details_is_the_company() -> None:
    quoted = _quote("Anna Berg", "Sales Manager", "Export", "Helio Solar", "Tel +49 30 1234", "www.helio.de")
    assert signature(quoted, "Anna Berg") == (["Helio Solar"], "DE")


def test_lines_with_a_legal_form_are_companies() -> None:
    quoted = _quote("Anna Berg", "Helio Solar GmbH", "Export", "Tel +49 30 1234")
    assert signature(quoted, "Anna Berg") == (["Helio Solar GmbH"], "DE")


def test_no_phone_no_country() -> None:
    assert signature(_quote("Anna Berg", "Helio Solar"), "Anna Berg") == (["Helio Solar"], None)


def test_a_blank_line_ends_the_block_but_not_before_it_starts() -> None:
    quoted = _quote("Anna Berg", "", "Helio Solar", "", "Kind regards to the team")
    assert signature(quoted, "Anna Berg") == (["Helio Solar"], None)


def test_contact_details_without_a_phone_do_not_end_the_block() -> None:
    quoted = _quote("Anna Berg", "www.helio.de", "Helio Solar")
    assert signature(quoted, "Anna Berg") == (["Helio Solar"], None)


def test_lines_after_the_phone_are_no_company() -> None:
    quoted = _quote("Anna Berg", "Helio Solar", "Tel +49 30 1234", "Berlin Office", "Anna Berg")
    assert signature(quoted, "Anna Berg") == ([], None)  # the last occurrence of the name starts the block
    quoted = _quote("Anna Berg", "Helio Solar", "Tel +49 30 1234", "Berlin Office")
    assert signature(quoted, "Anna Berg") == (["Helio Solar"], "DE")


def test_a_company_line_is_at_most_80_characters() -> None:
    line_80 = f"Helio Solar {'x' * 68}"
    assert len(line_80) == 80
    assert signature(_quote("Anna Berg", line_80), "Anna Berg") == ([line_80], None)
    assert signature(_quote("Anna Berg", "Helio Solar", line_80 + "y"), "Anna Berg") == (["Helio Solar"], None)


def test_an_unknown_name_has_no_signature() -> None:
    assert signature(_quote("Anna Berg", "Helio Solar"), "Bob Stone") == ([], None)


# --- the forms an alias is proposed in --------------------------------------------------------------


def test_a_name_often_glued_is_proposed_glued_too() -> None:
    forms = Counter({"Helio Handel": 3, "HelioHandel": 1})
    assert _proposed_forms(forms, "helio handel") == ("Helio Handel", "HelioHandel")


def test_a_name_rarely_glued_is_proposed_as_written() -> None:
    assert _proposed_forms(Counter({"Helio Handel": 5, "HelioHandel": 1}), "helio handel") == ("Helio Handel",)


def test_the_most_used_glued_form_is_proposed() -> None:
    forms = Counter({"HelioHandels": 1, "HelioHandel": 3, "Helio Handel": 4})
    assert _proposed_forms(forms, "helio handel") == ("Helio Handel", "HelioHandel")


def test_only_camel_case_is_a_glued_form() -> None:
    forms = Counter({"Helio Handel": 4, "HelioHandel": 3, "Heliohandel": 3})
    assert _proposed_forms(forms, "helio handel") == ("Helio Handel", "HelioHandel")


def test_a_name_written_glued_is_proposed_once() -> None:
    assert _proposed_forms(Counter({"HelioHandel": 2}), "heliohandel") == ("HelioHandel",)
