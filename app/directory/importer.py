"""Directory import (CSV or XLSX): one row per contact, bad rows reported, good rows kept, one transaction.

All validation happens against an in-memory picture of the tenant's directory, so a 10,000-row file
costs a few queries, not one per row, and the import is written in one commit or not at all.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlmodel import Session

from app.analysis.directory import ORG_KINDS
from app.directory import repository
from app.directory.exceptions import InvalidCsv
from app.directory.models import Contact, Organization, OrganizationDomain
from app.directory.schemas import ImportError_, ImportPreviewItem, ImportResult
from app.directory.tables import Table
from app.directory.validation import (
    name_key,
    normalize_domain,
    normalize_email,
    normalize_language,
    split_list,
)
from app.tenants.identity import TenantIdentity
from app.tenants.repository import bump_version
from app.validation import NUL

COLUMNS = (
    "organization",
    "kind",
    "domains",
    "aliases",
    "rival_group",
    "owner_email",
    "contact_name",
    "contact_email",
    "language",
    "customer_code",
    "country",
)
REQUIRED_COLUMNS = ("organization", "kind")
# The preview names at most this many organizations; the counts are always complete.
PREVIEW_LIMIT = 1000
KINDS = ORG_KINDS


@dataclass
class ParsedRow:
    line: int
    organization: str
    kind: str
    domains: list[str]
    aliases: list[str]
    rival_group: str | None
    owner_email: str | None
    contact_name: str
    contact_email: str | None
    language: str | None
    customer_code: str | None = None
    country: str | None = None


@dataclass
class DirectoryState:
    """What the directory will look like once the rows accepted so far are written."""

    orgs_by_key: dict[str, Organization]
    domain_owner: dict[str, uuid.UUID]
    contact_owner: dict[str, uuid.UUID]
    contacts: dict[str, Contact]
    created: set[uuid.UUID] = field(default_factory=set)
    updated: set[uuid.UUID] = field(default_factory=set)
    contacts_created: int = 0
    contacts_updated: int = 0


def import_table(
    session: Session, tenant: TenantIdentity, table: Table, max_rows: int, *, dry_run: bool
) -> ImportResult:
    """Apply the file's rows to the directory; with dry_run, only say what would be created, updated and rejected."""
    columns = _check_header(table.header)
    state = _load_state(session, tenant.id, detach=dry_run)
    errors: list[ImportError_] = []
    for line, raw in _rows(table, columns, max_rows):
        try:
            row = _parse(line, raw)
            _apply(state, tenant.id, row)
        except ValueError as exc:
            name = " ".join(raw.get("organization", "").split())[:200] or None
            errors.append(ImportError_(line=line, message=str(exc), organization=name))
    changed = [org for org in state.orgs_by_key.values() if org.id in state.created or org.id in state.updated]
    if not dry_run:
        session.add_all(changed)
        if changed or state.contacts_created or state.contacts_updated:
            session.flush()
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


def _preview(state: DirectoryState, changed: list[Organization]) -> list[ImportPreviewItem]:
    items = [
        ImportPreviewItem(organization=org.name, action="create" if org.id in state.created else "update")
        for org in changed
    ]
    items.sort(key=lambda item: (item.action, item.organization.casefold()))
    return items[:PREVIEW_LIMIT]


def _check_header(header: list[str]) -> list[str]:
    names = [str(n).strip().lower() for n in header]
    if not any(names):
        raise InvalidCsv("The file is empty or has no header row.", details={"expected": list(COLUMNS)})
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    unknown = [n for n in names if n not in COLUMNS]
    if missing or unknown:
        raise InvalidCsv(
            "The header row does not match the import format.",
            details={"missing": missing, "unknown": unknown, "expected": list(COLUMNS)},
        )
    return names


def _rows(table: Table, columns: list[str], max_rows: int) -> Iterator[tuple[int, dict[str, str]]]:
    for count, (line, cells) in enumerate(table.rows, start=1):
        if count > max_rows:
            raise InvalidCsv(f"The file has more than {max_rows} rows; split it into smaller files.")
        normalized = dict(zip(columns, (c or "" for c in cells), strict=False))
        _refuse_nul(line, normalized)
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            yield line, {"__extra__": "x", **normalized}
        elif any(value.strip() for value in normalized.values()):
            yield line, normalized


def _refuse_nul(line: int, cells: dict[str, str]) -> None:
    # A NUL is never text: the whole file is refused (a UTF-16 export shows up this way), naming the cell.
    for column, value in cells.items():
        if NUL in value or NUL in column:
            raise InvalidCsv(
                f"Line {line}, column {column}: the file contains a NUL character. Save it as 'CSV UTF-8'.",
                details={"line": line, "column": column},
            )


