"""Tenant isolation over every route that reads or writes tenant data.

A user of another tenant can neither read, change nor infer Acme's data: ids from another tenant answer
404, lists show nothing of it, and shared caches (attachment scans, indexes) do not leak across tenants.
The route table is taken from the OpenAPI schema, so a new route without a case here fails the test.
"""

from __future__ import annotations

import asyncio
import base64
import re
import uuid
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.common import utcnow
from app.demo import load_demo_data
from app.learning.models import LearningJob
from app.mailbox.base import MailAddress, MailboxAccess, MailMessage, OutgoingDraft
from app.tenants.models import Tenant, User
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")
ACME_ADMIN = headers("boss@acme-trade.example", admin=True)
INTRUDER = headers("eve@intruder.example", admin=True)

# Routes whose path parameters are not tenant data.
NOT_TENANT_DATA = {("post", "/v1/templates/{name}/render")}


def acme_data(client: TestClient, app: Any, db: Session) -> dict[str, str]:
    load_demo_data(db)
    org = client.get("/v1/organizations", params={"q": "SolarTech GmbH"}, headers=ALEX).json()["items"][0]
    check = client.post(
        "/v1/drafts/check", json={"draft": {"to": [{"email": "m.schmidt@solartec.de"}]}}, headers=ALEX
    ).json()
    incident = client.post(
        "/v1/incidents",
        json={
            "message": {
                "to": [{"email": "l.gomez@sunpeak.example"}],
                "subject": "PI",
                "attachments": [{"name": "PI_SolarTech_2026-001.pdf"}],
            },
            "wrong_recipients": ["l.gomez@sunpeak.example"],
            "intended_recipients": ["m.schmidt@solartech.example"],
        },
        headers=ALEX,
    ).json()
    mailbox = app.state.mailbox
    draft = mailbox.create_draft(
        MailboxAccess("alex@acme-trade.example"),
        OutgoingDraft(to=(MailAddress("m.schmidt@solartech.example"),), subject="Q", body_html="x", body_text="x"),
    )
    draft_id = asyncio.run(draft).id
    scheduled = client.post(
        "/v1/scheduled-sends", json={"provider": "fake", "draft_id": draft_id, "delay_seconds": 600}, headers=ALEX
    ).json()
    held_id = mailbox.hold(
        MailboxAccess("alex@acme-trade.example"),
        MailMessage(id="", sender="alex@acme-trade.example", to=(MailAddress("m.schmidt@solartech.example"),)),
        utcnow() + timedelta(minutes=10),
    )
    return {
        "held_id": held_id,
        "job_id": str(_learning_job(db)),
        "org_id": org["id"],
        "check_id": check["check_id"],
        "incident_id": incident["incident_id"],
        "send_id": scheduled["id"],
        "incident_drafts": incident["drafts"],  # type: ignore[dict-item]
    }


def _learning_job(db: Session) -> uuid.UUID:
    """A finished learning job of Acme's (the fake mailbox cannot read sent mail, so it is written here)."""
    tenant = db.exec(select(Tenant).where(Tenant.key == "dev:acme-trade.example")).one()
    user = db.exec(select(User).where(User.tenant_id == tenant.id)).first()
    assert user is not None
    job = LearningJob(
        tenant_id=tenant.id, user_id=user.id, status="done", since=utcnow(), mailboxes=[user.email],
        proposal={"organizations": [], "documents": [], "rival_suggestions": []}, finished_at=utcnow(),
    )  # fmt: skip
    db.add(job)
    db.commit()
    return job.id


def bodies(data: dict[str, Any]) -> dict[tuple[str, str], Any]:
    return {
        ("post", "/v1/directory/learn/{job_id}/accept"): {"all": True},
        ("patch", "/v1/organizations/{org_id}"): {"notes": "taken over"},
        ("post", "/v1/checks/{check_id}/outcome"): {"outcome": "sent_anyway", "dismissed": []},
        ("patch", "/v1/incidents/{incident_id}"): {"status": "closed"},
        ("post", "/v1/incidents/{incident_id}/mailbox-drafts"): {"drafts": data["incident_drafts"]},
    }


