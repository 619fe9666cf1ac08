"""Which known domains and company names the look-alike index answers with."""

from __future__ import annotations

from app.analysis.domains import Lookalike, LookalikeIndex

# --- look-alike index --------------------------------------------------------------------------------


def test_a_domain_without_a_suffix_is_known_as_written() -> None:
    index = LookalikeIndex()
    index.add("intranet", "")
    assert index.find("intranet") is None
    assert "intranet" in index.known


def test_the_hyphenated_domain_is_the_one_its_name_written_together_imitates() -> None:
    index = LookalikeIndex()
    index.add("solartech", "com")  # someone else's plain label, added first
    index.add("solar-tech", "de")
    assert index.find("solartechgmbh.de") == Lookalike("solar-tech.de", "variant")


def test_a_company_name_of_five_letters_stands_for_its_domain() -> None:
    index = LookalikeIndex()
    index.add("hh-solar", "de")
    index.add_name("helio", "hh-solar.de")
    assert index.find("helio.com") == Lookalike("hh-solar.de", "variant")


def test_company_names_too_short_or_not_ascii_stand_for_nothing() -> None:
    index = LookalikeIndex()
    index.add("acme-trading", "de")
    index.add("sunnew", "cn")
    index.add_name("acme", "acme-trading.de")
    index.add_name("阳光新能源", "sunnew.cn")
    assert index.find("acme.com") is None
    assert index.find("阳光新能源.com") is None
