"""One module per rule family; each rule is a pure function RuleContext -> list[Finding]."""

from __future__ import annotations

from collections.abc import Callable

from app.analysis.context import RuleContext
from app.analysis.findings import Finding
from app.analysis.rules.addresses import contact_mismatch, invalid_address, known_confusion, lookalike_domain
from app.analysis.rules.audience import competitor_recipient, exposed_recipients, large_audience, rival_exposure
from app.analysis.rules.content import content_mismatch
from app.analysis.rules.documents import document_history_mismatch
from app.analysis.rules.greeting import greeting_mismatch
from app.analysis.rules.missing_attachment import missing_attachment
from app.analysis.rules.relationship import first_time_recipient, owner_mismatch
from app.analysis.rules.sensitive import internal_content_external, sensitive_external

Rule = Callable[[RuleContext], list[Finding]]

# Roughly worst-first: the engine's sort by severity keeps this order among equals, so another customer's
# document leads the send prompt.
ALL_RULES: tuple[Rule, ...] = (
    content_mismatch,
    document_history_mismatch,
    rival_exposure,
    internal_content_external,
    competitor_recipient,
    invalid_address,
    lookalike_domain,
    contact_mismatch,
    known_confusion,
    exposed_recipients,
    greeting_mismatch,
    missing_attachment,
    sensitive_external,
    large_audience,
    owner_mismatch,
    first_time_recipient,
)

__all__ = ["ALL_RULES", "Rule"]
