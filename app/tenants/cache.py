"""Who a credential belongs to, remembered for a few seconds per process.

Every request needs its tenant and user; reading them from the database each time cost more than the
draft check itself. Entries live a few seconds, so another replica's change (a policy, a directory
edit) is seen that soon; this process's own changes drop the tenant's entries at once. An entry past its
TTL may still answer (`lookup` says it is stale) for up to `STALE_SECONDS` while it is reloaded in the
background (app/refresher.py); a reload that read the database before a tenant change is not kept.
Entries are immutable values (never rows of some request's session), so one request's failure cannot
change what another request reads here.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable

from app.refresher import TTL_JITTER, spread
from app.tenants.identity import TenantIdentity, UserIdentity

DEFAULT_TTL_SECONDS = 5.0
# How long past its TTL an entry may still answer while it is reloaded; older ones are loaded by the request.
STALE_SECONDS = 30.0
MAX_ENTRIES = 50_000

Identity = tuple[TenantIdentity, UserIdentity]


class IdentityCache:
    def __init__(
        self, ttl: float = DEFAULT_TTL_SECONDS, clock: Callable[[], float] = time.monotonic, jitter: float = TTL_JITTER
    ) -> None:
        self.ttl = ttl
        self.jitter = jitter
        self.clock = clock
        self._entries: dict[tuple[str, str], tuple[float, TenantIdentity, UserIdentity]] = {}
        self._lock = threading.Lock()
        # Moves whenever entries are dropped for a change: a load that began before must not be kept.
        self.generation = 0

    def get(self, tenant_key: str, subject: str) -> Identity | None:
        """The identity if it is within its TTL."""
        found = self.lookup(tenant_key, subject)
        return found[0] if found is not None and not found[1] else None

    def lookup(self, tenant_key: str, subject: str) -> tuple[Identity, bool] | None:
        """(identity, stale): stale once past its TTL, None once past `STALE_SECONDS` more."""
        entry = self._entries.get((tenant_key, subject))
        if entry is None:
            return None
        late = self.clock() - entry[0]
        if late > STALE_SECONDS:
            return None
        return (entry[1], entry[2]), late > 0

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()

    def put(
        self, tenant_key: str, subject: str, tenant: TenantIdentity, user: UserIdentity, generation: int | None = None
    ) -> None:
        """Remember an identity; with the `generation` read before loading it, only if nothing was dropped since."""
        if not isinstance(tenant, TenantIdentity) or not isinstance(user, UserIdentity):
            raise TypeError("the identity cache holds TenantIdentity/UserIdentity values, not rows")
        with self._lock:
            if generation is not None and generation != self.generation:
                return
            if len(self._entries) >= MAX_ENTRIES:
                self._entries.clear()
            self._entries[(tenant_key, subject)] = (self.clock() + spread(self.ttl, self.jitter), tenant, user)

    def drop(self, tenant_key: str, subject: str) -> None:
        with self._lock:
            self._entries.pop((tenant_key, subject), None)

    def forget_tenant(self, tenant_id: uuid.UUID) -> None:
        with self._lock:
            self.generation += 1
            for key in [k for k, (_, tenant, _) in self._entries.items() if tenant.id == tenant_id]:
                del self._entries[key]


# One per process: the tenant version bump (any request of this process) must reach it.
identities = IdentityCache()
