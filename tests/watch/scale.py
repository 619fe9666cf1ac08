"""The mail of the scale tests: 1,000 sent messages across 50 users, a known share risky, safe, or checked at send
time (a check record holds the hash of its internet message id), and what each user's Inbox must end up with."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine
from sqlmodel import Session, col, func, select

from app.checks.message_ids import message_hash
from app.checks.models import CheckRecord
from app.tenants.models import Tenant, User
from app.watch.models import WatchedMessage, WatchState

USERS = 50
MESSAGES = 1_000


@dataclass
class Expected:
    risky: dict[str, set[str]] = field(default_factory=dict)  # owner -> subjects that must be reported once
    quiet: dict[str, set[str]] = field(default_factory=dict)  # owner -> subjects that must never be reported

    def add(self, owner: str, subject: str, report: bool) -> None:
        (self.risky if report else self.quiet).setdefault(owner, set()).add(subject)

    @property
    def risky_count(self) -> int:
        return sum(len(s) for s in self.risky.values())


def kind_of(n: int) -> str:
    """Every 4th message is risky, every 10th risky one was checked at send time; the rest are safe."""
    if n % 4 == 0:
        return "checked" if n % 40 == 0 else "risky"
    return "safe"


def send_all(
    owners: list[str],
    numbers: range,
    send: Callable[[str, int, bool], tuple[str, str]],
    remember_check: Callable[[str, str], None],
    expected: Expected,
) -> None:
    """`send(owner, n, risky)` puts a message in Sent Items and returns (subject, internet message id)."""
    for n in numbers:
        owner = owners[n % len(owners)]
        kind = kind_of(n)
        subject, internet_id = send(owner, n, kind != "safe")
        if kind == "checked":
            remember_check(owner, internet_id)
        expected.add(owner, subject, kind == "risky")


def check_recorder(engine: Engine) -> Callable[[str, str], None]:
    """A send-time check of the message, as the add-in's check leaves it: a record with the id's hash."""

    def remember(owner: str, internet_id: str) -> None:
        with Session(engine) as session:
            tenant = session.exec(select(Tenant)).one()
            user = session.exec(select(User).where(User.email == owner)).one()
            session.add(
                CheckRecord(
                    id=uuid.uuid4(),
                    tenant_id=tenant.id,
                    user_id=user.id,
                    client="outlook",
                    trigger="send",
                    verdict="block",
                    message_hash=message_hash(tenant.id, internet_id),
                )
            )
            session.commit()

    return remember


def assert_exactly_once(expected: Expected, reported: Callable[[str], list[str]]) -> None:
    problems = []
    for owner in sorted({*expected.risky, *expected.quiet}):
        subjects = reported(owner)
        for subject in expected.risky.get(owner, set()):
            count = sum(1 for s in subjects if s.endswith(f"– {subject}"))
            if count != 1:
                problems.append(f"{owner}: {subject} reported {count} times")
        for subject in expected.quiet.get(owner, set()):
            if any(s.endswith(f"– {subject}") for s in subjects):
                problems.append(f"{owner}: {subject} reported but should not be")
    assert problems == [], problems[:20]


def all_started(engine: Engine, owners: list[str]) -> bool:
    """Every sender is enrolled and has a cursor: mail they send from now on is read."""
    with Session(engine) as session:
        started = session.exec(
            select(func.count())
            .select_from(WatchState)
            .join(User, col(User.id) == col(WatchState.user_id))
            .where(col(WatchState.cursor).is_not(None), col(User.email).in_(owners))
        ).one()
    return int(started) == len(owners)


def handled(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(WatchedMessage)).one())


def statuses(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        rows = session.exec(select(WatchedMessage.status, func.count()).group_by(col(WatchedMessage.status))).all()
    return {status: int(count) for status, count in rows}
