"""The sent-mail watch end to end through the real Graph provider, over HTTP, against the fake Microsoft Graph:
mail sent without the add-in is read by delta on Sent Items and a risky one is reported in the sender's Inbox."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlmodel import Session, select

from app.config import Settings
from app.tenants.models import User
from app.watch.models import WatchedMessage, WatchState
from app.watch.worker import Watcher
from tests.mailbox.graph_env import M365
from tests.watch.graph_env import RIVAL, add_users, graph_watcher, reports, send_risky, send_safe, watch_env


@pytest.fixture
def env(settings: Settings) -> Iterator[M365]:
    with watch_env(settings) as m365:
        yield m365


async def rounds(watcher: Watcher, times: int = 3) -> None:
    for _ in range(times):
        await watcher.run_once()


def test_watch_graph_reports_a_risky_sent_message_once(env: M365) -> None:
    (owner,) = add_users(env, 1)
    watcher = graph_watcher(env)
    before = send_risky(env.fake, owner, 0)  # sent before the watch began: never read

    async def scenario() -> None:
        await rounds(watcher, 1)  # enrolls the user; the watch starts from now
        send_risky(env.fake, owner, 1)
        send_safe(env.fake, owner, 2)
        await rounds(watcher, 3)

    asyncio.run(scenario())

    found = reports(env.fake, owner)
    assert len(found) == 1, [m["subject"] for m in found]
    report = found[0]
    assert "PI for order 2026-001" in report["subject"]
    assert report["isDraft"] is False and report["parentFolderId"] == "inbox"
    assert RIVAL in report["body"]["content"] and "recover=" in report["body"]["content"]
    with Session(env.app.state.engine) as session:
        rows = session.exec(select(WatchedMessage)).all()
        user = session.exec(select(User).where(User.email == owner)).one()
        state = session.exec(select(WatchState).where(WatchState.user_id == user.id)).one()
    assert sorted(r.status for r in rows) == ["clean", "reported"]
    assert state.claimed_by is None and state.cursor
    assert before not in report["body"]["content"]
