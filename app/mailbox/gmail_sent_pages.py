"""Reading a user's sent Gmail in pages (domain-wide delegation), for the directory learner.

``messages.list`` with ``q=in:sent after:<epoch>`` gives a page of ids (newest first, Gmail's order) and the next
page token, which is the cursor; each message is then read as the provider reads any message, its attachments
hashed in memory (sha256) and their bytes dropped at once.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime
from typing import Any

from app.mailbox.base import MailAttachment, MailboxAccess, MailMessage, SentPage
from app.mailbox.gmail import GmailMailbox


class GmailSentReader:
    def __init__(self, mailbox: GmailMailbox) -> None:
        self._mailbox = mailbox

    async def sent_page(
        self, access: MailboxAccess, since: datetime, cursor: str | None, page_size: int = 50
    ) -> SentPage:
        query = f"in:sent after:{int(since.timestamp())}"

        def listing() -> dict[str, Any]:
            request = (
                self._mailbox.api(access)
                .users()
                .messages()
                .list(userId="me", q=query, maxResults=page_size, pageToken=cursor or None)
            )
            found: dict[str, Any] = request.execute()
            return found

        data = await self._mailbox.call(listing)
        ids = [m["id"] for m in data.get("messages") or [] if isinstance(m, dict) and isinstance(m.get("id"), str)]
        messages = tuple([_hashed(await self._mailbox.get_message(access, message_id)) for message_id in ids])
        token = data.get("nextPageToken")
        return SentPage(messages, token if isinstance(token, str) and token else None)


def _hashed(message: MailMessage) -> MailMessage:
    attachments = tuple(
        MailAttachment(
            name=a.name,
            content_type=a.content_type,
            size=a.size,
            kind=a.kind,
            sha256=hashlib.sha256(a.content).hexdigest() if a.content is not None else None,
        )
        for a in message.attachments
    )
    return replace(message, attachments=attachments)
