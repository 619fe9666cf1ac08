"""Change notices: a tenant's directory or policy changed, so caches of it must be refreshed.

A commit that bumped a tenant's version tells this process's listeners at once (the index cache queues
a rebuild). With Redis (`REDIS_URL`) the notice is also published, and every other replica's listener
task hears it within milliseconds, rather than on its next request after its identity cache expires.
Without Redis each process learns of another's change from the version number on its next request.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import uuid
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Engine

if TYPE_CHECKING:  # redis is imported only when REDIS_URL is set (14 MB per worker otherwise)
    import redis

log = logging.getLogger(__name__)

Listener = Callable[[uuid.UUID], object]


class ChangeNotices:
    def __init__(self, redis_url: str = "", prefix: str = "sendguard:") -> None:
        self.origin = uuid.uuid4().hex  # this app instance: its own notices come back and are skipped
        self.channel = f"{prefix}tenant-changes"
        self._redis_url = redis_url
        self._publisher = _publisher(redis_url) if redis_url else None
        self._listeners: list[Listener] = []
        self.received = 0

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def tenant_changed(self, tenant_id: uuid.UUID) -> None:
        """Called after the commit that changed the tenant (from whichever thread committed)."""
        self._notify(tenant_id)
        if self._publisher is not None:
            from redis import RedisError  # loaded with the publisher

            try:
                self._publisher.publish(self.channel, json.dumps({"tenant": str(tenant_id), "origin": self.origin}))
            except RedisError:
                # The change is committed; other replicas see it by version number on their next request.
                log.warning("could not publish a change notice for tenant %s", tenant_id)

    def _notify(self, tenant_id: uuid.UUID) -> None:
        for listener in self._listeners:
            try:
                listener(tenant_id)
            except Exception:
                log.exception("change listener failed for tenant %s", tenant_id)

    async def listen(self, stop: asyncio.Event) -> None:
        """Relay other replicas' notices to this process's listeners until `stop` (reconnects on errors)."""
        if not self._redis_url:
            return
        from redis import RedisError

        while not stop.is_set():
            try:
                await self._listen_once(stop)
            except (RedisError, OSError):
                log.warning("change notices: Redis unreachable, retrying")
                await _sleep_or_stop(stop, 1.0)

    async def _listen_once(self, stop: asyncio.Event) -> None:
        import redis.asyncio as aredis

        client = aredis.Redis.from_url(self._redis_url)
        try:
            async with client.pubsub(ignore_subscribe_messages=True) as pubsub:
                await pubsub.subscribe(self.channel)
                while not stop.is_set():
                    message = await pubsub.get_message(timeout=0.2)
                    if message is not None:
                        self._handle(message.get("data"))
        finally:
            await client.aclose()

    def _handle(self, data: object) -> None:
        try:
            notice = json.loads(data)  # type: ignore[arg-type]
            tenant_id = uuid.UUID(notice["tenant"])
        except (TypeError, ValueError, KeyError):
            return
        if notice.get("origin") == self.origin:
            return
        self.received += 1
        self._notify(tenant_id)

    def close(self) -> None:
        if self._publisher is not None:
            self._publisher.close()


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


# Which notices a database's commits go to: sessions know their engine, not their app.
_by_engine: weakref.WeakKeyDictionary[Engine, ChangeNotices] = weakref.WeakKeyDictionary()


def register(engine: Engine, notices: ChangeNotices) -> None:
    _by_engine[engine] = notices


def notices_for(bind: object) -> ChangeNotices | None:
    engine = getattr(bind, "engine", bind)
    return _by_engine.get(engine) if isinstance(engine, Engine) else None


def _publisher(redis_url: str) -> redis.Redis:
    import redis

    return redis.Redis.from_url(redis_url, socket_timeout=1.0)
