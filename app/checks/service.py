"""Checking a draft: build the provider-neutral draft, run the engine, record codes and timing only."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import TypeVar

from sqlmodel import Session

from app.analysis.context import CheckContext
from app.analysis.documents import DocumentHistory
from app.analysis.draft import Attachment, Draft, Recipient
from app.analysis.engine import check as run_engine
from app.analysis.findings import CheckResult
from app.analysis.index import DirectoryIndex, IndexReleased
from app.analysis.messages import localize, supported_locale
from app.auth.dependencies import AuthContext
from app.checks import attachments, repository
from app.checks.dismissals import dismiss, finding_targets, hash_address, salt_for, suppressed_keys
from app.checks.exceptions import AttachmentTooLarge, BodyTooLarge, CheckNotFound, IndexUnavailable
from app.checks.extraction import ExtractionPool
from app.checks.history import UserHistory, user_history
from app.checks.index_cache import IndexCache
from app.checks.message_ids import message_hash
from app.checks.models import AttachmentScan
from app.checks.recorder import INSERT_RECORD, CheckRecorder
from app.checks.schemas import (
    CheckResponse,
    DraftIn,
    FindingOut,
    OutcomeRequest,
    OutcomeResponse,
    ScannedOrganization,
    ScanRequest,
    ScanResponse,
)
from app.common import new_id, utcnow
from app.config import Settings
from app.mailbox.base import MailAddress, MailAttachment, MailMessage
from app.observability import Metrics
from app.tenants.identity import TenantIdentity

_T = TypeVar("_T")


def request_locale(requested: str | None, auth: AuthContext) -> str:
    return supported_locale(requested or auth.user.locale)


def message_from_request(draft_in: DraftIn, settings: Settings) -> MailMessage:
    """The request's draft as a mailbox message, attachment bytes decoded (in memory only)."""
    if len(draft_in.body) > settings.max_body_chars:
        raise BodyTooLarge(details={"max_chars": settings.max_body_chars})
    budget = settings.max_check_attachment_bytes
    files = []
    for item in draft_in.attachments:
        data = None
        if item.content_base64:
            data = attachments.decode(item.content_base64, item.name, settings.max_attachment_bytes)
            budget -= len(data)
            if budget < 0:
                raise AttachmentTooLarge(details={"max_bytes": settings.max_check_attachment_bytes})
        files.append(
            MailAttachment(
                name=item.name,
                content_type=item.content_type,
                size=len(data) if data is not None else item.size,
                content=data,
                sha256=item.sha256.lower() if item.sha256 else None,
            )
        )
    return MailMessage(
        id="",
        sender=draft_in.sender,
        to=tuple(MailAddress(r.email, r.name) for r in draft_in.to),
        cc=tuple(MailAddress(r.email, r.name) for r in draft_in.cc),
        bcc=tuple(MailAddress(r.email, r.name) for r in draft_in.bcc),
        subject=draft_in.subject,
        body=draft_in.body,
        body_format=draft_in.body_format,
        attachments=tuple(files),
        internet_message_id=draft_in.internet_message_id or None,
    )


def check_message(
    session: Session,
    auth: AuthContext,
    cache: IndexCache,
    settings: Settings,
    extractor: ExtractionPool,
    metrics: Metrics,
    message: MailMessage,
    *,
    client: str,
    trigger: str,
    locale: str | None,
    correspondents: frozenset[str] | None = None,
    recorder: CheckRecorder | None = None,
) -> CheckResponse:
    """Check one message; `correspondents` are addresses the mailbox says the user wrote to before.

    With a `recorder` the check record is written in its next batch, else in this transaction."""
    started = time.perf_counter()
    result, _, draft = analyse(session, auth, cache, settings, extractor, message, correspondents, recorder)
    # Read before anything is written or queued: a check on the event loop that finds it needs the
    # database is run again in a thread (app/checks/on_loop.py), and must not have queued anything twice.
    new_correspondents = _new_correspondents(session, auth, result) if trigger == "send" else set()
    localized = localize(result, request_locale(locale, auth))
    record = _record(auth, result, draft, client, trigger, started)
    record["message_hash"] = message_hash(auth.tenant.id, message.internet_message_id)
    if recorder is not None:
        recorder.add(record)
    else:
        session.execute(INSERT_RECORD, [record])
    if new_correspondents:
        _remember(session, auth, new_correspondents, recorder)
    if session.in_transaction():  # nothing read or written (all cached, all queued): nothing to end
        session.commit()
    if new_correspondents:
        user_history.add_correspondents(auth.user.id, new_correspondents)
    metrics.checks.labels(trigger, result.verdict).inc()
    for code in result.codes:
        metrics.findings.labels(code).inc()
    return CheckResponse(
        check_id=record["id"],
        verdict=result.verdict,
        summary=localized.summary,
        hold_minutes=result.hold_minutes,
        findings=[FindingOut.model_validate(f.to_dict()) for f in localized.findings],
    )


