from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.validation import NulFree

MAX_RECIPIENTS = 5_000
MAX_ATTACHMENTS = 50
MAX_SUBJECT_CHARS = 2_000

Client = Literal["outlook", "gmail", "api"]
Trigger = Literal["compose", "send"]
Locale = Annotated[str, Field(min_length=2, max_length=16, pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")]


class RecipientIn(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Addresses are checked by the engine, not rejected here: a malformed address in a draft is
    # something to warn about, not a reason to refuse the check.
    email: Annotated[str, Field(min_length=1, max_length=320)]
    name: Annotated[str, Field(max_length=320)] = ""


class AttachmentIn(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=500)]
    size: Annotated[int, Field(ge=0)] = 0
    content_type: Annotated[str, Field(max_length=200)] = ""
    sha256: Annotated[str, Field(pattern=r"^[0-9a-fA-F]{64}$")] | None = None
    content_base64: str | None = None


class DraftIn(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    sender: Annotated[str, Field(alias="from", max_length=320)] = ""
    to: Annotated[list[RecipientIn], Field(max_length=MAX_RECIPIENTS)] = []
    cc: Annotated[list[RecipientIn], Field(max_length=MAX_RECIPIENTS)] = []
    bcc: Annotated[list[RecipientIn], Field(max_length=MAX_RECIPIENTS)] = []
    subject: Annotated[str, Field(max_length=MAX_SUBJECT_CHARS)] = ""
    body: str = ""
    body_format: Literal["text", "html"] = "text"
    attachments: Annotated[list[AttachmentIn], Field(max_length=MAX_ATTACHMENTS)] = []
    # The draft's internet message id when the client knows it: kept only as a salted hash, so that the
    # sent-mail watch does not check the same message again after it is sent.
    internet_message_id: Annotated[str, Field(max_length=1000)] | None = None


class MessageRef(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    provider: Literal["graph", "gmail", "fake"]
    id: Annotated[str, Field(min_length=1, max_length=1000)]


class CheckRequest(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    client: Client = "api"
    trigger: Trigger = "compose"
    locale: Locale | None = None
    draft: DraftIn | None = None
    ref: MessageRef | None = None

    @model_validator(mode="after")
    def _draft_or_ref(self) -> CheckRequest:
        if (self.draft is None) == (self.ref is None):
            raise ValueError("send exactly one of 'draft' or 'ref'")
        return self


class FixOut(BaseModel):
    type: Literal[
        "move_to_bcc", "remove_recipient", "replace_recipient", "remove_attachment", "add_attachment", "use_template"
    ]
    recipients: list[str] | None = None
    recipient: str | None = None
    suggestion: str | None = None
    name: str | None = None
    template: str | None = None


class FindingOut(BaseModel):
    # Names this finding in POST /v1/checks/{id}/outcome "dismissed" (stable across re-checks of a draft).
    id: str
    code: str
    severity: Literal["info", "low", "medium", "high", "critical"]
    title: str
    message: str
    recipients: list[str]
    evidence: list[str]
    fixes: list[FixOut]


class CheckResponse(BaseModel):
    check_id: uuid.UUID
    verdict: Literal["ok", "warn", "block"]
    summary: Annotated[str, Field(max_length=500)]
    hold_minutes: int
    findings: list[FindingOut]


class OutcomeRequest(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    outcome: Literal["sent_anyway", "fixed", "cancelled"]
    # Finding ids of this check, or finding codes (each dismisses every finding of that code in the check).
    dismissed: Annotated[list[Annotated[str, Field(max_length=64)]], Field(max_length=50)] = []


class OutcomeResponse(BaseModel):
    check_id: uuid.UUID
    outcome: str
    dismissed: list[str]


class ScanRequest(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=500)]
    content_type: Annotated[str, Field(max_length=200)] = ""
    content_base64: str


class ScannedOrganization(BaseModel):
    id: str
    name: str


class ScanResponse(BaseModel):
    sha256: str
    doc_class: str
    organizations: list[ScannedOrganization]
    truncated: bool
    language: str | None = None
    error: str | None = None
