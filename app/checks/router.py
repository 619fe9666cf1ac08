from __future__ import annotations

import functools
import uuid

from fastapi import APIRouter, Request, Response
from sqlmodel import Session
from starlette.datastructures import State

from app.auth.dependencies import AuthContext, CurrentUser
from app.checks import on_loop, service
from app.checks.schemas import CheckRequest, CheckResponse, OutcomeRequest, OutcomeResponse, ScanRequest, ScanResponse
from app.deps import ExtractorDep, IndexCacheDep, SessionDep, SettingsDep
from app.mailbox.base import MailboxProvider, MailMessage
from app.mailbox.dependencies import access_for, ensure_provider, prior_correspondents
from app.ratelimit import CheckRateLimited, ScanRateLimited
from app.tenants.identity import TenantIdentity

router = APIRouter(prefix="/v1", tags=["checks"])


@router.post("/drafts/check", response_model=CheckResponse)
async def check_draft(request: Request, auth: CheckRateLimited, body: CheckRequest) -> Response:
    # The app's parts are read from its state, not as dependencies: each dependency cost more than a
    # dictionary lookup on every check.
    state = request.app.state
    correspondents = None
    if body.ref is not None:
        mailbox: MailboxProvider = state.mailbox
        ensure_provider(mailbox, body.ref.provider)
        access = await access_for(mailbox, auth)
        message = await mailbox.get_message(access, body.ref.id)
        correspondents = await prior_correspondents(mailbox, access, _external(message, auth.tenant))
    else:
        assert body.draft is not None  # the schema requires exactly one of draft and ref
        message = service.message_from_request(body.draft, state.settings)
    run = functools.partial(
        _check,
        auth=auth,
        state=state,
        message=message,
        body=body,
        correspondents=correspondents,
    )
    answer: CheckResponse | None = None
    if body.ref is None and on_loop.fits_on_loop(
        message, auth.tenant, state.index_cache, state.extractor, queued=state.recorder is not None
    ):
        answer = state.no_io_sessions.try_without_io(run)
    if answer is None:
        answer = await on_loop.in_thread(state.engine, run)
    # Serialised once here; returning the model would have it validated and serialised again.
    return Response(answer.model_dump_json(), media_type="application/json")


def _check(
    session: Session,
    *,
    auth: AuthContext,
    state: State,
    message: MailMessage,
    body: CheckRequest,
    correspondents: frozenset[str] | None,
) -> CheckResponse:
    return service.check_message(
        session,
        auth,
        state.index_cache,
        state.settings,
        state.extractor,
        state.metrics,
        message,
        client=body.client,
        trigger=body.trigger,
        locale=body.locale,
        correspondents=correspondents,
        recorder=state.recorder,
    )


def _external(message: MailMessage, tenant: TenantIdentity) -> list[str]:
    recipients = (*message.to, *message.cc, *message.bcc)
    return [r.email for r in recipients if "@" in r.email and not tenant.owns_address(r.email)]


@router.post("/checks/{check_id:uuid}/outcome", response_model=OutcomeResponse)
def record_outcome(
    request: Request, session: SessionDep, auth: CurrentUser, check_id: uuid.UUID, body: OutcomeRequest
) -> OutcomeResponse:
    return service.record_outcome(session, auth, check_id, body, request.app.state.recorder)


@router.post("/attachments/scan", response_model=ScanResponse)
def scan_attachment(
    session: SessionDep,
    auth: ScanRateLimited,
    cache: IndexCacheDep,
    settings: SettingsDep,
    extractor: ExtractorDep,
    body: ScanRequest,
) -> ScanResponse:
    return service.scan_attachment(session, auth, cache, settings, extractor, body)
