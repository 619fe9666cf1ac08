import uuid
from datetime import datetime
from typing import Optional

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from app.common import created_at_field, id_field, json_column


class Organization(SQLModel, table=True):
    # name_key is the case-folded name: "SolarTech GmbH" and "solartech gmbh" are one organization.
    __table_args__ = (UniqueConstraint("tenant_id", "name_key"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    name: str = Field(max_length=200)
    name_key: str = Field(max_length=200)
    kind: str = Field(max_length=16)
    aliases: list[str] = Field(default_factory=list, sa_column=json_column())
    rival_group: str | None = Field(default=None, max_length=100)
    owner_email: str | None = Field(default=None, max_length=320)
    customer_code: str | None = Field(default=None, max_length=64)
    country: str | None = Field(default=None, max_length=2)
    language: str | None = Field(default=None, max_length=16)
    notes: str | None = Field(default=None, max_length=2000)
    created_at: datetime = created_at_field()
    updated_at: datetime = created_at_field()

    domain_rows: list["OrganizationDomain"] = Relationship(
        back_populates="organization",
        sa_relationship_kwargs={
            "cascade": "all, delete-orphan",
            "lazy": "selectin",
            "order_by": "OrganizationDomain.domain",
        },
    )
    contacts: list["Contact"] = Relationship(
        back_populates="organization",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "lazy": "selectin", "order_by": "Contact.email"},
    )

    @property
    def domains(self) -> list[str]:
        return sorted(row.domain for row in self.domain_rows)


class OrganizationDomain(SQLModel, table=True):
    # One domain belongs to one organization per tenant: the database enforces it, not only the service.
    __table_args__ = (UniqueConstraint("tenant_id", "domain"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True, ondelete="CASCADE")
    domain: str = Field(max_length=253)

    organization: Optional["Organization"] = Relationship(back_populates="domain_rows")


class Contact(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("tenant_id", "email"),)

    id: uuid.UUID = id_field()
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", index=True, ondelete="CASCADE")
    organization_id: uuid.UUID = Field(foreign_key="organization.id", index=True, ondelete="CASCADE")
    name: str = Field(default="", max_length=200)
    email: str = Field(max_length=320)
    title: str | None = Field(default=None, max_length=200)
    language: str | None = Field(default=None, max_length=16)

    organization: Optional["Organization"] = Relationship(back_populates="contacts")
