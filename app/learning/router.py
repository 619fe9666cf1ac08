from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from app.auth.dependencies import AdminUser
from app.deps import SessionDep
from app.learning import repository, service
from app.learning.runner import LearningRunner
from app.learning.schemas import (
    AcceptRequest,
    AcceptResult,
    LearningJobPublic,
    LearnRequest,
    ProposalPublic,
    ReviewPublic,
)

router = APIRouter(prefix="/v1/directory/learn", tags=["learning"])


def _runner(request: Request) -> LearningRunner:
    runner: LearningRunner = request.app.state.learning_runner
    return runner


@router.post("", response_model=LearningJobPublic, status_code=status.HTTP_202_ACCEPTED)
def start_learning(
    request: Request, session: SessionDep, auth: AdminUser, body: LearnRequest | None = None
) -> LearningJobPublic:
    """Read the sales mailboxes' sent mail of the last `months` and propose a directory (nothing changes in it
    until an administrator accepts). Runs in the background: follow it with GET, stop it with cancel."""
    runner = _runner(request)
    months = body.months if body is not None else 12
    job = service.start(session, auth.tenant, auth.user, months, can_read=runner.reader is not None)
    session.commit()
    runner.start_soon(job.id)
    return service.public(job)


@router.get("/latest", response_model=LearningJobPublic | None)
def latest_learning(session: SessionDep, auth: AdminUser) -> LearningJobPublic | None:
    """The tenant's most recent learning job; null when there has been none."""
    job = repository.latest(session, auth.tenant.id)
    return service.public(job) if job is not None else None


@router.get("/{job_id}", response_model=LearningJobPublic)
def learning_progress(job_id: uuid.UUID, session: SessionDep, auth: AdminUser) -> LearningJobPublic:
    """Messages read, organizations found, share done and the time left (estimated)."""
    return service.public(service.get(session, auth.tenant, job_id))


@router.post("/{job_id}/cancel", response_model=LearningJobPublic)
def cancel_learning(job_id: uuid.UUID, session: SessionDep, auth: AdminUser) -> LearningJobPublic:
    job = service.cancel(session, auth.tenant, job_id)
    session.commit()
    return service.public(job)


@router.get("/{job_id}/proposal", response_model=ProposalPublic)
def learning_proposal(job_id: uuid.UUID, session: SessionDep, auth: AdminUser) -> ProposalPublic:
    return service.proposal_view(session, auth.tenant, job_id)


@router.get("/{job_id}/review", response_model=ReviewPublic)
def learning_review(job_id: uuid.UUID, session: SessionDep, auth: AdminUser) -> ReviewPublic:
    """The proposal against the current directory: new, changed, merged and conflicting organizations, with
    confidence."""
    return service.review(session, auth.tenant, job_id)


@router.post("/{job_id}/accept", response_model=AcceptResult)
def accept_learning(job_id: uuid.UUID, body: AcceptRequest, session: SessionDep, auth: AdminUser) -> AcceptResult:
    """Take the selected organizations (or all) into the directory; nothing else changes it."""
    result = service.accept(session, auth.tenant, job_id, body)
    session.commit()
    return result
