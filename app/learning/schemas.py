from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.analysis.directory import OrgKind
from app.validation import NulFree


class LearnRequest(NulFree, BaseModel):
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


class AcceptItem(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    key: str = Field(max_length=400)
    kind: OrgKind | None = Field(default=None, description="For a new organization; default: the suggested kind.")


class AcceptRequest(NulFree, BaseModel):
    model_config = ConfigDict(extra="forbid")

    items: list[AcceptItem] = Field(default_factory=list, max_length=10_000)
    all: bool = Field(
        default=False, description="Accept every new, changed and merged organization and every rival suggestion."
    )
    kind: OrgKind | None = Field(default=None, description="With `all`: new ones as this kind, else as suggested.")
    rivals: list[int] = Field(
        default_factory=list, max_length=10_000, description="Rival suggestions to accept (their index)."
    )


class ReviewPublic(BaseModel):
    job_id: uuid.UUID
    items: list[dict[str, Any]] = Field(
        description="new / changed / merged (domains the learner joined into one company; `merge` gives them with "
        "the merge's confidence and evidence) / conflict (addresses of several directory organizations; never "
        "applied), each with its confidence"
    )
    rival_suggestions: list[dict[str, Any]]


class AcceptResult(BaseModel):
    created: list[str]
    updated: list[str]
    skipped: list[dict[str, str]]
    rival_groups: list[str] = Field(default_factory=list, description="Rival groups set from accepted suggestions.")
