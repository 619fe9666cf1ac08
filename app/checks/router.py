from __future__ import annotations

import uuid

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from app.auth.dependencies import CurrentUser
from app.checks import service
from app.checks.schemas import CheckRequest, CheckResponse, OutcomeRequest, OutcomeResponse, ScanRequest, ScanResponse
from app.deps import ExtractorDep, IndexCacheDep, MetricsDep, SessionDep, SettingsDep
from app.mailbox.base import MailMessage
from app.mailbox.dependencies import MailboxDep, access_for, ensure_provider, prior_correspondents
from app.ratelimit import CheckRateLimited, ScanRateLimited
from app.tenants.identity import TenantIdentity

router = APIRouter(prefix="/v1", tags=["checks"])


@router.post("/drafts/check", response_model=CheckResponse)
async def check_draft(
    request: Request,
    session: SessionDep,
    auth: CheckRateLimited,
    cache: IndexCacheDep,
    settings: SettingsDep,
    extractor: ExtractorDep,
    metrics: MetricsDep,
    mailbox: MailboxDep,
    body: CheckRequest,
) -> CheckResponse:
    correspondents = None
    if body.ref is not None:
        ensure_provider(mailbox, body.ref.provider)
        access = await access_for(mailbox, auth)
        message = await mailbox.get_message(access, body.ref.id)
        correspondents = await prior_correspondents(mailbox, access, _external(message, auth.tenant))
    else:
        assert body.draft is not None  # the schema requires exactly one of draft and ref
        message = service.message_from_request(body.draft, settings)
    return await run_in_threadpool(
        service.check_message,
        session,
        auth,
        cache,
        settings,
        extractor,
        metrics,
        message,
        client=body.client,
        trigger=body.trigger,
        locale=body.locale,
        correspondents=correspondents,
        recorder=request.app.state.recorder,
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
