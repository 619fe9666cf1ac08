"""Proof that nothing the service accepted was lost: scheduled sends and incidents.

Read from the database directly (not through the proxy) and from the fake mailbox's own count of send calls per
draft, after the scheduled-send queue has drained:
- every scheduled send answered 201 has its row, and is either `sent` with exactly one send call at the mailbox,
  or `failed` with a reason and no send call;
- no draft at all (also those whose schedule request got a 503) had more than one send call, and no draft was sent
  without a row asking for it;
- every incident answered 201 is stored, and so is the record of every check answered 200 (written in batches,
  kept in memory while the database is away).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlmodel import col

from app.checks.models import CheckRecord
from app.incidents.models import Incident
from app.scheduling.models import ScheduledSend
from bench.soak.users import Accepted

WAITING = ("pending", "sending")


@dataclass
class Proof:
    drained_after_s: float
    waiting: int
    statuses: dict[str, int]
    accepted_sends: int
    sent_once: int
    sent_after_a_retry: int  # the database went away during an earlier attempt
    failed_with_reason: int
    sends_of_unaccepted: int
    accepted_incidents: int
    incidents_found: int
    accepted_checks: int
    check_records_found: int
    violations: list[str] = field(default_factory=list)

    @property
    def holds(self) -> bool:
        return not self.violations


def wait_drained(engine: sa.Engine, seconds: float) -> tuple[float, int]:
    """Until no scheduled send is pending or being sent (or `seconds` pass): (seconds waited, still waiting)."""
    started = time.monotonic()
    while True:
        with engine.connect() as conn:
            waiting = conn.execute(
                sa.select(sa.func.count()).where(col(ScheduledSend.status).in_(WAITING))
            ).scalar_one()
        if waiting == 0 or time.monotonic() - started > seconds:
            return time.monotonic() - started, int(waiting)
        time.sleep(1.0)


def prove(
    engine: sa.Engine, accepted: Accepted, mailbox_sends: Callable[[], dict[str, Any]], drain_seconds: float
) -> Proof:
    waited, waiting = wait_drained(engine, drain_seconds)
    attempts: dict[str, int] = mailbox_sends()["attempts"]
    with engine.connect() as conn:
        columns = (
            col(ScheduledSend.id),
            col(ScheduledSend.draft_id),
            col(ScheduledSend.status),
            col(ScheduledSend.last_error),
            col(ScheduledSend.attempts),
        )
        rows = {str(r.id): r for r in conn.execute(sa.select(*columns)).all()}
        incident_ids = {str(i) for i in conn.execute(sa.select(col(Incident.id))).scalars()}
        check_ids = {str(i) for i in conn.execute(sa.select(col(CheckRecord.id))).scalars()}
    statuses: dict[str, int] = {}
    for row in rows.values():
        statuses[row.status] = statuses.get(row.status, 0) + 1
    violations: list[str] = []
    sent_once = retried = failed = 0
    for send_id, draft_id in sorted(accepted.sends.items()):
        stored = rows.get(send_id)
        calls = attempts.get(draft_id, 0)
        if stored is None:
            violations.append(f"scheduled send {send_id} (answered 201) is not stored")
        elif stored.status == "sent" and calls == 1:
            sent_once += 1
            retried += stored.attempts > 1
        elif stored.status == "failed" and stored.last_error and calls == 0:
            failed += 1
        else:
            violations.append(f"scheduled send {send_id}: status {stored.status}, {calls} send calls")
    scheduled_drafts = {row.draft_id for row in rows.values()}
    for draft_id, calls in sorted(attempts.items()):
        if calls > 1:
            violations.append(f"draft {draft_id} had {calls} send calls")
        if draft_id not in scheduled_drafts:
            violations.append(f"draft {draft_id} was sent without a scheduled send")
    unaccepted = set(accepted.offered_drafts) - set(accepted.sends.values())
    missing = accepted.incidents - incident_ids
    violations += [f"incident {i} (answered 201) is not stored" for i in sorted(missing)]
    unrecorded = accepted.checks - check_ids
    violations += [f"check {i} (answered 200) has no record" for i in sorted(unrecorded)]
    return Proof(
        drained_after_s=waited,
        waiting=waiting,
        statuses=statuses,
        accepted_sends=len(accepted.sends),
        sent_once=sent_once,
        sent_after_a_retry=retried,
        failed_with_reason=failed,
        sends_of_unaccepted=sum(1 for d in unaccepted if attempts.get(d, 0) > 0),
        accepted_incidents=len(accepted.incidents),
        incidents_found=len(accepted.incidents) - len(missing),
        accepted_checks=len(accepted.checks),
        check_records_found=len(accepted.checks) - len(unrecorded),
        violations=violations,
    )
