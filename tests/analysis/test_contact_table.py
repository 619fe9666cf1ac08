"""The packed contact table answers every lookup as the dicts of entries it replaced did."""

from __future__ import annotations

from collections.abc import Sequence

from app.analysis.contact_table import ContactTable
from app.analysis.directory import ContactEntry
from app.analysis.names import name_key
from app.analysis.normalize import is_cjk
from bench.directory_gen import make_directory

ODD = (
    ContactEntry("o-gone", " Anna.Weber@SolarTech.DE ", "Anna Weber", "de"),  # organization not in the directory
    ContactEntry("solartech", "anna.weber@solartech.de", "Anna Weber (2)", None),  # the same address again
    ContactEntry("solartech", "   ", "No Address"),
    ContactEntry("sinosun", "wang@sinosun.cn", "王伟", "zh"),
    ContactEntry("sinosun", "li@sinosun.cn", "", "zh"),
    ContactEntry("sinosun", "w2@sinosun.cn", "王", "zh"),
    ContactEntry("iberica", "jose@iberica.es", "José  García, Pérez", "es"),
)


def _reference(contacts: Sequence[ContactEntry]) -> dict[str, dict[str, list[ContactEntry]]]:
    """What the index held before: dicts of entries, filled in directory order."""
    maps: dict[str, dict[str, list[ContactEntry]]] = {k: {} for k in ("email", "name", "first", "last", "org")}
    for contact in contacts:
        email = contact.email.strip().lower()
        if not email:
            continue
        maps["email"].setdefault(email, []).append(contact)
        maps["org"].setdefault(contact.org_id, []).append(contact)
        key = name_key(contact.name)
        if not key:
            continue
        maps["name"].setdefault(key, []).append(contact)
        tokens = key.split()
        if len(tokens) >= 2:
            maps["first"].setdefault(tokens[0], []).append(contact)
            maps["last"].setdefault(tokens[-1], []).append(contact)
        elif is_cjk(key[0]) and len(key) >= 2:
            maps["last"].setdefault(key[0], []).append(contact)
    return maps


def test_every_lookup_matches_the_dicts_it_replaced() -> None:
    contacts = (*make_directory(300).snapshot.contacts, *ODD)
    table = ContactTable.of(contacts)
    reference = _reference(contacts)
    assert len(table) == sum(1 for c in contacts if c.email.strip())
    by_email = table.by_email
    assert len(by_email) == len(reference["email"])
    for email, entries in reference["email"].items():
        assert by_email[email] == entries[0]  # the first contact with an address keeps it
    pools = {
        "name": table.pools(table.name_rows),
        "first": table.pools(table.first_name_rows),
        "last": table.pools(table.last_name_rows),
        "org": table.pools(table.org_rows),
    }
    for kind, pool in pools.items():
        assert set(pool) == set(reference[kind]), kind
        for key, entries in reference[kind].items():
            assert list(pool[key]) == entries, (kind, key)


def test_misses_and_odd_entries() -> None:
    table = ContactTable.of(ODD)
    assert table.by_email.get("anna.weber@solartech.de") == ODD[0]  # kept as written, found normalized
    assert table.by_email.get(" Anna.Weber@SolarTech.DE ") is None  # lookups take the normalized address
    assert "nobody@x.example" not in table.by_email and table.by_email.get("") is None
    assert list(table.pools(table.org_rows)["o-gone"]) == [ODD[0]]
    assert table.pools(table.last_name_rows).get("王") is not None
    assert list(table.pools(table.last_name_rows)["王"]) == [ODD[3]]  # "王" alone is no full name
    assert table.pools(table.name_rows).get("no address") is None
    pool = table.pools(table.first_name_rows)["anna"]
    assert len(pool) == 2 and pool[-1] == ODD[1] and list(pool[:1]) == [ODD[0]]


def test_languages_beyond_what_a_byte_tells_are_recorded_as_none() -> None:
    contacts = [ContactEntry(f"o{i}", f"p{i}@o{i}.example", f"P {i}", f"l{i}") for i in range(300)]
    table = ContactTable.of(contacts)
    assert len(table.languages) <= 255
    assert table.contact(0).language == "l0" and table.contact(253).language == "l253"
    assert table.contact(254).language is None and table.contact(299).language is None
    assert table.contact(299).email == "p299@o299.example"


def test_an_address_already_in_lower_case_given_twice_stays_with_its_first_contact() -> None:
    contacts = [ContactEntry("a", "x@a.example", "X"), ContactEntry("b", "x@a.example", "Y")]
    assert ContactTable.of(contacts).by_email["x@a.example"].org_id == "a"
    assert ContactTable.of(contacts[::-1]).by_email["x@a.example"].org_id == "b"
    greek = ContactTable.of([ContactEntry("g", "ΟΔΟΣ@a.example", "G"), ContactEntry("h", "İ@b.example", "H")])
    assert greek.by_email["οδος@a.example"].org_id == "g" and greek.by_email["i̇@b.example"].org_id == "h"
