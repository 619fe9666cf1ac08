from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool

from app.validation import NulFree


class WatchSettings(BaseModel):
    """Whether the caller's sent mail is watched: the tenant's policy switch and the caller's own choice."""

    tenant_enabled: bool
    opted_out: StrictBool
    watched: bool


class WatchSettingsUpdate(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    opted_out: StrictBool


class WatchReportOut(BaseModel):
    """A sent message the watch reported: codes and times only (what the task pane's recent list shows)."""

    id: uuid.UUID
    severity: str | None
    finding_codes: list[str]
    problems: list[str]  # each code's name in the user's language, for people (codes are for programs)
    created_at: datetime
    reported_at: datetime | None


class RecoveryRequest(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    token: Annotated[str, Field(min_length=10, max_length=8000)]
