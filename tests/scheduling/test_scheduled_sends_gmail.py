"""Scheduled sends for Gmail through domain-wide delegation (`pytest -k delegation`).

The app runs with AUTH_MODE=google and MAILBOX_PROVIDER=gmail; the user signs in with a Google ID token (signed
here, checked against certificates served locally). Workers, each with its own GmailMailbox, get delegated tokens
from the fake Google token endpoint with a service-account key generated here, and send the drafts through the
real Gmail client against the fake Gmail. What counts is the fake Gmail's own log of drafts.send calls.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session, select

from app.common import utcnow
from app.config import Settings
from app.mailbox.base import MailboxAccess, SendResult
from app.mailbox.fake_gmail import FakeGmail, sample_message
from app.mailbox.gmail import GmailMailbox
from app.main import create_app
from app.scheduling.models import ScheduledSend
from app.scheduling.worker import Worker
from tests.addons.conftest import CLIENT_ID, Google
from tests.addons.servers import serve_json
from tests.mailbox.delegation_env import DOMAIN, Workspace, workspace
from tests.scheduling.test_scheduled_sends import WorkerKilled

ALEX = f"alex@{DOMAIN}"
BUYER = ("Michael Schmidt", "m.schmidt@solartech.example")


@pytest.fixture(scope="module")
def env() -> Iterator[tuple[Workspace, Google, str]]:
    google = Google()
    with workspace() as ws, serve_json(google.certs) as certs_url:
        yield ws, google, certs_url


@pytest.fixture
def ws(env: tuple[Workspace, Google, str]) -> Iterator[Workspace]:
    workspace_ = env[0]
    workspace_.authorise()
    workspace_.gmail.requests.clear()
    workspace_.oauth.grants.clear()
    workspace_.gmail.clear_drafts(ALEX)
    yield workspace_
    workspace_.oauth.revoke(DOMAIN, workspace_.key["client_id"])


@pytest.fixture
def settings(database_url: str, env: tuple[Workspace, Google, str]) -> Settings:
    ws, _, certs_url = env
    return Settings(
        database_url=database_url,
        auth_mode="google",
        google_client_id=CLIENT_ID,
        google_certs_url=certs_url,
        migrate_on_start=False,
        scheduler_enabled=False,
        check_record_batch_seconds=0,
        tenant_signup="open",  # Alex's Workspace signs up on first use (where the setting exists)
        _env_file=None,  # type: ignore[call-arg]
        **ws.settings_values(),
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[Any]:
    from tests.conftest import _empty_all_tables

    application = create_app(settings)
    yield application
    _empty_all_tables(application.state.engine)
    application.state.engine.dispose()


@pytest.fixture
def alex(env: tuple[Workspace, Google, str]) -> dict[str, str]:
    return {"Authorization": f"Bearer {env[1].user_token(email=ALEX, hd=DOMAIN)}"}


def new_draft(ws: Workspace, subject: str = "Quotation") -> str:
    """A draft the user wrote in Gmail: it is in their mailbox, and SendGuard knows only its draft id."""
    return ws.gmail.save_draft(ALEX, sample_message(ALEX, [BUYER], subject, "Dear Michael, our quotation."))


def schedule(client: TestClient, headers: dict[str, str], draft_id: str, **when: Any) -> Any:
    body = {"provider": "gmail", "draft_id": draft_id, **(when or {"delay_seconds": 0})}
    return client.post("/v1/scheduled-sends", json=body, headers=headers)


def gmail_worker(settings: Settings, app: Any, mailbox: Any = None, **kwargs: Any) -> Worker:
    """A worker process: its own GmailMailbox (own delegated-token cache)."""
    return Worker(app.state.engine, mailbox or GmailMailbox(settings), settings, **kwargs)


def drain(*workers: Worker) -> None:
    async def run_all() -> None:
        async def until_empty(w: Worker) -> None:
            while await w.run_once():
                pass

        await asyncio.gather(*(until_empty(w) for w in workers))

    asyncio.run(run_all())


def sends(gmail: FakeGmail) -> list[str]:
    return [r["path"] for r in gmail.requests if r["method"] == "POST" and r["path"].endswith("/drafts/send")]


def rows(db: Session) -> list[ScheduledSend]:
    db.expire_all()
    return list(db.exec(select(ScheduledSend)).all())


@pytest.fixture
def db(app: Any) -> Iterator[Session]:
    with Session(app.state.engine, expire_on_commit=False) as session:
        yield session


def test_delegation_scheduled_gmail_sends_go_out_exactly_once(
    ws: Workspace, settings: Settings, app: Any, alex: dict[str, str], db: Session, database_url: str
) -> None:
    drafts = [new_draft(ws, f"Order {i}") for i in range(30)]
    with TestClient(app) as client:
        for draft_id in drafts:
            assert schedule(client, alex, draft_id).status_code == 201
    workers = [gmail_worker(settings, app, batch=10) for _ in range(2 if database_url.startswith("postgres") else 1)]

    drain(*workers)

    assert len(sends(ws.gmail)) == len(drafts)  # one drafts.send per draft, none repeated
    assert ws.gmail.drafts_of(ALEX) == {}
    assert {r.status for r in rows(db)} == {"sent"} and {r.attempts for r in rows(db)} == {1}
    assert {r.sent_message_id for r in rows(db)} == {r.internet_message_id for r in rows(db)}
    # One token exchange for the API and one per worker for Alex, however many sends.
    assert ws.oauth.grants[ALEX] <= 1 + len(workers)


def test_delegation_scheduled_gmail_send_can_be_cancelled(
    ws: Workspace, settings: Settings, app: Any, alex: dict[str, str], db: Session
) -> None:
    draft_id = new_draft(ws)
    with TestClient(app) as client:
        created = schedule(client, alex, draft_id, delay_seconds=600).json()
        cancelled = client.delete(f"/v1/scheduled-sends/{created['id']}", headers=alex)
        assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    drain(gmail_worker(settings, app, clock=lambda: utcnow() + timedelta(minutes=20)))
    assert sends(ws.gmail) == [] and draft_id in ws.gmail.drafts_of(ALEX)


class DiesAfterSending:
    """A worker's Gmail provider whose process dies right after Gmail accepted the send."""

    def __init__(self, inner: GmailMailbox) -> None:
        self.inner = inner
        self.name = inner.name

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def send_draft(self, access: MailboxAccess, draft_id: str, *args: Any, **kwargs: Any) -> SendResult:
        await self.inner.send_draft(access, draft_id, *args, **kwargs)
        raise WorkerKilled()


