from __future__ import annotations

import uuid

from sqlalchemy import event, update
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, col, select

from app.changes import notices_for
from app.tenants.cache import identities
from app.tenants.models import Tenant, User


def get_tenant_by_key(session: Session, key: str) -> Tenant | None:
    return session.exec(select(Tenant).where(Tenant.key == key)).first()


def get_tenant_and_user(session: Session, key: str, subject: str) -> tuple[Tenant, User] | None:
    """Both rows in one round trip: this runs for every request."""
    row = session.exec(
        select(Tenant, User)
        .join(User, col(User.tenant_id) == Tenant.id)
        .where(Tenant.key == key, User.subject == subject)
    ).first()
    return (row[0], row[1]) if row else None


def get_user(session: Session, tenant_id: uuid.UUID, subject: str) -> User | None:
    return session.exec(select(User).where(User.tenant_id == tenant_id, User.subject == subject)).first()


def bump_version(session: Session, tenant_id: uuid.UUID) -> None:
    """Mark the tenant's directory or policy as changed, so every replica rebuilds its index."""
    identities.forget_tenant(tenant_id)
    # Forget again once committed: a concurrent request may have cached the old row in between.
    session.info.setdefault("changed_tenants", set()).add(tenant_id)
    session.execute(update(Tenant).where(Tenant.id == tenant_id).values(version=Tenant.version + 1))  # type: ignore[arg-type]


def current_version(session: Session, tenant_id: uuid.UUID) -> tuple[int, tuple[str, ...]]:
    """The tenant's version and its internal domains as stored now (a cached identity may be older)."""
    version, domains = session.exec(select(Tenant.version, Tenant.internal_domains).where(Tenant.id == tenant_id)).one()
    return int(version), tuple(domains or ())


@event.listens_for(OrmSession, "after_commit")
def _forget_changed_tenants(session: OrmSession) -> None:
    changed = session.info.pop("changed_tenants", ())
    notices = notices_for(session.bind) if changed else None
    for tenant_id in changed:
        identities.forget_tenant(tenant_id)
        if notices is not None:
            notices.tenant_changed(tenant_id)  # rebuild this process's index now, and tell other replicas
