"""Built directory indexes as files: one build per host, loaded by every worker without stalling checks.

A large directory's index is built in a separate process (`build_file`), which loads the tenant's rows,
builds, and writes `<index_dir>/<tenant id>-<version>.idx`; the worker that asked for it, and every other
worker of the host, loads that file instead of building. The host lock (`host_lock`) lets one build run at
a time per host, so building uses at most one core whatever the number of workers.

The file is the Aho-Corasick automaton, then each field of the index, each part read by an unpickler of its
own (`write_parts`): what a part was read from is let go before the next one is read. Within a part, bounded
pickles (objects shared within a field stay shared when read back): a large dict or set is written as chunks
of `CHUNK` items. Reading one chunk holds the GIL for a few milliseconds; `read_index` pauses between chunks,
so a worker loading an index keeps answering checks. Contacts, organizations and the address, domain and
look-alike tables are packed buffers (app/analysis/packed.py), each read in one short step. The automaton
is the one step that cannot be split (~0.15 s CPU at 100,000 organizations).
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import gc
import os
import pickle
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

import ahocorasick
from sqlmodel import Session

from app.analysis.contact_table import ContactTable
from app.analysis.domains import LookalikeIndex
from app.analysis.index import DirectoryIndex, build_index
from app.analysis.org_table import OrgTable
from app.checks.snapshot import load_snapshot
from app.tenants.identity import TenantIdentity
from app.tenants.models import Tenant

# 2: packed maps keep their keys in the order given; 3: the automaton first, alone; 4: every field alone;
# 5: no key another key covers (half the automaton: files of 4 would answer the same, at twice the memory)
FORMAT = "sendguard-index/5"
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
        pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
        write_parts(pickler, index)
        pickler.clear_memo()
        pickler.dump(FORMAT)  # end marker: a truncated file fails to read rather than loading half an index
    os.replace(temporary, path)


def write_parts(pickler: pickle.Pickler, index: DirectoryIndex) -> None:
    """The format mark and the automaton, the index's field names, then each field: every part after the first
    starts with the writer's memo cleared, so `read_index` reads it with an unpickler of its own."""
    pickler.dump(FORMAT)
    pickler.dump(index.automaton)
    names = [f.name for f in fields(index) if f.init]
    pickler.clear_memo()
    pickler.dump(names)
    for name in names:
        pickler.clear_memo()
        _dump(pickler, None if name == "automaton" else getattr(index, name))


def _pause() -> None:
    time.sleep(0.001)  # lets the threads answering checks take the GIL


def read_index(path: Path, pause: Callable[[], None] = _pause) -> DirectoryIndex:
    # Reading creates millions of acyclic objects: cyclic GC passes over them would only stall the reader.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb", buffering=1 << 20) as handle:
            first = _Unpickler(handle)
            if first.load() != FORMAT:
                raise ValueError(f"{path} is not an index file")
            # An unpickler keeps everything it read (its memo) until it is gone: the automaton is built from ~85 MB
            # of pickled chunks at 100,000 organizations, and each table from chunk lists. Read part by part, each
            # by an unpickler of its own, what a part was read from goes before the next part is read. A worker
            # swapping indexes holds the old one as well: at 100k, measured in one process, 679 -> 572 MB at the peak.
            automaton = first.load()
            if not isinstance(automaton, ahocorasick.Automaton):
                raise ValueError(f"{path} is not an index file")
            del first
            return_free_memory()
            names = _Unpickler(handle).load()
            if not isinstance(names, list) or "automaton" not in names:
                raise ValueError(f"{path} is not an index file")
            values = {name: _load(_Unpickler(handle), pause) for name in names}
            index = DirectoryIndex(**{**values, "automaton": automaton})
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


def dismantle(index: DirectoryIndex, pause: Callable[[], None] = _pause, wait_seconds: float = 2.0) -> bool:
    """Empty a replaced index's maps piece by piece once no check uses it; False if one still did.

    Freeing a 100,000-organization index in one go holds the GIL for ~0.3 s. The caller holds one
    reference (so do this call's argument and `getrefcount`'s); any more is a check still reading it.
    """
    deadline = time.monotonic() + wait_seconds
    while sys.getrefcount(index) > _CALLER_REFERENCES:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    _empty(index, pause)
    return True


def _empty(value: object, pause: Callable[[], None]) -> None:
    if isinstance(value, DirectoryIndex):
        # Flat buffers (and the organization ids): freed in milliseconds.
        value.contacts = ContactTable()
        value.lookalikes = LookalikeIndex()
        value.orgs = OrgTable()
        value.org_index_by_id = value.org_by_domain = {}
        for f in fields(value):
            _empty(getattr(value, f.name), pause)
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


def return_free_memory() -> None:
    """Give freed buffers back to the system (glibc keeps them otherwise): worker RSS."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the process reuses the memory instead
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _dump(pickler: pickle.Pickler, value: object) -> None:
    if is_dataclass(value) and not isinstance(value, type) and type(value).__module__.startswith("app.analysis."):
        names = [f.name for f in fields(value) if f.init]
        pickler.dump(("object", type(value), names))
        for name in names:
            _dump(pickler, getattr(value, name))
    elif isinstance(value, dict) and _weight(value) > CHUNK:
        _dump_chunks(pickler, "dict", list(value.items()))
    elif isinstance(value, tuple | set) and len(value) > CHUNK:
        _dump_chunks(pickler, type(value).__name__, list(value))
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
    return tuple(flat) if kind == "tuple" else set(flat)


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if not module.startswith(_ALLOWED_MODULES):
            raise pickle.UnpicklingError(f"{module}.{name} is not part of an index")
        return super().find_class(module, name)
