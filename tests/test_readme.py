"""The README's privacy section names every stored field: a new column has to be declared there."""

from __future__ import annotations

import re
from pathlib import Path

from sqlmodel import SQLModel

import app.models  # noqa: F401 - registers every table

README = Path(__file__).resolve().parent.parent / "README.md"


def _privacy_table() -> dict[str, set[str]]:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## Privacy") :]
    section = section[: section.index("\n## ", 1)]
    listed: dict[str, set[str]] = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and re.fullmatch(r"`\w+`", cells[0]):
            listed[cells[0].strip("`")] = set(re.findall(r"`(\w+)`", cells[1]))
    return listed


def test_privacy_section_lists_every_stored_field() -> None:
    stored = {t.name: {c.name for c in t.columns} for t in SQLModel.metadata.sorted_tables}
    assert _privacy_table() == stored
