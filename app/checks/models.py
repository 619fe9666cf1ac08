import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.common import created_at_field, id_field, json_column, timestamp_column


class CheckRecord(SQLModel, table=True):
    """One check of one draft. Never the body, subject or attachment content: codes and counts only."""

    __table_args__ = (
        Index("ix_checkrecord_tenant_created", "tenant_id", "created_at"),
        Index("ix_checkrecord_message", "tenant_id", "message_hash"),
    )

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="user.id", index=True, ondelete="CASCADE")
    created_at: datetime = created_at_field()
    client: str = Field(max_length=16)
    trigger: str = Field(max_length=16)
    verdict: str = Field(max_length=8)
    finding_codes: list[str] = Field(default_factory=list, sa_column=json_column())
    # finding id -> {"code", "severity", "evidence": evidence hash, "targets": hashed recipient addresses}:
    # what a later dismissal of that finding is keyed to. Hashes only, never the evidence itself.
    finding_targets: dict[str, Any] = Field(default_factory=dict, sa_column=json_column())
    recipient_count: int = 0
    attachment_count: int = 0
    latency_ms: float = 0.0
    index_version: int = 0
    outcome: str | None = Field(default=None, max_length=16)
    outcome_at: datetime | None = Field(default=None, sa_column=timestamp_column(nullable=True))
    dismissed: list[str] = Field(default_factory=list, sa_column=json_column())
    # Tenant-salted hash of the checked message's internet message id, when known (app/checks/message_ids.py):
    # how the sent-mail watch recognises a message checked at send time.
    message_hash: str | None = Field(default=None, max_length=64)


class AttachmentScan(SQLModel, table=True):
    """sha256 -> what the attachment is and whom it names, so a send-time check can refer to it by hash."""

    __table_args__ = (UniqueConstraint("tenant_id", "sha256"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    sha256: str = Field(max_length=64)
    doc_class: str = Field(max_length=32)
    organization_ids: list[str] = Field(default_factory=list, sa_column=json_column())
    language: str | None = Field(default=None, max_length=16)
    truncated: bool = False
    size: int = 0
    index_version: int = 0
    created_at: datetime = created_at_field()


class Dismissal(SQLModel, table=True):
    """A low or medium finding the user dismissed for a recipient: the same evidence (code, recipient and
    what triggered it) shows as info for a while afterwards."""

    __table_args__ = (Index("ix_dismissal_lookup", "tenant_id", "user_id", "created_at"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="user.id", ondelete="CASCADE")
    check_id: uuid.UUID = Field(foreign_key="checkrecord.id", index=True, ondelete="CASCADE")
    code: str = Field(max_length=64)
    recipient_hash: str = Field(max_length=64)
    evidence_hash: str = Field(default="", max_length=64)
    created_at: datetime = created_at_field()


class Correspondent(SQLModel, table=True):
    """Hashed external addresses a user has sent to, for `first_time_recipient` without a mailbox."""

    __table_args__ = (UniqueConstraint("tenant_id", "user_id", "address_hash"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    user_id: uuid.UUID = Field(foreign_key="user.id", ondelete="CASCADE")
    address_hash: str = Field(max_length=64)
    first_seen: datetime = created_at_field()
