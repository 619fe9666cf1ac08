"""MAILBOX_PROVIDER=graph: the signed-in user's Microsoft 365 mailbox through Microsoft Graph.

HTTP, retries and error mapping live in graph_http.py, the Outbox (held mail, recall) in graph_outbox.py; this
module reads messages and their attachments, writes drafts and sends them.

A user's request reaches the mailbox as ``/me`` with an on-behalf-of token; the scheduled-send worker, which has
no user token, as ``/users/{address}`` with an app-only token (``background_access``).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections import OrderedDict
from typing import Any, Unpack
from urllib.parse import quote

from app.auth.principal import Principal
from app.config import Settings
from app.mailbox.base import (
    CreatedDraft,
    MailAttachment,
    MailboxAccess,
    MailMessage,
    OutgoingDraft,
    SendResult,
)
from app.mailbox.exceptions import ConsentMissing, MailboxUnavailable, MessageNotFound, SendOutcomeUnknown
from app.mailbox.graph_errors import outcome_unknown
from app.mailbox.graph_http import GraphCall, GraphHttpOptions, quoted_odata
from app.mailbox.graph_json import (
    addresses_of,
    attachment_kind,
    file_attachment_json,
    int_of,
    list_of,
    message_of,
    recipients_json,
    text_of,
)
from app.mailbox.graph_outbox import SAME_ORGANIZATION_ONLY, GraphOutbox

__all__ = ["SAME_ORGANIZATION_ONLY", "SCHEDULE_MARKER", "GraphMailbox"]

MESSAGE_FIELDS = (
    "id,subject,body,from,sender,toRecipients,ccRecipients,bccRecipients,internetMessageId,isDraft,hasAttachments"
)
ATTACHMENT_FIELDS = "id,name,contentType,size,isInline"
# A named property of our own, stamped on a draft before a scheduled send: it stays on the message in Sent Items,
# where a send whose outcome is unknown is looked for before any retry.
SCHEDULE_MARKER = "String {8c1d5f52-3b7e-4a8c-9f61-2e0d7b4a6c13} Name SendGuardScheduledSend"
_ADDRESS = re.compile(r"^[^\s\"'()<>\\,;:]+@[^\s\"'()<>\\,;:]+$")


class GraphMailbox(GraphOutbox):
    name = "graph"

    def __init__(
        self,
        settings: Settings,
        *,
        correspondence_ttl_seconds: float = 600.0,
        max_cached_correspondents: int = 50_000,
        **http: Unpack[GraphHttpOptions],
    ) -> None:
        super().__init__(settings, **http)
        self._ttl = correspondence_ttl_seconds
        self._max_cached = max_cached_correspondents
        self._correspondents: OrderedDict[tuple[str, str], tuple[bool, float]] = OrderedDict()

    # -- the MailboxProvider interface -------------------------------------------------------------

    async def access_for(self, principal: Principal, user_email: str) -> MailboxAccess:
        return MailboxAccess(user_email=user_email, token=await self.auth.token_for(principal))

    async def background_access(self, user_email: str, tenant_key: str) -> MailboxAccess:
        """Access to a user's mailbox with no user request around (the scheduled-send worker).

        An app-only token for the user's Entra tenant (``tenant_key`` is ``entra:{tid}``) and the mailbox
        addressed as ``/users/{address}``: needs the application permissions Mail.Send and Mail.ReadWrite with
        admin consent, ideally limited to the sales mailboxes by an Exchange application access policy.
        """
        prefix, _, tid = tenant_key.partition(":")
        if prefix != "entra" or not tid or not _ADDRESS.match(user_email.strip()):
            raise ConsentMissing(
                "Scheduled sends through Microsoft Graph need a Microsoft 365 (Entra) mailbox.",
                details={"reason": "not_an_entra_mailbox"},
            )
        token = await self.auth.app_token(tid)
        mailbox = quote(user_email.strip().lower(), safe="@")
        return MailboxAccess(user_email=user_email, token=token, mailbox_path=f"/users/{mailbox}")

    async def get_message(self, access: MailboxAccess, message_id: str) -> MailMessage:
        url = self._message_url(access, message_id)
        data = await self.json_of(
            access,
            GraphCall(
                "get_message",
                "GET",
                url,
                params={"$select": MESSAGE_FIELDS},
                headers={"Prefer": 'outlook.body-content-type="text"'},
            ),
        )
        attachments: tuple[MailAttachment, ...] = ()
        if data.get("hasAttachments") is not False:
            attachments = await self._attachments(access, url)
        return message_of(data, access, attachments)

    async def has_corresponded(self, access: MailboxAccess, address: str) -> bool | None:
        address = address.strip().lower()
        if not _ADDRESS.match(address):
            return None
        key = (access.user_email.lower(), address)
        now = self._clock()
        cached = self._correspondents.get(key)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            data = await self.json_of(
                access,
                GraphCall(
                    "search_sent",
                    "GET",
                    f"{self._base}{access.mailbox_path}/mailFolders/SentItems/messages",
                    params={"$search": f'"to:{address}"', "$top": "1", "$select": "id"},
                    headers={"ConsistencyLevel": "eventual"},
                    max_retries=min(1, self._settings.graph_max_retries),
                ),
            )
        except MailboxUnavailable:
            return None  # unknown: the check goes on without this hint
        found = bool(list_of(data.get("value")))
        self._remember(key, found)
        return found

    async def create_draft(self, access: MailboxAccess, draft: OutgoingDraft) -> CreatedDraft:
        content: dict[str, Any] = {
            "subject": draft.subject,
            "body": {"contentType": "HTML", "content": draft.body_html},
            "toRecipients": recipients_json(draft.to),
            "ccRecipients": recipients_json(draft.cc),
        }
        files = [file_attachment_json(a) for a in draft.attachments if a.content is not None]
        if draft.reply_to_message_id is None:
            created = await self.json_of(
                access,
                GraphCall(
                    "create_draft",
                    "POST",
                    f"{self._base}{access.mailbox_path}/messages",
                    json={**content, "attachments": files},
                    idempotent=False,
                ),
            )
        else:
            action = "createReplyAll" if draft.reply_all else "createReply"
            reply = await self.json_of(
                access,
                GraphCall(
                    "create_reply",
                    "POST",
                    f"{self._message_url(access, draft.reply_to_message_id)}/{action}",
                    json={},
                    idempotent=False,
                ),
            )
            reply_id = text_of(reply.get("id"))
            if not reply_id:
                raise MailboxUnavailable(details={"reason": "malformed_response"})
            # The reply's own body quotes the original; ours replaces it on purpose: a letter about a
            # misdirected mail must never carry that mail along again. Recipients are the letter's own.
            patch: dict[str, Any] = {"subject": draft.subject, "body": content["body"]}
            if draft.to:
                patch["toRecipients"] = content["toRecipients"]
                patch["ccRecipients"] = content["ccRecipients"]
            created = await self.json_of(
                access, GraphCall("update_draft", "PATCH", self._message_url(access, reply_id), json=patch)
            )
            for item in files:
                await self.json_of(
                    access,
                    GraphCall(
                        "add_attachment",
                        "POST",
                        f"{self._message_url(access, reply_id)}/attachments",
                        json=item,
                        idempotent=False,
                    ),
                )
        draft_id = text_of(created.get("id"))
        if not draft_id:
            raise MailboxUnavailable(details={"reason": "malformed_response"})
        return CreatedDraft(id=draft_id, web_link=text_of(created.get("webLink")) or None)

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        url = self._message_url(access, draft_id)
        draft = await self.json_of(
            access,
            GraphCall(
                "read_draft",
                "GET",
                url,
                params={"$select": "id,isDraft,internetMessageId,toRecipients,ccRecipients,bccRecipients"},
            ),
        )
        if draft.get("isDraft") is not True:
            raise MessageNotFound("The draft is no longer in the mailbox.")
        if marker:
            stamp = {"singleValueExtendedProperties": [{"id": SCHEDULE_MARKER, "value": marker}]}
            await self._call(access, GraphCall("mark_draft", "PATCH", url, json=stamp))
        try:
            await self._call(access, GraphCall("send_draft", "POST", f"{url}/send", idempotent=False))
        except MailboxUnavailable as exc:
            if outcome_unknown(exc):
                raise SendOutcomeUnknown(details={"reason": "timeout"}) from exc
            raise
        for field in ("toRecipients", "ccRecipients", "bccRecipients"):
            for recipient in addresses_of(draft.get(field)):
                self._remember((access.user_email.lower(), recipient.email.lower()), True)
        return SendResult(internet_message_id=text_of(draft.get("internetMessageId")) or None)

    async def find_sent(
        self, access: MailboxAccess, internet_message_id: str | None, marker: str | None = None
    ) -> bool:
        filters = []
        if marker:
            filters.append(
                f"singleValueExtendedProperties/Any(ep: ep/id eq '{SCHEDULE_MARKER}' and ep/value eq '{quoted_odata(marker)}')"
            )
        if internet_message_id:
            filters.append(f"internetMessageId eq '{quoted_odata(internet_message_id)}'")
        for query in filters:
            data = await self.json_of(
                access,
                GraphCall(
                    "find_sent",
                    "GET",
                    f"{self._base}{access.mailbox_path}/mailFolders/SentItems/messages",
                    params={"$filter": query, "$top": "1", "$select": "id"},
                ),
            )
            if list_of(data.get("value")):
                return True
        return False

    # -- attachments -------------------------------------------------------------------------------

    async def _attachments(self, access: MailboxAccess, message_url: str) -> tuple[MailAttachment, ...]:
        listing = await self.json_of(
            access,
            GraphCall("list_attachments", "GET", f"{message_url}/attachments", params={"$select": ATTACHMENT_FIELDS}),
        )
        max_bytes = self._settings.max_attachment_bytes
        budget = self._settings.max_check_attachment_bytes
        result = []
        for item in list_of(listing.get("value")):
            if not isinstance(item, dict) or item.get("isInline") is True:
                continue  # inline images (signatures, logos) are part of the body, not attachments
            kind = attachment_kind(item.get("@odata.type"))
            name = text_of(item.get("name")) or "attachment"
            content_type = text_of(item.get("contentType"))
            size = int_of(item.get("size"))
            content = None
            attachment_id = text_of(item.get("id"))
            if kind == "file" and attachment_id and 0 <= size <= min(max_bytes, budget):
                content = await self._attachment_bytes(access, message_url, attachment_id, max_bytes)
                if content is not None:
                    budget -= len(content)
                    size = len(content)
            result.append(MailAttachment(name=name, content_type=content_type, size=size, content=content, kind=kind))
        return tuple(result)

    async def _attachment_bytes(
        self, access: MailboxAccess, message_url: str, attachment_id: str, max_bytes: int
    ) -> bytes | None:
        data = await self.json_of(
            access,
            GraphCall("get_attachment", "GET", f"{message_url}/attachments/{quote(attachment_id, safe='')}"),
        )
        encoded = data.get("contentBytes")
        if not isinstance(encoded, str) or len(encoded) > (max_bytes * 4) // 3 + 8:
            return None  # the listing's size understated it: report it without content
        try:
            content = base64.b64decode(encoded, validate=True)
        except (binascii.Error, ValueError):
            return None
        return content if len(content) <= max_bytes else None

    def _remember(self, key: tuple[str, str], found: bool) -> None:
        self._correspondents[key] = (found, self._clock() + self._ttl)
        self._correspondents.move_to_end(key)
        while len(self._correspondents) > self._max_cached:
            self._correspondents.popitem(last=False)
