"""Directory decisions: one domain and one contact address belong to one organization per tenant."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.common import utcnow
from app.directory import repository
from app.directory.exceptions import ContactTaken, DomainTaken, OrganizationExists, OrganizationNotFound
from app.directory.models import Contact, Organization, OrganizationDomain
from app.directory.schemas import ContactCreate, OrganizationCreate, OrganizationUpdate
from app.directory.validation import name_key
from app.tenants.identity import TenantIdentity
from app.tenants.repository import bump_version


def get(session: Session, tenant: TenantIdentity, org_id: uuid.UUID) -> Organization:
    org = repository.get(session, tenant.id, org_id)
    if org is None:
        raise OrganizationNotFound()
    return org


def create(session: Session, tenant: TenantIdentity, data: OrganizationCreate) -> Organization:
    key = name_key(data.name)
    if repository.get_by_name_key(session, tenant.id, key):
        raise OrganizationExists(details={"name": data.name})
    _ensure_domains_free(session, tenant.id, data.domains, owner=None)
    _ensure_contacts_free(session, tenant.id, [c.email for c in data.contacts], owner=None)
    _ensure_unique([c.email for c in data.contacts])
    org = Organization(
        tenant_id=tenant.id,
        name_key=key,
        **data.model_dump(exclude={"domains", "contacts"}),
    )
    _set_domains(org, tenant.id, data.domains)
    _set_contacts(org, tenant.id, data.contacts)
    session.add(org)
    _flush_or_conflict(session)
    bump_version(session, tenant.id)
    return org


def update(session: Session, tenant: TenantIdentity, org_id: uuid.UUID, data: OrganizationUpdate) -> Organization:
    org = get(session, tenant, org_id)
    changes = data.model_dump(exclude_unset=True)
    if "name" in changes and changes["name"] is not None:
        key = name_key(changes["name"])
        other = repository.get_by_name_key(session, tenant.id, key)
        if other is not None and other.id != org.id:
            raise OrganizationExists(details={"name": changes["name"]})
        org.name_key = key
    if data.domains is not None:
        _ensure_domains_free(session, tenant.id, data.domains, owner=org.id)
        _set_domains(org, tenant.id, data.domains)
    if data.contacts is not None:
        emails = [c.email for c in data.contacts]
        _ensure_unique(emails)
        _ensure_contacts_free(session, tenant.id, emails, owner=org.id)
        _set_contacts(org, tenant.id, data.contacts)
    for field in (
        "name",
        "kind",
        "aliases",
        "rival_group",
        "owner_email",
        "customer_code",
        "country",
        "language",
        "notes",
    ):
        if field in changes:
            if field in ("name", "kind", "aliases") and changes[field] is None:
                continue  # required fields cannot be cleared
            setattr(org, field, changes[field])
    org.updated_at = utcnow()
    session.add(org)
    _flush_or_conflict(session)
    bump_version(session, tenant.id)
    return org


def delete(session: Session, tenant: TenantIdentity, org_id: uuid.UUID) -> None:
    org = get(session, tenant, org_id)
    session.delete(org)
    session.flush()
    bump_version(session, tenant.id)


def _ensure_domains_free(
    session: Session, tenant_id: uuid.UUID, domains: Iterable[str], owner: uuid.UUID | None
) -> None:
    taken = {d: o for d, o in repository.domain_owners(session, tenant_id, domains).items() if o != owner}
    if taken:
        raise DomainTaken(details=[{"domain": d, "organization_id": str(o)} for d, o in sorted(taken.items())])


def _ensure_contacts_free(
    session: Session, tenant_id: uuid.UUID, emails: Iterable[str], owner: uuid.UUID | None
) -> None:
    taken = {e: o for e, o in repository.contact_owners(session, tenant_id, emails).items() if o != owner}
    if taken:
        raise ContactTaken(details=[{"email": e, "organization_id": str(o)} for e, o in sorted(taken.items())])


def _ensure_unique(emails: list[str]) -> None:
    repeated = sorted({e for e in emails if emails.count(e) > 1})
    if repeated:
        raise ContactTaken("The same contact address is listed twice.", details=[{"email": e} for e in repeated])


def _set_domains(org: Organization, tenant_id: uuid.UUID, domains: list[str]) -> None:
    existing = {row.domain: row for row in org.domain_rows}
    org.domain_rows = [
        existing.get(d) or OrganizationDomain(tenant_id=tenant_id, organization_id=org.id, domain=d) for d in domains
    ]


def _set_contacts(org: Organization, tenant_id: uuid.UUID, contacts: list[ContactCreate]) -> None:
    existing = {c.email: c for c in org.contacts}
    rows = []
    for data in contacts:
        row = existing.get(data.email) or Contact(tenant_id=tenant_id, organization_id=org.id, email=data.email)
        row.name, row.title, row.language = data.name, data.title, data.language
        rows.append(row)
    org.contacts = rows


def _flush_or_conflict(session: Session) -> None:
    """A concurrent request may have taken a name, domain or address since we looked."""
    try:
        session.flush()
    except IntegrityError as exc:
        session.rollback()
        raise OrganizationExists(
            "The organization conflicts with one saved at the same moment (name, domain or contact)."
        ) from exc
