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
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, chain

# Answers a table remembers (about 1 MB at most per table).
_RECENT_KEYS = 8192
_KEY_NUMBER = 0xFFFFFFFF


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
    """str -> a run of integers (row numbers); keys found by a binary search over their stable hashes.

    Key number k is the k-th key given; `slots` holds `hash << 32 | k` for every key, sorted. Packing sorts
    one list of integers and joins the keys in the order given: no strings are moved around, which is what
    made packing 330,000 keys cost a second.
    """

    slots: array[int] = field(default_factory=lambda: array("Q"))
    keys: PackedStrings = field(default_factory=PackedStrings)
    # Key k's values are values[starts[k]:starts[k + 1]].
    starts: array[int] = field(default_factory=lambda: array("I", [0]))
    values: array[int] = field(default_factory=lambda: array("I"))
    # Checks look up the same recipients' addresses and domains again and again: recent answers, by key.
    _recent: dict[str, int] = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def of(cls, groups: Mapping[str, list[int]]) -> PackedMultiMap:
        """From key -> rows; rows keep their order within a key."""
        table = cls.keyed(list(groups))
        table.starts.extend(accumulate(map(len, groups.values())))
        table.values.extend(chain.from_iterable(groups.values()))
        return table

    @classmethod
    def of_unique(cls, keys: list[str], rows: Iterable[int]) -> PackedMultiMap:
        """keys[i] -> rows[i], one row per key."""
        table = cls.keyed(keys)
        table.starts = array("I", range(len(keys) + 1))
        table.values.extend(rows)
        return table

    @classmethod
    def of_refs(cls, keys: list[str], refs: list[int]) -> PackedMultiMap:
        """keys[refs[row]] -> row, for every row (each key has one row at least); rows ascending within a key.

        One stable sort of the row numbers groups them: linear when the rows come grouped already."""
        counts = Counter(refs)
        table = cls.keyed(keys)
        table.starts.extend(accumulate(map(counts.__getitem__, range(len(keys)))))
        table.values.extend(sorted(range(len(refs)), key=refs.__getitem__))
        return table

    @classmethod
    def of_column(cls, column: PackedStrings, encoded: list[bytes]) -> PackedMultiMap:
        """Each string of `column` (distinct; `encoded`: the same strings in UTF-8) -> its own row.

        The column itself holds the keys: nothing is copied."""
        rows = array("I", range(len(encoded) + 1))
        return cls(cls.slots_of(encoded), column, rows, rows[:-1])

    @classmethod
    def keyed(cls, keys: list[str], encoded: list[bytes] | None = None) -> PackedMultiMap:
        """The keys alone (`encoded`: the same keys already UTF-8, if at hand); the caller adds the values."""
        encoded = list(map(str.encode, keys)) if encoded is None else encoded
        return cls(cls.slots_of(encoded), PackedStrings.of_encoded(encoded))

    @staticmethod
    def slots_of(encoded: list[bytes]) -> array[int]:
        """The sorted `hash << 32 | key number` of these keys (UTF-8)."""
        return array("Q", sorted([crc << 32 | number for number, crc in enumerate(map(zlib.crc32, encoded))]))

    def __len__(self) -> int:
        return len(self.slots)

    def rows(self, key: str) -> Sequence[int]:
        """The rows stored under `key` (empty if none)."""
        number = self._number(key)
        if number < 0:
            return ()
        return self.values[self.starts[number] : self.starts[number + 1]]

    def first(self, key: str) -> int | None:
        number = self._number(key)
        return self.values[self.starts[number]] if number >= 0 else None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._number(key) >= 0

    def items(self) -> Iterator[tuple[str, Sequence[int]]]:
        for number in range(len(self.slots)):
            yield self.keys[number], self.values[self.starts[number] : self.starts[number + 1]]

    def _number(self, key: str) -> int:
        recent = self._recent
        number = recent.get(key)
        if number is None:
            number = self._search(key)
            if len(recent) >= _RECENT_KEYS:
                recent.clear()
            recent[key] = number
        return number

    def _search(self, key: str) -> int:
        encoded = key.encode()
        wanted = zlib.crc32(encoded)
        slots = self.slots
        position = bisect_left(slots, wanted << 32)
        # Distinct keys may share a hash: they sit next to each other, the stored key tells them apart.
        while position < len(slots) and slots[position] >> 32 == wanted:
            number = slots[position] & _KEY_NUMBER
            if self.keys.equals(number, encoded):
                return number
            position += 1
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
        if list not in set(map(type, values)):
            return cls(PackedMultiMap.of_unique(list(table), map(refs.__getitem__, values)), column)  # type: ignore[arg-type]
        rows = PackedMultiMap.keyed(list(table))
        rows.starts.extend(accumulate([len(value) if isinstance(value, list) else 1 for value in values]))
        flat = [item for value in values for item in (value if isinstance(value, list) else (value,))]
        rows.values.extend(map(refs.__getitem__, flat))
        return cls(rows, column)

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
