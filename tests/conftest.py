"""Fixtures: every database test runs on SQLite and on PostgreSQL.

PostgreSQL comes from TEST_POSTGRES_URL (a server URL; the suite creates and drops its own database).
When it is unreachable the PostgreSQL half is skipped locally, but fails under CI so that a green run
always means both engines were exercised.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlmodel import Session, SQLModel

import app.models
from app.checks.history import user_history
from app.config import Settings
from app.db import create_db_engine, migrate, normalize_url
from app.main import create_app
from app.tenants.service import identity_reloads
from bench.db_proxy import FaultyProxy

DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/postgres"


def _postgres_server_url() -> str:
    return normalize_url(os.environ.get("TEST_POSTGRES_URL", DEFAULT_PG))


def _create_postgres_database(worker: str) -> tuple[str, Engine]:
    server = sa.make_url(_postgres_server_url())
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})
    name = f"sendguard_test_{worker}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    return server.set(database=name).render_as_string(hide_password=False), admin


def _postgres_unavailable(exc: Exception) -> None:
    message = f"PostgreSQL not reachable at {_postgres_server_url()}: {type(exc).__name__}"
    if os.environ.get("CI") or os.environ.get("REQUIRE_POSTGRES"):
        pytest.fail(message)
    pytest.skip(message)


def _migrated_sqlite_template() -> Path:
    """A SQLite database migrated once per version of the migrations, copied by each session.

    Migrating costs about 0.15 CPU s per session; `make mutate` starts a session for every mutant it judges."""
    root = Path(__file__).resolve().parent.parent / "app"
    digest = hashlib.sha256()
    for source in [root / "db.py", *sorted((root / "migrations").rglob("*.py"))]:
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    template = Path(tempfile.gettempdir()) / f"sendguard-test-migrated-{digest.hexdigest()[:16]}.db"
    if not template.exists():
        scratch = template.with_name(f"{template.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}")
        engine = create_db_engine(f"sqlite:///{scratch}")
        migrate(engine)
        engine.dispose()  # the last connection closed: the write-ahead log is folded into the file
        os.replace(scratch, template)  # atomic: concurrent sessions see no file or a whole one
    return template


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    if request.param == "sqlite":
        path = Path(tmp_path_factory.mktemp("db")) / "sendguard.db"
        shutil.copyfile(_migrated_sqlite_template(), path)
        yield f"sqlite:///{path}"
        return
    try:
        url, admin = _create_postgres_database(worker)
    except Exception as exc:
        _postgres_unavailable(exc)
        return
    migrate_engine = create_db_engine(url)
    migrate(migrate_engine)
    migrate_engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{sa.make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def db_proxy(database_url: str) -> Iterator[FaultyProxy]:
    """A TCP proxy in front of the PostgreSQL test database (bench/db_proxy.py): the network, which can fail.
    Its URL is `behind(db_proxy, database_url)`."""
    if not database_url.startswith("postgresql"):
        pytest.skip("a database behind a network is PostgreSQL")
    url = sa.make_url(database_url)
    proxy = FaultyProxy((url.host or "127.0.0.1", url.port or 5432))
    yield proxy
    proxy.close()


def behind(proxy: FaultyProxy, database_url: str) -> str:
    return sa.make_url(database_url).set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        auth_mode="dev",
        mailbox_provider="fake",
        migrate_on_start=False,
        # Tests that need the scheduled-send worker run it themselves, step by step.
        scheduler_enabled=False,
        # Records written with each check, so tests can read them at once (tests/checks covers batching).
        check_record_batch_seconds=0,
        _env_file=None,  # type: ignore[call-arg]
    )


@pytest.fixture
def app(settings: Settings) -> Iterator[FastAPI]:
    application = create_app(settings)
    yield application
    _close_outside_lifespan(application)
    _empty_all_tables(application.state.engine)
    application.state.engine.dispose()


def _close_outside_lifespan(application: FastAPI) -> None:
    """What an app may have started without its lifespan: extraction workers (uvicorn in a thread), and a rebuild
    its index cache queued on a change notice (a test's commit bumps the tenant's version), and background reloads
    of identities and histories past their TTL. Any of them still reading would deadlock with the TRUNCATE that
    empties the tables."""
    application.state.extractor.close()
    application.state.index_cache.close()
    identity_reloads.wait_idle()
    user_history.reloads.wait_idle()


@pytest.fixture
def make_app(settings: Settings) -> Iterator[Callable[..., FastAPI]]:
    """Apps on the test database with some settings changed; emptied and closed after the test."""
    made: list[FastAPI] = []

    def build(**overrides: Any) -> FastAPI:
        application = create_app(settings.model_copy(update=overrides))
        made.append(application)
        return application

    yield build
    for application in made:
        _close_outside_lifespan(application)
        _empty_all_tables(application.state.engine)
        application.state.engine.dispose()


@pytest.fixture
def client(app: object) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:  # type: ignore[arg-type]
        yield test_client


@pytest.fixture
def db(app: object) -> Iterator[Session]:
    with Session(app.state.engine, expire_on_commit=False) as session:  # type: ignore[attr-defined]
        yield session


def _empty_all_tables(engine: Engine) -> None:
    tables = [t for t in reversed(SQLModel.metadata.sorted_tables)]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(sa.text(f"TRUNCATE {names} CASCADE"))
        else:
            for table in tables:
                conn.execute(table.delete())