def test_delegation_send_whose_answer_was_lost_is_found_in_sent_mail_not_sent_again(
    ws: Workspace, settings: Settings, app: Any, alex: dict[str, str], db: Session
) -> None:
    draft_id = new_draft(ws)
    with TestClient(app) as client:
        assert schedule(client, alex, draft_id).status_code == 201
    with pytest.raises(WorkerKilled):
        asyncio.run(gmail_worker(settings, app, DiesAfterSending(GmailMailbox(settings))).run_once())
    assert rows(db)[0].status == "sending"

    drain(gmail_worker(settings, app, clock=lambda: utcnow() + timedelta(minutes=5)))  # after the lease

    (row,) = rows(db)
    assert row.status == "sent" and row.sent_message_id == row.internet_message_id
    assert len(sends(ws.gmail)) == 1


def test_delegation_token_service_away_means_later_not_lost(
    ws: Workspace, settings: Settings, app: Any, alex: dict[str, str], db: Session
) -> None:
    draft_id = new_draft(ws)
    with TestClient(app) as client:
        assert schedule(client, alex, draft_id).status_code == 201
    away = settings.model_copy(
        update={"gmail_delegation_key": SecretStr(json.dumps({**ws.key, "token_uri": "http://127.0.0.1:9/token"}))}
    )
    drain(gmail_worker(away, app))
    (row,) = rows(db)
    assert row.status == "pending" and row.last_error and sends(ws.gmail) == []

    drain(gmail_worker(settings, app, clock=lambda: utcnow() + timedelta(minutes=10)))
    assert rows(db)[0].status == "sent" and len(sends(ws.gmail)) == 1


def test_delegation_revoked_by_the_admin_fails_the_send_with_the_reason(
    ws: Workspace, settings: Settings, app: Any, alex: dict[str, str], db: Session
) -> None:
    draft_id = new_draft(ws)
    with TestClient(app) as client:
        assert schedule(client, alex, draft_id).status_code == 201
    ws.oauth.revoke(DOMAIN, ws.key["client_id"])

    drain(gmail_worker(settings, app))

    (row,) = rows(db)
    assert row.status == "failed" and "domain-wide delegation" in (row.last_error or "")
    assert sends(ws.gmail) == [] and draft_id in ws.gmail.drafts_of(ALEX)


def test_delegation_missing_keeps_the_current_message(ws: Workspace, settings: Settings, alex: dict[str, str]) -> None:
    plain = create_app(settings.model_copy(update={"gmail_delegation_key": SecretStr("")}))
    try:
        with TestClient(plain) as client:
            response = schedule(client, alex, new_draft(ws))
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "consent_missing"
    finally:
        plain.state.engine.dispose()
