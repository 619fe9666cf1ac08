"""Reading a user's Sent Items through Microsoft Graph in pages, for the directory learner.

One request per page: messages sent since a date, oldest first, with their attachments expanded; file
attachments are hashed in memory (sha256) and their bytes dropped at once. The cursor is Graph's
``@odata.nextLink``; it is accepted back only when it points at this provider's Graph (a stored cursor is data).
Throttling (429 with Retry-After) and 503/504 are retried by GraphMailbox.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from app.mailbox.base import MailAttachment, MailboxAccess, SentPage
from app.mailbox.exceptions import MailboxUnavailable
from app.mailbox.graph import GraphMailbox
from app.mailbox.graph_json import parse_message

SENT_FIELDS = "id,from,sender,toRecipients,ccRecipients,subject,body,sentDateTime,hasAttachments"


class GraphSentReader:
    def __init__(self, mailbox: GraphMailbox) -> None:
        self._mailbox = mailbox

    async def sent_page(
        self, access: MailboxAccess, since: datetime, cursor: str | None, page_size: int = 50
    ) -> SentPage:
        if cursor is not None:
            if not cursor.startswith(self._mailbox.base_url + "/"):
                raise MailboxUnavailable(details={"reason": "foreign_cursor"})
            data = await self._mailbox.read_json(access, "sent_page", cursor)
        else:
            url = f"{self._mailbox.base_url}{access.mailbox_path}/mailFolders/SentItems/messages"
            params = {
                "$filter": f"sentDateTime ge {since.astimezone(UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
                "$orderby": "sentDateTime asc",
                "$top": str(page_size),
                "$select": SENT_FIELDS,
                "$expand": "attachments",
            }
            data = await self._mailbox.read_json(access, "sent_page", url, params)
        items = data.get("value") if isinstance(data.get("value"), list) else []
        assert isinstance(items, list)
        messages = tuple(
            replace(
                parse_message(item, access, _hashed_attachments(item.get("attachments"))),
                sent_at=_sent_at(item.get("sentDateTime")),
            )
            for item in items
            if isinstance(item, dict)
        )
        next_link = data.get("@odata.nextLink")
        return SentPage(messages, next_link if isinstance(next_link, str) and next_link else None)


def _hashed_attachments(value: Any) -> tuple[MailAttachment, ...]:
    found: list[MailAttachment] = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict) or item.get("@odata.type") != "#microsoft.graph.fileAttachment":
            continue
        digest = None
        raw = item.get("contentBytes")
        if isinstance(raw, str):
            try:
                digest = hashlib.sha256(base64.b64decode(raw, validate=True)).hexdigest()
            except (binascii.Error, ValueError):
                digest = None
        name, size = item.get("name"), item.get("size")
        found.append(
            MailAttachment(
                name=name if isinstance(name, str) else "", size=size if isinstance(size, int) else 0, sha256=digest
            )
        )
    return tuple(found)


def _sent_at(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
