from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Annotated, Literal

from fastapi import APIRouter, Query, status
from starlette.concurrency import run_in_threadpool

from app.auth.dependencies import AuthContext, CurrentUser
from app.checks.schemas import Locale
from app.checks.service import message_from_request, request_locale
from app.common import utcnow
from app.config import Settings
from app.deps import ExtractorDep, IndexCacheDep, SessionDep, SettingsDep
from app.incidents import service
from app.incidents.exceptions import InvalidRecipients, LettersNeeded, RecallNeedsReference
from app.incidents.glosses import draft_title
from app.incidents.schemas import (
    IncidentCreate,
    IncidentDraft,
    IncidentPublic,
    IncidentResponse,
    IncidentUpdate,
    MailboxDraftOut,
    MailboxDraftsRequest,
    MailboxDraftsResponse,
    RecallResponse,
    SuggestRequest,
    SuggestResponse,
)
from app.mailbox.base import MailAddress, MailboxProvider, MailMessage, OutgoingDraft
from app.mailbox.dependencies import MailboxDep, access_for, ensure_provider

router = APIRouter(prefix="/v1/incidents", tags=["incidents"])


async def _sent_message(
    body: IncidentCreate | SuggestRequest, mailbox: MailboxProvider, auth: AuthContext, settings: Settings
) -> MailMessage:
    """The message as sent: read through the mailbox API by reference, or taken from the request."""
    if body.ref is not None:
        ensure_provider(mailbox, body.ref.provider)
        return await mailbox.get_message(await access_for(mailbox, auth), body.ref.id)
    assert body.message is not None  # the schema requires exactly one of message and ref
    return message_from_request(body.message, settings)


@router.post("", response_model=IncidentResponse, status_code=status.HTTP_201_CREATED)
async def create_incident(
    session: SessionDep,
    auth: CurrentUser,
    cache: IndexCacheDep,
    settings: SettingsDep,
    extractor: ExtractorDep,
    mailbox: MailboxDep,
    body: IncidentCreate,
) -> IncidentResponse:
    message = await _sent_message(body, mailbox, auth, settings)

    def record() -> IncidentResponse:
        response = service.create_incident(session, auth, cache, settings, extractor, body, message)
        session.commit()
        return response

    return await run_in_threadpool(record)


@router.post("/suggestions", response_model=SuggestResponse)
async def suggest_intended(
    session: SessionDep,
    auth: CurrentUser,
    cache: IndexCacheDep,
    settings: SettingsDep,
    extractor: ExtractorDep,
    mailbox: MailboxDep,
    body: SuggestRequest,
) -> SuggestResponse:
    """Whom the message was likely meant for, best guess first (nothing is recorded)."""
    message = await _sent_message(body, mailbox, auth, settings)
    return await run_in_threadpool(service.suggest_intended, session, auth, cache, settings, extractor, body, message)


@router.get("", response_model=list[IncidentPublic])
def list_incidents(
    session: SessionDep,
    auth: CurrentUser,
    status_filter: Annotated[Literal["open", "closed"] | None, Query(alias="status")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    locale: Annotated[Locale | None, Query()] = None,
) -> list[IncidentPublic]:
    language = request_locale(locale, auth)
    return [service.public(i, language) for i in service.list_incidents(session, auth, status_filter, limit)]


@router.get("/{incident_id:uuid}", response_model=IncidentPublic)
def get_incident(
    session: SessionDep, auth: CurrentUser, incident_id: uuid.UUID, locale: Annotated[Locale | None, Query()] = None
) -> IncidentPublic:
    return service.public(service.get(session, auth, incident_id), request_locale(locale, auth))


@router.patch("/{incident_id:uuid}", response_model=IncidentPublic)
def update_incident(
    session: SessionDep, auth: CurrentUser, incident_id: uuid.UUID, body: IncidentUpdate
) -> IncidentPublic:
    incident = service.update(session, auth, incident_id, body)
    session.commit()
    return service.public(incident, request_locale(None, auth))


@router.post("/{incident_id:uuid}/recall", response_model=RecallResponse)
async def recall_message(
    session: SessionDep, auth: CurrentUser, mailbox: MailboxDep, incident_id: uuid.UUID
) -> RecallResponse:
    """Ask the mailbox to recall the misdirected message (Outlook: same organization only)."""
    incident = await run_in_threadpool(service.get, session, auth, incident_id)
    if not incident.message_ref or not incident.provider:
        raise RecallNeedsReference()
    ensure_provider(mailbox, incident.provider)
    result = await mailbox.recall(await access_for(mailbox, auth), incident.message_ref)

    def record() -> None:
        if result.attempted:
            service.mark_step(incident, "recall", True)
            session.add(incident)
            session.commit()

    await run_in_threadpool(record)
    return RecallResponse(
        incident_id=incident.id, attempted=result.attempted, detail=result.detail, limitations=list(result.limitations)
    )


@router.post("/{incident_id:uuid}/mailbox-drafts", response_model=MailboxDraftsResponse)
async def create_mailbox_drafts(
    session: SessionDep,
    auth: CurrentUser,
    mailbox: MailboxDep,
    incident_id: uuid.UUID,
    body: MailboxDraftsRequest | None = None,
) -> MailboxDraftsResponse:
    incident = await run_in_threadpool(service.get, session, auth, incident_id)
    if body is None or not body.drafts:
        raise LettersNeeded()
    allowed = set(incident.wrong_recipients) | set(incident.intended_recipients)
    strangers = sorted({a for d in body.drafts for a in (*d.to, *d.cc)} - allowed)
    if strangers:
        raise InvalidRecipients("Letters go only to the incident's recipients.", details={"not_in_incident": strangers})
    created = await _create_drafts(mailbox, auth, body.drafts, incident.locale)

    def record() -> None:
        service.record_mailbox_drafts(incident, [c.model_dump() for c in created], utcnow())
        session.add(incident)
        session.commit()

    await run_in_threadpool(record)
    return MailboxDraftsResponse(incident_id=incident.id, drafts=created)


async def _create_drafts(
    mailbox: MailboxProvider, auth: AuthContext, drafts: Sequence[IncidentDraft], locale: str
) -> list[MailboxDraftOut]:
    access = await access_for(mailbox, auth)
    created = []
    for draft in drafts:
        result = await mailbox.create_draft(
            access,
            OutgoingDraft(
                to=tuple(MailAddress(a) for a in draft.to),
                cc=tuple(MailAddress(a) for a in draft.cc),
                subject=draft.subject,
                body_html=draft.body,
                body_text=draft.body_text,
            ),
        )
        title = draft_title(draft.kind, draft.recipient_name or draft.to[0], locale)
        created.append(MailboxDraftOut(kind=draft.kind, id=result.id, web_link=result.web_link, title=title))
    return created
