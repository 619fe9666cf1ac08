"""The fake Gmail's listing of sent mail after a date, page by page, as the directory learner reads it.

``GET /gmail/v1/users/me/messages?q=in:sent after:<epoch seconds>&maxResults=50&pageToken=...``: messages sent
after that moment (by their Date header), newest first as Gmail lists them, with ``nextPageToken`` while more
remain. Other queries are left to the fake's ordinary search.
"""

from __future__ import annotations

import email.utils
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.mailbox.fake_gmail import StoredMessage

_AFTER = re.compile(r"(?:^|\s)after:(\d+)(?:\s|$)")


def sent_search(
    found: list[StoredMessage], q: str | None, max_results: int, page_token: str | None
) -> dict[str, Any] | None:
    match = _AFTER.search(q or "")
    if match is None:
        return None
    after = int(match.group(1))
    dated = [(when, m) for m in found if (when := _sent_epoch(m)) > after]
    dated.sort(key=lambda item: (-item[0], item[1].id))
    start = int(page_token or 0)
    size = max(1, min(max_results, 500))
    page = [{"id": m.id, "threadId": m.thread_id} for _, m in dated[start : start + size]]
    result: dict[str, Any] = {"resultSizeEstimate": len(dated)}
    if page:
        result["messages"] = page
    if start + size < len(dated):
        result["nextPageToken"] = str(start + size)
    return result


def _sent_epoch(message: StoredMessage) -> int:
    """When it was sent: its Date header (mail loaded with a past date), else when the fake stored it."""
    header = message.parsed().get("Date")
    try:
        return int(email.utils.parsedate_to_datetime(str(header)).timestamp()) if header else int(message.internal_date)
    except (TypeError, ValueError):
        return int(message.internal_date)
