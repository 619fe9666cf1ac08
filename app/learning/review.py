"""The proposal as a diff against the current directory, and taking the parts the administrator accepts.

Each proposed organization is "new" (none of its domains or addresses is in the directory), "changed" (one
directory organization has them, and the proposal adds domains, contacts, a language, an owner, a code or
aliases), "merged" (the learner joined domains it first saw apart into one company, with the merge's confidence
and evidence; applied like a new or changed one), or "conflict" (its addresses are spread over several directory
organizations: shown, never applied).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session

from app.analysis.directory import OrgKind
from app.directory import repository as directory_repository
from app.directory import service as directory_service
from app.directory.models import Organization
from app.directory.schemas import ContactCreate, OrganizationCreate, OrganizationUpdate
from app.errors import AppError
from app.tenants.identity import TenantIdentity


class Directory:
    def __init__(self, orgs: Iterable[Organization]) -> None:
        self.by_domain: dict[str, Organization] = {}
        self.by_email: dict[str, Organization] = {}
        for org in orgs:
            for domain in org.domains:
                self.by_domain[domain] = org
            for contact in org.contacts:
                self.by_email[contact.email.lower()] = org

    def matches(self, proposed: dict[str, Any]) -> list[Organization]:
        found = {id(o): o for d in proposed.get("domains", []) if (o := self.by_domain.get(d)) is not None}
        for address in proposed.get("addresses", []):
            if (o := self.by_email.get(address)) is not None:
                found[id(o)] = o
        return list(found.values())


def diff(session: Session, tenant: TenantIdentity, proposal: dict[str, Any]) -> list[dict[str, Any]]:
    directory = Directory(directory_repository.all_for_tenant(session, tenant.id))
    items = []
    for proposed in proposal.get("organizations", []):
        item = _item(proposed, directory.matches(proposed))
        if item is not None:
            items.append(item)
    return items


def _item(proposed: dict[str, Any], matches: list[Organization]) -> dict[str, Any] | None:
    base = {
        "key": proposed["key"],
        "name": proposed["name"],
        "confidence": proposed.get("confidence", 0.0),
        "messages": proposed.get("messages", 0),
        "kind": proposed.get("kind"),
        "kind_confidence": proposed.get("kind_confidence", 0.0),
    }
    merged = len(proposed.get("merged_domains") or ()) > 1
    if merged:
        base["merge"] = {
            "domains": list(proposed["merged_domains"]),
            "confidence": proposed.get("merge_confidence", 0.0),
            "evidence": list(proposed.get("merge_evidence", [])),
        }
    if not matches:
        return {**base, "status": "merged" if merged else "new", "existing": None, "changes": _new_fields(proposed)}
    if len(matches) > 1:
        return {**base, "status": "conflict", "existing": [str(o.id) for o in matches], "changes": {}}
    changes = _changes(proposed, matches[0])
    if not changes:
        return None
    return {**base, "status": "merged" if merged else "changed", "existing": [str(matches[0].id)], "changes": changes}


def _new_fields(proposed: dict[str, Any]) -> dict[str, Any]:
    return {
        "domains": proposed.get("domains", []),
        "contacts": [{"email": c["email"], "name": c["name"]} for c in proposed.get("contacts", [])],
        "language": proposed.get("language"),
        "owner_email": proposed.get("owner_email"),
        "customer_code": (proposed.get("customer_codes") or [None])[0],
        "country": proposed.get("country"),
    }


def _changes(proposed: dict[str, Any], org: Organization) -> dict[str, Any]:
    known = {c.email.lower() for c in org.contacts}
    changes: dict[str, Any] = {}
    if new_domains := [d for d in proposed.get("domains", []) if d not in org.domains]:
        changes["domains"] = new_domains
    if new_contacts := [
        {"email": c["email"], "name": c["name"]} for c in proposed.get("contacts", []) if c["email"] not in known
    ]:
        changes["contacts"] = new_contacts
    for field, value in (
        ("language", proposed.get("language")),
        ("owner_email", proposed.get("owner_email")),
        ("customer_code", (proposed.get("customer_codes") or [None])[0]),
        ("country", proposed.get("country")),
    ):
        if value and not getattr(org, field):
            changes[field] = value
    if new_aliases := [a for a in proposed.get("aliases", []) if a not in org.aliases]:
        changes["aliases"] = new_aliases
    return changes


def accept(
    session: Session, tenant: TenantIdentity, proposal: dict[str, Any], selected: dict[str, OrgKind | None]
) -> dict[str, Any]:
    """Apply the selected items (key -> kind for new organizations, None for the suggested kind, else customer);
    returns what was created, updated, skipped."""
    by_key = {o["key"]: o for o in proposal.get("organizations", [])}
    items = {i["key"]: i for i in diff(session, tenant, proposal)}
    created, updated, skipped = [], [], []
    for key, kind in selected.items():
        item, proposed = items.get(key), by_key.get(key)
        if item is None or proposed is None or item["status"] == "conflict":
            skipped.append({"key": key, "reason": "nothing_to_apply" if item is None else item["status"]})
            continue
        try:
            with session.begin_nested():
                if item["existing"] is None:
                    created.append(str(_create(session, tenant, proposed, kind).id))
                else:
                    updated.append(str(_update(session, tenant, item).id))
        except (AppError, ValidationError) as exc:
            reason = exc.code if isinstance(exc, AppError) else "invalid"
            skipped.append({"key": key, "reason": reason})
    return {"created": created, "updated": updated, "skipped": skipped}


def _create(session: Session, tenant: TenantIdentity, proposed: dict[str, Any], kind: OrgKind | None) -> Organization:
    fields = _new_fields(proposed)
    data = OrganizationCreate(
        name=proposed["name"],
        kind=kind or proposed.get("kind") or "customer",
        domains=fields["domains"],
        aliases=proposed.get("aliases", []),
        owner_email=fields["owner_email"],
        customer_code=fields["customer_code"],
        country=fields["country"],
        language=fields["language"],
        contacts=[ContactCreate(email=c["email"], name=c["name"]) for c in fields["contacts"]],
    )
    return directory_service.create(session, tenant, data)


def _update(session: Session, tenant: TenantIdentity, item: dict[str, Any]) -> Organization:
    org = directory_service.get(session, tenant, uuid.UUID(item["existing"][0]))
    changes = item["changes"]
    values: dict[str, Any] = {
        k: v for k, v in changes.items() if k in ("language", "owner_email", "customer_code", "country")
    }
    if "domains" in changes:
        values["domains"] = [*org.domains, *changes["domains"]]
    if "contacts" in changes:
        current = [ContactCreate(email=c.email, name=c.name, title=c.title, language=c.language) for c in org.contacts]
        values["contacts"] = current + [ContactCreate(email=c["email"], name=c["name"]) for c in changes["contacts"]]
    if "aliases" in changes:
        values["aliases"] = [*org.aliases, *changes["aliases"]]
    return directory_service.update(session, tenant, org.id, OrganizationUpdate(**values))
