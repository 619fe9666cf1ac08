"""In-process benchmark of the analysis engine against DESIGN.md's performance targets.

Run: python -m bench.check_bench [--quick]
Builds generated directories (bench/directory_gen.py: 1k, 10k, 100k organizations named in eight
languages, with domains, aliases, contacts, rival groups), measures index build time and memory, and
check latency for the realistic draft mix (bench/drafts_gen.py, the headline), the fixed typical and heavy
drafts, and a reply quoting megabytes of colleagues' header blocks; compares with a naive baseline that
loops over organizations doing substring search. Writes bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.analysis.context import CheckContext
from app.analysis.directory import DirectorySnapshot
from app.analysis.draft import Draft
from app.analysis.engine import check
from app.analysis.index import DirectoryIndex, build_index
from app.analysis.normalize import normalize_text
from bench.directory_gen import make_directory
from bench.drafts_gen import DraftFactory, heavy_draft, quoted_headers_draft, typical_draft
from bench.results import replace_section

SIZES = (1_000, 10_000, 100_000)
_NAIVE_HEAVY_SAMPLE = 1_000
_TARGETS = {
    "typical_p99_ms": 2.0,
    "heavy_p99_ms": 50.0,
    "growth": 1.5,
    "build_s": 3.0,
    "build_mb": 300.0,
    "quoted_5mb_ms": 1000.0,
}


# --- naive baseline ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NaiveDirectory:
    keys: list[tuple[str, ...]]


def build_naive(snapshot: DirectorySnapshot) -> NaiveDirectory:
    return NaiveDirectory(
        [
            tuple(normalize_text(k) for k in (org.name, *org.aliases, *org.domains, org.customer_code or "") if k)
            for org in snapshot.organizations
        ]
    )


def naive_check(draft: Draft, naive: NaiveDirectory) -> list[int]:
    """What one would write without an index: every organization, every key, substring search per text."""
    texts = [
        normalize_text(t)
        for t in (
            draft.subject,
            draft.body,
            *(a.name for a in draft.attachments),
            *(a.text or "" for a in draft.attachments),
        )
    ]
    found = []
    for org_index, keys in enumerate(naive.keys):
        if any(key in text for key in keys for text in texts):
            found.append(org_index)
    return found


# --- measurement ---------------------------------------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def timed_build(snapshot: DirectorySnapshot) -> tuple[DirectoryIndex, float, float, float]:
    """The index, its build's CPU seconds and wall seconds, and the RSS it added."""
    gc.collect()
    before = rss_mb()
    wall, cpu = time.perf_counter(), time.thread_time()
    index = build_index(snapshot)
    cpu, wall = time.thread_time() - cpu, time.perf_counter() - wall
    gc.collect()
    return index, cpu, wall, rss_mb() - before


@dataclass(frozen=True, slots=True)
class Samples:
    """Per-check milliseconds: CPU time of the checking thread, and wall time.

    On a shared machine the wall time includes waiting for a core; the CPU time is what a check costs
    on a core of its own, so the targets are judged on it (both are reported).
    """

    cpu: list[float]
    wall: list[float]


def latencies_ms(run: Callable[[], object], iterations: int) -> Samples:
    for _ in range(min(20, iterations)):
        run()  # warm caches (lru caches, branch predictors) like a running service
    cpu, wall = [], []
    for _ in range(iterations):
        started_wall, started_cpu = time.perf_counter(), time.thread_time()
        run()
        cpu.append((time.thread_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started_wall) * 1000)
    return Samples(cpu, wall)


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass(frozen=True, slots=True)
class Runs:
    realistic: int
    typical: int
    heavy: int
    naive: int


@dataclass(frozen=True, slots=True)
class SizeResult:
    orgs: int
    contacts: int
    build_s: float
    build_wall_s: float
    build_mb: float
    realistic: Samples
    typical: Samples
    heavy: Samples
    naive_typical_ms: float
    naive_heavy_ms: float
    quoted_ms: dict[float, float]


