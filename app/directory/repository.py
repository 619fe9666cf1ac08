from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Row, String, cast, func, insert, or_, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from app.directory.models import Contact, Organization, OrganizationDomain

# Values per IN (...) list: well under SQLite's bound-parameter limit, few round trips on PostgreSQL.
IN_CHUNK = 900


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
    owners: dict[str, uuid.UUID] = {}
    for chunk in _chunks(domains):
        owners.update(
            session.exec(
                select(OrganizationDomain.domain, OrganizationDomain.organization_id).where(
                    OrganizationDomain.tenant_id == tenant_id, col(OrganizationDomain.domain).in_(chunk)
                )
            ).all()
        )
    return owners


def contact_owners(session: Session, tenant_id: uuid.UUID, emails: Iterable[str]) -> dict[str, uuid.UUID]:
    return {contact.email: contact.organization_id for contact in contacts_by_email(session, tenant_id, emails)}


def organizations_by_key(session: Session, tenant_id: uuid.UUID, keys: Iterable[str]) -> list[Row[Any]]:
    """The named organizations' own columns as plain rows (no ORM objects, no domains or contacts)."""
    columns = [c for c in Organization.__table__.c if c.name not in ("tenant_id", "notes")]  # type: ignore[attr-defined]
    found: list[Row[Any]] = []
    for chunk in _chunks(keys):
        query = sa_select(*columns).where(
            col(Organization.tenant_id) == tenant_id, col(Organization.name_key).in_(chunk)
        )
        found.extend(session.execute(query).all())
    return found


def contacts_by_email(session: Session, tenant_id: uuid.UUID, emails: Iterable[str]) -> list[Row[Any]]:
    """(id, organization_id, email, name, language) of the named contacts, as plain rows."""
    found: list[Row[Any]] = []
    for chunk in _chunks(emails):
        query = sa_select(
            col(Contact.id), col(Contact.organization_id), col(Contact.email), col(Contact.name), col(Contact.language)
        ).where(col(Contact.tenant_id) == tenant_id, col(Contact.email).in_(chunk))
        found.extend(session.execute(query).all())
    return found


def write_import(
    session: Session,
    new_orgs: list[dict[str, Any]],
    changed_orgs: list[dict[str, Any]],
    new_domains: list[dict[str, Any]],
    new_contacts: list[dict[str, Any]],
    changed_contacts: list[dict[str, Any]],
) -> None:
    """An import's difference as bulk statements (executemany), parents first, in the caller's transaction."""
    for model, rows in ((Organization, new_orgs), (OrganizationDomain, new_domains), (Contact, new_contacts)):
        if rows:
            session.execute(insert(model.__table__), rows)  # type: ignore[union-attr]
    for model, rows in ((Organization, changed_orgs), (Contact, changed_contacts)):
        if rows:
            session.execute(update(model), rows)  # ORM bulk UPDATE by primary key


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    wanted, size = sorted(set(values)), IN_CHUNK
    for start in range(0, len(wanted), size):
        yield wanted[start : start + size]


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
