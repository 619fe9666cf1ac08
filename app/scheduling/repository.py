"""Queries for scheduled sends, including the atomic claim that makes two workers safe."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from app.scheduling.models import ScheduledSend


def get_owned(session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID, send_id: uuid.UUID) -> ScheduledSend | None:
    return session.exec(
        select(ScheduledSend).where(
            ScheduledSend.id == send_id, ScheduledSend.tenant_id == tenant_id, ScheduledSend.user_id == user_id
        )
    ).first()


def list_owned(
    session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID, status: str | None, limit: int
) -> list[ScheduledSend]:
    query = select(ScheduledSend).where(ScheduledSend.tenant_id == tenant_id, ScheduledSend.user_id == user_id)
    if status:
        query = query.where(ScheduledSend.status == status)
    return list(session.exec(query.order_by(col(ScheduledSend.send_at).desc()).limit(limit)).all())


def active_for_draft(session: Session, tenant_id: uuid.UUID, provider: str, draft_id: str) -> ScheduledSend | None:
    return session.exec(
        select(ScheduledSend).where(
            ScheduledSend.tenant_id == tenant_id,
            ScheduledSend.provider == provider,
            ScheduledSend.draft_id == draft_id,
            col(ScheduledSend.status).in_(("pending", "sending")),
        )
    ).first()


def cancel_if_pending(session: Session, send_id: uuid.UUID, now: datetime) -> bool:
    """Compare-and-set: a cancel and a worker's claim cannot both win."""
    result = session.execute(
        update(ScheduledSend)
        .where(col(ScheduledSend.id) == send_id, col(ScheduledSend.status) == "pending")
        .values(status="cancelled", updated_at=now)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def claim_due(session: Session, worker_id: str, now: datetime, lease: timedelta, limit: int) -> list[uuid.UUID]:
    """Claim due rows for this worker and commit; returns the claimed ids.

    Due = pending and its time has come, or `sending` under a lease that ran out (its worker died).
    PostgreSQL: FOR UPDATE SKIP LOCKED, so concurrent workers take disjoint rows without waiting.
    SQLite: one writer at a time; the status check in the UPDATE makes each claim a compare-and-set.
    """
    due = or_(
        (col(ScheduledSend.status) == "pending") & (col(ScheduledSend.next_attempt_at) <= now),
        (col(ScheduledSend.status) == "sending") & (col(ScheduledSend.claimed_at) <= now - lease),
    )
    query = (
        select(ScheduledSend.id, ScheduledSend.status)
        .where(due)
        .order_by(col(ScheduledSend.next_attempt_at))
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    candidates = session.exec(query).all()
    claimed = [send_id for send_id, status in candidates if _claim(session, send_id, status, worker_id, now, lease)]
    session.commit()
    return claimed


def _claim(session: Session, send_id: uuid.UUID, status: str, worker_id: str, now: datetime, lease: timedelta) -> bool:
    condition: Any = col(ScheduledSend.status) == status
    if status == "sending":
        condition = condition & (col(ScheduledSend.claimed_at) <= now - lease)
    result = session.execute(
        update(ScheduledSend)
        .where(col(ScheduledSend.id) == send_id, condition)
        .values(
            status="sending",
            claimed_by=worker_id,
            claimed_at=now,
            attempts=ScheduledSend.attempts + 1,
            updated_at=now,
        )
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]


def finish(session: Session, send_id: uuid.UUID, worker_id: str, **values: Any) -> bool:
    """Update a row this worker still holds; a worker whose lease was taken over changes nothing."""
    result = session.execute(
        update(ScheduledSend)
        .where(
            col(ScheduledSend.id) == send_id,
            col(ScheduledSend.status) == "sending",
            col(ScheduledSend.claimed_by) == worker_id,
        )
        .values(**values)
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]
