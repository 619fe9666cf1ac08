"""MAILBOX_PROVIDER=gmail: the Gmail API through google-api-python-client, with the user's own OAuth token.

The client is built from the discovery document shipped next to this file (no discovery download at run time),
pointed at ``settings.gmail_api_base_url``. Every call runs in a worker thread with a socket timeout, so a slow
Gmail never blocks the event loop. Bodies, subjects and tokens are never logged.
"""

from __future__ import annotations

import base64
import copy
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import anyio.to_thread
import google.auth.exceptions

from app.auth.principal import Principal
from app.config import Settings
from app.mailbox.base import (
    CreatedDraft,
    MailAttachment,
    MailboxAccess,
    MailMessage,
    OutgoingDraft,
    RecallResult,
    SendResult,
)
from app.mailbox.exceptions import ConsentMissing, MailboxUnavailable, MessageNotFound, SendOutcomeUnknown
from app.mailbox.gmail_delegation import DelegationMissing, GmailDelegation
from app.mailbox.gmail_drafts import FoundDraft, matching_draft
from app.mailbox.gmail_mime import b64decode as _b64decode
from app.mailbox.gmail_mime import build_raw_message, parse_raw
from app.mailbox.gmail_mime import header_map as _headers
from app.mailbox.gmail_mime import parse_payload as _parse_message

if TYPE_CHECKING:
    from googleapiclient.errors import HttpError

log = logging.getLogger(__name__)

DISCOVERY_FILE = Path(__file__).with_name("gmail_discovery.json")
MESSAGE_TOKEN_HEADER = "X-Goog-Gmail-Access-Token"
_SAFE_ADDRESS = re.compile(r"^[^\s\"'()<>,;:\\]+@[^\s\"'()<>,;:\\]+$")
_SAFE_MESSAGE_ID = re.compile(r"^[^\s\"'()<>\\]+$")
# Gmail's draft ids ("r-5374…", "r5258…") never look like its hexadecimal message ids.
_DRAFT_ID = re.compile(r"^r-?\d+$")

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class GmailAccess(MailboxAccess):
    """A Gmail credential: the user's OAuth token, plus the add-on's per-message token when Gmail gave one."""

    message_token: str | None = None


@dataclass(frozen=True, slots=True)
class GmailCreatedDraft(CreatedDraft):
    """A created draft with the ids the add-on needs to open it (``openCreatedDraftActionMarkup``)."""

    message_id: str = ""
    thread_id: str = ""


@dataclass(frozen=True, slots=True)
class SentHistory:
    """Messages that reached Sent Mail after a history id, oldest first, and the id to start from next time."""

    message_ids: tuple[str, ...]
    history_id: str


class HistoryExpired(MessageNotFound):
    """Gmail keeps history for about a week: an older start id answers 404 and the watcher must start over."""

    code = "history_expired"
    message = "Gmail no longer has the mailbox history from that point."


@cache
def discovery_document() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(DISCOVERY_FILE.read_text(encoding="utf-8"))
    return document


