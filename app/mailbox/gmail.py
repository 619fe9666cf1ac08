"""MAILBOX_PROVIDER=gmail: the Gmail API through google-api-python-client, with the user's own OAuth token.

The client is built from the discovery document shipped next to this file (no discovery download at run time),
pointed at ``settings.gmail_api_base_url``. Every call runs in a worker thread with a socket timeout, so a slow
Gmail never blocks the event loop. Bodies, subjects and tokens are never logged.
"""

from __future__ import annotations

import base64
import binascii
import copy
import email.policy
import json
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import getaddresses
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import anyio.to_thread
import google.auth.exceptions
import httplib2
from google.oauth2.credentials import Credentials
from google_auth_httplib2 import AuthorizedHttp
from googleapiclient.discovery import build_from_document
from googleapiclient.errors import HttpError

from app.config import Settings
from app.mailbox.base import (
    CreatedDraft,
    MailAddress,
    MailAttachment,
    MailboxAccess,
    MailMessage,
    OutgoingDraft,
    RecallResult,
    SendResult,
)
from app.mailbox.exceptions import ConsentMissing, MailboxUnavailable, MessageNotFound, SendOutcomeUnknown

log = logging.getLogger(__name__)

DISCOVERY_FILE = Path(__file__).with_name("gmail_discovery.json")
MESSAGE_TOKEN_HEADER = "X-Goog-Gmail-Access-Token"
_SAFE_ADDRESS = re.compile(r"^[^\s\"'()<>,;:\\]+@[^\s\"'()<>,;:\\]+$")
_SAFE_MESSAGE_ID = re.compile(r"^[^\s\"'()<>\\]+$")

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

    # --- plumbing ----------------------------------------------------------------------------------

    def _service(self, access: MailboxAccess) -> Any:
        if not access.token:
            raise ConsentMissing("Sign in to Gmail and allow SendGuard to use your mailbox.")
        # httplib2.Http is not thread-safe: one per call, each with its own timeout.
        http = AuthorizedHttp(Credentials(token=access.token), http=httplib2.Http(timeout=self._timeout))
        return build_from_document(self._document, http=http)

    async def _run(self, call: Callable[[], T]) -> T:
        try:
            return await anyio.to_thread.run_sync(call)
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

    @staticmethod
    def _with_message_token(request: Any, access: MailboxAccess) -> Any:
        token = getattr(access, "message_token", None)
        if token:
            request.headers[MESSAGE_TOKEN_HEADER] = token
        return request

    # --- MailboxProvider ---------------------------------------------------------------------------

    async def get_message(self, access: MailboxAccess, message_id: str) -> MailMessage:
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


def _mapped(exc: HttpError) -> Exception:
    status = int(getattr(exc.resp, "status", 0) or 0)
    if status in (401, 403):
        return ConsentMissing(details={"provider": "gmail", "status": status})
    if status == 404:
        return MessageNotFound()
    log.warning("gmail error status %s", status)
    return MailboxUnavailable(details={"provider": "gmail", "status": status})


# --- reading ------------------------------------------------------------------------------------------


@dataclass
class _Parsed:
    sender: str
    to: tuple[MailAddress, ...]
    cc: tuple[MailAddress, ...]
    bcc: tuple[MailAddress, ...]
    subject: str
    message_id: str | None
    body: str
    body_format: Literal["text", "html"]
    attachment_parts: list[dict[str, Any]]


def _b64decode(data: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        return b""


def _decoded(value: str) -> str:
    try:
        return str(make_header(decode_header(value)))
    except (UnicodeError, LookupError, ValueError, binascii.Error):
        return value


def _headers(items: list[dict[str, Any]]) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in items:
        name = str(item.get("name") or "").lower()
        if name and name not in result:
            result[name] = str(item.get("value") or "")
    return result


def _addresses(value: str | None) -> tuple[MailAddress, ...]:
    if not value:
        return ()
    return tuple(
        MailAddress(email=addr.strip(), name=_decoded(name).strip())
        for name, addr in getaddresses([value])
        if addr and "@" in addr
    )


def _walk(part: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield part
    for child in part.get("parts") or []:
        yield from _walk(child)


def _charset(part: dict[str, Any]) -> str:
    for header in part.get("headers") or []:
        if str(header.get("name", "")).lower() == "content-type":
            match = re.search(r"charset=\"?([\w.:-]+)", str(header.get("value", "")), re.IGNORECASE)
            if match:
                return match.group(1)
    return "utf-8"


def _text_of(part: dict[str, Any]) -> str:
    data = _b64decode((part.get("body") or {}).get("data") or "")
    try:
        return data.decode(_charset(part), errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def _parse_message(data: dict[str, Any]) -> _Parsed:
    payload = data.get("payload") or {}
    headers = _headers(payload.get("headers") or [])
    plain: list[str] = []
    html: list[str] = []
    attachments: list[dict[str, Any]] = []
    for part in _walk(payload):
        mime = (part.get("mimeType") or "").lower()
        body = part.get("body") or {}
        if part.get("filename") or (body.get("attachmentId") and not mime.startswith("multipart/")):
            attachments.append(part)
        elif mime == "text/plain":
            plain.append(_text_of(part))
        elif mime == "text/html":
            html.append(_text_of(part))
    senders = _addresses(headers.get("from"))
    body_format: Literal["text", "html"] = "text" if plain or not html else "html"
    return _Parsed(
        sender=senders[0].email if senders else "",
        to=_addresses(headers.get("to")),
        cc=_addresses(headers.get("cc")),
        bcc=_addresses(headers.get("bcc")),
        subject=_decoded(headers.get("subject", "")),
        message_id=headers.get("message-id") or None,
        body="\n".join(plain) if plain else "\n".join(html),
        body_format=body_format,
        attachment_parts=attachments,
    )


# --- writing ------------------------------------------------------------------------------------------


def _address(item: MailAddress) -> Address:
    local, _, domain = item.email.strip().rpartition("@")
    return Address(display_name=item.name or "", username=local, domain=domain)


def build_raw_message(
    sender: str,
    draft: OutgoingDraft,
    *,
    in_reply_to: str | None = None,
    references: str | None = None,
) -> bytes:
    """An RFC 2822 message (UTF-8; non-ASCII names and subjects as encoded words), text and HTML alternatives."""
    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = [_address(a) for a in draft.to]
    if draft.cc:
        message["Cc"] = [_address(a) for a in draft.cc]
    message["Subject"] = draft.subject
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    if references:
        message["References"] = references
    # Quoted-printable keeps the message 7-bit clean for any relay on the way.
    message.set_content(draft.body_text or "", charset="utf-8", cte="quoted-printable")
    if draft.body_html:
        message.add_alternative(draft.body_html, subtype="html", charset="utf-8", cte="quoted-printable")
    for attachment in draft.attachments:
        if attachment.content is None:
            continue
        maintype, _, subtype = (attachment.content_type or "application/octet-stream").partition("/")
        message.add_attachment(
            attachment.content,
            maintype=maintype or "application",
            subtype=subtype or "octet-stream",
            filename=attachment.name,
        )
    return message.as_bytes()
