"""The recorder's own rules, on a recorder made here: when it writes, what it keeps answering from, how it stops."""

from __future__ import annotations

import logging
import threading
import time
import uuid
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from app.checks import recorder as recorder_module
from app.checks.models import AttachmentScan
from app.checks.recorder import CheckRecorder
from app.tenants.models import Tenant


class _Flushes:
    """Stands in for `flush`: counts the rounds, optionally failing or taking a while in the background thread."""

    def __init__(self, fail: bool = False, background_seconds: float = 0.0) -> None:
        self.calls: list[str] = []
        self.fail = fail
        self.background_seconds = background_seconds
        self.finished = threading.Event()

    def __call__(self) -> int:
        name = threading.current_thread().name
        self.calls.append(name)
        if name != threading.main_thread().name and self.background_seconds:
            time.sleep(self.background_seconds)
            self.finished.set()
        if self.fail:
            raise OperationalError("INSERT", {}, Exception("database away"))
        return 0


def _recorder(monkeypatch: pytest.MonkeyPatch, flushes: _Flushes, interval: float = 0.01) -> CheckRecorder:
    recorder = CheckRecorder(create_engine("sqlite://"), interval)
    monkeypatch.setattr(recorder, "flush", flushes)
    return recorder


def _wait_for(condition: Any, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return bool(condition())


def test_the_background_writer_flushes_every_interval_until_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    flushes = _Flushes()
    recorder = _recorder(monkeypatch, flushes)
    recorder.start()
    recorder.start()  # started once: a second call changes nothing
    assert _wait_for(lambda: len(flushes.calls) >= 3)
    background = {name for name in flushes.calls}
    assert len(background) == 1 and threading.main_thread().name not in background
    recorder.close()
    rounds = len(flushes.calls)
    assert flushes.calls[-1] == threading.main_thread().name  # the shutdown writes what is left
    time.sleep(0.05)
    assert len(flushes.calls) == rounds  # and the writer stopped


def test_closing_waits_for_the_round_being_written(monkeypatch: pytest.MonkeyPatch) -> None:
    flushes = _Flushes(background_seconds=0.2)
    recorder = _recorder(monkeypatch, flushes)
    recorder.start()
    assert _wait_for(lambda: len(flushes.calls) >= 1)
    recorder.close()
    assert flushes.finished.is_set()


def test_closing_a_recorder_never_started_writes_what_is_queued(monkeypatch: pytest.MonkeyPatch) -> None:
    flushes = _Flushes()
    recorder = _recorder(monkeypatch, flushes)
    recorder.close()
    assert flushes.calls == [threading.main_thread().name]


def test_an_unavailable_database_is_logged_and_tried_again(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    flushes = _Flushes(fail=True)
    recorder = _recorder(monkeypatch, flushes)
    with caplog.at_level(logging.WARNING, logger=recorder_module.__name__):
        recorder.start()
        assert _wait_for(lambda: len(flushes.calls) >= 2)
        recorder.close()  # no error at shutdown either: the rows are lost, the service stops
    messages = [record.getMessage() for record in caplog.records]
    assert any("database unavailable" in message for message in messages)
    assert any("shutdown" in message for message in messages)


def test_correspondent_rows_must_be_of_the_user_that_sent() -> None:
    recorder = CheckRecorder(create_engine("sqlite://"), 60)
    tenant, user = uuid.uuid4(), uuid.uuid4()
    recorder.add_correspondents(tenant, user, [{"tenant_id": tenant, "user_id": user, "address_hash": "a"}])
    for row in ({"tenant_id": tenant, "user_id": uuid.uuid4()}, {"tenant_id": uuid.uuid4(), "user_id": user}):
        with pytest.raises(ValueError, match="another user"):
            recorder.add_correspondents(tenant, user, [row])


# --- scans: answered from the queue until written ---------------------------------------------------------


def _tenant(db: Session) -> Tenant:
    tenant = Tenant(key="t:rec", name="Rec", internal_domains=["acme-trade.example"])
    db.add(tenant)
    db.commit()
    return tenant


def _scan(tenant: Tenant, sha: str, doc_class: str) -> AttachmentScan:
    return AttachmentScan(tenant_id=tenant.id, sha256=sha, doc_class=doc_class, organization_ids=["o1"])


def test_a_batch_the_database_accepts_is_written_at_once_without_warnings(
    app: Any, db: Session, caplog: pytest.LogCaptureFixture
) -> None:
    tenant = _tenant(db)
    recorder = CheckRecorder(app.state.engine, 60)
    recorder.add_scan(_scan(tenant, "a" * 64, "invoice"))
    recorder.add_scan(_scan(tenant, "a" * 64, "offer"))  # the same bytes scanned again: the newer scan wins
    recorder.add_scan(_scan(tenant, "b" * 64, "offer"))
    with caplog.at_level(logging.WARNING, logger=recorder_module.__name__):
        assert recorder.flush() == 3
    assert not caplog.records
    assert recorder.pending_scans(tenant.id, ["a" * 64, "b" * 64]) == {}
    with Session(app.state.engine) as session:
        stored = {s.sha256: s.doc_class for s in session.exec(select(AttachmentScan))}
    assert stored == {"a" * 64: "offer", "b" * 64: "offer"}


def test_a_scan_queued_while_its_bytes_were_being_written_stays_answered(
    app: Any, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = _tenant(db)
    recorder = CheckRecorder(app.state.engine, 60)
    recorder.add_scan(_scan(tenant, "a" * 64, "invoice"))
    write = recorder._write

    def write_while_a_check_queues(batch: dict[str, Any]) -> int:
        recorder.add_scan(_scan(tenant, "a" * 64, "offer"))
        return write(batch)

    monkeypatch.setattr(recorder, "_write", write_while_a_check_queues)
    recorder.flush()
    pending = recorder.pending_scans(tenant.id, ["a" * 64])
    assert [scan.doc_class for scan in pending.values()] == ["offer"]
