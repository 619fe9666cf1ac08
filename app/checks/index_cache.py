"""Compiled directory indexes, one per tenant, rebuilt when the tenant's version number moves.

The version lives in the database, so every replica notices a change on its next request for that
tenant. While one thread rebuilds, other requests for the tenant keep using the previous index rather
than queueing behind a multi-second build.
"""

from __future__ import annotations

import gc
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlmodel import Session

from app.analysis.index import DirectoryIndex, build_index
from app.checks.snapshot import load_snapshot
from app.tenants.identity import TenantIdentity


@dataclass
class _Entry:
    index: DirectoryIndex | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)


class IndexCache:
    def __init__(self, builder: Callable[[Session, TenantIdentity], DirectoryIndex] | None = None) -> None:
        self._entries: dict[uuid.UUID, _Entry] = {}
        self._guard = threading.Lock()
        self._build = builder or (lambda session, tenant: build_index(load_snapshot(session, tenant)))
        self.builds = 0

    def get(self, session: Session, tenant: TenantIdentity) -> DirectoryIndex:
        entry = self._entry(tenant.id)
        current = entry.index
        if current is not None and current.version >= tenant.version:
            return current
        if current is not None and not entry.lock.acquire(blocking=False):
            return current  # someone else is rebuilding; the previous index is good enough meanwhile
        if current is None:
            entry.lock.acquire()
        try:
            if entry.index is not None and entry.index.version >= tenant.version:
                return entry.index
            entry.index = self._build(session, tenant)
            self.builds += 1
            # The index is millions of long-lived objects: keep the cyclic GC from walking them on every
            # full collection, which would show up as latency spikes on the check path.
            gc.freeze()
            return entry.index
        finally:
            entry.lock.release()

    def _entry(self, tenant_id: uuid.UUID) -> _Entry:
        entry = self._entries.get(tenant_id)
        if entry is None:
            with self._guard:
                entry = self._entries.setdefault(tenant_id, _Entry())
        return entry
