"""How bad a misdirected send is: what was sent (content class) and who got it (relation).

Pure: built on the check engine's result and the tenant's directory index, no database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from app.analysis.directory import OrgEntry
from app.analysis.doc_classes import ContentClass, content_class
from app.analysis.findings import CheckResult
from app.analysis.index import DirectoryIndex

Relation = Literal["unrelated", "customer", "competitor", "rival"]
Level = Literal["low", "medium", "high", "critical"]

RELATION_RANK: dict[Relation, int] = {"unrelated": 0, "customer": 1, "competitor": 2, "rival": 3}
PRICE_CATEGORIES = frozenset({"prices", "costs", "margins", "cost_margin", "terms", "bank"})

# Rows: what was sent; columns: unrelated, customer, competitor. A rival of the intended customer, or
# internal discussion, is critical whatever the other axis says.
_LEVELS: dict[ContentClass, tuple[Level, Level, Level]] = {
    "general": ("low", "low", "medium"),
    "commercial": ("medium", "medium", "high"),
    "contractual": ("high", "high", "high"),
}


@dataclass(frozen=True, slots=True)
class RecipientRelation:
    email: str
    relation: Relation
    org: OrgEntry | None
    rival_of: OrgEntry | None = None


@dataclass(frozen=True, slots=True)
class Assessment:
    level: Level
    content_class: ContentClass
    relation: Relation
    recipients: tuple[RecipientRelation, ...]
    doc_classes: tuple[str, ...]
    # Organizations the message was about (its intended recipients and the organizations its texts name).
    owners: tuple[OrgEntry, ...]


def assess(result: CheckResult, index: DirectoryIndex, wrong: list[str], intended: list[str]) -> Assessment:
    owners = _owners(result, index, intended)
    relations = tuple(_relation(email, index, owners) for email in wrong)
    worst: Relation = max((r.relation for r in relations), key=RELATION_RANK.__getitem__, default="unrelated")
    sent = _content_class(result)
    return Assessment(
        level=level_for(sent, worst),
        content_class=sent,
        relation=worst,
        recipients=relations,
        doc_classes=result.doc_classes,
        owners=owners,
    )


def level_for(sent: ContentClass, relation: Relation) -> Level:
    if sent == "internal" or relation == "rival":
        return "critical"
    return _LEVELS[sent][RELATION_RANK[relation]]


def _content_class(result: CheckResult) -> ContentClass:
    codes = set(result.codes)
    has_prices = any(
        f.code == "sensitive_external" and f.params.get("category") in PRICE_CATEGORIES for f in result.findings
    )
    return content_class(result.doc_classes, has_prices=has_prices, internal="internal_content_external" in codes)


def _owners(result: CheckResult, index: DirectoryIndex, intended: list[str]) -> tuple[OrgEntry, ...]:
    found: dict[str, OrgEntry] = {}
    for email in intended:
        org_index = index.org_index_for_address(email)
        if org_index is not None:
            org = index.org(org_index)
            found[org.id] = org
    for org_id in result.mentioned_org_ids:
        org_index = index.org_index_by_id.get(org_id)
        if org_index is not None:
            found.setdefault(org_id, index.org(org_index))
    return tuple(found.values())


def _relation(email: str, index: DirectoryIndex, owners: tuple[OrgEntry, ...]) -> RecipientRelation:
    org_index = index.org_index_for_address(email)
    if org_index is None:
        return RecipientRelation(email, "unrelated", None)
    org = index.org(org_index)
    rival_of = next((o for o in owners if o.id != org.id and o.rival_group and o.rival_group == org.rival_group), None)
    if rival_of is not None:
        return RecipientRelation(email, "rival", org, rival_of)
    if org.kind == "competitor":
        return RecipientRelation(email, "competitor", org)
    if any(o.id == org.id for o in owners):
        # The document's own company got it, through another address: a slip, but no third party saw it.
        return RecipientRelation(email, "unrelated", org)
    return RecipientRelation(email, "customer", org)
