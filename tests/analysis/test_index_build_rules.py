"""How the directory index is built: which names, codes and terms become keys for which organization, which
domains are mapped, which confusions are kept, and the packed tables (organizations, contacts) it reads from."""

from __future__ import annotations

import ahocorasick
import pytest

from app.analysis import index as index_module
from app.analysis import org_table
from app.analysis.contact_table import ContactTable, _lookup_forms
from app.analysis.context import scan_text
from app.analysis.directory import ConfusionEntry, ContactEntry, DirectorySnapshot, OrgEntry, PolicyView
from app.analysis.domains import Lookalike
from app.analysis.index import DirectoryIndex, Payload, _add_pattern, _key_tables, build_index, compile_automaton
from app.analysis.names import core_name, split_camel_name
from app.analysis.normalize import normalize_text
from app.analysis.org_table import OrgTable
from bench.directory_gen import make_directory

HELIO = OrgEntry("helio", "HelioHandel GmbH", "customer", ("hh-solar.de",), (), None, None, "HH-2024")
GLOBAL = OrgEntry("global", "Global Trading Ltd", "customer", ("globaltrading.example",))


def _snapshot(*orgs: OrgEntry, **overrides: object) -> DirectorySnapshot:
    fields: dict[str, object] = {
        "tenant_version": 1,
        "internal_domains": ("acme-trade.example",),
        "organizations": orgs,
    }
    fields.update(overrides)
    return DirectorySnapshot(**fields)  # type: ignore[arg-type]


def _org_keys(index: DirectoryIndex) -> dict[str, set[str]]:
    """Automaton key -> the ids of the organizations it names."""
    keys: dict[str, set[str]] = {}
    for key, key_id in index.automaton.items():
        for kind, ref, _category in index._payloads(key_id):
            if kind == "org":
                keys.setdefault(key, set()).add(index.org(int(ref)).id)  # type: ignore[call-overload]
    return keys


def _payloads(index: DirectoryIndex, text: str) -> set[Payload]:
    return {hit.payload for hit in index.scan(normalize_text(text))}


# --- organization keys -----------------------------------------------------------------------------


def test_an_organization_is_keyed_by_its_name_core_camel_case_reading_and_code() -> None:
    index = build_index(_snapshot(HELIO, GLOBAL))
    assert _org_keys(index) == {
        # "heliohandel gmbh" is left out: every text holding it holds "heliohandel" (see the next section)
        "heliohandel": {"helio"},
        "helio handel": {"helio"},  # "HelioHandel" read apart, the legal form "GmbH" dropped whole
        "hh-2024": {"helio"},
        "global trading ltd": {"global"},  # a generic core ("global trading") is no key; the full name is
    }


def test_a_camel_case_name_is_found_written_apart() -> None:
    index = build_index(_snapshot(HELIO))
    assert _payloads(index, "Order for Helio Handel") == {("org", 0, "org")}


def test_a_key_two_organizations_share_names_both() -> None:
    twin = OrgEntry("twin", "Sunrise Trading GmbH", "customer", (), ("HelioHandel",))
    index = build_index(_snapshot(HELIO, twin))
    assert _payloads(index, "HelioHandel") == {("org", 0, "org"), ("org", 1, "org")}
    assert _org_keys(index)["heliohandel"] == {"helio", "twin"}


def test_an_organization_named_like_a_term_keeps_the_term() -> None:
    index = build_index(_snapshot(OrgEntry("pf", "Proforma GmbH", "customer")))
    assert _payloads(index, "proforma") == {("term", "sensitive", "terms"), ("org", 0, "org")}


def test_a_key_naming_one_organization_is_stored_as_its_index_until_a_second_payload_comes() -> None:
    patterns: dict[str, int | list[Payload]] = {}
    _add_pattern(patterns, "helio", ("org", 3, "org"))
    assert patterns == {"helio": 3}
    _add_pattern(patterns, "helio", ("org", 5, "org"))
    _add_pattern(patterns, "helio", ("org", 5, "org"))
    assert patterns == {"helio": [("org", 3, "org"), ("org", 5, "org")]}


def test_only_one_word_short_names_are_recorded_for_running_text() -> None:
    orgs = (
        OrgEntry("helio", "Helio Handel GmbH", "customer"),
        OrgEntry("nord", "Nordlicht Blau Handel GmbH", "customer"),  # short "nordlicht blau": two words
    )
    assert build_index(_snapshot(*orgs)).short_names == {"helio"}


# --- keys a shorter key covers -------------------------------------------------------------------------


