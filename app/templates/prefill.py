"""What SendGuard already knows for a hand-off to the colleague who owns a customer, so the salesperson types
only what nobody else knows (overview, needs, personality, next steps).

From the directory: company, contact, country, customer code, language, owner. From what SendGuard saw: the
documents checked for that customer (document class and date; never their content or names).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from app.auth.dependencies import AuthContext
from app.checks.models import AttachmentScan
from app.directory import repository as directory
from app.directory.models import Contact, Organization
from app.incidents.glosses import language_name
from app.incidents.texts import doc_class_label, lang
from app.templates.exceptions import HandoffPrefillUnknown
from app.templates.schemas import HandoffPrefill
from app.templates.service import real_name, sender_fields
from app.tenants.models import User

# How far back the documents seen are looked for (most recent scans of the tenant first).
_RECENT_SCANS = 5000


def prefill(session: Session, auth: AuthContext, recipient: str, locale: str) -> HandoffPrefill:
    org, contact = _organization_of(session, auth.tenant.id, recipient)
    language = lang(locale)
    owner = org.owner_email
    return HandoffPrefill(
        template="handoff_internal",
        organization_id=org.id,
        to=owner,
        locale=language,
        fields={
            "new_owner_name": _colleague_name(session, auth.tenant.id, owner) if owner else "",
            "company": org.name,
            "contact_name": (contact.name or contact.email) if contact else org.name,
            "contact_email": contact.email if contact else None,
            "sender_name": sender_fields(auth)["sender_name"],
            "basic_info": _basic_info(org, contact, language),
            "materials_sent": _materials(session, auth.tenant.id, org.id, language),
        },
    )


def _organization_of(session: Session, tenant_id: uuid.UUID, email: str) -> tuple[Organization, Contact | None]:
    address = email.strip().lower()
    owners = directory.contact_owners(session, tenant_id, [address])
    org_id = owners.get(address) or directory.domain_owners(session, tenant_id, [address.rsplit("@", 1)[-1]]).get(
        address.rsplit("@", 1)[-1]
    )
    org = directory.get(session, tenant_id, org_id) if org_id else None
    if org is None:
        raise HandoffPrefillUnknown(details={"recipient": address})
    contact = next((c for c in org.contacts if c.email == address), None)
    return org, contact


def _colleague_name(session: Session, tenant_id: uuid.UUID, email: str) -> str:
    user = session.exec(select(User).where(User.tenant_id == tenant_id, User.email == email)).first()
    return (real_name(user.display_name, email) if user else "") or email


_LABELS = {
    "en": {"company": "Company", "country": "Country", "code": "Customer code", "contact": "Contact",
           "language": "Language", "owner": "Account owner", "rival": "Competes with the others in"},
    "zh-CN": {"company": "公司", "country": "国家", "code": "客户编号", "contact": "联系人",
              "language": "语言", "owner": "客户负责人", "rival": "所在竞争组"},
}  # fmt: skip


def _basic_info(org: Organization, contact: Contact | None, language: str) -> str:
    labels = _LABELS[language]
    rows: list[tuple[str, Any]] = [
        ("company", org.name),
        ("country", org.country),
        ("code", org.customer_code),
        ("contact", f"{contact.name} <{contact.email}>".strip() if contact else None),
        ("language", language_name((contact.language if contact else None) or org.language, language) or None),
        ("owner", org.owner_email),
        ("rival", org.rival_group),
    ]
    separator = "：" if language == "zh-CN" else ": "
    return "\n".join(f"{labels[key]}{separator}{value}" for key, value in rows if value)


def _materials(session: Session, tenant_id: uuid.UUID, org_id: uuid.UUID, language: str) -> list[str]:
    """One line per kind of document SendGuard saw naming the customer, with the last date it was seen."""
    scans = session.exec(
        select(AttachmentScan.doc_class, AttachmentScan.organization_ids, AttachmentScan.created_at)
        .where(AttachmentScan.tenant_id == tenant_id)
        .order_by(col(AttachmentScan.created_at).desc())
        .limit(_RECENT_SCANS)
    ).all()
    latest: dict[str, datetime] = {}
    for doc_class, organization_ids, seen in scans:
        if str(org_id) in (organization_ids or ()) and doc_class not in latest:
            latest[doc_class] = seen
    return [f"{doc_class_label(cls, language)} ({seen.date().isoformat()})" for cls, seen in latest.items()]
