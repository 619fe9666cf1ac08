"""The worker's decisions one at a time: a row in the database, the in-memory mailbox, a clock that stands still."""

from __future__ import annotations

import asyncio
import logging
import re
import socket
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import Engine, update
from sqlmodel import Session

from app.config import Settings
from app.errors import AppError, Forbidden, Unauthorized
from app.mailbox.base import MailboxAccess, SendResult
from app.mailbox.exceptions import ConsentMissing, MailboxUnavailable, SendOutcomeUnknown
from app.mailbox.fake import FakeMailbox
from app.scheduling import worker as worker_module
from app.scheduling.models import ScheduledSend
from app.scheduling.worker import Worker
from tests.scheduling.store import (
    ALEX_EMAIL,
    Clock,
    Owner,
    ScriptedMailbox,
    add_send,
    all_rows,
    drain,
    load,
    make_worker,
    new_draft,
    utc,
)

MESSAGE_ID = "<draft-1@fake.sendguard>"


@pytest.fixture
def mailbox() -> ScriptedMailbox:
    return ScriptedMailbox()


@pytest.fixture
def fixed_random(monkeypatch: pytest.MonkeyPatch) -> None:
    """Backoff jitter fixed at 0.25: the factor (0.5 + jitter) is 0.75."""
    monkeypatch.setattr(worker_module.random, "random", lambda: 0.25)


def test_first_attempt_sends_the_draft_marked_with_the_row_without_searching_sent_items(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, mailbox: ScriptedMailbox
) -> None:
    draft_id = new_draft(mailbox.inner)
    send_id = add_send(engine, owner, draft_id, clock.now)
    worker = make_worker(engine, mailbox, settings, clock, worker_id="w-1")
    clock.advance(seconds=7)
    assert asyncio.run(worker.run_once()) == 1
    assert mailbox.calls == [("send_draft", ALEX_EMAIL, draft_id, str(send_id))]
    row = load(engine, send_id)
    assert (row.status, row.attempts, row.sent_message_id, row.claimed_by) == ("sent", 1, MESSAGE_ID, "w-1")
    assert (utc(row.claimed_at), utc(row.updated_at), row.last_error) == (clock.now, clock.now, None)
    assert asyncio.run(worker.run_once()) == 0


def test_the_message_id_is_on_record_before_the_send(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, mailbox: ScriptedMailbox
) -> None:
    draft_id = new_draft(mailbox.inner)
    send_id = add_send(engine, owner, draft_id, clock.now, internet_message_id=None)
    seen: list[str | None] = []
    mailbox.on_send = lambda _: seen.append(load(engine, send_id).internet_message_id)
    mailbox.send_result = SendResult(internet_message_id=None)  # the provider's answer names no id
    drain(make_worker(engine, mailbox, settings, clock))
    assert mailbox.names() == ["get_message", "send_draft"]
    assert seen == [MESSAGE_ID]
    row = load(engine, send_id)
    assert (row.status, row.internet_message_id, row.sent_message_id) == ("sent", MESSAGE_ID, MESSAGE_ID)


@pytest.mark.parametrize(("answered", "recorded"), [("<as-sent@example>", "<as-sent@example>"), (None, MESSAGE_ID)])
def test_the_sent_message_id_is_the_providers_else_the_drafts(
    engine: Engine,
    owner: Owner,
    settings: Settings,
    clock: Clock,
    mailbox: ScriptedMailbox,
    answered: str | None,
    recorded: str,
) -> None:
    send_id = add_send(engine, owner, new_draft(mailbox.inner), clock.now)
    mailbox.send_result = SendResult(internet_message_id=answered)
    drain(make_worker(engine, mailbox, settings, clock))
    assert load(engine, send_id).sent_message_id == recorded


def _claimed_by_a_dead_worker(engine: Engine, owner: Owner, draft_id: str, clock: Clock) -> uuid.UUID:
    return add_send(
        engine,
        owner,
        draft_id,
        clock.now - timedelta(minutes=3),
        status="sending",
        attempts=1,
        claimed_by="dead-worker",
        claimed_at=clock.now - timedelta(minutes=3),
    )


