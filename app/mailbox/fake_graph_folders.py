"""The fake Microsoft Graph's folder side: delta queries on Sent Items, and messages created in a folder.

- ``GET /{v}/users/{address}/mailFolders/sentitems/messages/delta`` (and ``/me/...``): the first round lists
  what is in Sent Items (``$filter=receivedDateTime ge ...`` bounds it, as Graph allows on message delta), in
  pages of ``Prefer: odata.maxpagesize`` with ``@odata.nextLink``, and ends with an ``@odata.deltaLink``; a later
  round from that link lists only what arrived since. ``expire(address)`` forgets the mailbox's sync states: an
  older link then answers 410 ``SyncStateNotFound``, as Graph does when a client must resync.
- ``POST /{v}/users/{address}/mailFolders/{folder}/messages``: a message created in that folder (a draft, unless
  PidTagMessageFlags says it was not unsent), with its extended properties.
"""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from app.mailbox.fake_graph_http import graph_error, not_found, view

if TYPE_CHECKING:
    from app.mailbox.fake_graph import FakeGraph

DEFAULT_PAGE = 10  # Graph's page size for message delta when the client does not ask for one
MSGFLAG_UNSENT = 8


@dataclass
class _SentLog:
    """The order messages reached Sent Items in, and when: what delta tokens point into."""

    generation: int = 0
    entries: list[tuple[str, datetime]] = field(default_factory=list)
    known: set[str] = field(default_factory=set)


def _token(state: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(state, separators=(",", ":")).encode()).decode().rstrip("=")


def _untoken(token: str) -> dict[str, Any] | None:
    try:
        state = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except ValueError:
        return None
    return state if isinstance(state, dict) else None


def _sent_time(message: dict[str, Any]) -> datetime:
    stamp = message.get("sentDateTime")
    if isinstance(stamp, str):
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    return datetime.now(UTC)


class FolderRoutes:
    def __init__(self, fake: FakeGraph) -> None:
        self.fake = fake
        self._logs: dict[str, _SentLog] = {}

    def expire(self, email: str) -> None:
        """Graph lost the mailbox's sync state: links issued so far answer 410."""
        with self.fake._lock:
            self._log(email).generation += 1

    def _log(self, email: str) -> _SentLog:
        log = self._logs.setdefault(email.lower(), _SentLog())
        for message in self.fake.folder(email, "sentitems"):
            if message["id"] not in log.known:
                log.known.add(message["id"])
                log.entries.append((message["id"], _sent_time(message)))
        return log

    def _delta(self, email: str, request: Request) -> JSONResponse:
        params = request.query_params
        with self.fake._lock:
            log = self._log(email)
            state = self._state(log, params)
            if state is None:
                return graph_error(410, "SyncStateNotFound", "The sync state generation is no longer valid.")
            size = _page_size(request)
            box = self.fake._box(email).messages
            after = datetime.fromisoformat(state["after"]) if state.get("after") else None
            window = [
                message_id
                for message_id, sent in log.entries[state["from"] : state["to"]]
                if after is None or sent >= after
            ]
            page = window[state["off"] : state["off"] + size]
            items = [view(box[m], request) for m in page if m in box]
            link = str(request.url).split("?", 1)[0]
            body: dict[str, Any] = {"@odata.context": "fake", "value": items}
            if state["off"] + size < len(window):
                body["@odata.nextLink"] = f"{link}?$skiptoken={_token({**state, 'off': state['off'] + size})}"
            else:
                body["@odata.deltaLink"] = f"{link}?$deltatoken={_token({'g': log.generation, 'pos': state['to']})}"
        return JSONResponse(body)

    @staticmethod
    def _state(log: _SentLog, params: Any) -> dict[str, Any] | None:
        """Where this round reads: a page of an earlier round, the changes since a delta link, or a first round."""
        if "$skiptoken" in params or "$deltatoken" in params:
            token = _untoken(params.get("$skiptoken") or params.get("$deltatoken") or "")
            if token is None or token.get("g") != log.generation:
                return None
            if "$skiptoken" in params:
                return token
            return {"g": log.generation, "from": int(token["pos"]), "to": len(log.entries), "off": 0}
        after = None
        flt = params.get("$filter")
        if flt:
            after = flt.removeprefix("receivedDateTime ge ").strip()
            after = after.replace("Z", "+00:00")
        return {"g": log.generation, "from": 0, "to": len(log.entries), "off": 0, "after": after}

    async def _create_in_folder(self, email: str, folder: str, request: Request) -> JSONResponse:
        payload = await request.json()
        props = [p for p in payload.get("singleValueExtendedProperties", []) if isinstance(p, dict)]
        flags = next((p.get("value") for p in props if str(p.get("id")).lower() == "integer 0x0e07"), None)
        unsent = flags is None or int(str(flags)) & MSGFLAG_UNSENT
        sender = (payload.get("from") or {}).get("emailAddress", {}).get("address")
        message_id = self.fake.add_message(
            email,
            subject=payload.get("subject", ""),
            body=payload.get("body", {}).get("content", ""),
            content_type=payload.get("body", {}).get("contentType", "text").lower(),
            to=payload.get("toRecipients"),
            is_draft=bool(unsent),
            folder=folder.lower(),
            sender=sender,
        )
        with self.fake._lock:
            message = self.fake.message(email, message_id)
            message["singleValueExtendedProperties"] = props
            message["receivedDateTime"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        return JSONResponse(view(message, None), status_code=201)

    def add_routes(self, app: FastAPI) -> None:
        @app.get("/{version}/me/mailFolders/{folder}/messages/delta")
        @app.get("/{version}/users/{user}/mailFolders/{folder}/messages/delta")
        async def delta(version: str, folder: str, request: Request) -> JSONResponse:
            if folder.lower() != "sentitems":
                return graph_error(400, "BadRequest", "The fake tracks changes of Sent Items only.")
            return self._delta(self.fake._owner(request), request)

        @app.post("/{version}/me/mailFolders/{folder}/messages")
        @app.post("/{version}/users/{user}/mailFolders/{folder}/messages")
        async def create_in_folder(version: str, folder: str, request: Request) -> JSONResponse:
            email = self.fake._owner(request)
            if not email:
                return not_found()
            return await self._create_in_folder(email, folder, request)


def _page_size(request: Request) -> int:
    prefer = request.headers.get("prefer", "")
    for part in prefer.split(","):
        name, _, value = part.strip().partition("=")
        if name == "odata.maxpagesize" and value.isdigit():
            return max(1, min(int(value), 1000))
    return DEFAULT_PAGE