class GmailMailbox:
    name = "gmail"

    def __init__(self, settings: Settings) -> None:
        root = settings.gmail_api_base_url.rstrip("/") + "/"
        document = copy.deepcopy(discovery_document())
        document["rootUrl"] = root
        document["baseUrl"] = root + document.get("servicePath", "")
        self._document = document
        self._timeout = settings.gmail_timeout_seconds
        self._max_attachment_bytes = settings.max_attachment_bytes
        self._max_total_attachment_bytes = settings.max_check_attachment_bytes
        self.delegation = GmailDelegation(settings)

    async def aclose(self) -> None:
        self.delegation.close()

    # --- whose mailbox: the user's own token, or domain-wide delegation in the background ------------

    async def access_for(self, principal: Principal, user_email: str) -> MailboxAccess:
        """A /v1 request carries a Google ID token, not a Gmail token: with domain-wide delegation configured
        SendGuard acts for the signed-in Workspace user; without it there is no Gmail access (as before)."""
        if not self.delegation.configured:
            return MailboxAccess(user_email=user_email)
        return await self.background_access(user_email, principal.tenant_key)

    async def background_access(self, user_email: str, tenant_key: str) -> MailboxAccess:
        """Access to a Workspace user's mailbox with no user request around (the scheduled-send worker)."""
        if not self.delegation.configured:
            raise DelegationMissing()
        prefix, _, domain = tenant_key.partition(":")
        if prefix != "google" or not domain or domain.startswith("user:"):
            raise DelegationMissing(
                "Gmail sends in the background need a Google Workspace account; personal Gmail accounts have no "
                "domain-wide delegation.",
                details={"reason": "not_a_workspace_account"},
            )
        token = await anyio.to_thread.run_sync(self.delegation.token, user_email)
        return GmailAccess(user_email=user_email, token=token)

    # --- plumbing ----------------------------------------------------------------------------------

    def _service(self, access: MailboxAccess) -> Any:
        # The API client's libraries (~15 MB) are imported by the first mailbox call, in its thread: a worker
        # that only answers checks never carries them.
        import httplib2
        from google.oauth2.credentials import Credentials
        from google_auth_httplib2 import AuthorizedHttp
        from googleapiclient.discovery import build_from_document

        if not access.token:
            raise ConsentMissing("Sign in to Gmail and allow SendGuard to use your mailbox.")
        # httplib2.Http is not thread-safe: one per call, each with its own timeout.
        http = AuthorizedHttp(Credentials(token=access.token), http=httplib2.Http(timeout=self._timeout))
        return build_from_document(self._document, http=http)

    def api(self, access: MailboxAccess) -> Any:
        """The Gmail API client for this access (for readers in other modules: app/mailbox/gmail_sent.py, gmail_sent_pages.py)."""
        return self._service(access)

    async def call(self, call: Callable[[], T]) -> T:
        """Run a blocking API call off the event loop, errors mapped as for this provider's own calls."""
        return await self._run(call)

    async def _run(self, call: Callable[[], T]) -> T:
        return await anyio.to_thread.run_sync(_mapped_errors, call)

    @staticmethod
    def _with_message_token(request: Any, access: MailboxAccess) -> Any:
        token = getattr(access, "message_token", None)
        if token:
            request.headers[MESSAGE_TOKEN_HEADER] = token
        return request

    # --- MailboxProvider ---------------------------------------------------------------------------

    async def get_message(self, access: MailboxAccess, message_id: str) -> MailMessage:
        if _DRAFT_ID.match(message_id):
            return await self._get_draft(access, message_id)

        def read() -> MailMessage:
            service = self._service(access)
            messages = service.users().messages()
            data = self._with_message_token(messages.get(userId="me", id=message_id, format="full"), access).execute()
            parsed = _parse_message(data)
            attachments = []
            budget = self._max_total_attachment_bytes
            for part in parsed.attachment_parts:
                body = part.get("body") or {}
                size = int(body.get("size") or 0)
                content: bytes | None = None
                if body.get("data"):
                    content = _b64decode(body["data"])
                elif body.get("attachmentId") and size <= self._max_attachment_bytes and size <= budget:
                    fetched = self._with_message_token(
                        messages.attachments().get(userId="me", messageId=message_id, id=body["attachmentId"]),
                        access,
                    ).execute()
                    content = _b64decode(fetched.get("data") or "")
                if content is not None and (len(content) > self._max_attachment_bytes or len(content) > budget):
                    content = None  # too large to scan: reported by name and size only
                if content is not None:
                    budget -= len(content)
                attachments.append(
                    MailAttachment(
                        name=part.get("filename") or "attachment",
                        content_type=(part.get("mimeType") or "").lower(),
                        size=len(content) if content is not None else size,
                        content=content,
                        kind="item" if (part.get("mimeType") or "").lower() == "message/rfc822" else "file",
                    )
                )
            return MailMessage(
                id=data.get("id") or message_id,
                sender=parsed.sender,
                to=parsed.to,
                cc=parsed.cc,
                bcc=parsed.bcc,
                subject=parsed.subject,
                body=parsed.body,
                body_format=parsed.body_format,
                attachments=tuple(attachments),
                internet_message_id=parsed.message_id,
                is_draft="DRAFT" in (data.get("labelIds") or []),
            )

        return await self._run(read)

    async def _get_draft(self, access: MailboxAccess, draft_id: str) -> MailMessage:
        """A draft by its draft id (what a scheduled send names), read whole with drafts.get: gmail.compose."""

        def read() -> MailMessage:
            found = self._service(access).users().drafts().get(userId="me", id=draft_id, format="raw").execute()
            message = parse_raw(
                _b64decode((found.get("message") or {}).get("raw") or ""),
                draft_id,
                max_attachment_bytes=self._max_attachment_bytes,
                max_total_bytes=self._max_total_attachment_bytes,
            )
            return message

        return await self._run(read)

    async def has_corresponded(self, access: MailboxAccess, address: str) -> bool | None:
        address = address.strip().lower()
        if not _SAFE_ADDRESS.match(address):
            return None  # never put an odd string into a search query
        query = f"to:{address} in:sent"

        def search() -> bool:
            found = self._service(access).users().messages().list(userId="me", q=query, maxResults=1).execute()
            return bool(found.get("messages"))

        try:
            return await self._run(search)
        except (MailboxUnavailable, ConsentMissing):
            return None  # unknown is not "never": the check goes on without it

    async def create_draft(self, access: MailboxAccess, draft: OutgoingDraft) -> GmailCreatedDraft:
        def create() -> GmailCreatedDraft:
            service = self._service(access)
            thread_id = None
            in_reply_to = references = None
            if draft.reply_to_message_id:
                original = self._with_message_token(
                    service.users()
                    .messages()
                    .get(
                        userId="me",
                        id=draft.reply_to_message_id,
                        format="metadata",
                        metadataHeaders=["Message-ID", "References"],
                    ),
                    access,
                ).execute()
                thread_id = original.get("threadId")
                headers = _headers((original.get("payload") or {}).get("headers") or [])
                in_reply_to = headers.get("message-id")
                references = " ".join(filter(None, [headers.get("references"), in_reply_to])) or None
            raw = build_raw_message(access.user_email, draft, in_reply_to=in_reply_to, references=references)
            message: dict[str, Any] = {"raw": base64.urlsafe_b64encode(raw).decode("ascii")}
            if thread_id:
                message["threadId"] = thread_id
            created = service.users().drafts().create(userId="me", body={"message": message}).execute()
            inner = created.get("message") or {}
            message_id = inner.get("id") or ""
            return GmailCreatedDraft(
                id=created["id"],
                web_link=f"https://mail.google.com/mail/#drafts?compose={message_id}" if message_id else None,
                message_id=message_id,
                thread_id=inner.get("threadId") or "",
            )

        return await self._run(create)

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        # Gmail keeps a draft's Message-ID when it sends it: that header, on record before the send, is what
        # find_sent looks for; there is no property to stamp (`marker` is not needed).
        def send() -> SendResult:
            service = self._service(access)
            from googleapiclient.errors import HttpError  # loaded by _service

            try:
                sent = service.users().drafts().send(userId="me", body={"id": draft_id}).execute()
            except (TimeoutError, ConnectionResetError) as exc:
                raise SendOutcomeUnknown(details={"provider": "gmail", "reason": "timeout"}) from exc
            except HttpError as exc:
                if int(getattr(exc.resp, "status", 0) or 0) == 504:
                    raise SendOutcomeUnknown(details={"provider": "gmail", "status": 504}) from exc
                raise
            sent_id = sent.get("id")
            if not sent_id:
                return SendResult()
            try:
                meta = (
                    service.users()
                    .messages()
                    .get(userId="me", id=sent_id, format="metadata", metadataHeaders=["Message-ID"])
                    .execute()
                )
            except HttpError:
                return SendResult()  # sent; only the header look-up failed
            return SendResult(
                internet_message_id=_headers((meta.get("payload") or {}).get("headers") or []).get("message-id")
            )

        return await self._run(send)

    async def find_sent(
        self, access: MailboxAccess, internet_message_id: str | None, marker: str | None = None
    ) -> bool:
        wanted = (internet_message_id or "").strip().strip("<>")
        if not wanted or not _SAFE_MESSAGE_ID.match(wanted):
            return False
        query = f"rfc822msgid:{wanted} in:sent"  # the draft itself carries the same Message-ID

        def search() -> bool:
            found = self._service(access).users().messages().list(userId="me", q=query, maxResults=1).execute()
            return bool(found.get("messages"))

        return await self._run(search)

    async def find_draft(
        self, access: MailboxAccess, recipients: frozenset[str], thread_id: str | None = None
    ) -> FoundDraft | None:
        """The newest saved draft with exactly these recipients (To, Cc and Bcc) and, for a reply, in this thread.

        Everything here is allowed by the gmail.compose scope alone: drafts.list, then drafts.get with
        format=metadata to compare recipients, then format=raw for the match (its attachments come inside the
        raw message, so no messages.attachments.get, which gmail.compose does not allow). None when Gmail has no
        such draft yet (not autosaved, or saved before the recipients changed)."""
        wanted = frozenset(r.strip().lower() for r in recipients if r.strip())
        limits = (self._max_attachment_bytes, self._max_total_attachment_bytes)
        return await self._run(lambda: matching_draft(self._service(access), wanted, thread_id, *limits))

    async def current_history_id(self, access: MailboxAccess) -> str:
        """Where a sent-mail watch starts: the mailbox's history id now (users.getProfile)."""

        def read() -> str:
            return str(self._service(access).users().getProfile(userId="me").execute()["historyId"])

        return await self._run(read)

    async def sent_since(self, access: MailboxAccess, history_id: str, page_size: int = 500) -> SentHistory:
        """Messages added to Sent Mail after ``history_id`` (users.history.list, every page), each once."""

        def read() -> SentHistory:
            history = self._service(access).users().history()
            found: dict[str, None] = {}
            latest, token = history_id, None
            while True:
                page = history.list(
                    userId="me",
                    startHistoryId=history_id,
                    historyTypes=["messageAdded"],
                    labelId="SENT",
                    maxResults=page_size,
                    pageToken=token,
                ).execute()
                collect_sent_ids(page, found)
                latest, token = str(page.get("historyId") or latest), page.get("nextPageToken")
                if not token:
                    return SentHistory(tuple(found), latest)

        try:
            return await self._run(read)
        except MessageNotFound:
            raise HistoryExpired(details={"history_id": history_id}) from None

    async def recall(self, access: MailboxAccess, message_id: str) -> RecallResult:
        return RecallResult(
            attempted=False,
            detail="Gmail cannot recall a sent message.",
            limitations=(
                "Gmail only offers 'Undo send' for up to 30 seconds after sending, in the Gmail window itself.",
                "Ask the wrong recipient to delete the message and confirm.",
            ),
        )