def test_a_later_attempt_finds_the_send_in_sent_items_and_does_not_send_again(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, mailbox: ScriptedMailbox
) -> None:
    draft_id = new_draft(mailbox.inner)
    asyncio.run(mailbox.inner.send_draft(MailboxAccess(ALEX_EMAIL), draft_id))  # the dead worker's send
    send_id = _claimed_by_a_dead_worker(engine, owner, draft_id, clock)
    drain(make_worker(engine, mailbox, settings, clock, worker_id="w-2"))
    assert mailbox.calls == [("find_sent", ALEX_EMAIL, MESSAGE_ID, str(send_id))]
    row = load(engine, send_id)
    assert (row.status, row.attempts, row.sent_message_id, row.claimed_by) == ("sent", 2, MESSAGE_ID, "w-2")


def test_a_draft_gone_is_found_in_sent_items_by_the_rows_mark_alone(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, mailbox: ScriptedMailbox
) -> None:
    """The provider gave the sent message another id than the draft's: the mark the worker put on it still tells."""
    draft_id = new_draft(mailbox.inner)
    send_id = add_send(engine, owner, draft_id, clock.now, internet_message_id="<renamed-on-send@example>")
    asyncio.run(mailbox.inner.send_draft(MailboxAccess(ALEX_EMAIL), draft_id, marker=str(send_id)))
    drain(make_worker(engine, mailbox, settings, clock))
    assert mailbox.calls == [
        ("send_draft", ALEX_EMAIL, draft_id, str(send_id)),
        ("find_sent", ALEX_EMAIL, "<renamed-on-send@example>", str(send_id)),
    ]
    row = load(engine, send_id)
    assert (row.status, row.sent_message_id, row.last_error) == ("sent", "<renamed-on-send@example>", None)
    assert mailbox.inner.sends == [draft_id]


def test_a_later_attempt_that_finds_nothing_sends_once(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, mailbox: ScriptedMailbox
) -> None:
    draft_id = new_draft(mailbox.inner)
    send_id = _claimed_by_a_dead_worker(engine, owner, draft_id, clock)
    drain(make_worker(engine, mailbox, settings, clock))
    assert mailbox.names() == ["find_sent", "send_draft"]
    assert (load(engine, send_id).status, mailbox.inner.sends) == ("sent", [draft_id])


def test_a_row_another_worker_holds_by_the_time_it_is_loaded_is_left_alone(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, mailbox: ScriptedMailbox
) -> None:
    send_id = add_send(engine, owner, new_draft(mailbox.inner), clock.now)
    worker = make_worker(engine, mailbox, settings, clock, worker_id="slow")
    assert worker._claim() == [send_id]
    with Session(engine) as session:
        session.execute(update(ScheduledSend).values(claimed_by="fast"))
        session.commit()
    asyncio.run(worker._process(send_id))
    asyncio.run(worker._process(uuid.uuid4()))  # a row gone meanwhile (its user deleted)
    assert mailbox.calls == []
    row = load(engine, send_id)
    assert (row.status, row.claimed_by, row.attempts) == ("sending", "fast", 1)


def test_a_send_with_no_answer_is_looked_for_after_the_settle_time_not_sent_again(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, mailbox: ScriptedMailbox
) -> None:
    draft_id = new_draft(mailbox.inner)
    send_id = add_send(engine, owner, draft_id, clock.now)
    settings = settings.model_copy(update={"scheduled_send_settle_seconds": 90})
    mailbox.send_raises = SendOutcomeUnknown("Graph did not answer")
    mailbox.sent_before_raising = True
    worker = make_worker(engine, mailbox, settings, clock, worker_id="w-1")
    drain(worker)
    row = load(engine, send_id)
    assert (row.status, row.claimed_by, row.claimed_at, row.attempts) == ("pending", None, None, 1)
    assert utc(row.next_attempt_at) == clock.now + timedelta(seconds=90)
    assert row.last_error == "The mailbox did not confirm the send; looking in Sent Items before any retry."
    clock.advance(seconds=89)
    assert drain(worker) == 0
    clock.advance(seconds=1)
    mailbox.send_raises = None
    assert drain(worker) == 1
    assert mailbox.names() == ["send_draft", "find_sent"]
    assert (load(engine, send_id).status, mailbox.inner.sends) == ("sent", [draft_id])


