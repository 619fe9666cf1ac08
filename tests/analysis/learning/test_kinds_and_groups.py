"""Kinds of organizations and rival suggestions from who received which document: a few documents each."""

from __future__ import annotations

from collections import Counter

import pytest

from app.analysis.learning.groups import rival_suggestions
from app.analysis.learning.kinds import _forwarders, _guess, _share
from app.analysis.learning.proposal import DocumentOwnership, RivalSuggestion


def _doc(name: str, *orgs: str) -> DocumentOwnership:
    return DocumentOwnership(f"{name}|{'|'.join(orgs)}", name, name, orgs, len(orgs))


@pytest.mark.parametrize(
    ("part", "whole", "share"),
    [(1, 2, 0.3), (2, 4, 0.35), (2, 3, 0.47), (6, 12, 0.5), (10, 10, 0.95)],
)
def test_share_weighs_few_documents_down(part: int, whole: int, share: float) -> None:
    assert _share(part, whole) == share


def test_an_org_receiving_mostly_others_documents_is_a_forwarder() -> None:
    own = Counter({"pi": 1, "quotation": 1})
    assert _guess(own, 3, 0) == ("forwarder", _share(3, 5))
    assert _guess(own, 3, 0) == ("forwarder", 0.48)


def test_an_org_with_its_own_orders_is_a_customer() -> None:
    assert _guess(Counter({"pi": 1, "quotation": 1}), 2, 0) == ("customer", _share(1, 3))


def test_an_org_with_quotations_only_is_a_prospect() -> None:
    assert _guess(Counter({"quotation": 2}), 0, 0) == ("prospect", 0.78)
    assert _guess(Counter({"quotation": 2}), 1, 0) == ("prospect", 0.69)


def test_product_documents_only_make_a_partner_and_none_a_supplier() -> None:
    assert _guess(Counter(), 0, 2) == ("partner", 0.4)
    assert _guess(Counter(), 0, 0) == ("supplier", 0.3)


def test_forwarders_share_others_documents_and_never_get_one_alone() -> None:
    binding = [_doc("PI-1.pdf", "a"), _doc("PI-2.pdf", "a", "b", "c")]
    # "a" shares with two others too, but one document went to it alone: a customer
    assert _forwarders(binding) == {"b": 0.7, "c": 0.7}


def test_forwarder_confidence_grows_with_its_customers_and_is_capped() -> None:
    few = [_doc(f"PI-{c}.pdf", c, "fwd") for c in "abc"] + [_doc(f"PI-{c}0.pdf", c) for c in "abc"]
    many = [_doc(f"PI-{c}.pdf", c, "fwd") for c in "abcdef"] + [_doc(f"PI-{c}0.pdf", c) for c in "abcdef"]
    assert _forwarders(few) == {"fwd": 0.8}
    assert _forwarders(many) == {"fwd": 0.9}


COUNTRIES = {k: "DE" for k in "abcdefghijkl"}


def test_buyers_of_one_country_sharing_a_product_document_are_rivals() -> None:
    documents = (_doc("PI-1.pdf", "a", "b"), _doc("PI-2.pdf", "c"), _doc("Datasheet.pdf", "a", "b", "c"))
    # "b" only got a copy of a's proforma: not a buyer
    assert rival_suggestions(documents, COUNTRIES) == (RivalSuggestion(("a", "c"), "DE", ("Datasheet.pdf",), 0.5),)


def test_binding_documents_and_invoices_say_nothing_about_rivalry() -> None:
    documents = (
        _doc("PI-1.pdf", "a"),
        _doc("PI-2.pdf", "c"),
        _doc("Contract 7.pdf", "a", "c"),
        _doc("Invoice 12.pdf", "a", "c"),
        _doc("Datasheet.pdf", "a", "c"),
    )
    assert rival_suggestions(documents, COUNTRIES) == (RivalSuggestion(("a", "c"), "DE", ("Datasheet.pdf",), 0.5),)


def test_a_document_most_organizations_received_is_skipped() -> None:
    buyers = tuple(_doc(f"PI-{k}.pdf", k) for k in "abcd")
    to_four = (*buyers, _doc("Catalogue.pdf", "a", "b", "c", "d"))
    assert rival_suggestions(to_four, COUNTRIES) == ()


def test_rival_confidence_grows_with_shared_documents() -> None:
    buyers = (_doc("PI-1.pdf", "a"), _doc("PI-2.pdf", "c"))
    two = (*buyers, _doc("Datasheet.pdf", "a", "c"), _doc("Manual.pdf", "a", "c"))
    assert rival_suggestions(two, COUNTRIES)[0].confidence == 0.6
    six = buyers + tuple(_doc(f"Datasheet {n}.pdf", "a", "c") for n in "ABCDEF")
    assert rival_suggestions(six, COUNTRIES)[0].confidence == 0.9
