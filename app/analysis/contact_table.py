"""The directory's contacts in an index: packed columns, looked up by address, name and organization.

Checks read a handful of contacts each (the recipients, a greeted name's namesakes), so a `ContactEntry`
is made only when one is asked for; the table itself holds no object per contact (see app/analysis/packed.py).
The views (`ContactTable.by_email` and the name and organization pools) read like the dicts they replace.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import overload

from app.analysis.directory import ContactEntry
from app.analysis.names import name_key
from app.analysis.normalize import is_cjk
from app.analysis.packed import PackedMultiMap, PackedStrings


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
        return _TableBuilder().add_all(contacts)

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


class _TableBuilder:
    """Groups the rows in plain dicts first (fast to fill), then packs them."""

    def __init__(self) -> None:
        self.org_refs: dict[str, int] = {}
        self.language_refs: dict[str | None, int] = {}
        self.by_email: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        self.by_first: dict[str, list[int]] = {}
        self.by_last: dict[str, list[int]] = {}
        self.by_org: dict[str, list[int]] = {}

    def add_all(self, contacts: Sequence[ContactEntry]) -> ContactTable:
        kept: list[ContactEntry] = []
        org_column = array("I")
        language_column = array("B")
        for contact in contacts:
            email = contact.email.strip().lower()
            if not email:
                continue
            row = len(kept)
            kept.append(contact)
            org_column.append(self.org_refs.setdefault(contact.org_id, len(self.org_refs)))
            language_column.append(self._language_ref(contact.language))
            self.by_email.setdefault(email, row)
            self.by_org.setdefault(contact.org_id, []).append(row)
            self._add_name(contact.name, row)
        return ContactTable(
            org_refs=org_column,
            org_ids=tuple(self.org_refs),
            emails=PackedStrings.of(c.email for c in kept),
            names=PackedStrings.of(c.name for c in kept),
            language_refs=language_column,
            languages=tuple(self.language_refs),
            email_rows=PackedMultiMap.of_unique(list(self.by_email), list(self.by_email.values())),
            name_rows=PackedMultiMap.of(self.by_name),
            first_name_rows=PackedMultiMap.of(self.by_first),
            last_name_rows=PackedMultiMap.of(self.by_last),
            org_rows=PackedMultiMap.of(self.by_org),
        )

    def _language_ref(self, language: str | None) -> int:
        ref = self.language_refs.get(language)
        if ref is None:
            if len(self.language_refs) == 255:
                language = None  # more languages than a byte can tell: an unusual directory, none recorded
                ref = self.language_refs.setdefault(None, len(self.language_refs))
            else:
                ref = self.language_refs.setdefault(language, len(self.language_refs))
        return ref

    def _add_name(self, name: str, row: int) -> None:
        key = name_key(name)
        if not key:
            return
        self.by_name.setdefault(key, []).append(row)
        tokens = key.split()
        if len(tokens) >= 2:
            self.by_first.setdefault(tokens[0], []).append(row)
            self.by_last.setdefault(tokens[-1], []).append(row)
        elif is_cjk(key[0]) and len(key) >= 2:
            # Chinese names: surname first, greeted as 王先生 / 王经理 / 王总.
            self.by_last.setdefault(key[0], []).append(row)


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
