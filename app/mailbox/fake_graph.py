"""A fake of Microsoft Graph and the Entra token service, for tests and local runs of MAILBOX_PROVIDER=graph.

It speaks Graph's JSON shapes and field names for what GraphMailbox uses, with in-memory mailboxes:

- ``GET /{v1.0|beta}/me/messages/{id}`` (``$select``, ``Prefer: outlook.body-content-type="text"``),
  ``PATCH`` it, ``POST /me/messages``, ``.../createReply``, ``.../createReplyAll``, ``.../send`` (202, the draft
  moves to Sent Items), ``.../attachments`` (list, get one, add one), ``/beta/me/messages/{id}/recall``;
- ``GET /me/mailFolders/SentItems/messages`` with ``$search="to:address"``,
  ``$filter=internetMessageId eq '...'`` or ``$filter=singleValueExtendedProperties/Any(ep: ep/id eq '...' and
  ep/value eq '...')`` (a property set by ``PATCH``); any folder's listing (``outbox`` for held sends) and
  ``GET /me/mailFolders/{folder}`` (its id); ``$expand=singleValueExtendedProperties($filter=id eq '...')`` on
  listings and messages (``add_held()`` puts a message in the Outbox with a deferred send time, PidTagDeferredSendTime);
  ``POST .../messages/{id}/move`` (``destinationId``: the message moves and gets a new id, as on Graph);
- every route above also as ``/users/{address}/...`` on the same mailboxes, within what the token may reach, and
  ``/me`` with an app-only token is a 400, as on Graph (app/mailbox/fake_entra.py: tokens, keys, consent);
- routes in app/mailbox/fake_graph_messages.py (messages) and fake_graph_folders.py (delta, folder writes).

Every ``.../send`` that reaches a draft is counted in ``send_attempts`` and each accepted one is written to
``sent_log`` (mailbox, message id): what tests of exactly-once sending count. ``send_delay`` makes a send take
that long, completing even when the caller has stopped waiting (a send whose outcome the caller cannot know).

``fail()`` queues failures: throttling with Retry-After, 503/504/500, malformed JSON, 401, 403.
Tests reach it through httpx transports (``httpx.ASGITransport`` or Starlette's TestClient); nothing is patched.
"""

from __future__ import annotations

import base64
import collections
import itertools
import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from fastapi import FastAPI, Request, Response

from app.mailbox.fake_entra import FAKE_TENANT_ID, FakeEntra
from app.mailbox.fake_graph_folders import FolderRoutes
from app.mailbox.fake_graph_http import graph_error
from app.mailbox.fake_graph_messages import add_message_routes

__all__ = ["FAKE_TENANT_ID", "FakeGraph", "file_attachment", "item_attachment", "recipient", "reference_attachment"]

FILE = "#microsoft.graph.fileAttachment"
ITEM = "#microsoft.graph.itemAttachment"
REFERENCE = "#microsoft.graph.referenceAttachment"

