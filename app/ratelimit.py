"""Per-user token buckets for the expensive routes (draft checks, attachment scans).

In memory, per process: with several replicas each enforces its own share. That bounds a runaway
client (an add-in stuck in a loop) without a shared store on the check path.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from app.auth.dependencies import AuthContext, CurrentUser
from app.errors import RateLimited


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.capacity = float(per_minute)
        self.refill_per_second = per_minute / 60.0
        self.clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, key: str) -> float:
        """Take one token; returns 0 when allowed, else the seconds until one is available."""
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(self.capacity, now)
            bucket.tokens = min(self.capacity, bucket.tokens + (now - bucket.updated) * self.refill_per_second)
            bucket.updated = now
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0.0
            return (1 - bucket.tokens) / self.refill_per_second


def _limit(name: str) -> Callable[[Request, AuthContext], Awaitable[AuthContext]]:
    async def dependency(request: Request, auth: CurrentUser) -> AuthContext:
        limiter: RateLimiter = request.app.state.rate_limiters[name]
        wait = limiter.take(f"{auth.tenant.id}:{auth.user.id}")
        if wait:
            seconds = max(1, math.ceil(wait))
            raise RateLimited(details={"retry_after_seconds": seconds}, headers={"Retry-After": str(seconds)})
        return auth

    return dependency


CheckRateLimited = Annotated[AuthContext, Depends(_limit("check"))]
ScanRateLimited = Annotated[AuthContext, Depends(_limit("scan"))]