def _parse(line: int, raw: dict[str, str]) -> ParsedRow:
    if "__extra__" in raw:
        raise ValueError("the row has more cells than the header")
    organization = " ".join(raw.get("organization", "").split())
    if not organization:
        raise ValueError("organization is empty")
    if len(organization) > 200:
        raise ValueError("organization is longer than 200 characters")
    kind = raw.get("kind", "").strip().lower()
    if kind not in KINDS:
        raise ValueError(f"kind '{raw.get('kind', '')}' is not one of {', '.join(KINDS)}")
    owner = raw.get("owner_email", "").strip()
    contact_email = raw.get("contact_email", "").strip()
    language = raw.get("language", "").strip()
    contact_name = " ".join(raw.get("contact_name", "").split())
    if contact_name and not contact_email:
        raise ValueError("contact_name is given but contact_email is empty")
    rival_group = raw.get("rival_group", "").strip() or None
    if rival_group and len(rival_group) > 100:
        raise ValueError("rival_group is longer than 100 characters")
    customer_code = raw.get("customer_code", "").strip() or None
    if customer_code and len(customer_code) > 64:
        raise ValueError("customer_code is longer than 64 characters")
    country = raw.get("country", "").strip().upper() or None
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise ValueError(f"country '{country}' is not a two-letter code such as DE or CN")
    return ParsedRow(
        line=line,
        customer_code=customer_code,
        country=country,
        organization=organization,
        kind=kind,
        domains=[normalize_domain(d) for d in split_list(raw.get("domains", ""))],
        aliases=[a[:200] for a in split_list(raw.get("aliases", ""))],
        rival_group=rival_group,
        owner_email=normalize_email(owner) if owner else None,
        contact_name=contact_name[:200],
        contact_email=normalize_email(contact_email) if contact_email else None,
        language=normalize_language(language) if language else None,
    )


def _load_state(session: Session, tenant_id: uuid.UUID, *, detach: bool) -> DirectoryState:
    orgs = repository.all_for_tenant(session, tenant_id)
    if detach:
        # A preview changes these objects in memory only: out of the session, nothing can be flushed.
        for org in orgs:
            session.expunge(org)
    state = DirectoryState(orgs_by_key={}, domain_owner={}, contact_owner={}, contacts={})
    for org in orgs:
        state.orgs_by_key[org.name_key] = org
        for row in org.domain_rows:
            state.domain_owner[row.domain] = org.id
        for contact in org.contacts:
            state.contact_owner[contact.email] = org.id
            state.contacts[contact.email] = contact
    return state


def _apply(state: DirectoryState, tenant_id: uuid.UUID, row: ParsedRow) -> None:
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
        owner = state.contact_owner.get(row.contact_email)
        if owner is not None and owner != org_id:
            raise ValueError(f"contact {row.contact_email} already belongs to another organization")
    if org is None:
        org = _new_org(tenant_id, key, row)
        state.orgs_by_key[key] = org
        state.created.add(org.id)
    elif _merge_org(org, row):
        state.updated.add(org.id)
    _merge_domains(state, org, tenant_id, row.domains)
    if row.contact_email:
        _upsert_contact(state, org, tenant_id, row)
    elif row.language and not org.language:
        org.language = row.language
        state.updated.add(org.id)


def _new_org(tenant_id: uuid.UUID, key: str, row: ParsedRow) -> Organization:
    return Organization(
        id=uuid.uuid4(),
        tenant_id=tenant_id,
        name=row.organization,
        name_key=key,
        kind=row.kind,
        aliases=list(dict.fromkeys(row.aliases)),
        rival_group=row.rival_group,
        owner_email=row.owner_email,
        customer_code=row.customer_code,
        country=row.country,
    )


def _merge_org(org: Organization, row: ParsedRow) -> bool:
    def snapshot() -> tuple[object, ...]:
        return (org.kind, tuple(org.aliases), org.rival_group, org.owner_email, org.customer_code, org.country)

    before = snapshot()
    org.kind = row.kind
    org.aliases = list(dict.fromkeys([*org.aliases, *row.aliases]))
    org.rival_group = row.rival_group or org.rival_group
    org.owner_email = row.owner_email or org.owner_email
    org.customer_code = row.customer_code or org.customer_code
    org.country = row.country or org.country
    return before != snapshot()


def _merge_domains(state: DirectoryState, org: Organization, tenant_id: uuid.UUID, domains: list[str]) -> None:
    for domain in domains:
        if state.domain_owner.get(domain) == org.id:
            continue
        org.domain_rows.append(OrganizationDomain(tenant_id=tenant_id, organization_id=org.id, domain=domain))
        state.domain_owner[domain] = org.id
        if org.id not in state.created:
            state.updated.add(org.id)


def _upsert_contact(state: DirectoryState, org: Organization, tenant_id: uuid.UUID, row: ParsedRow) -> None:
    assert row.contact_email is not None
    contact = state.contacts.get(row.contact_email)
    if contact is None:
        contact = Contact(
            tenant_id=tenant_id,
            organization_id=org.id,
            email=row.contact_email,
            name=row.contact_name,
            language=row.language,
        )
        org.contacts.append(contact)
        state.contacts[row.contact_email] = contact
        state.contact_owner[row.contact_email] = org.id
        state.contacts_created += 1
        return
    changed = False
    if row.contact_name and contact.name != row.contact_name:
        contact.name, changed = row.contact_name, True
    if row.language and contact.language != row.language:
        contact.language, changed = row.language, True
    if changed:
        state.contacts_updated += 1
        if org.id not in state.created:
            state.updated.add(org.id)
