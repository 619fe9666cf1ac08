"""The synthetic mailbox's ground truth and messages (tests/learning/mailbox_gen.py builds them)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class TruthContact:
    email: str
    name: str
    org: str
    hanzi: str = ""


@dataclass(slots=True)
class TruthOrg:
    key: str
    name: str
    kind: str
    language: str
    country: str
    domains: tuple[str, ...]
    owner: str
    freemail: bool = False
    customer_code: str | None = None
    products: tuple[str, ...] = ()
    forwarder: str | None = None
    contacts: list[TruthContact] = field(default_factory=list)
    stem: str = ""
    # How the team writes the name (subjects, file names, greetings), the usual one first.
    trade_names: tuple[str, ...] = ()
    # The company lines of its people's signatures: the legal name, and a Chinese company's English name.
    signature: tuple[str, ...] = ()

    @property
    def trade(self) -> tuple[str, ...]:
        return self.trade_names or (self.stem.capitalize(),)

    @property
    def company_lines(self) -> tuple[str, ...]:
        return self.signature or (self.name,)


@dataclass(frozen=True, slots=True)
class SentAttachment:
    name: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True, slots=True)
class SentMail:
    id: str
    sender: str
    sender_name: str
    sent_at: datetime
    to: tuple[tuple[str, str], ...]  # (address, display name)
    cc: tuple[tuple[str, str], ...]
    subject: str
    body: str
    attachments: tuple[SentAttachment, ...] = ()


@dataclass(slots=True)
class Mailbox:
    internal_domain: str
    salespeople: tuple[tuple[str, str], ...]  # (address, name)
    orgs: dict[str, TruthOrg]
    messages: list[SentMail]
    # content hash of a customer-specific document -> the organization it belongs to
    document_owner: dict[str, str]

    def contact_org(self) -> dict[str, str]:
        return {c.email: o.key for o in self.orgs.values() for c in o.contacts}

    def rival_pairs(self) -> set[frozenset[str]]:
        """Customers and prospects in one country that buy the same product compete with each other."""
        audience = [o for o in self.orgs.values() if o.kind in ("customer", "prospect") and o.products]
        return {
            frozenset((a.key, b.key))
            for i, a in enumerate(audience)
            for b in audience[i + 1 :]
            if a.country == b.country and set(a.products) & set(b.products)
        }
