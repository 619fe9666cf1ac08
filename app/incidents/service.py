"""Recording a misdirected send: assess it, plan the steps, write the letters, learn the confusion."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.auth.dependencies import AuthContext
from app.checks.extraction import ExtractionPool
from app.checks.index_cache import IndexCache
from app.checks.repository import correspondent_hashes
from app.checks.service import analyse, hash_address, request_locale
from app.common import as_utc, utcnow
from app.config import Settings
from app.incidents import texts
from app.incidents.assessment import Assessment, assess
from app.incidents.exceptions import IncidentNotFound, InvalidRecipients, UnknownStep
from app.incidents.letters import build_letters
from app.incidents.models import ConfusionPair, Incident
from app.incidents.schemas import (
    IncidentCreate,
    IncidentDraft,
    IncidentPublic,
    IncidentResponse,
    IncidentUpdate,
    SeverityOut,
    StepOut,
    SuggestionOut,
    SuggestRequest,
    SuggestResponse,
)
from app.incidents.suggestions import owned_contacts, suggest
from app.mailbox.base import MailMessage
from app.tenants.repository import bump_version


def create_incident(
    session: Session,
    auth: AuthContext,
    cache: IndexCache,
    settings: Settings,
    extractor: ExtractionPool,
    body: IncidentCreate,
    message: MailMessage,
) -> IncidentResponse:
    locale = request_locale(body.locale, auth)
    wrong, intended = _validated_recipients(auth, message, body)
    result, index, _ = analyse(session, auth, cache, settings, extractor, message)
    assessment = assess(result, index, wrong, intended)
    sent_at = body.sent_at or utcnow()
    letters = build_letters(auth, index, message, assessment, intended, sent_at, locale)
    incident = Incident(
        tenant_id=auth.tenant.id,
        user_id=auth.user.id,
        level=assessment.level,
        content_class=assessment.content_class,
        relation=assessment.relation,
        reasons=texts.reasons(assessment, locale),
        steps=[_step(step, letters) for step in _plan(assessment, intended, letters, _on_gmail(body))],
        wrong_recipients=wrong,
        intended_recipients=intended,
        document_names=[a.name for a in message.attachments],
        locale=locale,
        provider=body.ref.provider if body.ref else None,
        message_ref=body.ref.id if body.ref else None,
        sent_at=sent_at,
    )
    session.add(incident)
    _learn_confusions(session, auth, wrong, intended)
    session.flush()
    return IncidentResponse(
        incident_id=incident.id,
        status="open",
        severity=_severity(incident),
        steps=_steps(incident, locale),
        drafts=letters,
        created_at=incident.created_at,
    )


def suggest_intended(
    session: Session,
    auth: AuthContext,
    cache: IndexCache,
    settings: Settings,
    extractor: ExtractionPool,
    body: SuggestRequest,
    message: MailMessage,
) -> SuggestResponse:
    locale = request_locale(body.locale, auth)
    result, index, _ = analyse(session, auth, cache, settings, extractor, message)
    written = correspondent_hashes(session, auth.tenant.id, auth.user.id)
    recent = [e for e in owned_contacts(index, auth.user.email) if hash_address(auth.tenant.id, e) in written]
    internal = [a.email for a in (*message.to, *message.cc, *message.bcc) if _is_internal(auth, a.email)]
    found = suggest(result, index, body.wrong_recipients, recent, internal)
    return SuggestResponse(
        suggestions=[
            SuggestionOut(
                email=s.email,
                name=s.name,
                organization=s.organization,
                reason=s.reason,
                why=texts.suggestion_reason(s.reason, s.about, locale),
            )
            for s in found
        ]
    )


def _validated_recipients(auth: AuthContext, message: MailMessage, body: IncidentCreate) -> tuple[list[str], list[str]]:
    recipients = {a.email.strip().lower() for a in (*message.to, *message.cc, *message.bcc)}
    if not recipients:
        raise InvalidRecipients("The message has no recipients.", code="message_without_recipients")
    wrong = list(dict.fromkeys(body.wrong_recipients))
    intended = list(dict.fromkeys(body.intended_recipients))
    problems: dict[str, list[str]] = {
        "not_recipients": [w for w in wrong if w not in recipients],
        "internal": [w for w in wrong if _is_internal(auth, w)],
        "both_wrong_and_intended": [w for w in wrong if w in intended],
    }
    problems = {k: v for k, v in problems.items() if v}
    if problems:
        raise InvalidRecipients(details=problems)
    return wrong, [i for i in intended if not _is_internal(auth, i)]


def _is_internal(auth: AuthContext, email: str) -> bool:
    return auth.tenant.owns_address(email)


def _on_gmail(body: IncidentCreate) -> bool:
    return body.client == "gmail" or (body.ref is not None and body.ref.provider == "gmail")


def _plan(assessment: Assessment, intended: list[str], letters: list[IncidentDraft], gmail: bool) -> list[str]:
    # Outlook can try a recall inside the organization; Gmail only offers Undo for a few seconds after sending.
    steps = ["undo_send" if gmail else "recall", "stop_followups"]
    if assessment.level in ("high", "critical"):
        steps.append("escalate")
    steps.append("apology")
    if intended:
        steps.append("notice")
    if any(letter.kind == "resend_intended" for letter in letters):
        steps.append("resend")
    if intended:
        steps.append("record")
    return steps


def _step(step_id: str, letters: list[IncidentDraft]) -> dict[str, Any]:
    step: dict[str, Any] = {"id": step_id, "done": step_id == "record"}
    if step_id == "resend":
        # Only those who never got the mail are resent it; the step names them, not every intended recipient.
        step["to"] = [letter.to[0] for letter in letters if letter.kind == "resend_intended"]
    return step


def _learn_confusions(session: Session, auth: AuthContext, wrong: list[str], intended: list[str]) -> None:
    if not intended:
        return
    for right in intended:
        for mistaken in wrong:
            existing = session.exec(
                select(ConfusionPair).where(
                    ConfusionPair.tenant_id == auth.tenant.id,
                    ConfusionPair.intended == right,
                    ConfusionPair.wrong == mistaken,
                )
            ).first()
            if existing is not None:
                existing.count += 1
                existing.updated_at = utcnow()
                session.add(existing)
                continue
            try:
                with session.begin_nested():
                    session.add(ConfusionPair(tenant_id=auth.tenant.id, intended=right, wrong=mistaken))
            except IntegrityError:
                continue  # recorded by a concurrent incident
    bump_version(session, auth.tenant.id)


def _severity(incident: Incident) -> SeverityOut:
    return SeverityOut(
        level=incident.level,
        content_class=incident.content_class,
        relation=incident.relation,
        reasons=incident.reasons,
    )


def _steps(incident: Incident, locale: str) -> list[StepOut]:
    return [
        StepOut(
            id=step["id"],
            title=texts.step_title(
                step["id"], locale, incident.wrong_recipients, step.get("to", incident.intended_recipients)
            ),
            done=bool(step["done"]),
        )
        for step in incident.steps
    ]


def get(session: Session, auth: AuthContext, incident_id: uuid.UUID) -> Incident:
    query = select(Incident).where(Incident.id == incident_id, Incident.tenant_id == auth.tenant.id)
    if not auth.is_admin:
        query = query.where(Incident.user_id == auth.user.id)
    incident = session.exec(query).first()
    if incident is None:
        raise IncidentNotFound()
    return incident


def public(incident: Incident, locale: str) -> IncidentPublic:
    return IncidentPublic(
        incident_id=incident.id,
        status=incident.status,
        severity=_severity(incident),
        steps=_steps(incident, locale),
        wrong_recipients=incident.wrong_recipients,
        intended_recipients=incident.intended_recipients,
        document_names=incident.document_names,
        mailbox_drafts=incident.mailbox_drafts,
        # SQLite returns stored times without their zone; the API always says UTC.
        created_at=as_utc(incident.created_at),
        closed_at=as_utc(incident.closed_at) if incident.closed_at else None,
    )


def list_incidents(session: Session, auth: AuthContext, status: str | None, limit: int) -> list[Incident]:
    query = select(Incident).where(Incident.tenant_id == auth.tenant.id)
    if not auth.is_admin:
        query = query.where(Incident.user_id == auth.user.id)
    if status:
        query = query.where(Incident.status == status)
    return list(session.exec(query.order_by(col(Incident.created_at).desc()).limit(limit)).all())


def update(session: Session, auth: AuthContext, incident_id: uuid.UUID, body: IncidentUpdate) -> Incident:
    incident = get(session, auth, incident_id)
    if body.steps:
        known = {step["id"] for step in incident.steps}
        unknown = sorted(set(body.steps) - known)
        if unknown:
            raise UnknownStep(details={"unknown": unknown, "steps": sorted(known)})
        incident.steps = [{**step, "done": body.steps.get(step["id"], step["done"])} for step in incident.steps]
    if body.status is not None and body.status != incident.status:
        incident.status = body.status
        incident.closed_at = utcnow() if body.status == "closed" else None
    incident.updated_at = utcnow()
    session.add(incident)
    return incident


def record_mailbox_drafts(incident: Incident, created: list[dict[str, str | None]], when: datetime) -> None:
    incident.mailbox_drafts = [*incident.mailbox_drafts, *created]
    incident.updated_at = when


def mark_step(incident: Incident, step_id: str, done: bool) -> None:
    incident.steps = [{**step, "done": done} if step["id"] == step_id else step for step in incident.steps]
    incident.updated_at = utcnow()
