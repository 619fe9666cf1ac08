"""Keep-alive connections are closed after a number of requests, so that the workers of a host share the clients.

uvicorn's workers accept from one listening socket, and a keep-alive connection stays with the worker that took
it. A few busy connections (a proxy, the add-on platforms' front ends, a load test) can all sit on one worker while
the other idles: 16 connections on 2 workers were seen split 16/0, 10/6 and 8/8 from one run to the next. As
nginx does (`keepalive_requests`), each connection is asked to close with its `max_requests`-th response; the client
reconnects at once, and the worker that is free to accept takes it.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Connections counted at once per worker; beyond that the counts start again (a count only ever ends early).
MAX_TRACKED = 50_000


class ConnectionRecycleMiddleware:
    def __init__(self, app: ASGIApp, max_requests: int) -> None:
        self.app = app
        self.max_requests = max_requests
        self._counts: dict[tuple[object, ...], int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        if scope["type"] != "http" or not client or self.max_requests <= 0:
            await self.app(scope, receive, send)
            return
        key = (*client, *(scope.get("server") or ()))  # one open connection of this worker
        served = self._counts.pop(key, 0) + 1
        if served < self.max_requests:
            if len(self._counts) >= MAX_TRACKED:
                self._counts.clear()
            self._counts[key] = served
            await self.app(scope, receive, send)
            return

        async def send_and_close(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", ()), (b"connection", b"close")]}
            await send(message)

        await self.app(scope, receive, send_and_close)
