"""Compiled directory indexes, one per tenant, built off the request path.

At start-up every tenant's index is built before the service reports ready (`warm`). A change (the
tenant's version number moves, or a change notice arrives) queues a rebuild on one background thread,
so a rebuild of a large directory uses at most one core and never runs twice at once in a process;
checks keep using the previous index until the new one is swapped in. A directory small enough to
rebuild in milliseconds (up to 1,000 organizations) is waited for (at most a second), so an admin's edit
shows in the very next check; a large one never makes a check wait.

A large directory (above `PROCESS_BUILD_ORGS`) is not built in this process at all: the host's builder
process builds it once and every worker of the host reads the file it writes (app/checks/index_builder.py).
The previous index is then taken apart in small steps rather than freed in one go, which would hold the
GIL for a third of a second at 100,000 organizations. Its automaton goes first, before the new one is built
(building one peaks at twice its size): for that tenth of a second checks of the tenant wait for the new
index, and a check that was reading the old one when it went starts again on the new one.
"""

from __future__ import annotations

import functools
import gc
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, func
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from app.analysis.index import DirectoryIndex, build_index
from app.checks.exceptions import IndexUnavailable
from app.checks.index_builder import HostBuilder
from app.checks.index_store import dismantle
from app.checks.snapshot import load_snapshot
from app.directory.models import Organization
from app.learning.history import DocumentHistories
from app.memory import return_free_memory
from app.tenants.identity import TenantIdentity
from app.tenants.models import Tenant

log = logging.getLogger(__name__)

Builder = Callable[[Session, TenantIdentity], DirectoryIndex]
# A directory this small rebuilds in milliseconds: a check waits for it (bounded) and sees the change.
SMALL_DIRECTORY_ORGS = 1_000
SMALL_DIRECTORY_WAIT_SECONDS = 1.0


# The builder thread ends after this long without work (and starts again with the next change).
IDLE_THREAD_SECONDS = 60.0
# Above this many organizations the index is built by the host's builder process and shared as a file;
# below it a build takes a fraction of a second and runs on the builder thread.
PROCESS_BUILD_ORGS = 5_000
# How long a check waits for a swap that let go of the old automaton (building the next one takes ~0.1 s).
SWAP_WAIT_SECONDS = 2.0


def _open_gate() -> threading.Event:
    event = threading.Event()
    event.set()
    return event


@dataclass
class _Entry:
    index: DirectoryIndex | None = None
    build_seconds: float = 0.0
    # Set when the queued rebuild has finished (or failed); replaced when another one is queued.
    rebuilt: threading.Event = field(default_factory=threading.Event)
    queued: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    # Cleared from the moment a swap lets go of the index's automaton until the next index is in place.
    settled: threading.Event = field(default_factory=_open_gate)


