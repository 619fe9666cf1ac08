"""What a check leaves behind, read back field by field: the record written with the check (counts, timing, index
version, the message's hash, when), the metrics by trigger, verdict and finding code, the outcome's time, and the
count of queued rows the database refused."""

from __future__ import annotations

import hashlib
import logging
import uuid
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from sqlmodel import Session

from app.checks import recorder as recorder_module
from app.checks import service
from app.checks.message_ids import message_hash, normalized_message_id
from app.checks.models import CheckRecord
from app.checks.recorder import CheckRecorder
from app.checks.schemas import OutcomeRequest
from app.demo import ALEX
from app.mailbox.base import MailAddress, MailAttachment, MailMessage
from app.observability import Metrics
from tests.checks.test_service_glue import demo_auth

CHECKED_AT = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
MESSAGE = MailMessage(
    id="",
    sender=ALEX,
    to=(MailAddress("l.gomez@sunpeak.example", "Laura Gómez"),),
    cc=(MailAddress("m.schmidt@solartech.example"),),
    bcc=(MailAddress("first@far-away.example"),),
    subject="Offer",
    body="Dear Laura, please find attached our offer.",
    attachments=(
        MailAttachment(name="offer.pdf", size=1000, sha256="ab" * 32),
        MailAttachment(name="prices.xlsx", size=2000, sha256="cd" * 32),
    ),
    internet_message_id="<draft-17@acme-trade.example>",
)


def _check(app: Any, db: Session, metrics: Metrics, **kwargs: Any) -> Any:
    state = app.state
    auth = demo_auth(db)
    answer = service.check_message(
        db, auth, state.index_cache, state.settings, state.extractor, metrics, MESSAGE, client="outlook", **kwargs
    )
    db.expire_all()
    return auth, answer, db.get(CheckRecord, answer.check_id)


def test_the_record_holds_the_checks_counts_timing_version_and_time(
    app: Any, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = iter([10.0, 10.0123456])  # the check starts, then its record is made 12.3456 ms later
    monkeypatch.setattr(service, "time", SimpleNamespace(perf_counter=lambda: next(clock)))
    monkeypatch.setattr(service, "utcnow", lambda: CHECKED_AT)
    auth, answer, record = _check(app, db, Metrics(), trigger="compose", locale=None)
    assert (record.tenant_id, record.user_id) == (auth.tenant.id, auth.user.id)
    assert (record.client, record.trigger, record.verdict) == ("outlook", "compose", answer.verdict)
    assert record.recipient_count == 3
    assert record.attachment_count == 2
    assert record.latency_ms == 12.346
    assert record.index_version == app.state.index_cache.current(auth.tenant.id).version >= 1
    assert record.created_at.replace(tzinfo=UTC) == CHECKED_AT
    assert (record.outcome, record.outcome_at, record.dismissed) == (None, None, [])


def test_the_record_keeps_the_salted_hash_of_the_messages_id(app: Any, db: Session) -> None:
    auth, _answer, record = _check(app, db, Metrics(), trigger="send", locale=None)
    expected = hashlib.sha256(f"{auth.tenant.id}:message:draft-17@acme-trade.example".encode()).hexdigest()
    assert record.message_hash == expected


def test_metrics_count_the_check_by_trigger_and_verdict_and_each_finding_by_code(app: Any, db: Session) -> None:
    metrics = Metrics()
    _auth, answer, record = _check(app, db, metrics, trigger="send", locale=None)
    sample = metrics.registry.get_sample_value
    assert sample("sendguard_checks_total", {"trigger": "send", "verdict": answer.verdict}) == 1.0
    assert record.finding_codes
    for code in set(record.finding_codes):
        assert sample("sendguard_findings_total", {"code": code}) == record.finding_codes.count(code)


def test_an_outcome_is_stamped_with_when_it_was_told(app: Any, db: Session) -> None:
    auth, _answer, record = _check(app, db, Metrics(), trigger="send", locale=None)
    before = datetime.now(UTC)
    service.record_outcome(db, auth, record.id, OutcomeRequest(outcome="fixed"))
    db.expire_all()
    stored = db.get(CheckRecord, record.id)
    assert stored is not None and stored.outcome == "fixed"
    assert stored.outcome_at is not None and stored.outcome_at.replace(tzinfo=UTC) >= before.replace(microsecond=0)


def test_message_ids_are_compared_without_brackets_and_blanks() -> None:
    assert normalized_message_id("  <XYZ-1@mail.example>  ") == "XYZ-1@mail.example"
    tenant = uuid.uuid4()
    expected = hashlib.sha256(f"{tenant}:message:XYZ-1@mail.example".encode()).hexdigest()
    assert message_hash(tenant, "<XYZ-1@mail.example>") == expected
    assert message_hash(tenant, None) is None
    assert message_hash(tenant, " <> ") is None


def test_the_refused_rows_of_a_batch_are_counted_in_the_warning(
    app: Any, db: Session, caplog: pytest.LogCaptureFixture
) -> None:
    auth = demo_auth(db)
    recorder = CheckRecorder(app.state.engine, 60)

    def record(user_id: uuid.UUID) -> dict[str, Any]:
        return {"id": uuid.uuid4(), "tenant_id": auth.tenant.id, "user_id": user_id, "client": "api"} | {
            "trigger": "send",
            "verdict": "ok",
            "finding_codes": [],
            "finding_targets": {},
            "dismissed": [],
        }

    for user_id in (auth.user.id, uuid.uuid4(), uuid.uuid4()):  # two users that do not exist
        recorder.add(record(user_id))
    with caplog.at_level(logging.WARNING, logger=recorder_module.__name__):
        assert recorder.flush() == 1
    # Only the recorder's own warning (the PostgreSQL driver may log the refused statements too).
    assert [r.args for r in caplog.records if r.name == recorder_module.__name__] == [(2,)]
