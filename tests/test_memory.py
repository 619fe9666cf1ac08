"""glibc arenas: a worker's threads share two instead of one each."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Six threads each allocate while all of them are alive; glibc's own report then lists the arenas ("heaps").
_HEAPS_AFTER_THREADS = """
import ctypes, sys, tempfile, threading
{setup}
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.fopen.restype = ctypes.c_void_p
together = threading.Barrier(6)
def allocate():
    together.wait()
    libc.malloc(4096)
    together.wait()
threads = [threading.Thread(target=allocate) for _ in range(6)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
path = tempfile.mktemp()
report = libc.fopen(path.encode(), b"w")
libc.malloc_info(0, ctypes.c_void_p(report))
libc.fclose(ctypes.c_void_p(report))
print(open(path).read().count("<heap nr="))
"""


def _heaps(setup: str, **env: str) -> int:
    environ = {k: v for k, v in os.environ.items() if k != "MALLOC_ARENA_MAX"} | env
    code = _HEAPS_AFTER_THREADS.format(setup=setup)
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    return int(run.stdout.split()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_the_app_limits_its_threads_to_two_arenas() -> None:
    assert _heaps("") > 2  # without it each allocating thread gets an arena of its own
    assert _heaps("import app.main") == 2  # importing the app creates it


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_an_operators_malloc_arena_max_is_left_to_glibc() -> None:
    setup = "from app.memory import limit_malloc_arenas\nassert not limit_malloc_arenas()"
    assert _heaps(setup, MALLOC_ARENA_MAX="4") == 4
