"""Per-user memory of dismissals and past correspondents, kept in process for a few seconds.

Both are read on every check; both change rarely (a dismissal, a first mail to someone). Changes made
by this process update the cache at once; another replica's changes show within the TTL.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlmodel import Session

from app.checks import repository
from app.common import utcnow

DEFAULT_TTL_SECONDS = 10.0
# The longest `suppress_dismissed_days` a policy may set.
DISMISSAL_HORIZON = timedelta(days=365)
MAX_USERS = 20_000


@dataclass
class UserHistory:
    loaded_at: float
    # (code, recipient hash, evidence hash) -> when it was dismissed
    dismissed: dict[tuple[str, str, str], datetime] = field(default_factory=dict)
    correspondents: set[str] = field(default_factory=set)


class HistoryCache:
    def __init__(self, ttl: float = DEFAULT_TTL_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._users: dict[uuid.UUID, UserHistory] = {}
        self._lock = threading.Lock()

    def get(self, session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID) -> UserHistory:
        history = self._users.get(user_id)
        if history is None or history.loaded_at + self.ttl < self.clock():
            history = UserHistory(
                loaded_at=self.clock(),
                # Every dismissal a policy could still honour; callers filter by their policy's window.
                dismissed=repository.dismissals_since(session, tenant_id, user_id, utcnow() - DISMISSAL_HORIZON),
                correspondents=repository.correspondent_hashes(session, tenant_id, user_id),
            )
            with self._lock:
                if len(self._users) >= MAX_USERS:
                    self._users.clear()
                self._users[user_id] = history
        return history

    def clear(self) -> None:
        with self._lock:
            self._users.clear()

    def add_correspondents(self, user_id: uuid.UUID, hashes: set[str]) -> None:
        """This process just stored them: keep the cached history (a third of checks are sends)."""
        with self._lock:
            history = self._users.get(user_id)
            if history is not None:
                history.correspondents = history.correspondents | hashes

    def forget(self, user_id: uuid.UUID) -> None:
        with self._lock:
            self._users.pop(user_id, None)


# One per process, like the identity cache: every request of this process updates the same memory.
user_history = HistoryCache()
