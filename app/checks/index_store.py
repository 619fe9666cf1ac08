"""Built directory indexes as files: one build per host, loaded by every worker without stalling checks.

A large directory's index is built in a separate process (`build_file`), which loads the tenant's rows,
builds, and writes `<index_dir>/<tenant id>-<version>.idx`; the worker that asked for it, and every other
worker of the host, loads that file instead of building. The host lock (`host_lock`) lets one build run at
a time per host, so building uses at most one core whatever the number of workers.

The file is the Aho-Corasick automaton, then each field of the index, each part read by an unpickler of its
own (`write_parts`): what a part was read from is let go before the next one is read. Each part carries its
digest: a worker replacing an index keeps the parts it already holds (an edit changes a few of them). Within a
part, bounded pickles (objects shared within a field stay shared when read back): a large dict or set is written
as chunks of `CHUNK` items. Reading one chunk holds the GIL for a few milliseconds; `read_index` pauses between
chunks, so a worker loading an index keeps answering checks. Contacts, organizations and the address, domain and
look-alike tables are packed buffers (app/analysis/packed.py), each read in one short step. The automaton is
the one step that cannot be split (~0.08 s CPU at 100,000 organizations); its pickled nodes are read first and
built last, after the caller has let go of the automaton it replaces.
"""

from __future__ import annotations

import contextlib
import fcntl
import gc
import hashlib
import io
import os
import pickle
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any, BinaryIO

import ahocorasick
from sqlmodel import Session

from app.analysis.contact_table import ContactTable
from app.analysis.domains import LookalikeIndex
from app.analysis.index import DirectoryIndex, build_index
from app.analysis.org_table import OrgTable
from app.checks.snapshot import load_snapshot
from app.memory import return_free_memory
from app.tenants.identity import TenantIdentity
from app.tenants.models import Tenant

# 2: packed maps keep their keys in the order given; 3: the automaton first, alone; 4: every field alone;
# 5: no key another key covers (half the automaton: files of 4 would answer the same, at twice the memory);
# 6: each part after a header with its digest and length (a worker reuses the parts it holds already)
FORMAT = "sendguard-index/6"
CHUNK = 10_000
SUFFIX = ".idx"
# References to an index being dismantled besides a check's: the caller's, the argument, getrefcount's.
_CALLER_REFERENCES = 3
# Only these modules may appear in an index file; anything else is refused while reading.
_ALLOWED_MODULES = ("app.analysis.", "ahocorasick", "array", "builtins", "collections", "copyreg", "_codecs")


def index_path(index_dir: Path, tenant_id: uuid.UUID, version: int) -> Path:
    return index_dir / f"{tenant_id}-{version}{SUFFIX}"


