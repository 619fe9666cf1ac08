"""The scheduled-send queries on their own: what is due, the claim's compare-and-set, what a user sees."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from app.scheduling import repository
from tests.scheduling.store import Clock, Owner, add_send, load, utc

LEASE = timedelta(minutes=2)


def _claim_due(engine: Engine, clock: Clock, limit: int = 50, worker_id: str = "w-1") -> list[uuid.UUID]:
    with Session(engine) as session:
        return repository.claim_due(session, worker_id, clock.now, LEASE, limit)


def test_due_means_pending_at_or_after_its_time_or_sending_past_the_lease(
    engine: Engine, owner: Owner, clock: Clock
) -> None:
    now = clock.now
    due = [
        add_send(engine, owner, "on-time", now),
        add_send(engine, owner, "late", now - timedelta(hours=1)),
        add_send(engine, owner, "lease-out", now, status="sending", claimed_by="dead", claimed_at=now - LEASE),
    ]
    add_send(engine, owner, "early", now + timedelta(microseconds=1))
    add_send(
        engine, owner, "held", now, status="sending", claimed_by="alive", claimed_at=now - LEASE + timedelta(seconds=1)
    )
    for status in ("sent", "failed", "cancelled"):
        add_send(engine, owner, status, now - timedelta(hours=1), status=status)
    assert sorted(_claim_due(engine, clock)) == sorted(due)


def test_a_claim_takes_the_longest_waiting_first_and_marks_the_row(engine: Engine, owner: Owner, clock: Clock) -> None:
    now = clock.now
    newest = add_send(engine, owner, "draft-1", now - timedelta(minutes=1))
    oldest = add_send(engine, owner, "draft-2", now - timedelta(minutes=3), attempts=2)
    stale = add_send(
        engine,
        owner,
        "draft-3",
        now - timedelta(minutes=9),
        status="sending",
        claimed_by="dead",
        claimed_at=now - LEASE,
    )
    assert _claim_due(engine, clock, limit=1, worker_id="w-6") == [stale]  # waiting longest, whatever its state
    assert _claim_due(engine, clock, limit=1, worker_id="w-7") == [oldest]
    row = load(engine, oldest)
    assert (row.status, row.claimed_by, utc(row.claimed_at), row.attempts, utc(row.updated_at)) == (
        "sending",
        "w-7",
        now,
        3,
        now,
    )
    assert load(engine, newest).status == "pending"
    assert _claim_due(engine, clock, worker_id="w-8") == [newest]
    assert _claim_due(engine, clock) == []


def test_a_claim_is_a_compare_and_set_on_what_was_read(engine: Engine, owner: Owner, clock: Clock) -> None:
    """Between reading a candidate and claiming it, another worker (or a cancel) may have changed the row."""
    now = clock.now
    taken = add_send(engine, owner, "draft-1", now, status="sending", claimed_by="other", claimed_at=now)
    cancelled = add_send(engine, owner, "draft-2", now, status="cancelled")
    with Session(engine) as session:
        assert not repository._claim(session, taken, "pending", "w-1", now, LEASE)
        assert not repository._claim(session, taken, "sending", "w-1", now, LEASE)  # its lease is fresh
        assert not repository._claim(session, cancelled, "pending", "w-1", now, LEASE)
        assert repository._claim(session, taken, "sending", "w-1", now + LEASE, LEASE)
        session.commit()
    assert (load(engine, taken).claimed_by, load(engine, cancelled).status) == ("w-1", "cancelled")


def test_only_the_holder_finishes_a_row(engine: Engine, owner: Owner, clock: Clock) -> None:
    now = clock.now
    held = add_send(engine, owner, "draft-1", now, status="sending", claimed_by="w-1", claimed_at=now)
    pending = add_send(engine, owner, "draft-2", now, claimed_by="w-1")
    with Session(engine) as session:
        assert not repository.finish(session, held, "w-2", status="sent")
        assert not repository.finish(session, pending, "w-1", status="sent")
        assert repository.finish(session, held, "w-1", status="sent", last_error=None)
    assert (load(engine, held).status, load(engine, pending).status) == ("sent", "pending")


def test_cancel_wins_only_while_pending(engine: Engine, owner: Owner, clock: Clock) -> None:
    now = clock.now
    pending = add_send(engine, owner, "draft-1", now - timedelta(minutes=5))
    other = add_send(engine, owner, "draft-3", now - timedelta(minutes=5))
    sending = add_send(engine, owner, "draft-2", now, status="sending", claimed_by="w-1", claimed_at=now)
    with Session(engine) as session:
        assert repository.cancel_if_pending(session, pending, now)
        assert not repository.cancel_if_pending(session, sending, now)
        session.commit()
    row = load(engine, pending)
    assert (row.status, utc(row.updated_at)) == ("cancelled", now)
    assert (load(engine, sending).status, load(engine, other).status) == ("sending", "pending")


def test_a_user_lists_their_own_sends_newest_first_by_status(engine: Engine, owner: Owner, clock: Clock) -> None:
    now = clock.now
    first = add_send(engine, owner, "draft-1", now + timedelta(minutes=1), status="sent")
    second = add_send(engine, owner, "draft-2", now + timedelta(minutes=2))
    third = add_send(engine, owner, "draft-3", now + timedelta(minutes=3), status="sent")
    with Session(engine) as session:
        listed = lambda status, limit: [  # noqa: E731
            r.id for r in repository.list_owned(session, owner.tenant_id, owner.user_id, status, limit)
        ]
        assert listed(None, 50) == [third, second, first]
        assert listed(None, 2) == [third, second]
        assert listed("sent", 50) == [third, first]
        assert listed("failed", 50) == []
        assert repository.list_owned(session, owner.tenant_id, uuid.uuid4(), None, 50) == []
        assert repository.list_owned(session, uuid.uuid4(), owner.user_id, None, 50) == []
        assert repository.get_owned(session, owner.tenant_id, owner.user_id, second) is not None
        assert repository.get_owned(session, owner.tenant_id, uuid.uuid4(), second) is None
        assert repository.get_owned(session, uuid.uuid4(), owner.user_id, second) is None
        assert repository.get_owned(session, owner.tenant_id, owner.user_id, uuid.uuid4()) is None


def test_one_active_schedule_per_draft_of_a_provider_in_a_tenant(engine: Engine, owner: Owner, clock: Clock) -> None:
    now = clock.now
    for status in ("sent", "failed", "cancelled"):
        add_send(engine, owner, "draft-1", now, status=status)
    with Session(engine) as session:
        assert repository.active_for_draft(session, owner.tenant_id, "fake", "draft-1") is None
    for status in ("pending", "sending"):
        active = add_send(engine, owner, f"draft-{status}", now, status=status)
        with Session(engine) as session:
            found = repository.active_for_draft(session, owner.tenant_id, "fake", f"draft-{status}")
            assert found is not None and found.id == active
            assert repository.active_for_draft(session, owner.tenant_id, "graph", f"draft-{status}") is None
            assert repository.active_for_draft(session, uuid.uuid4(), "fake", f"draft-{status}") is None
