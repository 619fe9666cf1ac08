"""The directory's contacts in an index: packed columns, looked up by address, name and organization.

Checks read a handful of contacts each (the recipients, a greeted name's namesakes), so a `ContactEntry`
is made only when one is asked for; the table itself holds no object per contact (see app/analysis/packed.py).
The views (`ContactTable.by_email` and the name and organization pools) read like the dicts they replace.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import overload

from app.analysis.directory import ContactEntry
from app.analysis.names import name_key
from app.analysis.normalize import is_cjk
from app.analysis.packed import PackedMultiMap, PackedStrings

_EMAIL, _NAME, _ORG_ID, _LANGUAGE = (
    attrgetter("email"),
    attrgetter("name"),
    attrgetter("org_id"),
    attrgetter("language"),
)


@dataclass(slots=True)
class ContactTable:
    # Per row (a contact with an address, in directory order): its organization id, address, name, language.
    org_refs: array[int] = field(default_factory=lambda: array("I"))
    org_ids: tuple[str, ...] = ()
    emails: PackedStrings = field(default_factory=PackedStrings)
    names: PackedStrings = field(default_factory=PackedStrings)
    language_refs: array[int] = field(default_factory=lambda: array("B"))
    languages: tuple[str | None, ...] = ()
    # Lower-case address -> its first row; name key, first and last name -> rows; organization id -> rows.
    email_rows: PackedMultiMap = field(default_factory=PackedMultiMap)
    name_rows: PackedMultiMap = field(default_factory=PackedMultiMap)
    first_name_rows: PackedMultiMap = field(default_factory=PackedMultiMap)
    last_name_rows: PackedMultiMap = field(default_factory=PackedMultiMap)
    org_rows: PackedMultiMap = field(default_factory=PackedMultiMap)

    @classmethod
    def of(cls, contacts: Sequence[ContactEntry]) -> ContactTable:
        return _build(contacts)

    def contact(self, row: int) -> ContactEntry:
        return ContactEntry(
            org_id=self.org_ids[self.org_refs[row]],
            email=self.emails[row],
            name=self.names[row],
            language=self.languages[self.language_refs[row]],
        )

    def __len__(self) -> int:
        return len(self.org_refs)

    @property
    def by_email(self) -> ContactsByKey:
        return ContactsByKey(self, self.email_rows)

    def pools(self, rows: PackedMultiMap) -> ContactPools:
        return ContactPools(self, rows)


# A language per row in one byte: a directory with more distinct languages records the rest as None.
_MAX_LANGUAGES = 255


def _build(contacts: Sequence[ContactEntry]) -> ContactTable:
    """Column by column: each distinct organization, language and name is worked on once, not per row."""
    emails = list(map(_EMAIL, contacts))
    lowered = _lookup_forms(emails)
    kept: Sequence[ContactEntry] = contacts
    if not all(lowered):
        kept = [contact for contact, email in zip(contacts, lowered, strict=True) if email]
        emails = list(map(_EMAIL, kept))
        lowered = list(filter(None, lowered))
    encoded = list(map(str.encode, emails))
    email_column = PackedStrings.of_encoded(encoded)
    org_column = list(map(_ORG_ID, kept))
    org_ids = _numbered(org_column)
    org_refs = list(map(org_ids.__getitem__, org_column))
    languages, language_refs = _language_column(list(map(_LANGUAGE, kept)))
    names = list(map(_NAME, kept))
    return ContactTable(
        org_refs=array("I", org_refs),
        org_ids=tuple(org_ids),
        emails=email_column,
        names=PackedStrings.of(names),
        language_refs=language_refs,
        languages=languages,
        email_rows=_email_rows(emails, lowered, email_column, encoded),
        org_rows=PackedMultiMap.of_refs(list(org_ids), org_refs),
        **_name_rows(names),
    )


def _lookup_forms(emails: list[str]) -> list[str]:
    """Each address stripped and lower-cased, in one pass over all their text (lower-casing maps characters
    in place, so the lines come out as they went in; a stray line break takes the slow path)."""
    stripped = list(map(str.strip, emails))
    joined = "\n".join(stripped)
    lowered = joined.lower()
    if lowered == joined:
        return stripped  # the usual directory: addresses already in lower case
    lines = lowered.split("\n")
    return lines if len(lines) == len(stripped) else [email.lower() for email in stripped]


def _email_rows(emails: list[str], lowered: list[str], column: PackedStrings, encoded: list[bytes]) -> PackedMultiMap:
    """Lower-case address -> the first row with it."""
    if lowered == emails and len(set(lowered)) == len(lowered):
        return PackedMultiMap.of_column(column, encoded)  # each address once, as written: the column is the key
    first_rows: dict[str, int] = {}
    deque(map(first_rows.setdefault, lowered, range(len(lowered))), maxlen=0)
    return PackedMultiMap.of_unique(list(first_rows), first_rows.values())


def _grouped(values: list[str]) -> tuple[dict[str, int], list[list[int]]]:
    """Distinct values in order of first appearance -> their number, and the rows of each (ascending)."""
    numbers = _numbered(values)
    groups: list[list[int]] = [[] for _ in numbers]
    for row, number in enumerate(map(numbers.__getitem__, values)):
        groups[number].append(row)
    return numbers, groups


def _numbered(values: list[str]) -> dict[str, int]:
    """Distinct values in order of first appearance -> their number."""
    return {value: number for number, value in enumerate(dict.fromkeys(values))}


def _language_column(languages: list[str | None]) -> tuple[tuple[str | None, ...], array[int]]:
    distinct = list(dict.fromkeys(languages))
    if len(distinct) > _MAX_LANGUAGES:
        recorded = set(distinct[: _MAX_LANGUAGES - 1])
        languages = [language if language in recorded else None for language in languages]
        distinct = list(dict.fromkeys(languages))
    numbers = {language: number for number, language in enumerate(distinct)}
    return tuple(distinct), array("B", map(numbers.__getitem__, languages))


def _name_rows(names: list[str]) -> dict[str, PackedMultiMap]:
    """Name key, first and last name -> rows; the rows of namesakes written alike are gathered once."""
    by_name: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    by_last: dict[str, list[int]] = {}
    spellings, groups = _grouped(names)
    for name, rows in zip(spellings, groups, strict=True):
        key = name_key(name)
        if not key:
            continue
        by_name.setdefault(key, []).extend(rows)
        tokens = key.split()
        if len(tokens) >= 2:
            by_first.setdefault(tokens[0], []).extend(rows)
            by_last.setdefault(tokens[-1], []).extend(rows)
        elif is_cjk(key[0]) and len(key) >= 2:
            # Chinese names: surname first, greeted as 王先生 / 王经理 / 王总.
            by_last.setdefault(key[0], []).extend(rows)
    for table in (by_name, by_first, by_last):
        for rows in table.values():
            rows.sort()  # spellings of one key ("José", "Jose") each brought their own run of rows
    return {
        "name_rows": PackedMultiMap.of(by_name),
        "first_name_rows": PackedMultiMap.of(by_first),
        "last_name_rows": PackedMultiMap.of(by_last),
    }


class ContactsByKey(Mapping[str, ContactEntry]):
    """Lower-case address -> the first contact with it (read-only, made on demand)."""

    def __init__(self, table: ContactTable, rows: PackedMultiMap) -> None:
        self._table = table
        self._rows = rows

    def __getitem__(self, key: str) -> ContactEntry:
        row = self._rows.first(key)
        if row is None:
            raise KeyError(key)
        return self._table.contact(row)

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return (key for key, _rows in self._rows.items())

    def __len__(self) -> int:
        return len(self._rows)


class ContactPools(Mapping[str, "ContactPool"]):
    """A name or organization id -> its contacts, in directory order (read-only, made on demand)."""

    def __init__(self, table: ContactTable, rows: PackedMultiMap) -> None:
        self._table = table
        self._rows = rows

    def __getitem__(self, key: str) -> ContactPool:
        rows = self._rows.rows(key)
        if not rows:
            raise KeyError(key)
        return ContactPool(self._table, rows)

    def __contains__(self, key: object) -> bool:
        return key in self._rows

    def __iter__(self) -> Iterator[str]:
        return (key for key, _rows in self._rows.items())

    def __len__(self) -> int:
        return len(self._rows)


class ContactPool(Sequence[ContactEntry]):
    """Thousands of namesakes share a common first name; only the ones a rule reads become objects."""

    def __init__(self, table: ContactTable, rows: Sequence[int]) -> None:
        self._table = table
        self._rows = rows

    @overload
    def __getitem__(self, position: int) -> ContactEntry: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[ContactEntry]: ...
    def __getitem__(self, position: int | slice) -> ContactEntry | Sequence[ContactEntry]:
        if isinstance(position, slice):
            return [self._table.contact(row) for row in self._rows[position]]
        return self._table.contact(self._rows[position])

    def __len__(self) -> int:
        return len(self._rows)
