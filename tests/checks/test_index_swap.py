"""A worker replacing a large index holds one automaton at a time: the old one goes before the new one is read.

Reading an automaton peaks at about twice its size; holding the old one as well put a 100,000-organization worker
over its memory budget at every swap. Checks of the tenant wait for the swap (a fraction of a second), and a check
that was reading the old automaton when it went starts again on the new one.
"""

from __future__ import annotations

import dataclasses
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any, cast

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.analysis.index import DirectoryIndex, IndexReleased, build_index
from app.checks import index_cache as module
from app.checks import index_store, service
from app.checks.exceptions import IndexUnavailable
from app.checks.index_cache import IndexCache
from app.directory.models import Organization
from app.tenants.identity import TenantIdentity
from app.tenants.models import Tenant
from app.tenants.repository import bump_version
from bench.directory_gen import make_directory
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")


# --- reading a file ------------------------------------------------------------------------------


def _written(tmp_path: Path, alias: str | None = None) -> Path:
    snapshot = make_directory(150, seed=5).snapshot
    if alias is not None:
        orgs = list(snapshot.organizations)
        orgs[3] = dataclasses.replace(orgs[3], aliases=(*orgs[3].aliases, alias))
        snapshot = dataclasses.replace(snapshot, tenant_version=snapshot.tenant_version + 1, organizations=tuple(orgs))
    path = tmp_path / f"t-{snapshot.tenant_version}.idx"
    index_store.write_index(path, build_index(snapshot))
    return path


