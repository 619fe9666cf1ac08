"""An in-memory mailbox for the demo and tests (MAILBOX_PROVIDER=fake): same interface, no network."""

from __future__ import annotations

import itertools
import threading
from dataclasses import dataclass, field, replace

from app.mailbox.base import (
    CreatedDraft,
    MailAddress,
    MailboxAccess,
    MailMessage,
    OutgoingDraft,
    RecallResult,
    SendResult,
)
from app.mailbox.exceptions import MessageNotFound


@dataclass
class _Box:
    messages: dict[str, MailMessage] = field(default_factory=dict)
    sent: dict[str, MailMessage] = field(default_factory=dict)
    correspondents: set[str] = field(default_factory=set)


class FakeMailbox:
    name = "fake"

    def __init__(self) -> None:
        self._boxes: dict[str, _Box] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.sends: list[str] = []

    def _box(self, access: MailboxAccess) -> _Box:
        with self._lock:
            return self._boxes.setdefault(access.user_email.lower(), _Box())

    def put_message(self, access: MailboxAccess, message: MailMessage) -> None:
        self._box(access).messages[message.id] = message

    def add_correspondent(self, access: MailboxAccess, address: str) -> None:
        self._box(access).correspondents.add(address.lower())

    def drafts(self, access: MailboxAccess) -> list[MailMessage]:
        return [m for m in self._box(access).messages.values() if m.is_draft]

    async def get_message(self, access: MailboxAccess, message_id: str) -> MailMessage:
        box = self._box(access)
        message = box.messages.get(message_id) or box.sent.get(message_id)
        if message is None:
            raise MessageNotFound()
        return message

    async def has_corresponded(self, access: MailboxAccess, address: str) -> bool | None:
        return address.lower() in self._box(access).correspondents

    async def create_draft(self, access: MailboxAccess, draft: OutgoingDraft) -> CreatedDraft:
        draft_id = f"draft-{next(self._ids)}"
        self._box(access).messages[draft_id] = MailMessage(
            id=draft_id,
            sender=access.user_email,
            to=draft.to,
            cc=draft.cc,
            subject=draft.subject,
            body=draft.body_html,
            body_format="html",
            attachments=draft.attachments,
            internet_message_id=f"<{draft_id}@fake.sendguard>",
            is_draft=True,
        )
        return CreatedDraft(id=draft_id, web_link=f"https://mail.fake.example/drafts/{draft_id}")

    async def send_draft(self, access: MailboxAccess, draft_id: str) -> SendResult:
        box = self._box(access)
        with self._lock:
            draft = box.messages.pop(draft_id, None)
            if draft is None or not draft.is_draft:
                raise MessageNotFound("The draft is no longer in the mailbox.")
            sent = replace(draft, is_draft=False)
            box.sent[draft_id] = sent
            self.sends.append(draft_id)
        for address in (*sent.to, *sent.cc):
            box.correspondents.add(address.email.lower())
        return SendResult(internet_message_id=sent.internet_message_id)

    async def find_sent(self, access: MailboxAccess, internet_message_id: str) -> bool:
        return any(m.internet_message_id == internet_message_id for m in self._box(access).sent.values())

    async def recall(self, access: MailboxAccess, message_id: str) -> RecallResult:
        await self.get_message(access, message_id)
        return RecallResult(
            attempted=False,
            detail="The demo mailbox cannot recall messages.",
            limitations=("Recall works only for recipients in your own organization.",),
        )


def address(email: str, name: str = "") -> MailAddress:
    return MailAddress(email=email, name=name)
