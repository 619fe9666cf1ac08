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
