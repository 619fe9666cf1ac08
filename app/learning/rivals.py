"""Accepting rival suggestions: the organizations of one suggestion share a rival_group tag in the directory.

A suggestion names proposed organizations; each is found in the directory by its domains or addresses (so the
organizations must have been accepted first, in this request or an earlier one). When one of them already has a
rival group, the others join it; otherwise the group is named after the country and the first organization.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session

from app.directory import repository as directory_repository
from app.directory import service as directory_service
from app.directory.models import Organization
from app.directory.schemas import OrganizationUpdate
from app.errors import AppError
from app.learning.review import Directory
from app.tenants.identity import TenantIdentity

_NOT_TAG = re.compile(r"[^a-z0-9]+")


def accept_rivals(
    session: Session, tenant: TenantIdentity, proposal: dict[str, Any], indexes: list[int]
) -> tuple[list[str], list[dict[str, str]]]:
    """Returns the rival groups set and the suggestions skipped (with why)."""
    suggestions = proposal.get("rival_suggestions", [])
    by_key = {o["key"]: o for o in proposal.get("organizations", [])}
    groups: list[str] = []
    skipped: list[dict[str, str]] = []
    for index in dict.fromkeys(indexes):
        if not 0 <= index < len(suggestions):
            skipped.append({"key": str(index), "reason": "no_such_suggestion"})
            continue
        directory = Directory(directory_repository.all_for_tenant(session, tenant.id))
        suggestion = suggestions[index]
        members = _members(directory, [by_key[k] for k in suggestion["org_keys"] if k in by_key])
        if len(members) < 2:
            skipped.append({"key": str(index), "reason": "organizations_not_in_directory"})
            continue
        tag = next((o.rival_group for o in members if o.rival_group), None) or _tag(suggestion, members[0])
        try:
            with session.begin_nested():
                for org in members:
                    if org.rival_group != tag:
                        directory_service.update(session, tenant, org.id, OrganizationUpdate(rival_group=tag))
        except (AppError, ValidationError) as exc:
            skipped.append({"key": str(index), "reason": exc.code if isinstance(exc, AppError) else "invalid"})
            continue
        groups.append(tag)
    return groups, skipped


def _members(directory: Directory, proposed: list[dict[str, Any]]) -> list[Organization]:
    found: dict[Any, Organization] = {}
    for org in proposed:
        matches = directory.matches(org)
        if len(matches) == 1:
            found[matches[0].id] = matches[0]
    return list(found.values())


def _tag(suggestion: dict[str, Any], first: Organization) -> str:
    name = _NOT_TAG.sub("-", first.name.casefold()).strip("-")[:40] or "group"
    return f"{str(suggestion.get('country') or 'xx').lower()}-{name}-rivals"
