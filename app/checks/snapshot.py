"""Loading a tenant's directory and policy as the plain snapshot the analysis index is built from."""

from __future__ import annotations

import sys
import uuid
from collections import defaultdict

from sqlalchemy import ColumnElement, String, select, type_coerce
from sqlmodel import Session, col

from app.analysis.directory import ConfusionEntry, ContactEntry, DirectorySnapshot, OrgEntry, PolicyView
from app.directory.models import Contact, Organization, OrganizationDomain
from app.incidents.models import ConfusionPair
from app.policies.service import get_fields
from app.tenants.identity import TenantIdentity
from app.tenants.repository import current_version


def load_snapshot(session: Session, tenant: TenantIdentity) -> DirectorySnapshot:
    # The version is read before the rows: a change made while loading leaves the snapshot marked older
    # than the data it holds, so the next request rebuilds rather than keeping a stale index.
    version, internal_domains = current_version(session, tenant.id)
    # Plain column rows on the session's connection rather than ORM objects or ORM rows: a 100,000-organization
    # directory is 530,000 rows. Ids are read as stored and turned into text once per organization (building a
    # UUID for each of them was the largest cost of loading); an organization's id is then one string object
    # wherever it appears (its entry, each of its contacts), and the few distinct languages are interned: at
    # 330,000 contacts that is ~50 MB less per index.
    connection = session.connection()
    ids: dict[object, str] = {}

    def text_id(stored: object) -> str:
        return ids.get(stored) or ids.setdefault(stored, _id_text(stored))

    domains: dict[str, list[str]] = defaultdict(list)
    for org_id, domain in connection.execute(
        select(_stored(OrganizationDomain.organization_id), col(OrganizationDomain.domain)).where(
            col(OrganizationDomain.tenant_id) == tenant.id
        )
    ):
        domains[text_id(org_id)].append(domain)
    organizations = tuple(
        OrgEntry(
            id=text_id(row.id),
            name=row.name,
            kind=row.kind,
            domains=tuple(domains.get(text_id(row.id), ())),
            aliases=tuple(row.aliases or ()),
            rival_group=row.rival_group,
            owner_email=row.owner_email,
            customer_code=row.customer_code,
            language=_interned(row.language),
        )
        for row in connection.execute(
            select(
                _stored(Organization.id).label("id"),
                col(Organization.name),
                col(Organization.kind),
                col(Organization.aliases),
                col(Organization.rival_group),
                col(Organization.owner_email),
                col(Organization.customer_code),
                col(Organization.language),
            )
            .where(col(Organization.tenant_id) == tenant.id)
            # Creation order: PostgreSQL returns an updated row after the others, which would renumber every
            # organization after an edit of one (and a worker could reuse no part of the index it holds).
            .order_by(col(Organization.created_at), col(Organization.id))
        )
    )
    contacts = tuple(
        ContactEntry(org_id=text_id(org_id), email=email, name=name, language=_interned(language))
        for org_id, email, name, language in connection.execute(
            select(
                _stored(Contact.organization_id), col(Contact.email), col(Contact.name), col(Contact.language)
            ).where(col(Contact.tenant_id) == tenant.id)
        )
    )
    confusions = tuple(
        ConfusionEntry(intended=intended, wrong=wrong, count=count)
        for intended, wrong, count in session.execute(
            select(col(ConfusionPair.intended), col(ConfusionPair.wrong), col(ConfusionPair.count)).where(
                col(ConfusionPair.tenant_id) == tenant.id
            )
        )
    )
    policy = get_fields(session, tenant)
    return DirectorySnapshot(
        tenant_version=version,
        internal_domains=internal_domains,
        organizations=organizations,
        contacts=contacts,
        confusions=confusions,
        policy=PolicyView(
            bcc_threshold=policy.bcc_threshold,
            large_audience=policy.large_audience,
            sensitive_terms={k: tuple(v) for k, v in policy.sensitive_terms.items()},
            enforcement=dict(policy.enforcement),
            hold_external_minutes=policy.hold_external_minutes,
            suppress_dismissed_days=policy.suppress_dismissed_days,
        ),
    )


def _stored(column: object) -> ColumnElement[object]:
    """An id column as the database returns it (no UUID built per row); `_id_text` turns it into text."""
    return type_coerce(col(column), String)


def _id_text(stored: object) -> str:
    # SQLite stores 32 hex digits, PostgreSQL's driver returns a UUID: both become the id's usual text form.
    return str(stored if isinstance(stored, uuid.UUID) else uuid.UUID(str(stored)))


def _interned(value: str | None) -> str | None:
    return sys.intern(value) if value else value
