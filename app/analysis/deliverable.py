"""Deliverable addresses: why an address cannot be delivered, and the address a typo most likely meant."""

from __future__ import annotations

import re

_LOCAL_OK = re.compile(r"^[\w!#$%&'*+/=?^`{|}~.-]{1,64}$")
_LABEL_OK = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD_OK = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")


# Typed with a Chinese or Japanese input method: they look like "@" and "." but are not.
_FULL_WIDTH = str.maketrans({"＠": "@", "。": ".", "．": ".", "｡": "."})


def address_problem(address: str) -> str | None:
    """Why an address cannot be delivered ("no @", "invalid domain", ...), or None when it can."""
    if address.translate(_FULL_WIDTH) != address:
        return "full-width characters"
    if "@" not in address:
        return "no @"
    local, _at, domain = address.rpartition("@")
    if "@" in local or not local or not _LOCAL_OK.match(local) or ".." in local:
        return "invalid mailbox"
    if local.startswith(".") or local.endswith("."):
        return "invalid mailbox"
    return _domain_problem(domain)


def _domain_problem(domain: str) -> str | None:
    try:
        ascii_domain = domain.encode("idna").decode("ascii") if not domain.isascii() else domain
    except UnicodeError:
        return "invalid domain"
    labels = ascii_domain.lower().split(".")
    if len(labels) < 2 or len(ascii_domain) > 253 or not all(_LABEL_OK.match(label) for label in labels):
        return "invalid domain"
    if not _TLD_OK.match(labels[-1]):
        return "invalid domain"
    return None


def repaired_address(address: str) -> str | None:
    """The address a typo most likely meant ("m.schmidt@solartech,de" -> "...@solartech.de"), if clear."""
    text = address.translate(_FULL_WIDTH).strip().removeprefix("mailto:").strip("<>\"' ,;.")
    text = "".join(text.split())
    local, at, domain = text.rpartition("@")
    if not at:
        return None
    domain = re.sub(r"[,;]+", ".", domain)
    domain = re.sub(r"\.{2,}", ".", domain).strip(".")
    candidate = f"{local}@{domain}".lower()
    return candidate if address_problem(candidate) is None and candidate != address.lower() else None