class IndexCache:
    def __init__(
        self, engine: Engine | None = None, builder: Builder | None = None, index_dir: Path | None = None
    ) -> None:
        self._engine = engine
        self.host = HostBuilder(engine, index_dir) if engine is not None and index_dir is not None else None
        self._build = builder or self._build_from_database
        self._entries: dict[uuid.UUID, _Entry] = {}
        self._guard = threading.Lock()
        self._queue: queue.SimpleQueue[uuid.UUID | Callable[[], None] | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self.ready = threading.Event()
        self.builds = 0
        # Who received which document before (the latest learning job's), parsed once per job.
        self.documents = DocumentHistories()

    def _build_from_database(self, session: Session, tenant: TenantIdentity) -> DirectoryIndex:
        if self.host is not None and _organization_count(session, tenant.id) > PROCESS_BUILD_ORGS:
            try:
                return self.host.obtain(
                    tenant.id,
                    previous=self.current(tenant.id),
                    before_automaton=functools.partial(self._let_go_of_automaton, tenant.id),
                )
            except (BrokenProcessPool, OSError):
                log.exception("the index builder process failed; building tenant %s here", tenant.id)
        return build_index(load_snapshot(session, tenant))

    # --- the check path ----------------------------------------------------------------------------

    def get(self, session: Session, tenant: TenantIdentity) -> DirectoryIndex:
        entry = self._entry(tenant.id)
        if not entry.settled.is_set():
            entry.settled.wait(SWAP_WAIT_SECONDS)
        current = entry.index
        if current is None:
            return self._build_now(entry, session, tenant)
        if current.released:
            # The swap let go of the old automaton and could not build the new one: try again, say so meanwhile.
            self.refresh(tenant.id)
            raise IndexUnavailable
        if current.version >= tenant.version:
            return current
        rebuilt = self.refresh(tenant.id)
        if _waited_for(current):
            rebuilt.wait(SMALL_DIRECTORY_WAIT_SECONDS)
        return entry.index or current

    def current(self, tenant_id: uuid.UUID) -> DirectoryIndex | None:
        """The index checks would use now, without queueing anything."""
        entry = self._entries.get(tenant_id)
        return entry.index if entry is not None else None

    def answers_at_once(self, tenant: TenantIdentity) -> bool:
        """Whether `get` answers without building or waiting: the index is current, or it is large and checks
        keep using it while it rebuilds (an edit to a large directory must not send every check to a thread for
        the seconds its rebuild takes)."""
        entry = self._entries.get(tenant.id)
        index = entry.index if entry is not None and entry.settled.is_set() else None
        return index is not None and (index.version >= tenant.version or not _waited_for(index))

    def _build_now(self, entry: _Entry, session: Session, tenant: TenantIdentity) -> DirectoryIndex:
        """A tenant first seen after start-up (a new sign-up): nothing to fall back on, build it here."""
        with entry.lock:
            if entry.index is None:
                self._install(entry, session, tenant)
            assert entry.index is not None
            return entry.index

    # --- background builds -------------------------------------------------------------------------

    def refresh(self, tenant_id: uuid.UUID) -> threading.Event:
        """Queue a rebuild of the tenant's index (once, however often asked); the event is set when done."""
        entry = self._entry(tenant_id)
        with self._guard:
            if not entry.queued:
                entry.queued = True
                entry.rebuilt = threading.Event()
                self._queue.put(tenant_id)
            rebuilt = entry.rebuilt
        self._ensure_thread()
        return rebuilt

    def warm(self) -> None:
        """Queue every tenant's build; `ready` is set once they are all built."""
        if self._engine is None:
            self.ready.set()
            return
        try:
            with Session(self._engine) as session:
                tenant_ids = session.exec(select(col(Tenant.id))).all()
        except SQLAlchemyError:
            # No database yet (readiness says so); each tenant's index is built on its first check instead.
            log.warning("index warm-up skipped: the database is unreachable")
            self.ready.set()
            return
        for tenant_id in tenant_ids:
            self.refresh(tenant_id)
        self._queue.put(self.ready.set)
        self._ensure_thread()

    def close(self, timeout: float = 10.0) -> None:
        thread = self._thread
        if thread is not None:
            self._queue.put(None)
            thread.join(timeout)
        if self.host is not None:
            self.host.close()

    def _ensure_thread(self) -> None:
        with self._guard:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="index-builder", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                item = self._queue.get(timeout=IDLE_THREAD_SECONDS)
            except queue.Empty:
                with self._guard:  # `refresh` queues, then checks the thread under this lock
                    if self._queue.empty():
                        self._thread = None
                        return
                continue
            if item is None:
                return
            if callable(item):
                item()
                continue
            self._rebuild(item)

    def _rebuild(self, tenant_id: uuid.UUID) -> None:
        entry = self._entry(tenant_id)
        with self._guard:
            entry.queued = False  # a change arriving from now on needs another build
            rebuilt = entry.rebuilt
        previous = None
        try:
            if self._engine is None:
                return
            with Session(self._engine) as session:
                row = session.get(Tenant, tenant_id)
                if row is None:
                    return
                tenant = TenantIdentity.of(row)
                with entry.lock:
                    if entry.index is None or entry.index.released or entry.index.version < tenant.version:
                        previous = self._install(entry, session, tenant)
        except Exception:
            # The previous index keeps serving (unless its automaton was let go of already: then its checks are
            # answered 503 until a rebuild succeeds); the next change or stale check queues another try.
            log.exception("index rebuild failed for tenant %s", tenant_id)
        finally:
            rebuilt.set()
        if previous is not None and len(previous.orgs) > PROCESS_BUILD_ORGS and dismantle(previous, keep=entry.index):
            # The last reference: the automaton and the tables go now, then their pages go back to the
            # system (glibc keeps freed heap pages otherwise, and the worker's RSS stays at two indexes).
            del previous
            return_free_memory()

    def _install(self, entry: _Entry, session: Session, tenant: TenantIdentity) -> DirectoryIndex | None:
        """Build and swap in the tenant's index; returns the one it replaced."""
        started = time.perf_counter()
        try:
            index = self._build(session, tenant)
            previous, entry.index = entry.index, index  # one swap: checks see the old index or the new one
        finally:
            entry.settled.set()
        entry.build_seconds = time.perf_counter() - started
        log.info("index built: tenant %s, %d organizations, %.2f s", tenant.id, len(index.orgs), entry.build_seconds)
        self.builds += 1
        # The index is millions of long-lived objects: keep the cyclic GC from walking them on every
        # full collection, which would show up as latency spikes on the check path.
        gc.freeze()
        return previous

    def _let_go_of_automaton(self, tenant_id: uuid.UUID) -> None:
        """Called by the file reader just before it builds a new automaton: checks of the tenant wait from now
        until the swap, and the old automaton goes as soon as the scans running on it end."""
        entry = self._entry(tenant_id)
        if entry.index is not None:  # the first index of a tenant replaces none: nothing to wait for
            entry.settled.clear()
            entry.index.release_automaton()

    def _entry(self, tenant_id: uuid.UUID) -> _Entry:
        entry = self._entries.get(tenant_id)
        if entry is None:
            with self._guard:
                entry = self._entries.setdefault(tenant_id, _Entry())
        return entry


def _waited_for(index: DirectoryIndex) -> bool:
    """A stale index small enough to rebuild in milliseconds is waited for; a large one is answered from."""
    return len(index.orgs) <= SMALL_DIRECTORY_ORGS


def _organization_count(session: Session, tenant_id: uuid.UUID) -> int:
    query = select(func.count()).select_from(Organization).where(col(Organization.tenant_id) == tenant_id)
    return int(session.exec(query).one())
