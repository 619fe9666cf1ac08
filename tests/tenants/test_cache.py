from __future__ import annotations

import uuid

import pytest

from app.tenants.cache import IdentityCache
from app.tenants.identity import TenantIdentity, UserIdentity
from app.tenants.models import Tenant, User


def _identity(domain: str, name: str) -> tuple[TenantIdentity, UserIdentity]:
    tenant = Tenant(id=uuid.uuid4(), key=f"dev:{domain}", name=domain, internal_domains=[domain])
    user = User(id=uuid.uuid4(), tenant_id=tenant.id, subject=f"dev:{name}@{domain}", email=f"{name}@{domain}")
    return TenantIdentity.of(tenant), UserIdentity.of(user)


def test_entries_expire_and_a_tenant_change_forgets_them() -> None:
    now = [0.0]
    cache = IdentityCache(ttl=5, clock=lambda: now[0])
    tenant, user = _identity("a.example", "x")
    other, other_user = _identity("b.example", "y")
    cache.put("dev:a.example", "dev:x@a.example", tenant, user)
    cache.put("dev:b.example", "dev:y@b.example", other, other_user)
    assert cache.get("dev:a.example", "dev:x@a.example") == (tenant, user)
    cache.forget_tenant(tenant.id)
    assert cache.get("dev:a.example", "dev:x@a.example") is None
    assert cache.get("dev:b.example", "dev:y@b.example") is not None
    now[0] = 6
    assert cache.get("dev:b.example", "dev:y@b.example") is None


def test_the_cache_refuses_session_rows_and_its_values_cannot_change() -> None:
    cache = IdentityCache()
    tenant, user = _identity("a.example", "x")
    row = Tenant(id=tenant.id, key=tenant.key, name=tenant.name)
    with pytest.raises(TypeError):
        cache.put(tenant.key, user.subject, row, user)  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        tenant.version = 99  # type: ignore[misc]
    assert tenant.owns_address("Sales@Mail.A.Example") and not tenant.owns_address("x@b.example")
