"""The severity matrix, cell by cell, on the demo directory (pure: engine and index, no database)."""

from __future__ import annotations

import pytest

from app.analysis.context import CheckContext
from app.analysis.directory import ContactEntry, DirectorySnapshot, OrgEntry
from app.analysis.draft import Attachment, Draft, Recipient
from app.analysis.engine import check
from app.analysis.index import DirectoryIndex, build_index
from app.demo import ORGANIZATIONS
from app.incidents.assessment import assess, level_for


@pytest.fixture(scope="module")
def index() -> DirectoryIndex:
    orgs, contacts = [], []
    for number, entry in enumerate(ORGANIZATIONS):
        org_id = f"org-{number}"
        orgs.append(
            OrgEntry(
                id=org_id,
                name=entry["name"],
                kind=entry["kind"],
                domains=tuple(entry["domains"]),
                aliases=tuple(entry.get("aliases", ())),
                rival_group=entry.get("rival_group"),
                owner_email=entry.get("owner_email"),
                language=entry.get("language"),
            )
        )
        contacts += [ContactEntry(org_id, c["email"], c["name"], c["language"]) for c in entry["contacts"]]
    return build_index(
        DirectorySnapshot(1, ("acme-trade.example",), organizations=tuple(orgs), contacts=tuple(contacts))
    )


INTENDED = "m.schmidt@solartech.example"
WRONG = {
    "unrelated": "someone@unknown-company.example",
    "customer": "erik@nordicsolar.example",
    "competitor": "frank.zhou@orient-export.example",
    "rival": "l.gomez@sunpeak.example",
}
CONTENT = {
    "general": {"attachments": (Attachment("Acme_Product_Catalogue_2027.pdf"),), "body": "Hello, our new catalogue."},
    "commercial": {"attachments": (Attachment("Quotation_Q-2026-118.pdf"),), "body": "Hello, our quotation."},
    "contractual": {"attachments": (Attachment("PI_SolarTech_2026-001.pdf"),), "body": "Hello, the PI."},
    "internal": {
        "attachments": (),
        "body": "Hi,\n\nInternal only: SolarTech is a difficult customer, keep our bottom price to ourselves.",
    },
}
EXPECTED = {
    ("general", "unrelated"): "low",
    ("general", "customer"): "low",
    ("general", "competitor"): "medium",
    ("general", "rival"): "critical",
    ("commercial", "unrelated"): "medium",
    ("commercial", "customer"): "medium",
    ("commercial", "competitor"): "high",
    ("commercial", "rival"): "critical",
    ("contractual", "unrelated"): "high",
    ("contractual", "customer"): "high",
    ("contractual", "competitor"): "high",
    ("contractual", "rival"): "critical",
    ("internal", "unrelated"): "critical",
    ("internal", "customer"): "critical",
    ("internal", "competitor"): "critical",
    ("internal", "rival"): "critical",
}


@pytest.mark.parametrize(("content", "relation"), sorted(EXPECTED))
def test_matrix_cell(index: DirectoryIndex, content: str, relation: str) -> None:
    wrong = WRONG[relation]
    draft = Draft(sender="alex@acme-trade.example", to=(Recipient(wrong),), subject="Update", **CONTENT[content])
    result = check(draft, index, CheckContext())
    assessment = assess(result, index, [wrong], [INTENDED])
    assert (assessment.content_class, assessment.relation) == (content, relation)
    assert assessment.level == EXPECTED[(content, relation)]


def test_catalogue_to_a_prospect_is_low(index: DirectoryIndex) -> None:
    draft = Draft(
        sender="alex@acme-trade.example",
        to=(Recipient("omar@desertsun.example"),),
        attachments=(Attachment("Acme_Catalogue_2027.pdf"),),
    )
    assessment = assess(check(draft, index), index, ["omar@desertsun.example"], ["erik@nordicsolar.example"])
    assert (assessment.content_class, assessment.relation, assessment.level) == ("general", "customer", "low")


def test_internal_remarks_about_the_recipient_sent_to_that_recipient(index: DirectoryIndex) -> None:
    body = (
        "Michael,\n\nsee below.\n\n-----Original Message-----\nFrom: lin.wei@acme-trade.example\n"
        "To: alex@acme-trade.example\nSubject: SolarTech\n\nBetween us: SolarTech is a slow payer."
    )
    draft = Draft(sender="alex@acme-trade.example", to=(Recipient(INTENDED),), body=body)
    assessment = assess(check(draft, index), index, [INTENDED], [])
    assert assessment.content_class == "internal"
    assert assessment.level == "critical"


def test_rival_names_the_customer_it_competes_with(index: DirectoryIndex) -> None:
    draft = Draft(
        sender="alex@acme-trade.example",
        to=(Recipient(WRONG["rival"]),),
        attachments=(Attachment("PI_SolarTech_2026-001.pdf"),),
    )
    assessment = assess(check(draft, index), index, [WRONG["rival"]], [])
    (recipient,) = assessment.recipients
    assert recipient.rival_of is not None and recipient.rival_of.name == "SolarTech GmbH"


def test_levels_only_rise_along_both_axes() -> None:
    order = ["low", "medium", "high", "critical"]
    contents = ["general", "commercial", "contractual", "internal"]
    relations = ["unrelated", "customer", "competitor", "rival"]
    for i, content in enumerate(contents):
        for j, relation in enumerate(relations):
            level = order.index(level_for(content, relation))  # type: ignore[arg-type]
            if i:
                assert level >= order.index(level_for(contents[i - 1], relation))  # type: ignore[arg-type]
            if j:
                assert level >= order.index(level_for(content, relations[j - 1]))  # type: ignore[arg-type]
