"""When a scheduled send may be set for, and what the schedule records (POST /v1/scheduled-sends)."""

from __future__ import annotations

import asyncio
import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.common import as_utc, utcnow
from app.mailbox.fake import FakeMailbox
from app.scheduling import repository
from app.scheduling.models import ScheduledSend
from tests.directory.test_organizations import assert_error
from tests.scheduling.test_scheduled_sends import ACCESS, ALEX, ALEX_EMAIL, drain, new_draft, schedule, worker


@pytest.fixture
def mailbox(app: Any) -> FakeMailbox:
    mailbox: FakeMailbox = app.state.mailbox
    return mailbox


def _row(db: Session, created: dict[str, Any]) -> ScheduledSend:
    db.expire_all()
    row = db.get(ScheduledSend, uuid.UUID(created["id"]))
    assert row is not None
    return row


def _post(client: TestClient, draft_id: str, send_at: datetime) -> Any:
    body = {"provider": "fake", "draft_id": draft_id, "send_at": send_at.isoformat()}
    return client.post("/v1/scheduled-sends", json=body, headers=ALEX)


def test_a_delay_counts_from_now_and_the_deadline_from_the_send_time(
    client: TestClient, db: Session, mailbox: FakeMailbox
) -> None:
    draft_id = new_draft(mailbox)
    before = utcnow()
    created = schedule(client, draft_id, delay_seconds=600)
    after = utcnow()
    row = _row(db, created)
    send_at = as_utc(row.send_at)
    assert before + timedelta(seconds=600) <= send_at <= after + timedelta(seconds=600)
    assert as_utc(row.next_attempt_at) == send_at
    assert as_utc(row.deadline_at) == send_at + timedelta(minutes=30)
    assert (row.user_email, row.provider, row.draft_id, row.status) == (ALEX_EMAIL, "fake", draft_id, "pending")
    assert row.internet_message_id == f"<{draft_id}@fake.sendguard>"
    assert created["send_at"].startswith(send_at.isoformat()[:19])


def test_a_send_time_a_little_in_the_past_means_now(client: TestClient, db: Session, mailbox: FakeMailbox) -> None:
    before = utcnow()
    response = _post(client, new_draft(mailbox), before - timedelta(seconds=90))
    after = utcnow()
    assert response.status_code == 201, response.text
    row = _row(db, response.json())
    assert before <= as_utc(row.send_at) <= after
    assert as_utc(row.deadline_at) == as_utc(row.send_at) + timedelta(minutes=30)


@pytest.mark.parametrize(
    ("offset", "status"),
    [
        (timedelta(minutes=-3), 422),
        (timedelta(days=7, minutes=-1), 201),
        (timedelta(days=7, minutes=1), 422),
    ],
)
def test_a_send_time_must_lie_between_now_and_seven_days_ahead(
    client: TestClient, mailbox: FakeMailbox, offset: timedelta, status: int
) -> None:
    send_at = utcnow() + offset
    response = _post(client, new_draft(mailbox), send_at)
    if status == 201:
        assert response.status_code == 201, response.text
        assert response.json()["send_at"].startswith(send_at.isoformat()[:19])
        return
    error = assert_error(response, 422, "invalid_send_time")
    assert error["details"] == {"send_at": send_at.isoformat()}


def test_the_deadline_follows_the_setting(make_app: Any) -> None:
    app = make_app(scheduled_send_deadline_minutes=45)
    with TestClient(app) as client, Session(app.state.engine) as db:
        created = schedule(client, new_draft(app.state.mailbox))
        row = _row(db, created)
        assert as_utc(row.deadline_at) - as_utc(row.send_at) == timedelta(minutes=45)


def test_only_a_draft_can_be_scheduled(client: TestClient, mailbox: FakeMailbox) -> None:
    draft_id = new_draft(mailbox)
    asyncio.run(mailbox.send_draft(ACCESS, draft_id))
    body = {"provider": "fake", "draft_id": draft_id, "delay_seconds": 0}
    error = assert_error(client.post("/v1/scheduled-sends", json=body, headers=ALEX), 404, "not_a_draft")
    assert error["message"] == "This message is not a draft."


def test_refusals_name_what_is_in_the_way(client: TestClient, app: Any, mailbox: FakeMailbox) -> None:
    draft_id = new_draft(mailbox)
    first = schedule(client, draft_id, delay_seconds=60)
    body = {"provider": "fake", "draft_id": draft_id, "delay_seconds": 0}
    error = assert_error(client.post("/v1/scheduled-sends", json=body, headers=ALEX), 409, "already_scheduled")
    assert error["details"] == {"draft_id": draft_id, "scheduled_send_id": first["id"]}

    now_due = schedule(client, new_draft(mailbox))
    drain(worker(app))
    error = assert_error(client.delete(f"/v1/scheduled-sends/{now_due['id']}", headers=ALEX), 409, "already_sending")
    assert error["details"] == {"status": "sent"}
    assert_error(client.delete(f"/v1/scheduled-sends/{uuid.uuid4()}", headers=ALEX), 404, "scheduled_send_not_found")


def test_a_schedule_that_lost_the_race_for_its_draft_names_the_winner(
    client: TestClient, mailbox: FakeMailbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two requests both saw no schedule; the index lets one in, and the other answers as if it had seen it."""
    draft_id = new_draft(mailbox)
    first = schedule(client, draft_id, delay_seconds=60)
    look_up = repository.active_for_draft
    looks: list[str] = []

    def late_look(session: Session, tenant_id: uuid.UUID, provider: str, draft: str) -> ScheduledSend | None:
        looks.append(draft)
        return None if len(looks) == 1 else look_up(session, tenant_id, provider, draft)

    monkeypatch.setattr(repository, "active_for_draft", late_look)
    body = {"provider": "fake", "draft_id": draft_id, "delay_seconds": 0}
    error = assert_error(client.post("/v1/scheduled-sends", json=body, headers=ALEX), 409, "already_scheduled")
    assert error["details"] == {"draft_id": draft_id, "scheduled_send_id": first["id"]}
    assert looks == [draft_id, draft_id]
    assert [r["id"] for r in client.get("/v1/scheduled-sends", headers=ALEX).json()] == [first["id"]]
