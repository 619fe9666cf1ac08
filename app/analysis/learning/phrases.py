"""The names a team calls an organization by, from what its sent mail carries.

Subjects and file names name the customer in one or more words ("PI 2026-117 Helio Handel 40ft",
"Quotation_HelioHandel_007.xlsx", "PI-上海阳光-031.pdf"); recipients' display names carry it in brackets
("Julia Fischer (Helio Handel)"), and greetings to a team name it ("Hallo Helio Handel-Team,", "上海阳光团队您好").
Each message counts its phrases (runs of up to four name words between codes, numbers and separators; a glued
"HelioHandel" is read as "Helio Handel" and never cut) once per receiving unit. A phrase becomes an alias of the
organization that got nearly all of it, when it was seen often enough, it is not a document's kind ("合同",
"Angebot"; a Chinese name glued to one, "上海阳光报价单", counts for "上海阳光"), each of its end words is that organization's too (a product word or a port also goes to others, so
"Datasheet Helio" or "Solar Iberica" loses it), and no longer phrase of the same organization covers it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Set

from app.analysis.doc_classes import cjk_document_words, classify_name
from app.analysis.normalize import is_cjk, strip_accents

MIN_MESSAGES = 3
MIN_SHARE = 0.8  # forwarders and a colleague's mix-ups see a customer's name too; the customer gets most of it
_MAX_WORDS = 4
_PIECE = re.compile(r"[^\W_]+")
_BREAK = re.compile(r"[:;,()\[\]|/&+@#!?<>\"（）【】，：；]|\s-\s|\s–\s")
_CODE_LETTERS = re.compile(r"[A-Z]{1,4}-\d")  # "HH-1002": the letters of a customer code, not a name
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")
_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]{2,}")
_SCRIPT_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+|[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+")  # fmt: skip
_BRACKETED = re.compile(r"^(?P<person>[^()（）|]+?)\s*(?:[(（](?P<company>[^()（）]+)[)）]|\|\s*(?P<after>.+))\s*$")
_TEAM_GREETINGS = (
    re.compile(r"^(?:dear|hi|hello|hallo|liebes?|sehr geehrtes)\s+(?P<team>.+?)[\s-]+team\s*[,:!]?$", re.I),
    re.compile(r"^(?:bonjour|chère|cher)\s+(?:à\s+)?l['’]équipe\s+(?:de\s+|d['’])?(?P<team>.+?)\s*[,:!]?$", re.I),
    re.compile(r"^(?:hola|estimado)\s+equipo\s+(?:de\s+)?(?P<team>.+?)\s*[,:!]?$", re.I),
    re.compile(r"^(?:尊敬的)?(?P<team>[^\s，,]{2,12}?)团队(?:您好|你们好|好)?[，,：:！!]?$"),
)

_CJK_DOCUMENT_WORDS = cjk_document_words()

Phrase = tuple[str, str]  # (key: words folded and joined by spaces, the words as written)


def subject_phrases(text: str) -> Iterator[Phrase]:
    """Every run of up to four name words in a subject or a file name (without its extension)."""
    for run in _runs(text):
        for size in range(1, min(_MAX_WORDS, len(run)) + 1):
            for start in range(len(run) - size + 1):
                words = run[start : start + size]
                # "SunPeakEnergy" is one name as written: no phrase starts or ends inside it
                inside = words[0][1] or (start + size < len(run) and run[start + size][1])
                if not inside and _named(words[0][0]) and _named(words[-1][0]):
                    yield _phrase(words)


def whole_phrase(text: str) -> Phrase | None:
    """A name given whole (in a display name, a greeting): its words as one phrase."""
    words = [w for run in _runs(text) for w in run]
    return _phrase(words) if words and len(words) <= _MAX_WORDS + 2 else None


def display_company(display_name: str) -> tuple[str, str]:
    """ "Julia Fischer (Helio Handel)" -> ("Julia Fischer", "Helio Handel"); a plain name has no company."""
    match = _BRACKETED.match(display_name.strip())
    if not match or any(ch.isdigit() for ch in match.group(0)):
        return display_name.strip(), ""
    return match.group("person").strip(), (match.group("company") or match.group("after") or "").strip()


def greeted_team(new_text: str) -> str:
    """The organization greeted as a team on the first line ("Dear Helio Handel team," -> "Helio Handel")."""
    first = next((line.strip() for line in new_text.splitlines() if line.strip()), "")
    if len(first) > 80:
        return ""
    for pattern in _TEAM_GREETINGS:
        if match := pattern.match(first):
            return match.group("team").strip(" -")
    return ""


def _runs(text: str) -> Iterator[list[tuple[str, bool]]]:
    """Runs of (word, glued to the previous one) between separators, numbers and codes; a script change breaks."""
    run: list[tuple[str, bool]] = []
    end = 0
    for match in _PIECE.finditer(text):
        code = any(ch.isdigit() for ch in match.group()) or _CODE_LETTERS.match(text, match.start()) is not None
        if code or _BREAK.search(text, end, match.start()):
            if run:
                yield run
            run = []
        end = match.end()
        if code:
            # a Chinese name glued to a number ("上海阳光报价单001"): its Chinese runs are words of their own
            yield from ([(cjk, False)] for cjk in _CJK_RUN.findall(match.group()))
            continue
        for script_run in _SCRIPT_RUN.findall(match.group()):
            cjk = is_cjk(script_run[0])
            if run and is_cjk(run[-1][0][0]) != cjk:
                yield run
                run = []
            words = [script_run] if cjk else _CAMEL.split(script_run)
            run.extend((word, position > 0) for position, word in enumerate(words))
    if run:
        yield run


def _named(word: str) -> bool:
    """A name's first and last word is capitalized (or CJK); "invoice" and "de" are not."""
    return (is_cjk(word[0]) and len(word) >= 2) or (word[0].isupper() and len(word) >= 2)


