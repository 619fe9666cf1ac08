"""Microsoft Graph's JSON shapes read into SendGuard's mailbox types (and written back for new drafts).

Graph answers are data from outside: every field is checked for its type before it is used.
"""

from __future__ import annotations

import base64
import re
from datetime import UTC, datetime
from typing import Any, Literal

from app.mailbox.base import HeldMessage, MailAddress, MailAttachment, MailboxAccess, MailMessage

DEFERRED_SEND_TIME = "SystemTime 0x3FEF"


def text_of(value: Any) -> str:
    return value if isinstance(value, str) else ""


def int_of(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def list_of(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def attachment_kind(odata_type: Any) -> Literal["file", "item", "reference"]:
    kind = text_of(odata_type).rsplit(".", 1)[-1]
    if kind == "fileAttachment":
        return "file"
    if kind == "itemAttachment":
        return "item"
    return "reference"  # referenceAttachment and anything new: reported by name, never read


def addresses_of(value: Any) -> tuple[MailAddress, ...]:
    result = []
    for item in list_of(value):
        email = item.get("emailAddress") if isinstance(item, dict) else None
        if not isinstance(email, dict):
            continue
        address = text_of(email.get("address")).strip()
        if address:
            result.append(MailAddress(email=address, name=text_of(email.get("name"))))
    return tuple(result)


def recipients_json(addresses: tuple[MailAddress, ...]) -> list[dict[str, Any]]:
    return [{"emailAddress": {"address": a.email, **({"name": a.name} if a.name else {})}} for a in addresses]


def file_attachment_json(attachment: MailAttachment) -> dict[str, Any]:
    assert attachment.content is not None
    return {
        "@odata.type": "#microsoft.graph.fileAttachment",
        "name": attachment.name,
        "contentType": attachment.content_type or "application/octet-stream",
        "contentBytes": base64.b64encode(attachment.content).decode("ascii"),
    }


def deferred_time(data: dict[str, Any]) -> datetime | None:
    for prop in list_of(data.get("singleValueExtendedProperties")):
        if isinstance(prop, dict) and text_of(prop.get("id")).lower() == DEFERRED_SEND_TIME.lower():
            return parse_time(text_of(prop.get("value")))
    return None


def parse_time(value: str) -> datetime | None:
    """Graph's SystemTime values: ISO 8601 in UTC, with up to seven fractional digits ("...T10:00:00.0000000Z")."""
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?", value.strip())
    if match is None:
        return None
    fraction = (match.group(2) or "")[:6]
    try:
        parsed = datetime.fromisoformat(match.group(1) + (f".{fraction.ljust(6, '0')}" if fraction else ""))
    except ValueError:
        return None
    zone = match.group(3)
    if zone in (None, "Z"):
        return parsed.replace(tzinfo=UTC)
    return datetime.fromisoformat(parsed.isoformat() + zone).astimezone(UTC)


def held_message(data: Any) -> HeldMessage | None:
    """A held message from Graph's JSON, or None when it has no deferred send time."""
    if not isinstance(data, dict) or not text_of(data.get("id")):
        return None
    deliver_at = deferred_time(data)
    if deliver_at is None:
        return None
    return HeldMessage(
        id=text_of(data.get("id")),
        to=tuple(a.email for a in addresses_of(data.get("toRecipients"))),
        subject=text_of(data.get("subject")),
        deliver_at=deliver_at,
    )


def message_of(data: dict[str, Any], access: MailboxAccess, attachments: tuple[MailAttachment, ...]) -> MailMessage:
    body = data.get("body") if isinstance(data.get("body"), dict) else {}
    assert isinstance(body, dict)
    body_format: Literal["text", "html"] = "html" if text_of(body.get("contentType")).lower() == "html" else "text"
    sender = ""
    for field in ("from", "sender"):
        found = addresses_of([data.get(field)])
        if found:
            sender = found[0].email
            break
    return MailMessage(
        id=text_of(data.get("id")),
        sender=sender or access.user_email,
        to=addresses_of(data.get("toRecipients")),
        cc=addresses_of(data.get("ccRecipients")),
        bcc=addresses_of(data.get("bccRecipients")),
        subject=text_of(data.get("subject")),
        body=text_of(body.get("content")),
        body_format=body_format,
        attachments=attachments,
        internet_message_id=text_of(data.get("internetMessageId")) or None,
        is_draft=data.get("isDraft") is True,
    )


def parse_message(data: dict[str, Any], access: MailboxAccess, attachments: tuple[MailAttachment, ...]) -> MailMessage:
    """A Graph message resource as a MailMessage (for readers in other modules)."""
    return message_of(data, access, attachments)
