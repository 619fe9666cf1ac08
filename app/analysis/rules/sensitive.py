"""What the text says going outside: sensitive_external, internal_content_external."""

from __future__ import annotations

import re
from collections import defaultdict

from app.analysis.context import Location, RecipientInfo, RuleContext
from app.analysis.directory import Severity
from app.analysis.findings import Finding
from app.analysis.normalize import as_written, normalize_text
from app.analysis.rules._common import emails, listing
from app.analysis.terms import (
    AMBIGUOUS_COSTS,
    HIGH_SENSITIVE_CATEGORIES,
    INTERNAL_NOTE_PATTERNS,
    OUR_COST_PATTERNS,
    THEIR_AFTER,
    THEIR_POSSESSIVES,
)

# Prices and costs are routine with forwarders, suppliers and partners; these are the ones who must not
# learn our costs (or, for competitors, our prices).
_SENSITIVE_KINDS = frozenset({"customer", "prospect", "competitor"})

# What the sender is sending now; quoted history was already exchanged with these people.
_OWN_CONTENT: tuple[Location, ...] = ("subject", "body", "attachment_name", "attachment_text")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,4})?\b")
_HEADER_FROM = re.compile(
    r"^[ \t>]*(?:from|von|de|发件人|寄件者)[ \t]*[:：](?P<rest>.*)$", re.IGNORECASE | re.MULTILINE
)
_HEADER_TO = re.compile(r"^[ \t>]*(?:to|an|à|a|para|cc|收件人|抄送)[ \t]*[:：](?P<rest>.*)$", re.IGNORECASE)
_EMAIL = re.compile(r"[\w.%+'-]+@[\w-]+(?:\.[\w-]+)+")
_SWIFT = re.compile(
    r"\b(?:SWIFT|BIC)(?:[ /]?(?:BIC|code))?\s*[:：]?\s*[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?\b", re.IGNORECASE
)
_AMBIGUOUS_COSTS = re.compile(AMBIGUOUS_COSTS)
_THEIRS = re.compile(THEIR_POSSESSIVES)
_THEIRS_AFTER = re.compile(THEIR_AFTER)
_HEADER_SPAN = 8  # lines after "From:" that still belong to the same header block


def sensitive_external(ctx: RuleContext) -> list[Finding]:
    """Prices, costs/margins, bank details, contract or PI terms to a customer, prospect, competitor or
    unknown recipient: one per category."""
    external = tuple(r for r in ctx.external if r.org is None or r.org.kind in _SENSITIVE_KINDS)
    if not external:
        return []
    # Only what each category's words say is reported: the evidence per category, in order of discovery.
    by_category: dict[str, list[str]] = defaultdict(list)
    for hit in ctx.terms_of("sensitive", _OWN_CONTENT):
        by_category[hit.category].append(hit.evidence)
    by_category["bank"].extend(_ibans(ctx))
    if "costs" not in by_category:
        cues = _cues(ctx)
        by_category["costs"].extend(_our_costs(ctx, cues) + matches_of(_OUR_COSTS, cues, ctx.body.new))
    return [
        Finding(
            code="sensitive_external",
            severity=_severity(category, external),
            recipients=emails(external),
            evidence=tuple(dict.fromkeys(words)),
            params={
                "category": category,
                "terms": listing(words),
                "recipients": listing(emails(external)),
            },
            key=f"category:{category}",
        )
        for category, words in by_category.items()
        if words
    ]


def _severity(category: str, recipients: tuple[RecipientInfo, ...]) -> Severity:
    """Costs and margins are high toward anyone here. Our bank details on a PI to a customer in the directory
    are how they pay us; toward an unknown address (a look-alike, a fraudster) they are high."""
    if category == "bank" and all(r.org is not None and r.org.kind == "customer" for r in recipients):
        return "low"
    return "high" if category in HIGH_SENSITIVE_CATEGORIES else "low"


def _ibans(ctx: RuleContext) -> list[str]:
    # Only what the sender typed: documents carrying an IBAN label it ("IBAN", "Bankverbindung"), which the
    # term lists already catch, and a regex over megabytes of attachment text would cost ~10 ms.
    found = []
    for text in (ctx.draft.subject, ctx.body.new):
        found += [m.group(0) for m in _IBAN.finditer(text)]
        lowered = text.lower()
        if "swift" in lowered or "bic" in lowered:  # the case-blind regex only where it can match
            found += [m.group(0) for m in _SWIFT.finditer(text)]
    return found


