"""1,000 messages sent across 50 Gmail users, two watcher processes (`python -m app.watch`) against the fake Gmail
over HTTP with domain-wide delegation; one process is killed (SIGKILL) mid-way and the other takes over its users
when their leases run out: every risky message is reported exactly once, no safe one, none checked at send time."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from app.config import Settings
from app.mailbox.fake_gmail import FakeGmail, sample_message
from tests.watch.gmail_env import CUSTOMER, RIVAL, GmailWatchEnv, add_users, gmail_watch_env, gmail_watcher, reports
from tests.watch.scale import (
    MESSAGES,
    USERS,
    Expected,
    all_started,
    assert_exactly_once,
    check_recorder,
    handled,
    send_all,
    statuses,
)

ROOT = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 900  # against a hang only


@pytest.fixture
def env(settings: Settings) -> Iterator[GmailWatchEnv]:
    with gmail_watch_env(settings) as gmail_env:
        yield gmail_env


def sender(gmail: FakeGmail) -> Callable[[str, int, bool], tuple[str, str]]:
    def send(owner: str, n: int, risky: bool) -> tuple[str, str]:
        subject = f"{'PI' if risky else 'Shipping update'} {n:04d}"
        if risky:
            raw = sample_message(
                owner,
                [RIVAL],
                subject,
                "Dear Laura, please find attached the PI for SolarTech GmbH.",
                attachments=[(f"PI_SolarTech_{n:04d}.pdf", "application/pdf", b"PI for SolarTech GmbH")],
            )
        else:
            raw = sample_message(owner, [CUSTOMER], subject, "Dear Michael, your SolarTech GmbH order ships soon.")
        gmail.put_message(owner, raw)
        return subject, str(message_from_bytes(raw, policy=policy.default)["Message-ID"])

    return send


def watcher_process(env: GmailWatchEnv) -> subprocess.Popen[bytes]:
    settings = env.app.state.settings
    values = {
        "DATABASE_URL": settings.database_url,
        "MAILBOX_PROVIDER": "gmail",
        "GMAIL_API_BASE_URL": env.ws.gmail_url,
        "GMAIL_DELEGATION_KEY": json.dumps(env.ws.key),
        "GMAIL_TIMEOUT_SECONDS": "10",
        "WATCH_POLL_SECONDS": "0.05",
        "WATCH_LEASE_SECONDS": "3",
        "EXTRACTION_WORKERS": "1",
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "app.watch"],
        cwd=ROOT,
        env={**os.environ, **values},
        start_new_session=True,  # its own process group: killing it kills its extraction worker too
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(condition: Callable[[], bool], processes: list[subprocess.Popen[bytes]]) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        for process in processes:
            assert process.poll() is None, (process.stderr.read() if process.stderr else b"").decode()[-3000:]
        assert time.monotonic() < deadline, "the watchers did not finish in time"
        time.sleep(0.2)


def test_watch_scale_gmail_two_watcher_processes_one_killed(env: GmailWatchEnv) -> None:
    engine = env.app.state.engine
    owners = add_users(env, USERS)
    starter = gmail_watcher(env)

    async def start_all() -> None:
        while not all_started(engine, owners):  # every user's watch starts before any mail is sent
            await starter.run_once()

    asyncio.run(start_all())
    expected = Expected()
    send_all(owners, range(MESSAGES), sender(env.gmail), check_recorder(engine), expected)

    first, second = watcher_process(env), watcher_process(env)
    try:
        wait_for(lambda: handled(engine) >= 150, [first, second])
        os.killpg(first.pid, signal.SIGKILL)  # mid-way, leases held, perhaps a report delivered but not marked
        first.wait(timeout=10)
        wait_for(lambda: handled(engine) >= MESSAGES, [second])
    finally:
        for process in (first, second):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                process.wait(timeout=30)

    assert_exactly_once(expected, lambda owner: reports(env.gmail, owner))
    assert sum(len(reports(env.gmail, o)) for o in owners) == expected.risky_count
    assert statuses(engine) == {"reported": expected.risky_count, "clean": 750, "checked_at_send": 25}
