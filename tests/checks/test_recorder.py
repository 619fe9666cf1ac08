from __future__ import annotations

import time
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from app.checks.models import CheckRecord
from bench.db_proxy import FaultyProxy
from tests.conftest import behind
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")
DRAFT = {"draft": {"to": [{"email": "someone@customer.example"}], "body": "please find attached"}}


def records(app: Any) -> list[CheckRecord]:
    with Session(app.state.engine) as session:
        return list(session.exec(select(CheckRecord)).all())


def test_batched_records_are_written_outcomes_never_miss_them_and_shutdown_flushes(make_app: Any) -> None:
    # A long interval: only an outcome or the shutdown can have written the records.
    app = make_app(check_record_batch_seconds=3600)
    with TestClient(app) as client:
        first = client.post("/v1/drafts/check", json=DRAFT, headers=ALEX).json()
        assert records(app) == []
        outcome = client.post(f"/v1/checks/{first['check_id']}/outcome", json={"outcome": "fixed"}, headers=ALEX)
        assert outcome.status_code == 200, outcome.text
        assert [str(r.id) for r in records(app)] == [first["check_id"]]
        second = client.post("/v1/drafts/check", json=DRAFT, headers=ALEX).json()
    stored = {str(r.id): r for r in records(app)}
    assert set(stored) == {first["check_id"], second["check_id"]}
    assert stored[first["check_id"]].outcome == "fixed"
    assert "missing_attachment" in stored[second["check_id"]].finding_codes


def test_the_background_writer_flushes_on_its_own(make_app: Any) -> None:
    app = make_app(check_record_batch_seconds=0.05)
    with TestClient(app) as client:
        check_id = client.post("/v1/drafts/check", json=DRAFT, headers=ALEX).json()["check_id"]
        deadline = time.monotonic() + 5
        while not records(app) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [str(r.id) for r in records(app)] == [check_id]


def test_a_batch_written_though_its_answer_was_lost_does_not_block_later_records(
    db_proxy: FaultyProxy, database_url: str, make_app: Any
) -> None:
    # The network fails while the batch's COMMIT is on its way: the server commits, the answer never comes, the
    # recorder keeps the batch for the next round. That round must not fail on it, and must write the newer ones.
    app = make_app(database_url=behind(db_proxy, database_url), check_record_batch_seconds=3600)
    recorder = app.state.recorder
    with TestClient(app) as client:
        first = client.post("/v1/drafts/check", json=DRAFT, headers=ALEX).json()["check_id"]
        lose_commit_answer = lambda *_: db_proxy.lose_answers()  # noqa: E731
        event.listen(app.state.engine, "commit", lose_commit_answer)
        with pytest.raises(OperationalError):
            recorder.flush()
        event.remove(app.state.engine, "commit", lose_commit_answer)
        db_proxy.forward()
        assert [str(r.id) for r in records(app)] == [first], "the lost answer's batch was committed"

        second = client.post("/v1/drafts/check", json=DRAFT, headers=ALEX).json()["check_id"]
        assert recorder.flush() == 2
        assert sorted(str(r.id) for r in records(app)) == sorted([first, second])
        assert recorder.flush() == 0


def test_a_refused_batch_is_kept_ahead_of_the_records_that_came_meanwhile(make_app: Any) -> None:
    app = make_app(check_record_batch_seconds=3600)
    recorder = app.state.recorder
    table = CheckRecord.__tablename__
    meanwhile: list[str] = []

    def refuse_the_first_write(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if meanwhile or not statement.lstrip().upper().startswith(f"INSERT INTO {table.upper()}"):
            return
        # A check arrives while the batch is on its way, and then the database refuses the batch.
        meanwhile.append(client.post("/v1/drafts/check", json=DRAFT, headers=ALEX).json()["check_id"])
        raise OperationalError(statement, {}, ConnectionError("the database went away"))

    with TestClient(app) as client:
        assert recorder.flush() == 0  # nothing queued, nothing written
        first = client.post("/v1/drafts/check", json=DRAFT, headers=ALEX).json()["check_id"]
        event.listen(app.state.engine, "before_cursor_execute", refuse_the_first_write)
        try:
            with pytest.raises(OperationalError):
                recorder.flush()
        finally:
            event.remove(app.state.engine, "before_cursor_execute", refuse_the_first_write)
        assert records(app) == []
        assert all(recorder.is_pending(uuid.UUID(check_id)) for check_id in [first, *meanwhile])
        assert recorder.flush() == 2
        assert sorted(str(r.id) for r in records(app)) == sorted([first, *meanwhile])
