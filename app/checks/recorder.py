"""Writing check records in batches, off the request path.

A check record is a line of telemetry (codes, counts, timing), so a send check should not wait for
its commit, nor should replicas queue on the database's write lock for it. Records are queued in
memory and written every `interval` seconds in one statement; a crash loses at most that moment's
records, never a user's decision (outcomes and dismissals are written synchronously).

A batch that fails is kept for the next round. It may have been written all the same (the database committed and
its answer was lost on the way), so the next round skips records already stored: one such batch must not fail
every round after it, holding every newer record in memory.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import Engine, Insert, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from app.checks.models import CheckRecord

log = logging.getLogger(__name__)

# One statement compiled once; rows are plain dicts (building ORM objects cost more than the check).
INSERT_RECORD = insert(CheckRecord)
# The same, skipping records already stored (a retried batch), in each engine's words.
_INSERT_NEW_RECORDS: dict[str, Insert] = {
    "postgresql": postgresql.insert(CheckRecord).on_conflict_do_nothing(index_elements=["id"]),
    "sqlite": sqlite.insert(CheckRecord).on_conflict_do_nothing(index_elements=["id"]),
}


class CheckRecorder:
    def __init__(self, engine: Engine, interval: float) -> None:
        self.engine = engine
        self.interval = interval
        self._insert = _INSERT_NEW_RECORDS[engine.dialect.name]
        self._pending: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="check-recorder", daemon=True)
            self._thread.start()

    def add(self, record: dict[str, Any]) -> None:
        with self._lock:
            self._pending.append(record)

    def is_pending(self, check_id: object) -> bool:
        with self._lock:
            return any(r["id"] == check_id for r in self._pending)

    def flush(self) -> int:
        with self._lock:
            batch, self._pending = self._pending, []
        if not batch:
            return 0
        try:
            with self.engine.begin() as conn:
                conn.execute(self._insert, batch)
        except SQLAlchemyError:
            # The database is away for a moment: keep the records for the next round.
            with self._lock:
                self._pending[:0] = batch
            raise
        return len(batch)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        try:
            self.flush()
        except SQLAlchemyError:
            log.warning("check records could not be written at shutdown")

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.flush()
            except SQLAlchemyError:
                log.warning("check records not written yet; database unavailable")
