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
import time
from dataclasses import dataclass, field
from email.message import Message
from email.utils import make_msgid
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse

from app.mailbox.fake_gmail_listing import date_header, listing_page
from app.mailbox.fake_gmail_messages import recipients_of, sample_message

__all__ = ["FakeGmail", "StoredMessage", "sample_message"]

# Parts larger than this are served through messages.attachments.get, as Gmail does with attachments.
INLINE_LIMIT = 1024


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def _unb64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


# Gmail's history ids grow with every change in a mailbox; one counter for the whole fake is enough.
_history_ids = itertools.count(4_000)


@dataclass
class StoredMessage:
    id: str
    thread_id: str
    raw: bytes
    labels: list[str]
    attachments: dict[str, bytes] = field(default_factory=dict)
    # (history id, labels then): one entry when stored and one each time its labels are set (a draft sent).
    history: list[tuple[int, list[str]]] = field(default_factory=list)
    internal_date: float = field(default_factory=time.time)  # when it was stored (Gmail's internalDate)

    def __post_init__(self) -> None:
        self.history.append((next(_history_ids), list(self.labels)))

    def __setattr__(self, name: str, value: object) -> None:
        super().__setattr__(name, value)
        if name == "labels" and "history" in self.__dict__ and isinstance(value, list):
            self.history.append((next(_history_ids), list(value)))

    def parsed(self) -> Message:
        return email.message_from_bytes(self.raw, policy=email.policy.default)


@dataclass
class _Mailbox:
    messages: dict[str, StoredMessage] = field(default_factory=dict)
    drafts: dict[str, str] = field(default_factory=dict)  # draft id -> message id
    history_floor: int = 0  # older start ids answer 404, as Gmail does after about a week

    def history_id(self) -> int:
        latest = [h for m in self.messages.values() for h, _ in m.history]
        return max([self.history_floor, *latest])