@pytest.mark.parametrize("refusal", [Unauthorized, Forbidden, ConsentMissing])
def test_a_refused_mailbox_fails_the_row_with_the_reason(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, mailbox: ScriptedMailbox, refusal: type[AppError]
) -> None:
    send_id = add_send(engine, owner, new_draft(mailbox.inner), clock.now)
    reason = "No consent for this mailbox. " + "x" * 600
    mailbox.send_raises = refusal(reason)
    drain(make_worker(engine, mailbox, settings, clock))
    row = load(engine, send_id)
    assert (row.status, row.last_error, row.sent_message_id) == ("failed", reason[:500], None)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (MailboxUnavailable("Graph answered 503"), "Graph answered 503"),
        (AppError("y" * 600), "y" * 500),
        (OSError("connection reset"), "OSError: the mailbox did not answer"),
        (TimeoutError(), "TimeoutError: the mailbox did not answer"),
    ],
)
@pytest.mark.usefixtures("fixed_random")
def test_a_passing_failure_is_retried_after_a_backoff(
    engine: Engine,
    owner: Owner,
    settings: Settings,
    clock: Clock,
    mailbox: ScriptedMailbox,
    error: Exception,
    reason: str,
) -> None:
    send_id = add_send(engine, owner, new_draft(mailbox.inner), clock.now)
    mailbox.send_raises = error
    drain(make_worker(engine, mailbox, settings, clock))
    row = load(engine, send_id)
    assert (row.status, row.last_error, row.claimed_by, row.claimed_at) == ("pending", reason, None, None)
    assert utc(row.next_attempt_at) == clock.now + timedelta(seconds=2 * 0.75)


@pytest.mark.parametrize(("attempt", "seconds"), [(1, 2), (3, 8), (8, 256), (9, 300), (12, 300)])
@pytest.mark.parametrize("jitter", [0.0, 0.25, 0.999])
def test_the_backoff_doubles_up_to_five_minutes_with_jitter(
    engine: Engine,
    owner: Owner,
    settings: Settings,
    clock: Clock,
    mailbox: ScriptedMailbox,
    monkeypatch: pytest.MonkeyPatch,
    attempt: int,
    seconds: int,
    jitter: float,
) -> None:
    monkeypatch.setattr(worker_module.random, "random", lambda: jitter)
    send_id = add_send(engine, owner, new_draft(mailbox.inner), clock.now, attempts=attempt - 1)
    settings = settings.model_copy(update={"scheduled_send_max_attempts": 20})
    mailbox.send_raises = MailboxUnavailable("Graph answered 503")
    worker = make_worker(engine, mailbox, settings, clock)
    asyncio.run(worker._retry_or_fail(load(engine, send_id), "unused"))  # not claimed: nothing may change
    assert load(engine, send_id).status == "pending"
    with Session(engine) as session:  # a deadline the backoff cannot reach
        session.execute(update(ScheduledSend).values(deadline_at=clock.now + timedelta(hours=1)))
        session.commit()
    drain(worker)
    row = load(engine, send_id)
    assert (row.status, row.attempts) == ("pending", attempt)
    assert utc(row.next_attempt_at) == clock.now + timedelta(seconds=seconds * (0.5 + jitter))


@pytest.mark.parametrize(("attempts_before", "status"), [(6, "pending"), (7, "failed")])
@pytest.mark.usefixtures("fixed_random")
def test_gives_up_at_the_last_allowed_attempt(
    engine: Engine,
    owner: Owner,
    settings: Settings,
    clock: Clock,
    mailbox: ScriptedMailbox,
    attempts_before: int,
    status: str,
) -> None:
    settings = settings.model_copy(update={"scheduled_send_max_attempts": 8})
    send_id = add_send(
        engine,
        owner,
        new_draft(mailbox.inner),
        clock.now,
        attempts=attempts_before,
        deadline_at=clock.now + timedelta(days=1),
    )
    mailbox.send_raises = MailboxUnavailable("Graph answered 503")
    drain(make_worker(engine, mailbox, settings, clock))
    row = load(engine, send_id)
    assert row.status == status
    if status == "failed":
        assert row.last_error == "Gave up after 8 attempts: Graph answered 503"
        assert (row.claimed_by is not None, utc(row.next_attempt_at)) == (True, clock.now)


