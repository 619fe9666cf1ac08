import uuid
from datetime import datetime

from sqlalchemy import DateTime, Index, text
from sqlmodel import Field, SQLModel

from app.common import created_at_field, id_field, timestamp_column

# Waiting or being sent: a draft may have one such schedule at a time (a partial unique index on both engines).
ACTIVE = text("status IN ('pending', 'sending')")


class ScheduledSend(SQLModel, table=True):
    """A draft to send later. Sent exactly once, or reported failed; never lost across a restart."""

    __table_args__ = (
        Index("ix_scheduledsend_due", "status", "next_attempt_at"),
        Index("ix_scheduledsend_owner", "tenant_id", "user_id", "created_at"),
        Index(
            "uq_scheduledsend_active_draft",
            "tenant_id",
            "provider",
            "draft_id",
            unique=True,
            sqlite_where=ACTIVE,
            postgresql_where=ACTIVE,
        ),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="user.id", ondelete="CASCADE")
    # Whose mailbox the worker sends from, when no request (and so no user token) is around.
    user_email: str = Field(max_length=320)
    provider: str = Field(max_length=16)
    draft_id: str = Field(max_length=1000)
    send_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    status: str = Field(default="pending", max_length=12)
    attempts: int = 0
    last_error: str | None = Field(default=None, max_length=500)
    # Known before the send is attempted: after a crash, the Sent folder is searched for it.
    internet_message_id: str | None = Field(default=None, max_length=1000)
    sent_message_id: str | None = Field(default=None, max_length=1000)
    next_attempt_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    deadline_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    claimed_by: str | None = Field(default=None, max_length=100)
    claimed_at: datetime | None = Field(default=None, sa_column=timestamp_column(nullable=True))
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()
