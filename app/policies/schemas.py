from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from app.analysis.directory import DEFAULT_ENFORCEMENT
from app.directory.validation import normalize_domain
from app.validation import NulFree

SeverityName = Literal["info", "low", "medium", "high", "critical"]
ActionName = Literal["allow", "warn", "block"]
FailMode = Literal["open", "closed"]
SensitiveCategory = Literal["prices", "costs", "bank", "terms"]

Domain = Annotated[str, Field(min_length=1, max_length=253), AfterValidator(normalize_domain)]
Term = Annotated[str, Field(min_length=1, max_length=100)]


class PolicyFields(BaseModel):
    model_config = ConfigDict(extra="forbid")

    bcc_threshold: Annotated[int, Field(ge=2, le=1000)] = 2
    large_audience: Annotated[int, Field(ge=2, le=100_000)] = 25
    sensitive_terms: dict[SensitiveCategory, Annotated[list[Term], Field(max_length=500)]] = {}
    enforcement: dict[SeverityName, ActionName] = dict(DEFAULT_ENFORCEMENT)
    hold_external_minutes: Annotated[int, Field(ge=0, le=60)] = 0
    fail_mode: FailMode = "open"
    suppress_dismissed_days: Annotated[int, Field(ge=0, le=365)] = 30
    sent_mail_watch: bool = True

    @field_validator("enforcement")
    @classmethod
    def _complete(cls, value: dict[SeverityName, ActionName]) -> dict[SeverityName, ActionName]:
        # A policy that names only some severities keeps the defaults for the rest.
        return {**DEFAULT_ENFORCEMENT, **value}

    @field_validator("sensitive_terms")
    @classmethod
    def _dedupe(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        return {
            category: list(dict.fromkeys(t.strip() for t in terms if t.strip())) for category, terms in value.items()
        }


class PolicyUpdate(NulFree, PolicyFields):
    """PUT replaces the whole policy; a field left out takes its default, `internal_domains` stays."""

    internal_domains: Annotated[list[Domain], Field(min_length=1, max_length=50)] | None = None


class PolicyPublic(PolicyFields):
    internal_domains: list[str]
