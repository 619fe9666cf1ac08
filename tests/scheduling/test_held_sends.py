"""Held sends (/v1/held-sends) with the in-memory mailbox: sent messages the mailbox holds until their delivery
time (the policy's hold for external mail), listed and moved back to Drafts. Nothing about them is stored."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.common import utcnow
from app.config import Settings
from app.mailbox.base import MailboxAccess, MailMessage
from app.mailbox.dependencies import build_provider
from app.mailbox.fake import FakeMailbox, address
from app.main import create_app
from app.scheduling.models import ScheduledSend
from tests.directory.test_organizations import assert_error
from tests.helpers import OTHER_MEMBER, headers

ALEX_EMAIL = "alex@acme-trade.example"
ALEX = headers(ALEX_EMAIL)
LIN = headers("lin.wei@acme-trade.example")  # same tenant, another user
ACCESS = MailboxAccess(ALEX_EMAIL)
SUBJECT = "Quotation SolarTech 2026-014"


def hold(mailbox: FakeMailbox, deliver_at: datetime, subject: str = SUBJECT, owner: MailboxAccess = ACCESS) -> str:
    message = MailMessage(
        id="",
        sender=owner.user_email,
        to=(address("m.schmidt@solartech.example"),),
        cc=(address("lin.wei@acme-trade.example"),),
        subject=subject,
        body="<p>Dear Michael,</p>",
    )
    return mailbox.hold(owner, message, deliver_at)


def test_held_sends_are_listed_and_moved_back_to_drafts(client: TestClient, app: Any, db: Session) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    assert client.get("/v1/held-sends", headers=ALEX).json() == []
    later = hold(mailbox, utcnow() + timedelta(minutes=10), subject="Later")
    soon = hold(mailbox, utcnow() + timedelta(minutes=3))
    listed = client.get("/v1/held-sends", headers=ALEX)
    assert listed.status_code == 200, listed.text
    assert [r["id"] for r in listed.json()] == [soon, later], "soonest first"
    first = listed.json()[0]
    assert set(first) == {"id", "to", "subject", "deliver_at"}
    assert first["to"] == ["m.schmidt@solartech.example"] and first["subject"] == SUBJECT
    assert datetime.fromisoformat(first["deliver_at"]) > utcnow()

    cancelled = client.delete(f"/v1/held-sends/{soon}", headers=ALEX)
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json() == first
    assert [d.subject for d in mailbox.drafts(ACCESS)] == [SUBJECT], "back in Drafts"
    assert [r["id"] for r in client.get("/v1/held-sends", headers=ALEX).json()] == [later]
    # no longer in the Outbox: a second cancel is too late, and nothing was sent
    assert_error(client.delete(f"/v1/held-sends/{soon}", headers=ALEX), 409, "already_sent")
    assert mailbox.sends == []
    # nothing about held messages reaches the database
    assert db.exec(select(ScheduledSend)).all() == []


def test_too_late_once_the_time_has_passed(client: TestClient, app: Any) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    held_id = hold(mailbox, utcnow() + timedelta(minutes=2))
    mailbox.clock = lambda: utcnow() + timedelta(minutes=3)  # the hold runs out: the mailbox sends it
    assert client.get("/v1/held-sends", headers=ALEX).json() == []
    assert_error(client.delete(f"/v1/held-sends/{held_id}", headers=ALEX), 409, "already_sent")
    assert mailbox.sends == [held_id] and mailbox.drafts(ACCESS) == []


def test_unknown_ids_and_other_users_messages_answer_404(client: TestClient, app: Any) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    held_id = hold(mailbox, utcnow() + timedelta(minutes=5))
    assert_error(client.delete("/v1/held-sends/no-such-message", headers=ALEX), 404, "message_not_found")
    for intruder in (LIN, OTHER_MEMBER):
        assert client.get("/v1/held-sends", headers=intruder).json() == []
        assert_error(client.delete(f"/v1/held-sends/{held_id}", headers=intruder), 404)
    assert [r["id"] for r in client.get("/v1/held-sends", headers=ALEX).json()] == [held_id], "still held"


def test_ids_with_slashes_reach_the_mailbox(client: TestClient, app: Any) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    message = MailMessage(id="AAMk/x+y=", sender=ALEX_EMAIL, to=(address("m.schmidt@solartech.example"),))
    mailbox.hold(ACCESS, message, utcnow() + timedelta(minutes=5))
    response = client.delete("/v1/held-sends/AAMk%2Fx%2By%3D", headers=ALEX)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == "AAMk/x+y="


def test_a_provider_without_hold_answers_422(client: TestClient, app: Any) -> None:
    gmail = build_provider(
        app.state.settings.model_copy(update={"mailbox_provider": "gmail", "gmail_api_base_url": "http://127.0.0.1:9"})
    )
    assert gmail.name == "gmail"
    app.state.mailbox = gmail
    for response in (client.get("/v1/held-sends", headers=ALEX), client.delete("/v1/held-sends/abc", headers=ALEX)):
        assert assert_error(response, 422, "provider_cannot_hold")["details"] == {"provider": "gmail"}


def test_sign_in_is_required(client: TestClient) -> None:
    assert_error(client.get("/v1/held-sends"), 401)
    assert_error(client.delete("/v1/held-sends/abc"), 401)


def test_subjects_are_never_logged(client: TestClient, app: Any, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    held_id = hold(app.state.mailbox, utcnow() + timedelta(minutes=5), subject="Secret merger terms")
    client.get("/v1/held-sends", headers=ALEX)
    client.delete(f"/v1/held-sends/{held_id}", headers=ALEX)
    client.delete(f"/v1/held-sends/{held_id}", headers=ALEX)
    assert "Secret merger" not in caplog.text


# -- the demo's Outbox: POST /demo/held (AUTH_MODE=dev only) ------------------------------------------------


def test_the_demo_puts_a_held_send_in_the_outbox(client: TestClient) -> None:
    deliver_at = (utcnow() + timedelta(minutes=5)).isoformat()
    body = {"to": ["m.schmidt@solartech.example"], "subject": SUBJECT, "deliver_at": deliver_at}
    created = client.post("/demo/held", json=body, headers=ALEX)
    assert created.status_code == 201, created.text
    (listed,) = client.get("/v1/held-sends", headers=ALEX).json()
    assert listed["id"] == created.json()["id"] and listed["subject"] == SUBJECT
    assert listed["to"] == ["m.schmidt@solartech.example"]
    assert client.get("/v1/held-sends", headers=LIN).json() == []
    assert client.post("/demo/held", json=body).status_code == 401
    far = {**body, "deliver_at": (utcnow() + timedelta(days=3)).isoformat()}
    assert_error(client.post("/demo/held", json=far, headers=ALEX), 422)
    assert_error(client.post("/demo/held", json={**body, "to": []}, headers=ALEX), 422, "no_recipients")
    bcc_only = client.post("/demo/held", json={**body, "to": [], "bcc": ["a@b.example"]}, headers=ALEX)
    assert bcc_only.status_code == 201, bcc_only.text
    assert "/demo/held" not in client.get("/openapi.json").text


@pytest.fixture
def entra_client(settings: Settings) -> Iterator[TestClient]:
    application = create_app(settings.model_copy(update={"auth_mode": "entra"}))
    with TestClient(application, raise_server_exceptions=False) as test_client:
        yield test_client
    application.state.engine.dispose()


def test_the_demo_outbox_exists_only_in_dev_mode(entra_client: TestClient) -> None:
    body = {"to": ["m.schmidt@solartech.example"], "deliver_at": (utcnow() + timedelta(minutes=5)).isoformat()}
    assert_error(entra_client.post("/demo/held", json=body, headers=ALEX), 404)
