from __future__ import annotations

import asyncio
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.common import utcnow
from app.mailbox.base import MailAddress, MailboxAccess, MailMessage, OutgoingDraft, SendResult
from app.mailbox.exceptions import MailboxUnavailable
from app.mailbox.fake import FakeMailbox
from app.scheduling.models import ScheduledSend
from app.scheduling.worker import Worker
from tests.directory.test_organizations import assert_error
from tests.helpers import OTHER_MEMBER, headers

ALEX_EMAIL = "alex@acme-trade.example"
ALEX = headers(ALEX_EMAIL)
ACCESS = MailboxAccess(ALEX_EMAIL)


class WorkerKilled(BaseException):
    """Stands for the process dying: not an Exception, so nothing in the worker catches it."""


def new_draft(mailbox: FakeMailbox, subject: str = "Quotation") -> str:
    created = asyncio.run(
        mailbox.create_draft(
            ACCESS,
            OutgoingDraft(
                to=(MailAddress("m.schmidt@solartech.example"),), subject=subject, body_html="<p>Hi</p>", body_text="Hi"
            ),
        )
    )
    return created.id


def schedule(client: TestClient, draft_id: str, **when: Any) -> dict[str, Any]:
    body = {"provider": "fake", "draft_id": draft_id, **(when or {"delay_seconds": 0})}
    response = client.post("/v1/scheduled-sends", json=body, headers=ALEX)
    assert response.status_code == 201, response.text
    return response.json()


def worker(app: Any, mailbox: Any = None, **kwargs: Any) -> Worker:
    return Worker(app.state.engine, mailbox or app.state.mailbox, app.state.settings, **kwargs)


def drain(*workers: Worker) -> None:
    async def run_all() -> None:
        async def until_empty(w: Worker) -> None:
            while await w.run_once():
                pass

        await asyncio.gather(*(until_empty(w) for w in workers))

    asyncio.run(run_all())


def rows(db: Session) -> list[ScheduledSend]:
    db.expire_all()
    return list(db.exec(select(ScheduledSend)).all())


def test_schedule_list_and_send(client: TestClient, app: Any, db: Session) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    draft_id = new_draft(mailbox)
    created = schedule(client, draft_id)
    assert created["status"] == "pending" and created["attempts"] == 0
    listed = client.get("/v1/scheduled-sends", headers=ALEX).json()
    assert [r["id"] for r in listed] == [created["id"]]
    drain(worker(app))
    (row,) = rows(db)
    assert row.status == "sent" and row.attempts == 1 and row.sent_message_id
    assert mailbox.sends == [draft_id]
    assert mailbox.drafts(ACCESS) == []


def test_not_sent_before_its_time(client: TestClient, app: Any, db: Session) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    schedule(client, new_draft(mailbox), delay_seconds=600)
    drain(worker(app))
    assert mailbox.sends == []
    drain(worker(app, clock=lambda: utcnow() + timedelta(minutes=11)))
    assert len(mailbox.sends) == 1


def test_cancel_until_the_claim_then_409(client: TestClient, app: Any) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    draft_id = new_draft(mailbox)
    created = schedule(client, draft_id, delay_seconds=300)
    url = f"/v1/scheduled-sends/{created['id']}"
    assert_error(client.delete(url, headers=OTHER_MEMBER), 404)
    cancelled = client.delete(url, headers=ALEX)
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert client.delete(url, headers=ALEX).json()["status"] == "cancelled"
    drain(worker(app, clock=lambda: utcnow() + timedelta(minutes=10)))
    assert mailbox.sends == []
    assert [d.id for d in mailbox.drafts(ACCESS)] == [draft_id]  # a cancelled draft stays in Drafts

    sent = schedule(client, new_draft(mailbox))
    drain(worker(app))
    assert_error(client.delete(f"/v1/scheduled-sends/{sent['id']}", headers=ALEX), 409, "already_sending")


def test_bad_requests(client: TestClient, app: Any) -> None:
    draft_id = new_draft(app.state.mailbox)
    post = lambda body: client.post("/v1/scheduled-sends", json=body, headers=ALEX)  # noqa: E731
    assert_error(post({"provider": "fake", "draft_id": "nope", "delay_seconds": 0}), 404)
    assert_error(post({"provider": "graph", "draft_id": draft_id, "delay_seconds": 0}), 422, "provider_not_configured")
    assert_error(post({"provider": "fake", "draft_id": draft_id}), 422)
    assert_error(
        post({"provider": "fake", "draft_id": draft_id, "delay_seconds": 5, "send_at": "2030-01-01T00:00:00Z"}), 422
    )
    assert_error(
        post({"provider": "fake", "draft_id": draft_id, "send_at": "2020-01-01T00:00:00Z"}), 422, "invalid_send_time"
    )
    assert_error(post({"provider": "fake", "draft_id": draft_id, "send_at": "2030-01-01T00:00:00"}), 422)
    assert_error(post({"provider": "fake", "draft_id": draft_id, "delay_seconds": -1}), 422)
    schedule(client, draft_id, delay_seconds=60)
    assert_error(post({"provider": "fake", "draft_id": draft_id, "delay_seconds": 0}), 409, "already_scheduled")
    assert client.get("/v1/scheduled-sends", headers=OTHER_MEMBER).json() == []