def test_a_name_is_left_out_when_a_shorter_key_it_starts_with_names_the_same_organization() -> None:
    orgs = (
        OrgEntry("zen", "Zenluxliber Elektro GmbH & Co. KG", "customer"),
        OrgEntry("hz", "杭州润阳安泰电子股份有限公司", "customer"),
    )
    index = build_index(_snapshot(*orgs))
    keys = _org_keys(index)
    assert "zenluxliber elektro gmbh & co. kg" not in keys
    assert "杭州润阳安泰电子股份有限公司" not in keys
    assert keys["zenluxliber elektro"] == {"zen"}
    assert keys["杭州润阳安泰电子"] == {"hz"}
    scanned = scan_text(index, "Bestellung: Zenluxliber Elektro GmbH & Co. KG, 杭州润阳安泰电子股份有限公司")
    assert scanned.orgs == [(0, "Zenluxliber Elektro"), (1, "杭州润阳安泰电子")]


def test_a_longer_name_stays_when_the_shorter_key_names_other_organizations() -> None:
    orgs = (OrgEntry("a", "Nordlicht AG", "customer"), OrgEntry("b", "Nordlicht Blau GmbH", "customer"))
    index = build_index(_snapshot(*orgs))
    assert _org_keys(index)["nordlicht blau"] == {"b"}
    assert "nordlicht blau gmbh" not in _org_keys(index)
    assert {org for org, _evidence in scan_text(index, "Nordlicht Blau GmbH").orgs} == {0, 1}


def test_a_shorter_key_naming_the_organization_among_others_covers_its_longer_names() -> None:
    orgs = (OrgEntry("a", "Helio AG", "customer"), OrgEntry("b", "Helio Handel GmbH", "customer"))
    index = build_index(_snapshot(*orgs))
    assert _org_keys(index) == {"helio": {"a", "b"}}  # "Helio Handel" shortened to "Helio" names both
    assert scan_text(index, "Helio Handel GmbH").orgs == [(0, "Helio"), (1, "Helio")]


def test_a_shorter_key_ending_inside_a_latin_word_covers_nothing() -> None:
    # "sol" names the organization too, but inside "solar光伏" it has no boundary after it: no hit there.
    index = build_index(_snapshot(OrgEntry("sol", "Solar光伏", "customer", (), ("Sol",))))
    assert _org_keys(index)["solar光伏"] == {"sol"}
    assert scan_text(index, "Order Solar光伏").orgs == [(0, "Solar光伏")]


def test_a_longer_key_carrying_a_term_stays() -> None:
    policy = PolicyView(sensitive_terms={"bank": ("Acme Solar", "Acme Solar GmbH")})
    index = build_index(_snapshot(OrgEntry("acme", "Acme Solar GmbH", "customer"), policy=policy))
    assert _payloads(index, "acme solar gmbh") == {("term", "sensitive", "bank"), ("org", 0, "org")}
    scanned = scan_text(index, "Acme Solar GmbH")
    assert scanned.terms == [("sensitive", "bank", "Acme Solar"), ("sensitive", "bank", "Acme Solar GmbH")]


def test_leaving_covered_keys_out_changes_no_scan_of_a_generated_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot = make_directory(1_500).snapshot
    pruned = build_index(snapshot)
    monkeypatch.setattr(index_module, "_without_covered_keys", lambda patterns: patterns)
    whole = build_index(snapshot)
    assert len(pruned.key_lengths) < 0.7 * len(whole.key_lengths)
    for org in snapshot.organizations:
        for text in (org.name, f"Dear {org.name} team, PI for {org.name.upper()}.", *org.aliases):
            assert scan_text(pruned, text) == scan_text(whole, text), text


# --- terms -------------------------------------------------------------------------------------------


def test_terms_are_keyed_with_their_kind_and_category() -> None:
    policy = PolicyView(sensitive_terms={"bank": ("  Kontoauszug  ", " ")})
    index = build_index(_snapshot(policy=policy))
    assert _payloads(index, "price") == {("term", "sensitive", "prices")}
    assert _payloads(index, "kontoauszug") == {("term", "sensitive", "bank")}
    assert _payloads(index, "do not forward") == {("term", "marker", "marker")}
    assert _payloads(index, "between us") == {("term", "comment", "comment")}
    assert _payloads(index, "enclosed") == {("term", "attach", "attach")}
    assert _payloads(index, "markup") == {("term", "cue", "ambiguous_costs")}


def test_a_table_without_keys_still_compiles_and_finds_nothing() -> None:
    index = DirectoryIndex(1, PolicyView(), frozenset(), OrgTable.of(()), ahocorasick.Automaton())
    index.automaton = compile_automaton(_key_tables(index, {}))
    assert list(index.scan("\x00")) == []


# --- domains -----------------------------------------------------------------------------------------


