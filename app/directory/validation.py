"""Normalising the values people type into a directory: domains, addresses, languages, list cells."""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$", re.IGNORECASE)


def normalize_domain(value: str) -> str:
    """Lower-case ASCII (punycode) form of a domain; raises ValueError when it is not one."""
    raw = value.strip().lower().rstrip(".")
    if raw.startswith("@"):
        raw = raw[1:]
    if not raw or "." not in raw:
        raise ValueError(f"'{value}' is not a domain name")
    try:
        ascii_form = raw.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise ValueError(f"'{value}' is not a domain name") from exc
    if len(ascii_form) > 253 or not all(_LABEL.match(label) for label in ascii_form.split(".")):
        raise ValueError(f"'{value}' is not a domain name")
    if ascii_form.rsplit(".", 1)[1].isdigit():
        raise ValueError(f"'{value}' is not a domain name")
    return ascii_form


def normalize_email(value: str) -> str:
    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(f"'{value}' is not a valid e-mail address") from exc
    local, domain = result.normalized.rsplit("@", 1)
    return f"{local.lower()}@{normalize_domain(domain)}"


def normalize_language(value: str) -> str:
    raw = value.strip().replace("_", "-")
    if not _LANGUAGE.match(raw):
        raise ValueError(f"'{value}' is not a language tag such as en, de or zh-CN")
    head, *rest = raw.split("-")
    return "-".join([head.lower(), *[part.upper() if len(part) == 2 else part for part in rest]])


def split_list(cell: str) -> list[str]:
    """List values in one CSV cell are separated by ';'."""
    return [item.strip() for item in cell.split(";") if item.strip()]


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())
