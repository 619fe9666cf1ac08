"""Scheduling a draft to be sent later, listing what is waiting, and cancelling before the claim."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.auth.dependencies import AuthContext
from app.common import utcnow
from app.config import Settings
from app.mailbox.base import HeldMessage, HoldingProvider, MailboxAccess, MailboxProvider
from app.mailbox.exceptions import ProviderCannotHold
from app.scheduling import repository
from app.scheduling.exceptions import AlreadyScheduled, AlreadySending, InvalidSendTime, ScheduledSendNotFound
from app.scheduling.models import ScheduledSend
from app.scheduling.schemas import MAX_DELAY_SECONDS, ScheduledSendCreate

# A send time a little in the past (clock skew, a slow request) means "now", not an error.
PAST_TOLERANCE = timedelta(minutes=2)


def schedule(
    session: Session,
    auth: AuthContext,
    settings: Settings,
    body: ScheduledSendCreate,
    internet_message_id: str | None,
) -> ScheduledSend:
    now = utcnow()
    send_at = now + timedelta(seconds=body.delay_seconds) if body.delay_seconds is not None else body.send_at
    assert send_at is not None  # the schema requires one of the two
    if send_at < now - PAST_TOLERANCE or send_at > now + timedelta(seconds=MAX_DELAY_SECONDS):
        raise InvalidSendTime(details={"send_at": send_at.isoformat()})
    send_at = max(send_at, now)
    _refuse_if_scheduled(session, auth, body)
    row = ScheduledSend(
        tenant_id=auth.tenant.id,
        user_id=auth.user.id,
        user_email=auth.user.email,
        provider=body.provider,
        draft_id=body.draft_id,
        send_at=send_at,
        next_attempt_at=send_at,
        deadline_at=send_at + timedelta(minutes=settings.scheduled_send_deadline_minutes),
        internet_message_id=internet_message_id,
    )
    session.add(row)
    try:
        session.flush()
    except IntegrityError:
        # Another request scheduled the same draft between the look-up and the insert: the index decided.
        session.rollback()
        _refuse_if_scheduled(session, auth, body)
        raise
    return row


def _refuse_if_scheduled(session: Session, auth: AuthContext, body: ScheduledSendCreate) -> None:
    """409 already_scheduled, naming the schedule that is waiting (one per draft: cancel it to change it)."""
    existing = repository.active_for_draft(session, auth.tenant.id, body.provider, body.draft_id)
    if existing is not None:
        raise AlreadyScheduled(details={"draft_id": body.draft_id, "scheduled_send_id": str(existing.id)})


def cancel(session: Session, auth: AuthContext, send_id: uuid.UUID) -> ScheduledSend:
    row = repository.get_owned(session, auth.tenant.id, auth.user.id, send_id)
    if row is None:
        raise ScheduledSendNotFound()
    if repository.cancel_if_pending(session, send_id, utcnow()):
        session.commit()
        session.refresh(row)
        return row
    session.refresh(row)
    if row.status == "cancelled":
        return row  # cancelling twice is not an error
    raise AlreadySending(details={"status": row.status})


# -- held sends: read from and changed in the mailbox only (nothing about them is stored) ------------------


def holding(mailbox: MailboxProvider) -> HoldingProvider:
    """The provider's hold capability, or 422 provider_cannot_hold (Gmail has none)."""
    if not isinstance(mailbox, HoldingProvider):
        raise ProviderCannotHold(details={"provider": mailbox.name})
    return mailbox


async def list_held(provider: HoldingProvider, access: MailboxAccess) -> list[HeldMessage]:
    return await provider.list_held(access)


async def cancel_held(provider: HoldingProvider, access: MailboxAccess, message_id: str) -> HeldMessage:
    """Back to Drafts, unsent; 409 already_sent when it has left the Outbox, 404 for an id not in the mailbox."""
    return await provider.cancel_held(access, message_id)
