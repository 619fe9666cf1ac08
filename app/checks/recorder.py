"""Writing what a check leaves behind in batches, off the request path.

A check writes three kinds of rows: its record (codes, counts, timing), the scan of each attachment it read
(so a send-time check can refer to the file by hash) and the external addresses a send wrote to for the first
time. None of them is a user's decision, and writing them in the request made every check that wrote queue on
the database's write lock (SQLite's is one per database, PostgreSQL's per row and index page) while it held
its own transaction open across the engine: under load those waits were the slowest checks. So they are
queued in memory and written every `interval` seconds in one transaction; a crash loses at most that
moment's rows, never a user's decision (outcomes and dismissals are written synchronously). Until then this
process answers from the queue (`pending_scans`; the history cache holds the new correspondents).

A batch that fails is kept for the next round. It may have been written all the same (the database committed and
its answer was lost on the way), so every statement skips rows already stored: one such batch must not fail
every round after it, holding every newer row in memory. A row the database refuses for what it is (its user
was erased meanwhile) is dropped alone, so it cannot hold back the others either.
"""

from __future__ import annotations

import logging
import threading
import uuid
from typing import Any

from sqlalchemy import Connection, Engine, Insert, Table, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from app.checks.models import AttachmentScan, CheckRecord, Correspondent

log = logging.getLogger(__name__)

# One statement compiled once; rows are plain dicts (building ORM objects cost more than the check).
INSERT_RECORD = insert(CheckRecord)
_DIALECTS = {"postgresql": postgresql, "sqlite": sqlite}
# What a new scan of known bytes changes (the index may have changed since).
RESCANNED = ("doc_class", "organization_ids", "language", "truncated", "index_version")
_SCAN_KEY = ("tenant_id", "sha256")

Row = dict[str, Any]


def insert_skipping_stored(dialect_name: str, table: Table, keys: tuple[str, ...] | None = None) -> Insert:
    """INSERT ... ON CONFLICT DO NOTHING (on `keys`, or any unique constraint), in the engine's own words."""
    statement = _DIALECTS[dialect_name].insert(table)
    return statement.on_conflict_do_nothing(index_elements=list(keys) if keys else None)


def upsert_scan(dialect_name: str) -> Insert:
    """INSERT a scan, or update the row an earlier (or concurrent) scan of the same bytes saved."""
    table: Table = AttachmentScan.__table__  # type: ignore[attr-defined]
    statement = _DIALECTS[dialect_name].insert(table)
    return statement.on_conflict_do_update(
        index_elements=list(_SCAN_KEY), set_={name: statement.excluded[name] for name in RESCANNED}
    )


def scan_row(scan: AttachmentScan) -> Row:
    table: Table = AttachmentScan.__table__  # type: ignore[attr-defined]
    return {column.name: getattr(scan, column.name) for column in table.columns}


class CheckRecorder:
    def __init__(self, engine: Engine, interval: float) -> None:
        self.engine = engine
        self.interval = interval
        dialect = engine.dialect.name
        records: Table = CheckRecord.__table__  # type: ignore[attr-defined]
        correspondents: Table = Correspondent.__table__  # type: ignore[attr-defined]
        # Scans first: a record never refers to them, but a reader of a record may look for its files' scans.
        self._statements = (
            ("scans", upsert_scan(dialect)),
            ("correspondents", insert_skipping_stored(dialect, correspondents)),
            ("records", insert_skipping_stored(dialect, records, ("id",))),
        )
        self._pending: dict[str, list[Row]] = {"scans": [], "correspondents": [], "records": []}
        # (tenant id, sha256) -> the newest queued scan of those bytes, for this process's next checks.
        self._scans: dict[tuple[uuid.UUID, str], AttachmentScan] = {}
        self._lock = threading.Lock()
        self._flushing = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="check-recorder", daemon=True)
            self._thread.start()

    # --- queueing (the request path) -------------------------------------------------------------

    def add(self, record: Row) -> None:
        with self._lock:
            self._pending["records"].append(record)

    def add_scan(self, scan: AttachmentScan) -> None:
        row = scan_row(scan)
        with self._lock:
            self._pending["scans"].append(row)
            self._scans[(scan.tenant_id, scan.sha256)] = scan

    def add_correspondents(self, tenant_id: uuid.UUID, user_id: uuid.UUID, rows: list[Row]) -> None:
        if any(row["tenant_id"] != tenant_id or row["user_id"] != user_id for row in rows):
            raise ValueError("correspondent rows of another user")
        with self._lock:
            self._pending["correspondents"].extend(rows)

    def is_pending(self, check_id: object) -> bool:
        with self._lock:
            return any(r["id"] == check_id for r in self._pending["records"])

    def pending_scans(self, tenant_id: uuid.UUID, hashes: list[str]) -> dict[str, AttachmentScan]:
        """Scans of this tenant's files queued but not written yet, by sha256."""
        if not hashes:
            return {}
        with self._lock:
            found = {h: self._scans.get((tenant_id, h)) for h in hashes}
        return {h: scan for h, scan in found.items() if scan is not None}

    # --- writing (the background thread, an outcome, the shutdown) -------------------------------

    def flush(self) -> int:
        """Write everything queued in one transaction; returns how many rows were written (or found stored)."""
        with self._flushing:  # one batch at a time, so a retried batch never overtakes a newer one
            with self._lock:
                batch = {kind: rows for kind, rows in self._pending.items() if rows}
                self._pending = {kind: [] for kind in self._pending}
            if not batch:
                return 0
            try:
                written = self._write(batch)
            except SQLAlchemyError:
                # The database is away for a moment: keep the rows, ahead of those queued meanwhile.
                with self._lock:
                    for kind, rows in batch.items():
                        self._pending[kind][:0] = rows
                raise
            self._forget_written_scans(batch.get("scans", []))
            return written

    def _write(self, batch: dict[str, list[Row]]) -> int:
        try:
            with self.engine.begin() as conn:
                self._execute(conn, batch)
        except IntegrityError:
            return self._write_one_by_one(batch)
        return sum(len(rows) for rows in batch.values())

    def _execute(self, conn: Connection, batch: dict[str, list[Row]]) -> None:
        for kind, statement in self._statements:
            if batch.get(kind):
                conn.execute(statement, batch[kind])

    def _write_one_by_one(self, batch: dict[str, list[Row]]) -> int:
        """Some row was refused (its user or tenant is gone): write the others, drop that one."""
        written = dropped = 0
        for kind, statement in self._statements:
            for row in batch.get(kind, []):
                try:
                    with self.engine.begin() as conn:
                        conn.execute(statement, [row])
                    written += 1
                except IntegrityError:
                    dropped += 1
        log.warning("%d queued check rows refused by the database and dropped", dropped)
        return written

    def _forget_written_scans(self, rows: list[Row]) -> None:
        with self._lock:
            queued = {(row["tenant_id"], row["sha256"]) for row in self._pending["scans"]}
            for row in rows:
                key = (row["tenant_id"], row["sha256"])
                if key not in queued:
                    self._scans.pop(key, None)

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
