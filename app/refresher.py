"""Reloading cache entries in the background: a request past an entry's TTL is answered from it meanwhile.

The identity and user-history caches are read by every check and reloaded every few seconds per user. With
300 users at a few checks a second, one check in six found an entry just expired and went to a thread and the
database; answering from the entry it has (seconds old, as every answer within the TTL is) and reloading it on
one background thread keeps those checks on the event loop. Each key is reloaded once at a time.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)

# Entries cached together (every active user in the first seconds after a start) would expire together, and
# their reloads would come as one burst every TTL: each entry lives between (1 - TTL_JITTER) and 1 times its TTL.
TTL_JITTER = 0.3


def spread(ttl: float, jitter: float = TTL_JITTER) -> float:
    return ttl * (1.0 - jitter * random.random())


class BackgroundRefresher:
    def __init__(self, name: str) -> None:
        self.name = name
        self._lock = threading.Lock()
        self._pending: dict[Hashable, Future[None]] = {}
        self._executor: ThreadPoolExecutor | None = None

    def submit(self, key: Hashable, job: Callable[[], None]) -> bool:
        """Run `job` on the background thread unless `key` is being reloaded already; whether it was queued."""
        with self._lock:
            if key in self._pending:
                return False
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.name)
            self._pending[key] = self._executor.submit(self._run, key, job)
            return True

    def wait_idle(self, timeout: float = 10.0) -> None:
        """Wait for the reloads queued so far (tests, before emptying the tables they read)."""
        with self._lock:
            pending = list(self._pending.values())
        for future in pending:
            future.exception(timeout)

    def _run(self, key: Hashable, job: Callable[[], None]) -> None:
        try:
            job()
        except Exception:
            # The entry stays as it was: the next request past its TTL queues another reload, and one past its
            # stale limit loads it itself (and meets the error as a request would).
            log.exception("%s: background reload failed", self.name)
        finally:
            with self._lock:
                self._pending.pop(key, None)