@contextlib.contextmanager
def host_lock(index_dir: Path) -> Iterator[None]:
    """One index build at a time on this host (all workers share `index_dir`); released if the holder dies."""
    index_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(index_dir / ".build.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def build_file(database_url: str, tenant_id: uuid.UUID, index_dir: str) -> tuple[str, int]:
    """In the builder process: the tenant's index as it is now, written to its file; (path, version)."""
    # Imported here: the builder is a fresh interpreter, and the service's engine settings are not needed.
    from app.db import create_db_engine

    engine = create_db_engine(database_url)
    try:
        with Session(engine) as session:
            row = session.get(Tenant, tenant_id)
            if row is None:
                raise LookupError(f"tenant {tenant_id} is gone")
            snapshot = load_snapshot(session, TenantIdentity.of(row))
    finally:
        engine.dispose()
    index = build_index(snapshot)
    del snapshot  # the index holds the organizations it needs; the rest is garbage before writing
    path = index_path(Path(index_dir), tenant_id, index.version)
    write_index(path, index)
    return str(path), index.version


def write_index(path: Path, index: DirectoryIndex) -> None:
    """Write atomically: a reader sees the whole file or none."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    with open(temporary, "wb", buffering=1 << 20) as handle:
        write_parts(handle, index)
        _write(handle, FORMAT)  # end marker: a truncated file fails to read rather than loading half an index
    os.replace(temporary, path)


def write_parts(handle: BinaryIO, index: DirectoryIndex) -> None:
    """The format mark, the index's field names (the automaton first), then each field as a part of its own: a
    header (name, digest, length), then the part's pickles from a pickler of its own. `read_index` reads each part
    with a fresh unpickler, or skips it when the index it replaces was read from a part of the same digest."""
    _write(handle, FORMAT)
    names = ["automaton", *(f.name for f in fields(index) if f.init and f.name != "automaton")]
    _write(handle, names)
    for name in names:
        part = io.BytesIO()
        _dump(pickle.Pickler(part, protocol=pickle.HIGHEST_PROTOCOL), getattr(index, name))
        data = part.getbuffer()
        _write(handle, (name, _digest(name, index, data), len(data)))
        handle.write(data)
        del data


def _digest(name: str, index: DirectoryIndex, data: memoryview) -> bytes:
    # An automaton's pickle is not the same twice for the same keys (it varies with where its nodes were
    # allocated); what it answers is its keys and their values, so those are its digest.
    content = pickle.dumps(list(index.automaton.items()), pickle.HIGHEST_PROTOCOL) if name == "automaton" else data
    return hashlib.blake2b(content, digest_size=16).digest()


def _write(handle: BinaryIO, value: object) -> None:
    pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL).dump(value)


def _pause() -> None:
    time.sleep(0.001)  # lets the threads answering checks take the GIL


def read_index(
    path: Path,
    pause: Callable[[], None] = _pause,
    previous: DirectoryIndex | None = None,
    before_automaton: Callable[[], None] | None = None,
) -> DirectoryIndex:
    """Read an index file; a part whose digest the `previous` index (of the same tenant) was read from is that
    index's own object again, not a copy: an edit to one organization leaves the contacts and most tables as they
    were, and a worker swapping indexes then holds those once (they are never changed after reading).

    The automaton's pickled nodes are read in file order, but the automaton is built from them last, after
    `before_automaton` (when given) has run: building one peaks at twice its size (the pickled nodes and the
    nodes), so the caller lets go of the automaton it replaces there rather than hold two (`IndexCache`), and
    what it waits for is the build alone, not the reading of the file."""
    # Reading creates millions of acyclic objects: cyclic GC passes over them would only stall the reader.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb", buffering=1 << 20) as handle:
            if _Unpickler(handle).load() != FORMAT:
                raise ValueError(f"{path} is not an index file")
            names = _Unpickler(handle).load()
            if not isinstance(names, list) or names[:1] != ["automaton"]:
                raise ValueError(f"{path} is not an index file")
            values: dict[str, Any] = {}
            digests: dict[str, bytes] = {}
            for name in names:
                values[name], digests[name] = _read_part(handle, name, previous, pause)
            if isinstance(values["automaton"], _AutomatonState):
                if before_automaton is not None:
                    before_automaton()
                values["automaton"] = values["automaton"].build()
                return_free_memory()  # the pickled nodes
            if not isinstance(values["automaton"], ahocorasick.Automaton):
                raise ValueError(f"{path} is not an index file")
            index = DirectoryIndex(**values)
            index.part_digests = digests
            if _Unpickler(handle).load() != FORMAT:
                raise ValueError(f"{path} is incomplete")
        return index
    finally:
        # Everything read so far sits in the youngest generation; the first collection after re-enabling
        # would walk millions of objects holding the GIL (seconds at 100k). The index lives until replaced:
        # move it out of the collector's sight first.
        gc.freeze()
        if gc_was_enabled:
            gc.enable()


def _read_part(
    handle: BinaryIO, name: str, previous: DirectoryIndex | None, pause: Callable[[], None]
) -> tuple[Any, bytes]:
    header = _Unpickler(handle).load()
    if not (isinstance(header, tuple) and len(header) == 3 and header[0] == name):
        raise ValueError(f"index file part {name} is missing")
    _name, digest, length = header
    if not (isinstance(digest, bytes) and isinstance(length, int) and length >= 0):
        raise ValueError(f"index file part {name} is damaged")
    if previous is not None and previous.part_digests.get(name) == digest:
        handle.seek(length, os.SEEK_CUR)
        return getattr(previous, name), digest
    start = handle.tell()
    # An unpickler keeps everything it read (its memo) until it is gone: the automaton is built from ~40 MB of
    # pickled chunks at 100,000 organizations, each table from chunk lists. Read by an unpickler of its own, what a
    # part was read from goes before the next part is read (a worker swapping indexes holds the old one as well).
    value = _load((_AutomatonUnpickler if name == "automaton" else _Unpickler)(handle), pause)
    if handle.tell() != start + length:
        raise ValueError(f"index file part {name} is damaged")
    return value, digest


def dismantle(
    index: DirectoryIndex,
    pause: Callable[[], None] = _pause,
    wait_seconds: float = 2.0,
    keep: DirectoryIndex | None = None,
) -> bool:
    """Empty a replaced index's maps piece by piece once no check uses it; False if one still did. What it shares
    with `keep` (the index replacing it, read from the same parts) is left as it is.

    Freeing a 100,000-organization index in one go holds the GIL for ~0.3 s. The caller holds one
    reference (so do this call's argument and `getrefcount`'s); any more is a check still reading it.
    """
    deadline = time.monotonic() + wait_seconds
    while sys.getrefcount(index) > _CALLER_REFERENCES:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    _empty(index, pause, keep)
    return True


def _empty(value: object, pause: Callable[[], None], keep: DirectoryIndex | None = None) -> None:
    if isinstance(value, DirectoryIndex):
        # Flat buffers (and the organization ids): let go of, freed in milliseconds (unless `keep` holds them).
        value.contacts = ContactTable()
        value.lookalikes = LookalikeIndex()
        value.orgs = OrgTable()
        value.org_index_by_id = value.org_by_domain = {}
        for f in fields(value):
            part = getattr(value, f.name)
            if keep is None or getattr(keep, f.name) is not part:
                _empty(part, pause)
    elif isinstance(value, dict | set):
        while value:
            for _ in range(min(CHUNK, len(value))):
                value.popitem() if isinstance(value, dict) else value.pop()
            pause()


def prune(index_dir: Path, tenant_id: uuid.UUID, keep_version: int) -> None:
    """Remove the tenant's older files (a worker still reading one keeps its open handle)."""
    for old in index_dir.glob(f"{tenant_id}-*{SUFFIX}"):
        version = old.name.removeprefix(f"{tenant_id}-").removesuffix(SUFFIX)
        if version.isdigit() and int(version) < keep_version:
            old.unlink(missing_ok=True)


def _dump(pickler: pickle.Pickler, value: object) -> None:
    if is_dataclass(value) and not isinstance(value, type) and type(value).__module__.startswith("app.analysis."):
        names = [f.name for f in fields(value) if f.init]
        pickler.dump(("object", type(value), names))
        for name in names:
            _dump(pickler, getattr(value, name))
    elif isinstance(value, dict) and _weight(value) > CHUNK:
        _dump_chunks(pickler, "dict", list(value.items()))
    elif isinstance(value, set | frozenset):
        # In order: the same set writes the same bytes in every process (set order follows the hash seed).
        items = sorted(value)  # index sets hold strings
        if len(items) > CHUNK:
            _dump_chunks(pickler, type(value).__name__, items)
        else:
            pickler.dump(("items", type(value).__name__, items))
    elif isinstance(value, tuple) and len(value) > CHUNK:
        _dump_chunks(pickler, "tuple", list(value))
    else:
        pickler.dump(("value", value))


def _weight(value: object) -> int:
    """Objects to rebuild when reading: a dict of lists (contacts by name) weighs its lists' items."""
    if isinstance(value, dict):
        return sum(_weight(v) for v in value.values()) + len(value)
    if isinstance(value, list):
        return len(value)
    return 1


def _dump_chunks(pickler: pickle.Pickler, kind: str, items: list[Any]) -> None:
    chunks: list[list[Any]] = [[]]
    weight = 0
    for item in items:
        if weight >= CHUNK:
            chunks.append([])
            weight = 0
        chunks[-1].append(item)
        weight += _weight(item[1]) + 1 if kind == "dict" else 1
    pickler.dump((kind, len(chunks)))
    for chunk in chunks:
        if kind == "dict":
            # Keys, then values: no (key, value) tuple per item to build, and to keep in the memo.
            pickler.dump([key for key, _value in chunk])
            pickler.dump([value for _key, value in chunk])
        else:
            pickler.dump(chunk)


def _load(unpickler: pickle.Unpickler, pause: Callable[[], None]) -> Any:
    kind, *rest = unpickler.load()
    if kind == "value":
        return rest[0]
    if kind == "items":
        return frozenset(rest[1]) if rest[0] == "frozenset" else set(rest[1])
    if kind == "object":
        cls, names = rest
        return cls(**{name: _load(unpickler, pause) for name in names})
    if kind == "dict":
        result: dict[Any, Any] = {}
        for _ in range(rest[0]):
            keys = unpickler.load()
            result.update(zip(keys, unpickler.load(), strict=True))
            pause()
        return result
    flat: list[Any] = []
    for _ in range(rest[0]):
        flat.extend(unpickler.load())
        pause()
    if kind == "tuple":
        return tuple(flat)
    return frozenset(flat) if kind == "frozenset" else set(flat)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if not module.startswith(_ALLOWED_MODULES):
            raise pickle.UnpicklingError(f"{module}.{name} is not part of an index")
        return super().find_class(module, name)


class _AutomatonState:
    """An automaton's pickled nodes as read from a file; `build` makes the automaton (see `read_index`)."""

    __slots__ = ("_args",)

    def __init__(self, *args: Any) -> None:
        self._args = args

    def build(self) -> ahocorasick.Automaton:
        args, self._args = self._args, ()
        return ahocorasick.Automaton(*args)


class _AutomatonUnpickler(_Unpickler):
    """Reads an automaton part without building the automaton."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("ahocorasick", "Automaton"):
            return _AutomatonState
        return super().find_class(module, name)
