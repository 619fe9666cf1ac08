"""Held sends through the real Graph provider, over HTTP, against the fake Microsoft Graph (AUTH_MODE=entra).

Outlook's delayed delivery leaves a sent message in the user's Outbox with PidTagDeferredSendTime; SendGuard lists
those and moves one back to Drafts (``POST /messages/{id}/move``) while its time is still ahead.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from app.common import utcnow
from app.config import Settings
from tests.directory.test_organizations import assert_error
from tests.mailbox.graph_env import ALEX, BOSS, M365, bearer, m365_app

SUBJECT = "Quotation SolarTech 2026-014"


@pytest.fixture
def m365(settings: Settings) -> Iterator[M365]:
    with m365_app(settings) as env:
        yield env


def test_held_messages_are_listed_from_the_outbox(m365: M365) -> None:
    later = m365.fake.add_held(ALEX, deliver_at=utcnow() + timedelta(minutes=10), subject="Later")
    soon_at = utcnow() + timedelta(minutes=3)
    soon = m365.fake.add_held(ALEX, deliver_at=soon_at, subject=SUBJECT)
    m365.fake.add_held(ALEX, deliver_at=utcnow() - timedelta(minutes=1))  # its time passed: Exchange sends it
    m365.fake.add_message(ALEX, subject="Sending now", is_draft=False, folder="outbox")  # no delivery time
    m365.fake.add_message(ALEX, subject="A draft")
    m365.fake.add_held(BOSS, deliver_at=utcnow() + timedelta(minutes=5))  # someone else's
    response = m365.client.get("/v1/held-sends", headers=m365.alex)
    assert response.status_code == 200, response.text
    listed = response.json()
    assert [r["id"] for r in listed] == [soon, later]
    assert listed[0]["subject"] == SUBJECT and listed[0]["to"] == ["m.schmidt@solartech.example"]
    # the time Exchange holds it until, to the second (Graph drops the fraction)
    assert abs(datetime.fromisoformat(listed[0]["deliver_at"]) - soon_at) < timedelta(seconds=1)
    (request,) = m365.fake.graph_requests("/mailFolders/outbox/messages")
    assert request.path == "/v1.0/me/mailFolders/outbox/messages"
    assert request.query["$expand"] == "singleValueExtendedProperties($filter=id eq 'SystemTime 0x3FEF')"
    assert request.query["$select"] == "id,subject,toRecipients"


def test_cancel_moves_the_message_back_to_drafts(m365: M365) -> None:
    held_id = m365.fake.add_held(ALEX, deliver_at=utcnow() + timedelta(minutes=5), subject=SUBJECT)
    response = m365.client.delete(f"/v1/held-sends/{held_id}", headers=m365.alex)
    assert response.status_code == 200, response.text
    assert response.json()["id"] == held_id and response.json()["subject"] == SUBJECT
    assert m365.fake.folder(ALEX, "outbox") == []
    (draft,) = m365.fake.folder(ALEX, "drafts")
    assert draft["subject"] == SUBJECT and draft["isDraft"] is True
    assert m365.fake.sent_log == []
    (move,) = m365.fake.graph_requests("/move")
    assert move.method == "POST" and move.path == f"/v1.0/me/messages/{held_id}/move"
    assert m365.client.get("/v1/held-sends", headers=m365.alex).json() == []
    # the old id is gone (a move gives a new one): nothing left to cancel
    assert_error(m365.client.delete(f"/v1/held-sends/{held_id}", headers=m365.alex), 404)


def test_too_late_once_the_time_has_passed_or_it_was_sent(m365: M365) -> None:
    passed = m365.fake.add_held(ALEX, deliver_at=utcnow() - timedelta(seconds=30))
    assert_error(m365.client.delete(f"/v1/held-sends/{passed}", headers=m365.alex), 409, "already_sent")
    last_seconds = m365.fake.add_held(ALEX, deliver_at=utcnow() + timedelta(seconds=2))
    assert_error(m365.client.delete(f"/v1/held-sends/{last_seconds}", headers=m365.alex), 409, "already_sent")
    sent = m365.fake.add_held(ALEX, deliver_at=utcnow() + timedelta(minutes=5))
    m365.fake.deliver_held(ALEX, sent)
    assert_error(m365.client.delete(f"/v1/held-sends/{sent}", headers=m365.alex), 409, "already_sent")
    draft = m365.fake.add_message(ALEX, subject="Never sent")
    assert_error(m365.client.delete(f"/v1/held-sends/{draft}", headers=m365.alex), 409, "already_sent")
    assert m365.fake.graph_requests("/move") == [], "nothing was moved"
    assert {m["id"] for m in m365.fake.folder(ALEX, "outbox")} == {passed, last_seconds}


def test_unknown_ids_and_other_users_messages_answer_404(m365: M365) -> None:
    theirs = m365.fake.add_held(BOSS, deliver_at=utcnow() + timedelta(minutes=5))
    assert_error(m365.client.delete("/v1/held-sends/AAMkAGNoSuchMessage=", headers=m365.alex), 404)
    assert_error(m365.client.delete(f"/v1/held-sends/{theirs}", headers=m365.alex), 404)
    assert m365.client.get("/v1/held-sends", headers=m365.alex).json() == []
    assert [m["id"] for m in m365.fake.folder(BOSS, "outbox")] == [theirs], "still held"
    boss = bearer(m365.fake.issue_token(BOSS))
    assert [r["id"] for r in m365.client.get("/v1/held-sends", headers=boss).json()] == [theirs]


def test_throttling_is_retried_and_consent_errors_mapped(m365: M365) -> None:
    held_id = m365.fake.add_held(ALEX, deliver_at=utcnow() + timedelta(minutes=5))
    m365.fake.fail("throttle", path="/mailFolders/outbox/messages", retry_after=1)
    assert [r["id"] for r in m365.client.get("/v1/held-sends", headers=m365.alex).json()] == [held_id]
    assert len(m365.sleeps) == 1
    m365.fake.fail("forbidden", path="/move")
    assert_error(m365.client.delete(f"/v1/held-sends/{held_id}", headers=m365.alex), 403, "consent_missing")
    assert [m["id"] for m in m365.fake.folder(ALEX, "outbox")] == [held_id]
