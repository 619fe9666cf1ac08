"""The letters after a wrong send, each in its recipient's language (contact, organization, tenant)."""

from __future__ import annotations

from datetime import datetime

from app.analysis.directory import OrgEntry
from app.analysis.index import DirectoryIndex
from app.auth.dependencies import AuthContext
from app.incidents.assessment import Assessment, RecipientRelation
from app.incidents.glosses import gloss
from app.incidents.schemas import IncidentDraft
from app.mailbox.base import MailMessage
from app.templates.schemas import Letter
from app.templates.service import letter, letter_language, sender_fields

_WRONG_KIND = {"customer": "customer", "competitor": "other", "unrelated": "other"}
_KIND_RANK = {"other": 0, "customer": 1, "rival": 2}


def build_letters(
    auth: AuthContext,
    index: DirectoryIndex,
    message: MailMessage,
    assessment: Assessment,
    intended: list[str],
    sent_at: datetime,
    locale: str = "en",
) -> list[IncidentDraft]:
    """The letters, each with its recipient's name and, when written in another language than the user's,
    a gloss in the user's language saying what it says."""
    sender = sender_fields(auth)
    documents = [a.name for a in message.attachments]
    letters = [_apology(auth, index, message, assessment, r, sent_at, documents, sender) for r in assessment.recipients]
    received = {a.email.lower() for a in (*message.to, *message.cc, *message.bcc)}
    for email in intended:
        letters.append(_notice(auth, index, message, assessment, email, sent_at, documents, sender))
        if documents and email not in received:
            letters.append(_resend(auth, index, message, email, documents, sender))
    return [_as_draft(item, index, message, locale, sent_at, documents) for item in letters]


def _as_draft(
    item: Letter, index: DirectoryIndex, message: MailMessage, locale: str, sent_at: datetime, documents: list[str]
) -> IncidentDraft:
    name = _person(index, message, item.to[0])[0]
    return IncidentDraft(
        kind=item.kind,
        to=item.to,
        cc=item.cc,
        subject=item.subject,
        body=item.body_html,
        body_text=item.body_text,
        language=item.language,
        attachments=item.attachments,
        recipient_name=name,
        gloss=gloss(item.kind, item.language, locale, name, sent_at.date(), documents),
    )


def _person(index: DirectoryIndex, message: MailMessage, email: str) -> tuple[str, str | None, str | None]:
    """Name, contact language and organization language for an address."""
    contact = index.contact_by_email.get(email)
    org_index = index.org_index_for_address(email)
    org = index.org(org_index) if org_index is not None else None
    shown = next((a.name for a in (*message.to, *message.cc, *message.bcc) if a.email.lower() == email and a.name), "")
    name = (contact.name if contact and contact.name else "") or shown or email.split("@", 1)[0]
    return name, contact.language if contact else None, org.language if org else None


def _apology(
    auth: AuthContext,
    index: DirectoryIndex,
    message: MailMessage,
    assessment: Assessment,
    recipient: RecipientRelation,
    sent_at: datetime,
    documents: list[str],
    sender: dict[str, str],
) -> Letter:
    name, contact_language, org_language = _person(index, message, recipient.email)
    language = letter_language("apology_wrong_recipient", contact_language, org_language, auth.tenant.default_language)
    fields = {
        "recipient_name": name,
        "sent_date": sent_at.date(),
        "original_subject": message.subject.strip() or "—",
        "document_name": ", ".join(documents) or None,
        "severity": assessment.level,
        **sender,
    }
    return letter("apology_wrong_recipient", "apology_wrong_recipient", language, fields, [recipient.email])


def _notice(
    auth: AuthContext,
    index: DirectoryIndex,
    message: MailMessage,
    assessment: Assessment,
    email: str,
    sent_at: datetime,
    documents: list[str],
    sender: dict[str, str],
) -> Letter:
    name, contact_language, org_language = _person(index, message, email)
    org_index = index.org_index_for_address(email)
    org = index.org(org_index) if org_index is not None else None
    company = org.name if org is not None else email.rsplit("@", 1)[1]
    language = letter_language(
        "notice_intended_recipient", contact_language, org_language, auth.tenant.default_language
    )
    fields = {
        "recipient_name": name,
        "recipient_company": company,
        "sent_date": sent_at.date(),
        "document_name": ", ".join(documents) or message.subject.strip() or "—",
        # The letter says what kind of company got it without naming them: that is the sender's call.
        "wrong_recipient_kind": _wrong_kind_for(assessment, org),
        "severity": assessment.level,
        **sender,
    }
    return letter("notice_intended_recipient", "notice_intended_recipient", language, fields, [email])


def _wrong_kind_for(assessment: Assessment, intended_org: OrgEntry | None) -> str:
    """What the notice may say about who got the mail: a rival only when it competes with this reader's company."""
    kinds = [_kind_seen_by(recipient, intended_org) for recipient in assessment.recipients]
    return max(kinds, key=_KIND_RANK.__getitem__, default="other")


def _kind_seen_by(recipient: RecipientRelation, intended_org: OrgEntry | None) -> str:
    if recipient.relation != "rival":
        return _WRONG_KIND[recipient.relation]
    rivals = (
        intended_org is not None
        and recipient.org is not None
        and intended_org.id != recipient.org.id
        and bool(intended_org.rival_group)
        and intended_org.rival_group == recipient.org.rival_group
    )
    # A rival of another company the mail was about is, to this reader, another of our business contacts.
    return "rival" if rivals else "customer"


def _resend(
    auth: AuthContext,
    index: DirectoryIndex,
    message: MailMessage,
    email: str,
    documents: list[str],
    sender: dict[str, str],
) -> Letter:
    name, contact_language, org_language = _person(index, message, email)
    language = letter_language("resend_intended", contact_language, org_language, auth.tenant.default_language)
    fields = {"recipient_name": name, "document_name": ", ".join(documents), **sender}
    return letter("resend_intended", "resend_intended", language, fields, [email], attachments=documents)
