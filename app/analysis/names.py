"""How organizations and people are named in mail: legal forms, business descriptors, spellings.

The index compiles these keys once per directory; rules compare display names and greetings with name_key.
"""

from __future__ import annotations

import re
from functools import lru_cache

from app.analysis.normalize import contains_cjk, has_camel_case, normalize_text, split_camel_case, strip_accents

# Compared without dots: "S.L." -> "sl".
_LEGAL_SUFFIXES = frozenset(
    (
        "gmbh",
        "ag",
        "kg",
        "ohg",
        "ug",
        "mbh",
        "ltd",
        "limited",
        "co",
        "inc",
        "corp",
        "corporation",
        "srl",
        "company",
        "llc",
        "llp",
        "lp",
        "plc",
        "pty",
        "pte",
        "sa",
        "sl",
        "sarl",
        "sas",
        "bv",
        "nv",
        "oy",
        "ab",
        "as",
        "a/s",
        "spa",
        "kk",
        "ek",
        "ev",
        "se",
        "sagl",
        "cia",
        "cía",
        "y",
        "&",
    )
)
_CJK_LEGAL_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司", "株式会社")
# Words that describe the business rather than name it: "Sonnenkraft Vertrieb GmbH" is called "Sonnenkraft".
_DESCRIPTORS = frozenset(
    (
        "vertrieb",
        "vertriebs",
        "handel",
        "handels",
        "distribution",
        "distributors",
        "distributor",
        "trading",
        "logistics",
        "international",
        "group",
        "holding",
        "industries",
        "industry",
        "technology",
        "technologies",
        "solutions",
        "systems",
        "energy",
        "energie",
        "energía",
        "energia",
        "import",
        "export",
        "services",
        "sales",
        "solar",
        "trade",
    )
)
# Cores that are ordinary words would match everywhere; the full name still matches.
_GENERIC_CORES = frozenset(
    (
        "trading",
        "solar",
        "global",
        "international",
        "group",
        "company",
        "industries",
        "industrial",
        "tech",
        "technology",
        "technologies",
        "import",
        "export",
        "logistics",
        "energy",
        "china",
        "europe",
        "asia",
        "germany",
        "spain",
        "france",
        "services",
        "solutions",
        "systems",
        "products",
        "trade",
        "soleil",
        "sonne",
        "sun",
        "sol",
    )
)
NOT_ALNUM = re.compile(r"[\W_]+")
# "S.A. de C.V.", "S. de R.L. de C.V.", "SAPI de CV": Mexican and Latin American legal forms.
_LATAM_LEGAL_TAIL = re.compile(
    r",?\s+(?:s\.?\s?a\.?(?:\s?p\.?\s?i\.?)?|s\.?\s?de\s+r\.?\s?l\.?)(?:\s+de\s+c\.?\s?v\.?)?\s*$"
)
_TOKEN_SPLIT = re.compile(r"[\s,;()]+")


def spellings(*names: str) -> list[str]:
    """Each name as written and without accents ("energia solar iberica", as file names write it), each once, in
    the order given (an index built twice from the same directory is the same, whatever the process's hash seed).
    Names glued in CamelCase ("HelioHandel") are found by scanning file names with spaces put back."""
    found: dict[str, None] = {}
    for name in names:
        if name:
            found[name] = None
            if not name.isascii():
                found[strip_accents(name)] = None
    return list(found)


def split_camel_name(name: str) -> str:
    """ "HelioHandel GmbH" -> "Helio Handel GmbH": glued words read apart, legal forms left whole (read apart,
    "GmbH" would become "Gmb H", which no legal suffix matches)."""
    if not has_camel_case(name):
        return name  # most names: nothing glued (a directory build reads 150,000 of them)
    return " ".join(
        split_camel_case(word) if has_camel_case(word) and not _is_legal_form(word) else word
        for word in name.split(" ")
    )


def _is_legal_form(word: str) -> bool:
    return normalize_text(word).strip(",;()").replace(".", "") in _LEGAL_SUFFIXES


def core_name(normalized_name: str) -> str:
    """ "solartech gmbh" -> "solartech", "阳光科技有限公司" -> "阳光科技": how people write the name."""
    name = normalized_name.strip()
    if not name.isascii():
        for suffix in _CJK_LEGAL_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                return name[: -len(suffix)]
    name = _LATAM_LEGAL_TAIL.sub("", name)
    tokens = list(filter(None, _TOKEN_SPLIT.split(name)))
    # "S.L.", "Co.," and "s.a.r.l." compare without their dots.
    while len(tokens) > 1 and tokens[-1].replace(".", "") in _LEGAL_SUFFIXES:
        tokens.pop()
    if _GENERIC_CORES.issuperset(tokens):
        return ""
    return " ".join(tokens).strip(" .")


def short_name(core: str) -> str:
    """Core without trailing business descriptors, if something distinctive (>= 5 chars) remains."""
    tokens = core.split()
    while len(tokens) > 1 and tokens[-1] in _DESCRIPTORS:
        tokens.pop()
    short = " ".join(tokens)
    return "" if short == core or len(short) < 5 or short in _GENERIC_CORES else short


def usable_name(key: str) -> bool:
    if not key:
        return False
    if not key.isascii() and contains_cjk(key):
        return len(key) >= 2
    # Three letters or digits up front settle it without counting them all.
    return len(key) >= 3 and (key[:3].isalnum() or len(NOT_ALNUM.sub("", key)) >= 3)


def usable_code(code: str) -> bool:
    # Short or purely numeric codes would match prices, quantities and dates.
    if any(ch.isalpha() for ch in code):
        return len(code) >= 4
    return len(code) >= 6


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Display names and greetings compared accent- and case-insensitively."""
    if name.isascii():
        return " ".join(name.lower().replace(",", " ").split())
    return " ".join(strip_accents(normalize_text(name)).replace(",", " ").split())
