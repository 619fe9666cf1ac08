from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class LearnRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    months: int = Field(default=12, ge=1, le=36, description="How far back to read the sent mail.")


class LearningJobPublic(BaseModel):
    id: uuid.UUID
    status: str
    months: int
    since: datetime
    mailboxes: int
    mailboxes_done: int
    messages_read: int
    organizations_found: int
    progress: float
    eta_seconds: int | None = Field(description="Estimated seconds left while running; null when unknown or done.")
    error: str | None
    created_at: datetime
    finished_at: datetime | None


class ProposalPublic(BaseModel):
    job_id: uuid.UUID
    messages_read: int
    organizations: list[dict[str, Any]]
    rival_suggestions: list[dict[str, Any]]
    documents: int = Field(description="How many distinct attachments (by content hash) the proposal knows.")