def test_organization_domains_are_mapped_as_written_and_free_mail_is_skipped() -> None:
    org = OrgEntry(
        "helio",
        "Helio Handel GmbH",
        "customer",
        ("", "gmail.com", "mail.gmail.com", "@HH-Solar.de", ".helio-handel.de."),
    )
    index = build_index(_snapshot(org))
    assert dict(index.org_by_domain) == {"hh-solar.de": 0, "helio-handel.de": 0}
    assert index.org_index_for_domain("mail.gmail.com") is None


def test_the_company_name_written_together_stands_for_its_first_domain() -> None:
    org = OrgEntry("helio", "Helio Handel GmbH", "customer", ("gmail.com", "hh-solar.de", "helio.example"))
    index = build_index(_snapshot(org))
    assert index.lookalikes.find("heliohandel.com") == Lookalike("hh-solar.de", "variant")
    assert index.lookalikes.find("heliohandelgmbh.com") == Lookalike("hh-solar.de", "variant")


def test_a_domain_without_a_dot_stands_for_itself() -> None:
    index = build_index(_snapshot(OrgEntry("helio", "Helio Handel GmbH", "customer", ("hh",))))
    assert index.lookalikes.find("heliohandel.com") == Lookalike("hh", "variant")


def test_internal_domains_are_kept_without_surrounding_dots() -> None:
    index = build_index(_snapshot(internal_domains=(".Acme-Trade.example.", "")))
    assert index.internal_domains == frozenset({"acme-trade.example"})


# --- confusions ----------------------------------------------------------------------------------------


def test_the_strongest_confusion_of_each_address_is_kept() -> None:
    confusions = (
        ConfusionEntry("a@x.example", " A@X.example", 5),  # an address confused with itself
        ConfusionEntry("", "b@x.example", 5),  # nothing intended
        ConfusionEntry("c1@x.example", "c@x.example"),  # seen once: kept
        ConfusionEntry("c2@x.example", "c@x.example"),  # as often, later: the first stays
        ConfusionEntry("d1@x.example", "d@x.example", 3),
        ConfusionEntry("d2@x.example", "d@x.example", 2),  # weaker, later
    )
    index = build_index(_snapshot(confusions=confusions))
    assert index.confusions == {"c@x.example": "c1@x.example", "d@x.example": "d1@x.example"}


# --- names ----------------------------------------------------------------------------------------------


def test_a_name_that_is_only_a_legal_form_keeps_it() -> None:
    assert core_name("gmbh") == "gmbh"


def test_a_core_name_loses_a_trailing_dot() -> None:
    assert core_name("acme intl.") == "acme intl"


# --- packed tables -------------------------------------------------------------------------------------


def test_an_organization_read_twice_is_the_same_entry() -> None:
    table = OrgTable.of((HELIO, GLOBAL))
    assert table[1] is table[1]


def test_the_entry_cache_never_holds_more_than_its_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(org_table, "_CACHED_ENTRIES", 2)
    table = OrgTable.of((HELIO, GLOBAL, HELIO))
    assert [table[i].id for i in range(3)] == ["helio", "global", "helio"]
    assert len(table._cache) <= 2


def test_reading_past_the_end_names_the_position() -> None:
    table = OrgTable.of((HELIO, GLOBAL))
    with pytest.raises(IndexError, match=r"^2$"):
        table[2]


def test_addresses_are_lower_cased_line_for_line() -> None:
    assert _lookup_forms(["A B@x.example", ""]) == ["a b@x.example", ""]
    assert _lookup_forms(["A\nB@x.example", "C@x.example"]) == ["a\nb@x.example", "c@x.example"]


def test_an_address_given_twice_is_one_key() -> None:
    contacts = [ContactEntry("a", "x@a.example", "X"), ContactEntry("b", "x@a.example", "Y")]
    by_email = ContactTable.of(contacts).by_email
    assert list(by_email) == ["x@a.example"] and len(by_email) == 1


@pytest.mark.parametrize(
    ("name", "apart"),
    [
        ("HelioHandel GmbH", "Helio Handel GmbH"),
        ("SunPeak Co., Ltd.", "Sun Peak Co., Ltd."),
        ("PanelParts (GmbH)", "Panel Parts (GmbH)"),
        ("HelioHandel GmbH.", "Helio Handel GmbH."),
        ("HelioHandel SpA", "Helio Handel SpA"),
        ("Helio  Handel", "Helio  Handel"),
        ("SolarTechGmbH", "Solar Tech Gmb H"),  # glued to the name, the legal form cannot be told apart
    ],
)
def test_glued_names_are_read_apart_but_legal_forms_stay_whole(name: str, apart: str) -> None:
    assert split_camel_name(name) == apart
