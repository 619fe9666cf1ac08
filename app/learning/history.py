"""The document history a check uses: from the tenant's latest finished learning job, parsed once per job."""

from __future__ import annotations

import threading
import uuid
from collections import OrderedDict
from datetime import datetime

from sqlmodel import Session, col, select

from app.analysis.documents import DocumentHistory, history_from_proposal
from app.learning.models import LearningJob

_MAX_PARSED = 32


class DocumentHistories:
    """Parsed histories by (job, finish time): a check costs one small query, not a proposal's JSON."""

    def __init__(self) -> None:
        self._parsed: OrderedDict[tuple[uuid.UUID, datetime | None], DocumentHistory] = OrderedDict()
        self._lock = threading.Lock()

    def for_tenant(self, session: Session, tenant_id: uuid.UUID) -> DocumentHistory | None:
        latest = session.exec(
            select(LearningJob.id, LearningJob.finished_at)
            .where(LearningJob.tenant_id == tenant_id, col(LearningJob.status).in_(("done", "accepted")))
            .order_by(col(LearningJob.finished_at).desc())
            .limit(1)
        ).first()
        if latest is None:
            return None
        key = (latest[0], latest[1])
        with self._lock:
            if key in self._parsed:
                self._parsed.move_to_end(key)
                return self._parsed[key]
        proposal = session.exec(select(LearningJob.proposal).where(LearningJob.id == latest[0])).first()
        history = history_from_proposal(proposal or {})
        with self._lock:
            self._parsed[key] = history
            while len(self._parsed) > _MAX_PARSED:
                self._parsed.popitem(last=False)
        return history
