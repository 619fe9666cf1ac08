"""The sent-mail watch through the Gmail API: history on the SENT label, and reports inserted into the Inbox.

With domain-wide delegation (gmail.readonly reads history and messages, gmail.insert puts the report in the
Inbox without sending anything). Gmail's 429 carries Retry-After; a history id Gmail no longer keeps (about a
week) answers 404: CursorExpired, and the watch reads Sent Mail again by date (``after:``).
"""

from __future__ import annotations

import base64
import email.policy
import logging
from collections.abc import Callable
from datetime import datetime
from email.message import EmailMessage
from typing import Any, TypeVar

from app.mailbox.base import MailboxAccess
from app.mailbox.exceptions import MailboxUnavailable
from app.mailbox.gmail import GmailMailbox, collect_sent_ids
from app.mailbox.gmail_mime import header_map
from app.mailbox.sent_watch import CursorExpired, Report, SentHeader, SentPage

log = logging.getLogger(__name__)

CHECK_HEADER = "X-SendGuard-Check"
REPORT_HEADER = "X-SendGuard-Report"
REPORT_DOMAIN = "sendguard.invalid"
PAGE_SIZE = 500

T = TypeVar("T")


def report_message_id(key: str) -> str:
    return f"watch-{key}@{REPORT_DOMAIN}"


class GmailSentMail:
    name = "gmail"

    def __init__(self, mailbox: GmailMailbox) -> None:
        self.mailbox = mailbox

    async def _call(self, access: MailboxAccess, call: Callable[[Any], T], *, history: bool = False) -> T:
        def run() -> T:
            service = self.mailbox._service(access)
            from googleapiclient.errors import HttpError  # loaded by _service

            try:
                return call(service.users())
            except HttpError as exc:
                status = int(getattr(exc.resp, "status", 0) or 0)
                if status == 429:
                    retry_after = str(exc.resp.get("retry-after", "") or "30")
                    raise MailboxUnavailable(
                        "Gmail is busy (rate limited); try again shortly.",
                        details={"reason": "throttled", "retry_after": retry_after},
                        headers={"Retry-After": retry_after},
                    ) from None
                if status == 404 and history:
                    raise CursorExpired(details={"reason": "history_expired"}) from None
                raise

        return await self.mailbox._run(run)

    async def start_cursor(self, access: MailboxAccess) -> str:
        return await self._call(access, lambda users: str(users.getProfile(userId="me").execute()["historyId"]))

    async def changes(self, access: MailboxAccess, cursor: str) -> SentPage:
        def read(users: Any) -> SentPage:
            found: dict[str, None] = {}
            latest, token = cursor, None
            while True:
                page = (
                    users.history()
                    .list(
                        userId="me",
                        startHistoryId=cursor,
                        historyTypes=["messageAdded"],
                        labelId="SENT",
                        maxResults=PAGE_SIZE,
                        pageToken=token,
                    )
                    .execute()
                )
                collect_sent_ids(page, found)
                latest, token = str(page.get("historyId") or latest), page.get("nextPageToken")
                if not token:
                    return SentPage(tuple(found), latest, complete=True)

        return await self._call(access, read, history=True)

    async def sent_after(self, access: MailboxAccess, after: datetime) -> SentPage:
        # The history id first: what is sent while the list is read comes again from history (and is recognised).
        cursor = await self.start_cursor(access)
        query = f"in:sent after:{int(after.timestamp())}"

        def read(users: Any) -> tuple[str, ...]:
            found: list[str] = []
            token = None
            while True:
                page = users.messages().list(userId="me", q=query, maxResults=PAGE_SIZE, pageToken=token).execute()
                found.extend(m["id"] for m in page.get("messages") or [] if m.get("id"))
                token = page.get("nextPageToken")
                if not token:
                    return tuple(reversed(dict.fromkeys(found)))  # Gmail lists newest first

        return SentPage(await self._call(access, read), cursor, complete=True)

    async def header(self, access: MailboxAccess, message_id: str) -> SentHeader:
        def read(users: Any) -> dict[str, str]:
            data = (
                users.messages()
                .get(userId="me", id=message_id, format="metadata", metadataHeaders=["Message-ID", CHECK_HEADER])
                .execute()
            )
            return header_map((data.get("payload") or {}).get("headers") or [])

        headers = await self._call(access, read)
        return SentHeader(
            internet_message_id=headers.get("message-id") or None,
            check_marker=headers.get(CHECK_HEADER.lower()) or None,
        )

    async def deliver_report(self, access: MailboxAccess, report: Report) -> None:
        message = EmailMessage(policy=email.policy.SMTP)
        message["From"] = f"SendGuard <{report.to}>"
        message["To"] = report.to
        message["Subject"] = report.subject
        message["Message-ID"] = f"<{report_message_id(report.key)}>"
        message[REPORT_HEADER] = report.key
        message.set_content("This message needs an HTML view.")
        message.add_alternative(report.body_html, subtype="html")
        raw = base64.urlsafe_b64encode(message.as_bytes()).decode("ascii")
        body = {"raw": raw, "labelIds": ["INBOX", "UNREAD", "IMPORTANT"]}
        await self._call(
            access,
            lambda users: users.messages().insert(userId="me", body=body, internalDateSource="receivedTime").execute(),
        )

    async def find_report(self, access: MailboxAccess, key: str) -> bool:
        query = f"rfc822msgid:{report_message_id(key)}"

        def search(users: Any) -> bool:
            return bool(users.messages().list(userId="me", q=query, maxResults=1).execute().get("messages"))

        return await self._call(access, search)
