"""An in-memory mailbox for the demo and tests (MAILBOX_PROVIDER=fake): same interface, no network."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from app.common import utcnow
from app.mailbox.base import (
    CreatedDraft,
    HeldMessage,
    MailAddress,
    MailboxAccess,
    MailMessage,
    OutgoingDraft,
    RecallResult,
    SendResult,
)
from app.mailbox.exceptions import AlreadySent, MessageNotFound


@dataclass
class _Box:
    messages: dict[str, MailMessage] = field(default_factory=dict)
    sent: dict[str, MailMessage] = field(default_factory=dict)
    correspondents: set[str] = field(default_factory=set)
    markers: dict[str, str] = field(default_factory=dict)  # a scheduled send's marker -> the sent message
    # Sent but held in the Outbox until the time given (Outlook's delayed delivery).
    held: dict[str, tuple[MailMessage, datetime]] = field(default_factory=dict)


class FakeMailbox:
    name = "fake"

    def __init__(self, clock: Callable[[], datetime] = utcnow) -> None:
        self._boxes: dict[str, _Box] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.sends: list[str] = []
        self.clock = clock

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

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        box = self._box(access)
        with self._lock:
            draft = box.messages.pop(draft_id, None)
            if draft is None or not draft.is_draft:
                raise MessageNotFound("The draft is no longer in the mailbox.")
            sent = replace(draft, is_draft=False)
            box.sent[draft_id] = sent
            if marker:
                box.markers[marker] = draft_id
            self.sends.append(draft_id)
        for address in (*sent.to, *sent.cc):
            box.correspondents.add(address.email.lower())
        return SendResult(internet_message_id=sent.internet_message_id)

    async def find_sent(
        self, access: MailboxAccess, internet_message_id: str | None, marker: str | None = None
    ) -> bool:
        box = self._box(access)
        if marker and marker in box.markers:
            return True
        return bool(internet_message_id) and any(
            m.internet_message_id == internet_message_id for m in box.sent.values()
        )

    async def recall(self, access: MailboxAccess, message_id: str) -> RecallResult:
        await self.get_message(access, message_id)
        return RecallResult(
            attempted=False,
            detail="The demo mailbox cannot recall messages.",
            limitations=("Recall works only for recipients in your own organization.",),
        )

    # -- held sends (delayed delivery) ---------------------------------------------------------------

    def hold(self, access: MailboxAccess, message: MailMessage, deliver_at: datetime) -> str:
        """Put a sent message in the Outbox until `deliver_at`, as Outlook does with a delivery time set."""
        held_id = message.id or f"held-{next(self._ids)}"
        held = replace(
            message,
            id=held_id,
            is_draft=False,
            internet_message_id=message.internet_message_id or f"<{held_id}@fake.sendguard>",
        )
        box = self._box(access)
        with self._lock:
            box.held[held_id] = (held, deliver_at)
        return held_id

    def _deliver_due(self, box: _Box) -> None:
        """Held messages whose time has come leave the Outbox: they are sent."""
        now = self.clock()
        with self._lock:
            due = [(k, m) for k, (m, at) in box.held.items() if at <= now]
            for held_id, message in due:
                del box.held[held_id]
                box.sent[held_id] = message
                self.sends.append(held_id)
                box.correspondents.update(a.email.lower() for a in (*message.to, *message.cc, *message.bcc))

    async def list_held(self, access: MailboxAccess) -> list[HeldMessage]:
        box = self._box(access)
        self._deliver_due(box)
        with self._lock:
            held = sorted(box.held.values(), key=lambda pair: pair[1])
        return [_held(message, at) for message, at in held]

    async def cancel_held(self, access: MailboxAccess, message_id: str) -> HeldMessage:
        box = self._box(access)
        self._deliver_due(box)
        with self._lock:
            entry = box.held.pop(message_id, None)
            if entry is None:
                if message_id in box.sent or message_id in box.messages:
                    raise AlreadySent()
                raise MessageNotFound()
            message, at = entry
            box.messages[message_id] = replace(message, is_draft=True)  # back in Drafts, unsent
        return _held(message, at)


def _held(message: MailMessage, deliver_at: datetime) -> HeldMessage:
    return HeldMessage(
        id=message.id,
        to=tuple(a.email for a in message.to),
        subject=message.subject,
        deliver_at=deliver_at,
    )


def address(email: str, name: str = "") -> MailAddress:
    return MailAddress(email=email, name=name)
