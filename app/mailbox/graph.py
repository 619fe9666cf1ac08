"""MAILBOX_PROVIDER=graph: the signed-in user's Microsoft 365 mailbox through Microsoft Graph.

One shared httpx.AsyncClient (opened by the app's lifespan through ``start()``, closed by ``aclose()``), a
timeout on every call, and retries only where Graph asks for them: 429 and 503 (and 504 for reads), honouring
Retry-After plus jitter, bounded by GRAPH_MAX_RETRIES and a total time budget. Everything else becomes an
AppError: 401 -> reauth_required, 403 -> consent_missing, 404 -> message_not_found, the rest -> 503.
Logs name the operation and the status only: never tokens, addresses, subjects, bodies or attachment bytes.

A user's request reaches the mailbox as ``/me`` with an on-behalf-of token; the scheduled-send worker, which has
no user token, as ``/users/{address}`` with an app-only token (``background_access``).
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import anyio
import httpx

from app.auth.principal import Principal
from app.config import Settings
from app.mailbox.base import (
    CreatedDraft,
    HeldMessage,
    MailAttachment,
    MailboxAccess,
    MailMessage,
    OutgoingDraft,
    RecallResult,
    SendResult,
)
from app.mailbox.exceptions import (
    AlreadySent,
    ConsentMissing,
    MailboxUnavailable,
    MessageNotFound,
    SendOutcomeUnknown,
)
from app.mailbox.graph_auth import GraphAuth, MailboxReauthRequired
from app.mailbox.graph_errors import graph_error, outcome_unknown, retry_delay
from app.mailbox.graph_json import (
    DEFERRED_SEND_TIME,
    addresses_of,
    attachment_kind,
    file_attachment_json,
    held_message,
    int_of,
    list_of,
    message_of,
    recipients_json,
    text_of,
)

log = logging.getLogger(__name__)
# httpx logs every request URL at INFO; Graph URLs carry addresses ($search) and message ids. Keep them out.
_httpx_log = logging.getLogger("httpx")
if _httpx_log.level < logging.WARNING:
    _httpx_log.setLevel(logging.WARNING)

MESSAGE_FIELDS = (
    "id,subject,body,from,sender,toRecipients,ccRecipients,bccRecipients,internetMessageId,isDraft,hasAttachments"
)
ATTACHMENT_FIELDS = "id,name,contentType,size,isInline"
SAME_ORGANIZATION_ONLY = "Recall works only for recipients in your own organization (Exchange Online)."
RECALL_READ = "A recipient who has already opened the message keeps it."
# PidTagDeferredSendTime: the delivery time Outlook sets (Office.js delayDeliveryTime); the message waits in
# the Outbox until then.
HELD_EXPAND = f"singleValueExtendedProperties($filter=id eq '{DEFERRED_SEND_TIME}')"
# A named property of our own, stamped on a draft before a scheduled send: it stays on the message in Sent Items,
# where a send whose outcome is unknown is looked for before any retry.
SCHEDULE_MARKER = "String {8c1d5f52-3b7e-4a8c-9f61-2e0d7b4a6c13} Name SendGuardScheduledSend"
HELD_FIELDS = "id,subject,toRecipients"
MAX_HELD = 100
# Moving a message back to Drafts in its last seconds races Exchange's own send: refuse rather than guess.
HOLD_CANCEL_MARGIN = timedelta(seconds=5)
_RETRY_STATUSES = {429, 503, 504}
_ADDRESS = re.compile(r"^[^\s\"'()<>\\,;:]+@[^\s\"'()<>\\,;:]+$")
_MAX_ID_CHARS = 1024

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class _Call:
    operation: str  # logged instead of the URL (URLs carry ids, addresses and search terms)
    method: str
    url: str
    params: dict[str, str] | None = None
    json: Any = None
    headers: dict[str, str] | None = None
    # Safe to repeat after a 504 (the first attempt may have been carried out)?
    idempotent: bool = True
    max_retries: int | None = None


class GraphMailbox:
    name = "graph"

    def __init__(
        self,
        settings: Settings,
        *,
        auth: GraphAuth | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        retry_budget_seconds: float = 8.0,
        correspondence_ttl_seconds: float = 600.0,
        max_cached_correspondents: int = 50_000,
        sleep: Sleep = anyio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings
        self.auth = auth or GraphAuth(settings)
        self._transport = transport
        self._http: httpx.AsyncClient | None = None
        self._base = settings.graph_base_url.rstrip("/")
        self._beta = settings.graph_beta_url.rstrip("/")
        self._timeout = httpx.Timeout(settings.graph_timeout_seconds, connect=min(5.0, settings.graph_timeout_seconds))
        self._retry_budget = retry_budget_seconds
        self._ttl = correspondence_ttl_seconds
        self._max_cached = max_cached_correspondents
        self._correspondents: OrderedDict[tuple[str, str], tuple[bool, float]] = OrderedDict()
        self._sleep = sleep
        self._clock = clock

    # -- lifecycle ---------------------------------------------------------------------------------

    async def start(self) -> None:
        if self._http is None:
            self._http = httpx.AsyncClient(
                transport=self._transport,
                timeout=self._timeout,
                follow_redirects=False,
                limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
                headers={"Accept": "application/json"},
            )

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        await anyio.to_thread.run_sync(self.auth.close)

    async def _client(self) -> httpx.AsyncClient:
        if self._http is None:  # used outside the app's lifespan (a script, a worker)
            await self.start()
        assert self._http is not None
        return self._http

    # -- the MailboxProvider interface -------------------------------------------------------------

    async def access_for(self, principal: Principal, user_email: str) -> MailboxAccess:
        return MailboxAccess(user_email=user_email, token=await self.auth.token_for(principal))

    async def background_access(self, user_email: str, tenant_key: str) -> MailboxAccess:
        """Access to a user's mailbox with no user request around (the scheduled-send worker).

        An app-only token for the user's Entra tenant (``tenant_key`` is ``entra:{tid}``) and the mailbox
        addressed as ``/users/{address}``: needs the application permissions Mail.Send and Mail.ReadWrite with
        admin consent, ideally limited to the sales mailboxes by an Exchange application access policy.
        """
        prefix, _, tid = tenant_key.partition(":")
        if prefix != "entra" or not tid or not _ADDRESS.match(user_email.strip()):
            raise ConsentMissing(
                "Scheduled sends through Microsoft Graph need a Microsoft 365 (Entra) mailbox.",
                details={"reason": "not_an_entra_mailbox"},
            )
        token = await self.auth.app_token(tid)
        mailbox = quote(user_email.strip().lower(), safe="@")
        return MailboxAccess(user_email=user_email, token=token, mailbox_path=f"/users/{mailbox}")

    async def get_message(self, access: MailboxAccess, message_id: str) -> MailMessage:
        url = self._message_url(access, message_id)
        data = await self._json(
            access,
            _Call(
                "get_message",
                "GET",
                url,
                params={"$select": MESSAGE_FIELDS},
                headers={"Prefer": 'outlook.body-content-type="text"'},
            ),
        )
        attachments: tuple[MailAttachment, ...] = ()
        if data.get("hasAttachments") is not False:
            attachments = await self._attachments(access, url)
        return message_of(data, access, attachments)

    async def has_corresponded(self, access: MailboxAccess, address: str) -> bool | None:
        address = address.strip().lower()
        if not _ADDRESS.match(address):
            return None
        key = (access.user_email.lower(), address)
        now = self._clock()
        cached = self._correspondents.get(key)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            data = await self._json(
                access,
                _Call(
                    "search_sent",
                    "GET",
                    f"{self._base}{access.mailbox_path}/mailFolders/SentItems/messages",
                    params={"$search": f'"to:{address}"', "$top": "1", "$select": "id"},
                    headers={"ConsistencyLevel": "eventual"},
                    max_retries=min(1, self._settings.graph_max_retries),
                ),
            )
        except MailboxUnavailable:
            return None  # unknown: the check goes on without this hint
        found = bool(list_of(data.get("value")))
        self._remember(key, found)
        return found

    async def create_draft(self, access: MailboxAccess, draft: OutgoingDraft) -> CreatedDraft:
        content: dict[str, Any] = {
            "subject": draft.subject,
            "body": {"contentType": "HTML", "content": draft.body_html},
            "toRecipients": recipients_json(draft.to),
            "ccRecipients": recipients_json(draft.cc),
        }
        files = [file_attachment_json(a) for a in draft.attachments if a.content is not None]
        if draft.reply_to_message_id is None:
            created = await self._json(
                access,
                _Call(
                    "create_draft",
                    "POST",
                    f"{self._base}{access.mailbox_path}/messages",
                    json={**content, "attachments": files},
                    idempotent=False,
                ),
            )
        else:
            action = "createReplyAll" if draft.reply_all else "createReply"
            reply = await self._json(
                access,
                _Call(
                    "create_reply",
                    "POST",
                    f"{self._message_url(access, draft.reply_to_message_id)}/{action}",
                    json={},
                    idempotent=False,
                ),
            )
            reply_id = text_of(reply.get("id"))
            if not reply_id:
                raise MailboxUnavailable(details={"reason": "malformed_response"})
            # The reply's own body quotes the original; ours replaces it on purpose: a letter about a
            # misdirected mail must never carry that mail along again. Recipients are the letter's own.
            patch: dict[str, Any] = {"subject": draft.subject, "body": content["body"]}
            if draft.to:
                patch["toRecipients"] = content["toRecipients"]
                patch["ccRecipients"] = content["ccRecipients"]
            created = await self._json(
                access, _Call("update_draft", "PATCH", self._message_url(access, reply_id), json=patch)
            )
            for item in files:
                await self._json(
                    access,
                    _Call(
                        "add_attachment",
                        "POST",
                        f"{self._message_url(access, reply_id)}/attachments",
                        json=item,
                        idempotent=False,
                    ),
                )
        draft_id = text_of(created.get("id"))
        if not draft_id:
            raise MailboxUnavailable(details={"reason": "malformed_response"})
        return CreatedDraft(id=draft_id, web_link=text_of(created.get("webLink")) or None)

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        url = self._message_url(access, draft_id)
        draft = await self._json(
            access,
            _Call(
                "read_draft",
                "GET",
                url,
                params={"$select": "id,isDraft,internetMessageId,toRecipients,ccRecipients,bccRecipients"},
            ),
        )
        if draft.get("isDraft") is not True:
            raise MessageNotFound("The draft is no longer in the mailbox.")
        if marker:
            stamp = {"singleValueExtendedProperties": [{"id": SCHEDULE_MARKER, "value": marker}]}
            await self._call(access, _Call("mark_draft", "PATCH", url, json=stamp))
        try:
            await self._call(access, _Call("send_draft", "POST", f"{url}/send", idempotent=False))
        except MailboxUnavailable as exc:
            if outcome_unknown(exc):
                raise SendOutcomeUnknown(details={"reason": "timeout"}) from exc
            raise
        for field in ("toRecipients", "ccRecipients", "bccRecipients"):
            for recipient in addresses_of(draft.get(field)):
                self._remember((access.user_email.lower(), recipient.email.lower()), True)
        return SendResult(internet_message_id=text_of(draft.get("internetMessageId")) or None)

    async def find_sent(
        self, access: MailboxAccess, internet_message_id: str | None, marker: str | None = None
    ) -> bool:
        filters = []
        if marker:
            filters.append(
                f"singleValueExtendedProperties/Any(ep: ep/id eq '{SCHEDULE_MARKER}' and ep/value eq '{_quoted(marker)}')"
            )
        if internet_message_id:
            filters.append(f"internetMessageId eq '{_quoted(internet_message_id)}'")
        for query in filters:
            data = await self._json(
                access,
                _Call(
                    "find_sent",
                    "GET",
                    f"{self._base}{access.mailbox_path}/mailFolders/SentItems/messages",
                    params={"$filter": query, "$top": "1", "$select": "id"},
                ),
            )
            if list_of(data.get("value")):
                return True
        return False

    async def recall(self, access: MailboxAccess, message_id: str) -> RecallResult:
        limitations = (SAME_ORGANIZATION_ONLY, RECALL_READ)
        if not self._settings.graph_recall_enabled:
            return RecallResult(
                attempted=False,
                detail="Recall through Microsoft Graph is turned off on this server; recall it from Outlook.",
                limitations=limitations,
            )
        self._check_id(message_id)
        await self._call(
            access,
            _Call(
                "recall",
                "POST",
                f"{self._beta}{access.mailbox_path}/messages/{quote(message_id, safe='')}/recall",
                idempotent=False,
            ),
        )
        return RecallResult(
            attempted=True,
            detail="Recall requested. Outlook sends you a report on how it went for each recipient.",
            limitations=limitations,
        )

    async def list_held(self, access: MailboxAccess) -> list[HeldMessage]:
        """Messages waiting in the Outbox for their delivery time (sorted by it); at most MAX_HELD."""
        data = await self._json(
            access,
            _Call(
                "list_held",
                "GET",
                f"{self._base}{access.mailbox_path}/mailFolders/outbox/messages",
                params={"$select": HELD_FIELDS, "$expand": HELD_EXPAND, "$top": str(MAX_HELD)},
            ),
        )
        now = datetime.now(UTC)
        held = [
            m
            for m in (held_message(item) for item in list_of(data.get("value")))
            if m is not None and m.deliver_at > now
        ]
        return sorted(held, key=lambda m: m.deliver_at)

    async def cancel_held(self, access: MailboxAccess, message_id: str) -> HeldMessage:
        """Move a held message back to Drafts, unsent: only while it is in the Outbox and its time is ahead."""
        url = self._message_url(access, message_id)
        outbox = await self._json(
            access,
            _Call(
                "outbox_folder",
                "GET",
                f"{self._base}{access.mailbox_path}/mailFolders/outbox",
                params={"$select": "id"},
            ),
        )
        data = await self._json(
            access,
            _Call(
                "read_held",
                "GET",
                url,
                params={"$select": f"{HELD_FIELDS},parentFolderId", "$expand": HELD_EXPAND},
            ),
        )
        held = held_message(data)
        in_outbox = bool(text_of(outbox.get("id"))) and text_of(data.get("parentFolderId")) == text_of(outbox.get("id"))
        if held is None or not in_outbox or held.deliver_at <= datetime.now(UTC) + HOLD_CANCEL_MARGIN:
            raise AlreadySent()
        try:
            await self._json(
                access,
                _Call("cancel_held", "POST", f"{url}/move", json={"destinationId": "drafts"}, idempotent=False),
            )
        except MessageNotFound as exc:  # gone between the read and the move: Exchange sent it
            raise AlreadySent() from exc
        return held

    # -- attachments -------------------------------------------------------------------------------

    async def _attachments(self, access: MailboxAccess, message_url: str) -> tuple[MailAttachment, ...]:
        listing = await self._json(
            access,
            _Call("list_attachments", "GET", f"{message_url}/attachments", params={"$select": ATTACHMENT_FIELDS}),
        )
        max_bytes = self._settings.max_attachment_bytes
        budget = self._settings.max_check_attachment_bytes
        result = []
        for item in list_of(listing.get("value")):
            if not isinstance(item, dict) or item.get("isInline") is True:
                continue  # inline images (signatures, logos) are part of the body, not attachments
            kind = attachment_kind(item.get("@odata.type"))
            name = text_of(item.get("name")) or "attachment"
            content_type = text_of(item.get("contentType"))
            size = int_of(item.get("size"))
            content = None
            attachment_id = text_of(item.get("id"))
            if kind == "file" and attachment_id and 0 <= size <= min(max_bytes, budget):
                content = await self._attachment_bytes(access, message_url, attachment_id, max_bytes)
                if content is not None:
                    budget -= len(content)
                    size = len(content)
            result.append(MailAttachment(name=name, content_type=content_type, size=size, content=content, kind=kind))
        return tuple(result)

    async def _attachment_bytes(
        self, access: MailboxAccess, message_url: str, attachment_id: str, max_bytes: int
    ) -> bytes | None:
        data = await self._json(
            access,
            _Call("get_attachment", "GET", f"{message_url}/attachments/{quote(attachment_id, safe='')}"),
        )
        encoded = data.get("contentBytes")
        if not isinstance(encoded, str) or len(encoded) > (max_bytes * 4) // 3 + 8:
            return None  # the listing's size understated it: report it without content
        try:
            content = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            return None
        return content if len(content) <= max_bytes else None

    # -- HTTP ----------------------------------------------------------------------------------------

    def _message_url(self, access: MailboxAccess, message_id: str) -> str:
        self._check_id(message_id)
        return f"{self._base}{access.mailbox_path}/messages/{quote(message_id, safe='')}"

    @staticmethod
    def _check_id(message_id: str) -> None:
        if not message_id or len(message_id) > _MAX_ID_CHARS:
            raise MessageNotFound()

    def _remember(self, key: tuple[str, str], found: bool) -> None:
        self._correspondents[key] = (found, self._clock() + self._ttl)
        self._correspondents.move_to_end(key)
        while len(self._correspondents) > self._max_cached:
            self._correspondents.popitem(last=False)

    @property
    def base_url(self) -> str:
        return self._base

    async def read_json(
        self, access: MailboxAccess, operation: str, url: str, params: dict[str, str] | None = None
    ) -> dict[str, Any]:
        """A GET with this provider's retries (429/503/504 with Retry-After) and error mapping, for readers
        of other resources (app/mailbox/graph_sent.py). Bodies come as text."""
        headers = {"Prefer": 'outlook.body-content-type="text"'}
        return await self._json(access, _Call(operation, "GET", url, params=params, headers=headers))

    async def _json(self, access: MailboxAccess, call: _Call) -> dict[str, Any]:
        response = await self._call(access, call)
        try:
            data = response.json()
        except ValueError as exc:
            log.warning("graph %s: malformed JSON (status %s)", call.operation, response.status_code)
            raise MailboxUnavailable(details={"reason": "malformed_response"}) from exc
        if not isinstance(data, dict):
            log.warning("graph %s: unexpected JSON shape", call.operation)
            raise MailboxUnavailable(details={"reason": "malformed_response"})
        return data

    async def _call(self, access: MailboxAccess, call: _Call) -> httpx.Response:
        if not access.token:
            raise MailboxReauthRequired("Sign in with Microsoft 365 to let SendGuard use this mailbox.")
        client = await self._client()
        headers = {"Authorization": f"Bearer {access.token}", **(call.headers or {})}
        max_retries = self._settings.graph_max_retries if call.max_retries is None else call.max_retries
        started = self._clock()
        waited = 0.0  # time asked to sleep; counts even where the clock says less (a slow-ticking clock)
        attempt = 0
        while True:
            try:
                response = await client.request(
                    call.method, call.url, params=call.params, json=call.json, headers=headers, timeout=self._timeout
                )
            except httpx.TimeoutException as exc:
                log.warning("graph %s: timeout", call.operation)
                raise MailboxUnavailable(details={"reason": "timeout"}) from exc
            except httpx.HTTPError as exc:
                log.warning("graph %s: %s", call.operation, type(exc).__name__)
                raise MailboxUnavailable(details={"reason": "connection"}) from exc
            status = response.status_code
            if status < 400:
                return response
            retryable = status in (429, 503) or (status == 504 and call.idempotent)
            if retryable and attempt < max_retries:
                delay = retry_delay(response, attempt)
                spent = max(self._clock() - started, waited)
                if spent + delay <= self._retry_budget:
                    log.info("graph %s: %s, retry %s in %.1fs", call.operation, status, attempt + 1, delay)
                    await self._sleep(delay)
                    waited += delay
                    attempt += 1
                    continue
            raise graph_error(call.operation, response, attempt, app_only=access.mailbox_path != "/me")


def _quoted(value: str) -> str:
    return value.replace("'", "''")
