from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import String, cast, func, or_
from sqlmodel import Session, col, select

from app.directory.models import Contact, Organization, OrganizationDomain


def get(session: Session, tenant_id: uuid.UUID, org_id: uuid.UUID) -> Organization | None:
    return session.exec(
        select(Organization).where(Organization.tenant_id == tenant_id, Organization.id == org_id)
    ).first()


def get_by_name_key(session: Session, tenant_id: uuid.UUID, key: str) -> Organization | None:
    return session.exec(
        select(Organization).where(Organization.tenant_id == tenant_id, Organization.name_key == key)
    ).first()


def search(
    session: Session, tenant_id: uuid.UUID, q: str | None, limit: int, offset: int
) -> tuple[Sequence[Organization], int]:
    query = select(Organization).where(Organization.tenant_id == tenant_id)
    if q:
        query = query.where(_matches(tenant_id, q))
    total = session.exec(select(func.count()).select_from(query.subquery())).one()
    items = session.exec(query.order_by(col(Organization.name_key)).limit(limit).offset(offset)).all()
    return items, int(total)


def _matches(tenant_id: uuid.UUID, q: str):  # type: ignore[no-untyped-def]
    pattern = f"%{_escape_like(q.casefold())}%"
    by_domain = select(OrganizationDomain.organization_id).where(
        OrganizationDomain.tenant_id == tenant_id, col(OrganizationDomain.domain).like(pattern, escape="\\")
    )
    by_contact = select(Contact.organization_id).where(
        Contact.tenant_id == tenant_id,
        or_(func.lower(Contact.name).like(pattern, escape="\\"), col(Contact.email).like(pattern, escape="\\")),
    )
    return or_(
        col(Organization.name_key).like(pattern, escape="\\"),
        func.lower(cast(Organization.aliases, String)).like(pattern, escape="\\"),
        func.lower(Organization.customer_code).like(pattern, escape="\\"),
        col(Organization.id).in_(by_domain),
        col(Organization.id).in_(by_contact),
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def domain_owners(session: Session, tenant_id: uuid.UUID, domains: Iterable[str]) -> dict[str, uuid.UUID]:
    wanted = list(set(domains))
    if not wanted:
        return {}
    rows = session.exec(
        select(OrganizationDomain.domain, OrganizationDomain.organization_id).where(
            OrganizationDomain.tenant_id == tenant_id, col(OrganizationDomain.domain).in_(wanted)
        )
    ).all()
    return dict(rows)


def contact_owners(session: Session, tenant_id: uuid.UUID, emails: Iterable[str]) -> dict[str, uuid.UUID]:
    wanted = list(set(emails))
    if not wanted:
        return {}
    rows = session.exec(
        select(Contact.email, Contact.organization_id).where(
            Contact.tenant_id == tenant_id, col(Contact.email).in_(wanted)
        )
    ).all()
    return dict(rows)


def all_for_tenant(session: Session, tenant_id: uuid.UUID) -> Sequence[Organization]:
    return session.exec(select(Organization).where(Organization.tenant_id == tenant_id)).all()


def rival_group_members(session: Session, tenant_id: uuid.UUID) -> Sequence[tuple[uuid.UUID, str, str, str]]:
    """(id, name, kind, rival_group) of every organization in a rival group, by group then name."""
    group = col(Organization.rival_group)
    return session.exec(
        select(Organization.id, Organization.name, Organization.kind, group)
        .where(Organization.tenant_id == tenant_id, group.is_not(None))
        .order_by(group, col(Organization.name_key))
    ).all()  # type: ignore[return-value]
