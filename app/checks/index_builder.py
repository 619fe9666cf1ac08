"""Getting a large directory's index without building it in a serving worker.

`HostBuilder.obtain` returns the tenant's index at its current version: from the file another worker of this
host already wrote, or else by having one builder process build and write it (under the host lock, so one
build runs per host at a time, on one core). The worker only reads the result: the directory rows are
loaded and held by the builder process, never twice in the worker.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from app.analysis.index import DirectoryIndex
from app.checks.index_store import build_file, host_lock, index_path, prune, read_index
from app.memory import return_free_memory
from app.tenants.repository import current_version

log = logging.getLogger(__name__)

# The builder process yields the cores to the serving workers: checks keep answering from the previous
# index while it builds, so a build that takes longer costs nothing, but one that takes a core from busy
# workers made every check queue behind it (a 10,000-organization rebuild: checks of 250 ms under load).
BUILDER_NICENESS = 10


class HostBuilder:
    def __init__(self, engine: Engine, index_dir: Path) -> None:
        self._url = engine.url.render_as_string(hide_password=False)
        self._engine = engine
        self.index_dir = index_dir
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self.built = 0  # builds this worker had the builder process run
        self.loaded = 0  # indexes read from a file another worker's build wrote

    def obtain(
        self,
        tenant_id: uuid.UUID,
        previous: DirectoryIndex | None = None,
        before_automaton: Callable[[], None] | None = None,
    ) -> DirectoryIndex:
        """The tenant's current index from its file (built first if there is none); parts of the file that
        `previous`, the tenant's index in use, was read from are taken from it rather than read again, and
        `before_automaton` runs before a new automaton is read (see `read_index`)."""
        version = self._version(tenant_id)
        index = self._read(index_path(self.index_dir, tenant_id, version), previous, before_automaton)
        if index is not None:
            self.loaded += 1
            return index
        with host_lock(self.index_dir):
            # Another worker may have built it while this one waited for the lock.
            version = max(version, self._version(tenant_id))
            path = index_path(self.index_dir, tenant_id, version)
            if not path.exists():
                built, version = self._executor().submit(build_file, self._url, tenant_id, str(self.index_dir)).result()
                path = Path(built)
                self.built += 1
                prune(self.index_dir, tenant_id, version)
            else:
                self.loaded += 1
        index = self._read(path, previous, before_automaton)
        if index is None:
            raise FileNotFoundError(path)
        return index

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None

    def _version(self, tenant_id: uuid.UUID) -> int:
        with Session(self._engine) as session:
            return current_version(session, tenant_id)[0]

    def _read(
        self, path: Path, previous: DirectoryIndex | None, before_automaton: Callable[[], None] | None
    ) -> DirectoryIndex | None:
        try:
            index = read_index(path, previous=previous, before_automaton=before_automaton)
            return_free_memory()
            return index
        except FileNotFoundError:
            return None  # not built yet, or pruned after a newer build
        except (ValueError, EOFError, pickle.UnpicklingError):
            log.warning("unreadable index file %s: removed, to be built again", path.name)
            path.unlink(missing_ok=True)
            return None

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                # spawn: a fresh interpreter, never a fork of this multi-threaded server; one task per
                # process, so the memory of a build is returned to the system as soon as it is written.
                self._pool = ProcessPoolExecutor(
                    max_workers=1,
                    mp_context=multiprocessing.get_context("spawn"),
                    max_tasks_per_child=1,
                    initializer=os.nice,  # a builtin: the fresh interpreter lowers itself before any import
                    initargs=(BUILDER_NICENESS,),
                )
            return self._pool
