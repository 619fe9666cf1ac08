from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from app.mailbox.base import MailAddress, MailAttachment, MailboxAccess, MailMessage
from tests.directory.test_organizations import assert_error
from tests.helpers import OTHER_ADMIN, OTHER_MEMBER, headers

ALEX = headers("alex@acme-trade.example")
BOSS = headers("boss@acme-trade.example", admin=True)
LIN = headers("lin.wei@acme-trade.example")

PI_TO_RIVAL = {
    "from": "alex@acme-trade.example",
    "to": [{"email": "l.gomez@sunpeak.example", "name": "Laura Gómez"}],
    "subject": "PI for order 2026-001",
    "body": "Dear Laura, please find attached the PI.",
    "attachments": [{"name": "PI_SolarTech_2026-001.pdf", "size": 48211, "content_type": "application/pdf"}],
}


def record(client: TestClient, **overrides: Any) -> dict[str, Any]:
    body = {
        "locale": "en",
        "message": PI_TO_RIVAL,
        "wrong_recipients": ["l.gomez@sunpeak.example"],
        "intended_recipients": ["m.schmidt@solartech.example"],
        "sent_at": "2026-11-23T09:30:00Z",
        **overrides,
    }
    response = client.post("/v1/incidents", json=body, headers=ALEX)
    assert response.status_code == 201, response.text
    return response.json()


def test_pi_to_a_rival_is_critical_with_steps_and_letters(demo: TestClient) -> None:
    incident = record(demo)
    severity = incident["severity"]
    assert (severity["level"], severity["content_class"], severity["relation"]) == ("critical", "contractual", "rival")
    assert any("SolarTech GmbH" in r and "SunPeak" in r for r in severity["reasons"])
    step_ids = [s["id"] for s in incident["steps"]]
    assert step_ids == ["recall", "stop_followups", "escalate", "apology", "notice", "resend", "record"]
    assert [s["done"] for s in incident["steps"]][-1] is True
    drafts = {d["kind"]: d for d in incident["drafts"]}
    assert set(drafts) == {"apology_wrong_recipient", "notice_intended_recipient", "resend_intended"}
    apology = drafts["apology_wrong_recipient"]
    assert apology["to"] == ["l.gomez@sunpeak.example"] and apology["language"] == "de"
    assert "Laura Gómez" in apology["body_text"] and "PI_SolarTech_2026-001.pdf" in apology["body_text"]
    notice = drafts["notice_intended_recipient"]
    assert notice["to"] == ["m.schmidt@solartech.example"] and notice["language"] == "de"
    assert "Michael Schmidt" in notice["body_text"]
    # the rival is not named to the customer unless the salesperson chooses to
    assert "SunPeak" not in notice["body_text"]
    assert drafts["resend_intended"]["attachments"] == ["PI_SolarTech_2026-001.pdf"]
    for draft in incident["drafts"]:
        assert "{{" not in draft["body"] and "{{" not in draft["subject"]


def test_recording_learns_the_confusion_for_the_next_check(demo: TestClient) -> None:
    before = demo.post(
        "/v1/drafts/check", json={"draft": {"to": [{"email": "l.gomez@sunpeak.example"}]}}, headers=ALEX
    ).json()
    assert "known_confusion" not in {f["code"] for f in before["findings"]}
    record(demo)
    after = demo.post(
        "/v1/drafts/check", json={"draft": {"to": [{"email": "l.gomez@sunpeak.example"}]}}, headers=ALEX
    ).json()
    finding = next(f for f in after["findings"] if f["code"] == "known_confusion")
    assert finding["severity"] == "high"
    fix = next(f for f in finding["fixes"] if f["type"] == "replace_recipient")
    assert fix["suggestion"] == "m.schmidt@solartech.example"


def test_chinese_locale_reasons_and_steps(demo: TestClient) -> None:
    incident = record(demo, locale="zh-CN")
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in r) for r in incident["severity"]["reasons"])
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in s["title"]) for s in incident["steps"])


def test_bad_recipients_are_rejected_and_nothing_is_recorded(demo: TestClient) -> None:
    cases = [
        (
            {
                "wrong_recipients": ["lin.wei@acme-trade.example"],
                "message": {**PI_TO_RIVAL, "to": [{"email": "lin.wei@acme-trade.example"}]},
            },
            "invalid_recipients",
        ),
        ({"intended_recipients": ["l.gomez@sunpeak.example"]}, "invalid_recipients"),
        ({"wrong_recipients": ["stranger@else.example"]}, "invalid_recipients"),
        ({"message": {**PI_TO_RIVAL, "to": []}}, "message_without_recipients"),
        ({"wrong_recipients": []}, "validation_failed"),
        ({"wrong_recipients": ["not an address"]}, "validation_failed"),
        ({"ref": {"provider": "fake", "id": "x"}}, "validation_failed"),
    ]
    for overrides, code in cases:
        body = {
            "message": PI_TO_RIVAL,
            "wrong_recipients": ["l.gomez@sunpeak.example"],
            "intended_recipients": ["m.schmidt@solartech.example"],
            **overrides,
        }
        assert_error(demo.post("/v1/incidents", json=body, headers=ALEX), 422, code)
    assert demo.get("/v1/incidents", headers=ALEX).json() == []
    after = demo.post(
        "/v1/drafts/check", json={"draft": {"to": [{"email": "l.gomez@sunpeak.example"}]}}, headers=ALEX
    ).json()
    assert "known_confusion" not in {f["code"] for f in after["findings"]}


