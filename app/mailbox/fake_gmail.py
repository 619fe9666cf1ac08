"""A small fake of the Gmail API (the subset in gmail_discovery.json), for tests and local runs.

Same paths and parameters as the real API, so the real google-api-python-client talks HTTP to it. Messages and
drafts are stored as raw RFC 2822 bytes; ``format=full`` answers are parsed from them the way Gmail does
(MIME tree, base64url bodies, large parts behind an ``attachmentId``).

    fake = FakeGmail()
    fake.add_user("alex@acme-trade.example", token="user-token")
    uvicorn.run(fake.app, ...)
"""

from __future__ import annotations

import asyncio
import base64
import collections
import email
import email.policy
import itertools
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.utils import getaddresses, make_msgid
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse

# Parts larger than this are served through messages.attachments.get, as Gmail does with attachments.
INLINE_LIMIT = 1024


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def _unb64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


@dataclass
class StoredMessage:
    id: str
    thread_id: str
    raw: bytes
    labels: list[str]
    attachments: dict[str, bytes] = field(default_factory=dict)

    def parsed(self) -> Message:
        return email.message_from_bytes(self.raw, policy=email.policy.default)


@dataclass
class _Mailbox:
    messages: dict[str, StoredMessage] = field(default_factory=dict)
    drafts: dict[str, str] = field(default_factory=dict)  # draft id -> message id


class _ApiError(Exception):
    def __init__(self, status: int, message: str, reason: str) -> None:
        super().__init__(message)
        self.status, self.message, self.reason = status, message, reason