def _bulk_schedule(client: TestClient, mailbox: FakeMailbox, count: int) -> list[str]:
    drafts = [new_draft(mailbox, f"Order {i}") for i in range(count)]
    for draft_id in drafts:
        schedule(client, draft_id)
    return drafts


def test_many_due_sends_each_sent_exactly_once(client: TestClient, app: Any, db: Session, database_url: str) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    drafts = _bulk_schedule(client, mailbox, 500)
    # PostgreSQL is the engine for several workers; SQLite has one.
    workers = [worker(app, batch=25) for _ in range(2 if database_url.startswith("postgresql") else 1)]
    drain(*workers)
    assert sorted(mailbox.sends) == sorted(drafts)
    assert len(mailbox.sends) == 500
    claimed_by = {r.claimed_by for r in rows(db)}
    assert {r.status for r in rows(db)} == {"sent"}
    assert claimed_by == {w.worker_id for w in workers}


class CrashingMailbox:
    """The real fake mailbox, but the process dies at a chosen moment."""

    def __init__(self, inner: FakeMailbox, crash: str) -> None:
        self.inner = inner
        self.crash = crash
        self.name = inner.name

    def __getattr__(self, name: str) -> Callable[..., Any]:
        return getattr(self.inner, name)

    async def get_message(self, access: MailboxAccess, message_id: str) -> MailMessage:
        if self.crash == "before_send":
            raise WorkerKilled()
        return await self.inner.get_message(access, message_id)

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        result = await self.inner.send_draft(access, draft_id, marker)
        if self.crash == "after_send":
            raise WorkerKilled()  # the provider accepted the send; the row was never marked
        return result


@pytest.mark.parametrize("crash", ["after_send", "before_send"])
def test_worker_killed_mid_send_then_restart(client: TestClient, app: Any, db: Session, crash: str) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    draft_id = new_draft(mailbox)
    if crash == "before_send":
        # scheduled through the provider directly, so the row has no message id yet
        row_id = schedule(client, draft_id)["id"]
        db.exec(select(ScheduledSend)).one().internet_message_id = None
        db.commit()
    else:
        row_id = schedule(client, draft_id)["id"]
    doomed = worker(app, CrashingMailbox(mailbox, crash))
    with pytest.raises(WorkerKilled):
        asyncio.run(doomed.run_once())
    (row,) = rows(db)
    assert row.status == "sending"
    # a restart inside the lease leaves the row alone (its worker might still be busy) ...
    drain(worker(app))
    assert rows(db)[0].status == "sending"
    # ... and after the lease, recovers it: sent exactly once, never lost
    later = worker(app, clock=lambda: utcnow() + timedelta(minutes=5))
    drain(later)
    (row,) = rows(db)
    assert (str(row.id), row.status) == (row_id, "sent")
    assert mailbox.sends == [draft_id]


class FlakyMailbox(CrashingMailbox):
    def __init__(self, inner: FakeMailbox, failures: int) -> None:
        super().__init__(inner, crash="")
        self.failures = failures

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        if self.failures:
            self.failures -= 1
            raise MailboxUnavailable("Graph answered 503")
        return await self.inner.send_draft(access, draft_id, marker)


def test_transient_errors_retry_with_backoff(client: TestClient, app: Any, db: Session) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    schedule(client, new_draft(mailbox))
    flaky = FlakyMailbox(mailbox, failures=2)
    now = [utcnow()]
    w = worker(app, flaky, clock=lambda: now[0])
    drain(w)
    (row,) = rows(db)
    assert row.status == "pending" and row.attempts == 1 and "503" in (row.last_error or "")
    assert _utc(row.next_attempt_at) > now[0]
    for _ in range(5):
        now[0] += timedelta(minutes=6)
        drain(w)
    (row,) = rows(db)
    assert row.status == "sent" and row.attempts == 3
    assert len(mailbox.sends) == 1


def test_gives_up_at_the_deadline_with_the_reason(client: TestClient, app: Any, db: Session) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    created = schedule(client, new_draft(mailbox))
    now = [utcnow()]
    w = worker(app, FlakyMailbox(mailbox, failures=10_000), clock=lambda: now[0])
    for _ in range(40):
        drain(w)
        now[0] += timedelta(minutes=5)
    (row,) = rows(db)
    assert row.status == "failed"
    assert "503" in (row.last_error or "")
    shown = client.get("/v1/scheduled-sends", headers=ALEX).json()
    assert shown[0]["id"] == created["id"] and shown[0]["last_error"] == row.last_error
    assert mailbox.sends == []


def test_deleted_draft_fails_clearly(client: TestClient, app: Any, db: Session) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    draft_id = new_draft(mailbox)
    schedule(client, draft_id)
    mailbox._box(ACCESS).messages.pop(draft_id)
    drain(worker(app))
    (row,) = rows(db)
    assert (row.status, row.last_error) == ("failed", "The draft is no longer in the mailbox.")
    assert row.sent_message_id is None and mailbox.sends == []