def analyse(
    session: Session,
    auth: AuthContext,
    cache: IndexCache,
    settings: Settings,
    extractor: ExtractionPool,
    message: MailMessage,
    correspondents: frozenset[str] | None = None,
    recorder: CheckRecorder | None = None,
) -> tuple[CheckResult, DirectoryIndex, Draft]:
    """Run the engine on a message without recording a check (incidents reuse it).

    With a `recorder`, attachment scans are written in its next batch, else in this transaction."""
    if len(message.body) > settings.max_body_chars:
        raise BodyTooLarge(details={"max_chars": settings.max_body_chars})

    def on(index: DirectoryIndex) -> tuple[CheckResult, DirectoryIndex, Draft]:
        # What the database tells comes first, before any attachment is read or any scan queued.
        documents = cache.documents.for_tenant(session, auth.tenant.id)
        past = user_history.get(session, auth.tenant.id, auth.user.id)
        draft = _analysis_draft(session, auth, index, settings, extractor, message, recorder)
        result = run_engine(draft, index, _context(auth, index, draft, correspondents, documents, past))
        return result, index, draft

    return on_current_index(session, auth.tenant, cache, on)


def on_current_index(
    session: Session, tenant: TenantIdentity, cache: IndexCache, run: Callable[[DirectoryIndex], _T]
) -> _T:
    """`run` on the tenant's index, and once more on the next one if a swap let go of it meanwhile (a swap
    takes a fraction of a second; see app/checks/index_cache.py)."""
    for _attempt in range(2):
        try:
            return run(cache.get(session, tenant))
        except IndexReleased:
            continue
    raise IndexUnavailable


def _analysis_draft(
    session: Session,
    auth: AuthContext,
    index: DirectoryIndex,
    settings: Settings,
    extractor: ExtractionPool,
    message: MailMessage,
    recorder: CheckRecorder | None,
) -> Draft:
    return Draft(
        sender=message.sender or auth.user.email,
        to=tuple(Recipient(r.email, r.name) for r in message.to),
        cc=tuple(Recipient(r.email, r.name) for r in message.cc),
        bcc=tuple(Recipient(r.email, r.name) for r in message.bcc),
        subject=message.subject,
        body=message.body,
        body_format=message.body_format,
        attachments=_attachments(session, auth, index, settings, extractor, message.attachments, recorder),
    )


def _attachments(
    session: Session,
    auth: AuthContext,
    index: DirectoryIndex,
    settings: Settings,
    extractor: ExtractionPool,
    items: tuple[MailAttachment, ...],
    recorder: CheckRecorder | None,
) -> tuple[Attachment, ...]:
    cached = _known_scans(session, auth, [a.sha256 for a in items if a.sha256 and a.content is None], recorder)
    until = attachments.deadline(settings)  # one budget for all files of the check
    result = []
    for item in items:
        if item.content is not None:
            scanned = attachments.scan(
                session,
                auth.tenant,
                index,
                item.name,
                item.content_type,
                item.content,
                settings,
                extractor,
                until,
                recorder,
            )
            result.append(
                Attachment(
                    name=item.name,
                    size=len(item.content),
                    content_type=item.content_type,
                    text=scanned.extraction.text or None,
                    doc_class=scanned.scan.doc_class,
                    sha256=scanned.sha256,
                )
            )
            continue
        scan = cached.get(item.sha256) if item.sha256 else None
        result.append(
            Attachment(
                name=item.name,
                size=item.size,
                content_type=item.content_type,
                doc_class=scan.doc_class if scan else None,
                mentioned_org_ids=tuple(scan.organization_ids) if scan else (),
                sha256=item.sha256,
            )
        )
    return tuple(result)


def _known_scans(
    session: Session, auth: AuthContext, hashes: list[str], recorder: CheckRecorder | None
) -> dict[str, AttachmentScan]:
    """Stored scans of these files, and those this process has queued but not written yet (newer)."""
    if not hashes:
        return {}
    queued = recorder.pending_scans(auth.tenant.id, hashes) if recorder is not None else {}
    stored = repository.scans_by_hash(session, auth.tenant.id, [h for h in hashes if h not in queued])
    return {**stored, **queued}


