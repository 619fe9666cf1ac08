"""Small checks run on the event loop when they need no I/O; the others, and any that finds it needs the
database, run in a thread, with the same answer and nothing queued twice."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checks import index_cache, on_loop
from app.checks.history import user_history
from app.demo import load_demo_data
from app.tenants.cache import identities
from app.tenants.models import Tenant
from app.tenants.repository import bump_version
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")
DRAFT = {
    "to": [{"email": "m.schmidt@solartech.example"}, {"email": "l.gomez@sunpeak.example"}],
    "subject": "Quotation for SolarTech",
    "body": "Dear Michael, please find attached our quotation for SolarTech GmbH.",
}


@pytest.fixture
def threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which checks went to a thread (by trigger)."""
    went: list[str] = []
    original = on_loop.in_thread

    async def counted(engine: Any, run: Callable[[Session], Any]) -> Any:
        went.append(run.keywords["body"].trigger)  # type: ignore[attr-defined]
        return await original(engine, run)

    monkeypatch.setattr(on_loop, "in_thread", counted)
    return went


def _batched_demo(make_app: Any) -> FastAPI:
    app: FastAPI = make_app(check_record_batch_seconds=3600)
    with Session(app.state.engine) as session:
        load_demo_data(session)
    return app


def _check(client: TestClient, draft: dict[str, Any], trigger: str = "compose") -> dict[str, Any]:
    response = client.post("/v1/drafts/check", json={"trigger": trigger, "draft": draft}, headers=ALEX)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    answer.pop("check_id")
    return answer


def test_a_cached_check_runs_on_the_loop_with_the_threads_answer(make_app: Any, threads: list[str]) -> None:
    app = _batched_demo(make_app)
    with TestClient(app) as client:
        user_history.clear()
        in_thread = _check(client, DRAFT)  # the user's history is loaded first: the database, in a thread
        assert threads == ["compose"]
        assert _check(client, DRAFT) == in_thread  # on the loop now
        assert _check(client, DRAFT, "send") == in_thread
        assert threads == ["compose"]
        assert "missing_attachment" in {f["code"] for f in in_thread["findings"]}


def test_a_check_stopped_for_the_database_queues_its_record_once(make_app: Any, threads: list[str]) -> None:
    app = _batched_demo(make_app)
    recorder = app.state.recorder
    with TestClient(app) as client:
        user_history.clear()
        new_buyer = {"to": [{"email": "first@far-away.example"}], "body": "Hello"}
        first = _check(client, new_buyer, "send")
        assert threads == ["send"]
        assert "first_time_recipient" in {f["code"] for f in first["findings"]}
        assert recorder.flush() == 2  # one record and one correspondent, not two of either
        # Another process's write is seen from the database once this process's history expires.
        assert "first_time_recipient" not in {f["code"] for f in _check(client, new_buyer)["findings"]}
        assert threads == ["send"]


def test_large_drafts_and_stale_indexes_go_to_a_thread(make_app: Any, threads: list[str]) -> None:
    app = _batched_demo(make_app)
    with TestClient(app) as client:
        _check(client, DRAFT)
        threads.clear()
        _check(client, {**DRAFT, "body": "word " * (on_loop.MAX_LOOP_CHARS // 5 + 1)})
        assert threads == ["compose"]
        with Session(app.state.engine) as session:
            tenant = session.exec(select(Tenant)).one()
            tenant.version += 1  # as another replica's directory change: the index is behind
            session.add(tenant)
            session.commit()
        identities.clear()
        _check(client, DRAFT)
        assert threads == ["compose", "compose"]


def test_a_large_directory_being_rebuilt_is_checked_on_the_loop_from_its_previous_index(
    make_app: Any, threads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_cache, "SMALL_DIRECTORY_ORGS", -1)  # the demo directory counts as large
    app = _batched_demo(make_app)
    cache: index_cache.IndexCache = app.state.index_cache
    with TestClient(app) as client:
        before = _check(client, DRAFT)
        threads.clear()
        with Session(app.state.engine) as session:
            tenant = session.exec(select(Tenant)).one()
            bump_version(session, tenant.id)
            session.commit()
            version = session.exec(select(Tenant)).one().version
        identities.clear()
        assert _check(client, DRAFT) == before  # answered at once, on the loop, from the previous index
        assert threads == []
        cache.refresh(tenant.id).wait(10)  # and the check queued its rebuild
        current = cache.current(tenant.id)
        assert current is not None and current.version == version


def test_records_written_with_the_check_keep_it_in_a_thread(make_app: Any, threads: list[str]) -> None:
    app = make_app(check_record_batch_seconds=0)
    with Session(app.state.engine) as session:
        load_demo_data(session)
    with TestClient(app) as client:
        _check(client, DRAFT)
        _check(client, DRAFT)
    assert threads == ["compose", "compose"]


def test_a_session_without_io_refuses_statements(make_app: Any) -> None:
    app = make_app()
    ran: list[str] = []

    def reads(session: Session) -> int:
        ran.append("started")
        session.exec(select(Tenant)).all()
        ran.append("finished")
        return 1

    sessions = on_loop.NoIoSessions(app.state.engine)
    assert sessions.try_without_io(reads) is None
    assert ran == ["started"]
    assert sessions.try_without_io(lambda session: 2) == 2
    assert sessions.try_without_io(lambda session: 3) == 3  # the same untouched session again

    def writes(session: Session) -> None:
        session.add(Tenant(key="dev:new.example", name="new", internal_domains=["new.example"]))
        session.commit()

    assert sessions.try_without_io(writes) is None  # the flush is refused too
    with Session(app.state.engine) as session:
        assert session.exec(select(Tenant).where(Tenant.key == "dev:new.example")).first() is None
