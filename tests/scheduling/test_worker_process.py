"""The worker as a process: its loop (rounds, polling, the hourly purge, failed rounds) and its entry point."""

from __future__ import annotations

import asyncio
import logging
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import Engine

from app import config, db
from app.config import Settings
from app.db_timeouts import DatabaseTimeouts
from app.mailbox import dependencies
from app.scheduling import worker as worker_module
from app.scheduling.worker import Worker
from tests.scheduling.store import Clock, Owner, ScriptedMailbox, add_send, all_rows, load, new_draft

FAST_POLL = 0.02


def _fast(settings: Settings) -> Settings:
    return settings.model_copy(update={"scheduler_poll_seconds": FAST_POLL, "retention_days": 10})


def _old_finished_send(engine: Engine, owner: Owner, clock: Clock) -> None:
    old = clock.now - timedelta(days=11)
    add_send(engine, owner, "draft-old", old, status="sent", updated_at=old)


async def _until(condition: Any, limit: float = 10.0) -> None:
    ends = time.monotonic() + limit
    while not await asyncio.to_thread(condition):
        assert time.monotonic() < ends, "the worker did not get there in time"
        await asyncio.sleep(0.01)


def _statuses(engine: Engine) -> list[str]:
    return sorted(r.status for r in all_rows(engine))


def test_a_stopped_worker_does_nothing(engine: Engine, owner: Owner, settings: Settings, clock: Clock) -> None:
    add_send(engine, owner, "draft-1", clock.now)
    _old_finished_send(engine, owner, clock)
    stop = asyncio.Event()
    stop.set()
    asyncio.run(Worker(engine, ScriptedMailbox(), _fast(settings), clock=clock).run(stop))
    assert _statuses(engine) == ["pending", "sent"]


def test_the_loop_purges_sends_what_is_due_polls_for_more_and_stops(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock
) -> None:
    mailbox = ScriptedMailbox()
    first = add_send(engine, owner, new_draft(mailbox.inner), clock.now)
    _old_finished_send(engine, owner, clock)
    worker = Worker(engine, mailbox, _fast(settings), clock=clock)
    purges: list[float] = []
    purge = worker._purge
    worker._purge = lambda: purges.append(time.monotonic()) or purge()  # type: ignore[method-assign]
    later = new_draft(mailbox.inner, "Later")

    async def main() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop))
        await _until(lambda: _statuses(engine) == ["sent"])
        second = add_send(engine, owner, later, clock.now)
        await _until(lambda: load(engine, second).status == "sent")
        stop.set()
        await asyncio.wait_for(task, timeout=5)

    asyncio.run(main())
    assert load(engine, first).status == "sent" and len(mailbox.inner.sends) == 2
    assert len(purges) == 1


def test_an_idle_worker_waits_the_poll_interval_but_stops_at_once(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock
) -> None:
    worker = Worker(engine, ScriptedMailbox(), settings.model_copy(update={"scheduler_poll_seconds": 30}), clock=clock)
    rounds: list[int] = []
    run_once = worker.run_once

    async def counted() -> int:
        rounds.append(1)
        return await run_once()

    worker.run_once = counted  # type: ignore[method-assign]

    async def main() -> float:
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop))
        await asyncio.sleep(0.3)
        stop.set()
        started = time.monotonic()
        await asyncio.wait_for(task, timeout=5)
        return time.monotonic() - started

    assert asyncio.run(main()) < 2
    assert rounds == [1]


