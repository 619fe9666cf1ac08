"""Packed index tables answer exactly like the dicts they replace, hash collisions included."""

from __future__ import annotations

import zlib

import pytest

from app.analysis.packed import PackedIntMap, PackedMultiMap, PackedStrings, PackedStrMap

# Two different keys with the same CRC-32: the stored key must tell them apart.
COLLIDING = ("plumless", "buckeroo")


def test_the_colliding_pair_really_collides() -> None:
    assert zlib.crc32(COLLIDING[0].encode()) == zlib.crc32(COLLIDING[1].encode())


def test_strings_read_back_as_written_whatever_their_script() -> None:
    values = ["solartech.de", "", "王伟", "Müller & Söhne", "😀 x", "a"]
    packed = PackedStrings.of(values)
    assert [packed[i] for i in range(len(packed))] == values
    assert packed.equals(2, "王伟".encode()) and not packed.equals(2, "王".encode())


def test_keys_sharing_a_hash_keep_their_own_rows() -> None:
    table = PackedMultiMap.of({COLLIDING[0]: [4, 1], "solar": [7], COLLIDING[1]: [2]})
    assert list(table.rows(COLLIDING[0])) == [4, 1]  # in the order given
    assert list(table.rows(COLLIDING[1])) == [2]
    assert table.first("solar") == 7
    assert list(table.rows("Solar")) == [] and table.first("sol") is None
    assert COLLIDING[1] in table and "buckeroos" not in table and 3 not in table
    assert sorted(key for key, _rows in table.items()) == sorted([*COLLIDING, "solar"])


def test_a_miss_whose_hash_matches_a_stored_key_is_still_a_miss() -> None:
    table = PackedMultiMap.of_unique([COLLIDING[1], "x", COLLIDING[0]], [5, 6, 1])
    assert table.first(COLLIDING[0]) == 1 and table.first(COLLIDING[1]) == 5
    table = PackedMultiMap.of({COLLIDING[0]: [1]})
    assert table.first(COLLIDING[1]) is None and COLLIDING[1] not in table


@pytest.mark.parametrize("size", [0, 1, 2, 1000])
def test_every_key_of_a_larger_table_is_found(size: int) -> None:
    groups = {f"k{i}@example.com": list(range(i % 3 + 1)) for i in range(size)}
    table = PackedMultiMap.of(groups)
    assert len(table) == size
    assert all(list(table.rows(key)) == rows for key, rows in groups.items())
    assert table.first("nobody@example.com") is None


def test_a_string_map_returns_one_value_bare_and_several_as_a_list() -> None:
    column = PackedStrings.of(["solartech.de", "solartech.es", "acme.io"])
    refs = {"solartech.de": 0, "solartech.es": 1, "acme.io": 2}
    table = PackedStrMap.of({"solartech": ["solartech.de", "solartech.es"], "acme": "acme.io"}, column, refs)
    assert table.get("solartech") == ["solartech.de", "solartech.es"]
    assert table.get("acme") == "acme.io"
    assert table.get("acne") is None and "acme" in table and len(table) == 2


def test_an_int_map_reads_like_a_dict() -> None:
    plain = {"o1": 0, "o2": 1, COLLIDING[0]: 300_000, COLLIDING[1]: 2}
    packed = PackedIntMap.of(plain)
    assert dict(packed) == plain
    assert packed.get("o3") is None and packed.get("o3", 5) == 5 and packed["o2"] == 1
    with pytest.raises(KeyError):
        packed["o3"]


def test_rows_numbered_by_key_are_grouped_in_row_order() -> None:
    table = PackedMultiMap.of_refs(["b", "a", COLLIDING[0]], [1, 0, 1, 2, 0, 1])
    assert list(table.rows("a")) == [0, 2, 5] and list(table.rows("b")) == [1, 4]
    assert list(table.rows(COLLIDING[0])) == [3] and table.first(COLLIDING[1]) is None
