"""What a check returns: findings with their one-click fixes, and the overall verdict."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

from app.analysis.directory import SEVERITIES, Severity

FixType = Literal[
    "move_to_bcc", "remove_recipient", "replace_recipient", "remove_attachment", "add_attachment", "use_template"
]
Verdict = Literal["ok", "warn", "block"]

FINDING_CODES: tuple[str, ...] = (
    "exposed_recipients",
    "invalid_address",
    "rival_exposure",
    "competitor_recipient",
    "content_mismatch",
    "lookalike_domain",
    "contact_mismatch",
    "known_confusion",
    "greeting_mismatch",
    "sensitive_external",
    "internal_content_external",
    "missing_attachment",
    "first_time_recipient",
    "owner_mismatch",
    "large_audience",
)

# The API contract's field list per fix type (DESIGN.md "Fix types").
_FIX_FIELDS: dict[str, tuple[str, ...]] = {
    "move_to_bcc": ("recipients",),
    "remove_recipient": ("recipient",),
    "replace_recipient": ("recipient", "suggestion"),
    "remove_attachment": ("name",),
    "add_attachment": (),
    "use_template": ("template",),
}


@dataclass(frozen=True, slots=True)
class Fix:
    type: FixType
    recipients: tuple[str, ...] = ()
    recipient: str | None = None
    suggestion: str | None = None
    name: str | None = None
    template: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"type": self.type}
        for field_name in _FIX_FIELDS[self.type]:
            value = getattr(self, field_name)
            out[field_name] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    recipients: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    fixes: tuple[Fix, ...] = ()
    # Values for the localized title/message (org names, addresses, terms); see messages.py.
    params: dict[str, str] = field(default_factory=dict)
    # What triggered it besides code and recipients ("org:<id>", "category:prices", "contact:<email>"):
    # a dismissal is keyed to it, so dismissing one mention never silences a different one.
    key: str = ""
    # Set when a recent user dismissal downgraded the finding to info.
    suppressed: bool = False

    @property
    def id(self) -> str:
        """Stable within a check and across re-checks of the same draft: code, trigger and recipients."""
        material = "\x1f".join((self.code, self.key, *sorted(self.recipients)))
        return hashlib.sha256(material.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class CheckResult:
    verdict: Verdict
    findings: tuple[Finding, ...]
    hold_minutes: int
    # One document class per attachment, in draft order (pi, contract, quotation, ...).
    doc_classes: tuple[str, ...] = ()
    # Directory organizations the texts mention (for incident assessment), sorted.
    mentioned_org_ids: tuple[str, ...] = ()
    # Directory organizations of the recipients, sorted.
    recipient_org_ids: tuple[str, ...] = ()
    external_recipients: tuple[str, ...] = ()
    index_version: int = 0

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)


def severity_rank(severity: Severity) -> int:
    return SEVERITIES.index(severity)


# Only these can be shown as info after a dismissal; critical and high stay what they are.
SUPPRESSIBLE: frozenset[str] = frozenset({"low", "medium"})


def evidence_hash(salt: str, key: str) -> str:
    """A dismissal's evidence as stored: salted per tenant, since keys may hold a contact's address."""
    return hashlib.sha256(f"{salt}\x1f{key}".encode()).hexdigest()
