import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.common import created_at_field, id_field, json_column, timestamp_column


class ConfusionPair(SQLModel, table=True):
    """Learned from incidents: mail meant for `intended` went to `wrong`; `known_confusion` warns next time."""

    __table_args__ = (UniqueConstraint("tenant_id", "intended", "wrong"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    intended: str = Field(max_length=320)
    wrong: str = Field(max_length=320)
    count: int = 1
    updated_at: datetime = created_at_field()


class Incident(SQLModel, table=True):
    """A misdirected send: who got it, how bad it is, what has been done. Never the body or subject."""

    __table_args__ = (Index("ix_incident_tenant_created", "tenant_id", "created_at"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    status: str = Field(default="open", max_length=8)
    level: str = Field(max_length=8)
    content_class: str = Field(max_length=16)
    relation: str = Field(max_length=16)
    reasons: list[str] = Field(default_factory=list, sa_column=json_column())
    steps: list[dict[str, Any]] = Field(default_factory=list, sa_column=json_column())
    wrong_recipients: list[str] = Field(default_factory=list, sa_column=json_column())
    intended_recipients: list[str] = Field(default_factory=list, sa_column=json_column())
    document_names: list[str] = Field(default_factory=list, sa_column=json_column())
    locale: str = Field(default="en", max_length=16)
    provider: str | None = Field(default=None, max_length=16)
    message_ref: str | None = Field(default=None, max_length=1000)
    sent_at: datetime = created_at_field()
    mailbox_drafts: list[dict[str, Any]] = Field(default_factory=list, sa_column=json_column())
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()
    closed_at: datetime | None = Field(default=None, sa_column=timestamp_column(nullable=True))
