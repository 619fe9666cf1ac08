"""Scheduled sends through the real Graph provider, over HTTP, against the fake Microsoft Graph and Entra.

The app (AUTH_MODE=entra, MAILBOX_PROVIDER=graph) schedules drafts the user made in their mailbox; workers
(app.scheduling.worker.Worker, each with its own GraphMailbox, as separate processes would have) send them later
with an app-only token through ``/users/{address}/...``. Each test runs on SQLite (one worker) and on PostgreSQL
(two workers where more than one makes sense). What counts is the fake's own log of accepted sends.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlmodel import Session, select

from app.common import utcnow
from app.config import Settings
from app.mailbox.base import MailboxAccess, SendResult
from app.mailbox.exceptions import ConsentMissing
from app.mailbox.fake_graph import FakeGraph, recipient
from app.mailbox.graph import SCHEDULE_MARKER, GraphMailbox
from app.scheduling.models import ScheduledSend
from app.scheduling.worker import Worker
from tests.directory.test_organizations import assert_error
from tests.mailbox.graph_env import ALEX, BOSS, M365, TENANT, Sleeps, bearer, graph_mailbox, m365_app
from tests.scheduling.test_scheduled_sends import WorkerKilled

BUYER = "m.schmidt@solartech.example"
LATER = timedelta(minutes=5)  # past the workers' two-minute lease


@pytest.fixture
def m365(settings: Settings) -> Iterator[M365]:
    with m365_app(settings) as env:
        yield env


@pytest.fixture
def db(m365: M365) -> Iterator[Session]:
    with Session(m365.app.state.engine, expire_on_commit=False) as session:
        yield session


def new_draft(fake: FakeGraph, subject: str = "Quotation", owner: str = ALEX) -> str:
    """A draft the user wrote in Outlook: it is in their mailbox, and SendGuard knows only its id."""
    return fake.add_message(owner, subject=subject, body="<p>Dear Michael,</p>", to=[recipient(BUYER)])


def schedule(m365: M365, draft_id: str, headers: dict[str, str] | None = None, **when: Any) -> dict[str, Any]:
    body = {"provider": "graph", "draft_id": draft_id, **(when or {"delay_seconds": 0})}
    response = m365.client.post("/v1/scheduled-sends", json=body, headers=headers or m365.alex)
    assert response.status_code == 201, response.text
    return response.json()


def provider(m365: M365, **kwargs: Any) -> GraphMailbox:
    """A worker process's own Graph provider (own HTTP client, own msal token cache), talking to the fake."""
    kwargs.setdefault("sleep", Sleeps())
    return graph_mailbox(m365.app.state.settings, m365.fake, **kwargs)


def graph_worker(m365: M365, mailbox: Any = None, **kwargs: Any) -> Worker:
    return Worker(m365.app.state.engine, mailbox or provider(m365), m365.app.state.settings, **kwargs)


def drain(*workers: Worker) -> None:
    """Run the workers until none finds anything due, then stop them (their providers are closed)."""

    async def run_all() -> None:
        async def until_empty(w: Worker) -> None:
            while await w.run_once():
                pass

        try:
            await asyncio.gather(*(until_empty(w) for w in workers))
        finally:
            for w in workers:
                await w.mailbox.aclose()

    asyncio.run(run_all())


def rows(db: Session) -> list[ScheduledSend]:
    db.expire_all()
    return list(db.exec(select(ScheduledSend)).all())


def worker_count(database_url: str) -> int:
    # PostgreSQL is the engine for several workers; SQLite has one.
    return 2 if database_url.startswith("postgresql") else 1


def sends(fake: FakeGraph) -> list[Any]:
    return [r for r in fake.graph_requests("/send") if r.method == "POST"]


def test_500_due_sends_each_sent_exactly_once(m365: M365, db: Session, database_url: str) -> None:
    drafts = [new_draft(m365.fake, f"Order {i}") for i in range(500)]
    headers = m365.alex
    for draft_id in drafts:
        schedule(m365, draft_id, headers)
    workers = [graph_worker(m365, batch=50, concurrency=16) for _ in range(worker_count(database_url))]
    drain(*workers)

    assert sorted(message for _, message in m365.fake.sent_log) == sorted(drafts)
    assert {mailbox for mailbox, _ in m365.fake.sent_log} == {ALEX}
    assert max(m365.fake.send_attempts.values()) == 1  # no second send was even tried
    assert {m["id"] for m in m365.fake.folder(ALEX, "sentitems")} == set(drafts)
    assert m365.fake.folder(ALEX, "drafts") == []
    by_draft = {r.draft_id: r for r in rows(db)}
    assert {r.status for r in by_draft.values()} == {"sent"}
    assert {r.attempts for r in by_draft.values()} == {1}
    for draft_id in drafts[:20]:
        assert by_draft[draft_id].sent_message_id == m365.fake.message(ALEX, draft_id)["internetMessageId"]
    assert {r.claimed_by for r in by_draft.values()} == {w.worker_id for w in workers}
    # In the background: app-only tokens (one per worker, then msal's cache) and the mailbox by its address.
    assert m365.fake.client_credentials_grants == len(workers)
    assert all(r.path.startswith(f"/v1.0/users/{ALEX}/messages/") for r in sends(m365.fake))
    assert not [r for r in m365.fake.graph_requests("/me/") if r.path.endswith("/send")]


