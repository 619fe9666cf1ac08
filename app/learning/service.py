"""Starting, following, cancelling a learning job, and showing its proposal. The runner does the reading."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import timedelta
from typing import Any

from sqlmodel import Session

from app.analysis.directory import OrgKind
from app.analysis.learning import Proposal
from app.common import as_utc, utcnow
from app.learning import repository
from app.learning.exceptions import (
    LearningAlreadyRunning,
    LearningJobNotFound,
    LearningNotFinished,
    LearningUnsupported,
    NoMailboxes,
)
from app.learning.models import LearningJob
from app.learning.review import accept as review_accept
from app.learning.review import diff as review_diff
from app.learning.rivals import accept_rivals
from app.learning.schemas import AcceptRequest, AcceptResult, LearningJobPublic, ProposalPublic, ReviewPublic
from app.tenants.identity import TenantIdentity, UserIdentity


def start(session: Session, tenant: TenantIdentity, user: UserIdentity, months: int, can_read: bool) -> LearningJob:
    if not can_read:
        raise LearningUnsupported()
    if repository.running(session, tenant.id) is not None:
        raise LearningAlreadyRunning()
    mailboxes = [a for a in repository.user_addresses(session, tenant.id) if _internal(a, tenant)]
    if not mailboxes:
        raise NoMailboxes()
    job = LearningJob(
        tenant_id=tenant.id,
        user_id=user.id,
        months=months,
        since=utcnow() - timedelta(days=round(months * 30.44)),
        mailboxes=mailboxes,
    )
    session.add(job)
    session.flush()
    return job


def _internal(address: str, tenant: TenantIdentity) -> bool:
    domain = address.rpartition("@")[2].lower()
    return any(domain == d or domain.endswith("." + d) for d in tenant.internal_domains)


def get(session: Session, tenant: TenantIdentity, job_id: uuid.UUID) -> LearningJob:
    job = repository.get(session, tenant.id, job_id)
    if job is None:
        raise LearningJobNotFound()
    return job


def cancel(session: Session, tenant: TenantIdentity, job_id: uuid.UUID) -> LearningJob:
    job = get(session, tenant, job_id)
    if job.status == "running":
        job.status = "cancelled"
        job.checkpoint = None
        job.finished_at = job.updated_at = utcnow()
        session.add(job)
        session.flush()
    return job


def public(job: LearningJob) -> LearningJobPublic:
    return LearningJobPublic(
        id=job.id,
        status=job.status,
        months=job.months,
        since=job.since,
        mailboxes=len(job.mailboxes),
        mailboxes_done=min(job.mailbox_index, len(job.mailboxes)) if job.status == "running" else len(job.mailboxes),
        messages_read=job.messages_read,
        organizations_found=job.organizations_found,
        progress=round(job.progress, 3),
        eta_seconds=_eta(job),
        error=job.error,
        created_at=job.created_at,
        finished_at=job.finished_at,
    )


def _eta(job: LearningJob) -> int | None:
    if job.status != "running" or job.progress <= 0.01:
        return None
    elapsed = (utcnow() - as_utc(job.created_at)).total_seconds()
    return max(0, round(elapsed * (1 - job.progress) / job.progress))


def proposal_view(session: Session, tenant: TenantIdentity, job_id: uuid.UUID) -> ProposalPublic:
    job = get(session, tenant, job_id)
    if job.status not in ("done", "accepted") or job.proposal is None:
        raise LearningNotFinished()
    data = job.proposal
    return ProposalPublic(
        job_id=job.id,
        messages_read=int(data.get("messages_read", 0)),
        organizations=list(data.get("organizations", [])),
        rival_suggestions=list(data.get("rival_suggestions", [])),
        documents=len(data.get("documents", [])),
    )


def proposal_data(proposal: Proposal) -> dict[str, Any]:
    """The proposal as JSON data: names, addresses, counts, hashes (dataclasses to dicts, tuples to lists)."""
    data = dataclasses.asdict(proposal)
    for org, proposed in zip(data["organizations"], proposal.organizations, strict=True):
        org["addresses"] = list(proposed.addresses)
    return data


def review(session: Session, tenant: TenantIdentity, job_id: uuid.UUID) -> ReviewPublic:
    job = _finished(session, tenant, job_id)
    assert job.proposal is not None
    return ReviewPublic(
        job_id=job.id,
        items=review_diff(session, tenant, job.proposal),
        rival_suggestions=list(job.proposal.get("rival_suggestions", [])),
    )


def accept(session: Session, tenant: TenantIdentity, job_id: uuid.UUID, body: AcceptRequest) -> AcceptResult:
    """Nothing reaches the directory but what the administrator selects here."""
    job = _finished(session, tenant, job_id)
    assert job.proposal is not None
    rivals = body.rivals
    if body.all:
        selected: dict[str, OrgKind | None] = {
            i["key"]: body.kind for i in review_diff(session, tenant, job.proposal) if i["status"] != "conflict"
        }
        rivals = list(range(len(job.proposal.get("rival_suggestions", []))))
    else:
        selected = {item.key: item.kind for item in body.items}
    result = review_accept(session, tenant, job.proposal, selected)
    result["rival_groups"], skipped_rivals = accept_rivals(session, tenant, job.proposal, rivals)
    result["skipped"] += [{**s, "key": f"rival:{s['key']}"} for s in skipped_rivals]
    if result["created"] or result["updated"] or result["rival_groups"]:
        job.status = "accepted"
        job.updated_at = utcnow()
        session.add(job)
    return AcceptResult(**result)


def _finished(session: Session, tenant: TenantIdentity, job_id: uuid.UUID) -> LearningJob:
    job = get(session, tenant, job_id)
    if job.status not in ("done", "accepted") or job.proposal is None:
        raise LearningNotFinished()
    return job
