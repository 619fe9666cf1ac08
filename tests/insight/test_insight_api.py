"""GET /v1/insight: what users did with each finding code, week by week, and incidents by severity."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checks.models import CheckRecord
from app.demo import load_demo_data
from app.incidents.models import Incident
from app.insight.service import week_of
from app.tenants.models import Tenant, User
from tests.directory.test_organizations import assert_error
from tests.helpers import ADMIN, MEMBER, OTHER_ADMIN

ALEX = {"X-Dev-User": "alex@acme-trade.example"}


def _check(client: TestClient, to: str, body: str) -> dict:
    draft = {"from": "alex@acme-trade.example", "to": [{"email": to}], "subject": "Hello", "body": body}
    response = client.post(
        "/v1/drafts/check", json={"client": "outlook", "trigger": "send", "draft": draft}, headers=ALEX
    )
    assert response.status_code == 200, response.text
    return response.json()


def _outcome(client: TestClient, check_id: str, outcome: str, dismissed: list[str] = []) -> None:  # noqa: B006
    response = client.post(
        f"/v1/checks/{check_id}/outcome", json={"outcome": outcome, "dismissed": dismissed}, headers=ALEX
    )
    assert response.status_code == 200, response.text


def test_outcomes_of_real_checks_are_counted_per_code(client: TestClient, db: Session) -> None:
    load_demo_data(db)
    lookalike = [_check(client, "m.schmidt@solartec.de", "Dear Michael") for _ in range(4)]
    _outcome(client, lookalike[0]["check_id"], "sent_anyway", ["lookalike_domain"])
    _outcome(client, lookalike[1]["check_id"], "fixed")
    _outcome(client, lookalike[2]["check_id"], "sent_anyway")
    # the fourth has no outcome yet: it fired, nothing else
    response = client.get("/v1/insight", headers={**ALEX, "X-Dev-Role": "admin"})
    assert response.status_code == 200, response.text
    body = response.json()
    codes = {c["code"]: c for c in body["codes"]}
    figures = {k: codes["lookalike_domain"][k] for k in ("fired", "fixed", "sent_anyway", "dismissed", "cancelled")}
    assert figures == {"fired": 4, "fixed": 1, "sent_anyway": 1, "dismissed": 1, "cancelled": 0}
    this_week = week_of(datetime.now(UTC)).isoformat()
    assert body["weeks"][-1] == this_week and len(body["weeks"]) == 12
    assert body["checks_per_week"][-1] == 4
    assert {(s["week"], s["code"]) for s in body["series"]} >= {(this_week, "lookalike_domain")}


def _records(db: Session, email: str, rows: list[tuple[datetime, list[str], str | None, list[str]]]) -> None:
    user = db.exec(select(User).where(User.email == email)).one()
    for created_at, codes, outcome, dismissed in rows:
        db.add(
            CheckRecord(
                tenant_id=user.tenant_id, user_id=user.id, created_at=created_at, client="outlook", trigger="send",
                verdict="warn", finding_codes=codes, outcome=outcome, dismissed=dismissed,
            )
        )  # fmt: skip
    db.commit()


def test_weeks_severities_and_mostly_dismissed_codes(client: TestClient, db: Session) -> None:
    client.get("/v1/me", headers=MEMBER)  # creates the tenant and its user
    now = datetime.now(UTC)
    last_week = now - timedelta(days=7)
    long_ago = now - timedelta(weeks=30)
    _records(
        db,
        "alex@acme-trade.example",
        [(now, ["first_time_recipient"], "sent_anyway", ["first_time_recipient"])] * 5
        + [(last_week, ["first_time_recipient", "exposed_recipients"], "fixed", [])]
        + [(now, ["exposed_recipients"], "sent_anyway", ["exposed_recipients"])] * 2
        + [(now, ["exposed_recipients"], "fixed", [])] * 4
        + [(long_ago, ["large_audience"], "sent_anyway", ["large_audience"])],
    )
    tenant = db.exec(select(Tenant)).one()
    user = db.exec(select(User)).one()
    for level, when in (("critical", now), ("critical", last_week), ("low", now), ("high", long_ago)):
        db.add(Incident(tenant_id=tenant.id, user_id=user.id, level=level, content_class="general",
                        relation="customer", created_at=when))  # fmt: skip
    db.commit()

    body = client.get("/v1/insight", params={"weeks": 4}, headers=ADMIN).json()
    codes = {c["code"]: c for c in body["codes"]}
    assert set(codes) == {"first_time_recipient", "exposed_recipients"}  # 30 weeks ago is outside the window
    assert codes["first_time_recipient"]["mostly_dismissed"] is True
    assert codes["first_time_recipient"]["dismiss_rate"] == round(5 / 6, 3)
    assert codes["exposed_recipients"]["mostly_dismissed"] is False
    assert body["checks_per_week"][-2:] == [1, 11]
    assert body["incidents_by_severity"] == {"low": 1, "medium": 0, "high": 0, "critical": 2}
    assert [w["critical"] for w in body["incidents_per_week"]][-2:] == [1, 1]
    last = [s for s in body["series"] if s["code"] == "exposed_recipients"]
    assert [(s["fired"], s["fixed"], s["dismissed"]) for s in last] == [(1, 1, 0), (6, 4, 2)]


def test_admins_only_and_per_tenant(client: TestClient) -> None:
    assert_error(client.get("/v1/insight", headers=MEMBER), 403)
    assert_error(client.get("/v1/insight", params={"weeks": 0}, headers=ADMIN), 422)
    assert client.get("/v1/insight", headers=OTHER_ADMIN).json()["codes"] == []


def test_me_says_who_and_which_role(client: TestClient) -> None:
    me = client.get("/v1/me", headers=ADMIN).json()
    assert (me["email"], me["role"], me["tenant"]) == ("boss@acme-trade.example", "admin", "acme-trade.example")
    assert client.get("/v1/me", headers=MEMBER).json()["role"] == "member"
    assert_error(client.get("/v1/me"), 401)
