"""Privacy is a feature: what is stored can be exported, erased, and expires.

That no subject, body or attachment text is stored or logged is tested in test_privacy_all_flows.py."""

from __future__ import annotations

import base64
from datetime import timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checks.models import CheckRecord
from app.incidents.models import Incident
from app.privacy.service import purge_expired
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")
LIN = headers("lin.wei@acme-trade.example")
BODY_MARK = "BODYMARK7731"
SUBJECT_MARK = "SUBJMARK5512"
ATTACH_MARK = "ATTMARK9904"


def run_traffic(client: TestClient) -> None:
    attachment = base64.b64encode(f"Proforma invoice SolarTech GmbH {ATTACH_MARK}".encode()).decode()
    draft = {
        "from": "alex@acme-trade.example",
        "to": [{"email": "l.gomez@sunpeak.example", "name": "Laura Gómez"}],
        "subject": f"PI {SUBJECT_MARK}",
        "body": f"Dear Laura, please find attached. {BODY_MARK}",
        "attachments": [{"name": "scan.txt", "content_type": "text/plain", "content_base64": attachment}],
    }
    assert client.post("/v1/drafts/check", json={"draft": draft, "trigger": "send"}, headers=ALEX).status_code == 200
    scan = {"name": "scan2.txt", "content_type": "text/plain", "content_base64": attachment}
    assert client.post("/v1/attachments/scan", json=scan, headers=ALEX).status_code == 200
    incident = client.post(
        "/v1/incidents",
        json={
            "message": draft,
            "wrong_recipients": ["l.gomez@sunpeak.example"],
            "intended_recipients": ["m.schmidt@solartech.example"],
        },
        headers=ALEX,
    )
    assert incident.status_code == 201, incident.text
    url = f"/v1/incidents/{incident.json()['incident_id']}/mailbox-drafts"
    assert client.post(url, json={"drafts": incident.json()["drafts"][:1]}, headers=ALEX).status_code == 200


def test_export_and_delete_my_data(demo: TestClient, db: Session) -> None:
    run_traffic(demo)
    exported = demo.get("/v1/me/data", headers=ALEX).json()
    assert len(exported["check_records"]) == 1 and len(exported["incidents"]) == 1
    assert exported["user"]["email"] == "alex@acme-trade.example"
    assert demo.get("/v1/me/data", headers=LIN).json()["check_records"] == []
    deleted = demo.delete("/v1/me/data", headers=ALEX).json()["deleted"]
    assert deleted["check_records"] == 1 and deleted["incidents"] == 1
    again = demo.get("/v1/me/data", headers=ALEX).json()
    assert again["check_records"] == [] and again["incidents"] == [] and again["correspondents"] == []


def test_retention_purge_removes_only_old_records(demo: TestClient, db: Session) -> None:
    run_traffic(demo)
    run_traffic(demo)
    records = db.exec(select(CheckRecord)).all()
    old = records[0]
    old.created_at = old.created_at - timedelta(days=400)
    db.add(old)
    incident = db.exec(select(Incident)).first()
    assert incident is not None
    incident.created_at = incident.created_at - timedelta(days=400)
    db.add(incident)
    db.commit()
    counts: dict[str, Any] = purge_expired(db, retention_days=180)
    assert counts["check_records"] == 1 and counts["incidents"] == 1
    db.expire_all()
    assert len(db.exec(select(CheckRecord)).all()) == 1
    assert len(db.exec(select(Incident)).all()) == 1
    response = demo.post("/v1/admin/retention/purge", headers=headers("boss@acme-trade.example", admin=True))
    assert response.status_code == 200 and response.json()["deleted"]["check_records"] == 0
    assert demo.post("/v1/admin/retention/purge", headers=ALEX).status_code == 403
