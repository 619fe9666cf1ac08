"""The fake Gmail's message listing: pages, newest first, and the date a message lists and searches by.

``GET /gmail/v1/users/me/messages?q=...&maxResults=50&pageToken=...`` answers one page of what the query found, with
``nextPageToken`` while more remain and ``resultSizeEstimate``, as Gmail does for every listing; ``after:<epoch>``
compares with the message's internalDate, which for mail loaded into the fake is its Date header (as
users.messages.import sets it), so a year of mail loaded with past dates lists as it was sent.
"""

from __future__ import annotations

import email.utils
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.mailbox.fake_gmail import StoredMessage

MAX_PAGE = 500  # Gmail's ceiling on maxResults


def listing_page(found: list[StoredMessage], max_results: int, page_token: str | None) -> dict[str, Any]:
    start = int(page_token) if page_token and page_token.isdigit() else 0
    size = max(1, min(max_results, MAX_PAGE))
    page = [{"id": m.id, "threadId": m.thread_id} for m in found[start : start + size]]
    result: dict[str, Any] = {"resultSizeEstimate": len(found)}
    if page:
        result["messages"] = page
    if start + size < len(found):
        result["nextPageToken"] = str(start + size)
    return result


def date_header(message: StoredMessage) -> float:
    """Its Date header as epoch seconds; now, when it has none or an unreadable one."""
    header = message.parsed().get("Date")
    try:
        return email.utils.parsedate_to_datetime(str(header)).timestamp() if header else time.time()
    except (TypeError, ValueError):
        return time.time()
