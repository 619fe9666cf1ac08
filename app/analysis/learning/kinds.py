"""A likely kind for each organization, from which documents went to it.

Customers are the first receivers of their own proformas and contracts; prospects get quotations but no
proforma yet; forwarders receive the proformas of several customers (bookings, shipping documents), so the
same documents also went to two or more other organizations; partners
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
    own: dict[str, Counter[str]] = {k: Counter() for k in org_keys}  # org -> classes of its own documents
    others = Counter[str]()  # org -> binding documents of another organization it received
    sharing: dict[str, set[str]] = {}  # org -> the other organizations its binding documents also went to
    product = Counter[str]()
    for document in documents:
        kind = classify_name(document.name)
        if kind in BINDING_CLASSES:
            first, *rest = document.org_keys
            own.setdefault(first, Counter())[kind] += 1
            for org in rest:
                others[org] += 1
            for org in document.org_keys:
                sharing.setdefault(org, set()).update(k for k in document.org_keys if k != org)
        else:
            for org in document.org_keys:
                product[org] += 1
    return {
        key: _guess(own.get(key, Counter()), others[key], product[key], len(sharing.get(key, ()))) for key in org_keys
    }


def _guess(own: Counter[str], others: int, product: int, sharing: int) -> KindGuess:
    orders = sum(own[k] for k in _ORDERS)
    quotes = sum(own.values()) - orders
    if sharing >= 2:
        return "forwarder", round(min(0.9, 0.5 + 0.1 * sharing), 2)
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
