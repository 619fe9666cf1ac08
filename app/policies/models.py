from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Field, SQLModel

from app.common import created_at_field, json_column


class Policy(SQLModel, table=True):
    tenant_id: uuid.UUID = Field(foreign_key="tenant.id", primary_key=True, ondelete="CASCADE")
    bcc_threshold: int = 2
    large_audience: int = 25
    sensitive_terms: dict[str, Any] = Field(default_factory=dict, sa_column=json_column())
    enforcement: dict[str, Any] = Field(default_factory=dict, sa_column=json_column())
    hold_external_minutes: int = 0
    fail_mode: str = Field(default="open", max_length=8)
    suppress_dismissed_days: int = 30
    # The sent-mail watch checks mail sent without the add-in (phones, other clients); each user may opt out.
    sent_mail_watch: bool = True
    updated_at: datetime = created_at_field()
