"""Votes that span organizations: codes and aliases, document ownership, rival suggestions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Set

from app.analysis.doc_classes import BINDING_CLASSES, classify_name
from app.analysis.learning.proposal import DocumentOwnership, RivalSuggestion
from app.analysis.learning.stats import DocumentStats

_MIN_TOKEN_MESSAGES = 3
_MIN_TOKEN_SHARE = 0.8  # forwarders see a customer's code on bookings; the customer still gets most of them
# A document most organizations received (a catalogue, general terms) says nothing about rivalry.
_MAX_PRODUCT_DOC_SHARE = 0.35
_DIGITS = re.compile(r"\d+")


def code_votes(
    tokens: Mapping[str, Counter[str]], org_of_unit: Mapping[str, str], forwarders: Set[str] = frozenset()
) -> dict[str, tuple[str, ...]]:
    """org -> customer codes: tokens with letters and digits in subjects and attachment names that go to that org
    only. Forwarders see their customers' codes on every booking: their counts do not dilute a customer's share.
    """
    codes: dict[str, list[str]] = {}
    for token, units in tokens.items():
        if not (any(c.isdigit() for c in token) and any(c.isalpha() for c in token)):
            continue
        per_org: Counter[str] = Counter()
        for unit, count in units.items():
            if org_of_unit[unit] not in forwarders:
                per_org[org_of_unit[unit]] += count
        if not per_org:
            continue
        total = sum(per_org.values())
        org, count = per_org.most_common(1)[0]
        if total >= _MIN_TOKEN_MESSAGES and count / total >= _MIN_TOKEN_SHARE:
            codes.setdefault(org, []).append(token)
    # "CN-4001-007" is a document of the customer whose code "CN-4001" is: only the code is proposed
    return {k: tuple(sorted(c for c in v if not any(c.startswith(f"{p}-") for p in v))) for k, v in codes.items()}


def name_pattern(name: str) -> str:
    return _DIGITS.sub("#", name)


def document_ownership(
    documents: Mapping[str, DocumentStats], org_of_unit: Mapping[str, str]
) -> tuple[DocumentOwnership, ...]:
    owned: list[DocumentOwnership] = []
    for sha256, stats in documents.items():
        per_org: Counter[str] = Counter()
        for unit, count in stats.units.items():
            per_org[org_of_unit[unit]] += count
        orgs = tuple(org for org, _ in sorted(per_org.items(), key=lambda item: (-item[1], item[0])))
        owned.append(DocumentOwnership(sha256, stats.name, name_pattern(stats.name), orgs, stats.messages))
    owned.sort(key=lambda d: d.sha256)
    return tuple(owned)


def rival_suggestions(
    documents: tuple[DocumentOwnership, ...], countries: Mapping[str, str | None]
) -> tuple[RivalSuggestion, ...]:
    """Organizations of one country that received the same product document (not a binding, per-customer one)."""
    receivers = {org for d in documents for org in d.org_keys}
    # Buyers are the organizations that received a quotation, proforma or contract; partners get datasheets too.
    buyers = {org for d in documents if classify_name(d.name) in BINDING_CLASSES for org in d.org_keys[:1]}
    limit = max(3, int(_MAX_PRODUCT_DOC_SHARE * len(receivers)))
    groups: dict[tuple[str, tuple[str, ...]], set[str]] = {}
    for document in documents:
        if classify_name(document.name) in BINDING_CLASSES | {"invoice"} or len(document.org_keys) > limit:
            continue
        by_country: dict[str, list[str]] = {}
        for org in document.org_keys:
            country = countries.get(org)
            if country and org in buyers:
                by_country.setdefault(country, []).append(org)
        for country, orgs in by_country.items():
            if len(orgs) >= 2:
                groups.setdefault((country, tuple(sorted(orgs))), set()).add(document.name)
    suggestions = [
        RivalSuggestion(orgs, country, tuple(sorted(names)), round(min(0.9, 0.4 + 0.1 * len(names)), 2))
        for (country, orgs), names in groups.items()
    ]
    suggestions.sort(key=lambda s: (s.country, s.org_keys))
    return tuple(suggestions)