def test_draft_the_user_sent_by_hand_before_its_time_counts_as_sent(client: TestClient, app: Any, db: Session) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    draft_id = new_draft(mailbox)
    schedule(client, draft_id)
    by_hand = asyncio.run(mailbox.send_draft(ACCESS, draft_id))  # from Outlook itself: no marker of the row
    drain(worker(app))
    (row,) = rows(db)
    assert (row.status, row.sent_message_id, row.last_error) == ("sent", by_hand.internet_message_id, None)
    assert by_hand.internet_message_id and row.internet_message_id == by_hand.internet_message_id
    assert mailbox.sends == [draft_id]  # the user's own send, none by the worker


def test_cancel_races_with_the_worker(client: TestClient, app: Any, db: Session) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    created = [schedule(client, new_draft(mailbox, f"Race {i}")) for i in range(60)]
    outcomes: dict[str, int] = {}

    def cancel_all() -> None:
        for item in created:
            outcomes[item["id"]] = client.delete(f"/v1/scheduled-sends/{item['id']}", headers=ALEX).status_code

    canceller = threading.Thread(target=cancel_all)
    canceller.start()
    drain(worker(app, batch=1))
    canceller.join()
    by_id = {str(r.id): r for r in rows(db)}
    sent_drafts = set(mailbox.sends)
    assert len(mailbox.sends) == len(sent_drafts)
    for item in created:
        row = by_id[item["id"]]
        if outcomes[item["id"]] == 200:
            assert row.status == "cancelled" and item["draft_id"] not in sent_drafts
        else:
            assert outcomes[item["id"]] == 409
            assert row.status == "sent" and item["draft_id"] in sent_drafts


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=utcnow().tzinfo)


class StealingMailbox(CrashingMailbox):
    """While this worker reads the draft, its lease runs out and another worker takes the row."""

    def __init__(self, inner: FakeMailbox, db: Session) -> None:
        super().__init__(inner, crash="")
        self.db = db

    async def get_message(self, access: MailboxAccess, message_id: str) -> MailMessage:
        row = self.db.exec(select(ScheduledSend)).one()
        row.claimed_by = "another-worker"
        self.db.add(row)
        self.db.commit()
        return await self.inner.get_message(access, message_id)


def test_a_worker_that_lost_its_claim_does_not_send(client: TestClient, app: Any, db: Session) -> None:
    mailbox: FakeMailbox = app.state.mailbox
    schedule(client, new_draft(mailbox))
    row = db.exec(select(ScheduledSend)).one()
    row.internet_message_id = None  # so the worker reads the draft first
    db.add(row)
    db.commit()
    asyncio.run(worker(app, StealingMailbox(mailbox, db)).run_once())
    assert mailbox.sends == []
    (row,) = rows(db)
    assert (row.status, row.claimed_by, row.internet_message_id) == ("sending", "another-worker", None)


def test_concurrent_schedules_of_one_draft_leave_one_pending(client: TestClient, app: Any, db: Session) -> None:
    """One pending schedule per draft, however many requests race: the first wins (201), the rest get 409."""
    mailbox: FakeMailbox = app.state.mailbox
    draft_id = new_draft(mailbox)
    barrier = threading.Barrier(12)
    answers: list[Any] = []

    def post() -> None:
        barrier.wait()
        body = {"provider": "fake", "draft_id": draft_id, "delay_seconds": 60}
        answers.append(client.post("/v1/scheduled-sends", json=body, headers=ALEX))

    threads = [threading.Thread(target=post) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(a.status_code for a in answers) == [201] + [409] * 11
    [created] = [a.json() for a in answers if a.status_code == 201]
    for refused in (a for a in answers if a.status_code == 409):
        assert refused.json()["error"]["code"] == "already_scheduled"
        assert refused.json()["error"]["details"]["scheduled_send_id"] == created["id"]
    assert [(str(r.id), r.status) for r in rows(db)] == [(created["id"], "pending")]
    # Once cancelled, the draft may be scheduled again.
    assert client.delete(f"/v1/scheduled-sends/{created['id']}", headers=ALEX).status_code == 200
    schedule(client, draft_id)
    assert sorted(r.status for r in rows(db)) == ["cancelled", "pending"]


def test_the_database_refuses_a_second_active_schedule(app: Any, db: Session) -> None:
    """The constraint holds below the service too (another replica, an old one, a script)."""
    mailbox: FakeMailbox = app.state.mailbox
    draft_id = new_draft(mailbox)
    with TestClient(app) as client:
        first = schedule(client, draft_id)
    row = db.get(ScheduledSend, uuid.UUID(first["id"]))
    assert row is not None
    twin = ScheduledSend.model_validate({**row.model_dump(), "id": uuid.uuid4()})
    db.add(twin)
    with pytest.raises(IntegrityError):
        db.commit()
    db.rollback()
    twin.status = "sent"
    db.add(twin)
    db.commit()  # finished ones do not count
