"""Who we know and who owns them: first_time_recipient, owner_mismatch."""

from __future__ import annotations

from app.analysis.context import RuleContext
from app.analysis.findings import Finding, Fix
from app.analysis.rules._common import emails, listing

_MAX_SEPARATE = 5  # beyond this, one note lists them all instead of a card per address


def first_time_recipient(ctx: RuleContext) -> list[Finding]:
    """External address never written to and not in the directory (only when the caller knows)."""
    known = ctx.check.known_correspondents
    if known is None:
        return []
    known_lower = {address.lower() for address in known}
    new = [
        r.email
        for r in ctx.external
        if r.problem is None and r.email not in known_lower and r.email not in ctx.index.contact_by_email
    ]
    if len(new) > _MAX_SEPARATE:
        return [
            Finding(
                code="first_time_recipient",
                severity="info",
                recipients=tuple(new),
                evidence=(listing(new),),
                params={"recipient": listing(new), "count": str(len(new))},
            )
        ]
    return [
        Finding(
            code="first_time_recipient",
            severity="info",
            recipients=(email,),
            evidence=(email,),
            params={"recipient": email},
        )
        for email in new
    ]


def owner_mismatch(ctx: RuleContext) -> list[Finding]:
    """The recipient's organization belongs to another salesperson: suggest a proper hand-off."""
    by_org: dict[int, list] = {}
    for recipient in ctx.external:
        org = recipient.org
        if recipient.org_index is None or org is None or not org.owner_email:
            continue
        if org.owner_email.strip().lower() != ctx.sender:
            by_org.setdefault(recipient.org_index, []).append(recipient)
    findings = []
    for org_index, members in by_org.items():
        org = ctx.index.org(org_index)
        owner = (org.owner_email or "").strip().lower()
        findings.append(
            Finding(
                code="owner_mismatch",
                severity="info",
                recipients=emails(members),
                evidence=(f"{org.name}: {owner}",),
                fixes=(Fix("use_template", template="handoff_internal"),),
                params={"org": org.name, "owner": owner},
                key=f"org:{org.id}",
            )
        )
    return findings
