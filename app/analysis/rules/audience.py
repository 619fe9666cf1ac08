"""Who sees whom: exposed_recipients, rival_exposure, competitor_recipient, large_audience."""

from __future__ import annotations

from collections import defaultdict

from app.analysis.context import RecipientInfo, RuleContext
from app.analysis.findings import Finding, Fix
from app.analysis.rules._common import emails, listing, org_label


def _by_org(recipients: tuple[RecipientInfo, ...]) -> dict[str, list[RecipientInfo]]:
    groups: dict[str, list[RecipientInfo]] = defaultdict(list)
    for recipient in recipients:
        groups[recipient.org_key].append(recipient)
    return groups


def exposed_recipients(ctx: RuleContext) -> list[Finding]:
    """Visible external recipients of several organizations see each other's addresses."""
    visible = ctx.visible_external
    groups = _by_org(visible)
    if len(groups) < max(2, ctx.index.policy.bcc_threshold):
        return []
    exposed = emails(visible)
    names = [org_label(members[0]) for members in groups.values()]
    return [
        Finding(
            code="exposed_recipients",
            severity="medium",
            recipients=exposed,
            evidence=tuple(f"{org_label(m[0])}: {', '.join(emails(m))}" for m in groups.values()),
            fixes=(Fix("move_to_bcc", recipients=exposed),),
            params={"count": str(len(groups)), "orgs": listing(names)},
        )
    ]


def rival_exposure(ctx: RuleContext) -> list[Finding]:
    """Two organizations of the same rival group are visible to each other: one finding per group."""
    by_group: dict[str, dict[str, list[RecipientInfo]]] = defaultdict(lambda: defaultdict(list))
    for recipient in ctx.visible_external:
        if recipient.org is not None and recipient.org.rival_group:
            by_group[recipient.org.rival_group][recipient.org_key].append(recipient)
    findings = []
    for group, orgs in by_group.items():
        if len(orgs) < 2:
            continue
        members = [r for rs in orgs.values() for r in rs]
        names = [org_label(rs[0]) for rs in orgs.values()]
        findings.append(
            Finding(
                code="rival_exposure",
                severity="critical",
                recipients=emails(members),
                evidence=tuple(f"{org_label(rs[0])} ({group}): {', '.join(emails(rs))}" for rs in orgs.values()),
                fixes=(Fix("move_to_bcc", recipients=emails(members)),),
                params={"group": group, "orgs": listing(names)},
            )
        )
    return findings


def competitor_recipient(ctx: RuleContext) -> list[Finding]:
    """A recipient (To, Cc or Bcc) works for one of our competitors."""
    return [
        Finding(
            code="competitor_recipient",
            severity="high",
            recipients=(r.email,),
            evidence=(f"{r.email}: {org_label(r)}",),
            fixes=(Fix("remove_recipient", recipient=r.email),),
            params={"recipient": r.email, "org": org_label(r)},
        )
        for r in ctx.external
        if r.org is not None and r.org.kind == "competitor"
    ]


def large_audience(ctx: RuleContext) -> list[Finding]:
    """Many visible recipients: a mailing that belongs in Bcc."""
    visible = [r for r in ctx.recipients if r.visible]
    if len(visible) < ctx.index.policy.large_audience:
        return []
    to_hide = emails(r for r in visible if not r.internal) or emails(visible)
    return [
        Finding(
            code="large_audience",
            severity="low",
            recipients=to_hide,
            evidence=(f"{len(visible)} visible recipients",),
            fixes=(Fix("move_to_bcc", recipients=to_hide),),
            params={"count": str(len(visible)), "limit": str(ctx.index.policy.large_audience)},
        )
    ]
