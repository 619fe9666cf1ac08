"""The parts of a proposed organization, each from a few hand-built counters: its contacts with their names,
its name, its country and its confidences."""

from __future__ import annotations

from collections import Counter

import pytest

from app.analysis.learning.build import _contacts, _country, _org_name, _organization
from app.analysis.learning.learner import Learner
from app.analysis.learning.messages import LearnMessage
from app.analysis.learning.proposal import ProposedContact
from app.analysis.learning.stats import UnitStats


def _unit(contacts: dict[str, Counter[str]], messages: dict[str, int]) -> UnitStats:
    return UnitStats(contacts=contacts, contact_messages=Counter(messages))


def test_a_display_name_gives_the_contact_name_with_its_share() -> None:
    unit = _unit({"anna@helio.de": Counter({"Anna Berg": 3, "A. Berg": 1})}, {"anna@helio.de": 4})
    assert _contacts([unit], {}) == [ProposedContact("anna@helio.de", "Anna Berg", 4, 0.88)]


def test_a_display_name_always_seen_is_certain() -> None:
    unit = _unit({"anna@helio.de": Counter({"Anna Berg": 2})}, {"anna@helio.de": 2})
    assert _contacts([unit], {})[0].confidence == 1.0


def test_a_quoted_name_is_used_when_no_display_name_was_seen() -> None:
    unit = _unit({"bob@helio.de": Counter()}, {"bob@helio.de": 1})
    quoted = {"bob@helio.de": Counter({"Bob Stone": 3, "B. Stone": 1})}
    assert _contacts([unit], quoted) == [ProposedContact("bob@helio.de", "Bob Stone", 1, 0.45)]


def test_the_address_gives_a_weak_name_when_nothing_else_does() -> None:
    unit = _unit({"carl.meyer@helio.de": Counter(), "info@helio.de": Counter()}, {"carl.meyer@helio.de": 2})
    found = _contacts([unit], {"other@helio.de": Counter({"Other": 1})})
    assert found == [
        ProposedContact("carl.meyer@helio.de", "Carl Meyer", 2, 0.3),
        ProposedContact("info@helio.de", "", 0, 0.0),
    ]


def test_the_most_signed_company_names_the_org() -> None:
    stats = [UnitStats(companies=Counter({"Helio GmbH": 2})), UnitStats(companies=Counter({"Helio": 1}))]
    assert _org_name("domain:helio.de", stats, ()) == ("Helio GmbH", 0.8)


def test_company_name_confidence_is_capped() -> None:
    assert _org_name("domain:helio.de", [UnitStats(companies=Counter({"Helio GmbH": 5}))], ()) == ("Helio GmbH", 0.95)


def test_a_free_mail_org_is_named_after_its_contact_or_its_address() -> None:
    contact = ProposedContact("li.wei@qq.com", "Li Wei", 2, 0.9)
    assert _org_name("address:li.wei@qq.com", [UnitStats()], (contact,)) == ("Li Wei", 0.5)
    assert _org_name("address:li.wei@qq.com", [UnitStats()], ()) == ("li.wei@qq.com", 0.1)
    unnamed = ProposedContact("li.wei@qq.com", "", 2, 0.0)
    assert _org_name("address:li.wei@qq.com", [UnitStats()], (unnamed,)) == ("li.wei@qq.com", 0.1)


def test_a_domain_org_is_named_after_its_label_weakly() -> None:
    assert _org_name("domain:sun-peak.co.uk", [UnitStats()], ()) == ("Sun Peak", 0.3)


@pytest.mark.parametrize(
    ("key", "domains", "language", "phone", "country"),
    [
        ("domain:sun-peak.co.uk", ("sun-peak.co.uk",), None, None, "GB"),
        ("domain:helio.de", ("helio.com", "helio.de"), "en", None, "DE"),
        ("domain:helio.com", ("helio.com",), "en", "FR", "FR"),
        ("domain:helio.solar", ("helio.solar",), None, None, None),
        ("domain:helio.com", ("helio.com",), "de", None, "DE"),
        ("domain:helio.com", ("helio.com",), None, None, None),
        ("address:li@qq.com", (), None, None, "CN"),
        ("address:anna@gmail.com", (), "fr", None, "FR"),
    ],
)
def test_country(key: str, domains: tuple[str, ...], language: str | None, phone: str | None, country: str) -> None:
    assert _country(key, domains, language, phone) == country


