"""A database that stops answering without closing its connections: 503 within 5 s, then recovery.

A small TCP proxy in front of PostgreSQL stands for the network (bench/db_proxy.py): while it stalls it keeps
every connection open and accepts new ones, but passes no byte on (what it holds is delivered when it resumes).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.db import _MIGRATION_LOCK_ID, create_db_engine, migrate
from app.db_timeouts import DatabaseTimeouts
from bench.db_proxy import FaultyProxy
from tests.conftest import behind
from tests.helpers import headers

ANSWER_WITHIN_SECONDS = 5.0
ADMIN = headers("boss@stall.example", admin=True)
CHECK = {"draft": {"to": [{"email": "m.schmidt@solartech.example"}], "body": "Dear Michael"}}


@pytest.fixture
def stalling_app(
    db_proxy: FaultyProxy, database_url: str, make_app: Callable[..., FastAPI]
) -> Iterator[tuple[FastAPI, FaultyProxy]]:
    yield make_app(database_url=behind(db_proxy, database_url)), db_proxy
    db_proxy.forward()  # the tables are emptied through it


def _timed(client: TestClient, method: str, path: str, **kwargs: Any) -> tuple[int, str, float]:
    started = time.monotonic()
    response = client.request(method, path, headers=ADMIN, **kwargs)
    code = response.json().get("error", {}).get("code", "") if response.status_code >= 400 else ""
    return response.status_code, code, time.monotonic() - started


@pytest.mark.parametrize("fault", ["stall", "refuse"])
def test_a_silent_or_refusing_database_answers_503_within_5_s_and_recovers(
    stalling_app: tuple[FastAPI, FaultyProxy], fault: str
) -> None:
    """A black hole (no answer, nothing closed) and an outage (connections closed and refused) alike."""
    app, proxy = stalling_app
    calls = [
        ("GET", "/v1/policy", {}),
        ("POST", "/v1/drafts/check", {"json": CHECK}),
        ("POST", "/v1/organizations", {"json": {"name": "Stalled GmbH", "kind": "customer"}}),
        ("PUT", "/v1/policy", {"json": {"bcc_threshold": 3}}),
        ("GET", "/readyz", {}),
    ]
    with TestClient(app, raise_server_exceptions=False) as client:
        assert client.get("/v1/policy", headers=ADMIN).status_code == 200
        assert client.post("/v1/drafts/check", json=CHECK, headers=ADMIN).status_code == 200

        getattr(proxy, fault)()
        with ThreadPoolExecutor(max_workers=len(calls) * 2) as pool:
            futures = [pool.submit(_timed, client, method, path, **kwargs) for method, path, kwargs in calls * 2]
            _, hanging = wait(futures, timeout=ANSWER_WITHIN_SECONDS + 2)
            proxy.forward()  # a hung request must not hang the test too
            assert not hanging, f"{len(hanging)} requests still waiting on the database"
            results = [f.result() for f in futures]
        for status, code, seconds in results:
            assert (status, code) == (503, "database_unavailable"), results
            assert seconds < ANSWER_WITHIN_SECONDS, results

        deadline = time.monotonic() + 10
        while client.get("/readyz").status_code != 200:
            assert time.monotonic() < deadline, "no recovery after the database answered again"
            time.sleep(0.2)
        for method, path, kwargs in calls[:4]:
            status, code, _ = _timed(client, method, path, **kwargs)
            assert status < 300, (method, path, status, code)


def test_migrations_may_wait_longer_than_a_statement(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("statement limits are PostgreSQL's")
    engine = create_db_engine(database_url, DatabaseTimeouts(statement_seconds=0.3))
    holder = create_db_engine(database_url)
    try:
        with holder.connect() as other:
            other.execute(sa.text("SELECT pg_advisory_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
            release = threading.Timer(1.5, lambda: None)
            release.start()
            migrating = threading.Thread(target=migrate, args=(engine,))
            migrating.start()
            release.join()
            assert migrating.is_alive()  # still waiting for the other replica's migration, not failed
            other.execute(sa.text("SELECT pg_advisory_unlock(:id)"), {"id": _MIGRATION_LOCK_ID})
            other.commit()
        migrating.join(timeout=30)
        assert not migrating.is_alive()
        with engine.connect() as conn:  # the pooled connection has its request limits again
            assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "300ms"
            with pytest.raises(sa.exc.OperationalError):
                conn.exec_driver_sql("SELECT pg_sleep(1)")
    finally:
        engine.dispose()
        holder.dispose()
