"""The sent-mail watch's state: where each user's watch has read up to, and which sent messages it has handled.

Nothing of a message's content: a tenant-salted hash of its internet message id, finding codes and times.
"""

import uuid
from datetime import datetime

from sqlalchemy import DateTime, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.common import created_at_field, id_field, json_column, timestamp_column


class WatchState(SQLModel, table=True):
    """One user's watch: the provider's cursor (a Graph delta link on Sent Items, a Gmail history id) and the
    lease of the watcher that reads it now (two watchers never read one user's mail at the same time)."""

    __table_args__ = (
        UniqueConstraint("user_id"),
        Index("ix_watchstate_due", "next_poll_at"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="user.id", ondelete="CASCADE")
    provider: str = Field(max_length=16)
    cursor: str | None = Field(default=None, max_length=4000)
    # When the last read reached the end of the mailbox's changes: after a history gap, mail sent since a little
    # before this is read again by date (and what was handled already is recognised by its hash).
    synced_at: datetime | None = Field(default=None, sa_column=timestamp_column(nullable=True))
    next_poll_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    opted_out: bool = False
    claimed_by: str | None = Field(default=None, max_length=100)
    lease_until: datetime | None = Field(default=None, sa_column=timestamp_column(nullable=True))
    failures: int = 0
    last_error: str | None = Field(default=None, max_length=100)
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()


class WatchedMessage(SQLModel, table=True):
    """A sent message the watch has handled, by the hash of its internet message id: never handled twice.

    status: ``checked_at_send`` (SendGuard checked it before it left), ``clean`` (no critical or high finding),
    ``reporting`` (a report is being delivered; after a crash the mailbox is searched for it before another is
    delivered), ``reported``, ``unchecked`` (the check refused it, e.g. a body over MAX_BODY_CHARS; its code is
    kept in ``finding_codes``)."""

    __table_args__ = (
        UniqueConstraint("user_id", "message_hash"),
        Index("ix_watchedmessage_reports", "tenant_id", "user_id", "created_at"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="user.id", ondelete="CASCADE")
    message_hash: str = Field(max_length=64)
    status: str = Field(max_length=16)
    severity: str | None = Field(default=None, max_length=8)
    finding_codes: list[str] = Field(default_factory=list, sa_column=json_column())
    created_at: datetime = created_at_field()
    reported_at: datetime | None = Field(default=None, sa_column=timestamp_column(nullable=True))
