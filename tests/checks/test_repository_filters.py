"""What a check reads about its user stays that user's in that tenant, and each window and cache edge is where it
says: dismissals from `since` on, correspondents by tenant and user, the history's time to live and its size, an
index current at its tenant's version, and the directory snapshot's organizations as stored."""

from __future__ import annotations

import hashlib
import threading
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace
from typing import Any, cast

import pytest
from sqlmodel import Session, select

from app.analysis.index import DirectoryIndex
from app.checks import dismissals, history, index_cache, repository
from app.checks.history import HistoryCache
from app.checks.index_cache import IndexCache
from app.checks.models import CheckRecord, Correspondent, Dismissal
from app.checks.snapshot import load_snapshot
from app.demo import ALEX, load_demo_data
from app.directory.models import Organization
from app.tenants.identity import TenantIdentity
from app.tenants.models import Tenant
from tests.checks.test_repository_rows import _tenant_and_user

SINCE = datetime(2026, 5, 1, 12, 0, 0, tzinfo=UTC)
NO_SESSION = cast(Session, None)


def _dismissal(tenant_id: uuid.UUID, user_id: uuid.UUID, check_id: uuid.UUID, code: str, at: datetime) -> Dismissal:
    return Dismissal(
        tenant_id=tenant_id, user_id=user_id, check_id=check_id, code=code, recipient_hash="r", created_at=at
    )


def test_dismissals_count_from_since_on_and_only_the_users_own_in_its_tenant(db: Session) -> None:
    tenant, user = _tenant_and_user(db, "a")
    other_tenant, _ = _tenant_and_user(db, "b")
    check = CheckRecord(tenant_id=tenant, user_id=user, client="api", trigger="send", verdict="ok")
    db.add(check)
    db.flush()
    db.add_all(
        [
            _dismissal(tenant, user, check.id, "at_since", SINCE),
            _dismissal(tenant, user, check.id, "later", SINCE + timedelta(days=1)),
            _dismissal(tenant, user, check.id, "before", SINCE - timedelta(seconds=1)),
            _dismissal(other_tenant, user, check.id, "other_tenant", SINCE + timedelta(days=1)),
        ]
    )
    db.commit()
    found = repository.dismissals_since(db, tenant, user, SINCE)
    assert sorted(code for code, _recipient, _evidence in found) == ["at_since", "later"]


def test_correspondents_are_the_users_own_in_its_tenant(db: Session) -> None:
    tenant, user = _tenant_and_user(db, "a")
    other_tenant, other_user = _tenant_and_user(db, "b")
    db.add_all(
        [
            Correspondent(tenant_id=tenant, user_id=user, address_hash="mine"),
            Correspondent(tenant_id=other_tenant, user_id=user, address_hash="other_tenant"),
            Correspondent(tenant_id=tenant, user_id=other_user, address_hash="other_user"),
        ]
    )
    db.commit()
    assert repository.correspondent_hashes(db, tenant, user) == {"mine"}


def test_addresses_are_hashed_trimmed_and_lower_case_with_the_tenant_as_salt() -> None:
    tenant = uuid.uuid4()
    expected = hashlib.sha256(f"{tenant}:a.b@x.example".encode()).hexdigest()
    assert dismissals.hash_address(tenant, " A.B@X.example ") == expected
    assert dismissals.salt_for(tenant) == str(tenant)


def test_a_dismissal_exactly_at_the_windows_start_still_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dismissals, "utcnow", lambda: SINCE + timedelta(days=30))
    dismissed = {
        ("content_mismatch", "h1", "e"): SINCE,
        ("content_mismatch", "h2", "e"): SINCE - timedelta(seconds=1),
    }
    by_hash = {"h1": "a@x.example", "h2": "b@x.example"}
    assert dismissals.suppressed_keys(dismissed, by_hash, 30) == {("content_mismatch", "a@x.example", "e")}


