"""Everything the rules need about one draft, computed once: resolved recipients and one scan per text.

Rules are small pure functions of a RuleContext, so each one can be unit-tested with a hand-made draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Literal

from app.analysis.deliverable import address_problem
from app.analysis.directory import OrgEntry
from app.analysis.doc_classes import classify_document
from app.analysis.documents import DocumentHistory
from app.analysis.domains import email_domain, is_freemail, registrable_domain
from app.analysis.draft import Attachment, Draft, Recipient
from app.analysis.index import DirectoryIndex
from app.analysis.logistics import looks_like_logistics
from app.analysis.normalize import as_written, name_form, normalize_text, split_body
from app.analysis.plain_quotes import SplitText

Field = Literal["to", "cc", "bcc"]
Location = Literal["subject", "body", "quoted", "attachment_name", "attachment_text"]

# A dot followed by a letter is where every domain has to show itself ("solartech.de", "x@mail.y.com");
# a pattern starting with a literal is searched at C speed, so 1 MB of prose costs about a millisecond.
_DOT_LETTER = re.compile(r"\.[a-z]")
_DOMAIN_RUN = re.compile(r"[a-z0-9-]++(?:\.[a-z0-9-]++)+")
# Matched on the reversed text, so finding where a label or a local part begins costs its own length, not
# a search through the window before it.
_LABEL_BACKWARDS = re.compile(r"[a-z0-9-]{1,63}")
_LOCAL_PART_BACKWARDS = re.compile(r"[a-z0-9._%+'-]{1,64}")
# Texts this long are scanned for addresses a distinct line at a time (see _distinct_lines).
_DISTINCT_LINES_FROM = 16_384
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|fw|fwd|wg|tr|rv|r|回复|答复|转发)\s*[:：]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CheckContext:
    """Per-request inputs besides the draft and the tenant's index (findings are localized afterwards)."""

    # Addresses the sender has written to before; None = the caller does not know (skip first_time).
    known_correspondents: frozenset[str] | None = None
    # (code, recipient email, evidence hash) the user dismissed recently: such low and medium findings
    # show as info. The hash is findings.evidence_hash(salt, finding.key).
    suppressed: frozenset[tuple[str, str, str]] = frozenset()
    salt: str = ""
    # Who received which document before (learned from sent mail); None = not known.
    documents: DocumentHistory | None = None


@dataclass(frozen=True, slots=True)
class RecipientInfo:
    email: str  # lower-cased
    name: str
    field: Field
    domain: str
    internal: bool
    org_index: int | None
    org: OrgEntry | None
    # Directory org id, "domain:<registrable>" for an unknown external domain (its own organization), or
    # "address:<email>" for an unknown address at a free mail provider (each is its own organization).
    org_key: str
    # Why the address cannot be delivered ("no @", "invalid domain"), None when it can.
    problem: str | None = None
    # Unknown to the directory, but its name or domain says it moves goods (app/analysis/logistics.py).
    moves_goods: bool = False

    @property
    def visible(self) -> bool:
        return self.field != "bcc"


@dataclass(frozen=True, slots=True)
class Mention:
    """An organization named somewhere in the draft."""

    org_index: int
    location: Location
    evidence: str
    attachment: str | None = None  # attachment name for attachment_name / attachment_text


@dataclass(frozen=True, slots=True)
class TermHit:
    kind: str  # sensitive | marker | comment | attach
    category: str
    location: Location
    evidence: str


@dataclass(slots=True)
class RuleContext:
    draft: Draft
    index: DirectoryIndex
    check: CheckContext
    recipients: tuple[RecipientInfo, ...]
    body: SplitText
    doc_classes: tuple[str, ...]
    subject_doc_class: str
    mentions: list[Mention] = field(default_factory=list)
    terms: list[TermHit] = field(default_factory=list)

    @property
    def external(self) -> tuple[RecipientInfo, ...]:
        return tuple(r for r in self.recipients if not r.internal)

    @property
    def visible_external(self) -> tuple[RecipientInfo, ...]:
        return tuple(r for r in self.recipients if r.visible and not r.internal)

    @property
    def sender(self) -> str:
        return self.draft.sender.strip().lower()

    @property
    def subject_is_reply(self) -> bool:
        return bool(_REPLY_PREFIX.match(self.draft.subject))

    def terms_of(self, kind: str, locations: tuple[Location, ...] | None = None) -> list[TermHit]:
        return [t for t in self.terms if t.kind == kind and (locations is None or t.location in locations)]


def build_context(draft: Draft, index: DirectoryIndex, check: CheckContext) -> RuleContext:
    body = split_body(draft.body, draft.body_format)
    ctx = RuleContext(
        draft=draft,
        index=index,
        check=check,
        recipients=_resolve_recipients(draft, index),
        body=body,
        doc_classes=tuple(_doc_class(a) for a in draft.attachments),
        subject_doc_class=classify_document(draft.subject),
    )
    _scan(ctx, draft.subject, "subject")
    _scan_name_form(ctx, draft.subject, "subject")
    _scan(ctx, body.new, "body")
    _scan(ctx, body.quoted, "quoted")
    for attachment in draft.attachments:
        _scan(ctx, attachment.name, "attachment_name", attachment.name)
        _scan_name_form(ctx, attachment.name, "attachment_name", attachment.name)
        _scan_attachment_content(ctx, attachment)
    return ctx


