"""Gmail's message shapes, read and written: the ``format=full`` payload tree, a ``format=raw`` RFC 2822 message,
and the raw message SendGuard writes for a new draft. Pure functions: no HTTP, nothing logged."""

from __future__ import annotations

import base64
import binascii
import email
import email.policy
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.utils import getaddresses
from typing import Any, Literal

from app.mailbox.base import MailAddress, MailAttachment, MailMessage, OutgoingDraft

# --- reading ------------------------------------------------------------------------------------------


@dataclass
class ParsedPayload:
    sender: str
    to: tuple[MailAddress, ...]
    cc: tuple[MailAddress, ...]
    bcc: tuple[MailAddress, ...]
    subject: str
    message_id: str | None
    body: str
    body_format: Literal["text", "html"]
    attachment_parts: list[dict[str, Any]]


def b64decode(data: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))
    except (binascii.Error, ValueError):
        return b""


def decoded_header(value: str) -> str:
    try:
        return str(make_header(decode_header(value)))
    except (UnicodeError, LookupError, ValueError, binascii.Error):
        return value


def header_map(items: list[dict[str, Any]]) -> dict[str, str]:
    result: dict[str, str] = {}
    for item in items:
        name = str(item.get("name") or "").lower()
        if name and name not in result:
            result[name] = str(item.get("value") or "")
    return result


def addresses(value: str | None) -> tuple[MailAddress, ...]:
    if not value:
        return ()
    return tuple(
        MailAddress(email=addr.strip(), name=decoded_header(name).strip())
        for name, addr in getaddresses([value])
        if addr and "@" in addr
    )


def walk(part: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield part
    for child in part.get("parts") or []:
        yield from walk(child)


def charset(part: dict[str, Any]) -> str:
    for header in part.get("headers") or []:
        if str(header.get("name", "")).lower() == "content-type":
            match = re.search(r"charset=\"?([\w.:-]+)", str(header.get("value", "")), re.IGNORECASE)
            if match:
                return match.group(1)
    return "utf-8"


def text_of(part: dict[str, Any]) -> str:
    data = b64decode((part.get("body") or {}).get("data") or "")
    try:
        return data.decode(charset(part), errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def parse_payload(data: dict[str, Any]) -> ParsedPayload:
    payload = data.get("payload") or {}
    headers = header_map(payload.get("headers") or [])
    plain: list[str] = []
    html: list[str] = []
    attachments: list[dict[str, Any]] = []
    for part in walk(payload):
        mime = (part.get("mimeType") or "").lower()
        body = part.get("body") or {}
        if part.get("filename") or (body.get("attachmentId") and not mime.startswith("multipart/")):
            attachments.append(part)
        elif mime == "text/plain":
            plain.append(text_of(part))
        elif mime == "text/html":
            html.append(text_of(part))
    senders = addresses(headers.get("from"))
    body_format: Literal["text", "html"] = "text" if plain or not html else "html"
    return ParsedPayload(
        sender=senders[0].email if senders else "",
        to=addresses(headers.get("to")),
        cc=addresses(headers.get("cc")),
        bcc=addresses(headers.get("bcc")),
        subject=decoded_header(headers.get("subject", "")),
        message_id=headers.get("message-id") or None,
        body="\n".join(plain) if plain else "\n".join(html),
        body_format=body_format,
        attachment_parts=attachments,
    )


# --- writing ------------------------------------------------------------------------------------------


def _header_address(item: MailAddress) -> Address:
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
    message["To"] = [_header_address(a) for a in draft.to]
    if draft.cc:
        message["Cc"] = [_header_address(a) for a in draft.cc]
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


# --- a whole message (format=raw) -------------------------------------------------------------------------


def _leaves(part: Message) -> Iterator[Message]:
    """The message's leaf parts; an attached mail is one leaf (reported as an item, its inside never read)."""
    if part.get_content_type() == "message/rfc822":
        yield part
        return
    if part.is_multipart():
        for child in part.get_payload():
            if isinstance(child, Message):
                yield from _leaves(child)
        return
    yield part


def _part_bytes(part: Message) -> bytes:
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _part_text(part: Message) -> str:
    data = _part_bytes(part)
    try:
        return data.decode(part.get_content_charset() or "utf-8", errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def parse_raw(raw: bytes, message_id: str, *, max_attachment_bytes: int, max_total_bytes: int) -> MailMessage:
    """A message as Gmail's ``format=raw`` holds it (subject, body, attachment names and bytes).

    Files larger than ``max_attachment_bytes``, or beyond ``max_total_bytes`` together, keep their name and size
    but not their bytes: they are checked by name only."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    plain: list[str] = []
    html: list[str] = []
    files: list[MailAttachment] = []
    budget = max_total_bytes
    for part in _leaves(message):
        mime = part.get_content_type()
        filename = decoded_header(part.get_filename() or "")
        if mime == "message/rfc822":
            files.append(MailAttachment(name=filename or "attachment", content_type=mime, kind="item"))
        elif filename or part.get_content_disposition() == "attachment":
            data: bytes | None = _part_bytes(part)
            size = len(data or b"")
            if size > max_attachment_bytes or size > budget:
                data = None  # too large to scan: reported by name and size only
            else:
                budget -= size
            files.append(MailAttachment(name=filename or "attachment", content_type=mime, size=size, content=data))
        elif mime == "text/plain":
            plain.append(_part_text(part))
        elif mime == "text/html":
            html.append(_part_text(part))
    senders = addresses(message.get("From"))
    body_format: Literal["text", "html"] = "text" if plain or not html else "html"
    return MailMessage(
        id=message_id,
        sender=senders[0].email if senders else "",
        to=addresses(message.get("To")),
        cc=addresses(message.get("Cc")),
        bcc=addresses(message.get("Bcc")),
        subject=decoded_header(message.get("Subject") or ""),
        body="\n".join(plain) if plain else "\n".join(html),
        body_format=body_format,
        attachments=tuple(files),
        internet_message_id=message.get("Message-ID") or None,
        is_draft=True,
    )


def recipient_keys(items: tuple[MailAddress, ...] | list[MailAddress]) -> frozenset[str]:
    return frozenset(a.email.strip().lower() for a in items if a.email.strip())