def _context(
    auth: AuthContext,
    index: DirectoryIndex,
    draft: Draft,
    correspondents: frozenset[str] | None,
    documents: DocumentHistory | None,
    past: UserHistory,
) -> CheckContext:
    hashes = {hash_address(auth.tenant.id, r.email): r.email.strip().lower() for r in draft.all_recipients}
    known = frozenset(hashes[h] for h in hashes if h in past.correspondents)
    return CheckContext(
        known_correspondents=known | (correspondents or frozenset()),
        suppressed=suppressed_keys(past.dismissed, hashes, index.policy.suppress_dismissed_days),
        salt=salt_for(auth.tenant.id),
        documents=documents,
    )


def _record(
    auth: AuthContext, result: CheckResult, draft: Draft, client: str, trigger: str, started: float
) -> dict[str, object]:
    return {
        "id": new_id(),
        "tenant_id": auth.tenant.id,
        "user_id": auth.user.id,
        "created_at": utcnow(),
        "client": client,
        "trigger": trigger,
        "verdict": result.verdict,
        "finding_codes": list(result.codes),
        "finding_targets": finding_targets(auth.tenant.id, result),
        "recipient_count": len(draft.all_recipients),
        "attachment_count": len(draft.attachments),
        "latency_ms": round((time.perf_counter() - started) * 1000, 3),
        "index_version": result.index_version,
        "outcome": None,
        "outcome_at": None,
        "dismissed": [],
    }


def _new_correspondents(session: Session, auth: AuthContext, result: CheckResult) -> set[str]:
    """Hashes of the external recipients the user writes to for the first time."""
    hashes = {hash_address(auth.tenant.id, email) for email in result.external_recipients}
    return hashes - user_history.get(session, auth.tenant.id, auth.user.id).correspondents


def _remember(session: Session, auth: AuthContext, hashes: set[str], recorder: CheckRecorder | None) -> None:
    if recorder is not None:
        rows = repository.correspondent_rows(auth.tenant.id, auth.user.id, hashes)
        recorder.add_correspondents(auth.tenant.id, auth.user.id, rows)
    else:
        repository.remember_correspondents(session, auth.tenant.id, auth.user.id, hashes)


def record_outcome(
    session: Session,
    auth: AuthContext,
    check_id: uuid.UUID,
    body: OutcomeRequest,
    recorder: CheckRecorder | None = None,
) -> OutcomeResponse:
    if recorder is not None and recorder.is_pending(check_id):
        recorder.flush()  # the check was moments ago and its record still waits for its batch
    record = repository.get_check(session, auth.tenant.id, auth.user.id, check_id)
    if record is None:
        raise CheckNotFound()
    rows, codes = dismiss(record, body.dismissed)
    session.add_all(rows)
    record.outcome = body.outcome
    record.outcome_at = utcnow()
    record.dismissed = list(dict.fromkeys([*record.dismissed, *codes]))
    session.add(record)
    session.commit()
    user_history.forget(auth.user.id)
    return OutcomeResponse(check_id=record.id, outcome=body.outcome, dismissed=record.dismissed)


def scan_attachment(
    session: Session,
    auth: AuthContext,
    cache: IndexCache,
    settings: Settings,
    extractor: ExtractionPool,
    body: ScanRequest,
) -> ScanResponse:
    data = attachments.decode(body.content_base64, body.name, settings.max_attachment_bytes)
    until = attachments.deadline(settings)

    def on(index: DirectoryIndex) -> tuple[DirectoryIndex, attachments.ScannedAttachment]:
        scanned = attachments.scan(
            session, auth.tenant, index, body.name, body.content_type, data, settings, extractor, until
        )
        return index, scanned

    index, scanned = on_current_index(session, auth.tenant, cache, on)
    session.commit()
    names = {
        org_id: index.org(index.org_index_by_id[org_id]).name
        for org_id in scanned.scan.organization_ids
        if org_id in index.org_index_by_id
    }
    return ScanResponse(
        sha256=scanned.sha256,
        doc_class=scanned.scan.doc_class,
        organizations=[ScannedOrganization(id=i, name=n) for i, n in names.items()],
        truncated=scanned.extraction.truncated,
        language=scanned.scan.language,
        error=scanned.extraction.error,
    )