def test_a_failed_round_is_logged_and_the_next_one_tries_again(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    mailbox = ScriptedMailbox()
    send_id = add_send(engine, owner, new_draft(mailbox.inner), clock.now)
    _old_finished_send(engine, owner, clock)
    poll = 0.3
    worker = Worker(engine, mailbox, _fast(settings).model_copy(update={"scheduler_poll_seconds": poll}), clock=clock)
    failures = ["purge", "claim"]
    purge, claim = worker._purge, worker._claim
    calls: dict[str, list[float]] = {"purge": [], "claim": []}

    def failing(step: str, real: Any) -> Any:
        def call() -> Any:
            calls[step].append(time.monotonic())
            if failures and failures[0] == step:
                failures.pop(0)
                raise sa.exc.OperationalError("SELECT 1", None, OSError("database restarting"))
            return real()

        return call

    worker._purge = failing("purge", purge)  # type: ignore[method-assign]
    worker._claim = failing("claim", claim)  # type: ignore[method-assign]

    async def main() -> None:
        stop = asyncio.Event()
        task = asyncio.create_task(worker.run(stop))
        await _until(lambda: load(engine, send_id).status == "sent")
        stop.set()
        await asyncio.wait_for(task, timeout=5)

    with caplog.at_level(logging.ERROR, logger="app.scheduling.worker"):
        asyncio.run(main())
    assert [r.getMessage() for r in caplog.records] == ["scheduled-send round failed; retrying"] * 2
    assert failures == [] and _statuses(engine) == ["sent"]  # the purge ran once it could
    # Round 1: the purge fails. Round 2: the purge works, the claim fails. Round 3: the claim works.
    (failed_purge, purge_again), (failed_claim, claim_again) = calls["purge"], calls["claim"][:2]
    assert min(purge_again - failed_purge, claim_again - failed_claim) >= poll * 0.9, "retried after a poll interval"


class Monotonic:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now


def test_purges_again_only_after_an_hour(
    engine: Engine, settings: Settings, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_time = Monotonic()
    monkeypatch.setattr(worker_module, "time", fake_time)
    worker = Worker(engine, ScriptedMailbox(), _fast(settings), clock=clock)
    purged_at: list[float] = []
    worker._purge = lambda: purged_at.append(fake_time.now)  # type: ignore[method-assign]
    stop = asyncio.Event()
    steps = [3600.0, 1.0, 0.0]

    async def one_round() -> int:
        fake_time.now += steps.pop(0)
        if not steps:
            stop.set()
        return 1

    worker.run_once = one_round  # type: ignore[method-assign]
    asyncio.run(worker.run(stop))
    assert purged_at == [0.0, 3601.0]


# -- the entry point: `python -m app.scheduling.worker` ------------------------------------------------------


class NoHandler(Exception):
    pass


@pytest.fixture
def process_env(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptedMailbox]:
    """The environment a worker process starts in, and the mailbox its provider factory hands out."""
    monkeypatch.chdir(tmp_path)  # no .env from the checkout
    for name, value in {
        "DATABASE_URL": database_url,
        "MAILBOX_PROVIDER": "fake",
        "AUTH_MODE": "dev",
        "SCHEDULER_POLL_SECONDS": str(FAST_POLL),
        "LOG_LEVEL": "INFO",
        "DB_STATEMENT_TIMEOUT_SECONDS": "2.5",
    }.items():
        monkeypatch.setenv(name, value)
    config.get_settings.cache_clear()
    mailbox = ScriptedMailbox()
    built: list[Settings] = []

    def build_provider(settings: Settings) -> ScriptedMailbox:
        built.append(settings)
        return mailbox

    monkeypatch.setattr(dependencies, "build_provider", build_provider)
    engines: list[DatabaseTimeouts | None] = []
    real_create_db_engine = db.create_db_engine

    def create_db_engine(url: str, timeouts: DatabaseTimeouts | None = None) -> Engine:
        engines.append(timeouts)
        return real_create_db_engine(url, timeouts)

    monkeypatch.setattr(db, "create_db_engine", create_db_engine)
    yield mailbox
    config.get_settings.cache_clear()
    assert [s.database_url for s in built] == [database_url]
    # A stuck statement in the worker ends as it would in a request: the service's limits, from the environment.
    assert engines == [DatabaseTimeouts(connect_seconds=2.0, statement_seconds=2.5, pool_seconds=1.0)]


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT])
def test_the_worker_process_sends_from_the_configured_database_until_signalled(
    engine: Engine,
    owner: Owner,
    clock: Clock,
    process_env: ScriptedMailbox,
    capsys: pytest.CaptureFixture[str],
    stop_signal: signal.Signals,
) -> None:
    assert threading.current_thread() is threading.main_thread()  # where signal handlers can be installed
    send_id = add_send(engine, owner, new_draft(process_env.inner), clock.now)

    def raise_no_handler(*_: Any) -> None:
        raise NoHandler(f"the worker did not handle {stop_signal.name}")

    previous = signal.signal(stop_signal, raise_no_handler)

    returned = threading.Event()

    def stop_once_sent() -> None:
        ends = time.monotonic() + 10
        while time.monotonic() < ends and load(engine, send_id).status != "sent":
            if returned.wait(0.02):
                return  # the worker gave up on its own: nothing to stop
        os.kill(os.getpid(), stop_signal)

    stopper = threading.Thread(target=stop_once_sent)
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    root.handlers.clear()  # unconfigured, as in a fresh process: the worker sets up logging itself
    root.setLevel(logging.WARNING)
    try:
        stopper.start()
        worker_module.main()
    finally:
        returned.set()
        stopper.join()
        signal.signal(stop_signal, previous)
        configured_level = root.level
        root.handlers[:] = handlers
        root.setLevel(level)
    assert load(engine, send_id).status == "sent"
    assert configured_level == logging.INFO
    logged = capsys.readouterr().err
    started = r"^INFO:app\.scheduling\.worker:scheduled-send worker \S+:[0-9a-f]{8} started$"
    assert re.search(started, logged, re.MULTILINE), logged
