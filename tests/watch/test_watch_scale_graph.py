"""1,000 messages sent across 50 users (Graph), two watchers; one is abandoned mid-batch, as a killed process
leaves it (its leases held, a report perhaps delivered but not yet marked), and the other takes over when the
leases run out: every risky message is reported exactly once, no safe one, none checked at send time."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlmodel import Session, col, func, select

from app.config import Settings
from app.mailbox.fake_graph import FakeGraph, file_attachment, recipient
from app.tenants.models import User
from app.watch.models import WatchedMessage, WatchState
from tests.mailbox.graph_env import M365
from tests.watch.graph_env import CUSTOMER, RIVAL, add_users, graph_watcher, reports, watch_env
from tests.watch.scale import MESSAGES, USERS, Expected, assert_exactly_once, check_recorder, send_all

LEASE = timedelta(seconds=2)
DEADLINE_SECONDS = 600  # against a hang only


@pytest.fixture
def env(settings: Settings) -> Iterator[M365]:
    with watch_env(settings) as m365:
        yield m365


def sender(fake: FakeGraph):  # type: ignore[no-untyped-def]
    def send(owner: str, n: int, risky: bool) -> tuple[str, str]:
        subject = f"{'PI' if risky else 'Shipping update'} {n:04d}"
        message_id = fake.add_message(
            owner,
            subject=subject,
            body=(
                "<p>Dear Laura, please find attached the PI for SolarTech GmbH.</p>"
                if risky
                else "<p>Dear Michael, your SolarTech GmbH order ships next week.</p>"
            ),
            to=[recipient(RIVAL if risky else CUSTOMER)],
            attachments=[file_attachment(f"PI_SolarTech_{n:04d}.pdf", b"PI for SolarTech GmbH")] if risky else [],
            is_draft=False,
            folder="sentitems",
        )
        return subject, fake.message(owner, message_id)["internetMessageId"]

    return send


def handled(env: M365) -> int:
    with Session(env.app.state.engine) as session:
        return int(session.exec(select(func.count()).select_from(WatchedMessage)).one())


def all_started(env: M365, owners: list[str]) -> bool:
    """Every sender is enrolled and has a cursor: mail they send from now on is read."""
    with Session(env.app.state.engine) as session:
        started = session.exec(
            select(func.count())
            .select_from(WatchState)
            .join(User, col(User.id) == col(WatchState.user_id))
            .where(col(WatchState.cursor).is_not(None), col(User.email).in_(owners))
        ).one()
    return int(started) == len(owners)


async def until(condition, seconds: float = DEADLINE_SECONDS) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the watchers did not finish in time"
        await asyncio.sleep(0.05)


def test_watch_scale_graph_two_watchers_one_abandoned(env: M365) -> None:
    owners = add_users(env, USERS)
    first = graph_watcher(env, watcher_id="watcher-a", lease=LEASE, batch=10)
    second = graph_watcher(env, watcher_id="watcher-b", lease=LEASE, batch=10)
    expected = Expected()
    send = sender(env.fake)
    remember = check_recorder(env.app.state.engine)

    async def scenario() -> None:
        stop = asyncio.Event()
        while not all_started(env, owners):  # every user's watch starts before any mail is sent
            await first.run_once()
        send_all(owners, range(0, MESSAGES // 2), send, remember, expected)
        a = asyncio.create_task(first.run(asyncio.Event()))
        b = asyncio.create_task(second.run(stop))
        send_all(owners, range(MESSAGES // 2, MESSAGES), send, remember, expected)
        await until(lambda: handled(env) >= 150)
        a.cancel()  # killed mid-batch: its leases stay until they run out
        with contextlib.suppress(asyncio.CancelledError):
            await a
        await until(lambda: handled(env) >= MESSAGES)
        stop.set()
        await b

    asyncio.run(scenario())

    assert_exactly_once(expected, lambda owner: [m["subject"] for m in reports(env.fake, owner)])
    assert sum(len(reports(env.fake, o)) for o in owners) == expected.risky_count
    with Session(env.app.state.engine) as session:
        statuses = dict(
            session.exec(select(WatchedMessage.status, func.count()).group_by(WatchedMessage.status)).all()  # type: ignore[arg-type]
        )
    assert statuses == {"reported": expected.risky_count, "clean": 750, "checked_at_send": 25}
