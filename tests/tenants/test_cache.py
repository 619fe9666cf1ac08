from __future__ import annotations

import uuid

from app.tenants.cache import IdentityCache
from app.tenants.models import Tenant, User


def test_entries_expire_and_a_tenant_change_forgets_them() -> None:
    now = [0.0]
    cache = IdentityCache(ttl=5, clock=lambda: now[0])
    tenant = Tenant(id=uuid.uuid4(), key="dev:a.example", name="a")
    other = Tenant(id=uuid.uuid4(), key="dev:b.example", name="b")
    cache.put("dev:a.example", "dev:x@a.example", tenant, User(tenant_id=tenant.id, subject="s", email="x@a.example"))
    cache.put("dev:b.example", "dev:y@b.example", other, User(tenant_id=other.id, subject="t", email="y@b.example"))
    assert cache.get("dev:a.example", "dev:x@a.example") is not None
    cache.forget_tenant(tenant.id)
    assert cache.get("dev:a.example", "dev:x@a.example") is None
    assert cache.get("dev:b.example", "dev:y@b.example") is not None
    now[0] = 6
    assert cache.get("dev:b.example", "dev:y@b.example") is None
