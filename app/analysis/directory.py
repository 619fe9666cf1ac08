"""Plain snapshot of a tenant's directory and policy, the input the index is compiled from.

The service layer loads these from the database; the analysis code never sees a database row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

OrgKind = Literal["customer", "prospect", "partner", "supplier", "forwarder", "competitor"]
ORG_KINDS: tuple[OrgKind, ...] = ("customer", "prospect", "partner", "supplier", "forwarder", "competitor")
# Organizations whose addresses and papers a customer must not see of one another.
AUDIENCE_KINDS: frozenset[str] = frozenset({"customer", "prospect"})
# Third parties handle customers' papers every day: forwarders, installers, agents, factories.
THIRD_PARTY_KINDS: frozenset[str] = frozenset({"partner", "supplier", "forwarder"})
Severity = Literal["info", "low", "medium", "high", "critical"]
Action = Literal["allow", "warn", "block"]

SEVERITIES: tuple[Severity, ...] = ("info", "low", "medium", "high", "critical")

DEFAULT_ENFORCEMENT: dict[Severity, Action] = {
    "info": "allow",
    "low": "allow",
    "medium": "warn",
    "high": "warn",
    "critical": "warn",
}


@dataclass(frozen=True, slots=True)
class OrgEntry:
    id: str
    name: str
    kind: OrgKind
    domains: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    rival_group: str | None = None
    owner_email: str | None = None
    customer_code: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ContactEntry:
    org_id: str
    email: str
    name: str = ""
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ConfusionEntry:
    intended: str
    wrong: str
    count: int = 1


@dataclass(frozen=True, slots=True)
class PolicyView:
    bcc_threshold: int = 2
    large_audience: int = 25
    # category -> extra terms, added to the built-in multilingual lists
    sensitive_terms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    enforcement: dict[Severity, Action] = field(default_factory=lambda: dict(DEFAULT_ENFORCEMENT))
    hold_external_minutes: int = 0
    suppress_dismissed_days: int = 30


@dataclass(frozen=True, slots=True)
class DirectorySnapshot:
    tenant_version: int
    internal_domains: tuple[str, ...]
    organizations: tuple[OrgEntry, ...] = ()
    contacts: tuple[ContactEntry, ...] = ()
    confusions: tuple[ConfusionEntry, ...] = ()
    policy: PolicyView = field(default_factory=PolicyView)
