"""The fake Microsoft Graph's message routes: read, write, reply, send, recall, attachments and folder listings.

Every route answers on ``/me/...`` and ``/users/{address}/...`` alike (the Entra side decides who may reach which
mailbox). Every ``.../send`` that reaches a draft is counted in ``send_attempts`` and each accepted one is written to
``sent_log``; ``send_delay`` makes a send complete after the caller stopped waiting.
"""

from __future__ import annotations

import asyncio
import html
import re
import secrets
import time
from typing import TYPE_CHECKING

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse

from app.mailbox.fake_graph_http import expand, folder_filter, graph_error, not_found, pick, select_fields, view
from app.mailbox.fake_graph_sent import sent_listing

if TYPE_CHECKING:
    from app.mailbox.fake_graph import FakeGraph


def add_message_routes(app: FastAPI, fake: FakeGraph) -> None:
    @app.get("/{version}/me/messages/{message_id}")
    @app.get("/{version}/users/{user}/messages/{message_id}")
    async def get_message(version: str, message_id: str, request: Request) -> JSONResponse:
        email = fake._owner(request)
        message = fake._box(email).messages.get(message_id)
        if message is None:
            return not_found()
        if not expand(request)[0]:
            return graph_error(400, "BadRequest", "Unsupported $expand.")
        return JSONResponse(view(message, request))

    @app.post("/{version}/me/messages/{message_id}/move")
    @app.post("/{version}/users/{user}/messages/{message_id}/move")
    async def move(version: str, message_id: str, request: Request) -> JSONResponse:
        email = fake._owner(request)
        box = fake._box(email)
        payload = await request.json()
        destination = str(payload.get("destinationId", "")).lower() if isinstance(payload, dict) else ""
        if not destination:
            return graph_error(400, "ErrorInvalidIdMalformed", "Id is malformed.")
        with fake._lock:
            message = box.messages.pop(message_id, None)
            if message is None:
                return not_found()
            moved_id = fake._new_id()  # a move gives the item a new id, as on Graph (without ImmutableId)
            message["id"] = moved_id
            message["parentFolderId"] = destination
            if destination == "drafts":
                message["isDraft"] = True
            box.messages[moved_id] = message
        return JSONResponse(view(message, None), status_code=201)

    @app.patch("/{version}/me/messages/{message_id}")
    @app.patch("/{version}/users/{user}/messages/{message_id}")
    async def update_message(version: str, message_id: str, request: Request) -> JSONResponse:
        email = fake._owner(request)
        message = fake._box(email).messages.get(message_id)
        if message is None:
            return not_found()
        patch = await request.json()
        writable = {"subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "importance"}
        with fake._lock:
            message.update({k: v for k, v in patch.items() if k in writable})
            # Extended properties are created or replaced one by one, by id, as Graph does.
            props = {p["id"].lower(): p for p in message.get("singleValueExtendedProperties", [])}
            props.update({p["id"].lower(): p for p in patch.get("singleValueExtendedProperties", [])})
            if props:
                message["singleValueExtendedProperties"] = list(props.values())
        return JSONResponse(view(message, None))

    @app.post("/{version}/me/messages")
    @app.post("/{version}/users/{user}/messages")
    async def create_message(version: str, request: Request) -> JSONResponse:
        email = fake._owner(request)
        payload = await request.json()
        message_id = fake.add_message(
            email,
            subject=payload.get("subject", ""),
            body=payload.get("body", {}).get("content", ""),
            content_type=payload.get("body", {}).get("contentType", "text").lower(),
            to=payload.get("toRecipients"),
            cc=payload.get("ccRecipients"),
            bcc=payload.get("bccRecipients"),
            attachments=payload.get("attachments"),
        )
        return JSONResponse(view(fake.message(email, message_id), None), status_code=201)

    @app.post("/{version}/me/messages/{message_id}/createReply")
    @app.post("/{version}/users/{user}/messages/{message_id}/createReply")
    @app.post("/{version}/me/messages/{message_id}/createReplyAll")
    @app.post("/{version}/users/{user}/messages/{message_id}/createReplyAll")
    async def create_reply(version: str, message_id: str, request: Request) -> JSONResponse:
        email = fake._owner(request)
        original = fake._box(email).messages.get(message_id)
        if original is None:
            return not_found()
        reply_all = request.url.path.endswith("createReplyAll")
        author = original["from"]["emailAddress"]["address"].lower()
        to = list(original["toRecipients"]) if author == email.lower() else [original["from"]]
        cc: list[dict] = []
        if reply_all:
            to = [*to, *(r for r in original["toRecipients"] if r not in to)]
            cc = list(original["ccRecipients"])
        mine = email.lower()
        to = [r for r in to if r["emailAddress"]["address"].lower() != mine]
        cc = [r for r in cc if r["emailAddress"]["address"].lower() != mine]
        quoted = f"<hr><b>From:</b> {html.escape(author)}<br>{original['body']['content']}"
        reply_id = fake.add_message(email, subject=f"RE: {original['subject']}", body=quoted, to=to, cc=cc)
        return JSONResponse(view(fake.message(email, reply_id), None), status_code=201)

    @app.post("/{version}/me/messages/{message_id}/send")
    @app.post("/{version}/users/{user}/messages/{message_id}/send")
    async def send(version: str, message_id: str, request: Request) -> Response:
        email = fake._owner(request)
        message = fake._box(email).messages.get(message_id)
        if message is None:
            return not_found()
        with fake._lock:
            fake.send_attempts[message_id] += 1
            if not message["isDraft"]:
                return graph_error(400, "ErrorInvalidOperation", "The item is not a draft.")

        def deliver() -> None:
            with fake._lock:
                fake.sent_log.append((email.lower(), message_id))
                message["isDraft"] = False
                message["parentFolderId"] = "sentitems"
                message["sentDateTime"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

        if fake.send_delay:
            # Exchange is slow today: the send completes even if the caller stopped waiting for the answer.
            asyncio.get_running_loop().call_later(fake.send_delay, deliver)
            await asyncio.sleep(fake.send_delay)
        else:
            deliver()
        return Response(status_code=202)

    @app.post("/beta/me/messages/{message_id}/recall")
    @app.post("/beta/users/{user}/messages/{message_id}/recall")
    async def recall(message_id: str, request: Request) -> Response:
        email = fake._owner(request)
        message = fake._box(email).messages.get(message_id)
        if message is None:
            return not_found()
        if message["parentFolderId"] != "sentitems":
            return graph_error(400, "ErrorInvalidRequest", "Only sent messages can be recalled.")
        fake.recalls.append(message_id)
        return Response(status_code=202)

    @app.get("/{version}/me/messages/{message_id}/attachments")
    @app.get("/{version}/users/{user}/messages/{message_id}/attachments")
    async def list_attachments(version: str, message_id: str, request: Request) -> JSONResponse:
        email = fake._owner(request)
        message = fake._box(email).messages.get(message_id)
        if message is None:
            return not_found()
        select = select_fields(request)
        items = [pick(a, select) for a in message["attachments"]]
        return JSONResponse({"@odata.context": "fake", "value": items})

    @app.get("/{version}/me/messages/{message_id}/attachments/{attachment_id}")
    @app.get("/{version}/users/{user}/messages/{message_id}/attachments/{attachment_id}")
    async def get_attachment(version: str, message_id: str, attachment_id: str, request: Request) -> JSONResponse:
        email = fake._owner(request)
        message = fake._box(email).messages.get(message_id)
        found = [a for a in (message or {}).get("attachments", []) if a["id"] == attachment_id]
        if not found:
            return not_found()
        return JSONResponse(found[0])

    @app.post("/{version}/me/messages/{message_id}/attachments")
    @app.post("/{version}/users/{user}/messages/{message_id}/attachments")
    async def add_attachment(version: str, message_id: str, request: Request) -> JSONResponse:
        email = fake._owner(request)
        message = fake._box(email).messages.get(message_id)
        if message is None:
            return not_found()
        item = {"id": f"AAMkAtt{secrets.token_hex(6)}", "isInline": False, **(await request.json())}
        with fake._lock:
            message["attachments"].append(item)
            message["hasAttachments"] = True
        return JSONResponse(item, status_code=201)

    @app.get("/{version}/me/mailFolders/{folder}")
    @app.get("/{version}/users/{user}/mailFolders/{folder}")
    async def mail_folder(version: str, folder: str, request: Request) -> JSONResponse:
        return JSONResponse(pick({"id": folder.lower(), "displayName": folder.title()}, select_fields(request)))

    @app.get("/{version}/me/mailFolders/{folder}/messages")
    @app.get("/{version}/users/{user}/mailFolders/{folder}/messages")
    async def folder_messages(version: str, folder: str, request: Request) -> JSONResponse:
        email = fake._owner(request)
        messages = fake.folder(email, folder.lower())
        paged = sent_listing(messages, request, view)
        if paged is not None:
            return paged
        if not expand(request)[0]:
            return graph_error(400, "BadRequest", "Unsupported $expand.")
        search = request.query_params.get("$search")
        flt = request.query_params.get("$filter")
        if search is not None:
            match = re.fullmatch(r'"to:([^"]+)"', search)
            if match is None:
                return graph_error(400, "BadRequest", "Unsupported $search.")
            wanted = match.group(1).lower()
            messages = [
                m
                for m in messages
                if any(
                    r["emailAddress"]["address"].lower() == wanted
                    for r in (*m["toRecipients"], *m["ccRecipients"], *m["bccRecipients"])
                )
            ]
        if flt is not None:
            matches = folder_filter(flt)
            if matches is None:
                return graph_error(400, "BadRequest", "Unsupported $filter.")
            messages = [m for m in messages if matches(m)]
        top = int(request.query_params.get("$top", "10"))
        return JSONResponse({"value": [view(m, request) for m in messages[:top]]})
