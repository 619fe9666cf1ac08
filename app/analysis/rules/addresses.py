"""Wrong address for the right person: invalid_address, lookalike_domain, contact_mismatch, known_confusion."""

from __future__ import annotations

from app.analysis.context import RecipientInfo, RuleContext
from app.analysis.directory import ContactEntry
from app.analysis.domains import is_freemail, repaired_address
from app.analysis.findings import Finding, Fix
from app.analysis.index import name_key
from app.analysis.normalize import is_cjk


def invalid_address(ctx: RuleContext) -> list[Finding]:
    """A recipient that cannot be delivered: no @, or no valid domain. Never "ok"."""
    findings = []
    for recipient in ctx.recipients:
        if recipient.problem is None:
            continue
        suggestion = repaired_address(recipient.email)
        fix = (
            Fix("replace_recipient", recipient=recipient.email, suggestion=suggestion)
            if suggestion
            else Fix("remove_recipient", recipient=recipient.email)
        )
        findings.append(
            Finding(
                code="invalid_address",
                severity="high",
                recipients=(recipient.email,),
                evidence=(f"{recipient.email}: {recipient.problem}",),
                fixes=(fix,),
                params={"recipient": recipient.email, "problem": recipient.problem, "suggestion": suggestion or ""},
                key=f"address:{recipient.email}",
            )
        )
    return findings


def lookalike_domain(ctx: RuleContext) -> list[Finding]:
    """An unknown domain near a known one: one edit or transposition, a swapped TLD, a confusable or
    punycode spelling, a hyphen or word variant of the name, or the known domain inside another."""
    findings = []
    for recipient in ctx.recipients:
        if recipient.internal or recipient.org_index is not None or recipient.problem is not None:
            continue
        if is_freemail(recipient.domain):
            continue
        match = ctx.index.lookalikes.find(recipient.domain)
        if match is None:
            continue
        suggestion = _same_mailbox_at(recipient.email, recipient.domain, match.domain)
        findings.append(
            Finding(
                code="lookalike_domain",
                severity="high",
                recipients=(recipient.email,),
                evidence=(f"{recipient.domain} ~ {match.domain} ({match.reason})",),
                fixes=(Fix("replace_recipient", recipient=recipient.email, suggestion=suggestion),),
                params={
                    "recipient": recipient.email,
                    "domain": recipient.domain,
                    "known": match.domain,
                    "suggestion": suggestion,
                    "reason": match.reason,
                },
                key=f"domain:{match.domain}",
            )
        )
    return findings


def _same_mailbox_at(email: str, typed_domain: str, known_registrable: str) -> str:
    """m.schmidt@mail.solartec.de -> m.schmidt@mail.solartech.de: keep the mailbox and subdomain."""
    local = email.rpartition("@")[0]
    labels = typed_domain.split(".")
    known_labels = known_registrable.split(".")
    subdomain = labels[: max(0, len(labels) - len(known_labels))]
    return f"{local}@{'.'.join(subdomain + known_labels)}"


def contact_mismatch(ctx: RuleContext) -> list[Finding]:
    """The display name is a known contact, but the address is not one of that contact's."""
    findings = []
    for recipient in ctx.recipients:
        contact = _other_contact_named(ctx, recipient)
        if contact is None:
            continue
        org_index = ctx.index.org_index_by_id.get(contact.org_id)
        findings.append(
            Finding(
                code="contact_mismatch",
                severity="high",
                recipients=(recipient.email,),
                evidence=(f"{recipient.name} <{recipient.email}> ≠ {contact.email}",),
                fixes=(Fix("replace_recipient", recipient=recipient.email, suggestion=contact.email),),
                params={
                    "name": recipient.name,
                    "recipient": recipient.email,
                    "suggestion": contact.email,
                    "org": ctx.index.org(org_index).name if org_index is not None else "",
                },
                key=f"contact:{contact.email}",
            )
        )
    return findings


def _other_contact_named(ctx: RuleContext, recipient: RecipientInfo) -> ContactEntry | None:
    """A known contact with the recipient's display name, when the address is not theirs."""
    key = display_name_key(recipient.name)
    # Single words ("Sales", "Michael") are not a person's identity; CJK names are written without spaces.
    if "@" in key or not (len(key.split()) >= 2 or (key and is_cjk(key[0]) and len(key) >= 2)):
        return None
    own = ctx.index.contact_by_email.get(recipient.email)
    if own is not None and name_key(own.name) == key:
        return None  # the address is a known contact with this very name (namesakes are common)
    same_org = (
        [c for c in ctx.index.contacts_by_org.get(recipient.org.id, ()) if name_key(c.name) == key]
        if recipient.org
        else []
    )
    if same_org:
        return same_org[0]
    namesakes = ctx.index.contacts_by_name.get(key)
    return namesakes[0] if namesakes else None


def display_name_key(name: str) -> str:
    """Outlook's "Schmidt, Michael" is Michael Schmidt."""
    last, comma, first = name.partition(",")
    if comma and first.strip() and len(last.split()) == 1 and "@" not in name:
        return name_key(f"{first} {last}")
    return name_key(name)


def known_confusion(ctx: RuleContext) -> list[Finding]:
    """The recipient is the wrong side of a confusion learned from an earlier incident."""
    present = {r.email for r in ctx.recipients}
    findings = []
    for recipient in ctx.recipients:
        intended = ctx.index.confusions.get(recipient.email)
        if intended is None or intended in present:
            continue
        findings.append(
            Finding(
                code="known_confusion",
                severity="high",
                recipients=(recipient.email,),
                evidence=(f"{recipient.email} was sent mail meant for {intended}",),
                fixes=(Fix("replace_recipient", recipient=recipient.email, suggestion=intended),),
                params={"recipient": recipient.email, "suggestion": intended},
                key=f"intended:{intended}",
            )
        )
    return findings
