"""A send whose outcome is unknown is never retried blindly.

The fake Graph runs under uvicorn and takes longer to send than the provider waits for an answer: the request
times out on the worker's side while Exchange finishes the send. Two workers must still send each draft once.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator

import anyio
import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.config import Settings
from app.mailbox.graph import GraphMailbox
from app.mailbox.graph_auth import GraphAuth
from app.scheduling.worker import Worker
from tests.addons.servers import serve_asgi
from tests.mailbox.graph_env import ALEX, M365, m365_app
from tests.scheduling.test_scheduled_sends_graph import new_draft, rows, schedule

CLIENT_WAITS = 0.5  # GRAPH_TIMEOUT_SECONDS of the workers
SEND_TAKES = 4.0  # how long the fake Exchange takes to send
SETTLE = 6.0  # SCHEDULED_SEND_SETTLE_SECONDS: longer than a send may take


@pytest.fixture
def m365(settings: Settings) -> Iterator[M365]:
    with m365_app(settings, graph_timeout_seconds=CLIENT_WAITS, scheduled_send_settle_seconds=SETTLE) as env:
        yield env


@pytest.fixture
def db(m365: M365) -> Iterator[Session]:
    with Session(m365.app.state.engine, expire_on_commit=False) as session:
        yield session


def run_workers(m365: M365, url: str, db: Session, count: int, limit: float) -> None:
    """`count` workers, each with its own Graph provider over real HTTP, until every row is finished."""
    settings = m365.app.state.settings.model_copy(
        update={"graph_base_url": f"{url}v1.0", "scheduler_poll_seconds": 0.2}
    )

    def finished() -> bool:
        return all(r.status in ("sent", "failed") for r in rows(db))

    async def main() -> None:
        stop = asyncio.Event()
        workers = [
            Worker(
                m365.app.state.engine,
                GraphMailbox(settings, auth=GraphAuth(settings, http=TestClient(m365.fake.app))),
                settings,
            )
            for _ in range(count)
        ]
        tasks = [asyncio.create_task(w.run(stop)) for w in workers]
        ends = time.monotonic() + limit
        while time.monotonic() < ends and not await anyio.to_thread.run_sync(finished):
            await asyncio.sleep(0.2)
        stop.set()
        await asyncio.gather(*tasks)
        for w in workers:
            await w.mailbox.aclose()  # type: ignore[attr-defined]

    asyncio.run(main())


def test_a_send_that_outlives_the_client_timeout_is_sent_once(m365: M365, db: Session) -> None:
    drafts = [new_draft(m365.fake, f"Order {n}") for n in range(6)]
    for draft_id in drafts:
        schedule(m365, draft_id)
    m365.fake.send_delay = SEND_TAKES
    with serve_asgi(m365.fake.app) as url:
        run_workers(m365, url, db, count=2, limit=25)

    assert {draft_id: m365.fake.send_attempts[draft_id] for draft_id in drafts} == dict.fromkeys(drafts, 1)
    assert sorted(message for _, message in m365.fake.sent_log) == sorted(drafts)
    finished = rows(db)
    assert {r.status for r in finished} == {"sent"}
    # Each was recognised in Sent Items by the mark the worker put on it before sending.
    for row in finished:
        assert m365.fake.message(ALEX, row.draft_id)["singleValueExtendedProperties"][0]["value"] == str(row.id)
