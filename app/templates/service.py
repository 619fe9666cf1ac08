"""Rendering letters for people, and customer hand-offs that change who owns an account."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session, col, select

from app.auth.dependencies import AuthContext
from app.common import utcnow
from app.directory import service as directory
from app.directory.models import Contact, Organization
from app.errors import Conflict, Forbidden, ValidationFailed
from app.templates.catalogue import get_template, list_templates
from app.templates.models import Handoff
from app.templates.renderer import language_fallback, render
from app.templates.schemas import (
    FieldInfo,
    HandoffCreate,
    HandoffPublic,
    HandoffResult,
    Letter,
    RenderedLetter,
    TemplatePublic,
)
from app.tenants.identity import TenantIdentity
from app.tenants.repository import bump_version


def catalogue() -> list[TemplatePublic]:
    return [
        TemplatePublic(**{**t.to_dict(), "fields": [FieldInfo(**f.to_dict()) for f in t.fields]})
        for t in list_templates()
    ]


def render_template(name: str, locale: str, fields: Mapping[str, object]) -> RenderedLetter:
    rendered = render(name, locale, fields)
    return RenderedLetter(subject=rendered.subject, body_html=rendered.body_html, body_text=rendered.body_text)


def letter_language(template: str, *preferences: str | None) -> str:
    """The recipient's language (contact, then organization, then tenant default) that the template speaks."""
    preferred = next((p for p in preferences if p), None)
    return language_fallback(preferred, get_template(template).locales)


def letter(
    kind: str, template: str, language: str, fields: Mapping[str, object], to: list[str], **extra: Any
) -> Letter:
    rendered = render(template, language, fields)
    return Letter(
        kind=kind,
        to=to,
        language=language,
        subject=rendered.subject,
        body_html=rendered.body_html,
        body_text=rendered.body_text,
        **extra,
    )


def sender_fields(auth: AuthContext) -> dict[str, str]:
    """The signature: the user's display name and company. A letter is never signed with the address's local part
    ("alex", "sales01"): without a real display name it is signed with the company alone."""
    return {"sender_name": real_name(auth.user.display_name, auth.user.email) or auth.tenant.name,
            "sender_company": auth.tenant.name}  # fmt: skip


def real_name(display_name: str, email: str) -> str:
    name = " ".join(display_name.split())
    local = email.split("@", 1)[0]
    # The local part verbatim ("alex", "lin.wei") is what sign-ins without a name put there; "Alex" is a name.
    if not name or "@" in name or name == local:
        return ""
    return name


# --- hand-offs -----------------------------------------------------------------------------------


class HandoffNotAllowed(Forbidden):
    code = "handoff_not_allowed"
    message = "Only the account's owner or an administrator can hand it over."


class AlreadyOwner(Conflict):
    code = "already_owner"
    message = "This colleague already owns the account."


class NotAColleague(ValidationFailed):
    code = "new_owner_not_internal"
    message = "The new owner must have an address in one of your company's domains."


class UnknownContact(ValidationFailed):
    code = "contact_not_in_organization"
    message = "The contact does not belong to this organization."


def create_handoff(session: Session, auth: AuthContext, body: HandoffCreate) -> HandoffResult:
    org = directory.get(session, auth.tenant, body.organization_id)
    _ensure_may_hand_over(auth, org, body)
    contact = _notice_contact(org, body.contact_email)
    sender = sender_fields(auth)
    internal = _internal_email(auth, org, contact, body, sender)
    notice = _customer_notice(auth.tenant, org, contact, body, sender) if contact else None
    handoff = Handoff(
        tenant_id=auth.tenant.id,
        organization_id=org.id,
        created_by=auth.user.id,
        from_owner=org.owner_email,
        to_owner=body.to_owner_email,
        matter=body.matter,
        sections=body.sections.model_dump(),
        takeover_date=body.takeover_date,
    )
    org.owner_email = body.to_owner_email
    org.updated_at = utcnow()
    session.add_all([handoff, org])
    session.flush()
    bump_version(session, auth.tenant.id)
    return HandoffResult(handoff=HandoffPublic.model_validate(handoff), internal_email=internal, customer_notice=notice)


def list_handoffs(session: Session, tenant: TenantIdentity, organization_id: uuid.UUID | None) -> list[HandoffPublic]:
    query = select(Handoff).where(Handoff.tenant_id == tenant.id)
    if organization_id is not None:
        query = query.where(Handoff.organization_id == organization_id)
    rows = session.exec(query.order_by(col(Handoff.created_at).desc()).limit(500)).all()
    return [HandoffPublic.model_validate(row) for row in rows]


def _ensure_may_hand_over(auth: AuthContext, org: Organization, body: HandoffCreate) -> None:
    if org.owner_email and org.owner_email != auth.user.email and not auth.is_admin:
        raise HandoffNotAllowed(details={"owner": org.owner_email})
    if org.owner_email == body.to_owner_email:
        raise AlreadyOwner(details={"owner": org.owner_email})
    if not auth.tenant.owns_address(body.to_owner_email):
        raise NotAColleague(details={"to_owner_email": body.to_owner_email})


def _notice_contact(org: Organization, email: str | None) -> Contact | None:
    if email is None:
        return org.contacts[0] if org.contacts else None
    contact = next((c for c in org.contacts if c.email == email), None)
    if contact is None:
        raise UnknownContact(details={"contact_email": email})
    return contact


def _internal_email(
    auth: AuthContext, org: Organization, contact: Contact | None, body: HandoffCreate, sender: dict[str, str]
) -> Letter:
    language = letter_language("handoff_internal", body.locale, auth.user.locale)
    fields = {
        **body.sections.model_dump(),
        "new_owner_name": body.to_owner_name,
        "company": org.name,
        "contact_name": (contact.name or contact.email) if contact else org.name,
        "contact_email": contact.email if contact else None,
        "matter": body.matter,
        "sender_name": sender["sender_name"],
        "takeover_date": body.takeover_date,
    }
    return letter("handoff_internal", "handoff_internal", language, fields, [body.to_owner_email])


def _customer_notice(
    tenant: TenantIdentity, org: Organization, contact: Contact, body: HandoffCreate, sender: dict[str, str]
) -> Letter:
    language = letter_language("handoff_customer_notice", contact.language, org.language, tenant.default_language)
    fields = {
        "recipient_name": contact.name or contact.email.split("@", 1)[0],
        "matter": body.matter,
        "new_contact_name": body.to_owner_name,
        "new_contact_title": body.new_contact_title,
        "new_contact_email": body.to_owner_email,
        "new_contact_phone": body.new_contact_phone,
        "effective_date": body.takeover_date,
        "reason": body.reason,
        **sender,
    }
    return letter(
        "handoff_customer_notice",
        "handoff_customer_notice",
        language,
        fields,
        [contact.email],
        cc=[body.to_owner_email],
    )