def _doc_class(attachment: Attachment) -> str:
    return attachment.doc_class or classify_document(attachment.name, attachment.text)


# --- recipients ----------------------------------------------------------------------------------


def _resolve_recipients(draft: Draft, index: DirectoryIndex) -> tuple[RecipientInfo, ...]:
    internal_fallback = _sender_domain_if_no_internal(draft, index)
    seen: set[str] = set()
    resolved: list[RecipientInfo] = []
    for field_name, recipients in (("to", draft.to), ("cc", draft.cc), ("bcc", draft.bcc)):
        for recipient in recipients:
            email = recipient.email.strip().lower()
            if email and email not in seen:
                seen.add(email)
                resolved.append(resolve_recipient(recipient, field_name, index, internal_fallback))  # type: ignore[arg-type]
    return tuple(resolved)


def _sender_domain_if_no_internal(draft: Draft, index: DirectoryIndex) -> str | None:
    # A tenant without configured internal domains still owns the sender's domain.
    if index.internal_domains or "@" not in draft.sender:
        return None
    return email_domain(draft.sender)


def resolve_recipient(
    recipient: Recipient, field_name: Field, index: DirectoryIndex, internal_fallback: str | None = None
) -> RecipientInfo:
    email = recipient.email.strip().lower()
    domain = email_domain(email)
    internal = index.is_internal_domain(domain) or (
        internal_fallback is not None and (domain == internal_fallback or domain.endswith("." + internal_fallback))
    )
    org_index = None if internal else index.org_index_for_address(email)
    org = index.org(org_index) if org_index is not None else None
    org_key = org.id if org is not None else _unknown_org_key(email, domain)
    name = recipient.name.strip()
    moves_goods = org is None and not internal and looks_like_logistics(name, domain)
    return RecipientInfo(
        email, name, field_name, domain, internal, org_index, org, org_key, address_problem(email), moves_goods
    )


def _unknown_org_key(email: str, domain: str) -> str:
    if is_freemail(domain):
        return f"address:{email}"
    return f"domain:{registrable_domain(domain)}"


# --- text scanning -------------------------------------------------------------------------------


def _scan_attachment_content(ctx: RuleContext, attachment: Attachment) -> None:
    if attachment.text:
        _scan(ctx, attachment.text, "attachment_text", attachment.name)
    # A cached scan (AttachmentScan) gives the organizations without the text.
    for org_id in attachment.mentioned_org_ids:
        org_index = ctx.index.org_index_by_id.get(org_id)
        if org_index is not None:
            evidence = f"{attachment.name}: {ctx.index.org(org_index).name}"
            ctx.mentions.append(Mention(org_index, "attachment_text", evidence, attachment.name))


def _common_words(index: DirectoryIndex, evidence: str) -> bool:
    """ "a greenfield power plant", "la industria solar ibérica", "helio-thermisch": words written in lower case
    in running text that happen to spell a company's name (several words, or a shortened name); people
    capitalize the names they mean."""
    if not evidence[:1].islower() or "@" in evidence or "." in evidence:
        return False
    return " " in evidence.strip() or (evidence == evidence.lower() and normalize_text(evidence) in index.short_names)


def _scan_name_form(ctx: RuleContext, raw: str, location: Location, attachment: str | None = None) -> None:
    """Organizations named only once separators and CamelCase are read as spaces (not found as written)."""
    spaced = name_form(raw)
    if spaced == raw:
        return
    known = {m.org_index for m in ctx.mentions if m.location == location and m.attachment == attachment}
    normalized = normalize_text(spaced)
    for hit in ctx.index.scan(normalized):
        kind, ref, _category = hit.payload
        if kind == "org" and int(ref) not in known:  # type: ignore[call-overload]
            known.add(int(ref))  # type: ignore[call-overload]
            evidence = as_written(spaced, normalized, hit.start, hit.end)
            ctx.mentions.append(Mention(int(ref), location, evidence, attachment))  # type: ignore[call-overload]


def _scan(ctx: RuleContext, raw: str, location: Location, attachment: str | None = None) -> None:
    scanned = scan_text(ctx.index, raw)
    for org_index, evidence in scanned.orgs:
        if location in ("body", "quoted") and _common_words(ctx.index, evidence):
            continue
        ctx.mentions.append(Mention(org_index, location, evidence, attachment))
    for kind, category, evidence in scanned.terms:
        ctx.terms.append(TermHit(kind, category, location, evidence))


@dataclass(frozen=True, slots=True)
class ScannedText:
    orgs: list[tuple[int, str]]  # (org index, evidence), first mention of each organization
    terms: list[tuple[str, str, str]]  # (kind, category, evidence), each distinct term once


