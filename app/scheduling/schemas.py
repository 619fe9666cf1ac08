from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, model_validator

from app.validation import NulFree

Status = Literal["pending", "sending", "sent", "cancelled", "failed"]
MAX_DELAY_SECONDS = 7 * 24 * 3600


class ScheduledSendCreate(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    provider: Literal["graph", "gmail", "fake"]
    draft_id: Annotated[str, Field(min_length=1, max_length=1000)]
    send_at: AwareDatetime | None = None
    delay_seconds: Annotated[int, Field(ge=0, le=MAX_DELAY_SECONDS)] | None = None

    @model_validator(mode="after")
    def _one_time(self) -> ScheduledSendCreate:
        if (self.send_at is None) == (self.delay_seconds is None):
            raise ValueError("send exactly one of 'send_at' or 'delay_seconds'")
        return self


class ScheduledSendPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    provider: str
    draft_id: str
    send_at: datetime
    status: Status
    attempts: int
    last_error: str | None
    sent_message_id: str | None
    created_at: datetime
    updated_at: datetime


class HeldSendPublic(BaseModel):
    """A sent message the mail server holds until ``deliver_at``: read from the mailbox, never stored."""

    model_config = ConfigDict(from_attributes=True)

    id: str
    to: list[str]
    subject: str
    deliver_at: datetime
