"""A wrong send with several wrong and several intended recipients: each gets the right letter."""

from __future__ import annotations

import itertools
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.analysis.draft import Attachment, Draft, Recipient
from app.analysis.engine import check
from app.analysis.index import DirectoryIndex
from app.incidents.assessment import assess
from app.incidents.models import ConfusionPair
from tests.helpers import headers
from tests.incidents.test_assessment import INTENDED, WRONG, index  # noqa: F401  (module fixture)

ALEX = headers("alex@acme-trade.example")

RIVAL = "l.gomez@sunpeak.example"  # SunPeak competes with SolarTech
CUSTOMER = "erik@nordicsolar.example"  # another customer, no rivalry
INTENDED_IN_TO = "m.schmidt@solartech.example"  # got the mail, and the PI was meant for them
INTENDED_MISSED = "a.becker@solartech.example"  # was meant to get it and did not

# The least bad recipient is listed first, so "the first one" and "the worst one" differ.
MESSAGE = {
    "from": "alex@acme-trade.example",
    "to": [{"email": INTENDED_IN_TO, "name": "Michael Schmidt"}, {"email": CUSTOMER, "name": "Erik Lindqvist"}],
    "cc": [{"email": RIVAL, "name": "Laura Gómez"}],
    "subject": "PI for order 2026-001",
    "body": "Dear Michael, please find attached the PI.",
    "attachments": [{"name": "PI_SolarTech_2026-001.pdf", "size": 48211, "content_type": "application/pdf"}],
}


def _record(client: TestClient, **overrides: Any) -> dict[str, Any]:
    body = {
        "locale": "en",
        "message": MESSAGE,
        "wrong_recipients": [CUSTOMER, RIVAL],
        "intended_recipients": [INTENDED_IN_TO, INTENDED_MISSED],
        "sent_at": "2026-11-23T09:30:00Z",
        **overrides,
    }
    response = client.post("/v1/incidents", json=body, headers=ALEX)
    assert response.status_code == 201, response.text
    return response.json()


def _by_kind(incident: dict[str, Any], kind: str) -> dict[str, dict[str, Any]]:
    letters = [d for d in incident["drafts"] if d["kind"] == kind]
    by_recipient = {d["to"][0]: d for d in letters}
    assert len(by_recipient) == len(letters), f"two {kind} letters to one recipient"
    assert all(len(d["to"]) == 1 for d in letters), "each letter goes to one person"
    return by_recipient


def test_every_wrong_recipient_gets_an_apology(demo: TestClient) -> None:
    incident = _record(demo)
    apologies = _by_kind(incident, "apology_wrong_recipient")
    assert set(apologies) == {CUSTOMER, RIVAL}
    assert "Erik Lindqvist" in apologies[CUSTOMER]["body_text"]
    assert "Laura Gómez" in apologies[RIVAL]["body_text"]
    # each in the recipient's own language
    assert (apologies[CUSTOMER]["language"], apologies[RIVAL]["language"]) == ("en", "de")


def test_severity_follows_the_worst_wrong_recipient(demo: TestClient) -> None:
    severity = _record(demo)["severity"]
    assert (severity["relation"], severity["level"]) == ("rival", "critical")
    # one reason per wrong recipient, each naming its own organization
    assert any(CUSTOMER in r and "Nordic Solar AB" in r for r in severity["reasons"])
    assert any(RIVAL in r and "SunPeak" in r and "SolarTech GmbH" in r for r in severity["reasons"])


def test_resend_only_to_the_intended_recipient_who_never_got_it(demo: TestClient) -> None:
    incident = _record(demo)
    assert set(_by_kind(incident, "resend_intended")) == {INTENDED_MISSED}
    assert set(_by_kind(incident, "notice_intended_recipient")) == {INTENDED_IN_TO, INTENDED_MISSED}
    assert [s["id"] for s in incident["steps"]].count("resend") == 1


def test_the_resend_step_names_only_who_never_got_the_mail(demo: TestClient) -> None:
    incident = _record(demo)
    stored = demo.get(f"/v1/incidents/{incident['incident_id']}", headers=ALEX).json()
    for steps in (incident["steps"], stored["steps"]):
        titles = {s["id"]: s["title"] for s in steps}
        assert INTENDED_MISSED in titles["resend"]
        assert INTENDED_IN_TO not in titles["resend"]
        # the notice goes to both
        assert INTENDED_IN_TO in titles["notice"] and INTENDED_MISSED in titles["notice"]


