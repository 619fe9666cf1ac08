"""Per-user memory of dismissals and past correspondents, kept in process for a few seconds.

Both are read on every check; both change rarely (a dismissal, a first mail to someone). Changes made
by this process update the cache at once; another replica's changes show within the TTL. A history past
its TTL still answers (for up to `STALE_SECONDS` more) while one background thread reloads it, so the check
stays on the event loop (app/refresher.py).
"""

from __future__ import annotations

import functools
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlmodel import Session

from app.checks import repository
from app.common import utcnow
from app.refresher import TTL_JITTER, BackgroundRefresher, spread

DEFAULT_TTL_SECONDS = 10.0
STALE_SECONDS = 30.0
# The longest `suppress_dismissed_days` a policy may set.
DISMISSAL_HORIZON = timedelta(days=365)
MAX_USERS = 20_000


@dataclass
class UserHistory:
    user_id: uuid.UUID
    loaded_at: float
    ttl: float = DEFAULT_TTL_SECONDS
    # (code, recipient hash, evidence hash) -> when it was dismissed
    dismissed: dict[tuple[str, str, str], datetime] = field(default_factory=dict)
    correspondents: set[str] = field(default_factory=set)


class HistoryCache:
    def __init__(
        self, ttl: float = DEFAULT_TTL_SECONDS, clock: Callable[[], float] = time.monotonic, jitter: float = TTL_JITTER
    ) -> None:
        self.ttl = ttl
        self.jitter = jitter
        self.clock = clock
        self._users: dict[uuid.UUID, UserHistory] = {}
        self._lock = threading.Lock()
        self.reloads = BackgroundRefresher("history-reload")

    def get(self, session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID) -> UserHistory:
        history = self._users.get(user_id)
        late = self.clock() - history.loaded_at - history.ttl if history is not None else 0.0
        if history is not None and 0 < late <= STALE_SECONDS and self._reload_later(session, tenant_id, history):
            return history
        if history is None or late > 0:
            history = self._load(session, tenant_id, user_id)
            self._keep(user_id, history)
        return history

    def _reload_later(self, session: Session, tenant_id: uuid.UUID, stale: UserHistory) -> bool:
        """Queue a background reload of a stale history; False if the session's connection is its own (a test's
        transaction: no other thread may use it)."""
        bind = session.get_bind()
        if not isinstance(bind, Engine):
            return False
        self.reloads.submit(stale.user_id, functools.partial(self._reload, bind, tenant_id, stale))
        return True

    def _load(self, session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID) -> UserHistory:
        return UserHistory(
            user_id=user_id,
            loaded_at=self.clock(),
            ttl=spread(self.ttl, self.jitter),
            # Every dismissal a policy could still honour; callers filter by their policy's window.
            dismissed=repository.dismissals_since(session, tenant_id, user_id, utcnow() - DISMISSAL_HORIZON),
            correspondents=repository.correspondent_hashes(session, tenant_id, user_id),
        )

    def _keep(self, user_id: uuid.UUID, history: UserHistory) -> None:
        with self._lock:
            if len(self._users) >= MAX_USERS:
                self._users.clear()
            self._users[user_id] = history

    def _reload(self, engine: Engine, tenant_id: uuid.UUID, stale: UserHistory) -> None:
        user_id = stale.user_id
        with Session(engine) as session:
            history = self._load(session, tenant_id, user_id)
        with self._lock:
            if self._users.get(user_id) is not stale:
                return  # forgotten (a dismissal, an erasure) or loaded again meanwhile
            # Correspondents are only ever added: what this process stored while the reload read (and it may not
            # have seen) is kept. Dropping the reload instead left an active sender's history stale, reloaded
            # again and again, for as long as each reload met a first mail to someone.
            history.correspondents |= stale.correspondents
            self._users[user_id] = history

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
