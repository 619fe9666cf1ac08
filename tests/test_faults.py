"""The database going away for a few seconds: 503s with the error body, recovery without a restart,
and no scheduled send lost or doubled. PostgreSQL only: it is the engine that can vanish under a replica."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.db import normalize_url
from app.demo import load_demo_data
from app.mailbox.base import MailAddress, MailboxAccess, OutgoingDraft
from app.scheduling.models import ScheduledSend
from app.scheduling.worker import Worker
from tests.conftest import DEFAULT_PG
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")
CHECK = {"draft": {"to": [{"email": "m.schmidt@solartec.de"}], "body": "Dear Michael"}}


@pytest.fixture
def outage(database_url: str) -> Iterator[Any]:
    if not database_url.startswith("postgresql"):
        pytest.skip("an outage is simulated on PostgreSQL")
    name = sa.make_url(database_url).database
    admin = sa.create_engine(
        normalize_url(os.environ.get("TEST_POSTGRES_URL", DEFAULT_PG)), isolation_level="AUTOCOMMIT"
    )

    class Outage:
        def begin(self) -> None:
            with admin.connect() as conn:
                conn.execute(sa.text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
                conn.execute(
                    sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                    {"name": name},
                )

        def end(self) -> None:
            with admin.connect() as conn:
                conn.execute(sa.text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))

    outage = Outage()
    yield outage
    outage.end()
    admin.dispose()


def test_database_outage_gives_503_then_recovers(client: TestClient, app: Any, db: Session, outage: Any) -> None:
    load_demo_data(db)
    mailbox = app.state.mailbox
    access = MailboxAccess("alex@acme-trade.example")
    drafts = [
        asyncio.run(
            mailbox.create_draft(
                access,
                OutgoingDraft(to=(MailAddress("x@customer.example"),), subject="s", body_html="b", body_text="b"),
            )
        ).id
        for _ in range(20)
    ]
    for draft_id in drafts:
        response = client.post(
            "/v1/scheduled-sends", json={"provider": "fake", "draft_id": draft_id, "delay_seconds": 0}, headers=ALEX
        )
        assert response.status_code == 201
    assert client.post("/v1/drafts/check", json=CHECK, headers=ALEX).status_code == 200
    db.close()

    outage.begin()
    try:
        for _ in range(5):
            response = client.post("/v1/drafts/check", json=CHECK, headers=ALEX)
            assert response.status_code == 503
            assert response.json()["error"]["code"] == "database_unavailable"
            assert response.headers["Retry-After"]
        assert client.get("/readyz").status_code == 503
        worker = Worker(app.state.engine, mailbox, app.state.settings)
        with pytest.raises(sa.exc.OperationalError):
            asyncio.run(worker.run_once())
        assert mailbox.sends == []
    finally:
        outage.end()

    # the same app, no restart: requests and the worker carry on
    assert client.post("/v1/drafts/check", json=CHECK, headers=ALEX).status_code == 200
    assert client.get("/readyz").status_code == 200

    async def drain() -> None:
        while await worker.run_once():
            pass

    asyncio.run(drain())
    assert sorted(mailbox.sends) == sorted(drafts)
    with Session(app.state.engine) as session:
        assert {row.status for row in session.exec(select(ScheduledSend))} == {"sent"}
