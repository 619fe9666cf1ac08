"""missing_attachment: the sender says something is attached, and nothing is."""

from __future__ import annotations

from app.analysis.context import Location, RuleContext
from app.analysis.findings import Finding, Fix


def missing_attachment(ctx: RuleContext) -> list[Finding]:
    if ctx.draft.attachments:
        return []
    # Only what the sender wrote now: quoted history talks about old attachments, and a reply subject
    # ("RE: PI attached") repeats the other side's words.
    locations: tuple[Location, ...] = ("body",) if ctx.subject_is_reply else ("body", "subject")
    hits = ctx.terms_of("attach", locations)
    if not hits:
        return []
    return [
        Finding(
            code="missing_attachment",
            severity="medium",
            evidence=(hits[0].evidence,),
            fixes=(Fix("add_attachment"),),
            params={"phrase": hits[0].evidence},
        )
    ]