def _gated(prefix: str, patterns: tuple[tuple[tuple[str, ...], str], ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((f"{prefix}:{number}", re.compile(pattern)) for number, (_words, pattern) in enumerate(patterns))


def _cues(ctx: RuleContext) -> set[str]:
    """Cue words the index found in what the sender wrote (see terms.cue_words)."""
    return {t.category for t in ctx.terms if t.kind == "cue" and t.location in ("subject", "body")}


def matches_of(patterns: tuple[tuple[str, re.Pattern[str]], ...], cues: set[str], text: str) -> list[str]:
    """A few matches, as written, of the patterns whose cue words occur in the text."""
    found: list[str] = []
    for cue, pattern in patterns:
        if cue in cues:
            found += [m.group(0).strip() for m in pattern.finditer(text)]
    return found[:3]


def _our_costs(ctx: RuleContext, cues: set[str]) -> list[str]:
    """Margin and purchase-price words the sender wrote about our side, not the reader's."""
    if "ambiguous_costs" not in cues:
        return []
    found = []
    for text in (ctx.draft.subject, ctx.body.new):
        lowered = normalize_text(text)
        for match in _AMBIGUOUS_COSTS.finditer(lowered):
            before = lowered[max(0, match.start() - 24) : match.start()]
            if not _THEIRS.search(before) and not _THEIRS_AFTER.match(lowered, match.end()):
                found.append(as_written(text, lowered, match.start(), match.end()))
    return found


def internal_content_external(ctx: RuleContext) -> list[Finding]:
    """Internal markers, quoted colleague-to-colleague discussion or remarks about the customer going out."""
    external = ctx.external
    if not external:
        return []
    evidence = [h.evidence for h in ctx.terms_of("marker")]
    if any(r.org is None or r.org.kind in _SENSITIVE_KINDS for r in external):
        # Remarks about a customer hurt when the customer (or a rival, or a stranger) reads them; a forwarder
        # is told "this customer is in a hurry" every day.
        evidence += [h.evidence for h in ctx.terms_of("comment")]
        # "INTERN @David: ...", "(David: this guy paid 40 days late ...)"
        evidence += matches_of(_INTERNAL_NOTES, _cues(ctx), ctx.body.new)
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
            key="internal",
        )
    ]


def quoted_internal_headers(ctx: RuleContext) -> list[str]:
    """Quoted header blocks whose sender and all recipients are internal: a colleagues' discussion."""
    quoted = ctx.body.quoted
    lines = quoted.split("\n")  # the same line breaks as the count below and the pattern's "^"
    # Line numbers are counted on from the previous match, so the scan stays linear in the text.
    line_no, counted_to = 0, 0
    # A long thread repeats the same header blocks, lines and addresses thousands of times.
    verdicts: dict[tuple[str, ...], str | None] = {}
    internal: dict[str, bool] = {}
    addressed: dict[str, list[str]] = {}
    for match in _HEADER_FROM.finditer(quoted):
        line_no += quoted.count("\n", counted_to, match.start())
        counted_to = match.start()
        block = tuple(lines[line_no : line_no + 1 + _HEADER_SPAN])
        if block not in verdicts:
            verdicts[block] = _colleagues_block(ctx, match.group("rest"), block[1:], addressed, internal)
    return [evidence for evidence in verdicts.values() if evidence is not None]


def _colleagues_block(
    ctx: RuleContext, sent_by: str, after: tuple[str, ...], addressed: dict[str, list[str]], internal: dict[str, bool]
) -> str | None:
    """ "sender -> recipients" when a quoted header block's sender and all its recipients are internal."""
    senders = _EMAIL.findall(sent_by)
    if not senders:
        return None
    recipients = [address for line in after for address in _addressees(addressed, line)]
    if recipients and all(_cached_internal(ctx, internal, a) for a in senders + recipients):
        return f"{senders[0]} -> {', '.join(recipients)}"
    return None


def _addressees(known: dict[str, list[str]], line: str) -> list[str]:
    """The addresses of a "To:" or "Cc:" header line; none for any other line."""
    answer = known.get(line)
    if answer is None:
        to = _HEADER_TO.match(line)
        answer = known[line] = _EMAIL.findall(to.group("rest")) if to else []
    return answer


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


_INTERNAL_NOTES = _gated("internal_notes", INTERNAL_NOTE_PATTERNS)
_OUR_COSTS = _gated("our_costs", OUR_COST_PATTERNS)
