"""Indexes are built at start-up and rebuilt in the background; checks never wait for a large build."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.analysis.index import DirectoryIndex, build_index
from app.checks import index_cache as module
from app.checks.index_cache import IndexCache
from app.checks.snapshot import load_snapshot
from app.tenants.models import Tenant
from app.tenants.repository import bump_version
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")
ADMIN = headers("admin@acme-trade.example", admin=True)
CHECK = {"draft": {"to": [{"email": "m.schmidt@solartech.de"}], "body": "Hello"}}


def _tenant(session: Session) -> Tenant:
    tenant = Tenant(key="t:acme", name="Acme", internal_domains=["acme-trade.example"])
    session.add(tenant)
    session.commit()
    return tenant


class GatedBuilder:
    """Builds real indexes, but each build after the first waits until the test opens the gate."""

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.started = threading.Event()
        self.calls = 0

    def __call__(self, session: Session, tenant: Tenant) -> DirectoryIndex:
        self.calls += 1
        if self.calls > 1:
            self.started.set()
            assert self.gate.wait(10)
        return build_index(load_snapshot(session, tenant))


def _stale(session: Session, tenant: Tenant) -> Tenant:
    bump_version(session, tenant.id)
    session.commit()
    session.refresh(tenant)
    return tenant


def test_every_tenant_is_built_before_the_service_is_ready(make_app: Callable[..., Any], db: Session) -> None:
    tenant = _tenant(db)
    app = make_app()
    with TestClient(app) as client:
        cache: IndexCache = app.state.index_cache
        assert cache.ready.is_set() and cache.builds == 1
        assert client.get("/readyz").status_code == 200
        index = cache.get(db, tenant)
        assert index.version == tenant.version and cache.builds == 1  # the check path built nothing


def test_readiness_waits_for_the_indexes(app: Any) -> None:
    app.state.index_cache.ready.clear()
    with TestClient(app) as client:
        app.state.index_cache.ready.clear()  # as if the warm-up were still running
        response = client.get("/readyz")
        assert response.status_code == 503 and response.json()["error"]["code"] == "warming_up"


def test_a_large_directory_keeps_serving_the_previous_index_while_it_rebuilds(
    app: Any, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(module, "SMALL_DIRECTORY_ORGS", -1)  # every directory counts as large
    tenant = _tenant(db)
    builder = GatedBuilder()
    cache = IndexCache(app.state.engine, builder)
    first = cache.get(db, tenant)
    try:
        stale = _stale(db, tenant)
        assert cache.get(db, stale) is first  # answered at once, from the previous index
        assert builder.started.wait(5)
        assert cache.get(db, stale) is first  # still building: still the previous one
        builder.gate.set()
        cache.refresh(tenant.id).wait(5)
        assert cache.get(db, stale).version == stale.version
        assert builder.calls == 2  # the repeated stale reads queued one rebuild, not three
    finally:
        builder.gate.set()
        cache.close()


def test_a_small_directory_change_is_seen_by_the_next_check(demo: TestClient) -> None:
    assert demo.post("/v1/drafts/check", json=CHECK, headers=ALEX).status_code == 200
    created = demo.post(
        "/v1/organizations",
        json={"name": "Zephyrion Holdings", "kind": "competitor", "domains": ["zephyrion.example"]},
        headers=ADMIN,
    )
    assert created.status_code == 201
    body = {"draft": {"to": [{"email": "x@zephyrion.example"}], "body": "Hello"}}
    codes = [f["code"] for f in demo.post("/v1/drafts/check", json=body, headers=ALEX).json()["findings"]]
    assert "competitor_recipient" in codes


def test_a_failed_rebuild_keeps_the_previous_index(app: Any, db: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(module, "SMALL_DIRECTORY_ORGS", -1)
    tenant = _tenant(db)
    calls = []

    def flaky(session: Session, t: Tenant) -> DirectoryIndex:
        calls.append(t.version)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return build_index(load_snapshot(session, t))

    cache = IndexCache(app.state.engine, flaky)
    first = cache.get(db, tenant)
    try:
        stale = _stale(db, tenant)
        cache.refresh(tenant.id).wait(5)
        assert len(calls) == 2 and cache.current(tenant.id) is first
        cache.refresh(tenant.id).wait(5)  # the next try succeeds
        assert cache.get(db, stale).version == stale.version
    finally:
        cache.close()


def test_an_idle_builder_thread_ends_and_the_next_change_starts_another(
    app: Any, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(module, "IDLE_THREAD_SECONDS", 0.05)
    tenant = _tenant(db)
    cache = IndexCache(app.state.engine)
    try:
        assert cache.refresh(tenant.id).wait(5)
        first = cache._thread
        deadline = time.monotonic() + 5
        while cache._thread is not None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert cache._thread is None and first is not None and not first.is_alive()
        stale = _stale(db, tenant)
        assert cache.refresh(tenant.id).wait(5)
        assert cache.current(tenant.id).version == stale.version  # type: ignore[union-attr]
    finally:
        cache.close()


def test_a_replaced_large_index_is_taken_apart_and_its_memory_returned_once_no_check_holds_it(
    app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(module, "PROCESS_BUILD_ORGS", -1)  # every index counts as large
    trims: list[int] = []
    monkeypatch.setattr(module, "return_free_memory", lambda: trims.append(1))
    with Session(app.state.engine, expire_on_commit=False) as session:
        tenant = _tenant(session)
    cache = IndexCache(app.state.engine, lambda session, t: build_index(load_snapshot(session, t)))
    try:
        assert cache.refresh(tenant.id).wait(10)
        assert trims == []  # nothing replaced yet
        held = cache.current(tenant.id)  # a check still reading the first index
        _bump(app.state.engine, tenant.id)
        assert cache.refresh(tenant.id).wait(10)
        cache.close()  # waits for the builder thread, which gives up on the held index after 2 s
        assert trims == [] and held is not None and held.internal_domains  # left intact for its reader
        del held
        version = _bump(app.state.engine, tenant.id)
        assert cache.refresh(tenant.id).wait(10)
        cache.close()
        assert trims == [1]
        current = cache.current(tenant.id)
        assert current is not None and current.version == version
    finally:
        cache.close()
        # The app's own cache heard the same changes and rebuilds too (in a builder process, every index counting
        # as large here): let it finish before the fixture empties the tables its reads still lock.
        app.state.index_cache.refresh(tenant.id).wait(30)


def _bump(engine: Any, tenant_id: Any) -> int:
    with Session(engine) as session:
        bump_version(session, tenant_id)
        session.commit()
        row = session.get(Tenant, tenant_id)
        assert row is not None
        return row.version