@pytest.mark.parametrize(("deadline_after", "status"), [(1.5, "pending"), (1.499, "failed")])
@pytest.mark.usefixtures("fixed_random")
def test_gives_up_when_the_next_attempt_would_be_past_the_deadline(
    engine: Engine,
    owner: Owner,
    settings: Settings,
    clock: Clock,
    mailbox: ScriptedMailbox,
    deadline_after: float,
    status: str,
) -> None:
    deadline = clock.now + timedelta(seconds=deadline_after)
    send_id = add_send(engine, owner, new_draft(mailbox.inner), clock.now, deadline_at=deadline)
    mailbox.send_raises = OSError("reset")
    drain(make_worker(engine, mailbox, settings, clock))
    row = load(engine, send_id)
    assert row.status == status
    if status == "failed":
        assert row.last_error == "Gave up after 1 attempts: OSError: the mailbox did not answer"


def test_defaults_a_unique_worker_id_a_two_minute_lease_and_batches_of_fifty(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, mailbox: ScriptedMailbox
) -> None:
    first, second = Worker(engine, mailbox, settings), Worker(engine, mailbox, settings, clock=clock)
    assert re.fullmatch(re.escape(socket.gethostname()) + r":[0-9a-f]{8}", first.worker_id)
    assert first.worker_id != second.worker_id
    assert first.clock is worker_module.utcnow
    for n in range(51):
        add_send(engine, owner, f"draft-{n}", clock.now - timedelta(seconds=n))
    assert len(second._claim()) == 50
    assert len(second._claim()) == 1
    clock.advance(minutes=2, microseconds=-1)
    assert second._claim() == []  # the lease of two minutes has not run out
    clock.advance(microseconds=1)
    assert len(second._claim()) == 50


class SlowMailbox(ScriptedMailbox):
    """Each send waits while others are still arriving: as many as the worker lets in are inside at once."""

    def __init__(self) -> None:
        super().__init__()
        self.inside = 0
        self.most = 0
        self.last_arrival = 0.0

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        clock = asyncio.get_running_loop().time
        self.inside += 1
        self.most = max(self.most, self.inside)
        self.last_arrival = clock()
        while clock() - self.last_arrival < 1.0:  # a second with no one arriving: all who may are in
            await asyncio.sleep(0.01)
        self.inside -= 1
        return await super().send_draft(access, draft_id, marker)


def test_at_most_eight_sends_at_once_by_default(engine: Engine, owner: Owner, settings: Settings, clock: Clock) -> None:
    mailbox = SlowMailbox()
    for n in range(10):
        add_send(engine, owner, new_draft(mailbox.inner, f"Order {n}"), clock.now)
    assert drain(Worker(engine, mailbox, settings, clock=clock)) == 10
    assert mailbox.most == 8
    assert len(mailbox.inner.sends) == 10


def test_a_write_to_a_row_taken_over_changes_nothing_and_says_so(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    send_id = add_send(engine, owner, "draft-1", clock.now, status="sending", claimed_by="other")
    worker = make_worker(engine, ScriptedMailbox(), settings, clock, worker_id="mine")
    with caplog.at_level(logging.WARNING, logger="app.scheduling.worker"):
        assert asyncio.run(worker._finish(load(engine, send_id), status="sent")) is False
    assert load(engine, send_id).status == "sending"
    assert [r.getMessage() for r in caplog.records] == [f"scheduled send {send_id} was taken over by another worker"]
    with Session(engine) as session:
        session.execute(update(ScheduledSend).values(claimed_by="mine"))
        session.commit()
    caplog.clear()
    assert asyncio.run(worker._finish(load(engine, send_id), status="sent", last_error="x")) is True
    row = load(engine, send_id)
    assert (row.status, row.last_error, utc(row.updated_at), caplog.records) == ("sent", "x", clock.now, [])


def test_purge_deletes_finished_sends_past_retention_only(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock
) -> None:
    settings = settings.model_copy(update={"retention_days": 10})
    old = clock.now - timedelta(days=11)
    recent = clock.now - timedelta(days=9)
    kept = [
        add_send(engine, owner, "draft-1", old, status="pending", updated_at=old),
        add_send(engine, owner, "draft-2", recent, status="sent", updated_at=recent),
    ]
    add_send(engine, owner, "draft-3", old, status="sent", updated_at=old)
    add_send(engine, owner, "draft-4", old, status="failed", updated_at=old)
    make_worker(engine, FakeMailbox(), settings, clock)._purge()
    assert sorted(r.id for r in all_rows(engine)) == sorted(kept)
