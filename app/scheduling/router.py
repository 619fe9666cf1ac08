from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status
from starlette.concurrency import run_in_threadpool

from app.auth.dependencies import CurrentUser
from app.deps import SessionDep, SettingsDep
from app.mailbox.dependencies import MailboxDep, access_for, ensure_provider
from app.mailbox.exceptions import MessageNotFound
from app.scheduling import repository, service
from app.scheduling.schemas import HeldSendPublic, ScheduledSendCreate, ScheduledSendPublic, Status

router = APIRouter(prefix="/v1/scheduled-sends", tags=["scheduled sends"])
held_router = APIRouter(prefix="/v1/held-sends", tags=["held sends"])


@router.post("", response_model=ScheduledSendPublic, status_code=status.HTTP_201_CREATED)
async def schedule_send(
    session: SessionDep, auth: CurrentUser, settings: SettingsDep, mailbox: MailboxDep, body: ScheduledSendCreate
) -> ScheduledSendPublic:
    ensure_provider(mailbox, body.provider)
    # The draft must exist now; its message id is kept so a send can be recognised after a crash.
    draft = await mailbox.get_message(await access_for(mailbox, auth), body.draft_id)
    if not draft.is_draft:
        raise MessageNotFound("This message is not a draft.", code="not_a_draft")

    def record() -> ScheduledSendPublic:
        row = service.schedule(session, auth, settings, body, draft.internet_message_id)
        session.commit()
        return ScheduledSendPublic.model_validate(row)

    return await run_in_threadpool(record)


@router.get("", response_model=list[ScheduledSendPublic])
def list_scheduled_sends(
    session: SessionDep,
    auth: CurrentUser,
    status_filter: Annotated[Status | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[ScheduledSendPublic]:
    rows = repository.list_owned(session, auth.tenant.id, auth.user.id, status_filter, limit)
    return [ScheduledSendPublic.model_validate(r) for r in rows]


@router.delete("/{send_id:uuid}", response_model=ScheduledSendPublic)
def cancel_scheduled_send(session: SessionDep, auth: CurrentUser, send_id: uuid.UUID) -> ScheduledSendPublic:
    return ScheduledSendPublic.model_validate(service.cancel(session, auth, send_id))


@held_router.get("", response_model=list[HeldSendPublic])
async def list_held_sends(auth: CurrentUser, mailbox: MailboxDep) -> list[HeldSendPublic]:
    """Sent messages the mailbox holds until their delivery time (the policy's hold for external mail)."""
    provider = service.holding(mailbox)
    held = await service.list_held(provider, await access_for(mailbox, auth))
    return [HeldSendPublic.model_validate(m) for m in held]


@held_router.delete("/{held_id:path}", response_model=HeldSendPublic)
async def cancel_held_send(auth: CurrentUser, mailbox: MailboxDep, held_id: str) -> HeldSendPublic:
    """Move a held message back to Drafts, unsent. 409 already_sent once it has left the Outbox."""
    provider = service.holding(mailbox)
    return HeldSendPublic.model_validate(await service.cancel_held(provider, await access_for(mailbox, auth), held_id))
