"""Per-user token buckets for the expensive routes (draft checks, attachment scans).

With Redis (`REDIS_URL`) the buckets are shared: one script call per request takes a token atomically,
so a user's limit is exact across processes and replicas. Without it (or while Redis is unreachable)
each process keeps its own buckets: with N replicas a user gets up to N times the limit, which still
bounds a runaway client (an add-in stuck in a loop).
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

from app.auth.dependencies import AuthContext, CurrentUser
from app.errors import RateLimited

if TYPE_CHECKING:  # redis is imported only when REDIS_URL is set (14 MB per worker otherwise)
    import redis.asyncio as aredis

log = logging.getLogger(__name__)


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

    async def take_async(self, key: str) -> float:
        return self.take(key)


# KEYS[1]: the bucket; ARGV: capacity, tokens per second. Redis's clock, so replicas' clocks never matter.
_TAKE_SCRIPT = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1]) or capacity
local updated = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - updated) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = (1 - tokens) / rate end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 1)
return tostring(wait)
"""


class RedisRateLimiter:
    """The same token bucket, kept in Redis; falls back to this process's buckets if Redis fails."""

    def __init__(self, client: aredis.Redis, name: str, per_minute: int, prefix: str) -> None:
        from redis.exceptions import RedisError  # loaded with the client given: once here, not on every check

        self.capacity = float(per_minute)
        self.refill_per_second = per_minute / 60.0
        self._prefix = f"{prefix}rate:{name}:"
        self._script = client.register_script(_TAKE_SCRIPT)
        self._fallback = RateLimiter(per_minute)
        self._unreachable = (RedisError, OSError)

    async def take_async(self, key: str) -> float:
        try:
            wait = await self._script(keys=[self._prefix + key], args=[self.capacity, self.refill_per_second])
        except self._unreachable:
            log.warning("rate limit: Redis unreachable, limiting per process")
            return self._fallback.take(key)
        return float(wait)


Limiter = RateLimiter | RedisRateLimiter


def _limit(name: str) -> Callable[[Request, AuthContext], Awaitable[AuthContext]]:
    async def dependency(request: Request, auth: CurrentUser) -> AuthContext:
        limiter: Limiter = request.app.state.rate_limiters[name]
        wait = await limiter.take_async(f"{auth.tenant.id}:{auth.user.id}")
        if wait:
            seconds = max(1, math.ceil(wait))
            raise RateLimited(details={"retry_after_seconds": seconds}, headers={"Retry-After": str(seconds)})
        return auth

    return dependency


CheckRateLimited = Annotated[AuthContext, Depends(_limit("check"))]
ScanRateLimited = Annotated[AuthContext, Depends(_limit("scan"))]
