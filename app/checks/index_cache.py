"""Compiled directory indexes, one per tenant, built off the request path.

At start-up every tenant's index is built before the service reports ready (`warm`). A change (the
tenant's version number moves, or a change notice arrives) queues a rebuild on one background thread,
so a rebuild of a large directory uses at most one core and never runs twice at once in a process;
checks keep using the previous index until the new one is swapped in. A directory small enough to
rebuild in milliseconds (up to 1,000 organizations) is waited for, so an admin's edit shows in the very
next check; a large one never makes a check wait.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import queue
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import ahocorasick
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, col, select

from app.analysis.index import DirectoryIndex, build_index, compile_automaton
from app.checks.snapshot import load_snapshot
from app.learning.history import DocumentHistories
from app.tenants.identity import TenantIdentity
from app.tenants.models import Tenant

log = logging.getLogger(__name__)

Builder = Callable[[Session, TenantIdentity], DirectoryIndex]
# A directory this small rebuilds in milliseconds: a check waits for it (bounded) and sees the change.
SMALL_DIRECTORY_ORGS = 1_000
SMALL_DIRECTORY_WAIT_SECONDS = 5.0


# The builder thread ends after this long without work (and starts again with the next change).
IDLE_THREAD_SECONDS = 60.0
# Above this many keys (about 10,000 organizations) the automaton is compiled in a helper process.
PROCESS_COMPILE_KEYS = 40_000


class AutomatonCompiler:
    """Compiles large automatons in one helper process, so the GIL is not held for seconds.

    Compiling 100,000 organizations' automaton holds the GIL for about 2 s, which would stall every
    check of this worker; the helper compiles it and sends it back pickled (unpickling takes ~0.1 s).
    The builder thread waits for it meanwhile, so a rebuild still uses at most one core.
    """

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self.compiled_in_helper = 0

    def __call__(self, keys: list[str]) -> ahocorasick.Automaton:
        if len(keys) < PROCESS_COMPILE_KEYS:
            return compile_automaton(keys)
        try:
            automaton = self._executor().submit(compile_automaton, keys).result()
        except (BrokenProcessPool, OSError):
            log.warning("automaton helper process failed; compiling in this process")
            self.close()
            return compile_automaton(keys)
        self.compiled_in_helper += 1
        return automaton

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn: a fresh interpreter, never a fork of this multi-threaded server process; one task
                # per helper, so the memory of a compile is returned as soon as it is done.
                self._pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"), max_tasks_per_child=1
                )
            return self._pool

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None


@dataclass
class _Entry:
    index: DirectoryIndex | None = None
    build_seconds: float = 0.0
    # Set when the queued rebuild has finished (or failed); replaced when another one is queued.
    rebuilt: threading.Event = field(default_factory=threading.Event)
    queued: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)


class IndexCache:
    def __init__(self, engine: Engine | None = None, builder: Builder | None = None) -> None:
        self._engine = engine
        self._compiler = AutomatonCompiler()
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
        return build_index(load_snapshot(session, tenant), self._compiler)

    # --- the check path ----------------------------------------------------------------------------

    def get(self, session: Session, tenant: TenantIdentity) -> DirectoryIndex:
        entry = self._entry(tenant.id)
        current = entry.index
        if current is None:
            return self._build_now(entry, session, tenant)
        if current.version >= tenant.version:
            return current
        rebuilt = self.refresh(tenant.id)
        if len(current.orgs) <= SMALL_DIRECTORY_ORGS:
            rebuilt.wait(SMALL_DIRECTORY_WAIT_SECONDS)
        return entry.index or current

    def current(self, tenant_id: uuid.UUID) -> DirectoryIndex | None:
        """The index checks would use now, without queueing anything."""
        entry = self._entries.get(tenant_id)
        return entry.index if entry is not None else None

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
        self._compiler.close()

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
        try:
            if self._engine is None:
                return
            with Session(self._engine) as session:
                row = session.get(Tenant, tenant_id)
                if row is None:
                    return
                tenant = TenantIdentity.of(row)
                with entry.lock:
                    if entry.index is None or entry.index.version < tenant.version:
                        self._install(entry, session, tenant)
        except Exception:
            # The previous index keeps serving; the next change or stale check queues another try.
            log.exception("index rebuild failed for tenant %s", tenant_id)
        finally:
            rebuilt.set()

    def _install(self, entry: _Entry, session: Session, tenant: TenantIdentity) -> None:
        started = time.perf_counter()
        index = self._build(session, tenant)
        entry.build_seconds = time.perf_counter() - started
        log.info("index built: tenant %s, %d organizations, %.2f s", tenant.id, len(index.orgs), entry.build_seconds)
        entry.index = index  # one reference swap: checks see the old index or the new one, never a mix
        self.builds += 1
        # The index is millions of long-lived objects: keep the cyclic GC from walking them on every
        # full collection, which would show up as latency spikes on the check path.
        gc.freeze()

    def _entry(self, tenant_id: uuid.UUID) -> _Entry:
        entry = self._entries.get(tenant_id)
        if entry is None:
            with self._guard:
                entry = self._entries.setdefault(tenant_id, _Entry())
        return entry
