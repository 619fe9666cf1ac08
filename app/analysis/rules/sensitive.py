"""What the text says going outside: sensitive_external, internal_content_external."""

from __future__ import annotations

import re
from collections import defaultdict

from app.analysis.context import Location, RuleContext, TermHit
from app.analysis.findings import Finding
from app.analysis.rules._common import emails, listing
from app.analysis.terms import HIGH_SENSITIVE_CATEGORIES

# What the sender is sending now; quoted history was already exchanged with these people.
_OWN_CONTENT: tuple[Location, ...] = ("subject", "body", "attachment_name", "attachment_text")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
_HEADER_FROM = re.compile(
    r"^[ \t>]*(?:from|von|de|发件人|寄件者)[ \t]*[:：](?P<rest>.*)$", re.IGNORECASE | re.MULTILINE
)
_HEADER_TO = re.compile(r"^[ \t>]*(?:to|an|à|a|para|cc|收件人|抄送)[ \t]*[:：](?P<rest>.*)$", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+")
_HEADER_SPAN = 8  # lines after "From:" that still belong to the same header block


def sensitive_external(ctx: RuleContext) -> list[Finding]:
    """Prices, costs/margins, bank details, contract or PI terms to an external recipient: one per category."""
    external = ctx.external
    if not external:
        return []
    by_category: dict[str, list[TermHit]] = defaultdict(list)
    for hit in ctx.terms_of("sensitive", _OWN_CONTENT):
        by_category[hit.category].append(hit)
    for iban in _ibans(ctx):
        by_category["bank"].append(TermHit("sensitive", "bank", "body", iban))
    return [
        Finding(
            code="sensitive_external",
            severity="high" if category in HIGH_SENSITIVE_CATEGORIES else "low",
            recipients=emails(external),
            evidence=tuple(dict.fromkeys(h.evidence for h in hits)),
            params={
                "category": category,
                "terms": listing(h.evidence for h in hits),
                "recipients": listing(emails(external)),
            },
        )
        for category, hits in by_category.items()
    ]


def _ibans(ctx: RuleContext) -> list[str]:
    # Only what the sender typed: documents carrying an IBAN label it ("IBAN", "Bankverbindung"), which the
    # term lists already catch, and a regex over megabytes of attachment text would cost ~10 ms.
    texts = [ctx.draft.subject, ctx.body.new]
    return [m.group(0) for text in texts for m in _IBAN.finditer(text)]


def internal_content_external(ctx: RuleContext) -> list[Finding]:
    """Internal markers, quoted colleague-to-colleague discussion or remarks about the customer going out."""
    external = ctx.external
    if not external:
        return []
    evidence = [h.evidence for h in ctx.terms_of("marker")]
    evidence += [h.evidence for h in ctx.terms_of("comment")]
    evidence += quoted_internal_headers(ctx)
    if not evidence:
        return []
    unique = tuple(dict.fromkeys(evidence))
    return [
        Finding(
            code="internal_content_external",
            severity="critical",
            recipients=emails(external),
            evidence=unique,
            params={"evidence": listing(unique), "recipients": listing(emails(external))},
        )
    ]


def quoted_internal_headers(ctx: RuleContext) -> list[str]:
    """Quoted header blocks whose sender and all recipients are internal: a colleagues' discussion."""
    quoted = ctx.body.quoted
    lines = quoted.splitlines()
    found = []
    # Line numbers are counted on from the previous match, so the scan stays linear in the text.
    line_no, counted_to = 0, 0
    internal: dict[str, bool] = {}  # a long thread repeats the same few addresses thousands of times
    for match in _HEADER_FROM.finditer(quoted):
        line_no += quoted.count("\n", counted_to, match.start())
        counted_to = match.start()
        senders = _EMAIL.findall(match.group("rest"))
        if not senders:
            continue
        recipients = [
            address
            for line in lines[line_no + 1 : line_no + 1 + _HEADER_SPAN]
            if (to := _HEADER_TO.match(line))
            for address in _EMAIL.findall(to.group("rest"))
        ]
        if recipients and all(_cached_internal(ctx, internal, a) for a in senders + recipients):
            found.append(f"{senders[0]} -> {', '.join(recipients)}")
    return found


def _cached_internal(ctx: RuleContext, known: dict[str, bool], address: str) -> bool:
    answer = known.get(address)
    if answer is None:
        answer = known[address] = _internal(ctx, address)
    return answer


def _internal(ctx: RuleContext, address: str) -> bool:
    domain = address.rpartition("@")[2].lower()
    if ctx.index.internal_domains:
        return ctx.index.is_internal_domain(domain)
    sender_domain = ctx.sender.rpartition("@")[2]
    return domain == sender_domain or domain.endswith("." + sender_domain)
