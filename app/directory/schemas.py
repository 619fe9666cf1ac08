from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from app.analysis.directory import OrgKind
from app.directory.validation import normalize_domain, normalize_email, normalize_language
from app.validation import NulFree

Domain = Annotated[str, Field(min_length=1, max_length=253), AfterValidator(normalize_domain)]
Email = Annotated[str, Field(min_length=3, max_length=320), AfterValidator(normalize_email)]
Language = Annotated[str, Field(min_length=2, max_length=16), AfterValidator(normalize_language)]
ShortText = Annotated[str, Field(min_length=1, max_length=200)]


def _strip(value: str) -> str:
    stripped = " ".join(value.split())
    if not stripped:
        raise ValueError("must not be blank")
    return stripped


Name = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_strip)]
Domains = Annotated[list[Domain], Field(max_length=100)]
Aliases = Annotated[list[ShortText], Field(max_length=100)]
RivalGroup = Annotated[str, Field(min_length=1, max_length=100)]
CustomerCode = Annotated[str, Field(min_length=1, max_length=64)]
Country = Annotated[str, Field(pattern=r"^[A-Za-z]{2}$")]
Notes = Annotated[str, Field(max_length=2000)]


class ContactBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(max_length=200)] = ""
    email: Email
    title: Annotated[str, Field(max_length=200)] | None = None
    language: Language | None = None


class ContactCreate(NulFree, ContactBase):
    pass


class ContactPublic(ContactBase):
    model_config = ConfigDict(extra="ignore", from_attributes=True)

    id: uuid.UUID


class OrganizationBase(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    kind: OrgKind
    domains: Domains = []
    aliases: Aliases = []
    rival_group: RivalGroup | None = None
    owner_email: Email | None = None
    customer_code: CustomerCode | None = None
    country: Country | None = None
    language: Language | None = None
    notes: Notes | None = None

    @field_validator("domains", "aliases")
    @classmethod
    def _unique(cls, values: list[str]) -> list[str]:
        return list(dict.fromkeys(values))

    @field_validator("country")
    @classmethod
    def _upper(cls, value: str | None) -> str | None:
        return value.upper() if value else value


class OrganizationCreate(NulFree, OrganizationBase):
    contacts: Annotated[list[ContactCreate], Field(max_length=1000)] = []


class OrganizationUpdate(NulFree, BaseModel):
    """PATCH: only the fields sent change; `contacts`, when sent, replaces the list."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    kind: OrgKind | None = None
    domains: Domains | None = None
    aliases: Aliases | None = None
    rival_group: RivalGroup | None = None
    owner_email: Email | None = None
    customer_code: CustomerCode | None = None
    country: Country | None = None
    language: Language | None = None
    notes: Notes | None = None
    contacts: Annotated[list[ContactCreate], Field(max_length=1000)] | None = None


class OrganizationPublic(OrganizationBase):
    model_config = ConfigDict(extra="ignore", from_attributes=True)

    id: uuid.UUID
    contacts: list[ContactPublic] = []


class OrganizationList(BaseModel):
    items: list[OrganizationPublic]
    total: int
    limit: int
    offset: int


class ImportError_(BaseModel):
    line: int
    message: str
    organization: str | None = None


class ImportPreviewItem(BaseModel):
    organization: str
    action: Literal["create", "update"]


class ImportResult(BaseModel):
    """What an import did, or with dry_run would do; `preview` names up to 1,000 organizations it touches."""

    created: int
    updated: int
    contacts_created: int = 0
    contacts_updated: int = 0
    errors: list[ImportError_] = []
    dry_run: bool = False
    preview: list[ImportPreviewItem] = []


class RivalGroupMember(BaseModel):
    id: uuid.UUID
    name: str
    kind: str


class RivalGroup_(BaseModel):
    name: str
    members: list[RivalGroupMember]
