import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from app.common import created_at_field, id_field, json_column


class Handoff(SQLModel, table=True):
    __table_args__ = (Index("ix_handoff_tenant_org", "tenant_id", "organization_id", "created_at"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", ondelete="CASCADE")
    organization_id: uuid.UUID = Field(foreign_key="organization.id", ondelete="CASCADE")
    created_by: uuid.UUID = Field(foreign_key="user.id", ondelete="CASCADE")
    from_owner: str | None = Field(default=None, max_length=320)
    to_owner: str = Field(max_length=320)
    matter: str = Field(max_length=300)
    # The six hand-off sections: business notes about the account, which the new owner needs to keep.
    sections: dict[str, Any] = Field(default_factory=dict, sa_column=json_column())
    takeover_date: date
    created_at: datetime = created_at_field()