def test_an_org_counts_messages_into_its_confidence() -> None:
    org = _organization("domain:helio.com", [UnitStats(messages=3)], ["domain:helio.com"], {}, ((), ()), None)
    assert (org.messages, org.confidence) == (3, 0.7)
    assert org.merge_confidence == 0.0 and org.merged_domains == () and org.merge_evidence == ()
    busy = _organization("domain:helio.com", [UnitStats(messages=10)], ["domain:helio.com"], {}, ((), ()), None)
    assert busy.confidence == 1.0


def test_an_org_lists_its_busiest_contacts_first() -> None:
    unit = _unit({"a@helio.com": Counter(), "b@helio.com": Counter()}, {"a@helio.com": 1, "b@helio.com": 3})
    org = _organization("domain:helio.com", [unit], ["domain:helio.com"], {}, ((), ()), None)
    assert [c.email for c in org.contacts] == ["b@helio.com", "a@helio.com"]


def test_the_phone_country_counts_when_most_signatures_agree() -> None:
    agreeing = UnitStats(messages=1, phones=Counter({"FR": 3, "DE": 2}))
    split = UnitStats(messages=1, phones=Counter({"FR": 1, "DE": 1}))
    key = "domain:helio.com"
    assert _organization(key, [agreeing], [key], {}, ((), ()), None).country == "FR"
    assert _organization(key, [split], [key], {}, ((), ()), None).country is None


# --- the counters a proposal is built from, one message at a time ----------------------------------

GERMAN = (
    "Sehr geehrte Frau Berg, anbei finden Sie das Angebot für die Module. Bitte bestätigen Sie den Auftrag bis "
    "Freitag. Mit freundlichen Grüßen"
)


def _mail(to: tuple[tuple[str, str], ...], cc: tuple[tuple[str, str], ...] = (), body: str = GERMAN) -> LearnMessage:
    return LearnMessage(sender="Me@Own.de", to=to, cc=cc, body=body)


def test_each_message_counts_once_for_its_direct_recipients() -> None:
    learner = Learner(["own.de"])
    for _ in range(2):
        learner.add(_mail((("anna@helio.de", "Anna Berg (Helio Solar GmbH)"),), cc=(("bob@sol.de", "Bob"),)))
    helio, sol = learner.units["domain:helio.de"], learner.units["domain:sol.de"]
    assert learner.messages_read == 2
    assert (helio.messages, helio.senders, helio.languages) == (2, Counter({"me@own.de": 2}), Counter(de=2))
    assert helio.contacts == {"anna@helio.de": Counter({"Anna Berg": 2})}
    assert helio.contact_messages == Counter({"anna@helio.de": 2})
    assert helio.trade_names == Counter({"Helio Solar GmbH": 2})
    # a copy is no message to that company, but its people are known
    assert (sol.messages, sol.contact_messages, sol.contacts) == (0, Counter(), {"bob@sol.de": Counter({"Bob": 2})})


def test_a_greeted_team_is_a_trade_name_of_each_message() -> None:
    learner = Learner(["own.de"])
    for _ in range(2):
        learner.add(_mail((("anna@helio.de", ""),), body="Dear Helio Solar team,\nplease find the offer."))
    assert learner.units["domain:helio.de"].trade_names == Counter({"Helio Solar": 2})


def test_display_names_that_are_missing_or_the_address_itself_are_not_names() -> None:
    learner = Learner(["own.de"])
    learner.add(_mail((("me@own.de", "Me"), ("not an address", "X"), ("anna@helio.de", ""), ("b@sol.de", "B@Sol.de"))))
    assert learner.units["domain:helio.de"].contacts == {"anna@helio.de": Counter()}
    assert learner.units["domain:sol.de"].contacts == {"b@sol.de": Counter()}
    assert learner.units["domain:sol.de"].contact_messages == Counter({"b@sol.de": 1})
