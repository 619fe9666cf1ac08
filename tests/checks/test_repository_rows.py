"""Rows the checks read and write: each user's checks and each tenant's scans stay their own, and remembered
correspondents are rows with the hash and when it was first seen."""

from __future__ import annotations

import uuid
from datetime import datetime
from types import SimpleNamespace
from typing import Any

from sqlmodel import Session

from app.checks import repository
from app.checks.models import AttachmentScan, CheckRecord
from app.tenants.models import Tenant, User


def _tenant_and_user(db: Session, key: str) -> tuple[uuid.UUID, uuid.UUID]:
    tenant = Tenant(key=key, name=key, internal_domains=[f"{key}.example"])
    db.add(tenant)
    db.flush()
    user = User(tenant_id=tenant.id, subject=key, email=f"u@{key}.example")
    db.add(user)
    db.flush()
    return tenant.id, user.id


def _check(tenant_id: uuid.UUID, user_id: uuid.UUID) -> CheckRecord:
    return CheckRecord(tenant_id=tenant_id, user_id=user_id, client="api", trigger="send", verdict="ok")


def test_a_check_is_found_only_by_its_id_for_its_own_user_and_tenant(db: Session) -> None:
    tenant_a, user_a = _tenant_and_user(db, "a")
    tenant_b, user_b = _tenant_and_user(db, "b")
    mine, other = _check(tenant_a, user_a), _check(tenant_a, user_a)
    db.add_all([mine, other])
    db.commit()

    found = repository.get_check(db, tenant_a, user_a, mine.id)
    assert found is not None and found.id == mine.id
    assert repository.get_check(db, tenant_a, user_a, other.id).id == other.id  # type: ignore[union-attr]
    assert repository.get_check(db, tenant_b, user_a, mine.id) is None
    assert repository.get_check(db, tenant_a, user_b, mine.id) is None


def test_scans_are_found_by_hash_within_the_tenant_only(db: Session) -> None:
    tenant_a, _ = _tenant_and_user(db, "a")
    tenant_b, _ = _tenant_and_user(db, "b")
    db.add_all(
        [
            AttachmentScan(tenant_id=tenant_a, sha256="1" * 64, doc_class="offer"),
            AttachmentScan(tenant_id=tenant_a, sha256="2" * 64, doc_class="invoice"),
            AttachmentScan(tenant_id=tenant_b, sha256="3" * 64, doc_class="contract"),
        ]
    )
    db.commit()

    found = repository.scans_by_hash(db, tenant_a, ["1" * 64, "3" * 64, "1" * 64])
    assert {sha: scan.doc_class for sha, scan in found.items()} == {"1" * 64: "offer"}
    assert repository.scans_by_hash(db, tenant_a, []) == {}


def test_correspondent_rows_carry_each_hash_once_with_ids_and_when_first_seen() -> None:
    tenant_id, user_id = uuid.uuid4(), uuid.uuid4()
    rows = repository.correspondent_rows(tenant_id, user_id, {"h2", "h1"})
    assert [set(row) for row in rows] == [{"id", "tenant_id", "user_id", "address_hash", "first_seen"}] * 2
    assert [row["address_hash"] for row in rows] == ["h1", "h2"]
    assert all(row["tenant_id"] == tenant_id and row["user_id"] == user_id for row in rows)
    assert all(isinstance(row["id"], uuid.UUID) and isinstance(row["first_seen"], datetime) for row in rows)
    assert rows[0]["id"] != rows[1]["id"]


class _Recording:
    """A session that records the statements it is given (it has no database)."""

    def __init__(self, dialect: str) -> None:
        self.dialect = dialect
        self.executed: list[tuple[Any, Any]] = []

    def get_bind(self) -> Any:
        return SimpleNamespace(dialect=SimpleNamespace(name=self.dialect))

    def execute(self, statement: Any, params: Any = None) -> None:
        self.executed.append((statement, params))


def test_no_correspondents_no_statement() -> None:
    session = _Recording("sqlite")
    repository.remember_correspondents(session, uuid.uuid4(), uuid.uuid4(), set())  # type: ignore[arg-type]
    assert session.executed == []
    repository.remember_correspondents(session, uuid.uuid4(), uuid.uuid4(), {"h1"})  # type: ignore[arg-type]
    assert [[row["address_hash"] for row in params] for _statement, params in session.executed] == [["h1"]]


def test_the_dialect_is_postgresql_or_else_sqlite() -> None:
    assert repository._dialect(_Recording("postgresql")) == "postgresql"  # type: ignore[arg-type]
    assert repository._dialect(_Recording("sqlite")) == "sqlite"  # type: ignore[arg-type]
