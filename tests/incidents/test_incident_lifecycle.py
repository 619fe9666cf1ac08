"""An incident after it is recorded: steps, closing and reopening, listing, learning, recall, mailbox drafts."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.auth.principal import Principal
from app.incidents.models import ConfusionPair
from app.mailbox.base import CreatedDraft, MailAddress, MailboxAccess, MailMessage, OutgoingDraft, RecallResult
from app.mailbox.fake import FakeMailbox
from tests.directory.test_organizations import assert_error
from tests.helpers import headers
from tests.incidents.test_incidents_api import ALEX, PI_TO_RIVAL, record

BOSS = headers("boss@acme-trade.example", admin=True)


def test_steps_keep_what_was_done_and_reopening_clears_the_close(demo: TestClient) -> None:
    url = f"/v1/incidents/{record(demo)['incident_id']}"
    demo.patch(url, json={"steps": {"apology": True}}, headers=ALEX)
    after = demo.patch(url, json={"steps": {"notice": True}}, headers=ALEX).json()
    done = {s["id"]: s["done"] for s in after["steps"]}
    assert done["apology"] and done["notice"] and done["record"] and not done["recall"]
    unknown = demo.patch(url, json={"steps": {"dance": True}}, headers=ALEX)
    assert_error(unknown, 422, "unknown_step")
    assert unknown.json()["error"]["details"] == {"unknown": ["dance"], "steps": sorted(done)}
    assert demo.patch(url, json={"status": "closed"}, headers=ALEX).json()["closed_at"]
    reopened = demo.patch(url, json={"status": "open"}, headers=ALEX).json()
    assert (reopened["status"], reopened["closed_at"]) == ("open", None)
    untouched = demo.patch(url, json={}, headers=ALEX).json()
    assert (untouched["status"], untouched["closed_at"]) == ("open", None)


def test_listing_is_newest_first_and_limited(demo: TestClient) -> None:
    ids = [record(demo)["incident_id"] for _ in range(3)]
    listed = demo.get("/v1/incidents", params={"limit": 2}, headers=ALEX).json()
    assert [i["incident_id"] for i in listed] == ids[:0:-1]


def test_a_high_incident_is_escalated_a_medium_one_is_not(demo: TestClient) -> None:
    quotation_to_competitor = {
        **PI_TO_RIVAL,
        "to": [{"email": "frank.zhou@orient-export.example"}],
        "attachments": [{"name": "Quotation_Q-2026-118.pdf"}],
        "body": "Hello, our quotation.",
    }
    high = record(demo, message=quotation_to_competitor, wrong_recipients=["frank.zhou@orient-export.example"])
    assert high["severity"]["level"] == "high"
    assert "escalate" in [s["id"] for s in high["steps"]]
    quotation_to_customer = {**quotation_to_competitor, "to": [{"email": "erik@nordicsolar.example"}]}
    medium = record(demo, message=quotation_to_customer, wrong_recipients=["erik@nordicsolar.example"])
    assert medium["severity"]["level"] == "medium"
    assert "escalate" not in [s["id"] for s in medium["steps"]]


def test_the_same_confusion_twice_counts_twice(demo: TestClient, db: Session) -> None:
    record(demo)
    record(demo)
    (pair,) = db.exec(select(ConfusionPair)).all()
    assert (pair.intended, pair.wrong, pair.count) == ("m.schmidt@solartech.example", "l.gomez@sunpeak.example", 2)


def test_the_resend_speaks_the_contacts_language_over_the_organizations(demo: TestClient) -> None:
    org = {
        "name": "Lumière Trading",
        "kind": "customer",
        "domains": ["lumiere.example"],
        "language": "de",
        "contacts": [{"name": "Chloé Martin", "email": "chloe@lumiere.example", "language": "fr"}],
    }
    assert demo.post("/v1/organizations", json=org, headers=BOSS).status_code == 201
    incident = record(demo, intended_recipients=["chloe@lumiere.example"])
    letters = {d["kind"]: d for d in incident["drafts"]}
    assert letters["resend_intended"]["language"] == "fr"
    assert letters["notice_intended_recipient"]["language"] == "fr"


class RecallingMailbox(FakeMailbox):
    """A mailbox that can recall (Outlook inside one organization)."""

    async def recall(self, access: MailboxAccess, message_id: str) -> RecallResult:
        await self.get_message(access, message_id)
        return RecallResult(attempted=True, detail="Recall requested.")


def test_a_recall_attempt_marks_the_step(demo: TestClient, app: Any) -> None:
    app.state.mailbox = RecallingMailbox()
    app.state.mailbox.put_message(
        MailboxAccess("alex@acme-trade.example"),
        MailMessage(id="sent-9", sender="alex@acme-trade.example", to=(MailAddress("l.gomez@sunpeak.example"),)),
    )
    body = {"ref": {"provider": "fake", "id": "sent-9"}, "wrong_recipients": ["l.gomez@sunpeak.example"]}
    incident = demo.post("/v1/incidents", json=body, headers=ALEX).json()
    url = f"/v1/incidents/{incident['incident_id']}"
    answer = demo.post(f"{url}/recall", headers=ALEX).json()
    assert answer["attempted"] is True
    steps = {s["id"]: s["done"] for s in demo.get(url, headers=ALEX).json()["steps"]}
    assert steps["recall"] is True and steps["apology"] is False


def test_mailbox_drafts_carry_each_letters_recipients_and_text(demo: TestClient, app: Any) -> None:
    incident = record(demo)
    url = f"/v1/incidents/{incident['incident_id']}/mailbox-drafts"
    letters = [
        {**d, "cc": ["m.schmidt@solartech.example"]} if d["kind"] == "apology_wrong_recipient" else d
        for d in incident["drafts"]
    ]
    created = demo.post(url, json={"drafts": letters}, headers=ALEX).json()["drafts"]
    boxes = {m.id: m for m in app.state.mailbox.drafts(MailboxAccess("alex@acme-trade.example"))}
    for letter, made in zip(letters, created, strict=True):
        draft = boxes[made["id"]]
        assert [a.email for a in draft.to] == letter["to"]
        assert [a.email for a in draft.cc] == letter["cc"]
        assert (draft.subject, draft.body) == (letter["subject"], letter["body"])
        assert made["web_link"] and made["kind"] == letter["kind"]


def test_listing_by_status(demo: TestClient) -> None:
    closed, still_open = record(demo)["incident_id"], record(demo)["incident_id"]
    demo.patch(f"/v1/incidents/{closed}", json={"status": "closed"}, headers=ALEX)
    by_status = {
        status: [i["incident_id"] for i in demo.get("/v1/incidents", params={"status": status}, headers=ALEX).json()]
        for status in ("open", "closed")
    }
    assert by_status == {"open": [still_open], "closed": [closed]}


def test_the_resend_names_every_document(demo: TestClient) -> None:
    two = {**PI_TO_RIVAL, "attachments": [{"name": "PI_SolarTech_2026-001.pdf"}, {"name": "Packing_List_2026-001.pdf"}]}
    letters = {d["kind"]: d for d in record(demo, message=two)["drafts"]}
    resend = letters["resend_intended"]
    assert resend["attachments"] == ["PI_SolarTech_2026-001.pdf", "Packing_List_2026-001.pdf"]
    assert "PI_SolarTech_2026-001.pdf, Packing_List_2026-001.pdf" in resend["body_text"]


class _DelegatedMailbox(FakeMailbox):
    """The fake mailbox with what Graph and Gmail have besides: a credential made for the caller, and the letters'
    plain-text part kept (the fake keeps only the HTML body)."""

    def __init__(self) -> None:
        super().__init__()
        self.written: list[tuple[MailboxAccess, OutgoingDraft]] = []

    async def access_for(self, principal: Principal, user_email: str) -> MailboxAccess:
        return MailboxAccess(user_email=user_email, token=f"on-behalf-of:{principal.subject}")

    async def create_draft(self, access: MailboxAccess, draft: OutgoingDraft) -> CreatedDraft:
        self.written.append((access, draft))
        return await super().create_draft(access, draft)


def test_mailbox_drafts_use_the_callers_credential_and_keep_the_text_part(demo: TestClient, app: Any) -> None:
    app.state.mailbox = mailbox = _DelegatedMailbox()
    incident = record(demo)
    url = f"/v1/incidents/{incident['incident_id']}/mailbox-drafts"
    assert demo.post(url, json={"drafts": incident["drafts"]}, headers=ALEX).status_code == 200
    assert [draft.body_text for _, draft in mailbox.written] == [d["body_text"] for d in incident["drafts"]]
    assert all(d["body_text"] for d in incident["drafts"])
    assert {access.token for access, _ in mailbox.written} == {"on-behalf-of:dev:alex@acme-trade.example"}