def test_no_resend_when_every_intended_recipient_got_the_mail(demo: TestClient) -> None:
    incident = _record(demo, intended_recipients=[INTENDED_IN_TO])
    assert _by_kind(incident, "resend_intended") == {}
    assert "resend" not in [s["id"] for s in incident["steps"]]


def test_the_notice_says_a_rival_got_it_without_naming_the_rival(demo: TestClient) -> None:
    incident = _record(demo, locale="en")
    notice = _by_kind(incident, "notice_intended_recipient")[INTENDED_IN_TO]
    assert notice["language"] == "de"
    text = notice["body_text"]
    assert "im selben Markt tätig ist wie SolarTech GmbH" in text
    assert "außerhalb von" not in text and "SunPeak" not in text


def test_the_notice_to_a_customer_outside_the_rivalry_does_not_claim_a_rival(demo: TestClient) -> None:
    """SunPeak competes with SolarTech, not with Nordic Solar: telling Nordic Solar a rival of theirs got it is false."""
    message = {
        **MESSAGE,
        "to": [{"email": INTENDED_IN_TO}, {"email": CUSTOMER}],
        "cc": [{"email": RIVAL}],
        "body": "Dear all, please find our quotation attached.",
        "attachments": [{"name": "Quotation_Q-2026-118.pdf", "size": 1000, "content_type": "application/pdf"}],
    }
    incident = _record(demo, message=message, wrong_recipients=[RIVAL], intended_recipients=[INTENDED_IN_TO, CUSTOMER])
    notices = _by_kind(incident, "notice_intended_recipient")
    assert "im selben Markt tätig ist wie SolarTech GmbH" in notices[INTENDED_IN_TO]["body_text"]
    nordic = notices[CUSTOMER]["body_text"]
    assert notices[CUSTOMER]["language"] == "en"
    assert "same market" not in nordic and "another of our customers" in nordic


@pytest.mark.parametrize("order", list(itertools.permutations(WRONG)))
def test_assessment_takes_the_worst_relation_in_any_order(index: DirectoryIndex, order: tuple[str, ...]) -> None:  # noqa: F811
    wrong = [WRONG[relation] for relation in order]
    draft = Draft(
        sender="alex@acme-trade.example",
        to=tuple(Recipient(email) for email in wrong),
        attachments=(Attachment("Quotation_Q-2026-118.pdf"),),
    )
    assessment = assess(check(draft, index), index, wrong, [INTENDED])
    assert assessment.relation == "rival" and assessment.level == "critical"
    assert [r.email for r in assessment.recipients] == wrong
    without_rival = [email for email in wrong if email != WRONG["rival"]]
    rest = assess(check(draft, index), index, without_rival, [INTENDED])
    assert (rest.relation, rest.level) == ("competitor", "high")


def test_each_letter_finds_its_readers_name_and_language(demo: TestClient) -> None:
    """Not in the directory: the name shown in the message, else the address's local part; the language of the
    recipient's organization, else the company's default."""
    message = {
        **MESSAGE,
        "to": [{"email": "hans@helio-handel.example", "name": "Hans Gruber"}, {"email": "x.y@unknown-co.example"}],
        "cc": [],
    }
    incident = _record(
        demo,
        message=message,
        wrong_recipients=["hans@helio-handel.example", "x.y@unknown-co.example"],
        intended_recipients=[INTENDED_IN_TO],
    )
    apologies = _by_kind(incident, "apology_wrong_recipient")
    hans, stranger = apologies["hans@helio-handel.example"], apologies["x.y@unknown-co.example"]
    assert (hans["language"], stranger["language"]) == ("de", "en")
    assert "Hans Gruber" in hans["body_text"]
    assert (
        "x.y" in stranger["body_text"].split("\n", 2)[0] and "unknown-co" not in stranger["body_text"].split("\n", 2)[0]
    )
    # the apology says which mail it was about
    assert "PI for order 2026-001" in stranger["body_text"]


def test_every_confusion_pair_is_learned_each_time(demo: TestClient, db: Session) -> None:
    _record(demo)
    _record(demo)
    pairs = {(p.intended, p.wrong): p.count for p in db.exec(select(ConfusionPair)).all()}
    assert pairs == {(i, w): 2 for i in (INTENDED_IN_TO, INTENDED_MISSED) for w in (CUSTOMER, RIVAL)}
