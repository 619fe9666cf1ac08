from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.checks.models import CheckRecord
from app.incidents.models import Incident

_BATCH = 5000


def check_rows(session: Session, tenant_id: uuid.UUID, since: datetime) -> Iterator[tuple[Any, ...]]:
    """(created_at, finding_codes, outcome, dismissed) of the tenant's checks since a moment, streamed."""
    query = select(CheckRecord.created_at, CheckRecord.finding_codes, CheckRecord.outcome, CheckRecord.dismissed).where(
        CheckRecord.tenant_id == tenant_id, col(CheckRecord.created_at) >= since
    )
    yield from session.exec(query.execution_options(yield_per=_BATCH))


def incident_rows(session: Session, tenant_id: uuid.UUID, since: datetime) -> list[tuple[datetime, str]]:
    query = select(Incident.created_at, Incident.level).where(
        Incident.tenant_id == tenant_id, col(Incident.created_at) >= since
    )
    return list(session.exec(query).all())
