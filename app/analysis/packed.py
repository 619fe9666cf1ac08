"""Compact tables for a large directory's index: a few flat buffers instead of millions of Python objects.

A 100,000-organization directory has 330,000 contacts; as entry objects in dicts of lists they cost about
120 MB per process and take seconds to read back from a file. Packed, the same data is a handful of
`bytes` and `array` buffers: a tenth of the memory, read (and freed) in milliseconds, and invisible to the
cyclic garbage collector.

Keys are found by a hash that is the same in every process (`zlib.crc32` of the UTF-8 text, unlike `hash`,
which each interpreter seeds at random): the builder process writes the tables, the serving workers read
them. Every hit is confirmed against the stored key, so a hash collision never returns a wrong entry.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain

# Answers a table remembers (about 1 MB at most per table).
_RECENT_KEYS = 8192


@dataclass(slots=True)
class PackedStrings:
    """A sequence of strings stored as one UTF-8 buffer and the offsets where each one starts."""

    blob: bytes = b""
    offsets: array[int] = field(default_factory=lambda: array("I", [0]))

    @classmethod
    def of(cls, values: Iterable[str]) -> PackedStrings:
        return cls.of_encoded(list(map(str.encode, values)))

    @classmethod
    def of_encoded(cls, encoded: list[bytes]) -> PackedStrings:
        offsets = array("I", [0])
        offsets.extend(accumulate(map(len, encoded)))
        return cls(b"".join(encoded), offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, position: int) -> str:
        return self.blob[self.offsets[position] : self.offsets[position + 1]].decode()

    def equals(self, position: int, encoded: bytes) -> bool:
        """Whether the string at `position` is `encoded` (already UTF-8), without decoding it."""
        start, end = self.offsets[position], self.offsets[position + 1]
        return end - start == len(encoded) and self.blob[start:end] == encoded


@dataclass(slots=True)
class PackedMultiMap:
    """str -> a run of integers (row numbers), the keys sorted by their stable hash for a binary search."""

    hashes: array[int] = field(default_factory=lambda: array("I"))
    keys: PackedStrings = field(default_factory=PackedStrings)
    # Group g's values are values[starts[g]:starts[g + 1]].
    starts: array[int] = field(default_factory=lambda: array("I", [0]))
    values: array[int] = field(default_factory=lambda: array("I"))
    # Checks look up the same recipients' addresses and domains again and again: recent answers, by key.
    _recent: dict[str, int] = field(default_factory=dict, init=False, compare=False, repr=False)

    # Built with map/sorted/accumulate over whole columns: 330,000 keys pack in a fraction of a second.

    @classmethod
    def of(cls, groups: Mapping[str, list[int]]) -> PackedMultiMap:
        """From key -> rows; rows keep their order within a key."""
        table, order = cls._keyed(list(groups))
        by_key = list(groups.values())
        ordered = list(map(by_key.__getitem__, order))
        table.starts.extend(accumulate(map(len, ordered)))
        table.values.extend(chain.from_iterable(ordered))
        return table

    @classmethod
    def of_unique(cls, keys: list[str], rows: Sequence[int]) -> PackedMultiMap:
        """keys[i] -> rows[i], one row per key."""
        table, order = cls._keyed(keys)
        table.starts = array("I", range(len(keys) + 1))
        table.values.extend(map(rows.__getitem__, order))
        return table

    @classmethod
    def _keyed(cls, keys: list[str]) -> tuple[PackedMultiMap, list[int]]:
        encoded = list(map(str.encode, keys))
        hashes = list(map(zlib.crc32, encoded))
        order = sorted(range(len(keys)), key=hashes.__getitem__)
        sorted_keys = PackedStrings.of_encoded(list(map(encoded.__getitem__, order)))
        return cls(array("I", map(hashes.__getitem__, order)), sorted_keys), order

    def __len__(self) -> int:
        return len(self.hashes)

    def rows(self, key: str) -> Sequence[int]:
        """The rows stored under `key` (empty if none)."""
        group = self._group(key)
        if group < 0:
            return ()
        return self.values[self.starts[group] : self.starts[group + 1]]

    def first(self, key: str) -> int | None:
        group = self._group(key)
        return self.values[self.starts[group]] if group >= 0 else None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._group(key) >= 0

    def items(self) -> Iterator[tuple[str, Sequence[int]]]:
        for group in range(len(self.hashes)):
            yield self.keys[group], self.values[self.starts[group] : self.starts[group + 1]]

    def _group(self, key: str) -> int:
        recent = self._recent
        group = recent.get(key)
        if group is None:
            group = self._search(key)
            if len(recent) >= _RECENT_KEYS:
                recent.clear()
            recent[key] = group
        return group

    def _search(self, key: str) -> int:
        encoded = key.encode()
        wanted = zlib.crc32(encoded)
        group = bisect_left(self.hashes, wanted)
        # Distinct keys may share a hash: they sit next to each other, the stored key tells them apart.
        while group < len(self.hashes) and self.hashes[group] == wanted:
            if self.keys.equals(group, encoded):
                return group
            group += 1
        return -1


@dataclass(slots=True)
class PackedStrMap:
    """str -> one string or several, read-only, the strings drawn from one shared column."""

    rows: PackedMultiMap = field(default_factory=PackedMultiMap)
    column: PackedStrings = field(default_factory=PackedStrings)

    @classmethod
    def of(cls, table: Mapping[str, str | list[str]], column: PackedStrings, refs: Mapping[str, int]) -> PackedStrMap:
        """`refs` gives each value's position in `column`."""
        values = list(table.values())
        if all(isinstance(value, str) for value in values):
            return cls(PackedMultiMap.of_unique(list(table), list(map(refs.__getitem__, values))), column)  # type: ignore[arg-type]
        groups = {
            key: [refs[v] for v in value] if isinstance(value, list) else [refs[value]] for key, value in table.items()
        }
        return cls(PackedMultiMap.of(groups), column)

    def get(self, key: str, default: None = None) -> str | list[str] | None:
        rows = self.rows.rows(key)
        if not rows:
            return default
        if len(rows) == 1:
            return self.column[rows[0]]
        return [self.column[row] for row in rows]

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def __len__(self) -> int:
        return len(self.rows)


@dataclass(slots=True)
class PackedIntMap(Mapping[str, int]):
    """str -> int, read-only (organization ids and domains -> the organization's position)."""

    rows: PackedMultiMap = field(default_factory=PackedMultiMap)

    @classmethod
    def of(cls, table: Mapping[str, int]) -> PackedIntMap:
        return cls(PackedMultiMap.of_unique(list(table), list(table.values())))

    def __getitem__(self, key: str) -> int:
        found = self.rows.first(key)
        if found is None:
            raise KeyError(key)
        return found

    def get(self, key: str, default: int | None = None) -> int | None:  # type: ignore[override]
        found = self.rows.first(key)
        return default if found is None else found

    def __contains__(self, key: object) -> bool:
        return key in self.rows

    def __iter__(self) -> Iterator[str]:
        return (key for key, _rows in self.rows.items())

    def __len__(self) -> int:
        return len(self.rows)
