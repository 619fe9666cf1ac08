"""The Outbox side of the Graph provider: mail Outlook holds for its delivery time, and recall."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from app.mailbox.base import HeldMessage, MailboxAccess, RecallResult
from app.mailbox.exceptions import AlreadySent, MessageNotFound
from app.mailbox.graph_http import GraphCall, GraphHttp
from app.mailbox.graph_json import DEFERRED_SEND_TIME, held_message, list_of, text_of

SAME_ORGANIZATION_ONLY = "Recall works only for recipients in your own organization (Exchange Online)."
RECALL_READ = "A recipient who has already opened the message keeps it."
# PidTagDeferredSendTime: the delivery time Outlook sets (Office.js delayDeliveryTime); the message waits in
# the Outbox until then.
HELD_EXPAND = f"singleValueExtendedProperties($filter=id eq '{DEFERRED_SEND_TIME}')"
HELD_FIELDS = "id,subject,toRecipients"
MAX_HELD = 100
# Moving a message back to Drafts in its last seconds races Exchange's own send: refuse rather than guess.
HOLD_CANCEL_MARGIN = timedelta(seconds=5)


class GraphOutbox(GraphHttp):
    async def recall(self, access: MailboxAccess, message_id: str) -> RecallResult:
        limitations = (SAME_ORGANIZATION_ONLY, RECALL_READ)
        if not self._settings.graph_recall_enabled:
            return RecallResult(
                attempted=False,
                detail="Recall through Microsoft Graph is turned off on this server; recall it from Outlook.",
                limitations=limitations,
            )
        self._check_id(message_id)
        await self._call(
            access,
            GraphCall(
                "recall",
                "POST",
                f"{self._beta}{access.mailbox_path}/messages/{quote(message_id, safe='')}/recall",
                idempotent=False,
            ),
        )
        return RecallResult(
            attempted=True,
            detail="Recall requested. Outlook sends you a report on how it went for each recipient.",
            limitations=limitations,
        )

    async def list_held(self, access: MailboxAccess) -> list[HeldMessage]:
        """Messages waiting in the Outbox for their delivery time (sorted by it); at most MAX_HELD."""
        data = await self.json_of(
            access,
            GraphCall(
                "list_held",
                "GET",
                f"{self._base}{access.mailbox_path}/mailFolders/outbox/messages",
                params={"$select": HELD_FIELDS, "$expand": HELD_EXPAND, "$top": str(MAX_HELD)},
            ),
        )
        now = datetime.now(UTC)
        held = [
            m
            for m in (held_message(item) for item in list_of(data.get("value")))
            if m is not None and m.deliver_at > now
        ]
        return sorted(held, key=lambda m: m.deliver_at)

    async def cancel_held(self, access: MailboxAccess, message_id: str) -> HeldMessage:
        """Move a held message back to Drafts, unsent: only while it is in the Outbox and its time is ahead."""
        url = self._message_url(access, message_id)
        outbox = await self.json_of(
            access,
            GraphCall(
                "outbox_folder",
                "GET",
                f"{self._base}{access.mailbox_path}/mailFolders/outbox",
                params={"$select": "id"},
            ),
        )
        data = await self.json_of(
            access,
            GraphCall(
                "read_held",
                "GET",
                url,
                params={"$select": f"{HELD_FIELDS},parentFolderId", "$expand": HELD_EXPAND},
            ),
        )
        held = held_message(data)
        in_outbox = bool(text_of(outbox.get("id"))) and text_of(data.get("parentFolderId")) == text_of(outbox.get("id"))
        if held is None or not in_outbox or held.deliver_at <= datetime.now(UTC) + HOLD_CANCEL_MARGIN:
            raise AlreadySent()
        try:
            await self.json_of(
                access,
                GraphCall("cancel_held", "POST", f"{url}/move", json={"destinationId": "drafts"}, idempotent=False),
            )
        except MessageNotFound as exc:  # gone between the read and the move: Exchange sent it
            raise AlreadySent() from exc
        return held
