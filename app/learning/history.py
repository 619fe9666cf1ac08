"""The document history a check uses: from the tenant's latest finished learning job, parsed once per job.

Which job is the latest is asked at most every `LATEST_TTL_SECONDS` per tenant (it was a query in every
check); a job finished by any process is in use everywhere that soon.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime

from sqlmodel import Session, col, select

from app.analysis.documents import DocumentHistory, history_from_proposal
from app.learning.models import LearningJob

_MAX_PARSED = 32
_MAX_TENANTS = 50_000
LATEST_TTL_SECONDS = 0.5

JobKey = tuple[uuid.UUID, datetime | None]


class DocumentHistories:
    """Parsed histories by (job, finish time): a check costs a dictionary lookup, not a proposal's JSON."""

    def __init__(self, ttl: float = LATEST_TTL_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._parsed: OrderedDict[JobKey, DocumentHistory] = OrderedDict()
        # tenant -> (when its latest job was asked for, that job's history)
        self._latest: dict[uuid.UUID, tuple[float, DocumentHistory | None]] = {}
        self._lock = threading.Lock()

    def for_tenant(self, session: Session, tenant_id: uuid.UUID) -> DocumentHistory | None:
        known = self._latest.get(tenant_id)
        if known is not None and known[0] + self.ttl > self.clock():
            return known[1]
        asked = self.clock()
        history = self._load(session, tenant_id)
        with self._lock:
            if len(self._latest) >= _MAX_TENANTS:
                self._latest.clear()
            self._latest[tenant_id] = (asked, history)
        return history

    def _load(self, session: Session, tenant_id: uuid.UUID) -> DocumentHistory | None:
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
