"""Organizations found in text through addresses and domains: which one, once, and with what evidence."""

from __future__ import annotations

from app.analysis.context import scan_text
from app.analysis.directory import ContactEntry, PolicyView
from app.analysis.index import DirectoryIndex, build_index
from tests.analysis.conftest import CONTACTS, make_snapshot


def _orgs(index: DirectoryIndex, text: str) -> list[tuple[str, str]]:
    return [(index.org(org_index).id, evidence) for org_index, evidence in scan_text(index, text).orgs]


def test_a_bare_domain_names_its_organization_with_the_domain_as_evidence(index):
    assert _orgs(index, "see solartech.de for details") == [("solartech", "solartech.de")]


def test_a_subdomain_names_the_organization_of_its_parent(index):
    assert _orgs(index, "portal: shop.solartech.de") == [("solartech", "shop.solartech.de")]


def test_an_address_is_the_evidence_even_at_the_start_of_the_text(index):
    assert _orgs(index, "m.schmidt@solartech.de wrote") == [("solartech", "m.schmidt@solartech.de")]
    assert _orgs(index, "to a@solartech.de") == [("solartech", "a@solartech.de")]


def test_each_organization_is_reported_once_at_its_first_mention(index):
    text = "m.schmidt@solartech.de, k.bauer@solartech.de and SolarTech GmbH, Solar Tech"
    assert _orgs(index, text) == [("solartech", "m.schmidt@solartech.de")]


def test_a_contact_on_a_free_mail_domain_names_their_organization():
    snapshot = make_snapshot(contacts=(*CONTACTS, ContactEntry("sonnenkraft", "weber.anna@mailbox.example", "A", "de")))
    index = build_index(snapshot)
    assert _orgs(index, "cc weber.anna@mailbox.example") == [("sonnenkraft", "weber.anna@mailbox.example")]
    assert _orgs(index, "cc other@mailbox.example") == []


def test_internal_addresses_and_version_numbers_name_nobody(index):
    assert _orgs(index, "alex@acme-trade.example, v2.0x, readme.1st") == []


def test_evidence_is_taken_from_the_text_as_written_when_normalization_changes_its_length(index):
    # "ß" normalizes to "ss": offsets no longer match, the evidence is looked up in the raw text.
    assert _orgs(index, "Straße 5, SOLARTECH") == [("solartech", "SOLARTECH")]


def test_an_organization_named_twice_by_name_and_alias_is_reported_once(index):
    assert _orgs(index, "SolarTech GmbH, also called Solar Tech") == [("solartech", "SolarTech")]


def test_a_term_is_reported_once_per_category_it_belongs_to() -> None:
    # The tenant files "price" under bank details as well; the built-in list has it as a price.
    index = build_index(make_snapshot(policy=PolicyView(sensitive_terms={"bank": ("price",)})))
    terms = scan_text(index, "The price is firm; the price stays.").terms
    assert [term for term in terms if term[0] == "sensitive"] == [
        ("sensitive", "prices", "price"),
        ("sensitive", "bank", "price"),
    ]
