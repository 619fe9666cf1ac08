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
- every route above also as ``/users/{address}/...`` on the same mailboxes: with an app-only token it needs the
  granted application permission (Mail.ReadWrite to read and write, Mail.Send to send) and, when an application
  access policy is set (``restrict_app_access()``), a mailbox it allows; with a user's token, that user's own
  address. ``/me`` with an app-only token is a 400, as on Graph;
- Entra: ``/{tenant}/v2.0/.well-known/openid-configuration``, the JWKS at ``/common/discovery/v2.0/keys`` and the
  token endpoint ``/{tenant}/oauth2/v2.0/token`` for on-behalf-of, which checks the incoming assertion strictly,
  and for the client-credentials grant (scope ``https://graph.microsoft.com/.default``).

Every ``.../send`` that reaches a draft is counted in ``send_attempts`` and each accepted one is written to
``sent_log`` (mailbox, message id): what tests of exactly-once sending count. ``send_delay`` makes a send take
that long, completing even when the caller has stopped waiting (a send whose outcome the caller cannot know).

``issue_token()`` signs access tokens for the SendGuard API with the fake's RSA key (``rotate_key()`` adds a
new one). ``fail()`` queues failures: throttling with Retry-After, 503/504/500, malformed JSON, 401, 403.
Tests reach it through httpx transports (``httpx.ASGITransport`` or Starlette's TestClient); nothing is patched.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import html
import itertools
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from app.mailbox.fake_graph_folders import FolderRoutes
from app.mailbox.fake_graph_http import (
    expand,
    folder_filter,
    graph_error,
    not_found,
    oauth_error,
    pick,
    select_fields,
    view,
)
from app.mailbox.fake_graph_sent import sent_listing

FAKE_TENANT_ID = "8d0c2e41-5b7a-4c1e-9f3d-2a6b7c8d9e0f"
OBO_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
CLIENT_CREDENTIALS_GRANT = "client_credentials"
APP_SCOPE = "https://graph.microsoft.com/.default"
APP_ROLES = ("Mail.ReadWrite", "Mail.Send")
MAIL_SCOPES = ("https://graph.microsoft.com/Mail.ReadWrite", "https://graph.microsoft.com/Mail.Send")

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


@dataclass(frozen=True)
class AppToken:
    """An app-only Graph token: the tenant it was issued in and the application permissions it carries."""

    tenant: str
    roles: frozenset[str]


_MAILBOX_PATH = re.compile(r"^/(?:v1\.0|beta)/(?:(me)|users/([^/]+))(?:/|$)")


class FakeGraph:
    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        authority_host: str = "https://login.fake.test",
        tenant_id: str = FAKE_TENANT_ID,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.authority_host = authority_host.rstrip("/")
        self.tenant_id = tenant_id
        self._lock = threading.RLock()
        self._ids = itertools.count(1)
        self.mailboxes: dict[str, _Mailbox] = {}
        self.graph_tokens: dict[str, str] = {}
        self.failures: list[_Failure] = []
        self.requests: list[FakeRequest] = []
        self.consent_denied: set[str] = set()
        self.obo_exchanges = 0
        # App-only (client credentials): tokens issued, permissions granted per tenant, access policies.
        self.app_tokens: dict[str, AppToken] = {}
        self.app_roles: dict[str, frozenset[str]] = {}
        self.app_access_policies: dict[str, frozenset[str]] = {}
        self.client_credentials_grants = 0
        # Which tenant a user's mailbox is in (learnt from the tokens issued for the user).
        self.user_tenants: dict[str, str] = {}
        self.send_attempts: collections.Counter[str] = collections.Counter()
        # Seconds a send takes before the message is in Sent Items (and before Graph answers it).
        self.send_delay = 0.0
        self.sent_log: list[tuple[str, str]] = []
        self.recalls: list[str] = []
        self._keys: dict[str, rsa.RSAPrivateKey] = {}
        self.kid = self.rotate_key()
        # Delta on Sent Items and messages created in a folder (app/mailbox/fake_graph_folders.py).
        self.folders = FolderRoutes(self)
        self.app = self._build_app()

    # -- the Entra side ----------------------------------------------------------------------------

    def rotate_key(self) -> str:
        """A new signing key (new kid); tokens are signed with it from now on, old ones stay valid."""
        kid = f"fake-{secrets.token_hex(4)}"
        with self._lock:
            self._keys[kid] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            self.kid = kid
        return kid

    def private_key(self, kid: str | None = None) -> rsa.RSAPrivateKey:
        return self._keys[kid or self.kid]

    def jwks(self) -> dict[str, Any]:
        keys = []
        for kid, key in self._keys.items():
            jwk = jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
            keys.append({**jwk, "kid": kid, "use": "sig", "kty": "RSA", "alg": "RS256"})
        return {"keys": keys}

    def claims(self, email: str, /, **overrides: Any) -> dict[str, Any]:
        now = int(time.time())
        tid = overrides.pop("tid", self.tenant_id)
        claims: dict[str, Any] = {
            "aud": self.client_id,
            "iss": f"{self.authority_host}/{tid}/v2.0",
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "tid": tid,
            "oid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{tid}:{email}")),
            "preferred_username": email,
            "name": email.split("@", 1)[0].replace(".", " ").title(),
            "scp": "access_as_user",
            "azp": self.client_id,
            "ver": "2.0",
        }
        claims.update(overrides)
        return {k: v for k, v in claims.items() if v is not None}

    def issue_token(
        self,
        email: str,
        /,
        *,
        kid: str | None = None,
        key: rsa.RSAPrivateKey | None = None,
        headers: dict[str, Any] | None = None,
        **claims: Any,
    ) -> str:
        """An access token for the SendGuard API, as Entra would issue it to the add-in."""
        kid = kid or self.kid
        signing_key = key or self._keys[kid]
        with self._lock:
            self.user_tenants.setdefault(email.lower(), str(claims.get("tid", self.tenant_id)))
        return jwt.encode(
            self.claims(email, **claims), signing_key, algorithm="RS256", headers={"kid": kid, **(headers or {})}
        )

    def deny_consent(self, tenant_id: str | None = None) -> None:
        """No consent in the tenant at all: on-behalf-of answers 65001; client credentials 700016 (the app
        has no service principal there)."""
        self.consent_denied.add(tenant_id or self.tenant_id)

    def set_app_roles(self, roles: tuple[str, ...] | set[str], tenant_id: str | None = None) -> None:
        """The application permissions an admin granted in the tenant (default: Mail.ReadWrite and Mail.Send).
        Applies to app-only tokens issued from now on, as on Entra."""
        with self._lock:
            self.app_roles[tenant_id or self.tenant_id] = frozenset(roles)

    def restrict_app_access(self, mailboxes: list[str], tenant_id: str | None = None) -> None:
        """An Exchange application access policy (New-ApplicationAccessPolicy -AccessRight RestrictAccess):
        app-only tokens reach these mailboxes only."""
        with self._lock:
            self.app_access_policies[tenant_id or self.tenant_id] = frozenset(m.lower() for m in mailboxes)

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

    @staticmethod
    def _bearer(request: Request) -> str:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        return token.strip() if scheme.lower() == "bearer" else ""

    def _user(self, request: Request) -> str | None:
        """The signed-in user of a delegated (on-behalf-of) token."""
        return self.graph_tokens.get(self._bearer(request))

    def _owner(self, request: Request) -> str:
        """Whose mailbox the request addresses: the token's user for /me, the address for /users/{address}."""
        match = _MAILBOX_PATH.match(request.url.path)
        if match is not None and match.group(2) is not None:
            return match.group(2).lower()
        return self._user(request) or ""

    def _refusal(self, request: Request) -> JSONResponse | None:
        """Graph's answer when the token may not reach the addressed mailbox; None when it may."""
        token = self._bearer(request)
        user = self.graph_tokens.get(token)
        app_token = self.app_tokens.get(token)
        if user is None and app_token is None:
            return graph_error(401, "InvalidAuthenticationToken", "Access token is empty or not valid.")
        match = _MAILBOX_PATH.match(request.url.path)
        if match is None:
            return None
        if match.group(1) is not None:  # /me
            if app_token is not None:
                return graph_error(400, "BadRequest", "/me request is only valid with delegated authentication flow.")
            return None
        owner = match.group(2).lower()
        if user is not None:
            if owner != user:
                return graph_error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
            return None
        assert app_token is not None
        if self.user_tenants.get(owner, app_token.tenant) != app_token.tenant:
            return graph_error(404, "ErrorInvalidUser", "The requested user is invalid.")
        needed = "Mail.Send" if request.url.path.endswith("/send") else "Mail.ReadWrite"
        readable = request.method == "GET" and "Mail.Read" in app_token.roles
        if needed not in app_token.roles and not readable:
            return graph_error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        allowed = self.app_access_policies.get(app_token.tenant)
        if allowed is not None and owner not in allowed:
            return graph_error(
                403,
                "ErrorAccessDenied",
                "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.",
            )
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

        # Entra ----------------------------------------------------------------------------------

        @app.get("/common/discovery/v2.0/keys")
        @app.get("/{tenant}/discovery/v2.0/keys")
        async def keys(tenant: str = "common") -> dict[str, Any]:
            return fake.jwks()

        @app.get("/{tenant}/v2.0/.well-known/openid-configuration")
        async def openid_configuration(tenant: str, request: Request) -> dict[str, Any]:
            base = f"{request.url.scheme}://{request.url.netloc}"
            return {
                "issuer": f"{base}/{tenant}/v2.0",
                "authorization_endpoint": f"{base}/{tenant}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/{tenant}/oauth2/v2.0/token",
                "jwks_uri": f"{base}/{tenant}/discovery/v2.0/keys",
            }

        @app.post("/{tenant}/oauth2/v2.0/token")
        async def token(tenant: str, request: Request) -> JSONResponse:
            form = await request.form()
            data = {k: str(v) for k, v in form.items()}
            if data.get("grant_type") == CLIENT_CREDENTIALS_GRANT:
                return fake._client_credentials(tenant, data)
            return fake._obo(tenant, data)

        # Graph ----------------------------------------------------------------------------------

        @app.get("/{version}/me/messages/{message_id}")
        @app.get("/{version}/users/{user}/messages/{message_id}")
        async def get_message(version: str, message_id: str, request: Request) -> JSONResponse:
            email = fake._owner(request)
            message = fake._box(email).messages.get(message_id)
            if message is None:
                return not_found()
            if not expand(request)[0]:
                return graph_error(400, "BadRequest", "Unsupported $expand.")
            return JSONResponse(view(message, request))

        @app.post("/{version}/me/messages/{message_id}/move")
        @app.post("/{version}/users/{user}/messages/{message_id}/move")
        async def move(version: str, message_id: str, request: Request) -> JSONResponse:
            email = fake._owner(request)
            box = fake._box(email)
            payload = await request.json()
            destination = str(payload.get("destinationId", "")).lower() if isinstance(payload, dict) else ""
            if not destination:
                return graph_error(400, "ErrorInvalidIdMalformed", "Id is malformed.")
            with fake._lock:
                message = box.messages.pop(message_id, None)
                if message is None:
                    return not_found()
                moved_id = fake._new_id()  # a move gives the item a new id, as on Graph (without ImmutableId)
                message["id"] = moved_id
                message["parentFolderId"] = destination
                if destination == "drafts":
                    message["isDraft"] = True
                box.messages[moved_id] = message
            return JSONResponse(view(message, None), status_code=201)

        @app.patch("/{version}/me/messages/{message_id}")
        @app.patch("/{version}/users/{user}/messages/{message_id}")
        async def update_message(version: str, message_id: str, request: Request) -> JSONResponse:
            email = fake._owner(request)
            message = fake._box(email).messages.get(message_id)
            if message is None:
                return not_found()
            patch = await request.json()
            writable = {"subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "importance"}
            with fake._lock:
                message.update({k: v for k, v in patch.items() if k in writable})
                # Extended properties are created or replaced one by one, by id, as Graph does.
                props = {p["id"].lower(): p for p in message.get("singleValueExtendedProperties", [])}
                props.update({p["id"].lower(): p for p in patch.get("singleValueExtendedProperties", [])})
                if props:
                    message["singleValueExtendedProperties"] = list(props.values())
            return JSONResponse(view(message, None))

        @app.post("/{version}/me/messages")
        @app.post("/{version}/users/{user}/messages")
        async def create_message(version: str, request: Request) -> JSONResponse:
            email = fake._owner(request)
            payload = await request.json()
            message_id = fake.add_message(
                email,
                subject=payload.get("subject", ""),
                body=payload.get("body", {}).get("content", ""),
                content_type=payload.get("body", {}).get("contentType", "text").lower(),
                to=payload.get("toRecipients"),
                cc=payload.get("ccRecipients"),
                bcc=payload.get("bccRecipients"),
                attachments=payload.get("attachments"),
            )
            return JSONResponse(view(fake.message(email, message_id), None), status_code=201)

        @app.post("/{version}/me/messages/{message_id}/createReply")
        @app.post("/{version}/users/{user}/messages/{message_id}/createReply")
        @app.post("/{version}/me/messages/{message_id}/createReplyAll")
        @app.post("/{version}/users/{user}/messages/{message_id}/createReplyAll")
        async def create_reply(version: str, message_id: str, request: Request) -> JSONResponse:
            email = fake._owner(request)
            original = fake._box(email).messages.get(message_id)
            if original is None:
                return not_found()
            reply_all = request.url.path.endswith("createReplyAll")
            author = original["from"]["emailAddress"]["address"].lower()
            to = list(original["toRecipients"]) if author == email.lower() else [original["from"]]
            cc: list[dict] = []
            if reply_all:
                to = [*to, *(r for r in original["toRecipients"] if r not in to)]
                cc = list(original["ccRecipients"])
            mine = email.lower()
            to = [r for r in to if r["emailAddress"]["address"].lower() != mine]
            cc = [r for r in cc if r["emailAddress"]["address"].lower() != mine]
            quoted = f"<hr><b>From:</b> {html.escape(author)}<br>{original['body']['content']}"
            reply_id = fake.add_message(email, subject=f"RE: {original['subject']}", body=quoted, to=to, cc=cc)
            return JSONResponse(view(fake.message(email, reply_id), None), status_code=201)

        @app.post("/{version}/me/messages/{message_id}/send")
        @app.post("/{version}/users/{user}/messages/{message_id}/send")
        async def send(version: str, message_id: str, request: Request) -> Response:
            email = fake._owner(request)
            message = fake._box(email).messages.get(message_id)
            if message is None:
                return not_found()
            with fake._lock:
                fake.send_attempts[message_id] += 1
                if not message["isDraft"]:
                    return graph_error(400, "ErrorInvalidOperation", "The item is not a draft.")

            def deliver() -> None:
                with fake._lock:
                    fake.sent_log.append((email.lower(), message_id))
                    message["isDraft"] = False
                    message["parentFolderId"] = "sentitems"
                    message["sentDateTime"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

            if fake.send_delay:
                # Exchange is slow today: the send completes even if the caller stopped waiting for the answer.
                asyncio.get_running_loop().call_later(fake.send_delay, deliver)
                await asyncio.sleep(fake.send_delay)
            else:
                deliver()
            return Response(status_code=202)

        @app.post("/beta/me/messages/{message_id}/recall")
        @app.post("/beta/users/{user}/messages/{message_id}/recall")
        async def recall(message_id: str, request: Request) -> Response:
            email = fake._owner(request)
            message = fake._box(email).messages.get(message_id)
            if message is None:
                return not_found()
            if message["parentFolderId"] != "sentitems":
                return graph_error(400, "ErrorInvalidRequest", "Only sent messages can be recalled.")
            fake.recalls.append(message_id)
            return Response(status_code=202)

        @app.get("/{version}/me/messages/{message_id}/attachments")
        @app.get("/{version}/users/{user}/messages/{message_id}/attachments")
        async def list_attachments(version: str, message_id: str, request: Request) -> JSONResponse:
            email = fake._owner(request)
            message = fake._box(email).messages.get(message_id)
            if message is None:
                return not_found()
            select = select_fields(request)
            items = [pick(a, select) for a in message["attachments"]]
            return JSONResponse({"@odata.context": "fake", "value": items})

        @app.get("/{version}/me/messages/{message_id}/attachments/{attachment_id}")
        @app.get("/{version}/users/{user}/messages/{message_id}/attachments/{attachment_id}")
        async def get_attachment(version: str, message_id: str, attachment_id: str, request: Request) -> JSONResponse:
            email = fake._owner(request)
            message = fake._box(email).messages.get(message_id)
            found = [a for a in (message or {}).get("attachments", []) if a["id"] == attachment_id]
            if not found:
                return not_found()
            return JSONResponse(found[0])

        @app.post("/{version}/me/messages/{message_id}/attachments")
        @app.post("/{version}/users/{user}/messages/{message_id}/attachments")
        async def add_attachment(version: str, message_id: str, request: Request) -> JSONResponse:
            email = fake._owner(request)
            message = fake._box(email).messages.get(message_id)
            if message is None:
                return not_found()
            item = {"id": f"AAMkAtt{secrets.token_hex(6)}", "isInline": False, **(await request.json())}
            with fake._lock:
                message["attachments"].append(item)
                message["hasAttachments"] = True
            return JSONResponse(item, status_code=201)

        @app.get("/{version}/me/mailFolders/{folder}")
        @app.get("/{version}/users/{user}/mailFolders/{folder}")
        async def mail_folder(version: str, folder: str, request: Request) -> JSONResponse:
            return JSONResponse(pick({"id": folder.lower(), "displayName": folder.title()}, select_fields(request)))

        @app.get("/{version}/me/mailFolders/{folder}/messages")
        @app.get("/{version}/users/{user}/mailFolders/{folder}/messages")
        async def folder_messages(version: str, folder: str, request: Request) -> JSONResponse:
            email = fake._owner(request)
            messages = fake.folder(email, folder.lower())
            paged = sent_listing(messages, request, view)
            if paged is not None:
                return paged
            if not expand(request)[0]:
                return graph_error(400, "BadRequest", "Unsupported $expand.")
            search = request.query_params.get("$search")
            flt = request.query_params.get("$filter")
            if search is not None:
                match = re.fullmatch(r'"to:([^"]+)"', search)
                if match is None:
                    return graph_error(400, "BadRequest", "Unsupported $search.")
                wanted = match.group(1).lower()
                messages = [
                    m
                    for m in messages
                    if any(
                        r["emailAddress"]["address"].lower() == wanted
                        for r in (*m["toRecipients"], *m["ccRecipients"], *m["bccRecipients"])
                    )
                ]
            if flt is not None:
                matches = folder_filter(flt)
                if matches is None:
                    return graph_error(400, "BadRequest", "Unsupported $filter.")
                messages = [m for m in messages if matches(m)]
            top = int(request.query_params.get("$top", "10"))
            return JSONResponse({"value": [view(m, request) for m in messages[:top]]})

        fake.folders.add_routes(app)
        return app

    def _client_credentials(self, tenant: str, data: dict[str, str]) -> JSONResponse:
        if data.get("client_id") != self.client_id or data.get("client_secret") != self.client_secret:
            return oauth_error(401, "invalid_client", 7000215, "Invalid client secret provided.")
        if data.get("scope", "").split() != [APP_SCOPE]:
            return oauth_error(
                400, "invalid_scope", 1002012, "The provided value for scope is not valid: use '/.default'."
            )
        if tenant in self.consent_denied:
            return oauth_error(
                400,
                "unauthorized_client",
                700016,
                "Application was not found in the directory. The tenant's administrator has not consented.",
            )
        app_token = f"fake-app-{secrets.token_urlsafe(24)}"
        with self._lock:
            self.app_tokens[app_token] = AppToken(tenant, self.app_roles.get(tenant, frozenset(APP_ROLES)))
            self.client_credentials_grants += 1
        return JSONResponse(
            {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": app_token}
        )

    def _obo(self, tenant: str, data: dict[str, str]) -> JSONResponse:
        if data.get("client_id") != self.client_id or data.get("client_secret") != self.client_secret:
            return oauth_error(401, "invalid_client", 7000215, "Invalid client secret provided.")
        if data.get("grant_type") != OBO_GRANT or data.get("requested_token_use") != "on_behalf_of":
            return oauth_error(400, "unsupported_grant_type", 70003, "The grant type is not supported.")
        scopes = set(data.get("scope", "").split())
        if not set(MAIL_SCOPES) <= scopes:
            return oauth_error(400, "invalid_scope", 70011, "The provided scopes are not valid.")
        assertion = data.get("assertion", "")
        try:
            header = jwt.get_unverified_header(assertion)
            key = self._keys[header.get("kid", "")]
            claims = jwt.decode(
                assertion,
                key.public_key(),
                algorithms=["RS256"],
                audience=[self.client_id, f"api://{self.client_id}"],
                options={"verify_exp": False},
            )
        except (jwt.PyJWTError, KeyError):
            return oauth_error(400, "invalid_grant", 50013, "Assertion failed signature validation.")
        if claims.get("exp", 0) <= time.time():
            return oauth_error(
                400, "invalid_grant", 500133, "Assertion is not within its valid time range.", suberror=None
            )
        if claims.get("tid") != tenant:
            return oauth_error(400, "invalid_request", 90002, "Tenant mismatch.")
        if tenant in self.consent_denied:
            return oauth_error(
                400,
                "invalid_grant",
                65001,
                "The user or administrator has not consented to use the application.",
                suberror="consent_required",
            )
        graph_token = f"fake-graph-{secrets.token_urlsafe(24)}"
        with self._lock:
            self.graph_tokens[graph_token] = str(claims.get("preferred_username", "")).lower()
            self.obo_exchanges += 1
        return JSONResponse(
            {
                "token_type": "Bearer",
                "scope": " ".join(MAIL_SCOPES),
                "expires_in": 3599,
                "ext_expires_in": 3599,
                "access_token": graph_token,
            }
        )
