"""Names from quoted history and addresses: who wrote "Maria López <m@x.com>", and which company they sign for."""

from __future__ import annotations

import re

from app.analysis.normalize import contains_cjk

# "Maria López <maria@x.com>" in a "wrote:" line or a forwarded "From:" header.
_NAMED_ADDRESS = re.compile(r"(?:^|[\s:,])([^\n<>:,\"]{2,80}?)\s*<([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>")
_LEADING_WORDS = re.compile(r"^(?:on|am|le|el|from|von|de|发件人)\s+(?:[\d-]+,?\s+)?", re.IGNORECASE)
_QUOTE_MARK = re.compile(r"^[ \t]*>+[ \t]?", re.MULTILINE)
_LOCAL_SPLIT = re.compile(r"[._-]+")
_NOT_A_COMPANY = re.compile(r"[@:/]|^\W*$|^(?:tel|phone|mobile|fax|www)\b", re.IGNORECASE)


def named_addresses(quoted: str) -> list[tuple[str, str]]:
    """(address, name) pairs written in quoted headers, names cleaned of "On <date>," and the like."""
    found: list[tuple[str, str]] = []
    for match in _NAMED_ADDRESS.finditer(quoted):
        name = _LEADING_WORDS.sub("", match.group(1).strip()).strip(" ,")
        if name and not any(ch.isdigit() for ch in name):
            found.append((match.group(2).lower(), name))
    return found


def signed_company(quoted: str, name: str) -> str | None:
    """The line under the writer's name at the end of their quoted message: their company, if it looks like one."""
    lines = [line.strip() for line in _QUOTE_MARK.sub("", quoted).splitlines()]
    positions = [i for i, line in enumerate(lines) if line == name]
    if not positions:
        return None
    for line in lines[positions[-1] + 1 :]:
        if not line:
            continue
        if len(line) > 80 or _NOT_A_COMPANY.search(line) or line == name:
            return None
        return line
    return None


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
