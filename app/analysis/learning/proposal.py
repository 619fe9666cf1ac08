"""What the learner proposes. Every item carries a confidence in [0, 1]; the administrator decides."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ProposedContact:
    email: str
    name: str
    messages: int
    confidence: float


@dataclass(frozen=True, slots=True)
class ProposedOrg:
    key: str  # "domain:<label>" for a company (all its registrable domains), "address:<email>" at a free mail provider
    name: str
    name_confidence: float
    domains: tuple[str, ...]  # registrable domains; empty for a free mail address
    contacts: tuple[ProposedContact, ...]
    messages: int
    language: str | None = None
    language_confidence: float = 0.0
    owner_email: str | None = None
    owner_confidence: float = 0.0
    country: str | None = None
    customer_codes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    freemail: bool = False
    confidence: float = 0.0
    kind: str | None = None  # customer / prospect / supplier / forwarder / partner (a suggestion)
    kind_confidence: float = 0.0
    # Domains first seen apart and proposed as one company (the primary first), how sure, and why.
    merged_domains: tuple[str, ...] = ()
    merge_confidence: float = 0.0
    merge_evidence: tuple[str, ...] = ()

    @property
    def addresses(self) -> tuple[str, ...]:
        return tuple(c.email for c in self.contacts)


@dataclass(frozen=True, slots=True)
class RivalSuggestion:
    org_keys: tuple[str, ...]
    country: str
    documents: tuple[str, ...]  # names of the shared documents, as last sent
    confidence: float


@dataclass(frozen=True, slots=True)
class DocumentOwnership:
    sha256: str
    name: str
    pattern: str  # the name with digit runs as "#": "PI_ZHA-#_#.pdf"
    org_keys: tuple[str, ...]  # organizations it went to (To), most often first
    messages: int


@dataclass(frozen=True, slots=True)
class Proposal:
    organizations: tuple[ProposedOrg, ...]
    rival_suggestions: tuple[RivalSuggestion, ...] = ()
    documents: tuple[DocumentOwnership, ...] = ()
    messages_read: int = 0
    internal_domains: tuple[str, ...] = field(default_factory=tuple)

    def org(self, key: str) -> ProposedOrg | None:
        return next((o for o in self.organizations if o.key == key), None)
