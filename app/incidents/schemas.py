from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from app.checks.schemas import DraftIn, Locale, MessageRef
from app.directory.validation import normalize_email
from app.validation import NulFree

Email = Annotated[str, Field(min_length=3, max_length=320), AfterValidator(normalize_email)]
Level = Literal["low", "medium", "high", "critical"]


class IncidentCreate(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Where the user works: the steps offer what that mail client can do (Gmail cannot recall a message).
    client: Literal["outlook", "gmail", "api"] | None = None
    locale: Locale | None = None
    message: DraftIn | None = None
    ref: MessageRef | None = None
    wrong_recipients: Annotated[list[Email], Field(min_length=1, max_length=50)]
    intended_recipients: Annotated[list[Email], Field(max_length=50)] = []
    sent_at: datetime | None = None

    @model_validator(mode="after")
    def _message_or_ref(self) -> IncidentCreate:
        if (self.message is None) == (self.ref is None):
            raise ValueError("send exactly one of 'message' or 'ref'")
        return self


class SuggestRequest(NulFree, BaseModel):
    """The sent message (or its reference) and who got it by mistake: whom was it meant for?"""

    model_config = ConfigDict(extra="forbid")

    locale: Locale | None = None
    message: DraftIn | None = None
    ref: MessageRef | None = None
    wrong_recipients: Annotated[list[Email], Field(min_length=1, max_length=50)]

    @model_validator(mode="after")
    def _message_or_ref(self) -> SuggestRequest:
        if (self.message is None) == (self.ref is None):
            raise ValueError("send exactly one of 'message' or 'ref'")
        return self


class SuggestionOut(BaseModel):
    email: str
    name: str
    organization: str | None
    reason: Literal["greeted", "named", "confused_before", "recent"]
    why: str


class SuggestResponse(BaseModel):
    suggestions: list[SuggestionOut]


class SeverityOut(BaseModel):
    level: Level
    content_class: Literal["general", "commercial", "contractual", "internal"]
    relation: Literal["unrelated", "customer", "competitor", "rival"]
    reasons: list[str]


class StepOut(BaseModel):
    id: str
    title: str
    done: bool


class IncidentDraft(BaseModel):
    """A letter as returned to the client; it may edit it and send it back to create mailbox drafts."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["apology_wrong_recipient", "notice_intended_recipient", "resend_intended"]
    to: Annotated[list[Email], Field(min_length=1, max_length=50)]
    cc: Annotated[list[Email], Field(max_length=50)] = []
    subject: Annotated[str, Field(min_length=1, max_length=1000)]
    body: Annotated[str, Field(min_length=1, max_length=200_000)]
    body_text: Annotated[str, Field(max_length=200_000)] = ""
    language: str
    attachments: list[str] = []
    # Whom the letter is for, by name, and what it says in the user's language when written in another one.
    recipient_name: Annotated[str, Field(max_length=320)] = ""
    gloss: Annotated[str, Field(max_length=2000)] | None = None


class IncidentDraftIn(NulFree, IncidentDraft):
    """A letter the client sends back, perhaps edited."""


class IncidentResponse(BaseModel):
    incident_id: uuid.UUID
    status: Literal["open", "closed"]
    severity: SeverityOut
    steps: list[StepOut]
    drafts: list[IncidentDraft]
    created_at: datetime


class IncidentPublic(BaseModel):
    incident_id: uuid.UUID
    status: Literal["open", "closed"]
    severity: SeverityOut
    steps: list[StepOut]
    wrong_recipients: list[str]
    intended_recipients: list[str]
    document_names: list[str]
    mailbox_drafts: list[dict[str, str | None]]
    created_at: datetime
    closed_at: datetime | None


class IncidentUpdate(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["open", "closed"] | None = None
    steps: dict[Annotated[str, Field(max_length=32)], bool] | None = None


class MailboxDraftsRequest(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    drafts: Annotated[list[IncidentDraftIn], Field(min_length=1, max_length=20)] | None = None


class MailboxDraftOut(BaseModel):
    kind: str
    id: str
    web_link: str | None
    # The link's text in the user's language: "Open the apology to Laura Gómez".
    title: str = ""


class MailboxDraftsResponse(BaseModel):
    incident_id: uuid.UUID
    drafts: list[MailboxDraftOut]


class RecallResponse(BaseModel):
    incident_id: uuid.UUID
    attempted: bool
    detail: str
    limitations: list[str]
