"""Request body limits, enforced before a handler reads the body: its size, and how many values its JSON holds."""

from __future__ import annotations

import json
import re

import anyio.to_thread
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import error_body


class BodyTooLarge(HTTPException):
    """An HTTPException so that FastAPI's body parsing passes it on instead of turning it into a 400."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"The request body is larger than {max_bytes} bytes.")


class BodySizeLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(send)
            return
        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge:
            if not response_started:
                await self._reject(send)

    async def _reject(self, send: Send) -> None:
        await _send_413(send, "payload_too_large", f"The request body is larger than {self.max_bytes} bytes.")


async def _send_413(send: Send, code: str, message: str) -> None:
    body = json.dumps(error_body(code, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


# A JSON string, unrolled so that long strings (mail bodies, base64 attachments) are skipped at C speed.
_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_STRUCTURE = (b"{", b"[", b",", b":")


def json_values_at_most(body: bytes) -> int:
    """An upper bound on the values (objects, arrays, strings, numbers, literals) in a JSON document.

    Every value but the first follows a `{`, `[`, `,` or `:`; counting those outside strings bounds them.
    """
    bound = _structure(body)
    if bound <= JsonShapeLimitMiddleware.FLOOR:
        return bound  # the usual request: few such characters at all, strings included
    return _structure(_JSON_STRING.sub(b'""', body))


def _structure(data: bytes) -> int:
    return sum(data.count(char) for char in _STRUCTURE) + 1


class JsonShapeLimitMiddleware:
    """Refuses JSON bodies with more values than their size warrants, before anything parses them.

    Parsed JSON costs 50-100 bytes per value whatever its text: 40 MB of `{},` would become a gigabyte of
    Python objects before any model could refuse the field holding them. Allowing one value per BYTES_PER_VALUE
    bytes (above a floor that covers the largest real drafts) keeps a parsed body within ~5x its size.
    """

    FLOOR = 100_000
    BYTES_PER_VALUE = 20

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not _is_json(scope):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)  # a disconnect: let the app see it
                return
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        del chunks
        allowed = max(self.FLOOR, len(body) // self.BYTES_PER_VALUE)
        # Counting scans the body a few times: a large one is counted off the event loop.
        if len(body) < self.FLOOR:
            values = json_values_at_most(body)
        else:
            values = await anyio.to_thread.run_sync(json_values_at_most, body)
        if values > allowed:
            await _send_413(send, "payload_too_complex", f"The JSON body holds more than {allowed} values.")
            return
        await self.app(scope, _replay([{"type": "http.request", "body": body, "more_body": False}], receive), send)


def _is_json(scope: Scope) -> bool:
    content_type = dict(scope.get("headers", [])).get(b"content-type", b"")
    return scope.get("method") in ("POST", "PUT", "PATCH") and b"json" in content_type.lower()


def _replay(messages: list[Message], then: Receive) -> Receive:
    """The messages already read, then the server's own receive (which waits for the client to leave)."""

    async def receive() -> Message:
        if messages:
            return messages.pop(0)
        return await then()

    return receive