def scan_text(index: DirectoryIndex, raw: str) -> ScannedText:
    """One automaton pass plus one address regex pass over a text: organizations and terms it names."""
    result = ScannedText([], [])
    if not raw:
        return result
    normalized = normalize_text(raw)
    # Offsets map back to the raw text when normalization kept the length (the usual case).
    source = raw if len(raw) == len(normalized) else normalized
    seen_orgs: set[int] = set()
    seen_terms: set[tuple[str, str, str]] = set()
    # Addresses and domains first: "j.fischer@helio-handel.de" is better evidence than the "helio" inside it.
    _scan_addresses(index, normalized, source, seen_orgs, result)
    for hit in index.scan(normalized):
        kind, ref, category = hit.payload
        evidence = source[hit.start : hit.end]
        if kind == "org":
            org_index = int(ref)  # type: ignore[call-overload]
            if org_index not in seen_orgs:
                seen_orgs.add(org_index)
                result.orgs.append((org_index, evidence if source is raw else _as_in(raw, evidence)))
        elif (term := (str(ref), category, evidence.lower())) not in seen_terms:
            # Per category: a tenant's own term may repeat a built-in one of another category ("Marge" as a price).
            seen_terms.add(term)
            result.terms.append((str(ref), category, evidence))
    return result


def _as_in(raw: str, evidence: str) -> str:
    """The evidence as the raw text writes it, when normalization changed the length ("ß" -> "ss")."""
    found = re.search(re.escape(evidence), raw, re.IGNORECASE)
    return found.group(0) if found else evidence


def _scan_addresses(index: DirectoryIndex, normalized: str, source: str, seen: set[int], result: ScannedText) -> None:
    """Addresses and domains in the text, looked up in the index's hash maps (not in the automaton)."""
    if "." not in normalized:
        return
    spans = _distinct_lines(normalized) if len(normalized) >= _DISTINCT_LINES_FROM else ((0, len(normalized)),)
    backwards = _Backwards(normalized)
    # A quoted thread repeats the same few addresses in every header and signature (16,000 domain runs in 300
    # realistic drafts, 1,000 distinct per text): each distinct address or domain is looked up once per text.
    looked_up: set[str] = set()
    for start, end in spans:
        covered = start
        for hint in _DOT_LETTER.finditer(normalized, start, end):
            if hint.start() < covered:
                continue  # a later label of a domain already handled ("mail.solartech.de")
            label_start = backwards.start_of(_LABEL_BACKWARDS, hint.start())
            match = _DOMAIN_RUN.match(normalized, label_start) if label_start is not None else None
            if match is None:
                continue
            covered = match.end()
            address_start = _address_start(normalized, backwards, match.start())
            written = normalized[address_start : match.end()]
            if written not in looked_up:
                looked_up.add(written)
                evidence = source[address_start : match.end()]
                _lookup_domain_run(index, written, match.group(0), evidence, seen, result)


def _distinct_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the first occurrence of each distinct line holding a dot; the whole text as one span when
    its lines hardly repeat.

    No address or domain spans a line break, and a long thread repeats its header and signature lines in
    every message: scanning each distinct line once finds the same addresses, first mentions first. The
    bookkeeping runs in C (split, dict, accumulate, sort); Python steps once per distinct line only.
    """
    lines = text.split("\n")
    # Each line -> its first position: written from the last line to the first, the first occurrence wins.
    first = dict(zip(reversed(lines), range(len(lines) - 1, -1, -1), strict=True))
    if 2 * len(first) > len(lines):
        return [(0, len(text))]
    ends = list(accumulate(map(len, lines)))  # characters up to each line's end, line breaks not counted
    spans = []
    for position in sorted(first.values()):
        line = lines[position]
        if "." in line:
            start = ends[position] - len(line) + position
            spans.append((start, start + len(line)))
    return spans


class _Backwards:
    """The text reversed (built on first use): where a run of characters ending at an offset begins."""

    __slots__ = ("_reversed", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._reversed: str | None = None

    def start_of(self, run: re.Pattern[str], end: int) -> int | None:
        if self._reversed is None:
            self._reversed = self._text[::-1]
        found = run.match(self._reversed, len(self._text) - end)
        return None if found is None else end - (found.end() - found.start())


def _address_start(normalized: str, backwards: _Backwards, domain_start: int) -> int:
    """Where the address whose domain starts at `domain_start` begins (the domain's own start if none)."""
    if domain_start > 0 and normalized[domain_start - 1] == "@":
        local_start = backwards.start_of(_LOCAL_PART_BACKWARDS, domain_start - 1)
        if local_start is not None:
            return local_start
    return domain_start


def _lookup_domain_run(
    index: DirectoryIndex, written: str, domain: str, evidence: str, seen: set[int], result: ScannedText
) -> None:
    """`written` is the address ("j.fischer@helio-handel.de") or the bare domain found in the text."""
    if not domain[domain.rfind(".") + 1 :].isalpha() or index.is_internal_domain(domain):
        return  # "v2.0x", "readme.1st" and our own addresses name nobody
    org_index = index.org_index_for_address(written) if written != domain else None
    if org_index is None:
        org_index = index.org_index_for_domain(domain)
    if org_index is not None and org_index not in seen:
        seen.add(org_index)
        result.orgs.append((org_index, evidence))