def test_track_steps_and_close(demo: TestClient) -> None:
    incident = record(demo)
    url = f"/v1/incidents/{incident['incident_id']}"
    response = demo.patch(url, json={"steps": {"apology": True, "notice": True}}, headers=ALEX)
    assert response.status_code == 200, response.text
    done = {s["id"]: s["done"] for s in response.json()["steps"]}
    assert done["apology"] and done["notice"] and not done["resend"]
    assert_error(demo.patch(url, json={"steps": {"dance": True}}, headers=ALEX), 422, "unknown_step")
    closed = demo.patch(url, json={"status": "closed"}, headers=ALEX).json()
    assert closed["status"] == "closed" and closed["closed_at"]
    assert demo.get("/v1/incidents", params={"status": "open"}, headers=ALEX).json() == []
    assert [i["incident_id"] for i in demo.get("/v1/incidents", headers=ALEX).json()] == [incident["incident_id"]]


def test_incidents_are_private_to_the_user_and_tenant(demo: TestClient) -> None:
    incident = record(demo)
    url = f"/v1/incidents/{incident['incident_id']}"
    assert_error(demo.get(url, headers=OTHER_MEMBER), 404)
    assert_error(demo.get(url, headers=OTHER_ADMIN), 404)  # an administrator sees only their own company's
    assert_error(demo.patch(url, json={"status": "closed"}, headers=LIN), 404)
    assert demo.get("/v1/incidents", headers=LIN).json() == []
    # an administrator of the same company sees it
    assert demo.get(url, headers=BOSS).status_code == 200


def test_letters_become_mailbox_drafts(demo: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    incident = record(demo)
    url = f"/v1/incidents/{incident['incident_id']}/mailbox-drafts"
    assert_error(demo.post(url, headers=ALEX), 422, "letters_needed")
    forged = [{**incident["drafts"][0], "to": ["someone@else.example"]}]
    assert_error(demo.post(url, json={"drafts": forged}, headers=ALEX), 422, "invalid_recipients")
    edited = [dict(d) for d in incident["drafts"]]
    edited[0]["body"] = edited[0]["body"] + "<p>P.S. Edited by hand.</p>"
    response = demo.post(url, json={"drafts": edited}, headers=ALEX)
    assert response.status_code == 200, response.text
    created = response.json()["drafts"]
    assert [c["kind"] for c in created] == [d["kind"] for d in edited]
    in_mailbox = app.state.mailbox.drafts(MailboxAccess("alex@acme-trade.example"))
    assert {m.id for m in in_mailbox} == {c["id"] for c in created}
    assert any("Edited by hand" in m.body for m in in_mailbox)
    assert demo.get(f"/v1/incidents/{incident['incident_id']}", headers=ALEX).json()["mailbox_drafts"] == created


def test_incident_by_reference(demo: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    app.state.mailbox.put_message(
        MailboxAccess("alex@acme-trade.example"),
        MailMessage(
            id="sent-77",
            sender="alex@acme-trade.example",
            to=(MailAddress("frank.zhou@orient-export.example", "Frank Zhou"),),
            subject="Price list 2027",
            attachments=(MailAttachment("Acme_Price_List_2027.xlsx"),),
        ),
    )
    body = {
        "ref": {"provider": "fake", "id": "sent-77"},
        "wrong_recipients": ["frank.zhou@orient-export.example"],
        "intended_recipients": ["erik@nordicsolar.example"],
    }
    response = demo.post("/v1/incidents", json=body, headers=ALEX)
    assert response.status_code == 201, response.text
    severity = response.json()["severity"]
    assert (severity["content_class"], severity["relation"], severity["level"]) == ("commercial", "competitor", "high")


def test_recall_needs_a_message_in_the_mailbox(demo: TestClient) -> None:
    incident = record(demo)
    response = demo.post(f"/v1/incidents/{incident['incident_id']}/recall", headers=ALEX)
    assert_error(response, 422, "recall_needs_reference")
    assert_error(demo.post(f"/v1/incidents/{incident['incident_id']}/recall", headers=OTHER_MEMBER), 404)


def test_times_are_given_with_their_zone(demo: TestClient) -> None:
    incident = record(demo)
    closed = demo.patch(f"/v1/incidents/{incident['incident_id']}", json={"status": "closed"}, headers=ALEX).json()
    listed = demo.get("/v1/incidents", headers=ALEX).json()[0]
    for moment in (closed["created_at"], closed["closed_at"], listed["created_at"]):
        assert moment.endswith(("Z", "+00:00")), moment


def test_a_letter_without_a_name_is_titled_by_its_address(demo: TestClient) -> None:
    incident = record(demo)
    url = f"/v1/incidents/{incident['incident_id']}/mailbox-drafts"
    letters = [{**d, "recipient_name": ""} for d in incident["drafts"]]
    response = demo.post(url, json={"drafts": letters}, headers=ALEX)
    assert response.status_code == 200, response.text
    titles = [c["title"] for c in response.json()["drafts"]]
    assert titles == [f"Open the {_TITLE_WORDS[d['kind']]} to {d['to'][0]}" for d in letters]


_TITLE_WORDS = {
    "apology_wrong_recipient": "apology",
    "notice_intended_recipient": "notice",
    "resend_intended": "e-mail with the right documents",
}
