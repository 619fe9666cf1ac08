from __future__ import annotations

import threading
from pathlib import Path

import sqlalchemy as sa
from fastapi.testclient import TestClient
from sqlmodel import SQLModel

from app.config import Settings
from app.db import create_db_engine, migrate
from app.main import create_app
from tests.helpers import ADMIN


def test_startup_creates_the_schema_on_a_new_sqlite_file(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'nested' / 'fresh.db'}"
    with TestClient(create_app(Settings(database_url=url, auth_mode="dev", _env_file=None))) as client:
        assert client.get("/v1/policy", headers=ADMIN).status_code == 200
    tables = set(sa.inspect(create_db_engine(url)).get_table_names())
    assert {t.name for t in SQLModel.metadata.sorted_tables} <= tables


def test_migrations_match_the_models(database_url: str) -> None:
    """A model change without a migration would make this fail."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_db_engine(database_url)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    engine.dispose()
    assert diff == []


def test_replicas_starting_together_migrate_once(database_url: str) -> None:
    engine = create_db_engine(database_url)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            migrate(engine)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    engine.dispose()
    assert errors == []


def test_duplicate_schedules_made_before_the_constraint_are_cancelled(tmp_path: Path) -> None:
    """0005 adds one-active-schedule-per-draft; drafts scheduled twice before it keep their earliest schedule."""
    from datetime import timedelta

    from alembic import command
    from sqlmodel import Session, select

    from app.common import utcnow
    from app.db import alembic_config
    from app.scheduling.models import ScheduledSend
    from app.tenants.models import Tenant, User

    engine = create_db_engine(f"sqlite:///{tmp_path / 'old.db'}")
    command.upgrade(alembic_config(engine), "0004")
    now = utcnow()
    with Session(engine) as session:
        tenant = Tenant(key="dev:acme-trade.example", name="Acme", internal_domains=["acme-trade.example"])
        user = User(tenant_id=tenant.id, subject="dev:alex", email="alex@acme-trade.example")
        session.add(tenant)
        session.flush()
        session.add(user)
        session.flush()
        for n, draft in enumerate(["d1", "d1", "d1", "d2"]):
            session.add(
                ScheduledSend(
                    tenant_id=tenant.id,
                    user_id=user.id,
                    user_email=user.email,
                    provider="fake",
                    draft_id=draft,
                    send_at=now,
                    next_attempt_at=now,
                    deadline_at=now + timedelta(minutes=30),
                    created_at=now + timedelta(seconds=n),
                )
            )
        session.commit()
    migrate(engine)
    with Session(engine) as session:
        found = session.exec(select(ScheduledSend).order_by(ScheduledSend.created_at)).all()
        assert [(r.draft_id, r.status) for r in found] == [
            ("d1", "pending"),
            ("d1", "cancelled"),
            ("d1", "cancelled"),
            ("d2", "pending"),
        ]
    engine.dispose()
