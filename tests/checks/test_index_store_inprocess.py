"""The index file's parts in this process: the builder's job, chunking, reading back, taking a replaced index apart."""

from __future__ import annotations

import gc
import hashlib
import io
import pickle
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlmodel import Session

from app.analysis.index import DirectoryIndex, build_index
from app.checks import index_store
from app.directory.models import Contact, Organization, OrganizationDomain
from app.tenants.models import Tenant
from bench.directory_gen import make_directory

CHUNK = 10


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_store, "CHUNK", CHUNK)


def _round_trip(value: object) -> tuple[Any, int]:
    """The value written and read back as one part of an index file, and the pauses the reader took."""
    buffer = io.BytesIO()
    index_store._dump(pickle.Pickler(buffer), value)
    buffer.seek(0)
    pauses: list[int] = []
    loaded = index_store._load(pickle.Unpickler(buffer), lambda: pauses.append(1))
    return loaded, len(pauses)


def _tenant_with_orgs(db: Session) -> Tenant:
    tenant = Tenant(key="t:builder", name="Builder", internal_domains=["acme-trade.example"])
    db.add(tenant)
    db.flush()
    for i in range(3):
        org = Organization(tenant_id=tenant.id, name=f"Helio Nord {i} AG", name_key=f"helio nord {i} ag")
        org.kind = "customer"
        org.domain_rows = [OrganizationDomain(tenant_id=tenant.id, organization_id=org.id, domain=f"hn{i}.example")]
        org.contacts = [Contact(tenant_id=tenant.id, organization_id=org.id, email=f"b@hn{i}.example", name="Bo")]
        db.add(org)
    db.commit()
    return tenant


# --- the builder process's job ---------------------------------------------------------------------------


def test_the_builder_writes_the_tenants_current_index_where_workers_look_for_it(
    db: Session, database_url: str, tmp_path: Path
) -> None:
    tenant = _tenant_with_orgs(db)
    built, version = index_store.build_file(database_url, tenant.id, str(tmp_path))
    assert version == tenant.version
    assert Path(built) == index_store.index_path(tmp_path, tenant.id, tenant.version)
    index = index_store.read_index(Path(built), lambda: None)
    assert index.version == tenant.version
    found = index.org_index_for_address("b@hn2.example")
    assert found is not None and index.org(found).name == "Helio Nord 2 AG"
    assert index.is_internal_domain("mail.acme-trade.example")


def test_the_builder_refuses_a_tenant_that_is_gone(db: Session, database_url: str, tmp_path: Path) -> None:
    gone = uuid.uuid4()
    with pytest.raises(LookupError, match=str(gone)):
        index_store.build_file(database_url, gone, str(tmp_path))
    assert not list(tmp_path.glob("*.idx"))


# --- chunks: bounded pieces, each read in one short step -------------------------------------------------


@pytest.mark.usefixtures("small_chunks")
def test_a_map_no_heavier_than_a_chunk_is_read_in_one_step() -> None:
    # Five plain values weigh ten (five keys, five values): exactly one chunk.
    for value in ({i: str(i) for i in range(5)}, set(range(CHUNK)), tuple(range(CHUNK)), {1: list(range(8))}):
        assert _round_trip(value) == (value, 0)


@pytest.mark.usefixtures("small_chunks")
def test_a_map_heavier_than_a_chunk_is_read_in_pieces() -> None:
    assert _round_trip({i: str(i) for i in range(6)}) == ({i: str(i) for i in range(6)}, 2)  # weighs 12
    # Lists count by their items: 12, written as a chunked dict (one chunk: it closes only once it is full).
    assert _round_trip({1: list(range(5)), 2: list(range(5))})[1] == 1


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize(("items", "chunks"), [(20, 2), (21, 3), (22, 3), (9, 0), (11, 2)])
def test_a_large_set_or_tuple_comes_back_whole_in_chunks_of_chunk_items(items: int, chunks: int) -> None:
    assert _round_trip(set(range(items))) == (set(range(items)), chunks)
    assert _round_trip(tuple(range(items))) == (tuple(range(items)), chunks)
    assert _round_trip(set(map(str, range(items)))) == (set(map(str, range(items))), chunks)


