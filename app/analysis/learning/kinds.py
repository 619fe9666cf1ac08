"""A likely kind for each organization, from which documents went to it.

Customers are the first receivers of their own proformas and contracts; prospects get quotations but no
proforma yet; forwarders receive the proformas of several customers (bookings, shipping documents), each of
which also went to its customer; partners
receive product documents only. An organization that never received a document is most often a supplier or a
partner the team writes to; that guess is weak. A competitor leaves no signal in sent mail: never proposed.
"""

from __future__ import annotations

from collections import Counter

from app.analysis.doc_classes import BINDING_CLASSES, classify_name
from app.analysis.learning.proposal import DocumentOwnership

KindGuess = tuple[str, float]
_ORDERS = frozenset({"pi", "contract"})


def infer_kinds(documents: tuple[DocumentOwnership, ...], org_keys: list[str]) -> dict[str, KindGuess]:
    binding = [d for d in documents if classify_name(d.name) in BINDING_CLASSES]
    forwarders = _forwarders(binding)
    own: dict[str, Counter[str]] = {}  # org -> classes of its own documents
    others = Counter[str]()  # org -> binding documents of another organization it received
    for document in binding:
        # the owner is the first receiver that is not a forwarder (a forwarder may get it more often)
        receivers = [k for k in document.org_keys if k not in forwarders]
        if receivers:
            own.setdefault(receivers[0], Counter())[classify_name(document.name)] += 1
            for org in receivers[1:]:
                others[org] += 1
    product = Counter(org for d in documents if classify_name(d.name) not in BINDING_CLASSES for org in d.org_keys)
    guesses = {key: _guess(own.get(key, Counter()), others[key], product[key]) for key in org_keys}
    guesses.update((key, ("forwarder", confidence)) for key, confidence in forwarders.items() if key in guesses)
    return guesses


def _forwarders(binding: list[DocumentOwnership]) -> dict[str, float]:
    """Organizations that got the proformas and contracts of two or more others, and never one of their own.

    A customer also shares its documents (with its forwarder, with a sister company at another domain), but
    some of them went to it alone; every document a forwarder gets was sent to its customer first.
    """
    sharing: dict[str, set[str]] = {}
    alone: set[str] = set()
    for document in binding:
        if len(document.org_keys) == 1:
            alone.add(document.org_keys[0])
        for org in document.org_keys:
            sharing.setdefault(org, set()).update(k for k in document.org_keys if k != org)
    return {
        org: round(min(0.9, 0.5 + 0.1 * len(peers)), 2)
        for org, peers in sharing.items()
        if len(peers) >= 2 and org not in alone
    }


def _guess(own: Counter[str], others: int, product: int) -> KindGuess:
    orders = sum(own[k] for k in _ORDERS)
    quotes = sum(own.values()) - orders
    if others > orders + quotes:
        return "forwarder", _share(others, others + orders + quotes)
    if orders:
        return "customer", _share(orders, orders + others)
    if quotes:
        return "prospect", round(0.5 + 0.4 * _share(quotes, quotes + others), 2)
    if product:
        return "partner", 0.4
    return "supplier", 0.3


def _share(part: int, whole: int) -> float:
    # a few documents are weak evidence even when they all point one way
    return round(min(0.95, part / whole * min(1.0, 0.5 + 0.1 * part)), 2)
