"""POST /v1/incidents/suggestions: whom a wrong send was meant for, best guess first."""

from __future__ import annotations

import base64
from typing import Any

from fastapi.testclient import TestClient

from tests.directory.test_organizations import assert_error
from tests.helpers import OTHER_MEMBER
from tests.incidents.test_incidents_api import ALEX, LIN, PI_TO_RIVAL, record

NO_CLUES = {
    "from": "alex@acme-trade.example",
    "to": [{"email": "l.gomez@sunpeak.example"}],
    "subject": "Hi",
    "body": "Hello.",
}


def suggestions(client: TestClient, message: dict[str, Any], wrong: list[str], who: dict[str, str] = ALEX) -> list:
    body = {"locale": "en", "message": message, "wrong_recipients": wrong}
    response = client.post("/v1/incidents/suggestions", json=body, headers=who)
    assert response.status_code == 200, response.text
    return list(response.json()["suggestions"])


def test_greeted_contact_first_then_the_named_organization(demo: TestClient) -> None:
    message = {**PI_TO_RIVAL, "body": "Dear Michael, please find attached the PI."}
    found = suggestions(demo, message, ["l.gomez@sunpeak.example"])
    assert [(s["email"], s["reason"]) for s in found[:2]] == [
        ("m.schmidt@solartech.example", "greeted"),
        ("a.becker@solartech.example", "named"),
    ]
    assert found[0]["name"] == "Michael Schmidt" and found[0]["organization"] == "SolarTech GmbH"
    assert found[1]["why"] == "SolarTech GmbH is named in the message or its attachments"
    # The wrong recipient's own organization is never suggested.
    assert all(s["organization"] != "SunPeak Energy GmbH" for s in found)


def test_document_alone_names_the_customer(demo: TestClient) -> None:
    found = suggestions(demo, PI_TO_RIVAL, ["l.gomez@sunpeak.example"])
    assert {s["email"] for s in found} >= {"m.schmidt@solartech.example", "a.becker@solartech.example"}
    assert {s["reason"] for s in found} == {"named"}


def test_an_earlier_mix_up_is_remembered(demo: TestClient) -> None:
    assert suggestions(demo, NO_CLUES, ["l.gomez@sunpeak.example"]) == []
    record(demo)  # l.gomez got what m.schmidt should have
    found = suggestions(demo, NO_CLUES, ["l.gomez@sunpeak.example"])
    assert [(s["email"], s["reason"], s["why"]) for s in found] == [
        ("m.schmidt@solartech.example", "confused_before", "Mixed up with l.gomez@sunpeak.example before")
    ]


def test_people_of_own_accounts_written_to_recently(demo: TestClient) -> None:
    draft = {"from": "alex@acme-trade.example", "to": [{"email": "erik@nordicsolar.example"}], "body": "Hi Erik"}
    check = demo.post("/v1/drafts/check", json={"client": "outlook", "trigger": "send", "draft": draft}, headers=ALEX)
    demo.post(f"/v1/checks/{check.json()['check_id']}/outcome", json={"outcome": "sent_anyway"}, headers=ALEX)
    found = suggestions(demo, NO_CLUES, ["l.gomez@sunpeak.example"])
    assert [(s["email"], s["reason"]) for s in found] == [("erik@nordicsolar.example", "recent")]
    # Lin owns other accounts and never wrote to Erik: nothing of Alex's shows up for Lin.
    assert suggestions(demo, {**NO_CLUES, "from": "lin.wei@acme-trade.example"}, ["l.gomez@sunpeak.example"], LIN) == []


def test_in_chinese_and_invalid_requests(demo: TestClient) -> None:
    body = {"locale": "zh-CN", "message": PI_TO_RIVAL, "wrong_recipients": ["l.gomez@sunpeak.example"]}
    found = demo.post("/v1/incidents/suggestions", json=body, headers=ALEX).json()["suggestions"]
    assert found[0]["why"] == "邮件或附件提到了 SolarTech GmbH"
    assert_error(demo.post("/v1/incidents/suggestions", json={**body, "wrong_recipients": []}, headers=ALEX), 422)
    both = {**body, "ref": {"provider": "graph", "id": "x"}}
    assert_error(demo.post("/v1/incidents/suggestions", json=both, headers=ALEX), 422)
    # Another tenant's directory knows nothing of SolarTech.
    assert demo.post("/v1/incidents/suggestions", json=body, headers=OTHER_MEMBER).json()["suggestions"] == []


def test_a_customer_named_only_inside_an_attachment_in_the_users_language(demo: TestClient) -> None:
    text = b"Order confirmation\nCustomer: SolarTech GmbH\nDelivery: 40 ft container, CW 14\n"
    attachment = {
        "name": "scan-0042.txt",
        "content_type": "text/plain",
        "content_base64": base64.b64encode(text).decode(),
    }
    body = {"message": {**NO_CLUES, "attachments": [attachment]}, "wrong_recipients": ["l.gomez@sunpeak.example"]}
    response = demo.post("/v1/incidents/suggestions", json=body, headers=ALEX)  # no locale: the user's own
    assert response.status_code == 200, response.text
    found = response.json()["suggestions"]
    assert found and {(s["reason"], s["organization"]) for s in found} == {("named", "SolarTech GmbH")}
    assert found[0]["why"] == "SolarTech GmbH is named in the message or its attachments"
