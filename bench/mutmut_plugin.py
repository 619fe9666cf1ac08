"""pytest plugin for the test runs of `make mutate` (bench/mutate.py passes `-p bench.mutmut_plugin`).

mutmut judges each mutant with a fresh `pytest.main` in a process forked from one that has already imported the
app, SQLAlchemy, FastAPI and the tests. Two costs there have nothing to do with the mutant:
- Garbage collection walks every one of those inherited objects. pytest alone forces two full collections when a
  run ends (its unraisable-exception check): about 0.4 CPU s per mutant, more than the tests of most mutants take.
  Freezing the heap at start (gc.freeze) leaves the inherited objects out of every collection; the objects the tests
  make are still collected as usual.
- mutmut runs with -x, so a killed mutant stops at its first failing test; the tests come in no useful order. Run
  in the order of their duration in mutmut's stats run, the pure tests come before the API tests, and a mutant the
  quick tests kill costs only them. A surviving mutant still runs every test that reached it.
"""

from __future__ import annotations

import gc
import json
import math
from pathlib import Path

import pytest

# Written by mutmut's stats run in its working directory (mutants/), before any mutant is judged.
STATS = Path("mutmut-stats.json")


def pytest_configure(config: pytest.Config) -> None:
    gc.freeze()


_durations: dict[str, float] = {}


def _stats_durations() -> dict[str, float]:
    """Seconds each test took in the stats run. Read once, in the process the mutants' processes are forked from
    (mutmut collects the tests there first); not before the stats run has written them."""
    if not _durations and STATS.exists():
        _durations.update(json.loads(STATS.read_text(encoding="utf-8"))["duration_by_test"])
    return _durations


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    durations = _stats_durations()
    if durations:
        items.sort(key=lambda item: durations.get(item.nodeid, math.inf))
