"""A learner's checkpoint: restored from a partial or empty state, and written back unchanged."""

from __future__ import annotations

from collections import Counter

from app.analysis.learning.checkpoint import _unit, learner_state, restore_learner
from app.analysis.learning.stats import UnitStats


def test_an_empty_state_restores_a_fresh_learner() -> None:
    learner = restore_learner({})
    assert learner.messages_read == 0
    assert learner.internal == set()
    assert not learner.units and not learner.tokens and not learner.documents
    assert not learner.quoted_names and not learner.phrases and not learner.phrase_forms and not learner.together


def test_a_unit_without_counters_restores_empty() -> None:
    assert _unit({}) == UnitStats()


def test_a_unit_restores_every_counter() -> None:
    data = {
        "messages": 3,
        "languages": {"de": 2},
        "senders": {"me@own.de": 3},
        "contacts": {"anna@helio.de": {"Anna Berg": 2}},
        "contact_messages": {"anna@helio.de": 3},
        "companies": {"Helio GmbH": 1},
        "trade_names": {"Helio": 2},
        "phones": {"DE": 1},
    }
    unit = _unit(data)
    assert unit.messages == 3
    assert unit.contacts == {"anna@helio.de": Counter({"Anna Berg": 2})}
    assert unit.phones == Counter(DE=1)


def test_a_state_restores_its_counts_and_writes_back_the_same() -> None:
    state = {
        "internal": ["own.de"],
        "messages_read": 7,
        "units": {"domain:helio.de": {"messages": 2, "languages": {"de": 2}}},
        "tokens": {"HX-1001": {"domain:helio.de": 2}},
        "documents": {"ab" * 32: ["PI-1001.pdf", 2, {"domain:helio.de": 2}]},
        "quoted_names": {"anna@helio.de": {"Anna Berg": 1}},
        "phrases": {"helio": {"domain:helio.de": 2}},
        "phrase_forms": {"helio": {"Helio": 2}},
        "together": {"domain:helio.de|domain:sol.de": 1},
    }
    learner = restore_learner(state)
    assert learner.messages_read == 7
    assert learner.internal == {"own.de"}
    assert learner.units["domain:helio.de"].messages == 2
    assert learner.documents["ab" * 32].messages == 2
    written = learner_state(learner)
    assert written["internal"] == ["own.de"]
    assert written["messages_read"] == 7
    assert written["units"]["domain:helio.de"]["languages"] == {"de": 2}
    for key in ("tokens", "documents", "quoted_names", "phrases", "phrase_forms", "together"):
        assert written[key] == state[key]
