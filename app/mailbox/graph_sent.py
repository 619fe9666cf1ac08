"""The sent-mail watch through Microsoft Graph: delta on Sent Items, and reports created in the user's Inbox.

Uses the GraphMailbox's HTTP (its retries on 429/503 within a budget, its error mapping); a throttle that lasts
longer than that budget reaches the watcher as MailboxUnavailable with Retry-After, and it waits that long for
the user. A delta link Graph no longer knows answers 410 (``SyncStateNotFound``): CursorExpired.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.mailbox.base import MailboxAccess
from app.mailbox.exceptions import MailboxUnavailable
from app.mailbox.graph import GraphMailbox
from app.mailbox.graph_http import GraphCall, quoted_odata
from app.mailbox.graph_json import list_of, text_of
from app.mailbox.sent_watch import CursorExpired, Report, SentHeader, SentPage

# A named property of our own on each report, so that a watcher that died after creating one finds it.
REPORT_MARKER = "String {8c1d5f52-3b7e-4a8c-9f61-2e0d7b4a6c13} Name SendGuardWatchReport"
# An internet header set by the Outlook add-in's on-send check (item.internetHeaders.setAsync): Exchange keeps
# it on the sent item as a named property in the PS_INTERNET_HEADERS set.
CHECK_HEADER = "X-SendGuard-Check"
CHECK_HEADER_PROPERTY = f"String {{00020386-0000-0000-C000-000000000046}} Name {CHECK_HEADER}"
# PidTagMessageFlags without MSGFLAG_UNSENT: a message created in the Inbox is shown as received, not a draft.
MESSAGE_FLAGS = "Integer 0x0E07"
PAGE_SIZE = 100


class GraphSentItems:
    name = "graph"

    def __init__(self, mailbox: GraphMailbox) -> None:
        self.mailbox = mailbox

    def _delta_url(self, access: MailboxAccess) -> str:
        return f"{self.mailbox._base}{access.mailbox_path}/mailFolders/sentitems/messages/delta"

    async def _page(self, access: MailboxAccess, url: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        if not url.startswith(self.mailbox._base + "/"):
            raise CursorExpired(details={"reason": "foreign_link"})  # never follow a link to another host
        call = GraphCall("sent_delta", "GET", url, params=params, headers={"Prefer": f"odata.maxpagesize={PAGE_SIZE}"})
        try:
            return await self.mailbox.json_of(access, call)
        except MailboxUnavailable as exc:
            details = exc.details if isinstance(exc.details, dict) else {}
            if details.get("status") == 410:
                raise CursorExpired(details={"reason": "resync_required"}) from exc
            raise

    async def changes(self, access: MailboxAccess, cursor: str) -> SentPage:
        data = await self._page(access, cursor)
        return _sent_page(data)

    async def sent_after(self, access: MailboxAccess, after: datetime) -> SentPage:
        moment = after.strftime("%Y-%m-%dT%H:%M:%SZ")
        params = {"$select": "id,internetMessageId", "$filter": f"receivedDateTime ge {moment}"}
        data = await self._page(access, self._delta_url(access), params)
        found: list[str] = []
        while True:
            page = _sent_page(data)
            found.extend(page.message_ids)
            if page.complete:
                return SentPage(tuple(dict.fromkeys(found)), page.cursor, True)
            data = await self._page(access, page.cursor)

    async def start_cursor(self, access: MailboxAccess) -> str:
        from app.common import utcnow

        return (await self.sent_after(access, utcnow())).cursor

    async def header(self, access: MailboxAccess, message_id: str) -> SentHeader:
        data = await self.mailbox.json_of(
            access,
            GraphCall(
                "sent_header",
                "GET",
                self.mailbox._message_url(access, message_id),
                params={
                    "$select": "id,internetMessageId",
                    "$expand": f"singleValueExtendedProperties($filter=id eq '{CHECK_HEADER_PROPERTY}')",
                },
            ),
        )
        marker = None
        for prop in list_of(data.get("singleValueExtendedProperties")):
            if isinstance(prop, dict) and text_of(prop.get("id")).lower() == CHECK_HEADER_PROPERTY.lower():
                marker = text_of(prop.get("value")) or None
        return SentHeader(internet_message_id=text_of(data.get("internetMessageId")) or None, check_marker=marker)

    async def deliver_report(self, access: MailboxAccess, report: Report) -> None:
        sendguard = {"emailAddress": {"name": "SendGuard", "address": report.to}}
        message = {
            "subject": report.subject,
            "body": {"contentType": "HTML", "content": report.body_html},
            "from": sendguard,
            "toRecipients": [{"emailAddress": {"address": report.to}}],
            "importance": "high",
            "singleValueExtendedProperties": [
                {"id": MESSAGE_FLAGS, "value": "0"},
                {"id": REPORT_MARKER, "value": report.key},
            ],
        }
        url = f"{self.mailbox._base}{access.mailbox_path}/mailFolders/inbox/messages"
        await self.mailbox.json_of(access, GraphCall("watch_report", "POST", url, json=message, idempotent=False))

    async def find_report(self, access: MailboxAccess, key: str) -> bool:
        flt = f"singleValueExtendedProperties/Any(ep: ep/id eq '{REPORT_MARKER}' and ep/value eq '{quoted_odata(key)}')"
        data = await self.mailbox.json_of(
            access,
            GraphCall(
                "find_report",
                "GET",
                f"{self.mailbox._base}{access.mailbox_path}/mailFolders/inbox/messages",
                params={"$filter": flt, "$top": "1", "$select": "id"},
            ),
        )
        return bool(list_of(data.get("value")))


def _sent_page(data: dict[str, Any]) -> SentPage:
    ids = tuple(
        text_of(item.get("id"))
        for item in list_of(data.get("value"))
        if isinstance(item, dict) and text_of(item.get("id")) and "@removed" not in item
    )
    next_link = text_of(data.get("@odata.nextLink"))
    delta_link = text_of(data.get("@odata.deltaLink"))
    if not next_link and not delta_link:
        raise MailboxUnavailable(details={"reason": "malformed_response"})
    return SentPage(ids, next_link or delta_link, complete=not next_link)
