"""The document history of a tenant is asked for at most every TTL, never given to another tenant, and a job
finished meanwhile (by any process) is in use once the TTL has passed."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session

from app.learning.history import DocumentHistories
from app.learning.models import LearningJob
from app.tenants.models import Tenant, User

SHA_A = "a" * 64
SHA_B = "b" * 64


def _proposal(sha: str, org: str) -> dict[str, Any]:
    return {
        "organizations": [{"key": org, "name": org, "domains": [f"{org}.example"]}],
        "documents": [{"sha256": sha, "org_keys": [org], "name": "PI_1.pdf", "messages": 3}],
    }


def _tenant(db: Session, name: str) -> tuple[uuid.UUID, uuid.UUID]:
    tenant = Tenant(key=f"dev:{name}.example", name=name, internal_domains=[f"{name}.example"])
    db.add(tenant)
    db.flush()
    user = User(tenant_id=tenant.id, subject=f"dev:a@{name}.example", email=f"a@{name}.example", role="admin")
    db.add(user)
    db.commit()
    return tenant.id, user.id


def _finish_job(db: Session, tenant: tuple[uuid.UUID, uuid.UUID], proposal: dict[str, Any], age_s: int) -> None:
    finished = datetime.now(UTC) - timedelta(seconds=age_s)
    db.add(
        LearningJob(
            tenant_id=tenant[0],
            user_id=tenant[1],
            status="done",
            since=finished,
            proposal=proposal,
            finished_at=finished,
        )
    )
    db.commit()


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_histories_are_per_tenant_and_a_new_job_shows_after_the_ttl(db: Session) -> None:
    acme, other = _tenant(db, "acme"), _tenant(db, "other")
    _finish_job(db, acme, _proposal(SHA_A, "solartech"), age_s=60)
    clock = Clock()
    histories = DocumentHistories(ttl=0.5, clock=clock)
    first = histories.for_tenant(db, acme[0])
    assert first is not None and set(first.by_hash) == {SHA_A}
    assert histories.for_tenant(db, other[0]) is None  # acme's history is acme's alone

    _finish_job(db, acme, _proposal(SHA_B, "sunpeak"), age_s=0)  # as another process would
    clock.now += 0.4
    assert histories.for_tenant(db, acme[0]) is first  # within the TTL: not asked again
    clock.now += 0.2
    newer = histories.for_tenant(db, acme[0])
    assert newer is not None and set(newer.by_hash) == {SHA_B}
    assert histories.for_tenant(db, other[0]) is None

    _finish_job(db, other, _proposal(SHA_A, "rival"), age_s=0)
    clock.now += 0.6
    theirs = histories.for_tenant(db, other[0])
    assert theirs is not None and [o.name for o in theirs.by_hash[SHA_A]] == ["rival"]
    assert histories.for_tenant(db, acme[0]) is newer
