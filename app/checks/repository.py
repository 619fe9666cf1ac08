from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Table
from sqlmodel import Session, col, select

from app.checks.models import AttachmentScan, CheckRecord, Correspondent, Dismissal
from app.checks.recorder import insert_skipping_stored, scan_row, upsert_scan
from app.common import new_id, utcnow


def get_check(session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID, check_id: uuid.UUID) -> CheckRecord | None:
    return session.exec(
        select(CheckRecord).where(
            CheckRecord.id == check_id, CheckRecord.tenant_id == tenant_id, CheckRecord.user_id == user_id
        )
    ).first()


def recent_checks(session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID, limit: int) -> list[CheckRecord]:
    return list(
        session.exec(
            select(CheckRecord)
            .where(CheckRecord.tenant_id == tenant_id, CheckRecord.user_id == user_id)
            .order_by(col(CheckRecord.created_at).desc())
            .limit(limit)
        ).all()
    )


def scans_by_hash(session: Session, tenant_id: uuid.UUID, hashes: Iterable[str]) -> dict[str, AttachmentScan]:
    wanted = list(set(hashes))
    if not wanted:
        return {}
    rows = session.exec(
        select(AttachmentScan).where(AttachmentScan.tenant_id == tenant_id, col(AttachmentScan.sha256).in_(wanted))
    ).all()
    return {row.sha256: row for row in rows}


def save_scan(session: Session, scan: AttachmentScan) -> AttachmentScan:
    """Insert, or update the row an earlier (or concurrent) scan of the same bytes saved: one statement."""
    session.execute(upsert_scan(_dialect(session)), [scan_row(scan)])
    return scan


def correspondent_rows(tenant_id: uuid.UUID, user_id: uuid.UUID, hashes: set[str]) -> list[dict[str, Any]]:
    now = utcnow()
    return [
        {"id": new_id(), "tenant_id": tenant_id, "user_id": user_id, "address_hash": h, "first_seen": now}
        for h in sorted(hashes)
    ]


def remember_correspondents(session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID, hashes: set[str]) -> None:
    """One statement for all of them; an address a concurrent send remembered first is skipped."""
    if not hashes:
        return
    table: Table = Correspondent.__table__  # type: ignore[attr-defined]
    session.execute(insert_skipping_stored(_dialect(session), table), correspondent_rows(tenant_id, user_id, hashes))


def _dialect(session: Session) -> str:
    return "postgresql" if session.get_bind().dialect.name == "postgresql" else "sqlite"


def dismissals_since(
    session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID, since: datetime
) -> dict[tuple[str, str, str], datetime]:
    """(code, recipient hash, evidence hash) -> when it was last dismissed."""
    rows = session.exec(
        select(Dismissal.code, Dismissal.recipient_hash, Dismissal.evidence_hash, Dismissal.created_at).where(
            Dismissal.tenant_id == tenant_id, Dismissal.user_id == user_id, Dismissal.created_at >= since
        )
    ).all()
    latest: dict[tuple[str, str, str], datetime] = {}
    for code, recipient, evidence, created in rows:
        key = (code, recipient, evidence)
        latest[key] = max(created, latest.get(key, created))
    return latest


def correspondent_hashes(session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID) -> set[str]:
    rows = session.exec(
        select(Correspondent.address_hash).where(Correspondent.tenant_id == tenant_id, Correspondent.user_id == user_id)
    ).all()
    return set(rows)
