"""The streaming learner: one pass over sent messages, counters only, then a proposal.

Each message is read once: its recipients are grouped into units (a registrable domain, or one address at a free
mail provider), its new text gives a language vote, its sender an owner vote, its subject and attachment names
code and alias votes, its attachments' hashes document votes, and its quoted history the names and companies of
the people quoted. Bodies and subjects are dropped as soon as the message is counted.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from app.analysis.attachments import detect_language
from app.analysis.domains import email_domain, is_freemail, registrable_domain
from app.analysis.learning.build import build_proposal
from app.analysis.learning.messages import LearnMessage
from app.analysis.learning.proposal import Proposal
from app.analysis.learning.signatures import named_addresses, signed_company
from app.analysis.learning.stats import DocumentStats, UnitStats
from app.analysis.normalize import split_body

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]")
_VALID_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class Learner:
    def __init__(self, internal_domains: Iterable[str] = ()) -> None:
        self.internal = {registrable_domain(d.lower()) for d in internal_domains}
        self.units: dict[str, UnitStats] = defaultdict(UnitStats)
        self.tokens: dict[str, Counter[str]] = defaultdict(Counter)
        self.documents: dict[str, DocumentStats] = {}
        self.quoted_names: dict[str, Counter[str]] = defaultdict(Counter)
        self.messages_read = 0

    # --- reading ---------------------------------------------------------------------------------

    def add(self, message: LearnMessage) -> None:
        self.messages_read += 1
        sender = message.sender.strip().lower()
        self.internal.add(registrable_domain(email_domain(sender)))
        to_units = self._count_recipients(message.to, direct=True)
        self._count_recipients(message.cc, direct=False)
        if not to_units:
            return
        split = split_body(message.body, message.body_format)
        language = detect_language(split.new)
        for unit in to_units:
            stats = self.units[unit]
            stats.messages += 1
            stats.senders[sender] += 1
            if language:
                stats.languages[language] += 1
        self._count_tokens(message, to_units)
        self._count_documents(message, to_units)
        if split.quoted:
            self._count_quoted(split.quoted)

    def _count_recipients(self, recipients: tuple[tuple[str, str], ...], *, direct: bool) -> set[str]:
        units: set[str] = set()
        for raw, name in recipients:
            address = raw.strip().lower()
            unit = self.unit_of(address)
            if unit is None:
                continue
            stats = self.units[unit]
            names = stats.contacts.setdefault(address, Counter())
            if name.strip() and name.strip().lower() != address:
                names[name.strip()] += 1
            if direct:
                stats.contact_messages[address] += 1
                units.add(unit)
        return units

    def unit_of(self, address: str) -> str | None:
        if not _VALID_ADDRESS.match(address):
            return None
        domain = email_domain(address)
        registrable = registrable_domain(domain)
        if registrable in self.internal:
            return None
        return f"address:{address}" if is_freemail(domain) else f"domain:{registrable}"

    def _count_tokens(self, message: LearnMessage, units: set[str]) -> None:
        words = set(_TOKEN.findall(message.subject))
        for attachment in message.attachments:
            words.update(_TOKEN.findall(attachment.name.rpartition(".")[0] or attachment.name))
        for word in words:
            if not word.isdigit() and len(word) >= 4:
                counter = self.tokens[word.upper() if any(c.isdigit() for c in word) else word]
                for unit in units:
                    counter[unit] += 1

    def _count_documents(self, message: LearnMessage, units: set[str]) -> None:
        for attachment in message.attachments:
            if not attachment.sha256:
                continue
            stats = self.documents.get(attachment.sha256)
            if stats is None:
                stats = self.documents[attachment.sha256] = DocumentStats(attachment.name)
            stats.name = attachment.name
            stats.messages += 1
            for unit in units:
                stats.units[unit] += 1

    def _count_quoted(self, quoted: str) -> None:
        for address, name in named_addresses(quoted):
            unit = self.unit_of(address)
            if unit is None:
                continue
            self.quoted_names[address][name] += 1
            company = signed_company(quoted, name)
            if company:
                self.units[unit].companies[company] += 1

    # --- result ----------------------------------------------------------------------------------

    def proposal(self) -> Proposal:
        return build_proposal(
            self.units, self.tokens, self.documents, self.quoted_names, self.messages_read, self.internal
        )


def learn(messages: Iterable[LearnMessage], internal_domains: Iterable[str] = ()) -> Proposal:
    learner = Learner(internal_domains)
    for message in messages:
        learner.add(message)
    return learner.proposal()
