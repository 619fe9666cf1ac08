"""Queries for the sent-mail watch, including the lease claim that keeps two watchers off one user's mail."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.checks.models import CheckRecord
from app.policies.models import Policy
from app.scheduling.models import ScheduledSend
from app.tenants.models import Tenant, User
from app.watch.models import WatchedMessage, WatchState

# Which tenants a provider can watch: their key says where their mailboxes are.
TENANT_PREFIX = {"graph": "entra:", "gmail": "google:", "fake": "dev:"}
# A personal Google account is a tenant of its own, with no administrator to grant domain-wide delegation.
PERSONAL_GOOGLE = "google:user:"


def enroll_missing(session: Session, provider: str, now: datetime, limit: int = 1000) -> int:
    """A watch state for every user of the provider's tenants that has none yet; returns how many were added."""
    prefix = TENANT_PREFIX.get(provider)
    if prefix is None:
        return 0
    missing = session.exec(
        select(User.id, User.tenant_id)
        .join(Tenant, col(Tenant.id) == col(User.tenant_id))
        .outerjoin(WatchState, col(WatchState.user_id) == col(User.id))
        .where(
            col(Tenant.key).startswith(prefix),
            ~col(Tenant.key).startswith(PERSONAL_GOOGLE),
            col(WatchState.id).is_(None),
        )
        .limit(limit)
    ).all()
    added = 0
    for user_id, tenant_id in missing:
        try:
            with session.begin_nested():
                session.add(WatchState(tenant_id=tenant_id, user_id=user_id, provider=provider, next_poll_at=now))
            added += 1
        except IntegrityError:
            pass  # another watcher enrolled the user at the same moment
    session.commit()
    return added


def claim_due(session: Session, watcher_id: str, now: datetime, lease: timedelta, limit: int) -> list[uuid.UUID]:
    """Lease due users to this watcher and commit; returns the watch state ids.

    Due = time to poll, not opted out, and no live lease (a watcher that died leaves its lease to run out).
    PostgreSQL: FOR UPDATE SKIP LOCKED, so watchers take disjoint users without waiting; SQLite: the lease check
    in the UPDATE makes each claim a compare-and-set.
    """
    free = or_(col(WatchState.lease_until).is_(None), col(WatchState.lease_until) <= now)
    query = (
        select(WatchState.id)
        .where(col(WatchState.next_poll_at) <= now, col(WatchState.opted_out).is_(False), free)
        .order_by(col(WatchState.next_poll_at))
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True)
    candidates = session.exec(query).all()
    claimed = []
    for state_id in candidates:
        result = session.execute(
            update(WatchState)
            .where(col(WatchState.id) == state_id, free)
            .values(claimed_by=watcher_id, lease_until=now + lease, updated_at=now)
        )
        if result.rowcount:  # type: ignore[attr-defined]
            claimed.append(state_id)
    session.commit()
    return claimed


def save_state(session: Session, state_id: uuid.UUID, watcher_id: str, now: datetime, **values: Any) -> bool:
    """Update a watch state this watcher still leases; False when its lease ran out and another took it."""
    result = session.execute(
        update(WatchState)
        .where(
            col(WatchState.id) == state_id,
            col(WatchState.claimed_by) == watcher_id,
            col(WatchState.lease_until) > now,
        )
        .values(updated_at=now, **values)
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def get_state(session: Session, state_id: uuid.UUID) -> WatchState | None:
    return session.get(WatchState, state_id)


def state_for_user(session: Session, user_id: uuid.UUID) -> WatchState | None:
    return session.exec(select(WatchState).where(WatchState.user_id == user_id)).first()


def watch_enabled(session: Session, tenant_id: uuid.UUID) -> bool:
    policy = session.get(Policy, tenant_id)
    return True if policy is None else policy.sent_mail_watch


def handled(session: Session, user_id: uuid.UUID, message_hash: str) -> WatchedMessage | None:
    return session.exec(
        select(WatchedMessage).where(WatchedMessage.user_id == user_id, WatchedMessage.message_hash == message_hash)
    ).first()


def record_handled(session: Session, row: WatchedMessage) -> bool:
    """Insert the row unless the message is on record already (then False)."""
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return False
    session.commit()
    return True


def mark_reported(session: Session, row_id: uuid.UUID, now: datetime) -> None:
    session.execute(
        update(WatchedMessage).where(col(WatchedMessage.id) == row_id).values(status="reported", reported_at=now)
    )
    session.commit()


def checked_at_send(
    session: Session,
    tenant_id: uuid.UUID,
    user_id: uuid.UUID,
    message_hash: str | None,
    internet_message_id: str | None,
    check_marker: str | None,
) -> bool:
    """Whether SendGuard checked this message before it left: a check record with its hash (Gmail's whole-draft
    check, checks of a draft read from the mailbox, clients that send the id), a check id stamped on it by the
    Outlook add-in's on-send check, or a scheduled send of it."""
    if message_hash:
        found = session.exec(
            select(CheckRecord.id).where(
                CheckRecord.tenant_id == tenant_id,
                CheckRecord.user_id == user_id,
                CheckRecord.message_hash == message_hash,
            )
        ).first()
        if found is not None:
            return True
    marker = _uuid(check_marker)
    if marker is not None:
        found = session.exec(
            select(CheckRecord.id).where(
                CheckRecord.id == marker, CheckRecord.tenant_id == tenant_id, CheckRecord.user_id == user_id
            )
        ).first()
        if found is not None:
            return True
    if internet_message_id:
        found = session.exec(
            select(ScheduledSend.id).where(
                ScheduledSend.tenant_id == tenant_id,
                ScheduledSend.user_id == user_id,
                col(ScheduledSend.internet_message_id).in_(_id_forms(internet_message_id)),
            )
        ).first()
        if found is not None:
            return True
    return False


def recent_reports(session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID, limit: int) -> list[WatchedMessage]:
    return list(
        session.exec(
            select(WatchedMessage)
            .where(
                WatchedMessage.tenant_id == tenant_id,
                WatchedMessage.user_id == user_id,
                col(WatchedMessage.status).in_(("reported", "reporting")),
            )
            .order_by(col(WatchedMessage.created_at).desc())
            .limit(limit)
        ).all()
    )


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID((value or "").strip())
    except ValueError:
        return None


def _id_forms(internet_message_id: str) -> list[str]:
    bare = internet_message_id.strip().strip("<>")
    return [bare, f"<{bare}>"]
