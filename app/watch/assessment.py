"""What the watch decides about one sent message: checked at send time already, clean, or worth a report.

Runs the same full check as a send-time check (subject, body, attachment names and text, read through the
mailbox) in memory; what is kept is the message's hash, the finding codes and the times (app/watch/models.py).
"""

from __future__ import annotations

import html
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from app.analysis.findings import CheckResult, Finding
from app.analysis.messages import localize, supported_locale
from app.auth.dependencies import AuthContext
from app.auth.principal import Principal
from app.checks.extraction import ExtractionPool
from app.checks.index_cache import IndexCache
from app.checks.service import analyse
from app.config import Settings
from app.incidents.suggestions import suggest
from app.mailbox.base import MailMessage
from app.mailbox.sent_watch import Report
from app.tenants.identity import TenantIdentity, UserIdentity
from app.tenants.models import Tenant, User
from app.watch import links, repository
from app.watch.models import WatchState
from app.watch.texts import report_text

SERIOUS = ("critical", "high")
MAX_INTENDED = 5


@dataclass(frozen=True, slots=True)
class WatchedUser:
    """A leased watch state with the user it belongs to, read in one short transaction."""

    state: WatchState
    auth: AuthContext
    enabled: bool  # the tenant's switch is on and the user has not opted out


@dataclass(frozen=True, slots=True)
class SentAssessment:
    codes: tuple[str, ...]
    severity: str | None = None
    report: Report | None = None


def load_user(session: Session, state_id: uuid.UUID) -> WatchedUser | None:
    state = repository.get_state(session, state_id)
    if state is None:
        return None
    user = session.get(User, state.user_id)
    tenant = session.get(Tenant, state.tenant_id)
    if user is None or tenant is None:
        return None
    principal = Principal(subject=user.subject, email=user.email, tenant_key=tenant.key, tenant_name=tenant.name)
    auth = AuthContext(user=UserIdentity.of(user), tenant=TenantIdentity.of(tenant), principal=principal)
    enabled = repository.watch_enabled(session, tenant.id) and not state.opted_out
    session.expunge(state)
    return WatchedUser(state=state, auth=auth, enabled=enabled)


def assess_sent(
    session: Session,
    auth: AuthContext,
    cache: IndexCache,
    settings: Settings,
    extractor: ExtractionPool,
    message: MailMessage,
    provider: str,
    report_key: str,
    now: datetime,
) -> SentAssessment:
    locale = supported_locale(auth.user.locale)
    result, index, _ = analyse(session, auth, cache, settings, extractor, message)
    serious = [f for f in result.findings if f.severity in SERIOUS and not f.suppressed]
    if not serious:
        return SentAssessment(codes=result.codes)
    severity = "critical" if any(f.severity == "critical" for f in serious) else "high"
    wrong = _wrong_recipients(serious, result)
    intended = [s.email for s in suggest(result, index, wrong)][:MAX_INTENDED]
    ticket = links.RecoveryTicket(
        user_id=str(auth.user.id),
        provider=provider,
        message_id=message.id,
        wrong=tuple(wrong),
        intended=tuple(intended),
        severity=severity,
        locale=locale,
        expires=links.expiry(now),
    )
    url = links.recovery_url(links.sign(ticket, settings), settings)
    report = _report(auth, result, message, severity, wrong, intended, url, locale, report_key)
    return SentAssessment(codes=result.codes, severity=severity, report=report)


def _wrong_recipients(serious: list[Finding], result: CheckResult) -> list[str]:
    named = [r.strip().lower() for f in serious for r in f.recipients if "@" in r]
    return list(dict.fromkeys(named or result.external_recipients))


def _report(
    auth: AuthContext,
    result: CheckResult,
    message: MailMessage,
    severity: str,
    wrong: list[str],
    intended: list[str],
    url: str,
    locale: str,
    key: str,
) -> Report:
    localized = localize(result, locale)
    subject = message.subject.strip() or report_text(locale, "no_subject")
    recipients = ", ".join(a.email for a in (*message.to, *message.cc, *message.bcc))
    lines = [
        report_text(locale, "intro", severity=report_text(locale, severity)),
        report_text(locale, "message", subject=subject, recipients=recipients),
        localized.summary,
        report_text(locale, "wrong", wrong=", ".join(wrong)) if wrong else "",
        report_text(locale, "intended", intended=", ".join(intended)) if intended else "",
        report_text(locale, "act"),
    ]
    findings = [f for f in localized.findings if f.severity in SERIOUS]
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line)
    body += "<ul>" + "".join(f"<li><b>{html.escape(f.title)}</b>: {html.escape(f.message)}</li>" for f in findings)
    body += f'</ul><p><a href="{html.escape(url)}">{html.escape(report_text(locale, "link"))}</a></p>'
    return Report(
        key=key,
        to=auth.user.email,
        subject=report_text(locale, "subject", subject=subject[:200]),
        body_html=body,
    )
