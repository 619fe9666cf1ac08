"""A learner's counters as plain JSON data, so a job can stop and go on where it was.

Addresses, names, votes and hashes are kept as they are. Of the subject and attachment-name words only those that
can still become a code or an alias are kept: words with a digit (a code's shape) and name phrases seen in at
least two messages. A phrase that appeared once (a project's name in one subject) is never written down.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from app.analysis.learning.learner import Learner
from app.analysis.learning.stats import DocumentStats, UnitStats


def learner_state(learner: Learner) -> dict[str, Any]:
    return {
        "internal": sorted(learner.internal),
        "messages_read": learner.messages_read,
        "units": {key: _unit_state(unit) for key, unit in learner.units.items()},
        "tokens": {token: dict(units) for token, units in learner.tokens.items() if _keepable(token, units)},
        "documents": {sha: [d.name, d.messages, dict(d.units)] for sha, d in learner.documents.items()},
        "quoted_names": {address: dict(names) for address, names in learner.quoted_names.items()},
        "phrases": {key: dict(units) for key, units in learner.phrases.items() if sum(units.values()) >= 2},
        "phrase_forms": {
            key: dict(forms) for key, forms in learner.phrase_forms.items() if sum(learner.phrases[key].values()) >= 2
        },
        "together": dict(learner.together),
    }


def restore_learner(state: dict[str, Any]) -> Learner:
    learner = Learner(state.get("internal", ()))
    learner.messages_read = int(state.get("messages_read", 0))
    for key, unit in state.get("units", {}).items():
        learner.units[key] = _unit(unit)
    for token, units in state.get("tokens", {}).items():
        learner.tokens[token] = Counter(units)
    for sha, (name, messages, units) in state.get("documents", {}).items():
        learner.documents[sha] = DocumentStats(name, Counter(units), int(messages))
    for address, names in state.get("quoted_names", {}).items():
        learner.quoted_names[address] = Counter(names)
    for key, units in state.get("phrases", {}).items():
        learner.phrases[key] = Counter(units)
    for key, forms in state.get("phrase_forms", {}).items():
        learner.phrase_forms[key] = Counter(forms)
    learner.together.update(state.get("together", {}))
    return learner


def _keepable(token: str, units: Counter[str]) -> bool:
    return any(c.isdigit() for c in token) or sum(units.values()) >= 2


def _unit_state(unit: UnitStats) -> dict[str, Any]:
    return {
        "messages": unit.messages,
        "languages": dict(unit.languages),
        "senders": dict(unit.senders),
        "contacts": {address: dict(names) for address, names in unit.contacts.items()},
        "contact_messages": dict(unit.contact_messages),
        "companies": dict(unit.companies),
        "trade_names": dict(unit.trade_names),
        "phones": dict(unit.phones),
    }


def _unit(data: dict[str, Any]) -> UnitStats:
    return UnitStats(
        messages=int(data.get("messages", 0)),
        languages=Counter(data.get("languages", {})),
        senders=Counter(data.get("senders", {})),
        contacts={address: Counter(names) for address, names in data.get("contacts", {}).items()},
        contact_messages=Counter(data.get("contact_messages", {})),
        companies=Counter(data.get("companies", {})),
        trade_names=Counter(data.get("trade_names", {})),
        phones=Counter(data.get("phones", {})),
    )
