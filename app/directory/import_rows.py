"""Reading an import file's rows: the header, one `ParsedRow` per contact line, or why a line is refused."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from app.analysis.directory import ORG_KINDS
from app.directory.exceptions import InvalidCsv
from app.directory.tables import Table
from app.directory.validation import normalize_domain, normalize_email, normalize_language, split_list
from app.validation import NUL

# An organization's domains and owner repeat on each of its contact rows, and a few owners on every row:
# each distinct value is validated once (validating an address costs tens of microseconds).
_domain = lru_cache(maxsize=8192)(normalize_domain)
_email = lru_cache(maxsize=8192)(normalize_email)

COLUMNS = (
    "organization",
    "kind",
    "domains",
    "aliases",
    "rival_group",
    "owner_email",
    "contact_name",
    "contact_email",
    "language",
    "customer_code",
    "country",
)
REQUIRED_COLUMNS = ("organization", "kind")
KINDS = ORG_KINDS


@dataclass
class ParsedRow:
    line: int
    organization: str
    kind: str
    domains: list[str]
    aliases: list[str]
    rival_group: str | None
    owner_email: str | None
    contact_name: str
    contact_email: str | None
    language: str | None
    customer_code: str | None = None
    country: str | None = None


def check_header(header: list[str]) -> list[str]:
    names = [str(n).strip().lower() for n in header]
    if not any(names):
        raise InvalidCsv("The file is empty or has no header row.", details={"expected": list(COLUMNS)})
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    unknown = [n for n in names if n not in COLUMNS]
    if missing or unknown:
        raise InvalidCsv(
            "The header row does not match the import format.",
            details={"missing": missing, "unknown": unknown, "expected": list(COLUMNS)},
        )
    return names


def table_rows(table: Table, columns: list[str], max_rows: int) -> Iterator[tuple[int, dict[str, str]]]:
    for count, (line, cells) in enumerate(table.rows, start=1):
        if count > max_rows:
            raise InvalidCsv(f"The file has more than {max_rows} rows; split it into smaller files.")
        normalized = dict(zip(columns, (c or "" for c in cells), strict=False))
        _refuse_nul(line, normalized)
        if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
            yield line, {"__extra__": "x", **normalized}
        elif any(value.strip() for value in normalized.values()):
            yield line, normalized


def _refuse_nul(line: int, cells: dict[str, str]) -> None:
    # A NUL is never text: the whole file is refused (a UTF-16 export shows up this way), naming the cell.
    for column, value in cells.items():
        if NUL in value or NUL in column:
            raise InvalidCsv(
                f"Line {line}, column {column}: the file contains a NUL character. Save it as 'CSV UTF-8'.",
                details={"line": line, "column": column},
            )


def parse_row(line: int, raw: dict[str, str]) -> ParsedRow:
    if "__extra__" in raw:
        raise ValueError("the row has more cells than the header")
    organization = " ".join(raw.get("organization", "").split())
    if not organization:
        raise ValueError("organization is empty")
    if len(organization) > 200:
        raise ValueError("organization is longer than 200 characters")
    kind = raw.get("kind", "").strip().lower()
    if kind not in KINDS:
        raise ValueError(f"kind '{raw.get('kind', '')}' is not one of {', '.join(KINDS)}")
    owner = raw.get("owner_email", "").strip()
    contact_email = raw.get("contact_email", "").strip()
    language = raw.get("language", "").strip()
    contact_name = " ".join(raw.get("contact_name", "").split())
    if contact_name and not contact_email:
        raise ValueError("contact_name is given but contact_email is empty")
    rival_group = raw.get("rival_group", "").strip() or None
    if rival_group and len(rival_group) > 100:
        raise ValueError("rival_group is longer than 100 characters")
    customer_code = raw.get("customer_code", "").strip() or None
    if customer_code and len(customer_code) > 64:
        raise ValueError("customer_code is longer than 64 characters")
    country = raw.get("country", "").strip().upper() or None
    if country and not (len(country) == 2 and country.isascii() and country.isalpha()):
        raise ValueError(f"country '{country}' is not a two-letter code such as DE or CN")
    return ParsedRow(
        line=line,
        customer_code=customer_code,
        country=country,
        organization=organization,
        kind=kind,
        domains=[_domain(d) for d in split_list(raw.get("domains", ""))],
        aliases=[a[:200] for a in split_list(raw.get("aliases", ""))],
        rival_group=rival_group,
        owner_email=_email(owner) if owner else None,
        contact_name=contact_name[:200],
        contact_email=normalize_email(contact_email) if contact_email else None,
        language=normalize_language(language) if language else None,
    )
