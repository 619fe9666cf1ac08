"""What the sent-mail watch needs from a mailbox, whichever vendor holds it (Graph delta, Gmail history)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from app.mailbox.base import MailboxAccess
from app.mailbox.exceptions import MailboxUnavailable


@dataclass(frozen=True, slots=True)
class SentPage:
    """Messages that reached Sent Items, oldest first, and where to read on from.

    ``complete``: the cursor points at the end of the changes (nothing more to read now)."""

    message_ids: tuple[str, ...]
    cursor: str
    complete: bool


@dataclass(frozen=True, slots=True)
class SentHeader:
    """What the watch needs to know about a sent message before reading it whole."""

    internet_message_id: str | None
    # The check id an Outlook on-send check stamped on the message (an internet header), if any.
    check_marker: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """A message to put in the user's own Inbox. ``key`` is stamped on it so that it can be found again."""

    key: str
    to: str
    subject: str
    body_html: str


class CursorExpired(MailboxUnavailable):
    """The provider no longer knows the cursor (Graph delta 410, Gmail history 404): read again by date."""

    code = "watch_cursor_expired"
    message = "The mailbox no longer has the changes from that point."


class SentMailSource(Protocol):
    name: str  # the provider's name, as MailboxProvider.name

    async def start_cursor(self, access: MailboxAccess) -> str:
        """A cursor at the end of the changes now: mail sent before it is not read."""
        ...

    async def changes(self, access: MailboxAccess, cursor: str) -> SentPage:
        """One page of messages that reached Sent Items after the cursor. Raises CursorExpired."""
        ...

    async def sent_after(self, access: MailboxAccess, after: datetime) -> SentPage:
        """Every message sent after a moment (a bounded look-back after a gap), and a cursor at the end now."""
        ...

    async def header(self, access: MailboxAccess, message_id: str) -> SentHeader: ...

    async def deliver_report(self, access: MailboxAccess, report: Report) -> None: ...

    async def find_report(self, access: MailboxAccess, key: str) -> bool: ...
