from __future__ import annotations

import uuid

from sqlmodel import Session

from app.policies.models import Policy


def get(session: Session, tenant_id: uuid.UUID) -> Policy | None:
    return session.get(Policy, tenant_id)
