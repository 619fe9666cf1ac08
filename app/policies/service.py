"""A tenant's policy: defaults until an admin saves one."""

from __future__ import annotations

from collections.abc import Iterable

from sqlmodel import Session

from app.common import utcnow
from app.policies import repository
from app.policies.models import Policy
from app.policies.schemas import PolicyFields, PolicyPublic, PolicyUpdate
from app.tenants.identity import TenantIdentity
from app.tenants.models import Tenant
from app.tenants.repository import bump_version


def get_fields(session: Session, tenant: TenantIdentity) -> PolicyFields:
    row = repository.get(session, tenant.id)
    if row is None:
        return PolicyFields()
    return PolicyFields.model_validate(row.model_dump(exclude={"tenant_id", "updated_at"}))


def public(session: Session, tenant: TenantIdentity) -> PolicyPublic:
    return _public(get_fields(session, tenant), tenant.internal_domains)


def _public(fields: PolicyFields, internal_domains: Iterable[str]) -> PolicyPublic:
    return PolicyPublic(**fields.model_dump(), internal_domains=list(internal_domains))


def replace(session: Session, tenant: TenantIdentity, data: PolicyUpdate) -> PolicyPublic:
    row = repository.get(session, tenant.id) or Policy(tenant_id=tenant.id)
    for name, value in data.model_dump(exclude={"internal_domains"}).items():
        setattr(row, name, value)
    row.updated_at = utcnow()
    session.add(row)
    internal_domains: Iterable[str] = tenant.internal_domains
    if data.internal_domains is not None:
        # The caller's tenant is an immutable identity: change this session's own row.
        own = session.get(Tenant, tenant.id)
        assert own is not None
        own.internal_domains = list(dict.fromkeys(data.internal_domains))
        internal_domains = own.internal_domains
    session.flush()
    bump_version(session, tenant.id)
    return _public(get_fields(session, tenant), internal_domains)
