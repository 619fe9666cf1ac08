"""Database engine, sessions and schema migrations."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import make_url
from sqlmodel import create_engine

from app.db_timeouts import DatabaseTimeouts, bound_answers, long_statements, postgres_connect_args

if TYPE_CHECKING:  # alembic is imported to migrate only: a worker serving with MIGRATE_ON_START=false skips 11 MB
    from alembic.config import Config

log = logging.getLogger(__name__)

ALEMBIC_DIR = Path(__file__).resolve().parent / "migrations"
# Any constant works; every replica must use the same one so only one migrates at a time.
_MIGRATION_LOCK_ID = 0x5E4D6A4D
# Alembic keeps its context in module globals, so two migrations in one process must not overlap.
_MIGRATION_THREAD_LOCK = threading.Lock()


def normalize_url(url: str) -> str:
    """Accept plain postgresql:// URLs and use the psycopg 3 driver for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def create_db_engine(url: str, timeouts: DatabaseTimeouts | None = None) -> Engine:
    """An engine whose errors never carry SQL parameters (addresses, attachment names) into logs.

    The service passes its `DatabaseTimeouts`; without them (command-line tools) statements run unbounded.
    """
    url = normalize_url(url)
    if url.startswith("sqlite"):
        _ensure_sqlite_dir(url)
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            json_serializer=_dump_json,
            hide_parameters=True,
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    timeouts = timeouts or DatabaseTimeouts(connect_seconds=5, statement_seconds=0, pool_seconds=30)
    engine = create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=20,
        pool_timeout=timeouts.pool_seconds,
        connect_args=postgres_connect_args(timeouts),
        json_serializer=_dump_json,
        hide_parameters=True,
    )
    bound_answers(engine, timeouts)
    return engine


def _dump_json(value: object) -> str:
    # Keep Chinese and German text readable in JSON columns so that LIKE searches find it.
    return json.dumps(value, ensure_ascii=False)


def _ensure_sqlite_dir(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets readers go on while the scheduled-send worker or an import writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(ALEMBIC_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema up to date; safe when several replicas start at once on PostgreSQL."""
    with _MIGRATION_THREAD_LOCK:
        _migrate(engine)


def _migrate(engine: Engine) -> None:
    from alembic import command

    if engine.dialect.name == "postgresql":
        # Waiting for another replica's migration, and the migration itself, may take a while.
        with engine.connect() as conn, long_statements(conn):
            conn.execute(text("SELECT pg_advisory_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
            try:
                conn.commit()
                cfg = alembic_config(engine)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                conn.commit()
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:id)"), {"id": _MIGRATION_LOCK_ID})
                conn.commit()
        return
    command.upgrade(alembic_config(engine), "head")


def database_reachable(engine: Engine) -> bool:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return False
