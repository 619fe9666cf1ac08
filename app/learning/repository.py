from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import or_, update
from sqlmodel import Session, col, select

from app.learning.models import LearningJob
from app.tenants.models import User


def get(session: Session, tenant_id: uuid.UUID, job_id: uuid.UUID) -> LearningJob | None:
    return session.exec(select(LearningJob).where(LearningJob.tenant_id == tenant_id, LearningJob.id == job_id)).first()


def running(session: Session, tenant_id: uuid.UUID) -> LearningJob | None:
    return session.exec(
        select(LearningJob).where(LearningJob.tenant_id == tenant_id, LearningJob.status == "running")
    ).first()


def latest(session: Session, tenant_id: uuid.UUID) -> LearningJob | None:
    return session.exec(
        select(LearningJob)
        .where(LearningJob.tenant_id == tenant_id)
        .order_by(col(LearningJob.created_at).desc())
        .limit(1)
    ).first()


def user_addresses(session: Session, tenant_id: uuid.UUID) -> list[str]:
    return sorted(set(session.exec(select(User.email).where(User.tenant_id == tenant_id)).all()))


def claim(session: Session, job_id: uuid.UUID, runner: str, now: datetime, lease: timedelta) -> bool:
    """Take a running job for this runner unless another one holds a fresh lease on it."""
    result = session.execute(
        update(LearningJob)
        .where(
            col(LearningJob.id) == job_id,
            col(LearningJob.status) == "running",
            or_(
                col(LearningJob.claimed_by).is_(None),
                col(LearningJob.claimed_by) == runner,
                col(LearningJob.claimed_at) < now - lease,
            ),
        )
        .values(claimed_by=runner, claimed_at=now)
    )
    session.commit()
    return bool(result.rowcount)  # type: ignore[attr-defined]


def unclaimed_running(session: Session, now: datetime, lease: timedelta) -> list[uuid.UUID]:
    return list(
        session.exec(
            select(LearningJob.id).where(
                LearningJob.status == "running",
                or_(col(LearningJob.claimed_by).is_(None), col(LearningJob.claimed_at) < now - lease),
            )
        ).all()
    )
