"""How organization names are reduced to what people write, and which names and codes are safe to search for."""

import pytest

from app.analysis.names import core_name, short_name, spellings, usable_code, usable_name


def test_accented_names_are_also_searched_without_accents():
    assert spellings("energía solar ibérica", "", "solartech", "solartech") == [
        "energía solar ibérica",
        "energia solar iberica",
        "solartech",
    ]


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("阳光新能源有限公司", "阳光新能源"),
        ("阳光有限公司", "阳光"),
        ("光公司", "光公司"),  # one character is no name to search for
        ("grupo helios s.a. de c.v.", "grupo helios"),
        ("solartech gmbh", "solartech"),
        ("energía solar ibérica s.l.", "energía solar ibérica"),
    ],
)
def test_core_name_drops_the_legal_form(name, core):
    assert core_name(name) == core


@pytest.mark.parametrize(
    ("core", "short"),
    [
        ("sunpeak energy solutions", "sunpeak"),
        ("blue sky trading", "blue sky"),
        ("helio energy", "helio"),  # five letters are distinctive enough
        ("nordlicht energie", "nordlicht"),
        ("brightline solar", "brightline"),
    ],
)
def test_short_name_drops_trailing_business_words(core, short):
    assert short_name(core) == short


@pytest.mark.parametrize(
    "core",
    [
        "solartech",  # nothing to drop
        "helix energy",  # "helix" is fine, but...
        "abcd energy",  # ...four letters would match too much
        "solar energy",  # an ordinary word
        "global trading",
    ],
)
def test_no_short_name_when_nothing_distinctive_remains(core):
    expected = "helix" if core == "helix energy" else ""
    assert short_name(core) == expected


@pytest.mark.parametrize(
    ("key", "usable"),
    [("", False), ("王", False), ("阳光", True), ("ab", False), ("abc", True), ("a-b", False), ("a-bc", True)],
)
def test_names_too_short_to_search_for(key, usable):
    assert usable_name(key) is usable


@pytest.mark.parametrize(
    ("code", "usable"),
    [("ST1", False), ("ST-1", True), ("12345", False), ("123456", True)],
)
def test_customer_codes_that_would_match_prices_or_dates_are_not_searched(code, usable):
    assert usable_code(code) is usable