def _phrase(words: list[tuple[str, bool]]) -> Phrase:
    key = " ".join(strip_accents(w).casefold() for w, _ in words)
    written = "".join((w if glued and i else (" " + w if i else w)) for i, (w, glued) in enumerate(words))
    return key, written


def select_aliases(
    phrases: Mapping[str, Counter[str]],
    forms: Mapping[str, Counter[str]],
    org_of_unit: Mapping[str, str],
    skip: Set[str] = frozenset(),
) -> dict[str, tuple[str, ...]]:
    """org -> aliases; units of organizations in `skip` (forwarders) do not vote."""
    per_org = {key: _per_org(units, org_of_unit, skip) for key, units in _with_cjk_stems(phrases).items()}
    candidates: dict[str, dict[str, int]] = {}
    for key, counts in per_org.items():
        if not counts or not _usable(key):
            continue
        org, count = counts.most_common(1)[0]
        total = sum(counts.values())
        if total < MIN_MESSAGES or count / total < MIN_SHARE:
            continue
        written = _written(forms.get(key), key)
        compound = _glued_share(forms.get(key)) >= 0.25  # "SolarTech" is a name of its own, whatever "Solar" is
        if classify_name(written) == "other" and (compound or _ends_are_its_own(written, org, per_org)):
            candidates.setdefault(org, {})[key] = count
    aliases: dict[str, tuple[str, ...]] = {}
    for org, found in candidates.items():
        kept = [k for k, n in found.items() if not _covered(k, n, found)]
        aliases[org] = tuple(sorted({form for k in kept for form in _proposed_forms(forms.get(k), k)}))
    return aliases


def _with_cjk_stems(phrases: Mapping[str, Counter[str]]) -> Mapping[str, Counter[str]]:
    """Chinese is written without spaces: "上海阳光报价单" also counts for "上海阳光", its name without the kind
    of document glued to it (报价单, 形式发票, 合同 at either end)."""
    stems: dict[str, Counter[str]] = {}
    for key, units in phrases.items():
        if " " not in key and len(key) >= 4 and is_cjk(key[0]) and (stem := _cjk_stem(key)) != key:
            stems.setdefault(stem, Counter()).update(units)
    if not stems:
        return phrases
    merged = dict(phrases)
    for stem, units in stems.items():
        merged[stem] = merged.get(stem, Counter()) + units
    return merged


def _cjk_stem(key: str) -> str:
    """The key without a document word at its end and at its start ("上海阳光形式发票" -> "上海阳光")."""
    if key in _CJK_DOCUMENT_WORDS:  # "形式发票" is not "形式" glued to "发票"
        return key
    for word in _CJK_DOCUMENT_WORDS:
        if key.endswith(word) and len(key) - len(word) >= 2:
            key = key[: -len(word)]
            break
    for word in _CJK_DOCUMENT_WORDS:
        if key.startswith(word) and len(key) - len(word) >= 2:
            return key[len(word) :]
    return key


def _per_org(units: Counter[str], org_of_unit: Mapping[str, str], skip: Set[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for unit, count in units.items():
        org = org_of_unit.get(unit)
        if org is not None and org not in skip:
            counts[org] += count
    return counts


def _usable(key: str) -> bool:
    if " " in key:
        return True
    return len(key) >= 2 if is_cjk(key[0]) else len(key) >= 4


def _ends_are_its_own(written: str, org: str, per_org: Mapping[str, Counter[str]]) -> bool:
    """Both end words as written (a glued "SunPeak" is one) go to this organization as nearly always as the
    phrase: "Datasheet Helio" or "Solar Iberica" end in a word others get too."""
    words = written.split()
    for word in {words[0], words[-1]} if len(words) > 1 else ():
        counts = per_org.get(_phrase([(w, i > 0) for i, w in enumerate(_CAMEL.split(word))])[0])
        if counts and counts[org] / sum(counts.values()) < MIN_SHARE:
            return False
    return True


def _covered(key: str, count: int, found: Mapping[str, int]) -> bool:
    """A phrase inside a longer one of the same organization seen nearly as often says nothing more."""
    padded = f" {key} "
    return any(
        other != key and padded in f" {other} " and longer >= MIN_SHARE * count for other, longer in found.items()
    )


def _glued_share(forms: Counter[str] | None) -> float:
    if not forms:
        return 0.0
    return sum(n for f, n in forms.items() if " " not in f and _CAMEL.search(f)) / sum(forms.values())


def _proposed_forms(forms: Counter[str] | None, key: str) -> tuple[str, ...]:
    """The way it is written, and its glued "HelioHandel" too when the team often glues it: a directory that
    knows "HelioHandel" finds "Helio Handel" as well, not the other way round."""
    written = _written(forms, key)
    glued = [f for f in forms or () if " " not in f and _CAMEL.search(f)]
    if " " in written and glued and _glued_share(forms) >= 0.25:
        return written, max(glued, key=lambda f: (forms[f] if forms else 0, f))
    return (written,)


def _written(forms: Counter[str] | None, key: str) -> str:
    """The way it is written most; "Helio Handel" rather than "HelioHandel" when the spaced form is not rare."""
    if not forms:
        return key
    spaced = [f for f in forms if " " in f]
    pool = spaced if spaced and sum(forms[f] for f in spaced) * 4 >= sum(forms.values()) else list(forms)
    return max(pool, key=lambda f: (forms[f], f))
