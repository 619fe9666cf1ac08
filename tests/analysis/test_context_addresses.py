"""What the context reads off a draft: domains and addresses in its texts, the evidence kept for a name, the
recipients of each field once each, and the attachment names as the document classes read them."""

from __future__ import annotations

import pytest

from app.analysis import context
from app.analysis.context import _resolve_recipients, scan_text
from app.analysis.directory import DirectorySnapshot, OrgEntry
from app.analysis.doc_classes import _name_for_matching
from app.analysis.index import DirectoryIndex, build_index
from tests.analysis.conftest import draft


@pytest.fixture
def small_index() -> DirectoryIndex:
    orgs = (
        OrgEntry("helio", "Heliotec GmbH", "customer", ("hh-solar.de",)),
        OrgEntry("nord", "Nordlicht Blau GmbH", "customer", ("nl-blau.de",)),
    )
    return build_index(DirectorySnapshot(1, ("acme-trade.example",), orgs))


def _orgs(index: DirectoryIndex, text: str) -> list[tuple[str, str]]:
    return [(index.org(org_index).id, evidence) for org_index, evidence in scan_text(index, text).orgs]


# --- domains and addresses in text ---------------------------------------------------------------------


def test_a_domain_at_the_very_start_of_the_text_is_read_whole(small_index: DirectoryIndex) -> None:
    assert _orgs(small_index, "hh-solar.de ist unser Kunde") == [("helio", "hh-solar.de")]


def test_the_domains_after_a_subdomain_are_still_read(small_index: DirectoryIndex) -> None:
    text = "shop.hh-solar.de, see also nl-blau.de"
    assert _orgs(small_index, text) == [("helio", "shop.hh-solar.de"), ("nord", "nl-blau.de")]


def test_the_domains_after_a_dot_word_are_still_read(small_index: DirectoryIndex) -> None:
    assert _orgs(small_index, "Built with .NET, details on hh-solar.de") == [("helio", "hh-solar.de")]


def test_the_evidence_of_a_name_is_where_it_was_found(small_index: DirectoryIndex) -> None:
    # "heliotechnik" holds the name but is another word; the evidence is the name as written later on.
    assert _orgs(small_index, "heliotechnik von Heliotec") == [("helio", "Heliotec")]


def test_a_long_thread_is_read_a_distinct_line_at_a_time_with_the_same_answers(
    small_index: DirectoryIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    header = "From: Anna Weber <anna.weber@acme-trade.example>\nTo: info@hh-solar.de\nSee www.acme-trade.example\n"
    # The second organization shows up once, far down, written in capitals: its evidence must be taken from
    # the right place in the text as written.
    text = header * 2_000 + "Cc: Einkauf <Einkauf@NL-Blau.de>\n" + header * 10
    assert len(text) >= context._DISTINCT_LINES_FROM
    by_lines = _orgs(small_index, text)
    monkeypatch.setattr(context, "_DISTINCT_LINES_FROM", len(text) + 1)
    assert by_lines == _orgs(small_index, text) == [("helio", "info@hh-solar.de"), ("nord", "Einkauf@NL-Blau.de")]


# --- recipients --------------------------------------------------------------------------------------


def test_each_recipient_keeps_the_field_it_was_written_in(small_index: DirectoryIndex) -> None:
    recipients = _resolve_recipients(draft(["a@hh-solar.de"], ["b@hh-solar.de"], ["c@hh-solar.de"]), small_index)
    assert [(r.email, r.field) for r in recipients] == [
        ("a@hh-solar.de", "to"),
        ("b@hh-solar.de", "cc"),
        ("c@hh-solar.de", "bcc"),
    ]


def test_an_address_is_one_recipient_in_its_first_field_and_a_blank_one_none(small_index: DirectoryIndex) -> None:
    recipients = _resolve_recipients(draft(["A@HH-Solar.de", " "], [" a@hh-solar.de"]), small_index)
    assert [(r.email, r.field) for r in recipients] == [("a@hh-solar.de", "to")]


def test_addresses_told_apart_by_sharp_s_are_two_recipients(small_index: DirectoryIndex) -> None:
    recipients = _resolve_recipients(draft(["straße@hh-solar.de", "strasse@hh-solar.de"]), small_index)
    assert [r.email for r in recipients] == ["straße@hh-solar.de", "strasse@hh-solar.de"]


# --- attachment names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("ListePrix_2027_SoleilDistribution.xlsx", "liste prix 2027 soleil distribution"),
        ("Angebot", "angebot"),
        ("report.v2-final+draft.pdf", "report v2 final draft"),
    ],
)
def test_attachment_names_are_read_as_words_without_their_extension(name: str, words: str) -> None:
    assert _name_for_matching(name) == words
