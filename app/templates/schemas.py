from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from app.directory.validation import normalize_email
from app.validation import NulFree

Email = Annotated[str, Field(min_length=3, max_length=320), AfterValidator(normalize_email)]
Text = Annotated[str, Field(min_length=1, max_length=5000)]
Short = Annotated[str, Field(min_length=1, max_length=300)]
LocaleTag = Annotated[str, Field(min_length=2, max_length=16, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")]


class FieldInfo(BaseModel):
    name: str
    label: dict[str, str]
    type: str
    required: bool
    default: Any = None
    choices: list[str] | None = None
    choice_labels: dict[str, dict[str, str]] | None = None


class TemplatePublic(BaseModel):
    name: str
    audience: str
    description: dict[str, str]
    fields: list[FieldInfo]
    locales: list[str]


class RenderRequest(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    locale: LocaleTag
    fields: dict[str, Any] = {}


class RenderedLetter(BaseModel):
    subject: str
    body_html: str
    body_text: str


class Letter(RenderedLetter):
    """A rendered letter with its addressees, ready to become a draft in the mailbox."""

    kind: str
    to: list[str]
    cc: list[str] = []
    language: str
    attachments: list[str] = []


class HandoffSections(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    overview: Text
    basic_info: Text
    source_history: Text
    needs: Text
    materials_sent: Annotated[list[Short], Field(min_length=1, max_length=50)]
    personality: Text
    next_steps: Text


class HandoffCreate(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    organization_id: uuid.UUID
    to_owner_email: Email
    to_owner_name: Short
    matter: Short
    takeover_date: date
    sections: HandoffSections
    # The customer contact the notice goes to; the organization's first contact when left out.
    contact_email: Email | None = None
    locale: LocaleTag | None = None
    new_contact_title: Short | None = None
    new_contact_phone: Short | None = None
    reason: Text | None = None


class HandoffPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    organization_id: uuid.UUID
    from_owner: str | None
    to_owner: str
    matter: str
    sections: dict[str, Any]
    takeover_date: date
    created_at: datetime


class HandoffResult(BaseModel):
    handoff: HandoffPublic
    internal_email: Letter
    customer_notice: Letter | None


class HandoffPrefillRequest(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    recipient: Annotated[str, Field(min_length=3, max_length=320), AfterValidator(normalize_email)]
    locale: Annotated[str, Field(max_length=16)] | None = None


class HandoffPrefill(BaseModel):
    """The internal hand-off e-mail's fields as far as SendGuard knows them, and the colleague it goes to."""

    template: str
    organization_id: uuid.UUID
    to: str | None
    locale: str
    fields: dict[str, Any]
