"""Attachment text extraction in worker processes that can be killed.

A parser stuck in a hostile file does not listen to a cooperative deadline, and the memory it grabs is not given
back to the OS: so every file is read by a separate process with an address-space limit, and a file that outlives
its time is answered "timeout" while its process is killed (SIGKILL) and replaced. Each check has one budget of
`EXTRACTION_SECONDS` for all its files, including the wait for a free worker; a file the budget does not cover is
reported truncated, never an error for the whole request.

One tenant holds at most all workers but one at a time (its other files wait, within their budget), so a tenant
sending hostile files cannot keep every other tenant's attachments waiting.

Workers come from a fork server that has the parsers imported already, so replacing one costs milliseconds, and they
run at a lower priority than the request handlers, so extraction never takes the CPU from other users' checks.
"""

from __future__ import annotations

import collections
import logging
import multiprocessing
import os
import queue
import resource
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from app.analysis.attachments import Extraction, ExtractionLimits, detect_type, extract_text

log = logging.getLogger(__name__)

Extract = Callable[[str, str, bytes, ExtractionLimits], Extraction]

# The cooperative deadline inside the worker fires this long before the kill, so a slow file usually still
# returns the text read so far.
_COOPERATIVE_MARGIN = 0.25
_NICE = 10
_MIN_MEMORY = 64 * 1024 * 1024
# Plain text and CSV up to this size are read in the calling thread (the app's setting): decoding them is
# linear and short, with no parser to get stuck, while the round trip to a worker (pickling, a wait for a
# free worker that runs at low priority) cost more than the reading itself on a busy machine.
INLINE_TEXT_BYTES = 256 * 1024
_INLINE_TYPES = frozenset(("txt", "csv"))


def _serve(conn: Connection, memory_bytes: int, extract: Extract) -> None:
    """The worker: read jobs until the pipe closes; leave when it grew too big to be worth keeping."""
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    os.nice(_NICE)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = extract(*job)
        except MemoryError:
            result = Extraction("", True, "unknown", "too_large")
        # Freed memory stays with the process: a worker that needed much is replaced rather than kept fat.
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 > memory_bytes // 2
        conn.send((result, grown))
        if grown:
            return


class _Worker:
    def __init__(self, context: Any, memory_bytes: int, extract: Extract) -> None:
        self.conn, child = context.Pipe()
        self.process: BaseProcess = context.Process(
            target=_serve, args=(child, memory_bytes, extract), name="extraction-worker", daemon=True
        )
        self.process.start()
        child.close()

    def run(self, job: tuple[str, str, bytes, ExtractionLimits], timeout: float) -> tuple[Extraction, bool] | None:
        """The result and whether the worker left; None when it did not answer in time or died."""
        try:
            self.conn.send(job)
            if not self.conn.poll(max(timeout, 0.0)):
                return None
            answer: tuple[Extraction, bool] = self.conn.recv()
            return answer
        except (EOFError, OSError):  # killed by the kernel (memory) or a broken pipe
            return None

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class ExtractionPool:
    """A few extraction workers, started on first use; `extract` blocks the calling thread, never the loop."""

    def __init__(
        self, workers: int, memory_bytes: int, extract: Extract = extract_text, inline_text_bytes: int = 0
    ) -> None:
        self.size = workers
        self.inline_text_bytes = inline_text_bytes
        self.memory_bytes = max(memory_bytes, _MIN_MEMORY)
        self._extract = extract
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._shares = threading.Condition()
        self._held: collections.Counter[str] = collections.Counter()
        self.share = max(1, workers - 1)
        self._started = 0
        self._closed = False
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["app.analysis.attachments", "pypdf", "openpyxl", "lxml.etree"])
        self.kills = 0

    def extract(
        self, name: str, content_type: str, data: bytes, limits: ExtractionLimits, deadline: float, owner: str = ""
    ) -> Extraction:
        """Text of one file, given up at `deadline` (time.monotonic()): then the worker is killed and replaced.

        `owner` (the tenant) gets at most `share` workers at once; small plain text is read in this thread."""
        if self.reads_inline(data):
            remaining = max(min(limits.max_seconds, deadline - time.monotonic()), 0.0)
            return extract_text(name, content_type, data, replace(limits, max_seconds=remaining))
        if not self._take_share(owner, deadline):
            return Extraction("", True, "unknown", "timeout")
        try:
            return self._run_in_worker(name, content_type, data, limits, deadline)
        finally:
            with self._shares:
                self._held[owner] -= 1
                if not self._held[owner]:
                    del self._held[owner]
                self._shares.notify_all()

    def reads_inline(self, data: bytes) -> bool:
        """Whether this file is read in the calling thread (small plain text), not by a worker process."""
        return len(data) <= self.inline_text_bytes and detect_type(data) in _INLINE_TYPES

    def _take_share(self, owner: str, deadline: float) -> bool:
        with self._shares:
            while self._held[owner] >= self.share:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._shares.wait(remaining)
            self._held[owner] += 1
            return True

    def _run_in_worker(
        self, name: str, content_type: str, data: bytes, limits: ExtractionLimits, deadline: float
    ) -> Extraction:
        worker = self._acquire(deadline)
        if worker is None:
            return Extraction("", True, "unknown", "timeout")
        remaining = deadline - time.monotonic()
        cooperative = max(min(limits.max_seconds, remaining - _COOPERATIVE_MARGIN), 0.0)
        answer = worker.run((name, content_type, data, replace(limits, max_seconds=cooperative)), remaining)
        if answer is None:
            self._discard(worker)
            return Extraction("", True, "unknown", "timeout")
        result, left = answer
        if left:
            self._discard(worker)
        else:
            self._release(worker)
        return result

    def start(self) -> None:
        """Start every worker now (at start-up, before readiness) rather than on the first attachment."""
        started = []
        for _ in range(self.size):
            worker = self._acquire(time.monotonic())
            if worker is not None:
                started.append(worker)
        for worker in started:
            self._release(worker)

    def close(self) -> None:
        with self._lock:
            self._closed = True
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            worker.kill()

    def _acquire(self, deadline: float) -> _Worker | None:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            start = not self._closed and self._started < self.size
            if start:
                self._started += 1
        if start:
            return self._new_worker()
        try:
            return self._idle.get(timeout=max(deadline - time.monotonic(), 0.0))
        except queue.Empty:
            return None

    def _release(self, worker: _Worker) -> None:
        if self._closed:
            worker.kill()
        else:
            self._idle.put(worker)

    def _new_worker(self) -> _Worker | None:
        """A new worker in a place already counted in `_started`."""
        try:
            return _Worker(self._context, self.memory_bytes, self._extract)
        except OSError:
            log.exception("could not start an extraction worker")
            with self._lock:
                self._started -= 1
            return None

    def _discard(self, worker: _Worker) -> None:
        """Kill the worker and put a new one in its place at once: someone may be waiting for a free worker."""
        worker.kill()
        with self._lock:
            self.kills += 1
            if self._closed:
                self._started -= 1
                return
        replacement = self._new_worker()
        if replacement is not None:
            self._idle.put(replacement)
