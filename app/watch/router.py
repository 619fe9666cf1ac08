from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status
from starlette.concurrency import run_in_threadpool

from app.auth.dependencies import CurrentUser
from app.common import utcnow
from app.deps import ExtractorDep, IndexCacheDep, SessionDep, SettingsDep
from app.incidents import service as incidents
from app.incidents.schemas import IncidentResponse
from app.mailbox.dependencies import MailboxDep, access_for, ensure_provider
from app.watch import links, service
from app.watch.schemas import RecoveryRequest, WatchReportOut, WatchSettings, WatchSettingsUpdate

router = APIRouter(prefix="/v1/watch", tags=["watch"])


@router.get("/me", response_model=WatchSettings)
def get_watch_settings(session: SessionDep, auth: CurrentUser) -> WatchSettings:
    return service.settings_for(session, auth)


@router.put("/me", response_model=WatchSettings)
def update_watch_settings(
    session: SessionDep, auth: CurrentUser, settings: SettingsDep, body: WatchSettingsUpdate
) -> WatchSettings:
    result = service.set_opted_out(session, auth, settings.mailbox_provider, body.opted_out)
    session.commit()
    return result


@router.get("/reports", response_model=list[WatchReportOut])
def list_watch_reports(
    session: SessionDep,
    auth: CurrentUser,
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
    locale: Annotated[str | None, Query(max_length=35, pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")] = None,
) -> list[WatchReportOut]:
    """Sent messages the watch reported, newest first (the task pane's recent list shows them), each problem
    named in ``locale`` (the pane's language; the user's own by default)."""
    return service.recent_reports(session, auth, limit, locale or auth.user.locale)


@router.post("/recovery", response_model=IncidentResponse, status_code=status.HTTP_201_CREATED)
async def open_recovery(
    session: SessionDep,
    auth: CurrentUser,
    cache: IndexCacheDep,
    settings: SettingsDep,
    extractor: ExtractorDep,
    mailbox: MailboxDep,
    body: RecoveryRequest,
) -> IncidentResponse:
    """Open the recovery flow from a report's link: the incident, filled in with what the watch found."""
    ticket = links.verify(body.token, settings, utcnow())
    request = service.recovery_request(auth, ticket, "outlook" if ticket.provider == "graph" else "gmail")
    assert request.ref is not None
    ensure_provider(mailbox, request.ref.provider)
    message = await mailbox.get_message(await access_for(mailbox, auth), request.ref.id)

    def record() -> IncidentResponse:
        response = incidents.create_incident(session, auth, cache, settings, extractor, request, message)
        session.commit()
        return response

    return await run_in_threadpool(record)
