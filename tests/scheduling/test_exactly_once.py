"""Exactly once, counted at the provider: several workers, and the database lost between send and status write."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlalchemy import event
from sqlmodel import Session

from app.common import utcnow
from app.db import normalize_url
from app.mailbox.fake import FakeMailbox
from tests.conftest import DEFAULT_PG
from tests.scheduling.counting import CountingMailbox
from tests.scheduling.test_scheduled_sends import drain, new_draft, rows, schedule, worker


def test_each_due_send_is_one_provider_call(client: TestClient, app: Any, db: Session, database_url: str) -> None:
    inner: FakeMailbox = app.state.mailbox
    drafts = [new_draft(inner, f"Order {i}") for i in range(200)]
    for draft_id in drafts:
        schedule(client, draft_id)
    counting = CountingMailbox(inner, latency=0.05)
    # PostgreSQL is the engine for several workers; SQLite has one.
    workers = [worker(app, counting, batch=10) for _ in range(3 if database_url.startswith("postgresql") else 1)]
    drain(*workers)
    assert counting.duplicates() == {}
    assert sorted(counting.calls) == sorted(drafts)
    assert {r.status for r in rows(db)} == {"sent"}
    assert {r.claimed_by for r in rows(db)} == {w.worker_id for w in workers}, "every worker took a share"


class DatabaseCut:
    """Cuts the service's database off, the way it can vanish under a running worker."""

    def __init__(self, app: Any, database_url: str) -> None:
        self.engine = app.state.engine
        self.database_url = database_url
        self.down = False
        self._admin: sa.Engine | None = None
        if database_url.startswith("postgresql"):
            server = normalize_url(os.environ.get("TEST_POSTGRES_URL", DEFAULT_PG))
            self._admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
        else:
            event.listen(self.engine, "before_cursor_execute", self._refuse)

    def _refuse(self, *_: Any) -> None:
        if self.down:
            raise sa.exc.OperationalError("unable to open database file", None, OSError("database gone"))

    def _alter(self, allow: bool) -> None:
        assert self._admin is not None
        name = sa.make_url(self.database_url).database
        with self._admin.connect() as conn:
            conn.execute(sa.text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS {str(allow).lower()}'))
            if not allow:
                conn.execute(
                    sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                    {"name": name},
                )

    def begin(self) -> None:
        if not self.down and self._admin is not None:
            self._alter(allow=False)
        self.down = True

    def end(self) -> None:
        if self.down and self._admin is not None:
            self._alter(allow=True)
        self.down = False

    def close(self) -> None:
        self.end()
        if self._admin is not None:
            self._admin.dispose()
        else:
            event.remove(self.engine, "before_cursor_execute", self._refuse)


@pytest.fixture
def database_cut(app: Any, database_url: str) -> Iterator[DatabaseCut]:
    cut = DatabaseCut(app, database_url)
    yield cut
    cut.close()


def test_database_lost_between_the_send_and_the_status_write(
    client: TestClient, app: Any, db: Session, database_cut: DatabaseCut
) -> None:
    inner: FakeMailbox = app.state.mailbox
    drafts = [new_draft(inner, f"Order {i}") for i in range(3)]
    for draft_id in drafts:
        schedule(client, draft_id)
    db.close()
    # The provider accepts the send; the database is gone before the row can say so.
    counting = CountingMailbox(inner, after_send=lambda _: database_cut.begin())
    with pytest.raises(sa.exc.OperationalError):
        asyncio.run(worker(app, counting, batch=1).run_once())
    database_cut.end()
    counting.after_send = None
    assert list(counting.calls.values()) == [1]
    assert sorted(r.status for r in rows(db)) == ["pending", "pending", "sending"], "the sent row stays claimed"
    # Within the lease nobody touches the claimed row (its worker may still be alive) ...
    drain(worker(app, counting))
    assert sorted(r.status for r in rows(db)) == ["sending", "sent", "sent"]
    # ... after it, a worker finds each message in Sent Items and records it, without sending again.
    drain(worker(app, counting, clock=lambda: utcnow() + timedelta(minutes=5)))
    assert {r.status for r in rows(db)} == {"sent"}
    assert counting.duplicates() == {}, "sent again after the outage"
    assert sorted(inner.sends) == sorted(drafts)