class _Loads:
    """Stands in for the two history queries: counts how often a user's history is loaded."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        monkeypatch.setattr(repository, "dismissals_since", self.dismissals)
        monkeypatch.setattr(repository, "correspondent_hashes", lambda session, tenant_id, user_id: set())

    def dismissals(self, session: Session, tenant_id: uuid.UUID, user_id: uuid.UUID, since: datetime) -> dict[Any, Any]:
        self.count += 1
        return {}


def test_the_history_cache_is_emptied_when_it_reaches_max_users(monkeypatch: pytest.MonkeyPatch) -> None:
    _Loads(monkeypatch)
    monkeypatch.setattr(history, "MAX_USERS", 2)
    cache = HistoryCache()
    tenant, first_user, second_user = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    first = cache.get(NO_SESSION, tenant, first_user)
    second = cache.get(NO_SESSION, tenant, second_user)
    assert cache.get(NO_SESSION, tenant, first_user) is first
    cache.get(NO_SESSION, tenant, uuid.uuid4())  # the third user: the two held are dropped
    assert cache.get(NO_SESSION, tenant, first_user) is not first
    assert cache.get(NO_SESSION, tenant, second_user) is not second


def test_forgetting_a_user_never_cached_is_harmless() -> None:
    HistoryCache().forget(uuid.uuid4())


class _Rebuilt(threading.Event):
    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float | None] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(timeout)
        return True


def _index(version: int, orgs: int) -> DirectoryIndex:
    return cast(DirectoryIndex, SimpleNamespace(version=version, orgs=range(orgs), released=False))


def _cache_refreshing(monkeypatch: pytest.MonkeyPatch, index: DirectoryIndex) -> tuple[IndexCache, list[_Rebuilt]]:
    cache = IndexCache(builder=lambda session, tenant: index)
    queued: list[_Rebuilt] = []

    def refresh(tenant_id: uuid.UUID) -> _Rebuilt:
        queued.append(_Rebuilt())
        return queued[-1]

    monkeypatch.setattr(cache, "refresh", refresh)
    return cache, queued


TENANT = TenantIdentity(id=uuid.uuid4(), key="t", name="t", internal_domains=(), default_language="en", version=3)


NEWER = replace(TENANT, version=4)


def _built_at_version_3_with_small_at_5(
    monkeypatch: pytest.MonkeyPatch, orgs: int
) -> tuple[IndexCache, list[_Rebuilt]]:
    """A cache holding an index built at TENANT's version 3, directories of up to 5 organizations counting as small."""
    monkeypatch.setattr(index_cache, "SMALL_DIRECTORY_ORGS", 5)
    cache, queued = _cache_refreshing(monkeypatch, _index(version=3, orgs=orgs))
    cache.get(NO_SESSION, TENANT)
    return cache, queued


def test_an_index_built_at_the_tenants_version_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    index = _index(version=3, orgs=5)
    cache, queued = _cache_refreshing(monkeypatch, index)
    assert cache.get(NO_SESSION, TENANT) is index
    assert cache.get(NO_SESSION, TENANT) is index
    assert queued == []


def test_a_directory_of_exactly_the_small_size_waits_a_bounded_time_for_its_rebuild(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    small, small_queued = _built_at_version_3_with_small_at_5(monkeypatch, orgs=5)
    small.get(NO_SESSION, NEWER)
    assert [rebuilt.waits for rebuilt in small_queued] == [[index_cache.SMALL_DIRECTORY_WAIT_SECONDS]]
    large, large_queued = _built_at_version_3_with_small_at_5(monkeypatch, orgs=6)
    large.get(NO_SESSION, NEWER)
    assert [rebuilt.waits for rebuilt in large_queued] == [[]]  # queued, never waited for


def test_an_index_is_answered_from_at_once_when_current_or_when_too_large_to_wait_for(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unbuilt, _ = _cache_refreshing(monkeypatch, _index(version=3, orgs=5))
    assert not unbuilt.answers_at_once(TENANT)  # nothing built yet
    small, _ = _built_at_version_3_with_small_at_5(monkeypatch, orgs=5)
    assert small.answers_at_once(TENANT)
    assert not small.answers_at_once(NEWER)  # a check would wait for the small rebuild
    large, _ = _built_at_version_3_with_small_at_5(monkeypatch, orgs=6)
    assert large.answers_at_once(NEWER)  # checks keep using it while it rebuilds


def test_an_edited_organization_keeps_its_place_in_the_snapshot(db: Session) -> None:
    # PostgreSQL writes a row whose indexed columns change anew, after the others: read in storage order, a
    # renamed organization moved to the end and the ones after it were renumbered.
    load_demo_data(db)
    tenant = TenantIdentity.of(db.exec(select(Tenant)).one())
    before = [org.id for org in load_snapshot(db, tenant).organizations]
    first = db.get(Organization, uuid.UUID(before[0]))
    assert first is not None
    first.name, first.name_key = "Renamed Solar GmbH", "renamed solar gmbh"
    db.add(first)
    db.commit()
    assert [org.id for org in load_snapshot(db, tenant).organizations] == before


def test_the_snapshot_copies_each_organizations_owner_code_language_and_aliases(db: Session) -> None:
    load_demo_data(db)
    tenant = db.exec(select(Tenant)).one()
    snapshot = load_snapshot(db, TenantIdentity.of(tenant))
    orgs = {org.name: org for org in snapshot.organizations}
    solartech, sunpeak = orgs["SolarTech GmbH"], orgs["SunPeak Energy GmbH"]
    assert solartech.owner_email == ALEX
    assert solartech.customer_code == "C-1001"
    assert solartech.aliases == ("SolarTech", "Solar Tech")
    assert orgs["Alpen Photovoltaik"].aliases == ()
    assert solartech.language == "de"
    assert solartech.language is sunpeak.language  # one string object per language
