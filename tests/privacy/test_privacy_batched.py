"""With check rows written in batches, what the last checks queued is exported, and erased for good."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checks.models import CheckRecord, Correspondent
from app.demo import load_demo_data
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")


def test_queued_rows_are_exported_and_not_written_back_after_an_erasure(make_app: Any) -> None:
    app = make_app(check_record_batch_seconds=3600)  # only an explicit flush (or the shutdown) writes
    with Session(app.state.engine) as session:
        load_demo_data(session)
    draft = {"to": [{"email": "new.buyer@far-away.example"}], "body": "Hello"}
    with TestClient(app) as client:
        answer = client.post("/v1/drafts/check", json={"draft": draft, "trigger": "send"}, headers=ALEX)
        assert answer.status_code == 200, answer.text
        exported = client.get("/v1/me/data", headers=ALEX).json()
        assert [r["id"] for r in exported["check_records"]] == [answer.json()["check_id"]]
        assert len(exported["correspondents"]) == 1
        again = client.post("/v1/drafts/check", json={"draft": draft, "trigger": "send"}, headers=ALEX)
        assert again.status_code == 200
        deleted = client.delete("/v1/me/data", headers=ALEX).json()["deleted"]
        assert deleted["check_records"] == 2 and deleted["correspondents"] == 1
    # The shutdown wrote whatever was still queued: nothing of the erased checks came back.
    with Session(app.state.engine) as session:
        assert session.exec(select(CheckRecord)).all() == []
        assert session.exec(select(Correspondent)).all() == []
