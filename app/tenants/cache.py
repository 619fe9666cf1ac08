"""Who a credential belongs to, remembered for a few seconds per process.

Every request needs its tenant and user; reading them from the database each time cost more than the
draft check itself. Entries live a few seconds, so another replica's change (a policy, a directory
edit) is seen that soon; this process's own changes drop the tenant's entries at once.
Entries are immutable values (never rows of some request's session), so one request's failure cannot
change what another request reads here.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable

from app.tenants.identity import TenantIdentity, UserIdentity

DEFAULT_TTL_SECONDS = 5.0
MAX_ENTRIES = 50_000

Identity = tuple[TenantIdentity, UserIdentity]


class IdentityCache:
    def __init__(self, ttl: float = DEFAULT_TTL_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._entries: dict[tuple[str, str], tuple[float, TenantIdentity, UserIdentity]] = {}
        self._lock = threading.Lock()

    def get(self, tenant_key: str, subject: str) -> Identity | None:
        entry = self._entries.get((tenant_key, subject))
        if entry is None or entry[0] < self.clock():
            return None
        return entry[1], entry[2]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def put(self, tenant_key: str, subject: str, tenant: TenantIdentity, user: UserIdentity) -> None:
        if not isinstance(tenant, TenantIdentity) or not isinstance(user, UserIdentity):
            raise TypeError("the identity cache holds TenantIdentity/UserIdentity values, not rows")
        with self._lock:
            if len(self._entries) >= MAX_ENTRIES:
                self._entries.clear()
            self._entries[(tenant_key, subject)] = (self.clock() + self.ttl, tenant, user)

    def forget_tenant(self, tenant_id: uuid.UUID) -> None:
        with self._lock:
            for key in [k for k, (_, tenant, _) in self._entries.items() if tenant.id == tenant_id]:
                del self._entries[key]


# One per process: the tenant version bump (any request of this process) must reach it.
identities = IdentityCache()
