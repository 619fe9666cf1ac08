"""Why an address cannot be delivered (mailbox and domain rules, with their reason text), and which known domains
and company names the look-alike index answers with."""

from __future__ import annotations

import pytest

from app.analysis.domains import Lookalike, LookalikeIndex, address_problem

# 63 + 1 + 63 + 1 + 63 + 1 + 58 + 1 + 2 = 253 characters, the longest domain there is; one more is too long.
_LONGEST_DOMAIN = ".".join(("a" * 63, "b" * 63, "c" * 63, "d" * 58, "de"))
_TOO_LONG_DOMAIN = ".".join(("a" * 63, "b" * 63, "c" * 63, "d" * 59, "de"))


@pytest.mark.parametrize(
    "address",
    [
        "m..schmidt@solartech.de",
        "m schmidt@solartech.de",
        "a" * 65 + "@solartech.de",
        ".schmidt@solartech.de",
        "schmidt.@solartech.de",
    ],
)
def test_malformed_mailboxes_are_invalid(address: str) -> None:
    assert address_problem(address) == "invalid mailbox"


def test_the_longest_mailbox_is_valid() -> None:
    assert address_problem("a" * 64 + "@solartech.de") is None


@pytest.mark.parametrize(
    "address",
    [
        "x@" + "ü" * 64 + ".de",  # no IDNA form: the label is too long
        "x@solartech.d",  # a one-letter top-level domain
        "x@solartech.123",  # a numeric top-level domain
        "x@" + _TOO_LONG_DOMAIN,  # 254 characters, every label short enough
    ],
)
def test_malformed_domains_are_invalid(address: str) -> None:
    assert address_problem(address) == "invalid domain"


def test_a_domain_of_253_characters_is_valid() -> None:
    assert (len(_LONGEST_DOMAIN), len(_TOO_LONG_DOMAIN)) == (253, 254)
    assert address_problem("x@" + _LONGEST_DOMAIN) is None


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