@pytest.mark.usefixtures("small_chunks")
def test_a_dict_of_lists_is_cut_by_the_items_of_its_lists() -> None:
    # Each entry weighs four (three list items and itself): a chunk closes after three entries.
    value = {f"k{i}": [i, i + 1, i + 2] for i in range(7)}
    assert _round_trip(value) == (value, 3)
    assert list(_round_trip(value)[0]) == list(value)  # keys keep their order


# --- reading back ------------------------------------------------------------------------------------------


def _index() -> DirectoryIndex:
    return build_index(make_directory(120, seed=4).snapshot)


def test_reading_an_index_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    path = tmp_path / "t-1.idx"
    index_store.write_index(path, _index())
    assert gc.isenabled()
    index_store.read_index(path, lambda: None)
    assert gc.isenabled()
    gc.disable()
    try:
        index_store.read_index(path, lambda: None)
        assert not gc.isenabled()
    finally:
        gc.enable()


def _write_raw(path: Path, *parts: object) -> None:
    with open(path, "wb") as handle:
        pickler = pickle.Pickler(handle)
        for part in parts:
            pickler.dump(part)


def test_a_file_without_its_end_marker_or_holding_no_index_is_refused_by_name(tmp_path: Path) -> None:
    index = _index()
    buffer = io.BytesIO()
    index_store.write_parts(buffer, index)
    cut = tmp_path / "t-1.idx"
    cut.write_bytes(buffer.getvalue())  # the whole index, but no end marker
    with pytest.raises((ValueError, EOFError)):
        index_store.read_index(cut, lambda: None)
    foreign = tmp_path / "t-2.idx"
    _write_raw(foreign, index_store.FORMAT, ("value", 42), index_store.FORMAT)
    with pytest.raises(ValueError, match=r"t-2\.idx"):
        index_store.read_index(foreign, lambda: None)
    other = tmp_path / "t-3.idx"
    _write_raw(other, "something else", ("value", 42), "something else")
    with pytest.raises(ValueError, match=r"t-3\.idx"):
        index_store.read_index(other, lambda: None)


def test_a_class_from_outside_the_index_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "t-1.idx"
    _write_raw(path, index_store.FORMAT, ("value", uuid.UUID(int=1)), index_store.FORMAT)
    with pytest.raises(pickle.UnpicklingError, match=r"uuid\.UUID"):
        index_store.read_index(path, lambda: None)


# --- old files --------------------------------------------------------------------------------------------