# --- errors -------------------------------------------------------------------------------------------


def _mapped_errors(call: Callable[[], T]) -> T:
    """Run a Gmail call (in a worker thread), its failures mapped to this service's errors."""
    import httplib2
    from googleapiclient.errors import HttpError

    try:
        return call()
    except HttpError as exc:
        raise _mapped(exc) from None
    except google.auth.exceptions.RefreshError:
        # Gmail said 401: the add-on's token expired or was revoked; we hold no refresh token.
        raise ConsentMissing(details={"provider": "gmail", "status": 401}) from None
    except google.auth.exceptions.TransportError as exc:
        log.warning("gmail unavailable: %s", type(exc).__name__)
        raise MailboxUnavailable() from None
    except (TimeoutError, httplib2.HttpLib2Error, OSError) as exc:
        log.warning("gmail unavailable: %s", type(exc).__name__)
        raise MailboxUnavailable() from None


def _mapped(exc: HttpError) -> Exception:
    status = int(getattr(exc.resp, "status", 0) or 0)
    if status in (401, 403):
        return ConsentMissing(details={"provider": "gmail", "status": status})
    if status == 404:
        return MessageNotFound()
    log.warning("gmail error status %s", status)
    return MailboxUnavailable(details={"provider": "gmail", "status": status})


def collect_sent_ids(page: dict[str, Any], found: dict[str, None]) -> None:
    """The ids of messages added to Sent Mail in one users.history.list page, in order, each once."""
    for record in page.get("history") or []:
        for added in record.get("messagesAdded") or []:
            message = added.get("message") or {}
            if message.get("id") and "SENT" in (message.get("labelIds") or []):
                found[message["id"]] = None
