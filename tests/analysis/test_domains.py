"""Domains: registrable parts, free mail and look-alikes of known domains."""

import pytest

from app.analysis.domains import (
    Lookalike,
    LookalikeIndex,
    email_domain,
    is_freemail,
    registrable_domain,
    skeleton,
    skeletons,
    split_registrable_uncached,
)


@pytest.mark.parametrize(("domain", "free"), [("gmail.com", True), ("mail.gmail.com", True), ("solartech.de", False)])
def test_free_mail_includes_the_providers_subdomains(domain, free):
    assert is_freemail(domain) is free


def test_the_domain_of_an_address_as_typed():
    assert email_domain(" a@Solartech.DE. ") == "solartech.de"
    assert email_domain('"a@b"@x.de') == "x.de"


@pytest.mark.parametrize(
    ("domain", "registrable"),
    [
        ("a.b.example.co.uk", "example.co.uk"),
        ("localhost", "localhost"),
        ("foo.bar.internal", "bar.internal"),
        ("mail.solartech.de", "solartech.de"),
    ],
)
def test_registrable_domain(domain, registrable):
    assert registrable_domain(domain) == registrable


@pytest.fixture
def known() -> LookalikeIndex:
    index = LookalikeIndex()
    for domain in ("solartech.de", "energiasolar.es", "nordlicht-energie.de", "brightline.co.uk", "acme.io", "abc.io"):
        index.add(*split_registrable_uncached(domain))
    index.add_name("brightlinesolar", "brightline.co.uk")
    return index


@pytest.mark.parametrize(
    ("domain", "match", "reason"),
    [
        ("solartech.com", "solartech.de", "tld"),
        ("mail.solartech.com", "solartech.de", "tld"),
        ("solartec.de", "solartech.de", "edit"),
        ("solartechh.de", "solartech.de", "edit"),
        ("nordlichtenergie.de", "nordlicht-energie.de", "variant"),
        ("brightline.uk", "brightline.co.uk", "tld"),
        ("acme.com", "acme.io", "tld"),
        ("acne.io", "acme.io", "edit"),
        ("x.solartech.de.evil.com", "solartech.de", "embedded"),
        ("solartech.evil.com", "solartech.de", "embedded"),
        ("brightlinesolar.com", "brightline.co.uk", "variant"),
        ("brightline.co.uk.secure-mail.net", "brightline.co.uk", "embedded"),
        ("solartech.de-invoice.com", "solartech.de", "embedded"),
        ("brightlime.co.uk", "brightline.co.uk", "edit"),
    ],
)
def test_lookalikes_name_the_known_domain_and_why(known, domain, match, reason):
    found = known.find(domain)
    assert found is not None
    assert (found.domain, found.reason) == (match, reason)


@pytest.mark.parametrize(
    "domain",
    ["solartech.de", "mail.solartech.de", "abc.de", "abd.io", "weather.com", "solar.de", "solarteks.de"],
)
def test_known_short_and_unrelated_domains_are_not_lookalikes(known, domain):
    assert known.find(domain) is None


def test_a_hyphen_added_to_a_one_letter_slip_is_still_a_slip():
    index = LookalikeIndex()
    for domain in ("solartech.de", "nordlichtenergie.de", "brightline.co.uk"):
        index.add(*split_registrable_uncached(domain))
    assert index.find("solar-tec.de") == Lookalike("solartech.de", "edit")
    assert index.find("nordlicht-energi.de") == Lookalike("nordlichtenergie.de", "edit")
    assert index.find("brightlines.co.uk") == Lookalike("brightline.co.uk", "edit")
    assert index.find("brightline.co") == Lookalike("brightline.co.uk", "tld")


@pytest.mark.parametrize(
    "domains",
    [
        ["solartech.de", "paypa1.com", "Modern.io", "clever.ch"],
        ["energía-solar.es", "ѕolar.de", "mοdern.gr", "xn--80ak6aa92e.com", "vvind.com"],
        ["broken\nline.de", "ok.de"],
        [],
    ],
)
def test_skeletons_in_bulk_are_the_skeletons_one_by_one(domains):
    assert skeletons(domains) == [skeleton(domain) for domain in domains]


def test_a_confusable_of_a_domain_added_after_a_lookup_is_still_found():
    index = LookalikeIndex()
    index.add("modern", "io")
    assert index.find("rnodern.io") == Lookalike("modern.io", "confusable")
    index.add("paypal", "com")
    index.add("paypa1", "com")  # the first domain with a skeleton keeps it
    assert index.find("paypai.com") == Lookalike("paypal.com", "confusable")
    packed = index.packed()
    assert packed.find("paypai.com") == Lookalike("paypal.com", "confusable")
    assert packed.find("rnodern.io") == Lookalike("modern.io", "confusable")
