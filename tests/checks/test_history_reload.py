"""A user's history answers for its TTL, then answers stale while one background reload runs, then is loaded by
the check itself; a reload never overwrites what this process stored or forgot meanwhile."""

from __future__ import annotations

import threading
import uuid
from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from app.checks import history, repository
from app.checks.history import HistoryCache

TTL = 10.0


class _Loads:
    """Stands in for the two history queries; `gate` (when set up) holds a load until the test releases it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        self.correspondents: set[str] = set()
        self.gate: threading.Event | None = None
        self.started = threading.Event()
        monkeypatch.setattr(repository, "dismissals_since", self.dismissals)
        monkeypatch.setattr(repository, "correspondent_hashes", lambda *_: set(self.correspondents))

    def dismissals(self, session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID, since: datetime) -> dict[Any, Any]:
        self.count += 1
        self.started.set()
        if self.gate is not None:
            assert self.gate.wait(10)
        return {}


@pytest.fixture
def session() -> Session:
    return Session(sa.create_engine("sqlite://"))  # the loads are stood in for: never connects


def test_fresh_then_stale_while_reloading_then_loaded_by_the_check(
    monkeypatch: pytest.MonkeyPatch, session: Session
) -> None:
    loads = _Loads(monkeypatch)
    now = [100.0]
    cache = HistoryCache(ttl=TTL, clock=lambda: now[0])
    tenant, user = uuid.uuid4(), uuid.uuid4()
    first = cache.get(session, tenant, user)
    now[0] = 100.0 + TTL
    assert cache.get(session, tenant, user) is first
    cache.reloads.wait_idle()
    assert loads.count == 1  # within its TTL: nothing reloaded
    now[0] = 100.5 + TTL
    loads.correspondents = {"new"}
    assert cache.get(session, tenant, user) is first  # stale: answered at once ...
    cache.reloads.wait_idle()
    assert loads.count == 2  # ... and reloaded behind the check
    reloaded = cache.get(session, tenant, user)
    assert reloaded is not first and reloaded.correspondents == {"new"} and reloaded.loaded_at == 100.5 + TTL
    now[0] = reloaded.loaded_at + TTL + history.STALE_SECONDS + 0.1
    loaded = cache.get(session, tenant, user)  # too old to answer from: the check loads it
    assert loaded is not reloaded and loads.count == 3 and loaded.loaded_at == now[0]


def test_one_reload_per_user_however_many_checks_find_it_stale(
    monkeypatch: pytest.MonkeyPatch, session: Session
) -> None:
    loads = _Loads(monkeypatch)
    now = [0.0]
    cache = HistoryCache(ttl=TTL, clock=lambda: now[0])
    tenant, user = uuid.uuid4(), uuid.uuid4()
    first = cache.get(session, tenant, user)
    loads.gate = threading.Event()
    now[0] = TTL + 1
    assert all(cache.get(session, tenant, user) is first for _ in range(5))
    loads.gate.set()
    cache.reloads.wait_idle()
    assert loads.count == 2


@pytest.mark.parametrize("meanwhile", ["add_correspondents", "forget"])
def test_a_reload_that_began_before_this_process_changed_the_user_is_not_kept(
    monkeypatch: pytest.MonkeyPatch, session: Session, meanwhile: str
) -> None:
    loads = _Loads(monkeypatch)
    now = [0.0]
    cache = HistoryCache(ttl=TTL, clock=lambda: now[0])
    tenant, user = uuid.uuid4(), uuid.uuid4()
    first = cache.get(session, tenant, user)
    loads.gate, loads.started = threading.Event(), threading.Event()
    now[0] = TTL + 1
    cache.get(session, tenant, user)
    assert loads.started.wait(10)  # the reload has read the database ...
    if meanwhile == "add_correspondents":
        cache.add_correspondents(user, {"just-stored"})  # ... before this process stored a first mail
    else:
        cache.forget(user)  # ... before a dismissal
    loads.gate.set()
    cache.reloads.wait_idle()
    kept = cache._users.get(user)
    if meanwhile == "add_correspondents":
        assert kept is first and kept.correspondents == {"just-stored"}
    else:
        assert kept is None


def test_a_session_on_a_connection_of_its_own_loads_in_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    loads = _Loads(monkeypatch)
    now = [0.0]
    cache = HistoryCache(ttl=TTL, clock=lambda: now[0])
    tenant, user = uuid.uuid4(), uuid.uuid4()
    with sa.create_engine("sqlite://").connect() as connection:
        session = Session(bind=connection)
        first = cache.get(session, tenant, user)
        now[0] = TTL + 1
        assert cache.get(session, tenant, user) is not first and loads.count == 2