def test_ids_of_another_tenant_answer_404_on_every_route(client: TestClient, app: Any, db: Session) -> None:
    data = acme_data(client, app, db)
    payloads = bodies(data)
    tested = set()
    for path, operations in app.openapi()["paths"].items():
        params = re.findall(r"{(\w+)}", path)
        if not path.startswith("/v1/") or not params:
            continue
        for method in operations:
            if (method, path) in NOT_TENANT_DATA:
                continue
            url = path
            for param in params:
                url = url.replace("{" + param + "}", data[param])
            kwargs = {"json": payloads[(method, path)]} if (method, path) in payloads else {}
            response = client.request(method.upper(), url, headers=INTRUDER, **kwargs)
            assert response.status_code == 404, (method, path, response.text)
            assert response.json()["error"]["code"].endswith("not_found")
            tested.add((method, path))
    assert len(tested) >= 8
    # nothing changed for Acme
    org = client.get(f"/v1/organizations/{data['org_id']}", headers=ALEX).json()
    assert org["notes"] is None
    incident = client.get(f"/v1/incidents/{data['incident_id']}", headers=ALEX).json()
    assert incident["status"] == "open" and incident["mailbox_drafts"] == []
    sends = client.get("/v1/scheduled-sends", headers=ALEX).json()
    assert sends[0]["status"] == "pending"
    assert [h["id"] for h in client.get("/v1/held-sends", headers=ALEX).json()] == [data["held_id"]]


def test_lists_show_nothing_of_another_tenant(client: TestClient, app: Any, db: Session) -> None:
    data = acme_data(client, app, db)
    for url in (
        "/v1/organizations",
        "/v1/incidents",
        "/v1/handoffs",
        "/v1/scheduled-sends",
        "/v1/held-sends",
        "/v1/me/data",
        "/v1/policy",
        f"/v1/handoffs?organization_id={data['org_id']}",
        "/v1/organizations?q=solartech",
    ):
        response = client.get(url, headers=INTRUDER)
        assert response.status_code == 200, (url, response.text)
        text = response.text.lower()
        for secret in (
            "solartech",
            "acme-trade",
            data["org_id"],
            data["incident_id"],
            data["send_id"],
            data["held_id"],
        ):
            assert secret.lower() not in text, (url, secret)


def test_caches_do_not_leak_between_tenants(client: TestClient, app: Any, db: Session) -> None:
    acme_data(client, app, db)
    content = base64.b64encode(b"Proforma invoice for SolarTech GmbH").decode()
    scan = client.post("/v1/attachments/scan", json={"name": "x.txt", "content_base64": content}, headers=ALEX).json()
    assert scan["organizations"]
    theirs = client.post(
        "/v1/attachments/scan", json={"name": "x.txt", "content_base64": content}, headers=INTRUDER
    ).json()
    assert theirs["sha256"] == scan["sha256"] and theirs["organizations"] == []
    # the intruder's check that names Acme's scan by hash learns nothing from it
    result = client.post(
        "/v1/drafts/check",
        json={
            "draft": {
                "to": [{"email": "l.gomez@sunpeak.example"}],
                "attachments": [{"name": "x.txt", "sha256": scan["sha256"]}],
            }
        },
        headers=INTRUDER,
    ).json()
    assert all("SolarTech" not in " ".join(f["evidence"]) for f in result["findings"])
    # and Acme's directory does not shape the intruder's checks
    mistyped = client.post(
        "/v1/drafts/check", json={"draft": {"to": [{"email": "m.schmidt@solartec.de"}]}}, headers=INTRUDER
    ).json()
    assert "lookalike_domain" not in {f["code"] for f in mistyped["findings"]}
