"""The directory's organizations in an index: packed columns, an `OrgEntry` made when one is read.

A check reads the few organizations its recipients and mentions point at; 100,000 entry objects with
their strings and tuples would cost ~50 MB per worker and pin the memory of a replaced index (see
app/analysis/packed.py). The table reads like the tuple of entries it replaces.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain
from operator import attrgetter
from typing import Any, overload

from app.analysis.directory import OrgEntry
from app.analysis.packed import PackedStrings

# Recently read entries kept as objects: checks see the same customers again and again.
_CACHED_ENTRIES = 4096


@dataclass(slots=True)
class PackedLists:
    """A tuple of strings per row, flattened into one column."""

    items: PackedStrings = field(default_factory=PackedStrings)
    starts: array[int] = field(default_factory=lambda: array("I", [0]))

    @classmethod
    def of(cls, rows: Iterable[tuple[str, ...]]) -> PackedLists:
        rows = list(rows)
        starts = array("I", [0])
        starts.extend(accumulate(map(len, rows)))
        return cls(PackedStrings.of(chain.from_iterable(rows)), starts)

    def row(self, position: int) -> tuple[str, ...]:
        items = self.items
        return tuple(items[i] for i in range(self.starts[position], self.starts[position + 1]))


@dataclass(slots=True)
class OptionalColumn:
    """A string or None per row, each distinct string stored once (owners and languages repeat)."""

    distinct: PackedStrings = field(default_factory=PackedStrings)
    refs: array[int] = field(default_factory=lambda: array("I"))  # 0: None, else distinct[ref - 1]

    @classmethod
    def of(cls, values: Iterable[str | None]) -> OptionalColumn:
        values = list(values)
        distinct = [value for value in dict.fromkeys(values) if value is not None]
        positions: dict[str | None, int] = {value: position for position, value in enumerate(distinct, 1)}
        positions[None] = 0
        return cls(PackedStrings.of(distinct), array("I", map(positions.__getitem__, values)))

    def __getitem__(self, position: int) -> str | None:
        ref = self.refs[position]
        return self.distinct[ref - 1] if ref else None

    def rows_with(self, value: str) -> list[int]:
        wanted = value.encode()
        refs = [ref + 1 for ref in range(len(self.distinct)) if self.distinct.equals(ref, wanted)]
        return [position for position, ref in enumerate(self.refs) if ref in refs] if refs else []


@dataclass(slots=True)
class OrgTable(Sequence[OrgEntry]):
    ids: PackedStrings = field(default_factory=PackedStrings)
    names: PackedStrings = field(default_factory=PackedStrings)
    # Kinds as written (the database may hold one this code does not know yet).
    kinds: OptionalColumn = field(default_factory=OptionalColumn)
    domains: PackedLists = field(default_factory=PackedLists)
    aliases: PackedLists = field(default_factory=PackedLists)
    rival_groups: OptionalColumn = field(default_factory=OptionalColumn)
    owner_emails: OptionalColumn = field(default_factory=OptionalColumn)
    customer_codes: OptionalColumn = field(default_factory=OptionalColumn)
    languages: OptionalColumn = field(default_factory=OptionalColumn)
    _cache: dict[int, OrgEntry] = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def of(cls, orgs: Sequence[OrgEntry]) -> OrgTable:
        def column(name: str) -> Iterable[Any]:
            return map(attrgetter(name), orgs)

        return cls(
            ids=PackedStrings.of(column("id")),
            names=PackedStrings.of(column("name")),
            kinds=OptionalColumn.of(column("kind")),
            domains=PackedLists.of(column("domains")),
            aliases=PackedLists.of(column("aliases")),
            rival_groups=OptionalColumn.of(column("rival_group")),
            owner_emails=OptionalColumn.of(column("owner_email")),
            customer_codes=OptionalColumn.of(column("customer_code")),
            languages=OptionalColumn.of(column("language")),
        )

    def __len__(self) -> int:
        return len(self.kinds.refs)

    @overload
    def __getitem__(self, position: int) -> OrgEntry: ...
    @overload
    def __getitem__(self, position: slice) -> Sequence[OrgEntry]: ...
    def __getitem__(self, position: int | slice) -> OrgEntry | Sequence[OrgEntry]:
        if isinstance(position, slice):
            return [self[i] for i in range(len(self))[position]]
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        entry = self._cache.get(position)
        if entry is None:
            entry = self._entry(position)
            if len(self._cache) >= _CACHED_ENTRIES:
                self._cache.clear()
            self._cache[position] = entry
        return entry

    def owned_by(self, owner_email: str) -> list[int]:
        """Positions of the organizations whose owner is `owner_email` (a scan of one column)."""
        return self.owner_emails.rows_with(owner_email)

    def _entry(self, position: int) -> OrgEntry:
        return OrgEntry(
            id=self.ids[position],
            name=self.names[position],
            kind=self.kinds[position],  # type: ignore[arg-type]
            domains=self.domains.row(position),
            aliases=self.aliases.row(position),
            rival_group=self.rival_groups[position],
            owner_email=self.owner_emails[position],
            customer_code=self.customer_codes[position],
            language=self.languages[position],
        )
