"""Each keep-alive connection is asked to close with its `max_requests`-th response, so that the few busy
connections of a proxy or a front end spread over the workers instead of staying on the one that took them."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

from starlette.types import Message, Receive, Scope, Send

from app.connections import ConnectionRecycleMiddleware
from tests.live_server import serving


async def _ok(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok"})


def _closes(middleware: ConnectionRecycleMiddleware, client: tuple[str, int], kind: str = "http") -> bool:
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    async def receive() -> Message:
        return {"type": "http.request", "body": b""}

    scope = {"type": kind, "client": client, "server": ("127.0.0.1", 8000)}
    asyncio.run(middleware(scope, receive, send))
    headers = dict(sent[0]["headers"])
    assert headers[b"content-type"] == b"text/plain"  # the app's own headers are kept
    return headers.get(b"connection") == b"close"


def test_every_connection_is_closed_with_its_third_response_and_counted_apart() -> None:
    middleware = ConnectionRecycleMiddleware(_ok, max_requests=3)
    first, second = ("127.0.0.1", 50001), ("127.0.0.1", 50002)
    assert [_closes(middleware, first) for _ in range(2)] == [False, False]
    assert _closes(middleware, second) is False
    assert _closes(middleware, first) is True
    assert [_closes(middleware, first) for _ in range(3)] == [False, False, True]  # a reused port starts again
    assert [_closes(middleware, second) for _ in range(2)] == [False, True]


def test_zero_keeps_connections_open() -> None:
    middleware = ConnectionRecycleMiddleware(_ok, max_requests=0)
    assert not any(_closes(middleware, ("127.0.0.1", 50001)) for _ in range(5))


def _keep_alive_responses(base: str, count: int) -> tuple[list[bytes], bytes]:
    """`count` requests on one connection; each response's head, and what the server sends after the last."""
    host, port = base.removeprefix("http://").split(":")
    heads = []
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        reader = conn.makefile("rb")
        for _ in range(count):
            conn.sendall(f"GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            head = b"".join(iter(reader.readline, b"\r\n")).lower()
            length = int(head.split(b"content-length: ")[1].split(b"\r\n")[0])
            reader.read(length)
            heads.append(head)
        after = reader.read()  # b"" once the server has closed the connection
    return heads, after


def test_uvicorn_closes_the_connection_after_the_last_response(tmp_path: Path) -> None:
    with serving(f"sqlite:///{tmp_path / 'live.db'}", tmp_path / "server.log", CONNECTION_MAX_REQUESTS="3") as base:
        heads, after = _keep_alive_responses(base, 3)
    assert [b"connection: close" in head for head in heads] == [False, False, True]
    assert after == b""
