"""The extraction worker's loop, run in a thread of this process over a pipe, as the worker process runs it."""

from __future__ import annotations

import multiprocessing
import os
import resource
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from types import SimpleNamespace
from typing import Any

import pytest

from app.analysis.attachments import Extraction, ExtractionLimits
from app.checks import extraction

MEMORY = 100 * 1024 * 1024
LIMITS = ExtractionLimits()


@dataclass
class _Process:
    """What the worker asked of its process: limits set, priority lowered, the peak memory it reports."""

    peak_kib: int = 1024
    limits: list[tuple[int, tuple[int, int]]] = field(default_factory=list)
    nice: list[int] = field(default_factory=list)
    usage_asked: list[int] = field(default_factory=list)

    def getrusage(self, who: int) -> Any:
        self.usage_asked.append(who)
        return SimpleNamespace(ru_maxrss=self.peak_kib)


@pytest.fixture
def process(monkeypatch: pytest.MonkeyPatch) -> _Process:
    # The loop limits and renices its own process: here that would be the test process, so those calls are recorded.
    recorded = _Process()
    monkeypatch.setattr(resource, "setrlimit", lambda which, limits: recorded.limits.append((which, limits)))
    monkeypatch.setattr(resource, "getrusage", recorded.getrusage)
    monkeypatch.setattr(os, "nice", recorded.nice.append)
    return recorded


def _extract(name: str, content_type: str, data: bytes, limits: ExtractionLimits) -> Extraction:
    if data == b"huge":
        raise MemoryError
    return Extraction(f"{name}:{content_type}:{data.decode()}", False, "txt")


@pytest.fixture
def worker(process: _Process) -> Iterator[tuple[Connection, threading.Thread]]:
    parent, child = multiprocessing.Pipe()
    thread = threading.Thread(target=extraction._serve, args=(child, MEMORY, _extract), daemon=True)
    thread.start()
    yield parent, thread
    parent.close()
    thread.join(5)
    child.close()


def _ask(conn: Connection, data: bytes) -> tuple[Extraction, bool]:
    conn.send(("a.txt", "text/plain", data, LIMITS))
    assert conn.poll(5), "the worker did not answer"
    answer: tuple[Extraction, bool] = conn.recv()
    return answer


def test_the_worker_limits_its_memory_lowers_its_priority_and_answers_job_after_job(
    worker: tuple[Connection, threading.Thread], process: _Process
) -> None:
    conn, thread = worker
    assert _ask(conn, b"one") == (Extraction("a.txt:text/plain:one", False, "txt"), False)
    assert _ask(conn, b"two") == (Extraction("a.txt:text/plain:two", False, "txt"), False)
    assert process.limits == [(resource.RLIMIT_AS, (MEMORY, MEMORY))]
    assert len(process.nice) == 1 and process.nice[0] > 0
    assert process.usage_asked == [resource.RUSAGE_SELF] * 2
    conn.close()
    thread.join(5)
    assert not thread.is_alive()  # the pipe closed: the worker leaves


def test_a_file_too_large_for_the_workers_memory_is_reported_as_such(
    worker: tuple[Connection, threading.Thread],
) -> None:
    conn, thread = worker
    assert _ask(conn, b"huge") == (Extraction("", True, "unknown", "too_large"), False)
    assert _ask(conn, b"after") == (Extraction("a.txt:text/plain:after", False, "txt"), False)
    assert thread.is_alive()


@pytest.mark.parametrize(
    ("peak", "grown"),
    [(MEMORY // 2 // 1024, False), (MEMORY // 3 // 1024 + 1, False), (MEMORY // 2 // 1024 + 1, True)],
)
def test_a_worker_that_grew_past_half_its_memory_answers_then_leaves(
    worker: tuple[Connection, threading.Thread], process: _Process, peak: int, grown: bool
) -> None:
    conn, thread = worker
    process.peak_kib = peak
    assert _ask(conn, b"one") == (Extraction("a.txt:text/plain:one", False, "txt"), grown)
    thread.join(0.5 if grown else 0.05)
    assert thread.is_alive() is not grown
