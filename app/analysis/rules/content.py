"""content_mismatch: the draft names an organization that none of the external recipients belongs to."""

from __future__ import annotations

import re
from collections import defaultdict

from app.analysis.context import Mention, RuleContext
from app.analysis.directory import AUDIENCE_KINDS, THIRD_PARTY_KINDS, Severity
from app.analysis.doc_classes import BINDING_CLASSES
from app.analysis.findings import Finding, Fix, severity_rank
from app.analysis.rules._common import emails, listing, org_label

# Only customers' and prospects' names mark a document as "theirs". Third parties and competitors are
# named in ordinary mail to customers ("our forwarder X will call you"), so they never trigger.
_OWNER_KINDS = AUDIENCE_KINDS


def content_mismatch(ctx: RuleContext) -> list[Finding]:
    external = ctx.external
    if not external:
        return []
    recipient_orgs = {r.org_index for r in external if r.org_index is not None}
    own_thread = any(m.location == "quoted" for m in ctx.mentions) and _thread_with_recipients(ctx)
    foreign: dict[int, list[Mention]] = defaultdict(list)
    for mention in ctx.mentions:
        if own_thread and mention.location == "quoted":
            continue  # the recipients' own earlier words, quoted back to them
        org = ctx.index.org(mention.org_index)
        if mention.org_index not in recipient_orgs and org.kind in _OWNER_KINDS:
            foreign[mention.org_index].append(mention)
    only_handlers = all(r.org is not None and r.org.kind in THIRD_PARTY_KINDS for r in external)
    return [_finding(ctx, org_index, mentions, only_handlers) for org_index, mentions in foreign.items()]


def _thread_with_recipients(ctx: RuleContext) -> bool:
    """The quoted history is a conversation with these recipients: it carries one of their addresses, or
    a quote header ("From: Laura Gómez", "Laura Gómez <...> wrote:") with one of their names.

    A thread of another customer forwarded or answered by mistake carries neither, so its mentions count."""
    headers = "\n".join(_quote_headers(ctx.body.quoted.lower()))
    return any(r.email in headers or (len(r.name) >= 4 and r.name.lower() in headers) for r in ctx.external)


_FROM_LINE = re.compile(r"^[ \t>]*(?:from|von|de|to|an|à|a|para|cc|发件人|寄件者|收件人|抄送)[ \t]*[:：][^\n]*", re.M)
_WROTE = re.compile(r"wrote|schrieb|escribió|a écrit|写道")


def _quote_headers(lowered: str) -> list[str]:
    """ "From:", "To:" and "Cc:" lines and "... wrote:" lines; found by C-speed searches, not a walk over every
    line."""
    lines = _FROM_LINE.findall(lowered)
    for match in _WROTE.finditer(lowered):
        start = lowered.rfind("\n", 0, match.start()) + 1
        end = lowered.find("\n", match.end())
        lines.append(lowered[start : end if end >= 0 else len(lowered)])
    return lines


def _finding(ctx: RuleContext, org_index: int, mentions: list[Mention], only_handlers: bool) -> Finding:
    org = ctx.index.org(org_index)
    rated = [(_severity(ctx, m), m) for m in mentions]
    worst_severity, worst = max(rated, key=lambda pair: severity_rank(pair[0]))
    severity: Severity = "info" if only_handlers else worst_severity
    attachments = tuple(dict.fromkeys(m.attachment for m in mentions if m.attachment))
    receivers = [r for r in ctx.external if r.org is None or r.org.kind not in THIRD_PARTY_KINDS] or ctx.external
    rivals = [
        org_label(r)
        for r in receivers
        if r.org is not None and org.rival_group and r.org.rival_group == org.rival_group
    ]
    return Finding(
        code="content_mismatch",
        severity=severity,
        recipients=emails(ctx.external),
        evidence=tuple(_evidence(m) for m in mentions),
        fixes=tuple(Fix("remove_attachment", name=name) for name in attachments),
        params={
            "org": org.name,
            "where": listing(_where(m) for m in mentions),
            "source": worst.attachment or "",
            "source_kind": worst.location,
            "recipients": listing(emails(ctx.external)),
            "to_orgs": listing(org_label(r) for r in receivers),
            "rival_of": org.name if rivals else "",
        },
        key=f"org:{org.id}",
    )


def _severity(ctx: RuleContext, mention: Mention) -> Severity:
    if mention.location in ("attachment_name", "attachment_text"):
        return "critical" if _attachment_class(ctx, mention.attachment) in BINDING_CLASSES else "high"
    if mention.location == "subject":
        binding = ctx.subject_doc_class in BINDING_CLASSES
        return "critical" if binding else "high"
    return "medium"


def _attachment_class(ctx: RuleContext, name: str | None) -> str:
    for attachment, doc_class in zip(ctx.draft.attachments, ctx.doc_classes, strict=True):
        if attachment.name == name:
            return doc_class
    return "other"


def _where(mention: Mention) -> str:
    return mention.attachment or mention.location


def _evidence(mention: Mention) -> str:
    if mention.attachment:
        return f"{mention.attachment}: {mention.evidence}"
    return f"{mention.location}: {mention.evidence}"