@pytest.fixture
def parts_read(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the parts `read_index` reads from the file (not taken from the previous index), in order."""
    names: list[str] = []
    read_part = index_store._read_part

    def recording(handle: Any, name: str, previous: DirectoryIndex | None, pause: Callable[[], None]) -> Any:
        value, digest = read_part(handle, name, previous, pause)
        if previous is None or value is not getattr(previous, name):
            names.append(name)
        return value, digest

    monkeypatch.setattr(index_store, "_read_part", recording)
    yield names


def test_a_new_automaton_is_built_last_after_the_caller_let_go_of_the_old_one(
    tmp_path: Path, parts_read: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    old = index_store.read_index(_written(tmp_path), lambda: None)
    parts_read.clear()
    build = index_store._AutomatonState.build

    def recording_build(state: Any) -> Any:
        parts_read.append("built")
        return build(state)

    monkeypatch.setattr(index_store._AutomatonState, "build", recording_build)
    seen_at_hook: list[list[str]] = []

    def let_go() -> None:
        seen_at_hook.append(list(parts_read))
        old.release_automaton()

    new = index_store.read_index(_written(tmp_path, "Quorvantis"), lambda: None, previous=old, before_automaton=let_go)
    # Every part is read from the file before the hook (the caller waits for the build alone), built after it.
    assert len(seen_at_hook) == 1 and {"automaton", "orgs"} <= set(seen_at_hook[0]) and "built" not in seen_at_hook[0]
    assert parts_read[-1] == "built"
    assert any(hit.payload == ("org", 3, "org") for hit in new.scan("quorvantis"))
    assert old.released and not new.released
    with pytest.raises(IndexReleased):
        list(old.scan("quorvantis"))


def test_an_unchanged_automaton_is_taken_over_without_letting_go_of_it(tmp_path: Path) -> None:
    path = _written(tmp_path)
    old = index_store.read_index(path, lambda: None)
    calls: list[int] = []
    new = index_store.read_index(path, lambda: None, previous=old, before_automaton=lambda: calls.append(1))
    assert calls == [] and new.automaton is old.automaton and not old.released


def test_a_released_automaton_is_never_taken_over_even_from_the_same_file(tmp_path: Path) -> None:
    path = _written(tmp_path)
    old = index_store.read_index(path, lambda: None)
    old.release_automaton()  # a swap let go of it, then failed to read the next one
    again = index_store.read_index(path, lambda: None, previous=old)
    assert not again.released and any(hit.payload[0] == "org" for hit in again.scan(old.org(3).name.lower()))


# --- the cache: one automaton at a time, checks wait for the swap --------------------------------


class _InlineBuilder:
    """The builder process's executor, running each build here."""

    def submit(self, job: Callable[..., Any], *args: Any) -> Future[Any]:
        done: Future[Any] = Future()
        done.set_result(job(*args))
        return done


def _tenant(session: Session) -> Tenant:
    tenant = Tenant(key=f"t:{uuid.uuid4().hex[:8]}", name="Swap", internal_domains=["acme-trade.example"])
    session.add(tenant)
    session.flush()
    session.add(Organization(tenant_id=tenant.id, name="Helio Nord AG", name_key="helio nord ag", kind="customer"))
    session.commit()
    return tenant


def _add_org(engine: Any, tenant_id: uuid.UUID, name: str) -> TenantIdentity:
    with Session(engine) as session:
        session.add(Organization(tenant_id=tenant_id, name=name, name_key=name.lower(), kind="customer"))
        bump_version(session, tenant_id)
        session.commit()
        row = session.get(Tenant, tenant_id)
        assert row is not None
        return TenantIdentity.of(row)


def _names(index: DirectoryIndex, text: str) -> set[str]:
    return {index.org(int(cast(int, hit.payload[1]))).name for hit in index.scan(text) if hit.payload[0] == "org"}


@pytest.fixture
def large_cache(app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[IndexCache]:
    """A cache reading every index from the host's files, as it does for directories above 5,000 organizations."""
    monkeypatch.setattr(module, "PROCESS_BUILD_ORGS", -1)
    cache = IndexCache(app.state.engine, index_dir=tmp_path)
    assert cache.host is not None
    monkeypatch.setattr(cache.host, "_executor", _InlineBuilder)
    try:
        yield cache
    finally:
        cache.close()


def test_a_swap_lets_go_of_the_old_automaton_first_and_checks_wait_for_the_new_index(
    app: Any, db: Session, large_cache: IndexCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = _tenant(db)
    assert large_cache.refresh(tenant.id).wait(10)
    old = large_cache.current(tenant.id)
    assert old is not None and _names(old, "helio nord ag") == {"Helio Nord AG"}
    reading, proceed = threading.Event(), threading.Event()
    let_go = large_cache._let_go_of_automaton

    def paused(tenant_id: uuid.UUID) -> None:
        let_go(tenant_id)
        reading.set()
        assert proceed.wait(10)  # the new automaton is read once the test has looked

    monkeypatch.setattr(large_cache, "_let_go_of_automaton", paused)
    identity = _add_org(app.state.engine, tenant.id, "Quorvant Solar")
    large_cache.refresh(tenant.id)
    try:
        assert reading.wait(10)
        assert old.released and not large_cache.answers_at_once(identity)
        with pytest.raises(IndexReleased):
            _names(old, "helio nord ag")  # a check reading the old index now starts again (below)
        got: list[DirectoryIndex] = []
        waiting = threading.Thread(target=lambda: got.append(large_cache.get(db, identity)))
        waiting.start()
        waiting.join(0.3)
        assert waiting.is_alive() and not got  # waits for the swap rather than answer from nothing
    finally:
        proceed.set()
    waiting.join(10)
    assert got and got[0].version == identity.version
    assert _names(got[0], "quorvant solar and helio nord ag") == {"Quorvant Solar", "Helio Nord AG"}
    assert large_cache.answers_at_once(identity)


def test_a_swap_that_cannot_read_the_new_automaton_answers_503_until_a_rebuild_succeeds(
    app: Any, db: Session, large_cache: IndexCache, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = _tenant(db)
    assert large_cache.refresh(tenant.id).wait(10)
    let_go = large_cache._let_go_of_automaton
    failures = [RuntimeError("the disk went away")]

    def failing_once(tenant_id: uuid.UUID) -> None:
        let_go(tenant_id)
        if failures:
            raise failures.pop()

    monkeypatch.setattr(large_cache, "_let_go_of_automaton", failing_once)
    identity = _add_org(app.state.engine, tenant.id, "Quorvant Solar")
    assert large_cache.refresh(tenant.id).wait(10)
    with pytest.raises(IndexUnavailable) as refused:
        large_cache.get(db, identity)  # never an index without its automaton; another rebuild is queued
    assert refused.value.status_code == 503 and refused.value.headers == {"Retry-After": "1"}
    assert large_cache.refresh(tenant.id).wait(10)
    current = large_cache.get(db, identity)
    assert current.version == identity.version and _names(current, "quorvant solar") == {"Quorvant Solar"}


# --- a check that was reading the old automaton ----------------------------------------------------


class _SwappingCache:
    """Hands out indexes in turn: the first ones released under the check's feet."""

    def __init__(self, *indexes: DirectoryIndex) -> None:
        self.indexes = list(indexes)

    def get(self, session: Any, tenant: Any) -> DirectoryIndex:
        return self.indexes.pop(0)


def _index(released: bool) -> DirectoryIndex:
    index = build_index(make_directory(20, seed=3).snapshot)
    if released:
        index.release_automaton()
    return index


def _scan_org_names(index: DirectoryIndex) -> int:
    return len(list(index.scan(index.org(0).name.lower())))


def test_a_check_whose_index_was_let_go_runs_once_more_on_the_next_one() -> None:
    tenant = cast(TenantIdentity, None)
    fresh = _index(released=False)
    swapping = _SwappingCache(_index(released=True), fresh)
    answer = service.on_current_index(cast(Session, None), tenant, cast(IndexCache, swapping), _scan_org_names)
    assert answer == _scan_org_names(fresh) >= 1 and swapping.indexes == []  # asked twice, answered by the second


def test_a_check_let_go_of_twice_is_answered_503_not_500() -> None:
    tenant = cast(TenantIdentity, None)
    cache = cast(IndexCache, _SwappingCache(_index(released=True), _index(released=True)))
    with pytest.raises(IndexUnavailable):
        service.on_current_index(cast(Session, None), tenant, cache, _scan_org_names)


def test_the_api_answers_a_check_on_a_released_index_with_the_error_body_and_retry_after(demo: TestClient) -> None:
    cache: IndexCache = demo.app.state.index_cache  # type: ignore[attr-defined]
    body = {"draft": {"to": [{"email": "m.schmidt@solartech.de"}], "body": "Hello"}}
    assert demo.post("/v1/drafts/check", json=body, headers=ALEX).status_code == 200
    tenant_id = next(iter(cache._entries))
    assert cache.refresh(tenant_id).wait(10)  # no rebuild still on its way could replace the index released below
    current = cache.current(tenant_id)
    assert current is not None
    current.release_automaton()  # as a swap that could not read the next automaton leaves it
    refused = demo.post("/v1/drafts/check", json=body, headers=ALEX)
    assert refused.status_code == 503 and refused.headers["Retry-After"] == "1"
    assert refused.json()["error"]["code"] == "index_unavailable"
    assert cache.refresh(tenant_id).wait(10)
    assert demo.post("/v1/drafts/check", json=body, headers=ALEX).status_code == 200
