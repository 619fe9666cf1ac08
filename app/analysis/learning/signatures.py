"""Names from quoted history and addresses: who wrote "Maria López <m@x.com>", and which company they sign for."""

from __future__ import annotations

import re

from app.analysis.names import core_name
from app.analysis.normalize import contains_cjk, normalize_text

# "Maria López <maria@x.com>" in a "wrote:" line or a forwarded "From:" header.
_NAMED_ADDRESS = re.compile(r"(?:^|[\s:,])([^\n<>:,\"]{2,80}?)\s*<([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>")
_LEADING_WORDS = re.compile(r"^(?:on|am|le|el|from|von|de|发件人)\s+(?:[\d-]+,?\s+)?", re.IGNORECASE)
_UP_TO_DIGITS = re.compile(r"^.*\d[\s,.]*")
_VERB = re.compile(r"^(?:schrieb|wrote|escribió|a écrit|um|at|à)\s+", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"^[ \t]*>+[ \t]?", re.MULTILINE)
_LOCAL_SPLIT = re.compile(r"[._-]+")
_NOT_A_COMPANY = re.compile(r"[@:/]|^\W*$|^(?:tel|phone|mobile|fax|www)\b", re.IGNORECASE)
_CONTACT_DETAIL = re.compile(
    r"^(?:tel|t[eé]l[eé]?fono?|phone|mobile?|mob|m|fax|f|handy|cell|www|web|e-?mail|电话|手机|传真|邮箱)\b|\+\s?\d|@|https?:",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\+\s?(\d{1,4})")
_CJK_COMPANY = re.compile(r"(?:公司|商行|工厂|集团)$")
# International calling codes of the countries a trade team writes to (+1 is read as the United States).
CALLING_CODES = {
    "1": "US", "7": "RU", "20": "EG", "27": "ZA", "30": "GR", "31": "NL", "32": "BE", "33": "FR", "34": "ES",
    "36": "HU", "39": "IT", "40": "RO", "41": "CH", "43": "AT", "44": "GB", "45": "DK", "46": "SE", "47": "NO",
    "48": "PL", "49": "DE", "51": "PE", "52": "MX", "54": "AR", "55": "BR", "56": "CL", "57": "CO", "60": "MY",
    "61": "AU", "62": "ID", "63": "PH", "64": "NZ", "65": "SG", "66": "TH", "81": "JP", "82": "KR", "84": "VN",
    "86": "CN", "90": "TR", "91": "IN", "234": "NG", "351": "PT", "353": "IE", "358": "FI", "420": "CZ",
    "852": "HK", "886": "TW", "966": "SA", "971": "AE",
}  # fmt: skip


def named_addresses(quoted: str) -> list[tuple[str, str]]:
    """(address, name) pairs written in quoted headers, names cleaned of "On <date>," and the like."""
    found: list[tuple[str, str]] = []
    for match in _NAMED_ADDRESS.finditer(quoted):
        # "Am 04.03.2026 um 10:15 schrieb Thomas Müller": the name is what follows the date, time and verb
        name = _VERB.sub("", _UP_TO_DIGITS.sub("", _LEADING_WORDS.sub("", match.group(1).strip()))).strip(" ,")
        if name and not any(ch.isdigit() for ch in name):
            found.append((match.group(2).lower(), name))
    return found


def signed_company(quoted: str, name: str) -> str | None:
    """The company the writer signs for at the end of their quoted message, if a line looks like one."""
    companies = signature(quoted, name)[0]
    return companies[0] if companies else None


def signature(quoted: str, name: str) -> tuple[list[str], str | None]:
    """(company lines, country of the phone number) of the block under the writer's last quoted name.

    A block reads name, perhaps a title, the company (a Chinese company adds its English name), then phone and
    web site. Lines with a legal form ("GmbH", "Co., Ltd.", "有限公司") are companies; without one, the line just
    above the contact details is (a title sits under the name, the company under the title).
    """
    lines = [line.strip() for line in _QUOTE_MARK.sub("", quoted).splitlines()]
    positions = [i for i, line in enumerate(lines) if line == name]
    if not positions:
        return [], None
    block: list[str] = []
    country = None
    for line in lines[positions[-1] + 1 :]:
        if not line:
            if block or country:
                break
            continue
        if _CONTACT_DETAIL.search(line):
            country = country or phone_country(line)
            continue
        if not country and len(line) <= 80 and not _NOT_A_COMPANY.search(line) and line != name:
            block.append(line)
    legal = [line for line in block if has_legal_form(line)]
    return (legal or block[-1:]), country


def has_legal_form(line: str) -> bool:
    normalized = normalize_text(line).strip()
    return (bool(normalized) and core_name(normalized) not in ("", normalized)) or _CJK_COMPANY.search(line) is not None


def phone_country(line: str) -> str | None:
    match = _PHONE.search(line)
    if not match:
        return None
    digits = match.group(1)
    return next((CALLING_CODES[digits[:n]] for n in (3, 2, 1) if digits[:n] in CALLING_CODES), None)


def name_from_address(address: str) -> str:
    """ "maria.lopez@x" -> "Maria Lopez"; "" when the local part does not look like a name ("mlopez", "info")."""
    local = address.partition("@")[0]
    parts = [p for p in _LOCAL_SPLIT.split(local) if p]
    if len(parts) < 2 or any(len(p) < 2 or not p.isalpha() for p in parts[:2]):
        return ""
    return " ".join(p.capitalize() for p in parts[:2])


def preferred_name(names: dict[str, int]) -> tuple[str, float]:
    """The display name used most; a Latin spelling wins over a CJK one seen as often (searchable, sortable)."""
    if not names:
        return "", 0.0
    total = sum(names.values())
    best = max(names, key=lambda n: (names[n], not contains_cjk(n)))
    return best, names[best] / total