def bench_size(n_orgs: int, runs: Runs, quoted_sizes: tuple[float, ...] = ()) -> SizeResult:
    directory = make_directory(n_orgs)
    snapshot = directory.snapshot
    index, build_s, build_wall_s, build_mb = timed_build(snapshot)
    # The service freezes long-lived objects after a build so collections skip the index (see RESULTS.md).
    gc.freeze()
    rng = random.Random(n_orgs)
    context = CheckContext(known_correspondents=frozenset())
    mix = [generated.draft for generated in DraftFactory(directory, seed=n_orgs).many(2_000)]
    typical = [typical_draft(directory, rng) for _ in range(50)]
    heavy = [heavy_draft(directory, rng) for _ in range(3)]
    counter = iter(range(10**9))
    realistic_ms = latencies_ms(lambda: check(mix[next(counter) % len(mix)], index, context), runs.realistic)
    typical_ms = latencies_ms(lambda: check(typical[next(counter) % 50], index, context), runs.typical)
    heavy_ms = latencies_ms(lambda: check(heavy[next(counter) % 3], index, context), runs.heavy)
    quoted_ms = {}
    for megabytes in quoted_sizes:
        draft = quoted_headers_draft(directory, megabytes)
        quoted_ms[megabytes] = statistics.median(latencies_ms(lambda d=draft: check(d, index, context), 3).cpu)
    naive = build_naive(snapshot)
    naive_typical = statistics.median(latencies_ms(lambda: naive_check(typical[0], naive), runs.naive).cpu)
    # The naive heavy check takes minutes at 100k; it is linear in organizations by construction, so time
    # it on a 1,000-organization slice and scale.
    sample = NaiveDirectory(naive.keys[:_NAIVE_HEAVY_SAMPLE])
    scale = len(naive.keys) / len(sample.keys)
    naive_heavy = scale * statistics.median(latencies_ms(lambda: naive_check(heavy[0], sample), 1).cpu)
    gc.unfreeze()
    return SizeResult(
        n_orgs,
        len(snapshot.contacts),
        build_s,
        build_wall_s,
        build_mb,
        realistic_ms,
        typical_ms,
        heavy_ms,
        naive_typical,
        naive_heavy,
        quoted_ms,
    )


# --- report --------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _p(samples: list[float], q: float) -> float:
    return percentile(samples, q)


