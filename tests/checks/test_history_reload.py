"""A user's history answers for its TTL, then answers stale while one background reload runs, then is loaded by
the check itself; a reload never overwrites what this process stored or forgot meanwhile."""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa
from sqlmodel import Session

from app.checks import history, repository
from app.checks.history import HistoryCache, UserHistory
from app.refresher import TTL_JITTER

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


@dataclass
class _Held:
    """One user's history, loaded once at `now[0]` = 100 by a cache with a clock the test moves."""

    loads: _Loads
    now: list[float]
    cache: HistoryCache
    tenant: uuid.UUID
    user: uuid.UUID
    first: UserHistory

    def get(self, session: Session) -> UserHistory:
        return self.cache.get(session, self.tenant, self.user)


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch, session: Session) -> _Held:
    loads, now = _Loads(monkeypatch), [100.0]
    cache = HistoryCache(ttl=TTL, clock=lambda: now[0], jitter=0)
    tenant, user = uuid.uuid4(), uuid.uuid4()
    return _Held(loads, now, cache, tenant, user, cache.get(session, tenant, user))


def test_fresh_then_stale_while_reloading_then_loaded_by_the_check(held: _Held, session: Session) -> None:
    held.now[0] = 100.0 + TTL
    assert held.get(session) is held.first
    held.cache.reloads.wait_idle()
    assert held.loads.count == 1  # within its TTL: nothing reloaded
    held.now[0] = 100.5 + TTL
    held.loads.correspondents = {"new"}
    assert held.get(session) is held.first  # stale: answered at once ...
    held.cache.reloads.wait_idle()
    assert held.loads.count == 2  # ... and reloaded behind the check
    reloaded = held.get(session)
    assert reloaded is not held.first and reloaded.correspondents == {"new"} and reloaded.loaded_at == 100.5 + TTL
    held.now[0] = reloaded.loaded_at + TTL + history.STALE_SECONDS + 0.1
    loaded = held.get(session)  # too old to answer from: the check loads it
    assert loaded is not reloaded and held.loads.count == 3 and loaded.loaded_at == held.now[0]


def test_one_reload_per_user_however_many_checks_find_it_stale(held: _Held, session: Session) -> None:
    held.loads.gate = threading.Event()
    held.now[0] = 101 + TTL
    assert all(held.get(session) is held.first for _ in range(5))
    held.loads.gate.set()
    held.cache.reloads.wait_idle()
    assert held.loads.count == 2


@pytest.mark.parametrize("meanwhile", ["add_correspondents", "forget"])
def test_a_reload_keeps_what_this_process_stored_meanwhile_and_is_dropped_if_the_user_was_forgotten(
    held: _Held, session: Session, meanwhile: str
) -> None:
    held.loads.gate, held.loads.started = threading.Event(), threading.Event()
    held.loads.correspondents = {"from-the-database"}
    held.now[0] = 101 + TTL
    held.get(session)
    assert held.loads.started.wait(10)  # the reload has read the database ...
    if meanwhile == "add_correspondents":
        held.cache.add_correspondents(held.user, {"just-stored"})  # ... before this process stored a first mail
    else:
        held.cache.forget(held.user)  # ... before a dismissal
    held.loads.gate.set()
    held.cache.reloads.wait_idle()
    kept = held.cache._users.get(held.user)
    if meanwhile == "add_correspondents":
        assert kept is not None and kept is not held.first  # reloaded, and what was stored meanwhile kept
        assert kept.correspondents == {"just-stored", "from-the-database"} and kept.loaded_at == 101 + TTL
    else:
        assert kept is None


def test_a_session_on_a_connection_of_its_own_loads_in_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    loads = _Loads(monkeypatch)
    now = [0.0]
    cache = HistoryCache(ttl=TTL, clock=lambda: now[0], jitter=0)
    tenant, user = uuid.uuid4(), uuid.uuid4()
    with sa.create_engine("sqlite://").connect() as connection:
        session = Session(bind=connection)
        first = cache.get(session, tenant, user)
        now[0] = TTL + 1
        assert cache.get(session, tenant, user) is not first and loads.count == 2


def test_histories_loaded_together_expire_spread_over_the_last_part_of_their_ttl(
    monkeypatch: pytest.MonkeyPatch, session: Session
) -> None:
    _Loads(monkeypatch)
    cache = HistoryCache(ttl=TTL, clock=lambda: 0.0)
    lives = [cache.get(session, uuid.uuid4(), uuid.uuid4()).ttl for _ in range(200)]
    assert all((1 - TTL_JITTER) * TTL <= life <= TTL for life in lives)
    assert max(lives) - min(lives) > TTL_JITTER * TTL / 2  # not one burst of reloads every TTL