@pytest.mark.parametrize("crash", ["after_send", "before_send"])
def test_worker_killed_mid_send_then_restart(m365: M365, db: Session, crash: str) -> None:
    draft_id = new_draft(m365.fake)
    created = schedule(m365, draft_id)
    doomed = provider(m365)
    try:
        with pytest.raises(WorkerKilled):
            asyncio.run(graph_worker(m365, Dying(doomed, crash)).run_once())
    finally:
        asyncio.run(doomed.aclose())
    (row,) = rows(db)
    assert row.status == "sending"
    assert m365.fake.sent_count(draft_id) == (1 if crash == "after_send" else 0)

    # A restart inside the lease leaves the row alone (its worker might still be busy) ...
    drain(graph_worker(m365))
    assert rows(db)[0].status == "sending"
    # ... and after it, recovers the row: sent exactly once, never lost.
    drain(graph_worker(m365, clock=lambda: utcnow() + LATER))
    (row,) = rows(db)
    assert (str(row.id), row.status, row.attempts) == (created["id"], "sent", 2)
    assert m365.fake.sent_log == [(ALEX, draft_id)]
    assert m365.fake.send_attempts[draft_id] == 1
    message = m365.fake.message(ALEX, draft_id)
    assert row.sent_message_id == message["internetMessageId"]
    # The restart looked for the message in Sent Items by the schedule's mark on it, in the user's mailbox.
    lookups = m365.fake.graph_requests(f"/users/{ALEX}/mailFolders/SentItems/messages")
    by_mark = f"ep/id eq '{SCHEDULE_MARKER}' and ep/value eq '{row.id}'"
    assert any(by_mark in r.query.get("$filter", "") for r in lookups)


class Dying:
    """The worker's Graph provider, but the process dies right before, or right after, Graph accepts the send."""

    def __init__(self, inner: GraphMailbox, crash: str) -> None:
        self.inner = inner
        self.crash = crash
        self.name = inner.name

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        if self.crash == "before_send":
            raise WorkerKilled()
        await self.inner.send_draft(access, draft_id, marker)
        raise WorkerKilled()  # Graph took the send (202); the row was never marked


def test_cancel_races_with_the_workers(m365: M365, db: Session, database_url: str) -> None:
    headers = m365.alex
    created = [schedule(m365, new_draft(m365.fake, f"Race {i}"), headers) for i in range(60)]
    outcomes: dict[str, int] = {}

    def cancel_all() -> None:
        for item in created:
            response = m365.client.delete(f"/v1/scheduled-sends/{item['id']}", headers=headers)
            outcomes[item["id"]] = response.status_code
            if response.status_code == 409:
                assert response.json()["error"]["code"] == "already_sending"

    canceller = threading.Thread(target=cancel_all)
    canceller.start()
    drain(*(graph_worker(m365, batch=1, concurrency=1) for _ in range(worker_count(database_url))))
    canceller.join()

    by_id = {str(r.id): r for r in rows(db)}
    assert max(m365.fake.send_attempts.values(), default=0) <= 1
    for item in created:
        row, draft_id = by_id[item["id"]], item["draft_id"]
        if outcomes[item["id"]] == 200:
            assert row.status == "cancelled" and m365.fake.send_attempts[draft_id] == 0
            assert m365.fake.message(ALEX, draft_id)["isDraft"] is True  # a cancelled draft stays in Drafts
        else:
            assert outcomes[item["id"]] == 409
            assert row.status == "sent" and m365.fake.sent_count(draft_id) == 1


def test_cancelled_before_the_workers_run_is_never_sent(m365: M365, db: Session, database_url: str) -> None:
    keep, drop = new_draft(m365.fake, "Keep"), new_draft(m365.fake, "Drop")
    schedule(m365, keep)
    dropped = schedule(m365, drop)
    response = m365.client.delete(f"/v1/scheduled-sends/{dropped['id']}", headers=m365.alex)
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    drain(*(graph_worker(m365) for _ in range(worker_count(database_url))))
    assert m365.fake.sent_log == [(ALEX, keep)]
    sent = next(r for r in rows(db) if r.draft_id == keep)
    assert_error(m365.client.delete(f"/v1/scheduled-sends/{sent.id}", headers=m365.alex), 409, "already_sending")
    again = m365.client.delete(f"/v1/scheduled-sends/{dropped['id']}", headers=m365.alex)
    assert again.status_code == 200 and again.json()["status"] == "cancelled"


