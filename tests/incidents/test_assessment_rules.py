"""The assessment's rules one by one on a small hand-made directory: what makes a send commercial, who owns
the message, and which organization each wrong recipient belongs to (pure, no engine run)."""

from __future__ import annotations

import pytest

from app.analysis.directory import DirectorySnapshot, OrgEntry
from app.analysis.findings import CheckResult, Finding
from app.analysis.index import DirectoryIndex, build_index
from app.incidents.assessment import PRICE_CATEGORIES, assess

SOLAR = OrgEntry("solar", "Solar GmbH", "customer", ("solar.example",), rival_group="pv-de")
PEAK = OrgEntry("peak", "Peak Energy", "customer", ("peak.example",), rival_group="pv-de")
NORDIC = OrgEntry("nordic", "Nordic AB", "customer", ("nordic.example",))
ORIENT = OrgEntry("orient", "Orient Export", "competitor", ("orient.example",))


@pytest.fixture(scope="module")
def index() -> DirectoryIndex:
    orgs = (SOLAR, PEAK, NORDIC, ORIENT)
    return build_index(DirectorySnapshot(1, ("acme.example",), organizations=orgs))


def _result(*findings: Finding, doc_classes: tuple[str, ...] = (), mentioned: tuple[str, ...] = ()) -> CheckResult:
    return CheckResult("warn", findings, 0, doc_classes=doc_classes, mentioned_org_ids=mentioned)


def _sensitive(category: str, code: str = "sensitive_external") -> Finding:
    return Finding(code, "high", params={"category": category})


@pytest.mark.parametrize("category", sorted(PRICE_CATEGORIES))
def test_money_talk_makes_a_plain_mail_commercial(index: DirectoryIndex, category: str) -> None:
    assessment = assess(_result(_sensitive(category)), index, ["x@nordic.example"], [])
    assert assessment.content_class == "commercial"
    assert assessment.level == "medium"


def test_a_mail_without_money_talk_is_general(index: DirectoryIndex) -> None:
    assert assess(_result(), index, ["x@nordic.example"], []).content_class == "general"


def test_a_sensitive_category_other_than_money_does_not_make_it_commercial(index: DirectoryIndex) -> None:
    result = _result(_sensitive("personal_data"))
    assert assess(result, index, ["x@nordic.example"], []).content_class == "general"


def test_a_price_category_on_another_finding_does_not_count(index: DirectoryIndex) -> None:
    result = _result(_sensitive("prices", code="wrong_recipient_doc"))
    assert assess(result, index, ["x@nordic.example"], []).content_class == "general"


def test_money_talk_does_not_lower_a_contract(index: DirectoryIndex) -> None:
    result = _result(_sensitive("prices"), doc_classes=("pi",))
    assert assess(result, index, ["x@nordic.example"], []).content_class == "contractual"


def test_owners_are_the_intended_orgs_then_the_mentioned_ones_once_each(index: DirectoryIndex) -> None:
    result = _result(mentioned=("nordic", "solar", "unknown-org", "orient"))
    assessment = assess(result, index, ["x@unknown.example"], ["a@solar.example", "b@solar.example"])
    assert [o.id for o in assessment.owners] == ["solar", "nordic", "orient"]


def test_a_rival_of_a_mentioned_org_is_a_rival(index: DirectoryIndex) -> None:
    result = _result(mentioned=("nordic", "solar"))
    (recipient,) = assess(result, index, ["l@peak.example"], []).recipients
    assert (recipient.relation, recipient.org, recipient.rival_of) == ("rival", PEAK, SOLAR)


def test_a_competitor_recipient_carries_its_org(index: DirectoryIndex) -> None:
    assessment = assess(_result(), index, ["f@orient.example"], ["a@solar.example"])
    (recipient,) = assessment.recipients
    assert (recipient.email, recipient.relation, recipient.org) == ("f@orient.example", "competitor", ORIENT)
    assert assessment.relation == "competitor"


def test_a_business_contact_carries_its_org(index: DirectoryIndex) -> None:
    (recipient,) = assess(_result(), index, ["e@nordic.example"], ["a@solar.example"]).recipients
    assert (recipient.email, recipient.relation, recipient.org) == ("e@nordic.example", "customer", NORDIC)


def test_another_address_of_the_intended_company_is_a_slip_without_a_third_party(index: DirectoryIndex) -> None:
    assessment = assess(_result(), index, ["info@solar.example"], ["a@solar.example"])
    (recipient,) = assessment.recipients
    assert (recipient.email, recipient.relation, recipient.org) == ("info@solar.example", "unrelated", SOLAR)
    assert assessment.owners == (SOLAR,)


def test_an_unknown_address_has_no_org(index: DirectoryIndex) -> None:
    (recipient,) = assess(_result(), index, ["x@unknown.example"], ["a@solar.example"]).recipients
    assert (recipient.relation, recipient.org, recipient.rival_of) == ("unrelated", None, None)


def test_the_worst_recipient_decides(index: DirectoryIndex) -> None:
    wrong = ["x@unknown.example", "f@orient.example", "e@nordic.example"]
    assessment = assess(_result(doc_classes=("quotation",)), index, wrong, ["a@solar.example"])
    assert [r.relation for r in assessment.recipients] == ["unrelated", "competitor", "customer"]
    assert (assessment.relation, assessment.level) == ("competitor", "high")


def test_no_wrong_recipient_reads_as_unrelated(index: DirectoryIndex) -> None:
    assessment = assess(_result(doc_classes=("catalogue",)), index, [], ["a@solar.example"])
    assert (assessment.recipients, assessment.relation, assessment.level) == ((), "unrelated", "low")
