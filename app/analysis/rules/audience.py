"""Who sees whom: exposed_recipients, rival_exposure, competitor_recipient, large_audience.

Exposure counts only organizations a customer must not see: customers, prospects and unknown ones
(each address at a free mail provider is its own). Forwarders, suppliers, partners and competitors in
the same mail are daily practice (or their own finding), and so are unknown recipients whose name or
domain says they move goods (app/analysis/logistics.py). When rivals see each other, that one card
carries the whole fix; the milder exposure card is not shown beside it.
"""

from __future__ import annotations

from collections import defaultdict

from app.analysis.context import RecipientInfo, RuleContext
from app.analysis.directory import AUDIENCE_KINDS
from app.analysis.findings import Finding, Fix
from app.analysis.rules._common import emails, listing, org_label


def _by_org(recipients: tuple[RecipientInfo, ...] | list[RecipientInfo]) -> dict[str, list[RecipientInfo]]:
    groups: dict[str, list[RecipientInfo]] = defaultdict(list)
    for recipient in recipients:
        groups[recipient.org_key].append(recipient)
    return groups


def _is_audience(recipient: RecipientInfo) -> bool:
    if recipient.problem is not None:
        return False  # undeliverable: nobody reads it (invalid_address says so)
    if recipient.org is None:
        return not recipient.moves_goods
    return recipient.org.kind in AUDIENCE_KINDS


def _exposed_groups(ctx: RuleContext) -> dict[str, list[RecipientInfo]]:
    """Visible customer-like organizations, when there are enough of them to be an exposure."""
    groups = _by_org([r for r in ctx.visible_external if _is_audience(r)])
    return groups if len(groups) >= max(2, ctx.index.policy.bcc_threshold) else {}


def _rival_groups(ctx: RuleContext) -> dict[str, dict[str, list[RecipientInfo]]]:
    """rival group -> its visible organizations, for groups with at least two of them."""
    by_group: dict[str, dict[str, list[RecipientInfo]]] = defaultdict(lambda: defaultdict(list))
    for recipient in ctx.visible_external:
        if recipient.org is not None and recipient.org.rival_group:
            by_group[recipient.org.rival_group][recipient.org_key].append(recipient)
    return {group: orgs for group, orgs in by_group.items() if len(orgs) >= 2}


def exposed_recipients(ctx: RuleContext) -> list[Finding]:
    """Visible customers of several organizations see each other's addresses."""
    groups = _exposed_groups(ctx)
    if not groups or _rival_groups(ctx):
        return []
    exposed = emails(r for members in groups.values() for r in members)
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
    """Two organizations of the same rival group are visible to each other: one finding per group.

    Its fix hides every exposed customer, not just the rivals, so one click leaves nobody exposed."""
    exposed = [r for members in _exposed_groups(ctx).values() for r in members]
    findings = []
    for group, orgs in _rival_groups(ctx).items():
        members = [r for rs in orgs.values() for r in rs]
        to_hide = emails([*members, *exposed])
        names = [org_label(rs[0]) for rs in orgs.values()]
        findings.append(
            Finding(
                code="rival_exposure",
                severity="critical",
                recipients=to_hide,
                # The group's tag ("solar-dach") is a directory word: cards name the organizations only.
                evidence=tuple(f"{org_label(rs[0])}: {', '.join(emails(rs))}" for rs in orgs.values()),
                fixes=(Fix("move_to_bcc", recipients=to_hide),),
                params={"group": group, "orgs": listing(names)},
                key=f"group:{group}",
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
            key=f"org:{r.org_key}",
        )
        for r in ctx.external
        if r.org is not None and r.org.kind == "competitor"
    ]


def large_audience(ctx: RuleContext) -> list[Finding]:
    """Many visible recipients: a mailing that belongs in Bcc. Beside an exposure card, which already moves
    the customers to Bcc, it is a note without a second button."""
    visible = [r for r in ctx.recipients if r.visible]
    if len(visible) < ctx.index.policy.large_audience:
        return []
    to_hide = emails(r for r in visible if not r.internal) or emails(visible)
    fixes = () if _exposed_groups(ctx) else (Fix("move_to_bcc", recipients=to_hide),)
    return [
        Finding(
            code="large_audience",
            severity="low",
            recipients=to_hide,
            evidence=(f"{len(visible)} visible recipients",),
            fixes=fixes,
            params={"count": str(len(visible)), "limit": str(ctx.index.policy.large_audience)},
        )
    ]
