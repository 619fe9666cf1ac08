"""The fake Graph's reading of a whole Sent Items folder, page by page, as the directory learner reads it.

``GET .../mailFolders/SentItems/messages?$filter=sentDateTime ge 2025-12-07T00:00:00Z&$orderby=sentDateTime asc
&$top=50&$expand=attachments``: messages sent since then, oldest first, each with its attachments (file
attachments with ``contentBytes``), and ``@odata.nextLink`` (the same query with ``$skip``) while more remain.
``load_sent()`` fills a mailbox's Sent Items with many messages at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import JSONResponse

if TYPE_CHECKING:
    from app.mailbox.fake_graph import FakeGraph

_SINCE = re.compile(r"sentDateTime ge (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")
_MAX_TOP = 1000  # Graph's limit for messages
View = Callable[[dict[str, Any], Request | None], dict[str, Any]]


def sent_listing(messages: list[dict[str, Any]], request: Request, view: View) -> JSONResponse | None:
    """The page asked for, or None when the request is not a paged read by date (another listing form)."""
    params = request.query_params
    match = _SINCE.fullmatch(params.get("$filter", ""))
    if match is None:
        return None
    if params.get("$orderby", "sentDateTime asc") != "sentDateTime asc":
        return JSONResponse({"error": {"code": "BadRequest", "message": "Unsupported $orderby."}}, status_code=400)
    since = match.group(1)
    selected = sorted((m for m in messages if m.get("sentDateTime", "") >= since), key=_order)
    top = min(int(params.get("$top", "10")), _MAX_TOP)
    skip = int(params.get("$skip", "0"))
    page = selected[skip : skip + top]
    with_attachments = params.get("$expand") == "attachments"
    body: dict[str, Any] = {"value": [_item(m, request, view, with_attachments) for m in page]}
    if skip + top < len(selected):
        query = {k: v for k, v in params.items() if k != "$skip"} | {"$skip": str(skip + top)}
        body["@odata.nextLink"] = f"{request.url.scheme}://{request.url.netloc}{request.url.path}?{urlencode(query)}"
    return JSONResponse(body)


def _order(message: dict[str, Any]) -> tuple[str, str]:
    return message.get("sentDateTime", ""), message["id"]


def _item(message: dict[str, Any], request: Request, view: View, with_attachments: bool) -> dict[str, Any]:
    data = view(message, request)
    data["sentDateTime"] = message.get("sentDateTime")
    if with_attachments:
        data["attachments"] = [dict(a) for a in message.get("attachments", [])]
    return data


def load_sent(fake: FakeGraph, email: str, messages: Iterable[dict[str, Any]]) -> int:
    """Put messages (``subject``, ``body``, ``to``, ``cc``, ``attachments``, ``sent``: ISO time) in Sent Items."""
    count = 0
    for item in messages:
        message_id = fake.add_message(
            email,
            subject=item.get("subject", ""),
            body=item.get("body", ""),
            content_type="text",
            to=item.get("to"),
            cc=item.get("cc"),
            attachments=item.get("attachments"),
            is_draft=False,
            folder="sentitems",
        )
        fake.message(email, message_id)["sentDateTime"] = item["sent"]
        count += 1
    return count


__all__ = ["load_sent", "sent_listing"]
