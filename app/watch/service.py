"""The user's side of the watch: opting out, the recent reports, and opening recovery from a report's link."""

from __future__ import annotations

from sqlmodel import Session

from app.analysis.messages import code_name
from app.auth.dependencies import AuthContext
from app.common import as_utc, utcnow
from app.incidents.schemas import IncidentCreate
from app.watch import links, repository
from app.watch.exceptions import RecoveryLinkNotYours
from app.watch.models import WatchState
from app.watch.schemas import WatchReportOut, WatchSettings

MAX_REPORTS = 50


def settings_for(session: Session, auth: AuthContext) -> WatchSettings:
    state = repository.state_for_user(session, auth.user.id)
    tenant_enabled = repository.watch_enabled(session, auth.tenant.id)
    opted_out = state is not None and state.opted_out
    return WatchSettings(tenant_enabled=tenant_enabled, opted_out=opted_out, watched=tenant_enabled and not opted_out)


def set_opted_out(session: Session, auth: AuthContext, provider: str, opted_out: bool) -> WatchSettings:
    """Takes effect at the watcher's next look at the user; opting in again starts from then, not from old mail."""
    state = repository.state_for_user(session, auth.user.id)
    now = utcnow()
    if state is None:
        state = WatchState(tenant_id=auth.tenant.id, user_id=auth.user.id, provider=provider, next_poll_at=now)
    if state.opted_out != opted_out:
        state.cursor = None  # mail sent while opted out is never read, not even after opting in again
        state.synced_at = None
    state.opted_out = opted_out
    state.next_poll_at = now
    state.updated_at = now
    session.add(state)
    session.flush()
    return settings_for(session, auth)


def recent_reports(session: Session, auth: AuthContext, limit: int, locale: str) -> list[WatchReportOut]:
    rows = repository.recent_reports(session, auth.tenant.id, auth.user.id, min(limit, MAX_REPORTS))
    return [
        WatchReportOut(
            id=r.id,
            severity=r.severity,
            finding_codes=r.finding_codes,
            problems=[code_name(code, locale) for code in r.finding_codes],
            created_at=as_utc(r.created_at),
            reported_at=as_utc(r.reported_at) if r.reported_at else None,
        )
        for r in rows
    ]


def recovery_request(auth: AuthContext, ticket: links.RecoveryTicket, client: str) -> IncidentCreate:
    """The incident the report's link stands for: the message by reference, its wrong and intended recipients."""
    if ticket.user_id != str(auth.user.id):
        raise RecoveryLinkNotYours()
    return IncidentCreate.model_validate(
        {
            "client": client,
            "locale": ticket.locale,
            "ref": {"provider": ticket.provider, "id": ticket.message_id},
            "wrong_recipients": list(ticket.wrong),
            "intended_recipients": list(ticket.intended),
        }
    )
