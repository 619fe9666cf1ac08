"""Scheduled sends straight in the database, for tests of the worker and the queries without the HTTP API.

An API test of a send costs an app, a client and a request per draft; the worker's decisions need only a row,
the engine and a mailbox, so each of them can be proven in a few milliseconds (mutation testing runs them
hundreds of times).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from app.common import as_utc, utcnow
from app.config import Settings
from app.db import create_db_engine
from app.mailbox.base import MailAddress, MailboxAccess, OutgoingDraft, SendResult
from app.mailbox.fake import FakeMailbox
from app.scheduling.models import ScheduledSend
from app.scheduling.worker import Worker
from app.tenants.models import Tenant, User
from tests.conftest import _empty_all_tables

ALEX_EMAIL = "alex@acme-trade.example"
ACCESS = MailboxAccess(ALEX_EMAIL)


@dataclass
class Owner:
    tenant_id: uuid.UUID
    user_id: uuid.UUID
    email: str = ALEX_EMAIL


class Clock:
    """The workers' time: stands still until a test moves it."""

    def __init__(self) -> None:
        self.now = utcnow().replace(microsecond=0)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    engine = create_db_engine(database_url)
    yield engine
    _empty_all_tables(engine)
    engine.dispose()


@pytest.fixture
def owner(engine: Engine) -> Owner:
    with Session(engine) as session:
        tenant = Tenant(key="dev:acme-trade.example", name="Acme Trade", internal_domains=["acme-trade.example"])
        user = User(tenant_id=tenant.id, subject=f"dev:{ALEX_EMAIL}", email=ALEX_EMAIL)
        session.add(tenant)
        session.add(user)
        session.commit()
        return Owner(tenant.id, user.id)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def new_draft(mailbox: FakeMailbox, subject: str = "Quotation") -> str:
    to = (MailAddress("m.schmidt@solartech.example"),)
    draft = OutgoingDraft(to=to, subject=subject, body_html="<p>Hi</p>", body_text="Hi")
    return asyncio.run(mailbox.create_draft(ACCESS, draft)).id


def add_send(engine: Engine, owner: Owner, draft_id: str, when: datetime, **fields: Any) -> uuid.UUID:
    """A schedule as the API records it: due at `when`, its deadline 30 minutes later, the draft's message id."""
    values: dict[str, Any] = {
        "internet_message_id": f"<{draft_id}@fake.sendguard>",
        "deadline_at": when + timedelta(minutes=30),
        **fields,
    }
    row = ScheduledSend(
        tenant_id=owner.tenant_id,
        user_id=owner.user_id,
        user_email=owner.email,
        provider="fake",
        draft_id=draft_id,
        send_at=when,
        next_attempt_at=when,
        **values,
    )
    with Session(engine) as session:
        session.add(row)
        session.commit()
        return row.id


def load(engine: Engine, send_id: uuid.UUID) -> ScheduledSend:
    with Session(engine, expire_on_commit=False) as session:
        row = session.get(ScheduledSend, send_id)
        assert row is not None
        return row


def all_rows(engine: Engine) -> list[ScheduledSend]:
    with Session(engine, expire_on_commit=False) as session:
        return list(session.exec(select(ScheduledSend)).all())


def utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else as_utc(moment)


def make_worker(engine: Engine, mailbox: Any, settings: Settings, clock: Callable[[], datetime], **kw: Any) -> Worker:
    return Worker(engine, mailbox, settings, clock=clock, **kw)


def drain(worker: Worker) -> int:
    async def until_empty() -> int:
        handled = 0
        while count := await worker.run_once():
            handled += count
        return handled

    return asyncio.run(until_empty())


class ScriptedMailbox:
    """The in-memory mailbox, with every call the worker makes written down and chosen calls failing."""

    def __init__(self, inner: FakeMailbox | None = None) -> None:
        self.inner = inner or FakeMailbox()
        self.name = self.inner.name
        self.calls: list[tuple[Any, ...]] = []
        self.send_raises: BaseException | None = None
        self.get_raises: BaseException | None = None
        self.send_result: SendResult | None = None
        self.found: bool | None = None  # find_sent's answer; None: ask the in-memory mailbox
        self.on_send: Callable[[str], None] | None = None
        self.sent_before_raising = False  # the provider sent it, then its answer was lost

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def get_message(self, access: MailboxAccess, message_id: str) -> Any:
        self.calls.append(("get_message", access.user_email, message_id))
        if self.get_raises is not None:
            raise self.get_raises
        return await self.inner.get_message(access, message_id)

    async def find_sent(
        self, access: MailboxAccess, internet_message_id: str | None, marker: str | None = None
    ) -> bool:
        self.calls.append(("find_sent", access.user_email, internet_message_id, marker))
        if self.found is not None:
            return self.found
        return await self.inner.find_sent(access, internet_message_id, marker)

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        self.calls.append(("send_draft", access.user_email, draft_id, marker))
        if self.on_send is not None:
            self.on_send(draft_id)
        if self.send_raises is not None and not self.sent_before_raising:
            raise self.send_raises
        result = await self.inner.send_draft(access, draft_id, marker)
        if self.send_raises is not None:
            raise self.send_raises
        return self.send_result or result

    def names(self) -> list[str]:
        return [call[0] for call in self.calls]