def report(results: list[SizeResult]) -> str:
    by_size = {r.orgs: r for r in results}
    largest, smallest = by_size[max(by_size)], by_size[min(by_size)]
    growth = _p(largest.typical.cpu, 0.99) / _p(smallest.typical.cpu, 0.99)
    lines = [
        "Realistic mix (the headline). CPU ms of the checking thread; wall ms in the last columns; checks/s",
        "= 1000 / mean CPU ms, one core.",
        "",
        "| orgs | contacts | build CPU s (wall) | build MB | mix p50 | mix p90 | mix p99 | mix max | mix mean "
        "| checks/s per core | wall p50 | wall p99 |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        cpu, mean = r.realistic.cpu, statistics.fmean(r.realistic.cpu)
        lines.append(
            f"| {r.orgs:,} | {r.contacts:,} | {r.build_s:.2f} ({r.build_wall_s:.1f}) | {r.build_mb:.0f} "
            f"| {_p(cpu, 0.5):.2f} | {_p(cpu, 0.9):.2f} | {_p(cpu, 0.99):.2f} | {max(cpu):.1f} | {mean:.2f} "
            f"| {1000 / mean:.0f} | {_p(r.realistic.wall, 0.5):.2f} | {_p(r.realistic.wall, 0.99):.2f} |"
        )
    lines += [
        "",
        "Fixed drafts (kept as rows: DESIGN.md's in-process targets; CPU ms, wall p99 beside) and the naive",
        "baseline (CPU ms):",
        "",
        "| orgs | typical p50 | typical p99 | typical wall p99 | heavy p50 | heavy p99 | heavy wall p99 "
        "| naive typical | naive heavy | speed-up typical | speed-up heavy |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        t, h = r.typical, r.heavy
        lines.append(
            f"| {r.orgs:,} | {_p(t.cpu, 0.5):.3f} | {_p(t.cpu, 0.99):.3f} | {_p(t.wall, 0.99):.2f} "
            f"| {_p(h.cpu, 0.5):.1f} | {_p(h.cpu, 0.99):.1f} | {_p(h.wall, 0.99):.1f} | {r.naive_typical_ms:.1f} "
            f"| {r.naive_heavy_ms:.0f} | {r.naive_typical_ms / _p(t.cpu, 0.5):.0f}x "
            f"| {r.naive_heavy_ms / _p(h.cpu, 0.5):.0f}x |"
        )
    if largest.quoted_ms:
        lines += ["", "Reply quoting colleagues' Outlook header blocks (whole check, CPU ms, median of 3):", ""]
        lines += ["| quoted text | check ms |", "|---:|---:|"]
        lines += [f"| {mb:g} MB | {ms:.0f} |" for mb, ms in largest.quoted_ms.items()]
    quoted_5mb = largest.quoted_ms.get(5.0)
    typical_p99, heavy_p99 = _p(largest.typical.cpu, 0.99), _p(largest.heavy.cpu, 0.99)
    lines += [
        "",
        f"| target (at {largest.orgs:,} orgs, CPU time) | limit | measured | result |",
        "|---|---:|---:|---|",
        _target_row("typical p99", "2 ms", f"{typical_p99:.3f} ms", typical_p99 <= _TARGETS["typical_p99_ms"]),
        _target_row("heavy p99", "50 ms", f"{heavy_p99:.1f} ms", heavy_p99 <= _TARGETS["heavy_p99_ms"]),
        _target_row(
            f"typical p99 growth {smallest.orgs:,} -> {largest.orgs:,}",
            "< 1.5x",
            f"{growth:.2f}x",
            growth < _TARGETS["growth"],
        ),
        _target_row("index build time", "3 s", f"{largest.build_s:.2f} s", largest.build_s <= _TARGETS["build_s"]),
        _target_row(
            "index memory (RSS delta)", "300 MB", f"{largest.build_mb:.0f} MB", largest.build_mb <= _TARGETS["build_mb"]
        ),
    ]
    if quoted_5mb is not None:
        ok = quoted_5mb <= _TARGETS["quoted_5mb_ms"]
        lines.append(_target_row("check with 5 MB of quoted headers", "1 s", f"{quoted_5mb:.0f} ms", ok))
    return "\n".join(lines)


def _target_row(name: str, limit: str, measured: str, ok: bool) -> str:
    return f"| {name} | {limit} | {measured} | {verdict(ok)} |"


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer iterations (smoke run)")
    parser.add_argument("--no-write", action="store_true", help="do not update bench/RESULTS.md")
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    args = parser.parse_args(argv)
    runs = Runs(500, 300, 20, 1) if args.quick else Runs(5_000, 5_000, 200, 5)
    results = []
    for size in args.sizes:
        print(f"benchmarking {size:,} organizations ...", file=sys.stderr, flush=True)
        quoted = (1.0, 5.0) if size == max(args.sizes) else ()
        results.append(bench_size(size, runs, quoted))
    table = report(results)
    print(table)
    if not args.no_write:
        write_results(table, runs)
    return 0


def write_results(table: str, runs: Runs) -> None:
    header = (
        "# Analysis engine benchmark\n\n"
        f"Run: `make bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, machine: {machine()}, load average\n"
        f"{os.getloadavg()[0]:.1f} at the end (the machine is shared: wall times include waiting for a core).\n"
        f"In process, one thread; per directory size {runs.realistic} checks of the realistic mix (2,000 distinct\n"
        "drafts from bench/drafts_gen.py: 3-15 recipients, distinct bodies, 60 % replies with Outlook or Gmail\n"
        "quoting in HTML or plain text, 10 % threads of 20-60 KB, a quarter with attachment text, 300 senders),\n"
        f"{runs.typical} typical and {runs.heavy} heavy checks. Directories from bench/directory_gen.py.\n"
        "Typical draft: 5 recipients, 3 KB body, 2 attachment names. Heavy draft: 50 recipients, 100 KB body,\n"
        "1 MB attachment text. Naive baseline: loop over organizations, substring search of every name, alias,\n"
        "domain and customer code in every text (median of a few runs; the heavy one timed on 1,000\n"
        "organizations and scaled linearly).\n\n"
    )
    notes = Path(__file__).with_name("NOTES.md")
    extra = notes.read_text(encoding="utf-8") if notes.exists() else ""
    replace_section("engine", header + table + "\n\n" + extra)


if __name__ == "__main__":
    raise SystemExit(main())
