"""Content markers, and a search for them in any case and in the encodings a leak would take.

A subject stored lowercased, a body quoted in JSON with \\u escapes, attachment text kept as base64 or a URL
query: each still holds the marker in some spelling. `find_leaks` looks for all of them.
"""

from __future__ import annotations

import base64
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote, quote_plus

import sqlalchemy as sa
from sqlalchemy import Engine
from sqlmodel import SQLModel


def iban(bank_and_account: str, country: str = "DE") -> str:
    """A valid IBAN (ISO 13616 check digits): the sensitive-data rule quotes it as evidence."""
    digits = "".join(str(int(c, 36)) for c in bank_and_account + country + "00")
    return f"{country}{98 - int(digits) % 97:02d}{bank_and_account}"


# Non-ASCII on purpose: JSON and URL encodings then differ from the plain text.
SUBJECT = "Qzsubjört7731"
BODY = "Qzbodyört5512"
ATTACHMENT = "Qzattört9904"
BODY_IBAN = iban("370400440532077311")  # quoted by the sensitive_external finding's evidence
ATTACHMENT_IBAN = iban("500105175407324931")
MARKERS = {
    "subject": SUBJECT,
    "body": BODY,
    "body iban": BODY_IBAN,
    "attachment": ATTACHMENT,
    "attachment iban": ATTACHMENT_IBAN,
}


def _base64_forms(text: str) -> set[str]:
    """The marker's base64 as it appears inside a longer encoded text, at each of the three alignments."""
    raw = text.encode()
    forms = set()
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + raw).decode().rstrip("=")
        start = 4 if shift else 0  # the first group mixes in the padding bytes
        usable = ((shift + len(raw)) // 3) * 4  # groups made of marker bytes only, end excluded
        core = encoded[start:usable]
        forms |= {core, core.replace("+", "-").replace("/", "_")}
    return {f for f in forms if len(f) >= 8}


def spellings(text: str) -> set[str]:
    cases = {text, text.lower(), text.upper(), text.casefold()}
    forms = set(cases)
    for case in cases:
        escaped = json.dumps(case)[1:-1]
        forms.add(escaped)  # \u00f6
        forms.add(re.sub(r"\\u([0-9a-f]{4})", lambda m: "\\u" + m.group(1).upper(), escaped))  # \u00F6
        forms |= {quote(case), quote_plus(case), quote(case).lower()}
        forms |= _base64_forms(case)
        forms.add(case.encode().hex())
    return forms


def find_leaks(text: str, markers: dict[str, str] = MARKERS) -> list[str]:
    """Which markers the text holds, in which spelling ("" when none)."""
    haystack = text
    return [f"{name}: {form!r}" for name, marker in markers.items() for form in spellings(marker) if form in haystack]


def dump_database(engine: Engine) -> str:
    """Every row of every table, as text (JSON columns included)."""
    parts = []
    with engine.connect() as conn:
        for table in SQLModel.metadata.sorted_tables:
            for row in conn.execute(sa.select(table)).all():
                parts.append(json.dumps([str(v) if not isinstance(v, dict | list) else v for v in row], default=str))
                parts.append(repr(tuple(row)))
    return "\n".join(parts)


@contextmanager
def every_logger_at_debug() -> Iterator[None]:
    """The service's own loggers at DEBUG for the run (third-party levels the service sets are kept)."""
    names = ["", "app", *[n for n in logging.root.manager.loggerDict if n == "app" or n.startswith("app.")]]
    loggers = [logging.getLogger(n) for n in names]
    saved = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        for logger, level in zip(loggers, saved, strict=True):
            logger.setLevel(level)
