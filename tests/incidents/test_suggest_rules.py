"""The suggestion rules on their own: whom they leave out, how many they offer, what an unknown address shows,
which findings and named organizations they draw on."""

from __future__ import annotations

from app.analysis.directory import DirectorySnapshot, OrgEntry
from app.analysis.draft import Draft, Recipient
from app.analysis.engine import check
from app.analysis.findings import CheckResult, Finding
from app.analysis.index import DirectoryIndex, build_index
from app.incidents.suggestions import LIMIT, Suggestion, owned_contacts, suggest
from tests.incidents.test_assessment import index  # noqa: F401  (module fixture)

WRONG = "erik@nordicsolar.example"
SENDER = "alex@acme-trade.example"


def test_recent_people_up_to_the_limit_leaving_out_the_wrong_and_internal_addresses(index: DirectoryIndex) -> None:  # noqa: F811
    result = check(Draft(sender="alex@acme-trade.example", to=(Recipient(WRONG),)), index)
    others = [f"p{i}@elsewhere.example" for i in range(LIMIT + 2)]
    recent = ["Erik@NordicSolar.example", "Lin@Acme-Trade.example", "Someone@Unknown-Co.example", *others]
    suggestions = suggest(result, index, ["ERIK@nordicsolar.example"], recent, is_internal=["LIN@acme-trade.example"])
    assert suggestions[0] == Suggestion("someone@unknown-co.example", "", None, "recent", "")
    assert [s.email for s in suggestions] == ["someone@unknown-co.example", *others[: LIMIT - 1]]


def _result(*findings: Finding, mentioned: tuple[str, ...] = ()) -> CheckResult:
    return CheckResult(verdict="warn", findings=findings, hold_minutes=0, mentioned_org_ids=mentioned)


def test_only_the_greeting_rule_names_whom_the_mail_greeted(index: DirectoryIndex) -> None:  # noqa: F811
    greeted = Finding("greeting_mismatch", "warning", params={"contact": "m.schmidt@solartech.example"})
    other = Finding("wrong_recipient_kind", "warning", params={"contact": "a.becker@solartech.example"})
    suggestions = suggest(_result(other, greeted), index, [WRONG])
    assert [(s.email, s.reason) for s in suggestions] == [("m.schmidt@solartech.example", "greeted")]


def test_named_organizations_skip_the_wrong_recipients_own_and_unknown_ones(index: DirectoryIndex) -> None:  # noqa: F811
    wrong_org = index.org(index.org_index_for_address(WRONG)).id  # type: ignore[arg-type]
    solartech = index.org(index.org_index_for_address("m.schmidt@solartech.example")).id  # type: ignore[arg-type]
    result = _result(mentioned=(wrong_org, "no-such-org", solartech))
    suggestions = suggest(result, index, [WRONG])
    assert suggestions and {s.reason for s in suggestions} == {"named"}
    assert {s.organization for s in suggestions} == {"SolarTech GmbH"}
    assert {s.email for s in suggestions} == {c.email for c in index.contacts_by_org[solartech]}


def test_a_named_organization_or_an_owned_account_without_contacts_offers_nobody() -> None:
    empty = build_index(
        DirectorySnapshot(
            1,
            ("acme-trade.example",),
            organizations=(OrgEntry("new", "Newco Energy", "prospect", ("newco.example",), owner_email=SENDER),),
        )
    )
    result = _result(mentioned=("new",))
    assert suggest(result, empty, ["someone@elsewhere.example"]) == []
    assert owned_contacts(empty, SENDER.upper()) == []
