from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from app.common import created_at_field, id_field, json_column


class Tenant(SQLModel, table=True):
    id: uuid.UUID = id_field()
    # Where the tenant comes from: "dev:<domain>", "entra:<tid>" or "google:<hd>"; unique so that two
    # replicas creating the same tenant on first use cannot both succeed.
    key: str = Field(max_length=400, unique=True)
    name: str = Field(max_length=255)
    internal_domains: list[str] = Field(default_factory=list, sa_column=json_column())
    default_language: str = Field(default="en", max_length=16)
    # Bumped on every directory or policy change; replicas rebuild their cached index when it moves.
    version: int = Field(default=1)
    created_at: datetime = created_at_field()

    def owns_address(self, email: str) -> bool:
        """Whether an address is in one of the tenant's domains (subdomains included)."""
        domain = email.strip().rsplit("@", 1)[-1].lower().rstrip(".")
        return any(domain == d or domain.endswith("." + d) for d in self.internal_domains)


class User(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("tenant_id", "subject"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    # "dev:<address>" (an address has up to 320 characters), "entra:<tid>:<oid>", "google:<sub>".
    subject: str = Field(max_length=400)
    email: str = Field(max_length=320, index=True)
    display_name: str = Field(default="", max_length=256)
    locale: str = Field(default="en", max_length=16)
    role: str = Field(default="member", max_length=16)
    created_at: datetime = created_at_field()