def test_throttled_send_is_retried_and_sent_once(m365: M365, db: Session) -> None:
    draft_id = new_draft(m365.fake)
    schedule(m365, draft_id)
    m365.fake.fail("throttle", times=2, path=f"/messages/{draft_id}/send", retry_after=1)
    sleeps = Sleeps()
    drain(graph_worker(m365, provider(m365, sleep=sleeps)))
    (row,) = rows(db)
    assert row.status == "sent" and row.attempts == 1
    assert len(sleeps) == 2 and all(s >= 1 for s in sleeps)  # Retry-After honoured
    assert len(sends(m365.fake)) == 3
    assert m365.fake.sent_log == [(ALEX, draft_id)]


def test_a_throttling_storm_is_retried_by_the_worker_later(m365: M365, db: Session) -> None:
    draft_id = new_draft(m365.fake)
    schedule(m365, draft_id)
    m365.fake.fail("throttle", times=10_000, path="/send", retry_after=2)
    now = [utcnow()]
    drain(graph_worker(m365, clock=lambda: now[0]))
    (row,) = rows(db)
    assert row.status == "pending" and row.attempts == 1
    assert "throttled" in (row.last_error or "")
    assert m365.fake.sent_log == []
    m365.fake.failures.clear()  # Graph is calm again
    now[0] += LATER
    drain(graph_worker(m365, clock=lambda: now[0]))
    (row,) = rows(db)
    assert row.status == "sent" and row.attempts == 2
    assert m365.fake.sent_log == [(ALEX, draft_id)]


def test_token_service_unavailable_is_retried(m365: M365, db: Session) -> None:
    draft_id = new_draft(m365.fake)
    schedule(m365, draft_id)
    m365.fake.fail("unavailable", times=5, path="/oauth2/v2.0/token")
    now = [utcnow()]
    drain(graph_worker(m365, clock=lambda: now[0]))
    (row,) = rows(db)
    assert row.status == "pending" and row.attempts == 1 and m365.fake.sent_log == []
    m365.fake.failures.clear()
    now[0] += LATER
    drain(graph_worker(m365, clock=lambda: now[0]))
    assert rows(db)[0].status == "sent"
    assert m365.fake.sent_log == [(ALEX, draft_id)]


@pytest.mark.parametrize("refusal", ["no_consent", "no_mail_send", "access_policy"])
def test_no_background_permission_fails_the_row_with_the_reason(m365: M365, db: Session, refusal: str) -> None:
    draft_id = new_draft(m365.fake)
    created = schedule(m365, draft_id)
    if refusal == "no_consent":  # the app has no service principal in the tenant: the token endpoint says no
        m365.fake.deny_consent()
    elif refusal == "no_mail_send":  # consented, but without the application permission Mail.Send
        m365.fake.set_app_roles({"Mail.ReadWrite"})
    else:  # an application access policy that leaves out this mailbox
        m365.fake.restrict_app_access([BOSS])
    drain(graph_worker(m365))
    (row,) = rows(db)
    assert row.status == "failed" and row.attempts == 1
    assert "administrator" in (row.last_error or "")
    assert m365.fake.sent_log == [] and m365.fake.message(ALEX, draft_id)["isDraft"] is True
    shown = m365.client.get("/v1/scheduled-sends", headers=m365.alex).json()
    assert shown[0]["id"] == created["id"] and shown[0]["status"] == "failed"


def test_an_access_policy_that_includes_the_mailbox_lets_it_send(m365: M365, db: Session) -> None:
    draft_id = new_draft(m365.fake)
    schedule(m365, draft_id)
    m365.fake.restrict_app_access([ALEX, BOSS])
    drain(graph_worker(m365))
    assert rows(db)[0].status == "sent"
    assert m365.fake.sent_log == [(ALEX, draft_id)]


def test_each_user_is_sent_from_their_own_mailbox(m365: M365, db: Session) -> None:
    mine, theirs = new_draft(m365.fake, owner=ALEX), new_draft(m365.fake, owner=BOSS)
    schedule(m365, mine)
    schedule(m365, theirs, bearer(m365.fake.issue_token(BOSS)))
    drain(graph_worker(m365))
    assert sorted(m365.fake.sent_log) == sorted([(ALEX, mine), (BOSS, theirs)])
    assert {r.status for r in rows(db)} == {"sent"}


def test_app_tokens_stay_out_of_the_logs(m365: M365, db: Session, caplog: pytest.LogCaptureFixture) -> None:
    schedule(m365, new_draft(m365.fake))
    caplog.set_level(logging.DEBUG)
    m365.fake.fail("throttle", times=1, path="/send", retry_after=0)
    drain(graph_worker(m365))
    assert rows(db)[0].status == "sent"
    assert m365.fake.app_tokens
    for token in m365.fake.app_tokens:
        assert token not in caplog.text
    assert ALEX not in caplog.text  # addresses (in /users/{address} URLs) are not logged either


def test_background_access_needs_an_entra_tenant(m365: M365) -> None:
    mailbox = provider(m365)
    with pytest.raises(ConsentMissing):
        asyncio.run(mailbox.background_access(ALEX, "google:acme-trade.example"))
    access = asyncio.run(mailbox.background_access(ALEX, f"entra:{TENANT}"))
    assert access.mailbox_path == f"/users/{ALEX}" and access.token in m365.fake.app_tokens
    asyncio.run(mailbox.aclose())
