"""Directory import (CSV or XLSX): one row per contact, bad rows reported, good rows kept, one transaction.

The import is set-based. The whole file is parsed first; then only the stored rows it names (organizations
by name, domains, contact addresses) are loaded, in chunked queries; the rows are validated and merged
against that picture in file order; and the difference is written as a few bulk INSERTs and UPDATEs by
primary key. A one-row file costs a handful of queries whatever the directory's size, and a 100,000-row
file costs no per-row ORM work.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlmodel import Session

from app.common import utcnow
from app.directory import repository
from app.directory.import_rows import COLUMNS, ParsedRow, check_header, parse_row, table_rows
from app.directory.schemas import ImportError_, ImportPreviewItem, ImportResult
from app.directory.tables import Table
from app.directory.validation import name_key
from app.tenants.identity import TenantIdentity
from app.tenants.repository import bump_version

__all__ = ["COLUMNS", "PREVIEW_LIMIT", "import_table"]

# The preview names at most this many organizations; the counts are always complete.
PREVIEW_LIMIT = 1000
_ORG_FIELDS = ("kind", "aliases", "rival_group", "owner_email", "customer_code", "country", "language")


@dataclass(slots=True)
class OrgRecord:
    id: uuid.UUID
    name: str
    name_key: str
    kind: str
    aliases: list[str]
    rival_group: str | None = None
    owner_email: str | None = None
    customer_code: str | None = None
    country: str | None = None
    language: str | None = None

    def values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in _ORG_FIELDS)


@dataclass(slots=True)
class ContactRecord:
    id: uuid.UUID
    org_id: uuid.UUID
    email: str
    name: str
    language: str | None


@dataclass
class DirectoryState:
    """The stored rows the file names, as they will be once the rows accepted so far are written."""

    orgs_by_key: dict[str, OrgRecord]
    domain_owner: dict[str, uuid.UUID]
    contacts: dict[str, ContactRecord]
    created: set[uuid.UUID] = field(default_factory=set)
    updated: set[uuid.UUID] = field(default_factory=set)
    new_domains: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    new_contacts: set[str] = field(default_factory=set)
    changed_contacts: set[str] = field(default_factory=set)
    contacts_created: int = 0
    contacts_updated: int = 0


def import_table(
    session: Session, tenant: TenantIdentity, table: Table, max_rows: int, *, dry_run: bool
) -> ImportResult:
    """Apply the file's rows to the directory; with dry_run, only say what would be created, updated and rejected."""
    columns = check_header(table.header)
    parsed: list[tuple[int, dict[str, str], ParsedRow | str]] = []
    for line, raw in table_rows(table, columns, max_rows):
        try:
            parsed.append((line, raw, parse_row(line, raw)))
        except ValueError as exc:
            parsed.append((line, raw, str(exc)))
    rows = [row for _line, _raw, row in parsed if isinstance(row, ParsedRow)]
    state = _load_state(session, tenant.id, rows)
    errors: list[ImportError_] = []
    for line, raw, row in parsed:
        try:
            if isinstance(row, str):
                raise ValueError(row)
            _apply(state, row)
        except ValueError as exc:
            name = " ".join(raw.get("organization", "").split())[:200] or None
            errors.append(ImportError_(line=line, message=str(exc), organization=name))
    changed = [org for org in state.orgs_by_key.values() if org.id in state.created or org.id in state.updated]
    if not dry_run and (changed or state.new_contacts or state.changed_contacts):
        _write(session, tenant.id, state, changed)
        bump_version(session, tenant.id)
    return ImportResult(
        created=len(state.created),
        updated=len(state.updated - state.created),
        contacts_created=state.contacts_created,
        contacts_updated=state.contacts_updated,
        errors=errors,
        dry_run=dry_run,
        preview=_preview(state, changed),
    )


def _preview(state: DirectoryState, changed: list[OrgRecord]) -> list[ImportPreviewItem]:
    items = [
        ImportPreviewItem(organization=org.name, action="create" if org.id in state.created else "update")
        for org in changed
    ]
    items.sort(key=lambda item: (item.action, item.organization.casefold()))
    return items[:PREVIEW_LIMIT]


def _load_state(session: Session, tenant_id: uuid.UUID, rows: list[ParsedRow]) -> DirectoryState:
    keys = {name_key(row.organization) for row in rows}
    domains = {domain for row in rows for domain in row.domains}
    emails = {row.contact_email for row in rows if row.contact_email}
    orgs = {
        org.name_key: OrgRecord(
            id=org.id,
            name=org.name,
            name_key=org.name_key,
            kind=org.kind,
            aliases=list(org.aliases or ()),
            rival_group=org.rival_group,
            owner_email=org.owner_email,
            customer_code=org.customer_code,
            country=org.country,
            language=org.language,
        )
        for org in repository.organizations_by_key(session, tenant_id, keys)
    }
    contacts = {
        c.email: ContactRecord(id=c.id, org_id=c.organization_id, email=c.email, name=c.name, language=c.language)
        for c in repository.contacts_by_email(session, tenant_id, emails)
    }
    owners = repository.domain_owners(session, tenant_id, domains)
    return DirectoryState(orgs_by_key=orgs, domain_owner=owners, contacts=contacts)


