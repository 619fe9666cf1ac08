"""No subject, body or attachment text survives any flow, in any case or encoding, in the database or the logs.

The traffic covers checks (inline, HTML, by reference), dismissals, attachment scans, incidents (inline and
by reference) with their mailbox drafts and recall, scheduled sends through the worker, and held sends.
"""

from __future__ import annotations

import asyncio
import base64
import logging
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checks.models import CheckRecord, Dismissal
from app.common import utcnow
from app.mailbox.base import MailAddress, MailAttachment, MailboxAccess, MailMessage, OutgoingDraft
from app.scheduling.models import ScheduledSend
from app.scheduling.worker import Worker
from tests.helpers import headers
from tests.privacy.markers import (
    ATTACHMENT,
    ATTACHMENT_IBAN,
    BODY,
    BODY_IBAN,
    SUBJECT,
    dump_database,
    every_logger_at_debug,
    find_leaks,
)

ALEX_EMAIL = "alex@acme-trade.example"
ALEX = headers(ALEX_EMAIL)
ACCESS = MailboxAccess(ALEX_EMAIL)
RIVAL = "l.gomez@sunpeak.example"

BODY_TEXT = (
    f"Dear Laura, please find attached. {BODY}\nInternal only: our bottom price.\n"
    f"Please pay to IBAN {BODY_IBAN}, our cost is 5 USD."
)
ATTACHMENT_TEXT = f"Proforma invoice SolarTech GmbH {ATTACHMENT} IBAN {ATTACHMENT_IBAN}"


def _draft(**overrides: Any) -> dict[str, Any]:
    content = base64.b64encode(ATTACHMENT_TEXT.encode()).decode()
    return {
        "from": ALEX_EMAIL,
        "to": [{"email": RIVAL, "name": "Laura Gómez"}, {"email": "m.schmidt@solartech.example"}],
        "subject": f"PI {SUBJECT}",
        "body": BODY_TEXT,
        "attachments": [{"name": "scan.txt", "content_type": "text/plain", "content_base64": content}],
        **overrides,
    }


def _ok(response: Any, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    return response.json()  # type: ignore[no-any-return]


def _checks_and_dismissals(client: TestClient) -> None:
    for trigger in ("compose", "send"):
        result = _ok(client.post("/v1/drafts/check", json={"draft": _draft(), "trigger": trigger}, headers=ALEX))
        # the run must reach the findings that quote the body, or the test proves nothing about evidence
        evidence = " ".join(e for f in result["findings"] for e in f["evidence"])
        assert BODY_IBAN in evidence
        codes = sorted({f["code"] for f in result["findings"]})
        outcome = {"outcome": "sent_anyway", "dismissed": codes}
        _ok(client.post(f"/v1/checks/{result['check_id']}/outcome", json=outcome, headers=ALEX))
    html = _draft(body=f"<p>{BODY_TEXT}</p>", body_format="html")
    _ok(client.post("/v1/drafts/check", json={"draft": html}, headers=ALEX))
    scan = {
        "name": "scan2.txt",
        "content_type": "text/plain",
        "content_base64": _draft()["attachments"][0]["content_base64"],
    }
    _ok(client.post("/v1/attachments/scan", json=scan, headers=ALEX))


def _sent_message(mailbox: Any) -> str:
    mailbox.put_message(
        ACCESS,
        MailMessage(
            id="sent-privacy-1",
            sender=ALEX_EMAIL,
            to=(MailAddress(RIVAL, "Laura Gómez"),),
            subject=f"PI {SUBJECT}",
            body=BODY_TEXT,
            attachments=(MailAttachment("PI_SolarTech_2026-001.pdf", content=ATTACHMENT_TEXT.encode()),),
        ),
    )
    return "sent-privacy-1"


def _incidents(client: TestClient, mailbox: Any) -> None:
    wrong = {"wrong_recipients": [RIVAL], "intended_recipients": ["m.schmidt@solartech.example"]}
    inline = _ok(client.post("/v1/incidents", json={"message": _draft(), **wrong}, headers=ALEX), 201)
    url = f"/v1/incidents/{inline['incident_id']}"
    _ok(client.post(f"{url}/mailbox-drafts", json={"drafts": inline["drafts"]}, headers=ALEX))
    _ok(client.patch(url, json={"steps": {"apology": True}}, headers=ALEX))
    ref = {"provider": "fake", "id": _sent_message(mailbox)}
    by_ref = _ok(client.post("/v1/incidents", json={"ref": ref, **wrong}, headers=ALEX), 201)
    client.post(f"/v1/incidents/{by_ref['incident_id']}/recall", headers=ALEX)
    _ok(client.post("/v1/drafts/check", json={"ref": ref}, headers=ALEX))


def _scheduled_and_held(client: TestClient, app: Any) -> None:
    mailbox = app.state.mailbox
    draft = asyncio.run(
        mailbox.create_draft(
            ACCESS,
            OutgoingDraft(
                to=(MailAddress(RIVAL),),
                subject=f"PI {SUBJECT}",
                body_html=f"<p>{BODY_TEXT}</p>",
                body_text=BODY_TEXT,
            ),
        )
    )
    # A draft the provider gives no message id yet: the worker reads it again before sending.
    mailbox.put_message(
        ACCESS,
        MailMessage(
            id="draft-no-id",
            sender=ALEX_EMAIL,
            to=(MailAddress(RIVAL),),
            subject=f"PI {SUBJECT}",
            body=BODY_TEXT,
            is_draft=True,
        ),
    )
    for draft_id in (draft.id, "draft-no-id"):
        body = {"provider": "fake", "draft_id": draft_id, "delay_seconds": 0}
        _ok(client.post("/v1/scheduled-sends", json=body, headers=ALEX), 201)

    async def drain() -> None:
        worker = Worker(app.state.engine, mailbox, app.state.settings)
        while await worker.run_once():
            pass

    asyncio.run(drain())
    assert [s["status"] for s in _ok(client.get("/v1/scheduled-sends", headers=ALEX))] == ["sent", "sent"]
    held = {"to": [RIVAL], "subject": f"PI {SUBJECT}", "deliver_at": (utcnow() + timedelta(minutes=5)).isoformat()}
    held_id = _ok(client.post("/demo/held", json=held, headers=ALEX), 201)["id"]
    _ok(client.get("/v1/held-sends", headers=ALEX))
    _ok(client.delete(f"/v1/held-sends/{held_id}", headers=ALEX))


def test_no_content_in_database_or_logs_after_every_flow(
    demo: TestClient, app: Any, db: Session, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    with caplog.at_level(logging.DEBUG), every_logger_at_debug():
        _checks_and_dismissals(demo)
        _incidents(demo, app.state.mailbox)
        _scheduled_and_held(demo, app)
        exported = demo.get("/v1/me/data", headers=ALEX).text
    out, err = capfd.readouterr()
    assert not find_leaks(dump_database(app.state.engine)), "content stored in the database"
    assert not find_leaks(caplog.text + out + err), "content logged"
    assert not find_leaks(exported), "content in the user's data export"
    # the traffic did store what it should, so the scan above looked at real rows
    assert db.exec(select(Dismissal)).first() is not None
    assert len(db.exec(select(CheckRecord)).all()) >= 4
    assert [row.status for row in db.exec(select(ScheduledSend)).all()] == ["sent", "sent"]
