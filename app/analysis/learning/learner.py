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
from app.analysis.learning.phrases import Phrase, display_company, greeted_team, subject_phrases, whole_phrase
from app.analysis.learning.proposal import Proposal
from app.analysis.learning.signatures import named_addresses, signature
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
        self.phrases: dict[str, Counter[str]] = defaultdict(Counter)  # name phrase -> units it went to
        self.phrase_forms: dict[str, Counter[str]] = defaultdict(Counter)  # name phrase -> how it was written
        self.together: Counter[str] = Counter()  # "unit|unit": two companies addressed in one message
        self.messages_read = 0

    # --- reading ---------------------------------------------------------------------------------

    def add(self, message: LearnMessage) -> None:
        self.messages_read += 1
        sender = message.sender.strip().lower()
        self.internal.add(registrable_domain(email_domain(sender)))
        named: dict[str, set[Phrase]] = defaultdict(set)  # unit -> companies named in its display names
        to_units = self._count_recipients(message.to, named, direct=True)
        cc_units = self._count_recipients(message.cc, named, direct=False)
        self._count_together(to_units | cc_units)
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
        team = greeted_team(split.new)
        phrases = {p for text in self._names_of(message) for p in subject_phrases(text)}
        if team and (greeted := whole_phrase(team)):
            phrases.add(greeted)
            for unit in to_units:
                self.units[unit].trade_names[team] += 1
        self._count_phrases(phrases, to_units, named)
        self._count_tokens(message, to_units)
        self._count_documents(message, to_units)
        if split.quoted:
            self._count_quoted(_with_header(split.new, split.quoted))

    def _count_recipients(
        self, recipients: tuple[tuple[str, str], ...], named: dict[str, set[Phrase]], *, direct: bool
    ) -> set[str]:
        units: set[str] = set()
        for raw, display in recipients:
            address = raw.strip().lower()
            unit = self.unit_of(address)
            if unit is None:
                continue
            stats = self.units[unit]
            names = stats.contacts.setdefault(address, Counter())
            name, company = display_company(display)
            if name and name.lower() != address:
                names[name] += 1
            if company and (phrase := whole_phrase(company)):
                stats.trade_names[company] += 1
                named[unit].add(phrase)
            if direct:
                stats.contact_messages[address] += 1
                units.add(unit)
        return units

    def _count_together(self, units: set[str]) -> None:
        companies = sorted(u for u in units if u.startswith("domain:"))
        if 1 < len(companies) <= 6:  # a mail to a dozen companies is a circular, not a sign of one company
            for i, first in enumerate(companies):
                for second in companies[i + 1 :]:
                    self.together[f"{first}|{second}"] += 1

    @staticmethod
    def _names_of(message: LearnMessage) -> list[str]:
        return [message.subject] + [a.name.rpartition(".")[0] or a.name for a in message.attachments]

    def _count_phrases(self, phrases: set[Phrase], units: set[str], named: dict[str, set[Phrase]]) -> None:
        for key, written in phrases:
            self.phrase_forms[key][written] += 1
            counter = self.phrases[key]
            for unit in units:
                counter[unit] += 1
        for unit, found in named.items():
            for key, written in found - phrases:
                self.phrase_forms[key][written] += 1
                self.phrases[key][unit] += 1

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
        # "形式发票-CN-4001-007.pdf": the code is "CN-4001", the rest the document's number
        words.update("-".join(w.split("-")[:2]) for w in list(words) if w.count("-") > 1)
        for word in words:
            # words with a digit and a letter are codes' shape; names are counted as phrases
            if len(word) >= 4 and not word.isdigit() and any(c.isdigit() for c in word):
                counter = self.tokens[word.upper()]
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
            companies, country = signature(quoted, name)
            stats = self.units[unit]
            stats.companies.update(companies)
            if country:
                stats.phones[country] += 1

    # --- result ----------------------------------------------------------------------------------

    def proposal(self) -> Proposal:
        return build_proposal(self)


def _with_header(new: str, quoted: str) -> str:
    """The quoted history with its "Am ... schrieb Katrin Hoffmann <k@x.de>:" line, when that line was too long
    for the splitter to see it as the start of the quote (it then ends the new text)."""
    last = new.rstrip().rpartition("\n")[2]
    return f"{last}\n{quoted}" if "@" in last and "<" in last else quoted


def learn(messages: Iterable[LearnMessage], internal_domains: Iterable[str] = ()) -> Proposal:
    learner = Learner(internal_domains)
    for message in messages:
        learner.add(message)
    return learner.proposal()
