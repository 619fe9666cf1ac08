"""Replicas starting together on new PostgreSQL databases: separate processes, one schema, no failures.

Each process is its own Python with its own engine, so only the database's advisory lock can keep their
migrations apart (a lock inside one process proves nothing here). The replicas load and connect first, then
start each migration together on a word from the test, on several fresh databases in turn.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import SQLModel

from tests.conftest import _create_postgres_database, _postgres_unavailable

REPLICAS = 4
ROUNDS = 3
ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import json, sys
import app.models
from alembic.script import ScriptDirectory
from app.db import alembic_config, create_db_engine, migrate
urls = json.loads(sys.argv[1])
engines = [create_db_engine(url) for url in urls]
for engine in engines:
    engine.connect().close()
ScriptDirectory.from_config(alembic_config(engines[0])).get_revisions("head")
for engine in engines:
    print("ready", flush=True)
    sys.stdin.readline()
    migrate(engine)
print("done", flush=True)
"""


def _schema(url: str) -> tuple[list[str], set[str]]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        versions = list(conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalars())
        tables = set(sa.inspect(conn).get_table_names())
    engine.dispose()
    return versions, tables


def _start_together(replicas: list[subprocess.Popen[str]]) -> None:
    """Wait until every replica is ready, then let them all go at once."""
    for replica in replicas:
        assert replica.stdout is not None
        line = replica.stdout.readline()
        if line.strip() != "ready":
            return  # it died; its exit status and stderr tell why
    for replica in replicas:
        assert replica.stdin is not None
        replica.stdin.write("go\n")
        replica.stdin.flush()


def test_replicas_migrating_new_databases_at_once() -> None:
    created: list[str] = []
    admins: list[Engine] = []
    try:
        for _ in range(ROUNDS):
            url, admin = _create_postgres_database("race")
            created.append(url)
            admins.append(admin)
    except Exception as exc:
        _postgres_unavailable(exc)
        return
    try:
        replicas = [
            subprocess.Popen(
                [sys.executable, "-c", CHILD, json.dumps(created)],
                cwd=ROOT,
                env={**os.environ, "AUTH_MODE": "dev"},
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(REPLICAS)
        ]
        for _ in created:
            _start_together(replicas)
        results = [p.communicate(timeout=180) for p in replicas]
        failures = [err[-3000:] for p, (_, err) in zip(replicas, results, strict=True) if p.returncode != 0]
        assert not failures, failures[0]
        assert all(out.strip().endswith("done") for out, _ in results)
        for url in created:
            versions, tables = _schema(url)
            assert len(versions) == 1
            assert {t.name for t in SQLModel.metadata.sorted_tables} <= tables
    finally:
        for url in created:
            with admins[0].connect() as conn:
                conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{sa.make_url(url).database}" WITH (FORCE)'))
        for admin in admins:
            admin.dispose()
