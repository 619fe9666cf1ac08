"""The MailboxProvider interface: what SendGuard needs from a mailbox, whichever vendor holds it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal, Protocol, runtime_checkable


@dataclass(frozen=True, slots=True)
class MailboxAccess:
    """Whose mailbox, and the credential the provider needs (a Graph or Gmail token; none for the fake).

    ``mailbox_path``: where Graph finds the mailbox: ``/me`` with a user's own (delegated) token, or
    ``/users/{address}`` with an app-only token (a background send, with no user request around).
    """

    user_email: str
    token: str | None = None
    mailbox_path: str = "/me"


@dataclass(frozen=True, slots=True)
class MailAddress:
    email: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class MailAttachment:
    name: str
    content_type: str = ""
    size: int = 0
    content: bytes | None = None
    # "file" has bytes; "item" (an attached mail) and "reference" (a cloud link) are reported, not read.
    kind: Literal["file", "item", "reference"] = "file"
    # A client may name an attachment scanned earlier by its hash instead of sending the bytes again.
    sha256: str | None = None


@dataclass(frozen=True, slots=True)
class MailMessage:
    id: str
    sender: str
    to: tuple[MailAddress, ...] = ()
    cc: tuple[MailAddress, ...] = ()
    bcc: tuple[MailAddress, ...] = ()
    subject: str = ""
    body: str = ""
    body_format: Literal["text", "html"] = "text"
    attachments: tuple[MailAttachment, ...] = ()
    internet_message_id: str | None = None
    is_draft: bool = False
    sent_at: datetime | None = None  # filled by readers of sent mail


@dataclass(frozen=True, slots=True)
class OutgoingDraft:
    to: tuple[MailAddress, ...]
    subject: str
    body_html: str
    body_text: str
    cc: tuple[MailAddress, ...] = ()
    attachments: tuple[MailAttachment, ...] = ()
    reply_to_message_id: str | None = None
    reply_all: bool = False


@dataclass(frozen=True, slots=True)
class CreatedDraft:
    id: str
    web_link: str | None = None


@dataclass(frozen=True, slots=True)
class SendResult:
    internet_message_id: str | None = None


@dataclass(frozen=True, slots=True)
class RecallResult:
    attempted: bool
    detail: str
    limitations: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class HeldMessage:
    """A sent message the mail server holds until ``deliver_at`` (Outlook's delayed delivery: in the Outbox with
    PidTagDeferredSendTime). Its subject is shown to the user who owns it; it is never stored or logged."""

    id: str
    to: tuple[str, ...]
    subject: str
    deliver_at: datetime


class MailboxProvider(Protocol):
    name: str

    async def get_message(self, access: MailboxAccess, message_id: str) -> MailMessage: ...

    async def has_corresponded(self, access: MailboxAccess, address: str) -> bool | None: ...

    async def create_draft(self, access: MailboxAccess, draft: OutgoingDraft) -> CreatedDraft: ...

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        """Send a draft. `marker` (a scheduled send's id) is stamped on the message first where the provider can,
        so that `find_sent` recognises it. Raises SendOutcomeUnknown when the send was asked for but no answer
        came back (a timeout): the message may or may not have left."""
        ...

    async def find_sent(
        self, access: MailboxAccess, internet_message_id: str | None, marker: str | None = None
    ) -> bool:
        """Whether Sent Items holds the message with this internet message id, or stamped with this marker."""
        ...

    async def recall(self, access: MailboxAccess, message_id: str) -> RecallResult: ...


@runtime_checkable
class HoldingProvider(Protocol):
    """An optional capability: a provider whose mailbox can hold a sent message for a while (Graph, the fake).

    ``cancel_held`` moves a held message back to Drafts, unsent, and returns it as it was listed; it raises
    AlreadySent (409) when the message has left the Outbox or its time has passed, MessageNotFound for an id the
    mailbox does not hold. Gmail has no such hold, so it does not offer these.
    """

    async def list_held(self, access: MailboxAccess) -> list[HeldMessage]: ...

    async def cancel_held(self, access: MailboxAccess, message_id: str) -> HeldMessage: ...


@dataclass(frozen=True, slots=True)
class SentPage:
    """One page of a mailbox's sent mail, oldest first. Attachments carry their sha256, never their bytes.

    ``cursor``: where the next page starts (opaque to the caller, stored to resume), None after the last page."""

    messages: tuple[MailMessage, ...]
    cursor: str | None


@runtime_checkable
class SentMailReader(Protocol):
    """An optional capability: reading a user's sent mail since a date in pages (the directory learner)."""

    async def sent_page(
        self, access: MailboxAccess, since: datetime, cursor: str | None, page_size: int = 50
    ) -> SentPage: ...
