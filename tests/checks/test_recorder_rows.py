"""Scans and new correspondents of a check are written in the recorder's batch, and answered from its queue
meanwhile; a queued row the database refuses is dropped alone."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, delete, select

from app.checks.history import user_history
from app.checks.models import AttachmentScan, CheckRecord, Correspondent
from app.demo import load_demo_data
from app.tenants.models import User
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")
PI = b"PROFORMA INVOICE\nBuyer: SolarTech GmbH\nOrder 2026-001\nTotal EUR 48,000\n"


def _batched_demo(make_app: Any) -> FastAPI:
    app: FastAPI = make_app(check_record_batch_seconds=3600)  # only an explicit flush writes
    with Session(app.state.engine) as session:
        load_demo_data(session)
    return app


def _rows(app: FastAPI, model: Any) -> list[Any]:
    with Session(app.state.engine) as session:
        return list(session.exec(select(model)).all())


def _check(client: TestClient, draft: dict[str, Any], trigger: str = "compose") -> set[str]:
    response = client.post("/v1/drafts/check", json={"trigger": trigger, "draft": draft}, headers=ALEX)
    assert response.status_code == 200, response.text
    return {f["code"] for f in response.json()["findings"]}


def test_a_scan_is_queued_and_a_send_check_by_hash_finds_it_before_it_is_written(make_app: Any) -> None:
    app = _batched_demo(make_app)
    content = {"name": "pi.txt", "content_type": "text/plain", "content_base64": base64.b64encode(PI).decode()}
    by_hash = {"name": "pi.txt", "sha256": hashlib.sha256(PI).hexdigest(), "size": len(PI)}
    wrong = [{"email": "l.gomez@sunpeak.example"}]
    with TestClient(app) as client:
        assert "content_mismatch" in _check(client, {"to": wrong, "body": "Dear Laura", "attachments": [content]})
        assert _rows(app, AttachmentScan) == []  # nothing written during the check
        # The send-time check names the file by hash only: the queued scan says whom it is for.
        assert "content_mismatch" in _check(client, {"to": wrong, "body": "Dear Laura", "attachments": [by_hash]})
        assert app.state.recorder.flush() >= 3  # the scan and the two records
        stored = _rows(app, AttachmentScan)
        assert [s.sha256 for s in stored] == [by_hash["sha256"]] and stored[0].doc_class == "pi"
        assert app.state.recorder.pending_scans(stored[0].tenant_id, [by_hash["sha256"]]) == {}
        # Written and forgotten by the queue: the stored row answers now.
        assert "content_mismatch" in _check(client, {"to": wrong, "body": "Dear Laura", "attachments": [by_hash]})


def test_queued_scans_are_the_tenants_own(make_app: Any) -> None:
    app = _batched_demo(make_app)
    content = {"name": "pi.txt", "content_type": "text/plain", "content_base64": base64.b64encode(PI).decode()}
    with TestClient(app) as client:
        _check(client, {"to": [{"email": "l.gomez@sunpeak.example"}], "body": "Hi", "attachments": [content]})
        other = client.get("/v1/me", headers=headers("eve@other-company.example"))
        assert other.status_code == 200, other.text
        with Session(app.state.engine) as session:
            eve = session.exec(select(User).where(User.email == "eve@other-company.example")).one()
            alex = session.exec(select(User).where(User.email == "alex@acme-trade.example")).one()
        sha = hashlib.sha256(PI).hexdigest()
        assert app.state.recorder.pending_scans(eve.tenant_id, [sha]) == {}
        assert set(app.state.recorder.pending_scans(alex.tenant_id, [sha])) == {sha}


def test_new_correspondents_are_written_in_the_batch_and_known_at_once(make_app: Any) -> None:
    app = _batched_demo(make_app)
    draft = {"to": [{"email": "new.buyer@far-away.example"}], "body": "Hello"}
    with TestClient(app) as client:
        assert "first_time_recipient" in _check(client, draft, "send")
        assert _rows(app, Correspondent) == []
        assert "first_time_recipient" not in _check(client, draft)  # this process knows already
        app.state.recorder.flush()
        assert len(_rows(app, Correspondent)) == 1
        user_history.clear()  # as another process would: from the database
        assert "first_time_recipient" not in _check(client, draft)


def test_a_row_refused_for_a_gone_user_is_dropped_and_the_others_written(make_app: Any) -> None:
    app = _batched_demo(make_app)
    with TestClient(app) as client:
        _check(client, {"to": [{"email": "a@far-away.example"}], "body": "Hi"}, "send")
        bob = headers("bob@acme-trade.example")
        body = {"trigger": "send", "draft": {"to": [{"email": "b@far-away.example"}], "body": "Hi"}}
        assert client.post("/v1/drafts/check", json=body, headers=bob).status_code == 200
        with Session(app.state.engine) as session:
            gone = session.exec(select(User).where(User.email == "bob@acme-trade.example")).one()
            session.exec(delete(User).where(User.id == gone.id))  # type: ignore[call-overload]
            session.commit()
        assert app.state.recorder.flush() == 2  # alex's record and correspondent; bob's two rows dropped
        assert app.state.recorder.flush() == 0  # nothing kept to fail again
    records = _rows(app, CheckRecord)
    assert len(records) == 1 and records[0].user_id != gone.id
    assert [c.user_id for c in _rows(app, Correspondent)] == [records[0].user_id]
