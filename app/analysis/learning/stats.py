"""The counters the learner keeps: addresses, names, votes and hashes; never text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass(slots=True)
class UnitStats:
    """Counts for one unit: a registrable domain, or one free mail address."""

    messages: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    senders: Counter[str] = field(default_factory=Counter)
    contacts: dict[str, Counter[str]] = field(default_factory=dict)  # address -> display names seen
    contact_messages: Counter[str] = field(default_factory=Counter)
    companies: Counter[str] = field(default_factory=Counter)  # signature lines under a contact's quoted name
    trade_names: Counter[str] = field(default_factory=Counter)  # from display names and greetings to a team
    phones: Counter[str] = field(default_factory=Counter)  # countries of the phone numbers in its signatures


@dataclass(slots=True)
class DocumentStats:
    name: str
    units: Counter[str] = field(default_factory=Counter)
    messages: int = 0
