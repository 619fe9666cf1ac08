"""A load test's tenant and requests: the tenant, its users and a generated directory inserted in bulk, and the
check request bodies of generated drafts. Used by `make load` and `make soak`."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlmodel import col

from app.checks.models import CheckRecord
from app.db import create_db_engine, migrate
from app.directory.models import Contact, Organization, OrganizationDomain
from app.tenants.models import Tenant, User
from bench.directory_gen import INTERNAL_DOMAINS, Directory
from bench.drafts_gen import GeneratedDraft

ADMIN = f"admin@{INTERNAL_DOMAINS[0]}"


# --- database ------------------------------------------------------------------------------------


def dev_subject(email: str) -> str:
    return f"dev:{email}"


def build_database(
    url: str,
    directory: Directory,
    *,
    tenant_key: str = f"dev:{INTERNAL_DOMAINS[0]}",
    subject: Callable[[str], str] = dev_subject,
) -> str:
    """The tenant, its users and directory, inserted in bulk; returns one organization's id to edit.

    `tenant_key` and `subject` name the tenant and its users as the sign-in does (dev mode by default)."""
    engine = create_db_engine(url)
    migrate(engine)
    snapshot = directory.snapshot
    tenant_id = uuid.uuid4()
    org_ids = {org.id: uuid.uuid4() for org in snapshot.organizations}
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            sa.insert(Tenant),
            [
                {
                    "id": tenant_id,
                    "key": tenant_key,
                    "name": "Acme Trade",
                    "internal_domains": list(INTERNAL_DOMAINS),
                    "default_language": "en",
                    "version": 1,
                    "created_at": now,
                }
            ],
        )
        conn.execute(
            sa.insert(User),
            [
                {
                    "id": uuid.uuid4(),
                    "tenant_id": tenant_id,
                    "subject": subject(email),
                    "email": email,
                    "display_name": email.split("@")[0],
                    "locale": "en",
                    "role": "admin" if email == ADMIN else "member",
                    "created_at": now,
                }
                for email in (*directory.users, ADMIN)
            ],
        )
        conn.execute(
            sa.insert(Organization),
            [
                {
                    "id": org_ids[o.id],
                    "tenant_id": tenant_id,
                    "name": o.name,
                    "name_key": o.name.casefold(),
                    "kind": o.kind,
                    "aliases": list(o.aliases),
                    "rival_group": o.rival_group,
                    "owner_email": o.owner_email,
                    "customer_code": o.customer_code,
                    "language": o.language,
                    "created_at": now,
                    "updated_at": now,
                }
                for o in snapshot.organizations
            ],
        )
        conn.execute(
            sa.insert(OrganizationDomain),
            [
                {"id": uuid.uuid4(), "tenant_id": tenant_id, "organization_id": org_ids[o.id], "domain": d}
                for o in snapshot.organizations
                for d in o.domains
            ],
        )
        contacts = {c.email: c for c in snapshot.contacts}.values()
        conn.execute(
            sa.insert(Contact),
            [
                {
                    "id": uuid.uuid4(),
                    "tenant_id": tenant_id,
                    "organization_id": org_ids[c.org_id],
                    "email": c.email,
                    "name": c.name,
                    "language": c.language,
                }
                for c in contacts
            ],
        )
    engine.dispose()
    return str(org_ids[snapshot.organizations[0].id])


# --- requests ------------------------------------------------------------------------------------


def request_body(generated: GeneratedDraft) -> str:
    draft = generated.draft
    files = {name: (ctype, data) for name, ctype, data in generated.files}
    attachments = []
    for attachment in draft.attachments:
        if attachment.name in files:
            ctype, data = files[attachment.name]
            attachments.append(
                {"name": attachment.name, "content_type": ctype, "content_base64": base64.b64encode(data).decode()}
            )
        else:
            attachments.append({"name": attachment.name, "size": attachment.size})
    return json.dumps(
        {
            "client": generated.client,
            "trigger": generated.trigger,
            "draft": {
                "from": generated.user,
                "to": [{"email": r.email, "name": r.name} for r in draft.to],
                "cc": [{"email": r.email, "name": r.name} for r in draft.cc],
                "bcc": [{"email": r.email, "name": r.name} for r in draft.bcc],
                "subject": draft.subject,
                "body": draft.body,
                "body_format": draft.body_format,
                "attachments": attachments,
            },
        },
        ensure_ascii=False,
    )


def versions_in_use(url: str, recent: int = 40) -> tuple[int, set[int]]:
    """The tenant's directory version, and the index versions the latest `recent` checks were answered from."""
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            version = connection.execute(sa.select(Tenant.version)).scalar_one()
            latest = sa.select(CheckRecord.index_version).order_by(col(CheckRecord.created_at).desc()).limit(recent)
            used = set(connection.execute(latest).scalars())
    finally:
        engine.dispose()
    return int(version), used
