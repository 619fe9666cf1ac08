"""Recovery letters that need no retyping: signed with the user's name, glossed in the user's language when written
in another, drafts linked by whom they are for, and steps that fit the mail client."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.templates.service import real_name
from tests.helpers import headers
from tests.incidents.test_incidents_api import ALEX, PI_TO_RIVAL, record


def by_kind(incident: dict) -> dict[str, dict]:
    return {d["kind"]: d for d in incident["drafts"]}


def test_signed_with_the_display_name_and_company_never_the_local_part(demo: TestClient) -> None:
    apology = by_kind(record(demo))["apology_wrong_recipient"]
    assert apology["body_text"].rstrip().endswith("Alex Chen\nAcme Trade Ltd.")
    # A colleague the sign-in knows only by address: the company signs, not "tom.k".
    body = {"locale": "en", "message": {**PI_TO_RIVAL, "from": "tom.k@acme-trade.example"},
            "wrong_recipients": ["l.gomez@sunpeak.example"]}  # fmt: skip
    response = demo.post("/v1/incidents", json=body, headers=headers("tom.k@acme-trade.example"))
    text = by_kind(response.json())["apology_wrong_recipient"]["body_text"]
    assert "tom.k\n" not in text and text.rstrip().endswith("Acme Trade Ltd.")
    assert not text.rstrip().endswith("Acme Trade Ltd.\nAcme Trade Ltd.")


def test_real_name_rules() -> None:
    assert real_name("Alex", "alex@acme.example") == "Alex"
    assert real_name("alex", "alex@acme.example") == ""
    assert real_name("lin.wei", "lin.wei@acme.example") == ""
    assert real_name("  Lin   Wei ", "lin.wei@acme.example") == "Lin Wei"
    assert real_name("lin.wei@acme.example", "lin.wei@acme.example") == ""


def test_a_german_letter_carries_a_gloss_in_the_users_language(demo: TestClient) -> None:
    letters = by_kind(record(demo))
    apology = letters["apology_wrong_recipient"]
    assert apology["language"] == "de" and apology["recipient_name"] == "Laura Gómez"
    assert apology["gloss"] == (
        "In German: apologises to Laura Gómez for the e-mail of 23 Nov 2026 that reached them by mistake, "
        "asks them to delete it unread with its attachment PI_SolarTech_2026-001.pdf and to confirm the deletion."
    )
    assert letters["notice_intended_recipient"]["recipient_name"] == "Michael Schmidt"
    zh = by_kind(record(demo, locale="zh-CN"))["resend_intended"]
    assert zh["gloss"] == "（德语）把本应发给 Michael Schmidt 的文件：PI_SolarTech_2026-001.pdf发给对方。"


def test_no_gloss_when_the_letter_is_in_the_users_language(demo: TestClient) -> None:
    message = {**PI_TO_RIVAL, "to": [{"email": "erik@nordicsolar.example", "name": "Erik Lindqvist"}]}
    incident = record(demo, message=message, wrong_recipients=["erik@nordicsolar.example"])
    apology = by_kind(incident)["apology_wrong_recipient"]
    assert apology["language"] == "en" and apology["gloss"] is None


def test_created_drafts_are_labelled_by_whom_they_are_for(demo: TestClient) -> None:
    incident = record(demo)
    url = f"/v1/incidents/{incident['incident_id']}/mailbox-drafts"
    created = demo.post(url, json={"drafts": incident["drafts"]}, headers=ALEX).json()["drafts"]
    assert [c["title"] for c in created] == [
        "Open the apology to Laura Gómez",
        "Open the notice to Michael Schmidt",
        "Open the e-mail with the right documents to Michael Schmidt",
    ]
    zh = record(demo, locale="zh-CN")
    url = f"/v1/incidents/{zh['incident_id']}/mailbox-drafts"
    created = demo.post(url, json={"drafts": zh["drafts"][:1]}, headers=ALEX).json()["drafts"]
    assert created[0]["title"] == "打开给 Laura Gómez 的致歉信"


def test_steps_fit_the_mail_client(demo: TestClient) -> None:
    outlook = [s["id"] for s in record(demo)["steps"]]
    body = {"client": "gmail", "locale": "en", "message": PI_TO_RIVAL, "wrong_recipients": ["l.gomez@sunpeak.example"]}
    gmail = demo.post("/v1/incidents", json=body, headers=ALEX).json()["steps"]
    assert outlook[0] == "recall"
    ids = [s["id"] for s in gmail]
    assert ids[0] == "undo_send" and "recall" not in ids
    assert "Outlook" not in " ".join(s["title"] for s in gmail)
    assert "Undo" in gmail[0]["title"]
