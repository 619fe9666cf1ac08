"""Data protection: a user's export and erasure, and the retention purge.

What SendGuard stores is already thin (codes, hashes, addresses the user chose to record in an
incident); this makes it visible and removable on request, and removes it on its own after a while.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from app.checks.history import user_history
from app.checks.models import AttachmentScan, CheckRecord, Correspondent, Dismissal
from app.common import utcnow
from app.incidents.models import Incident
from app.learning.models import FINISHED_JOBS, LearningJob
from app.scheduling.models import ScheduledSend
from app.templates.models import Handoff
from app.tenants.identity import UserIdentity
from app.tenants.models import User
from app.watch.models import WatchedMessage, WatchState

FINISHED_SENDS = ("sent", "cancelled", "failed")


def export_user_data(session: Session, user: UserIdentity) -> dict[str, Any]:
    def rows(model: Any, *conditions: Any) -> list[dict[str, Any]]:
        found = session.exec(select(model).where(*conditions)).all()
        return [row.model_dump(mode="json") for row in found]

    return {
        "user": _user_row(session, user),
        "check_records": rows(CheckRecord, CheckRecord.user_id == user.id),
        "dismissals": rows(Dismissal, Dismissal.user_id == user.id),
        "correspondents": rows(Correspondent, Correspondent.user_id == user.id),
        "incidents": rows(Incident, Incident.user_id == user.id),
        "handoffs": rows(Handoff, Handoff.created_by == user.id),
        "scheduled_sends": rows(ScheduledSend, ScheduledSend.user_id == user.id),
        "watch": rows(WatchState, WatchState.user_id == user.id),
        "watched_messages": rows(WatchedMessage, WatchedMessage.user_id == user.id),
    }


def _user_row(session: Session, user: UserIdentity) -> dict[str, Any]:
    row = session.get(User, user.id)
    assert row is not None  # the request was just authenticated as this user
    return row.model_dump(mode="json", exclude={"subject"})


def delete_user_data(session: Session, user: UserIdentity) -> dict[str, int]:
    """Erase what was stored about the user's mail. Sends in flight are kept so none is lost half-way;
    hand-offs stay: they are the company's record of who owns a customer account."""
    user_history.forget(user.id)
    counts = {
        "dismissals": _delete(session, Dismissal, Dismissal.user_id == user.id),
        "check_records": _delete(session, CheckRecord, CheckRecord.user_id == user.id),
        "correspondents": _delete(session, Correspondent, Correspondent.user_id == user.id),
        "incidents": _delete(session, Incident, Incident.user_id == user.id),
        "learning_jobs": _delete(session, LearningJob, LearningJob.user_id == user.id),
        "scheduled_sends": _delete(
            session,
            ScheduledSend,
            ScheduledSend.user_id == user.id,
            col(ScheduledSend.status).in_((*FINISHED_SENDS, "pending")),
        ),
        # The watch state stays (with an opt-out in it); which sent messages were handled goes.
        "watched_messages": _delete(session, WatchedMessage, WatchedMessage.user_id == user.id),
    }
    return counts


def purge_expired(session: Session, retention_days: int) -> dict[str, int]:
    cutoff = utcnow() - timedelta(days=retention_days)
    counts = {
        "dismissals": _delete(session, Dismissal, col(Dismissal.created_at) < cutoff),
        "check_records": _delete(session, CheckRecord, col(CheckRecord.created_at) < cutoff),
        "attachment_scans": _delete(session, AttachmentScan, col(AttachmentScan.created_at) < cutoff),
        "incidents": _delete(session, Incident, col(Incident.created_at) < cutoff),
        "learning_jobs": _delete(
            session,
            LearningJob,
            col(LearningJob.updated_at) < cutoff,
            col(LearningJob.status).in_(FINISHED_JOBS),
        ),
        "scheduled_sends": _delete(
            session,
            ScheduledSend,
            col(ScheduledSend.updated_at) < cutoff,
            col(ScheduledSend.status).in_(FINISHED_SENDS),
        ),
        "watched_messages": _delete(session, WatchedMessage, col(WatchedMessage.created_at) < cutoff),
    }
    session.commit()
    return counts


def _delete(session: Session, model: Any, *conditions: Any) -> int:
    # Dismissals reference check records: they go first, explicitly, on every engine.
    if model is CheckRecord:
        ids = select(CheckRecord.id).where(*conditions)
        session.execute(
            delete(Dismissal).where(col(Dismissal.check_id).in_(ids)).execution_options(synchronize_session=False)
        )
    result = session.execute(delete(model).where(*conditions).execution_options(synchronize_session=False))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
