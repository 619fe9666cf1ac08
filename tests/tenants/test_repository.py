"""The identity of a sign-in read as plain columns: the same values as from the rows, for this tenant only."""

from __future__ import annotations

from sqlmodel import Session

from app.tenants import repository
from app.tenants.identity import TenantIdentity, UserIdentity
from app.tenants.models import Tenant, User


def _tenant_with_user(db: Session, key: str, domains: list[str] | None) -> tuple[Tenant, User]:
    tenant = Tenant(key=key, name="Acme 贸易", internal_domains=domains, default_language="de", version=4)
    db.add(tenant)
    db.flush()
    user = User(
        tenant_id=tenant.id, subject="sub-1", email="anna@acme.example", display_name="Anna Müller", role="admin"
    )
    db.add(user)
    db.commit()
    return tenant, user


def test_the_identity_holds_what_the_rows_hold(db: Session) -> None:
    tenant, user = _tenant_with_user(db, "t:acme", ["acme.example", "acme-trade.example"])
    assert repository.get_identity(db.connection(), "t:acme", "sub-1") == (
        TenantIdentity.of(tenant),
        UserIdentity.of(user),
    )


def test_a_subject_is_looked_up_in_its_own_tenant_only(db: Session) -> None:
    _tenant_with_user(db, "t:one", None)  # no internal domains stored yet: an empty tuple
    other, _user = _tenant_with_user(db, "t:two", ["two.example"])
    found = repository.get_identity(db.connection(), "t:one", "sub-1")
    assert found is not None and found[0].key == "t:one" and found[0].internal_domains == ()
    assert found[1].tenant_id != other.id
    assert repository.get_identity(db.connection(), "t:one", "sub-2") is None
    assert repository.get_identity(db.connection(), "t:three", "sub-1") is None
