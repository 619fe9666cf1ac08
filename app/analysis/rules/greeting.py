"""greeting_mismatch: the salutation names a known contact who is not among the To recipients."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.analysis.context import RecipientInfo, RuleContext
from app.analysis.directory import ContactEntry
from app.analysis.findings import Finding
from app.analysis.names import name_key
from app.analysis.normalize import is_cjk

_TITLE = r"(?:mr|mrs|ms|miss|dr|prof|herr|frau|sr|sra|srta|don|doña|m|mme|mlle|monsieur|madame|señor|señora)\.?"
# "Herr Dr.", "Frau Prof. Dr.": a form of address followed by academic titles.
_TITLES = rf"(?:{_TITLE}\s+)(?:(?:dr|prof|ing|dipl\.?-ing)\.?\s+)*"
_NAME = r"(?P<name>[^\W\d_][\w'\-]*(?:[ \t]+[^\W\d_][\w'\-]*)?)"
_LATIN_GREETING = re.compile(
    rf"""^\s*(?:dear|hi|hello|hey|good\s+(?:morning|afternoon)|sehr\s+geehrte[rs]?|liebe[rs]?|hallo
        |guten\s+(?:tag|morgen)|estimad[oa]s?|querid[oa]|hola|buenos\s+días|cher|chère|bonjour|salut)
        [ \t,]+(?P<title>{_TITLES})?{_NAME}""",
    re.IGNORECASE | re.VERBOSE,
)
# "Madame Moreau," / "Herr Schmidt," / "Sr. García:" alone on the first line: the formal opening.
_TITLE_ONLY = re.compile(rf"^\s*(?P<title>{_TITLES}){_NAME}\s*[,:!]\s*$", re.IGNORECASE)
_CJK_TITLES = ("先生", "女士", "小姐", "经理", "总经理", "總", "总监", "总", "老师", "博士", "主任", "董事长", "工")
_CJK_GREETING = re.compile(
    r"^\s*(?:尊敬的|亲爱的|dear\s+)?\s*(?P<name>[\u4e00-\u9fff]{1,6}?)\s*[,，]?\s*(?:您好|你好|好)[,，!！:：]?",
    re.IGNORECASE,
)
_CJK_DEAR = re.compile(r"^\s*(?:尊敬的|亲爱的|dear\s+)\s*(?P<name>[\u4e00-\u9fff]{1,6})", re.IGNORECASE)
# "张总：" / "王伟先生，" on a line of its own is a salutation too.
_CJK_TITLED = re.compile(
    r"^\s*(?P<name>[\u4e00-\u9fff]{1,4}(?:先生|女士|小姐|经理|总监|总|老师|博士|主任|工))\s*[,，:：!！]?\s*$"
)
_LATIN_NAME_NIHAO = re.compile(r"^\s*(?P<name>[^\W\d_][\w'\- ]{1,40}?)\s*[,，]?\s*(?:您好|你好)")
_LINES_TO_CHECK = 3  # the salutation is at the top of what the sender wrote
_NOT_NAMES = frozenset(
    (
        "all",
        "team",
        "everyone",
        "there",
        "sir",
        "madam",
        "sirs",
        "colleagues",
        "friends",
        "together",
        "alle",
        "zusammen",
        "todos",
        "tous",
    )
)


@dataclass(frozen=True, slots=True)
class Salutation:
    text: str  # exact line part, for evidence
    name: str  # normalized name as written (may be first name, last name or full name)
    by_last_name: bool  # "Herr Schmidt", "王经理"


def greeting_mismatch(ctx: RuleContext) -> list[Finding]:
    salutation = find_salutation(ctx.body.new)
    to = [r for r in ctx.recipients if r.field == "to"]
    if salutation is None or not to:
        return []
    if any(_matches(salutation, r, ctx) for r in to):
        return []
    if not all(_known_names(r, ctx) for r in to):
        return []  # someone in To has no name we know: they may well be the person greeted
    contact = _greeted_contact(ctx, salutation)
    if contact is None:
        return []
    return [
        Finding(
            code="greeting_mismatch",
            severity="medium",
            recipients=tuple(r.email for r in to),
            evidence=(salutation.text,),
            params={
                "greeting": salutation.text,
                "name": contact.name,
                "contact": contact.email,
                "to": ", ".join(r.name or r.email for r in to),
            },
            key=f"contact:{contact.email}",
        )
    ]


def find_salutation(text: str) -> Salutation | None:
    for line in [ln for ln in text.splitlines() if ln.strip()][:_LINES_TO_CHECK]:
        found = _latin_salutation(line) or _cjk_salutation(line)
        if found is not None:
            return found
    return None


def _latin_salutation(line: str) -> Salutation | None:
    match = _LATIN_GREETING.match(line) or _TITLE_ONLY.match(line)
    if match is None or _cjk(match.group("name")):
        return None  # "Dear 王先生" is read as a Chinese salutation
    words = name_key(match.group("name")).split()
    words = [w for w in words if w not in _NOT_NAMES]
    if not words:
        return None
    # "Herr Schmidt" is a last name; "Doña Marta" and "Don Javier" are first names.
    title = (match.group("title") or "").strip().lower().rstrip(".")
    titled = bool(title) and title not in ("don", "doña")
    if titled and _first_and_last(match.group("name"), words):
        return Salutation(line[match.start() : match.end()].strip(), words[-1], True)  # "Mr. Michael Schmidt"
    name = words[0] if titled or len(words) == 1 else " ".join(words)
    return Salutation(line[match.start() : match.end()].strip(), name, titled)


def _first_and_last(raw: str, words: list[str]) -> bool:
    """After a title, two capitalised words are a first and a last name; "Mr Schmidt thanks" is not."""
    parts = raw.split()
    return len(words) == 2 and len(parts) == 2 and parts[1][:1].isupper()


def _cjk_salutation(line: str) -> Salutation | None:
    match = _CJK_GREETING.match(line) or _CJK_DEAR.match(line) or _CJK_TITLED.match(line)
    if match is None:
        latin = _LATIN_NAME_NIHAO.match(line)
        if latin is None or _cjk(latin.group("name")):
            return None
        words = [w for w in name_key(latin.group("name")).split() if w not in _NOT_NAMES]
        return Salutation(line[: latin.end()].strip(), " ".join(words), False) if words else None
    name = match.group("name")
    for title in _CJK_TITLES:
        if name.endswith(title) and len(name) > len(title):
            return Salutation(line[match.start() : match.end()].strip(), name[: -len(title)], True)
    if len(name) < 2:
        return None
    return Salutation(line[match.start() : match.end()].strip(), name, False)


def _known_names(recipient: RecipientInfo, ctx: RuleContext) -> list[str]:
    names = [name_key(recipient.name)] if recipient.name and "@" not in recipient.name else []
    contact = ctx.index.contact_by_email.get(recipient.email)
    if contact is not None and contact.name:
        names.append(name_key(contact.name))
    return [n for n in names if n]


def _matches(salutation: Salutation, recipient: RecipientInfo, ctx: RuleContext) -> bool:
    local = name_key(recipient.email.partition("@")[0].replace(".", " ").replace("_", " "))
    candidates = [*_known_names(recipient, ctx), local]
    wanted = salutation.name.split()
    for candidate in candidates:
        if _cjk(salutation.name):
            if salutation.name in candidate or (salutation.by_last_name and candidate.startswith(salutation.name)):
                return True
        elif _words_match(wanted, candidate.split()) or salutation.name.replace(" ", "") in local.replace(" ", ""):
            return True
    return False


def _words_match(wanted: list[str], candidate: list[str]) -> bool:
    # "Hi Michael thanks" captures two words; the first one alone is the name then.
    return all(word in candidate for word in wanted) or wanted[0] in candidate


def _greeted_contact(ctx: RuleContext, salutation: Salutation) -> ContactEntry | None:
    index = ctx.index
    name = salutation.name
    if _cjk(name):
        pool = index.contacts_by_name.get(name) or (
            index.contacts_by_last_name.get(name[0], []) if salutation.by_last_name else []
        )
    elif " " in name:
        pool = index.contacts_by_name.get(name) or index.contacts_by_first_name.get(name.split()[0], [])
    elif salutation.by_last_name:
        pool = index.contacts_by_last_name.get(name, [])
    else:
        pool = index.contacts_by_first_name.get(name, [])
    return _prefer_related(ctx, pool, salutation)


def _prefer_related(ctx: RuleContext, pool: Sequence[ContactEntry], salutation: Salutation) -> ContactEntry | None:
    """Among same-named contacts, prefer one whose organization the draft involves or mentions.

    Walks the few involved organizations' contacts rather than the pool, which for a common first name
    in a large directory holds thousands of namesakes.
    """
    if not pool:
        return None
    involved = [ctx.index.orgs[m.org_index].id for m in ctx.mentions]
    involved += [r.org.id for r in ctx.recipients if r.org is not None]
    for org_id in dict.fromkeys(involved):
        for contact in ctx.index.contacts_by_org.get(org_id, ()):
            if _greets(salutation, name_key(contact.name)):
                return contact
    return pool[0]


def _greets(salutation: Salutation, candidate: str) -> bool:
    if _cjk(salutation.name):
        return salutation.name in candidate or (salutation.by_last_name and candidate.startswith(salutation.name))
    return _words_match(salutation.name.split(), candidate.split())


def _cjk(text: str) -> bool:
    return bool(text) and is_cjk(text[0])
