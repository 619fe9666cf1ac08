from __future__ import annotations

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checks.history import HistoryCache, user_history
from app.checks.models import Dismissal
from app.tenants.models import Tenant, User
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")
BOSS = headers("boss@acme-trade.example", admin=True)
# A medium finding (another customer named in the text): the kind a dismissal can quiet.
DRAFT = {"draft": {"to": [{"email": "wang@sunnew.cn"}], "body": "Michael from SolarTech will call you."}}


def dismiss_mention(client: TestClient) -> None:
    for name, domain in (("SolarTech", "solartech.de"), ("Sunnew", "sunnew.cn")):
        org = {"name": name, "kind": "customer", "domains": [domain]}
        assert client.post("/v1/organizations", json=org, headers=BOSS).status_code == 201
    check = client.post("/v1/drafts/check", json=DRAFT, headers=ALEX).json()
    response = client.post(
        f"/v1/checks/{check['check_id']}/outcome",
        json={"outcome": "sent_anyway", "dismissed": ["content_mismatch"]},
        headers=ALEX,
    )
    assert response.status_code == 200, response.text


def severity(client: TestClient) -> str:
    findings = client.post("/v1/drafts/check", json=DRAFT, headers=ALEX).json()["findings"]
    return next(f["severity"] for f in findings if f["code"] == "content_mismatch")


def test_history_holds_every_dismissal_a_policy_could_honour(client: TestClient, db: Session) -> None:
    dismiss_mention(client)
    user = db.exec(select(User).where(User.email == "alex@acme-trade.example")).one()
    tenant = db.exec(select(Tenant)).one()
    history = HistoryCache().get(db, tenant.id, user.id)
    assert [code for code, _recipient, _evidence in history.dismissed] == ["content_mismatch"]


def test_the_policy_window_decides_which_dismissals_count(client: TestClient, db: Session) -> None:
    dismiss_mention(client)
    assert severity(client) == "info"
    dismissal = db.exec(select(Dismissal)).one()
    dismissal.created_at = dismissal.created_at - timedelta(days=40)
    db.add(dismissal)
    db.commit()
    user_history.clear()
    client.put("/v1/policy", json={"suppress_dismissed_days": 30}, headers=BOSS)
    assert severity(client) == "medium"
    client.put("/v1/policy", json={"suppress_dismissed_days": 60}, headers=BOSS)
    assert severity(client) == "info"
