"""Which index file a worker reads, when it has one built, and what it does with a file it cannot read.

The builder process is stood in for by running its job (`build_file`) in this process: the decisions are the worker's.
"""

from __future__ import annotations

import ctypes
import logging
import uuid
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from app.analysis.index import DirectoryIndex
from app.checks import index_builder
from app.checks.index_builder import HostBuilder
from app.checks.index_store import index_path
from app.directory.models import Organization, OrganizationDomain
from app.tenants.models import Tenant


class _InlineBuilder:
    """The builder process's executor, running each job here and recording it."""

    def __init__(self) -> None:
        self.jobs: list[tuple[Any, ...]] = []

    def submit(self, job: Callable[..., Any], *args: Any) -> Future[Any]:
        self.jobs.append((job, *args))
        done: Future[Any] = Future()
        done.set_result(job(*args))
        return done


def _tenant(db: Session) -> Tenant:
    tenant = Tenant(key="t:host", name="Host", internal_domains=["acme-trade.example"])
    db.add(tenant)
    db.flush()
    org = Organization(tenant_id=tenant.id, name="Helio Nord AG", name_key="helio nord ag")
    org.kind = "customer"
    org.domain_rows = [OrganizationDomain(tenant_id=tenant.id, organization_id=org.id, domain="hn.example")]
    db.add(org)
    db.commit()
    return tenant


def _host(app: Any, index_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[HostBuilder, _InlineBuilder]:
    host = HostBuilder(app.state.engine, index_dir)
    builder = _InlineBuilder()
    monkeypatch.setattr(host, "_executor", lambda: builder)
    return host, builder


def _finds_helio(index: DirectoryIndex) -> bool:
    found = index.org_index_for_domain("hn.example")
    return found is not None and index.org(found).name == "Helio Nord AG"


def test_the_first_worker_has_the_index_built_and_older_files_removed(
    app: Any, db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = _tenant(db)
    stale = index_path(tmp_path, tenant.id, tenant.version - 1)
    foreign = index_path(tmp_path, uuid.uuid4(), tenant.version - 1)
    for old in (stale, foreign):
        old.write_bytes(b"")
    host, builder = _host(app, tmp_path, monkeypatch)
    index = host.obtain(tenant.id)
    assert index.version == tenant.version and _finds_helio(index)
    assert (host.built, host.loaded) == (1, 0)
    assert builder.jobs == [(index_builder.build_file, host._url, tenant.id, str(tmp_path))]
    tenant.version += 1  # the directory changed: the next check needs the next version, built the same way
    db.add(tenant)
    db.commit()
    assert host.obtain(tenant.id).version == tenant.version
    assert (host.built, host.loaded) == (2, 0)
    assert sorted(p.name for p in tmp_path.glob("*.idx")) == sorted(
        [index_path(tmp_path, tenant.id, tenant.version).name, foreign.name]
    )  # each build removes the versions before it


def test_a_second_worker_reads_the_file_without_building(
    app: Any, db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = _tenant(db)
    first, _ = _host(app, tmp_path, monkeypatch)
    first.obtain(tenant.id)
    second, builder = _host(app, tmp_path, monkeypatch)
    for _ in range(2):
        assert _finds_helio(second.obtain(tenant.id))
    assert (second.built, second.loaded) == (0, 2)
    assert builder.jobs == []


def test_a_file_another_worker_wrote_while_this_one_waited_is_read_not_rebuilt(
    app: Any, db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tenant changed between this worker's first look and the lock; the other worker built the new version.
    tenant = _tenant(db)
    other, _ = _host(app, tmp_path, monkeypatch)
    other.obtain(tenant.id)
    host, builder = _host(app, tmp_path, monkeypatch)
    versions = iter([tenant.version - 1, tenant.version] * 2)
    monkeypatch.setattr(host, "_version", lambda tenant_id: next(versions))
    for _ in range(2):
        index = host.obtain(tenant.id)
        assert index.version == tenant.version and _finds_helio(index)
    assert (host.built, host.loaded) == (0, 2)
    assert builder.jobs == []


def test_an_unreadable_file_is_removed_logged_by_name_and_built_again(
    app: Any, db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    tenant = _tenant(db)
    path = index_path(tmp_path, tenant.id, tenant.version)
    path.write_bytes(b"not an index")
    host, _ = _host(app, tmp_path, monkeypatch)
    with caplog.at_level(logging.WARNING, logger=index_builder.__name__):
        index = host.obtain(tenant.id)
    assert _finds_helio(index) and (host.built, host.loaded) == (1, 0)
    assert any(path.name in record.getMessage() for record in caplog.records)


def test_a_build_whose_file_is_gone_fails_naming_the_file(
    app: Any, db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tenant = _tenant(db)
    host, _ = _host(app, tmp_path, monkeypatch)
    missing = tmp_path / "elsewhere.idx"
    monkeypatch.setattr(index_builder, "build_file", lambda url, tenant_id, index_dir: (str(missing), 7))
    with pytest.raises(FileNotFoundError, match=r"elsewhere\.idx"):
        host.obtain(tenant.id)


def test_the_version_asked_is_the_tenants_stored_version(app: Any, db: Session, tmp_path: Path) -> None:
    tenant = _tenant(db)
    tenant.version += 4
    db.add(tenant)
    db.commit()
    assert HostBuilder(app.state.engine, tmp_path)._version(tenant.id) == tenant.version


def test_builds_run_one_at_a_time_each_in_a_fresh_interpreter(engine_url_host: HostBuilder) -> None:
    pool = engine_url_host._executor()
    try:
        assert pool is engine_url_host._executor()  # one pool per worker, whatever the number of builds
        assert pool._max_workers == 1  # type: ignore[attr-defined]
        assert pool._mp_context.get_start_method() == "spawn"  # type: ignore[attr-defined]
        assert pool._max_tasks_per_child == 1  # type: ignore[attr-defined]
    finally:
        engine_url_host.close()
    assert engine_url_host._pool is None


@pytest.fixture
def engine_url_host(tmp_path: Path) -> HostBuilder:
    from sqlalchemy import create_engine

    engine: Engine = create_engine(f"sqlite:///{tmp_path / 'x.db'}")
    return HostBuilder(engine, tmp_path)


@pytest.mark.parametrize("error", [OSError, AttributeError])
def test_returning_memory_is_skipped_where_the_c_library_cannot(
    monkeypatch: pytest.MonkeyPatch, error: type[Exception]
) -> None:
    def missing(name: str) -> Any:
        raise error(name)

    monkeypatch.setattr(ctypes, "CDLL", missing)
    index_builder.return_free_memory()  # no error: the process reuses the memory instead
