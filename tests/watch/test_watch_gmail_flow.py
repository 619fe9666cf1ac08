"""The sent-mail watch end to end through the real Gmail client and domain-wide delegation, over HTTP, against the
fake Gmail: history on the SENT label, reports inserted into the Inbox, a history gap read again by date, and
Gmail's rate limit waited out."""

from __future__ import annotations

from collections.abc import Iterator
from email import message_from_bytes, policy

import pytest
from sqlmodel import Session, select

from app.checks.message_ids import message_hash
from app.checks.models import CheckRecord
from app.common import as_utc, utcnow
from app.config import Settings
from app.tenants.models import Tenant, User
from app.watch.models import WatchedMessage, WatchState
from tests.watch.gmail_env import (
    GmailWatchEnv,
    add_users,
    gmail_watch_env,
    gmail_watcher,
    reports,
    send_risky,
    send_safe,
)
from tests.watch.rounds import make_due, run


@pytest.fixture
def env(settings: Settings) -> Iterator[GmailWatchEnv]:
    with gmail_watch_env(settings) as gmail_env:
        yield gmail_env


def test_watch_gmail_reports_risky_mail_once_in_the_inbox(env: GmailWatchEnv) -> None:
    (owner,) = add_users(env, 1)
    watcher = gmail_watcher(env)
    send_risky(env.gmail, owner, 0)  # before the watch began
    run(watcher, 1, lambda: send_risky(env.gmail, owner, 1), lambda: send_safe(env.gmail, owner, 2), 3)
    found = reports(env.gmail, owner)
    assert len(found) == 1 and "2026-001" in found[0]
    inbox = [m for m in env.gmail._users[owner].messages.values() if "INBOX" in m.labels]
    parsed = message_from_bytes(inbox[0].raw, policy=policy.default)
    html = parsed.get_body(("html",))
    assert html is not None and "recover=" in html.get_content() and "l.gomez@sunpeak.example" in html.get_content()
    with Session(env.app.state.engine) as session:
        assert sorted(r.status for r in session.exec(select(WatchedMessage)).all()) == ["clean", "reported"]


def test_watch_gmail_history_gap_reads_by_date_without_loss_or_double(env: GmailWatchEnv) -> None:
    (owner,) = add_users(env, 1)
    watcher = gmail_watcher(env)
    run(watcher, 1, lambda: send_risky(env.gmail, owner, 1), 2)
    assert len(reports(env.gmail, owner)) == 1
    send_risky(env.gmail, owner, 2)  # in the gap
    env.gmail.expire_history(owner)  # Gmail forgot the history: the stored id answers 404
    make_due(env, owner)
    run(watcher, 2)
    found = sorted(reports(env.gmail, owner))
    assert len(found) == 2 and "2026-001" in found[0] and "2026-002" in found[1]
    make_due(env, owner)
    run(watcher, 1, lambda: send_risky(env.gmail, owner, 3), 2)
    assert len(reports(env.gmail, owner)) == 3


def test_watch_gmail_rate_limit_waits_retry_after(env: GmailWatchEnv) -> None:
    (owner,) = add_users(env, 1)
    watcher = gmail_watcher(env)
    run(watcher, 1, lambda: send_risky(env.gmail, owner, 1))
    env.gmail.throttle(owner, 1, retry_after=90)
    make_due(env, owner)
    run(watcher, 1)
    state = make_due(env, owner)  # read before it is made due again
    assert reports(env.gmail, owner) == [] and state.last_error == "mailbox_unavailable"
    run(watcher, 2)
    assert len(reports(env.gmail, owner)) == 1


def test_watch_gmail_rate_limit_sets_the_next_poll(env: GmailWatchEnv) -> None:
    (owner,) = add_users(env, 1)
    watcher = gmail_watcher(env)
    run(watcher, 1, lambda: send_risky(env.gmail, owner, 1))
    env.gmail.throttle(owner, 1, retry_after=90)
    run(watcher, 1)
    with Session(env.app.state.engine) as session:
        user = session.exec(select(User).where(User.email == owner)).one()
        state = session.exec(select(WatchState).where(WatchState.user_id == user.id)).one()
    assert 80 < (as_utc(state.next_poll_at) - utcnow()).total_seconds() <= 91


def test_watch_gmail_skips_a_whole_draft_checked_message(env: GmailWatchEnv) -> None:
    (owner,) = add_users(env, 1)
    watcher = gmail_watcher(env)

    def checked_then_sent() -> None:
        sent = send_risky(env.gmail, owner, 4)
        raw = env.gmail._users[owner].messages[sent].raw
        internet_id = str(message_from_bytes(raw, policy=policy.default)["Message-ID"])
        with Session(env.app.state.engine) as session:
            tenant = session.exec(select(Tenant)).one()
            user = session.exec(select(User).where(User.email == owner)).one()
            # What the whole-draft check records: the draft's Message-ID (Gmail keeps it on send), hashed.
            session.add(
                CheckRecord(
                    tenant_id=tenant.id,
                    user_id=user.id,
                    client="gmail",
                    trigger="compose",
                    verdict="block",
                    message_hash=message_hash(tenant.id, internet_id),
                )
            )
            session.commit()

    run(watcher, 1, checked_then_sent, lambda: send_risky(env.gmail, owner, 5), 3)
    found = reports(env.gmail, owner)
    assert len(found) == 1 and "2026-005" in found[0]
