"""Wrong address for the right person: invalid_address, lookalike_domain, contact_mismatch, known_confusion."""

from __future__ import annotations

import re

from app.analysis.context import RecipientInfo, RuleContext
from app.analysis.deliverable import repaired_address
from app.analysis.directory import ContactEntry
from app.analysis.domains import is_freemail
from app.analysis.findings import Finding, Fix
from app.analysis.names import name_key
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
    """The display name is a known contact, but the address is not one of that contact's.

    Another address at the contact's own company (an alias, a subdomain) is a note; anywhere else it is the
    autocomplete mistake this rule exists for."""
    findings = []
    for recipient in ctx.recipients:
        contact = None if recipient.problem else _other_contact_named(ctx, recipient)
        if contact is None:
            continue
        org_index = ctx.index.org_index_by_id.get(contact.org_id)
        same_company = recipient.org is not None and recipient.org.id == contact.org_id
        findings.append(
            Finding(
                code="contact_mismatch",
                severity="info" if same_company else "high",
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
    keys = [k for k in person_name_keys(recipient.name) if _is_person_key(k)]
    if not keys:
        return None
    own = ctx.index.contact_by_email.get(recipient.email) or ctx.index.contact_by_email.get(
        without_tag(recipient.email)
    )
    if own is not None and (name_key(own.name) in keys or own.email != recipient.email):
        return None  # a known contact with this very name (namesakes are common), or their +tag mailbox
    for key in keys:
        same_org = (
            [c for c in ctx.index.contacts_by_org.get(recipient.org.id, ()) if name_key(c.name) == key]
            if recipient.org
            else []
        )
        if same_org:
            return same_org[0]
        namesakes = ctx.index.contacts_by_name.get(key)
        if namesakes:
            return namesakes[0]
    return None


def _is_person_key(key: str) -> bool:
    # Single words ("Sales", "Michael") are not a person's identity; CJK names are written without spaces.
    return "@" not in key and (len(key.split()) >= 2 or (bool(key) and is_cjk(key[0]) and len(key) >= 2))


_PARENTHESES = re.compile(r"\s*[(\[（【][^)\]）】]*[)\]）】]")
_NAME_TITLES = frozenset(
    (
        "dr",
        "prof",
        "mr",
        "mrs",
        "ms",
        "miss",
        "herr",
        "frau",
        "ing",
        "dipl",
        "dipl-ing",
        "mag",
        "m",
        "mme",
        "mlle",
        "sr",
        "sra",
        "srta",
        "don",
        "doña",
        "monsieur",
        "madame",
    )
)


def person_name_keys(display_name: str) -> list[str]:
    """Keys a display name may be known by: "Dr. Schmidt, Michael (SolarTech)" is Michael Schmidt, and
    "García Pérez, Laura" is also Laura García (second surnames are often left out)."""
    name = _PARENTHESES.sub("", display_name).strip()
    last, comma, first = name.partition(",")
    if comma and first.strip() and "@" not in name:
        name = f"{first} {last}"
    tokens = [t for t in name_key(name).replace(".", " ").split() if t not in _NAME_TITLES]
    if not tokens:
        return []
    keys = [" ".join(tokens)]
    if len(tokens) >= 3:
        keys += [f"{tokens[0]} {other}" for other in tokens[1:]]
    return keys


def without_tag(address: str) -> str:
    """Sub-addressing: "dmiller+orders@brightlinesolar.com" is dmiller's mailbox."""
    local, at, domain = address.partition("@")
    return f"{local.split('+', 1)[0]}@{domain}" if at and "+" in local else address


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
