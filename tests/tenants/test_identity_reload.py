"""An identity past its TTL answers while one background reload runs; a reload that read the database before a
tenant change is not kept, and one that finds the user changed or gone drops the entry."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from app.auth.principal import Principal
from app.tenants import cache as cache_module
from app.tenants import repository, service
from app.tenants.cache import IdentityCache
from app.tenants.identity import TenantIdentity, UserIdentity
from app.tenants.models import Tenant, User

ENGINE = sa.create_engine("sqlite://")  # the query is stood in for: never connects


def _rows(role: str = "member") -> tuple[Tenant, User]:
    tenant = Tenant(key="dev:a.example", name="a.example", internal_domains=["a.example"], version=1)
    user = User(tenant_id=tenant.id, subject="dev:x@a.example", email="x@a.example", role=role)
    return tenant, user


def _principal(role: str = "member") -> Principal:
    return Principal(
        subject="dev:x@a.example",
        email="x@a.example",
        tenant_key="dev:a.example",
        tenant_name="a.example",
        role=role,  # type: ignore[arg-type]
    )


@pytest.fixture
def identities(monkeypatch: pytest.MonkeyPatch) -> tuple[IdentityCache, list[float]]:
    now = [0.0]
    fresh = IdentityCache(ttl=5.0, clock=lambda: now[0])
    monkeypatch.setattr(service, "identities", fresh)
    return fresh, now


def _cached(cache: IdentityCache) -> tuple[Tenant, User]:
    """The rows of the identity now held by `cache`."""
    tenant, user = _rows()
    cache.put(tenant.key, user.subject, TenantIdentity.of(tenant), UserIdentity.of(user))
    return tenant, user


def test_lookup_is_fresh_then_stale_then_gone() -> None:
    now = [0.0]
    cache = IdentityCache(ttl=5.0, clock=lambda: now[0])
    tenant, user = _rows()
    identity = TenantIdentity.of(tenant), UserIdentity.of(user)
    cache.put(tenant.key, user.subject, *identity)
    assert cache.lookup(tenant.key, user.subject) == (identity, False)
    now[0] = 5.5
    assert cache.lookup(tenant.key, user.subject) == (identity, True)
    assert cache.get(tenant.key, user.subject) is None  # `get` answers fresh entries only
    now[0] = 5.0 + cache_module.STALE_SECONDS + 0.1
    assert cache.lookup(tenant.key, user.subject) is None


def test_a_load_begun_before_a_tenant_change_is_not_kept() -> None:
    cache = IdentityCache()
    tenant, user = _rows()
    generation = cache.generation
    cache.forget_tenant(tenant.id)  # a change committed while the load was reading
    cache.put(tenant.key, user.subject, TenantIdentity.of(tenant), UserIdentity.of(user), generation=generation)
    assert cache.lookup(tenant.key, user.subject) is None
    cache.put(tenant.key, user.subject, TenantIdentity.of(tenant), UserIdentity.of(user), generation=cache.generation)
    assert cache.lookup(tenant.key, user.subject) is not None


def test_a_stale_identity_answers_and_one_reload_refreshes_it(
    monkeypatch: pytest.MonkeyPatch, identities: tuple[IdentityCache, list[float]]
) -> None:
    cache, now = identities
    tenant, user = _cached(cache)
    newer = Tenant(id=tenant.id, key=tenant.key, name=tenant.name, internal_domains=["a.example"], version=2)
    gate, reads = threading.Event(), []

    def get_identity(session: object, key: str, subject: str) -> tuple[TenantIdentity, UserIdentity]:
        reads.append(key)
        assert gate.wait(10)
        return TenantIdentity.of(newer), UserIdentity.of(user)

    monkeypatch.setattr(repository, "get_identity", get_identity)
    assert service.cached_identity(_principal(), ENGINE) is not None  # fresh: no reload
    now[0] = 6.0
    answers = [service.cached_identity(_principal(), ENGINE) for _ in range(3)]
    assert all(a is not None and a[0].version == 1 for a in answers)  # the stale one, at once
    gate.set()
    service.identity_reloads.wait_idle()
    assert reads == [tenant.key]
    reloaded = service.cached_identity(_principal(), ENGINE)
    assert reloaded is not None and reloaded[0].version == 2
    assert cache.lookup(tenant.key, user.subject) == (reloaded, False)


def test_a_reload_that_finds_the_user_changed_drops_the_entry(
    monkeypatch: pytest.MonkeyPatch, identities: tuple[IdentityCache, list[float]]
) -> None:
    cache, now = identities
    tenant, user = _cached(cache)
    changed = TenantIdentity.of(tenant), UserIdentity.of(_rows(role="admin")[1])
    monkeypatch.setattr(repository, "get_identity", lambda *_: changed)
    now[0] = 6.0
    assert service.cached_identity(_principal(), ENGINE) is not None
    service.identity_reloads.wait_idle()
    assert cache.lookup(tenant.key, user.subject) is None  # the next request resolves it in full


def test_a_cached_identity_never_answers_for_a_changed_credential(
    identities: tuple[IdentityCache, list[float]],
) -> None:
    _cached(identities[0])
    assert service.cached_identity(_principal(role="admin"), ENGINE) is None


def test_identities_cached_together_expire_spread_over_the_last_part_of_their_ttl() -> None:
    now = [0.0]
    cache = IdentityCache(ttl=5.0, clock=lambda: now[0])
    tenant, _ = _rows()
    for n in range(200):
        user = User(tenant_id=tenant.id, subject=f"dev:u{n}@a.example", email=f"u{n}@a.example")
        cache.put(tenant.key, user.subject, TenantIdentity.of(tenant), UserIdentity.of(user))
    fresh_at = []
    for moment in (3.4, 3.6, 4.5, 5.0):
        now[0] = moment
        fresh_at.append(sum(cache.get(tenant.key, f"dev:u{n}@a.example") is not None for n in range(200)))
    assert fresh_at[0] == 200 and fresh_at[-1] == 0  # none before 70 % of the TTL, all by its end
    assert 0 < fresh_at[2] < 200  # in between: some reloaded, some not yet
