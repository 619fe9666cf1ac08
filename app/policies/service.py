"""A tenant's policy: defaults until an admin saves one."""

from __future__ import annotations

from sqlmodel import Session

from app.common import utcnow
from app.policies import repository
from app.policies.models import Policy
from app.policies.schemas import PolicyFields, PolicyPublic, PolicyUpdate
from app.tenants.models import Tenant
from app.tenants.repository import bump_version


def get_fields(session: Session, tenant: Tenant) -> PolicyFields:
    row = repository.get(session, tenant.id)
    if row is None:
        return PolicyFields()
    return PolicyFields.model_validate(row.model_dump(exclude={"tenant_id", "updated_at"}))


def public(session: Session, tenant: Tenant) -> PolicyPublic:
    return PolicyPublic(**get_fields(session, tenant).model_dump(), internal_domains=list(tenant.internal_domains))


def replace(session: Session, tenant: Tenant, data: PolicyUpdate) -> PolicyPublic:
    row = repository.get(session, tenant.id) or Policy(tenant_id=tenant.id)
    for name, value in data.model_dump(exclude={"internal_domains"}).items():
        setattr(row, name, value)
    row.updated_at = utcnow()
    session.add(row)
    if data.internal_domains is not None:
        # The caller's tenant row may be a shared cached copy: change this session's own.
        own = session.get(Tenant, tenant.id)
        assert own is not None
        own.internal_domains = list(dict.fromkeys(data.internal_domains))
        tenant = own
    session.flush()
    bump_version(session, tenant.id)
    return public(session, tenant)