class FakeGmail:
    def __init__(self) -> None:
        self._users: dict[str, _Mailbox] = {}
        self._tokens: dict[str, str] = {}  # token -> user email
        self._ids = itertools.count(0x18F000)
        self._lock = threading.Lock()
        self.requests: list[dict[str, Any]] = []  # method, path, query, message token header (tests assert on it)
        self.forbidden_tokens: set[str] = set()  # answer 403 (scope not granted)
        self.fail_status: int | None = None  # answer every call with this status (e.g. 503)
        # drafts.send calls per draft id; a send takes `send_delay` seconds and completes even if the caller gave up.
        self.send_calls: collections.Counter[str] = collections.Counter()
        self.send_delay = 0.0
        self.app = self._build_app()

    # --- test set-up ---------------------------------------------------------------------------

    def add_user(self, user_email: str, token: str) -> None:
        with self._lock:
            self._users.setdefault(user_email.lower(), _Mailbox())
            self._tokens[token] = user_email.lower()

    def _next_id(self) -> str:
        return format(next(self._ids), "x")

    def put_message(self, user_email: str, raw: bytes, labels: tuple[str, ...] = ("SENT",)) -> str:
        box = self._users.setdefault(user_email.lower(), _Mailbox())
        message_id = self._next_id()
        box.messages[message_id] = StoredMessage(message_id, message_id, raw, list(labels))
        return message_id

    def raw_draft(self, user_email: str, draft_id: str) -> bytes:
        box = self._users[user_email.lower()]
        return box.messages[box.drafts[draft_id]].raw

    def drafts_of(self, user_email: str) -> dict[str, bytes]:
        box = self._users[user_email.lower()]
        return {d: box.messages[m].raw for d, m in box.drafts.items()}

    # --- the API ------------------------------------------------------------------------------

    def _box(self, request: Request, user_id: str) -> _Mailbox:
        if self.fail_status:
            raise _ApiError(self.fail_status, "Backend Error", "backendError")
        auth = request.headers.get("authorization", "")
        token = auth[7:] if auth.lower().startswith("bearer ") else ""
        owner = self._tokens.get(token)
        if owner is None:
            raise _ApiError(401, "Request had invalid authentication credentials.", "authError")
        if token in self.forbidden_tokens:
            raise _ApiError(403, "Request had insufficient authentication scopes.", "insufficientPermissions")
        if user_id not in ("me", owner):
            raise _ApiError(403, "Delegation denied.", "forbidden")
        self.requests.append(
            {
                "method": request.method,
                "path": request.url.path,
                "query": dict(request.query_params),
                "message_token": request.headers.get("x-goog-gmail-access-token"),
            }
        )
        return self._users[owner]

    @staticmethod
    def _message(box: _Mailbox, message_id: str) -> StoredMessage:
        stored = box.messages.get(message_id)
        if stored is None:
            raise _ApiError(404, "Requested entity was not found.", "notFound")
        return stored

    def _resource(self, stored: StoredMessage, fmt: str, metadata_headers: list[str] | None = None) -> dict[str, Any]:
        result: dict[str, Any] = {"id": stored.id, "threadId": stored.thread_id, "labelIds": stored.labels}
        if fmt == "minimal":
            return result
        if fmt == "raw":
            return {**result, "raw": _b64(stored.raw)}
        parsed = stored.parsed()
        if fmt == "metadata":
            wanted = {h.lower() for h in metadata_headers or []}
            headers = [{"name": k, "value": str(v)} for k, v in parsed.items() if not wanted or k.lower() in wanted]
            return {**result, "payload": {"mimeType": parsed.get_content_type(), "headers": headers}}
        counter = itertools.count()
        return {**result, "payload": self._part(stored, parsed, "", counter), "sizeEstimate": len(stored.raw)}

    def _part(self, stored: StoredMessage, part: Message, part_id: str, counter: Any) -> dict[str, Any]:
        resource: dict[str, Any] = {
            "partId": part_id,
            "mimeType": part.get_content_type(),
            "filename": part.get_filename() or "",
            "headers": [{"name": k, "value": str(v)} for k, v in part.items()],
        }
        if part.is_multipart():
            children = part.get_payload()
            assert isinstance(children, list)
            resource["body"] = {"size": 0}
            resource["parts"] = [
                self._part(stored, child, f"{part_id}.{i}" if part_id else str(i), counter)
                for i, child in enumerate(children)
            ]
            return resource
        data = part.get_payload(decode=True)
        data = data if isinstance(data, bytes) else b""
        if resource["filename"] and len(data) > INLINE_LIMIT:
            attachment_id = f"ANGjdJ{stored.id}x{next(counter)}"
            stored.attachments[attachment_id] = data
            resource["body"] = {"attachmentId": attachment_id, "size": len(data)}
        else:
            resource["body"] = {"size": len(data), "data": _b64(data)}
        return resource

    def _search(self, box: _Mailbox, q: str | None, label: str | None = None) -> list[StoredMessage]:
        found = [m for m in box.messages.values() if label is None or label in m.labels]
        for term in (q or "").split():
            key, _, value = term.partition(":")
            key, value = key.lower(), value.strip().lower()
            if key == "in" and value == "sent":
                found = [m for m in found if "SENT" in m.labels]
            elif key == "to":
                found = [m for m in found if value in _recipients(m.parsed())]
            elif key == "rfc822msgid":
                found = [
                    m for m in found if str(m.parsed().get("Message-ID", "")).strip("<> ").lower() == value.strip("<>")
                ]
        return found

    def _build_app(self) -> FastAPI:
        api = FastAPI(title="Fake Gmail API")

        @api.exception_handler(_ApiError)
        async def _error(_: Request, exc: _ApiError) -> JSONResponse:
            status_names = {401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND", 400: "INVALID_ARGUMENT"}
            return JSONResponse(
                {
                    "error": {
                        "code": exc.status,
                        "message": exc.message,
                        "errors": [{"message": exc.message, "domain": "global", "reason": exc.reason}],
                        "status": status_names.get(exc.status, "UNAVAILABLE"),
                    }
                },
                status_code=exc.status,
            )

        @api.get("/gmail/v1/users/{userId}/messages")
        def list_messages(
            request: Request,
            userId: str,
            q: str | None = None,
            maxResults: int = 100,
            pageToken: str | None = None,
        ) -> dict[str, Any]:
            box = self._box(request, userId)
            found = self._search(box, q)
            page = [{"id": m.id, "threadId": m.thread_id} for m in found[: max(1, min(maxResults, 500))]]
            return {"messages": page, "resultSizeEstimate": len(page)} if page else {"resultSizeEstimate": 0}

        @api.get("/gmail/v1/users/{userId}/messages/{id}")
        def get_message(
            request: Request,
            userId: str,
            id: str,
            format: str = "full",
            metadataHeaders: Annotated[list[str] | None, Query()] = None,
        ) -> dict[str, Any]:
            box = self._box(request, userId)
            return self._resource(self._message(box, id), format, metadataHeaders)

        @api.get("/gmail/v1/users/{userId}/messages/{messageId}/attachments/{id}")
        def get_attachment(request: Request, userId: str, messageId: str, id: str) -> dict[str, Any]:
            stored = self._message(self._box(request, userId), messageId)
            if not stored.attachments:
                self._resource(stored, "full")  # assigns the attachment ids
            data = stored.attachments.get(id)
            if data is None:
                raise _ApiError(404, "Requested entity was not found.", "notFound")
            return {"size": len(data), "data": _b64(data)}

        @api.post("/gmail/v1/users/{userId}/drafts")
        async def create_draft(request: Request, userId: str) -> dict[str, Any]:
            box = self._box(request, userId)
            body = await request.json()
            message = (body or {}).get("message") or {}
            if not message.get("raw"):
                raise _ApiError(400, "Invalid draft", "invalidArgument")
            raw = _unb64(message["raw"])
            parsed = email.message_from_bytes(raw, policy=email.policy.default)
            if "Message-ID" not in parsed:
                # Gmail stamps a Message-ID on every message it stores.
                raw = f"Message-ID: {make_msgid(domain='mail.gmail.com')}\r\n".encode() + raw
            with self._lock:
                message_id = self._next_id()
                draft_id = f"r{next(self._ids)}"
                thread_id = message.get("threadId") or message_id
                box.messages[message_id] = StoredMessage(message_id, thread_id, raw, ["DRAFT"])
                box.drafts[draft_id] = message_id
            return {"id": draft_id, "message": {"id": message_id, "threadId": thread_id, "labelIds": ["DRAFT"]}}

        @api.get("/gmail/v1/users/{userId}/drafts")
        def list_drafts(request: Request, userId: str, maxResults: int = 100) -> dict[str, Any]:
            box = self._box(request, userId)
            drafts = [
                {"id": d, "message": {"id": m, "threadId": box.messages[m].thread_id}} for d, m in box.drafts.items()
            ][:maxResults]
            return {"drafts": drafts, "resultSizeEstimate": len(drafts)} if drafts else {"resultSizeEstimate": 0}

        @api.get("/gmail/v1/users/{userId}/drafts/{id}")
        def get_draft(request: Request, userId: str, id: str, format: str = "full") -> dict[str, Any]:
            box = self._box(request, userId)
            if id not in box.drafts:
                raise _ApiError(404, "Requested entity was not found.", "notFound")
            return {"id": id, "message": self._resource(box.messages[box.drafts[id]], format)}

        @api.post("/gmail/v1/users/{userId}/drafts/send")
        async def send_draft(request: Request, userId: str) -> dict[str, Any]:
            box = self._box(request, userId)
            body = await request.json()
            draft_id = (body or {}).get("id")
            with self._lock:
                self.send_calls[str(draft_id)] += 1
                message_id = box.drafts.get(draft_id) if draft_id else None
                if message_id is None:
                    raise _ApiError(404, "Requested entity was not found.", "notFound")
                stored = box.messages[message_id]

            def deliver() -> None:
                with self._lock:
                    if box.drafts.pop(str(draft_id), None) is not None:
                        stored.labels = ["SENT"]

            if self.send_delay:
                asyncio.get_running_loop().call_later(self.send_delay, deliver)
                await asyncio.sleep(self.send_delay)
            else:
                deliver()
            return {"id": stored.id, "threadId": stored.thread_id, "labelIds": ["SENT"]}

        return api


def _recipients(message: Message) -> set[str]:
    values = [str(message.get(h, "")) for h in ("To", "Cc", "Bcc")]
    return {addr.lower() for _, addr in getaddresses(values) if addr}


def sample_message(
    sender: str,
    to: list[tuple[str, str]],
    subject: str,
    body: str,
    *,
    cc: list[tuple[str, str]] | None = None,
    html: str | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
) -> bytes:
    """A raw message for tests: (name, address) recipients, optional HTML twin and (name, type, bytes) files."""
    from email.headerregistry import Address

    def addresses(items: list[tuple[str, str]]) -> list[Address]:
        return [Address(display_name=n, addr_spec=a) for n, a in items]

    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = addresses(to)
    if cc:
        message["Cc"] = addresses(cc)
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="mail.gmail.com")
    message.set_content(body)
    if html:
        message.add_alternative(html, subtype="html")
    for name, content_type, data in attachments or []:
        maintype, _, subtype = content_type.partition("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()