def test_pruning_removes_only_the_tenants_older_files(tmp_path: Path) -> None:
    tenant, other = uuid.uuid4(), uuid.uuid4()
    names = [f"{tenant}-3.idx", f"{tenant}-9.idx", f"{tenant}-10.idx", f"{tenant}-11.idx", f"{other}-2.idx"]
    names += [f"{tenant}-x.idx", f"{tenant}-4.1234.tmp"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    index_store.prune(tmp_path, tenant, 10)
    remaining = sorted(p.name for p in tmp_path.iterdir())
    kept = [f"{tenant}-10.idx", f"{tenant}-11.idx", f"{other}-2.idx", f"{tenant}-x.idx", *names[6:]]
    assert remaining == sorted(kept)


# --- taking a replaced index apart ---------------------------------------------------------------------


def _assert_empty(index: DirectoryIndex) -> None:
    assert index.org_index_for_address("p@anything.example") is None
    assert not index.contact_by_email and not index.contacts_by_org and len(index.orgs) == 0
    assert not index.short_names and not index.confusions and not index.key_payloads
    assert not index.lookalikes.known and index.lookalikes.find("anything.example") is None


@pytest.mark.usefixtures("small_chunks")
def test_an_emptied_index_finds_nothing_and_paused_between_pieces() -> None:
    index = _index()
    assert index.short_names and index.confusions and index.key_payloads  # there is something to take apart
    pieces = len(index.key_payloads) + len(index.confusions) + len(index.short_names)
    pauses: list[int] = []
    index_store._empty(index, lambda: pauses.append(1))
    _assert_empty(index)
    assert len(pauses) >= pieces // CHUNK


class _Checks:
    """Stands in for the reference count: the index counts as read by a check until `release_after` polls."""

    def __init__(self, index: DirectoryIndex, release_after: int) -> None:
        self.index, self.polls, self.release_after = index, 0, release_after

    def getrefcount(self, value: object) -> int:
        assert value is self.index
        self.polls += 1
        held = self.polls <= self.release_after
        return index_store._CALLER_REFERENCES + (1 if held else 0)


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    def install(index: DirectoryIndex, release_after: int) -> _Checks:
        counter = _Checks(index, release_after)
        monkeypatch.setattr(index_store, "sys", SimpleNamespace(getrefcount=counter.getrefcount))
        return counter

    yield install


def test_an_index_no_check_holds_is_taken_apart_at_once(checks: Any) -> None:
    index = _index()
    counter = checks(index, 0)
    assert index_store.dismantle(index, lambda: None, wait_seconds=0.0)
    assert counter.polls == 1
    _assert_empty(index)


def test_an_index_is_taken_apart_once_the_check_reading_it_lets_go(checks: Any) -> None:
    index = _index()
    counter = checks(index, 3)
    started = time.monotonic()
    assert index_store.dismantle(index, lambda: None, wait_seconds=5.0)
    assert time.monotonic() - started < 1.0  # polled often, not once a second
    assert counter.polls == 4
    _assert_empty(index)


def test_an_index_a_check_keeps_reading_is_left_intact(checks: Any) -> None:
    index = _index()
    checks(index, 10**6)
    assert not index_store.dismantle(index, lambda: None, wait_seconds=0.12)
    assert index.contact_by_email and index.short_names


def test_every_part_of_the_file_is_a_pickle_of_its_own_so_what_it_was_read_from_goes_before_the_next(
    tmp_path: Path,
) -> None:
    # An unpickler keeps everything it read (its memo) until it is gone: the automaton's pickled chunks (~40 MB at
    # 100,000 organizations) and each table's chunk lists must not be needed by what follows, so each part's reader
    # can be let go first. Each part follows a header with its digest and length, so a reader may skip it.
    index = _index()
    path = tmp_path / "t-1.idx"
    index_store.write_index(path, index)
    parts: dict[str, Any] = {}
    with open(path, "rb") as handle:
        assert pickle.Unpickler(handle).load() == index_store.FORMAT
        names = pickle.Unpickler(handle).load()
        for name in names:
            header, digest, length = pickle.Unpickler(handle).load()
            start = handle.tell()
            data = handle.read(length)
            # The automaton's digest is of its keys and values (its pickle varies with where its nodes were put).
            content = pickle.dumps(list(index.automaton.items()), 5) if name == "automaton" else data
            assert header == name and hashlib.blake2b(content, digest_size=16).digest() == digest
            handle.seek(start)
            parts[name] = index_store._load(pickle.Unpickler(handle), lambda: None)
            assert handle.tell() == start + length
        assert pickle.Unpickler(handle).load() == index_store.FORMAT
    assert names[0] == "automaton" and sorted(parts["automaton"].keys()) == sorted(index.automaton.keys())
    assert parts["org_by_domain"] == index.org_by_domain and parts["key_lengths"] == index.key_lengths
    read = index_store.read_index(path, lambda: None)
    assert read.org_by_domain == index.org_by_domain and len(read.automaton) == len(index.automaton)
    assert dict(read.contact_by_email) == dict(index.contact_by_email)
