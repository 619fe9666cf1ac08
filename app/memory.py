"""A worker's memory with glibc's allocator: how many arenas it keeps, and giving freed pages back.

A worker holds a large directory's index (~150 MB at 100,000 organizations) and replaces it after every
directory change. glibc gives each thread that allocates an arena of its own (up to eight per core): the
thread pool answering checks, the index reader and the recorder each leave freed memory in theirs, which no
other thread reuses. Python threads take turns under the GIL, so two arenas cost them nothing, and a 100k
worker holds 10-20 MB less after a swap (bench/RESULTS.md). Not glibc: the process reuses its memory itself.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
from collections.abc import Mapping

ARENAS = 2
_M_ARENA_MAX = -8  # malloc.h


def limit_malloc_arenas(environ: Mapping[str, str] = os.environ) -> bool:
    """At most `ARENAS` arenas for the threads started from now on, unless `MALLOC_ARENA_MAX` says otherwise
    (glibc read it at start-up). True when the limit was set here."""
    if "MALLOC_ARENA_MAX" in environ:
        return False
    with contextlib.suppress(OSError, AttributeError):
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, ARENAS))
    return False


def return_free_memory() -> None:
    """Give freed buffers back to the system (glibc keeps them otherwise): worker RSS."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the process reuses the memory instead
        ctypes.CDLL("libc.so.6").malloc_trim(0)