def _apply(state: DirectoryState, row: ParsedRow) -> None:
    """Check the whole row first, then change state: a rejected row leaves nothing behind."""
    key = name_key(row.organization)
    org = state.orgs_by_key.get(key)
    org_id = org.id if org else None
    if org is not None and org.id in state.created and org.kind != row.kind:
        raise ValueError(f"kind '{row.kind}' differs from '{org.kind}' given earlier for {org.name}")
    for domain in row.domains:
        owner = state.domain_owner.get(domain)
        if owner is not None and owner != org_id:
            raise ValueError(f"domain {domain} already belongs to another organization")
    if row.contact_email:
        contact = state.contacts.get(row.contact_email)
        if contact is not None and contact.org_id != org_id:
            raise ValueError(f"contact {row.contact_email} already belongs to another organization")
    if org is None:
        org = _new_org(key, row)
        state.orgs_by_key[key] = org
        state.created.add(org.id)
    elif _merge_org(org, row):
        state.updated.add(org.id)
    _merge_domains(state, org, row.domains)
    if row.contact_email:
        _upsert_contact(state, org, row)
    elif row.language and not org.language:
        org.language = row.language
        state.updated.add(org.id)


def _new_org(key: str, row: ParsedRow) -> OrgRecord:
    return OrgRecord(
        id=uuid.uuid4(),
        name=row.organization,
        name_key=key,
        kind=row.kind,
        aliases=list(dict.fromkeys(row.aliases)),
        rival_group=row.rival_group,
        owner_email=row.owner_email,
        customer_code=row.customer_code,
        country=row.country,
    )


def _merge_org(org: OrgRecord, row: ParsedRow) -> bool:
    before = org.values()
    org.kind = row.kind
    org.aliases = list(dict.fromkeys([*org.aliases, *row.aliases]))
    org.rival_group = row.rival_group or org.rival_group
    org.owner_email = row.owner_email or org.owner_email
    org.customer_code = row.customer_code or org.customer_code
    org.country = row.country or org.country
    return before != org.values()


def _merge_domains(state: DirectoryState, org: OrgRecord, domains: list[str]) -> None:
    for domain in domains:
        if state.domain_owner.get(domain) == org.id:
            continue
        state.new_domains.append((org.id, domain))
        state.domain_owner[domain] = org.id
        if org.id not in state.created:
            state.updated.add(org.id)


def _upsert_contact(state: DirectoryState, org: OrgRecord, row: ParsedRow) -> None:
    assert row.contact_email is not None
    contact = state.contacts.get(row.contact_email)
    if contact is None:
        state.contacts[row.contact_email] = ContactRecord(
            id=uuid.uuid4(), org_id=org.id, email=row.contact_email, name=row.contact_name, language=row.language
        )
        state.new_contacts.add(row.contact_email)
        state.contacts_created += 1
        return
    changed = False
    if row.contact_name and contact.name != row.contact_name:
        contact.name, changed = row.contact_name, True
    if row.language and contact.language != row.language:
        contact.language, changed = row.language, True
    if changed:
        state.changed_contacts.add(row.contact_email)
        state.contacts_updated += 1
        if org.id not in state.created:
            state.updated.add(org.id)


def _write(session: Session, tenant_id: uuid.UUID, state: DirectoryState, changed: list[OrgRecord]) -> None:
    now = utcnow()
    new_orgs = [_org_values(org) | {"tenant_id": tenant_id, "created_at": now, "updated_at": now}
                for org in changed if org.id in state.created]  # fmt: skip
    touched = [_org_values(org) | {"updated_at": now} for org in changed if org.id not in state.created]
    new_contacts, touched_contacts = [], []
    for email in sorted(state.new_contacts | state.changed_contacts):
        contact = state.contacts[email]
        values = {"id": contact.id, "name": contact.name, "language": contact.language}
        if email in state.new_contacts:
            new_contacts.append(values | {"tenant_id": tenant_id, "organization_id": contact.org_id, "email": email})
        else:
            touched_contacts.append(values)
    domains = [
        {"id": uuid.uuid4(), "tenant_id": tenant_id, "organization_id": org_id, "domain": domain}
        for org_id, domain in state.new_domains
    ]
    repository.write_import(session, new_orgs, touched, domains, new_contacts, touched_contacts)


def _org_values(org: OrgRecord) -> dict[str, object]:
    return {"id": org.id, "name": org.name, "name_key": org.name_key} | {
        name: getattr(org, name) for name in _ORG_FIELDS
    }