_FAILURES = {
    "throttle": (429, "TooManyRequests", "Application is over its MailboxConcurrency limit."),
    "unavailable": (503, "ServiceUnavailable", "Service unavailable."),
    "gateway_timeout": (504, "GatewayTimeout", "The gateway timed out."),
    "server_error": (500, "InternalServerError", "Something went wrong."),
    "forbidden": (403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."),
    "unauthorized": (401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid."),
}


def file_attachment(name: str, content: bytes, content_type: str = "application/octet-stream", **extra: Any) -> dict:
    return {
        "@odata.type": FILE,
        "name": name,
        "contentType": content_type,
        "size": len(content),
        "isInline": False,
        "contentBytes": base64.b64encode(content).decode("ascii"),
        **extra,
    }


def item_attachment(name: str, size: int = 2048) -> dict:
    return {"@odata.type": ITEM, "name": name, "contentType": None, "size": size, "isInline": False}


def reference_attachment(name: str, url: str = "https://contoso.sharepoint.example/doc") -> dict:
    return {
        "@odata.type": REFERENCE,
        "name": name,
        "contentType": None,
        "size": 0,
        "isInline": False,
        "sourceUrl": url,
    }


def recipient(address: str, name: str = "") -> dict:
    return {"emailAddress": {"name": name or address, "address": address}}


@dataclass
class _Failure:
    kind: str
    remaining: int
    path: str | None
    method: str | None
    retry_after: str | None


@dataclass
class FakeRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]


@dataclass
class _Mailbox:
    messages: dict[str, dict[str, Any]] = field(default_factory=dict)


class FakeGraph(FakeEntra):
    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        authority_host: str = "https://login.fake.test",
        tenant_id: str = FAKE_TENANT_ID,
    ) -> None:
        super().__init__(
            client_id=client_id, client_secret=client_secret, authority_host=authority_host, tenant_id=tenant_id
        )
        self._ids = itertools.count(1)
        self.mailboxes: dict[str, _Mailbox] = {}
        self.failures: list[_Failure] = []
        self.requests: list[FakeRequest] = []
        self.send_attempts: collections.Counter[str] = collections.Counter()
        # Seconds a send takes before the message is in Sent Items (and before Graph answers it).
        self.send_delay = 0.0
        self.sent_log: list[tuple[str, str]] = []
        self.recalls: list[str] = []
        # Delta on Sent Items and messages created in a folder (app/mailbox/fake_graph_folders.py).
        self.folders = FolderRoutes(self)
        self.app = self._build_app()

    def sent_count(self, message_id: str) -> int:
        return sum(1 for _, sent in self.sent_log if sent == message_id)

    # -- mailbox state -----------------------------------------------------------------------------

    def _box(self, email: str) -> _Mailbox:
        with self._lock:
            return self.mailboxes.setdefault(email.lower(), _Mailbox())

    def _new_id(self) -> str:
        return f"AAMkAGFake{next(self._ids):06d}{secrets.token_hex(4)}="

    def add_message(
        self,
        email: str,
        *,
        subject: str = "",
        body: str = "",
        content_type: str = "html",
        to: list[dict] | None = None,
        cc: list[dict] | None = None,
        bcc: list[dict] | None = None,
        attachments: list[dict] | None = None,
        is_draft: bool = True,
        folder: str | None = None,
        sender: str | None = None,
    ) -> str:
        message_id = self._new_id()
        items = [{"id": f"AAMkAtt{secrets.token_hex(6)}", **a} for a in attachments or []]
        message = {
            "id": message_id,
            "subject": subject,
            "body": {"contentType": content_type, "content": body},
            "from": recipient(sender or email),
            "sender": recipient(sender or email),
            "toRecipients": list(to or []),
            "ccRecipients": list(cc or []),
            "bccRecipients": list(bcc or []),
            "internetMessageId": f"<{message_id[10:22]}@fake.outlook.example>",
            "isDraft": is_draft,
            "hasAttachments": bool(items),
            "webLink": f"https://outlook.office.example/owa/?ItemID={message_id}",
            "parentFolderId": folder or ("drafts" if is_draft else "inbox"),
            "attachments": items,
        }
        with self._lock:
            self._box(email).messages[message_id] = message
        return message_id

    def add_held(
        self,
        email: str,
        *,
        deliver_at: datetime,
        subject: str = "Quotation",
        to: list[str] | None = None,
        body: str = "<p>Dear Michael,</p>",
    ) -> str:
        """A sent message Outlook holds in the Outbox until `deliver_at` (delayDeliveryTime)."""
        message_id = self.add_message(
            email,
            subject=subject,
            body=body,
            to=[recipient(a) for a in to or ["m.schmidt@solartech.example"]],
            is_draft=False,
            folder="outbox",
        )
        when = deliver_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")
        with self._lock:
            self.message(email, message_id)["singleValueExtendedProperties"] = [
                {"id": "SystemTime 0x3FEF", "value": when}
            ]
        return message_id

    def deliver_held(self, email: str, message_id: str) -> None:
        """Exchange sends a held message: it leaves the Outbox for Sent Items."""
        with self._lock:
            message = self.message(email, message_id)
            message["parentFolderId"] = "sentitems"
            message["sentDateTime"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
            self.sent_log.append((email.lower(), message_id))

    def add_sent(self, email: str, to: list[str], subject: str = "Earlier mail") -> str:
        return self.add_message(
            email, subject=subject, to=[recipient(a) for a in to], is_draft=False, folder="sentitems"
        )

    def message(self, email: str, message_id: str) -> dict[str, Any]:
        return self._box(email).messages[message_id]

    def folder(self, email: str, folder: str) -> list[dict[str, Any]]:
        return [m for m in self._box(email).messages.values() if m["parentFolderId"] == folder]

    def fail(
        self,
        kind: str,
        times: int = 1,
        *,
        path: str | None = None,
        method: str | None = None,
        retry_after: int | str | None = None,
    ) -> None:
        """The next `times` Graph requests (whose path contains `path`, if given) fail with `kind`:
        throttle, unavailable, gateway_timeout, server_error, forbidden, unauthorized or malformed."""
        if kind not in _FAILURES and kind != "malformed":
            raise ValueError(kind)
        with self._lock:
            self.failures.append(
                _Failure(kind, times, path, method, str(retry_after) if retry_after is not None else None)
            )

    def graph_requests(self, path_contains: str = "") -> list[FakeRequest]:
        return [r for r in self.requests if r.path.startswith(("/v1.0/", "/beta/")) and path_contains in r.path]

    # -- the app -----------------------------------------------------------------------------------

    def _take_failure(self, request: Request) -> _Failure | None:
        path = request.url.path
        if not path.startswith(("/v1.0/", "/beta/")) and "/oauth2/" not in path:
            return None
        with self._lock:
            for failure in self.failures:
                graph_default = failure.path is None and "/oauth2/" in path
                if graph_default or (failure.path is not None and failure.path not in path):
                    continue
                if failure.method is not None and failure.method != request.method:
                    continue
                failure.remaining -= 1
                if failure.remaining <= 0:
                    self.failures.remove(failure)
                return failure
        return None

    def _build_app(self) -> FastAPI:
        app = FastAPI(title="Fake Microsoft Graph", openapi_url=None, docs_url=None, redoc_url=None)
        fake = self

        @app.middleware("http")
        async def record_and_fail(request: Request, call_next: Any) -> Response:
            with fake._lock:
                fake.requests.append(
                    FakeRequest(
                        request.method,
                        request.url.path,
                        dict(request.query_params),
                        {k.lower(): v for k, v in request.headers.items() if k.lower() != "authorization"},
                    )
                )
            failure = fake._take_failure(request)
            if failure is not None:
                if failure.kind == "malformed":
                    return Response('{"value": [{"id": "AAMk', media_type="application/json", status_code=200)
                status, code, message = _FAILURES[failure.kind]
                headers = {"Retry-After": failure.retry_after} if failure.retry_after is not None else {}
                return graph_error(status, code, message, headers)
            if request.url.path.startswith(("/v1.0/", "/beta/")):
                refusal = fake._refusal(request)
                if refusal is not None:
                    return refusal
            response: Response = await call_next(request)
            return response

        fake.add_entra_routes(app)
        add_message_routes(app, fake)
        fake.folders.add_routes(app)
        return app
