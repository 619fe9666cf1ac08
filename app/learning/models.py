import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.common import created_at_field, id_field, json_column, timestamp_column

# A job in one of these states reads nothing more; the retention purge deletes it once old.
FINISHED_JOBS = ("done", "failed", "cancelled", "accepted")


class LearningJob(SQLModel, table=True):
    """One reading of the tenant's sent mail, and what it proposes. Nothing of a body or subject is kept: the
    checkpoint holds counters (addresses, names, votes, hashes), the proposal names, addresses, counts and hashes."""

    __table_args__ = (Index("ix_learningjob_tenant_created", "tenant_id", "created_at"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="user.id", ondelete="CASCADE")
    # running -> done | failed | cancelled; done -> accepted when the administrator took (part of) it.
    status: str = Field(default="running", max_length=12)
    months: int = 12
    since: datetime = Field(sa_column=timestamp_column())
    mailboxes: list[str] = Field(default_factory=list, sa_column=json_column())
    mailbox_index: int = 0
    # Where the current mailbox's next page starts (the provider's opaque link); None at a mailbox's start.
    cursor: str | None = Field(default=None, max_length=4000)
    pages: int = 0
    # Share of the work done, 0..1: mailboxes finished, and how far the current one is in time.
    progress: float = 0.0
    messages_read: int = 0
    organizations_found: int = 0
    checkpoint: dict[str, Any] | None = Field(default=None, sa_column=json_column(nullable=True))
    proposal: dict[str, Any] | None = Field(default=None, sa_column=json_column(nullable=True))
    error: str | None = Field(default=None, max_length=500)
    claimed_by: str | None = Field(default=None, max_length=100)
    claimed_at: datetime | None = Field(default=None, sa_column=timestamp_column(nullable=True))
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()
    finished_at: datetime | None = Field(default=None, sa_column=timestamp_column(nullable=True))