class _ApiError(Exception):
    def __init__(self, status: int, message: str, reason: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.reason = status, message, reason
        self.headers = headers


class FakeGmail:
    def __init__(self) -> None:
        self._users: dict[str, _Mailbox] = {}
        self._tokens: dict[str, str] = {}  # token -> user email
        self._ids = itertools.count(0x18F000)
        self._lock = threading.Lock()
        self.requests: list[dict[str, Any]] = []  # method, path, query, message token header (tests assert on it)
        self.forbidden_tokens: set[str] = set()  # answer 403 (scope not granted)
        self.fail_status: int | None = None  # answer every call with this status (e.g. 503)
        # user -> (calls left, Retry-After): that user's next calls answer 429 (Gmail's per-user rate limit).
        self.throttled: dict[str, tuple[int, str]] = {}
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

    def put_message(
        self, user_email: str, raw: bytes, labels: tuple[str, ...] = ("SENT",), *, internal_date: float | None = None
    ) -> str:
        """Mail already in the mailbox. Its internalDate is its Date header, as users.messages.import sets it
        (mail loaded with a past date lists and searches by that date), unless given."""
        box = self._users.setdefault(user_email.lower(), _Mailbox())
        message_id = self._next_id()
        stored = StoredMessage(message_id, message_id, raw, list(labels))
        stored.internal_date = internal_date if internal_date is not None else date_header(stored)
        box.messages[message_id] = stored
        return message_id

    def save_draft(
        self, user_email: str, raw: bytes, *, draft_id: str | None = None, thread_id: str | None = None
    ) -> str:
        """What Gmail's autosave does while the user types: store the draft, or replace an existing one's message
        (a new message id, as Gmail gives each save). The last saved draft lists first."""
        box = self._users.setdefault(user_email.lower(), _Mailbox())
        with self._lock:
            message_id = self._next_id()
            draft_id = draft_id or f"r{next(self._ids)}"
            previous = box.drafts.pop(draft_id, None)
            if previous is not None:
                thread_id = thread_id or box.messages.pop(previous).thread_id
            box.messages[message_id] = StoredMessage(message_id, thread_id or message_id, raw, ["DRAFT"])
            box.drafts[draft_id] = message_id
        return draft_id

    def expire_history(self, user_email: str) -> None:
        """Forget the history up to now: a watcher starting from an older id gets Gmail's 404."""
        box = self._users.setdefault(user_email.lower(), _Mailbox())
        box.history_floor = box.history_id()

    def clear_drafts(self, user_email: str) -> None:
        box = self._users.setdefault(user_email.lower(), _Mailbox())
        with self._lock:
            for message_id in box.drafts.values():
                box.messages.pop(message_id, None)
            box.drafts.clear()

    def raw_draft(self, user_email: str, draft_id: str) -> bytes:
        box = self._users[user_email.lower()]
        return box.messages[box.drafts[draft_id]].raw

    def drafts_of(self, user_email: str) -> dict[str, bytes]:
        box = self._users[user_email.lower()]
        return {d: box.messages[m].raw for d, m in box.drafts.items()}

    # --- the API ------------------------------------------------------------------------------

    def throttle(self, user_email: str, times: int, retry_after: int) -> None:
        with self._lock:
            self.throttled[user_email.lower()] = (times, str(retry_after))

    def _box(self, request: Request, user_id: str) -> _Mailbox:
        if self.fail_status:
            raise _ApiError(self.fail_status, "Backend Error", "backendError")
        auth = request.headers.get("authorization", "")
        token = auth[7:] if auth.lower().startswith("bearer ") else ""
        owner = self._tokens.get(token)
        if owner is None:
            raise _ApiError(401, "Request had invalid authentication credentials.", "authError")
        self._take_throttle(owner)
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

    def _take_throttle(self, owner: str) -> None:
        with self._lock:
            times, retry_after = self.throttled.get(owner, (0, ""))
            if times <= 0:
                return
            self.throttled[owner] = (times - 1, retry_after)
        raise _ApiError(429, "User-rate limit exceeded.", "rateLimitExceeded", headers={"Retry-After": retry_after})

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
                found = [m for m in found if value in recipients_of(m.parsed())]
            elif key == "after" and value.isdigit():
                found = [m for m in found if m.internal_date > int(value)]
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
                headers=exc.headers,
            )

        @api.get("/gmail/v1/users/{userId}/messages")
        def list_messages(
            request: Request,
            userId: str,
            q: str | None = None,
            maxResults: int = 100,
            pageToken: str | None = None,
            labelIds: Annotated[list[str] | None, Query()] = None,
        ) -> dict[str, Any]:
            box = self._box(request, userId)
            found = [m for m in self._search(box, q) if all(label in m.labels for label in labelIds or [])]
            found.sort(key=lambda m: (-m.internal_date, m.id))  # newest first, as Gmail lists
            return listing_page(found, maxResults, pageToken)

        @api.post("/gmail/v1/users/{userId}/messages")
        async def insert_message(request: Request, userId: str) -> dict[str, Any]:
            """users.messages.insert: into this mailbox only (like IMAP APPEND), with the labels given."""
            box = self._box(request, userId)
            body = await request.json()
            if not (body or {}).get("raw"):
                raise _ApiError(400, "Invalid message", "invalidArgument")
            labels = [str(label) for label in body.get("labelIds") or []]
            message_id = self.put_message(  # internalDateSource=receivedTime, insert's default
                self._tokens[request.headers["authorization"][7:]],
                _unb64(body["raw"]),
                tuple(labels),
                internal_date=time.time(),
            )
            return {"id": message_id, "threadId": box.messages[message_id].thread_id, "labelIds": labels}

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
            # Newest first, as Gmail lists them (the drafts dict is in save order).
            saved = reversed(list(box.drafts.items()))
            drafts = [{"id": d, "message": {"id": m, "threadId": box.messages[m].thread_id}} for d, m in saved]
            drafts = drafts[: max(1, min(maxResults, 500))]
            return {"drafts": drafts, "resultSizeEstimate": len(drafts)} if drafts else {"resultSizeEstimate": 0}

        @api.get("/gmail/v1/users/{userId}/profile")
        def get_profile(request: Request, userId: str) -> dict[str, Any]:
            box = self._box(request, userId)
            owner = self._tokens[request.headers["authorization"][7:]]
            threads = {m.thread_id for m in box.messages.values()}
            return {
                "emailAddress": owner,
                "messagesTotal": len(box.messages),
                "threadsTotal": len(threads),
                "historyId": str(box.history_id()),
            }

        @api.get("/gmail/v1/users/{userId}/history")
        def list_history(
            request: Request,
            userId: str,
            startHistoryId: int,
            labelId: str | None = None,
            historyTypes: Annotated[list[str] | None, Query()] = None,
            maxResults: int = 100,
            pageToken: str | None = None,
        ) -> dict[str, Any]:
            box = self._box(request, userId)
            if startHistoryId < box.history_floor:
                raise _ApiError(404, "Requested entity was not found.", "notFound")
            if historyTypes and "messageAdded" not in historyTypes:
                return {"historyId": str(box.history_id())}
            events = sorted(
                (hid, m, labels)
                for m in box.messages.values()
                for hid, labels in m.history
                if hid > startHistoryId and (labelId is None or labelId in labels)
            )
            offset = int(pageToken or 0)
            size = max(1, min(maxResults, 500))
            page = events[offset : offset + size]
            records = [
                {
                    "id": str(hid),
                    "messages": [{"id": m.id, "threadId": m.thread_id}],
                    "messagesAdded": [{"message": {"id": m.id, "threadId": m.thread_id, "labelIds": labels}}],
                }
                for hid, m, labels in page
            ]
            result: dict[str, Any] = {"historyId": str(box.history_id())}
            if records:
                result["history"] = records
            if offset + size < len(events):
                result["nextPageToken"] = str(offset + size)
            return result

        @api.get("/gmail/v1/users/{userId}/drafts/{id}")
        def get_draft(request: Request, userId: str, id: str, format: str = "full") -> dict[str, Any]:
            box = self._box(request, userId)
            if id not in box.drafts:
                raise _ApiError(404, "Requested entity was not found.", "notFound")
            if format not in ("minimal", "full", "raw", "metadata"):
                raise _ApiError(400, f"Invalid value at 'format' ({format})", "invalidArgument")
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
