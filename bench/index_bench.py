"""A serving worker's side of a 100,000-organization directory: memory, time to its index, checks during a change.

Usage: `python -m bench.index_bench [--orgs 100000] [--no-write]`. Builds a SQLite database with the
directory (bench/directory_gen.py), then runs two worker processes one after the other, each with the
service's `IndexCache` and an index directory they share:
- worker 1 has no index file yet: the host's builder process builds it; the worker then checks the
  realistic mix on one thread while the main thread imports a one-row CSV and the index is rebuilt and
  swapped in (the slowest check in that window is the figure; DESIGN.md: no check over 200 ms);
- worker 2 starts after that and reads the file the last build wrote.
RSS is the worker's resident memory once its index is in place (drafts loaded after it is measured);
the builder's peak is the largest child process RSS. Writes the `index` section of bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from app.analysis.context import CheckContext
from app.analysis.draft import Draft
from app.analysis.engine import check
from app.analysis.findings import CheckResult
from app.analysis.index import DirectoryIndex
from app.checks.index_cache import IndexCache
from app.checks.service import on_current_index
from app.db import create_db_engine
from app.directory.importer import import_table
from bench.directory_bench import table_of, tenant_of
from bench.directory_gen import make_directory
from bench.drafts_gen import DraftFactory
from bench.load import build_database
from bench.results import replace_section

CHANGE_MAX_MS = 200.0
WORKER_RSS_MB = 400.0


def rss_mb() -> tuple[float, float]:
    """(current, peak) resident MB of this process."""
    status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return int(status["VmRSS"].split()[0]) / 1024, int(status["VmHWM"].split()[0]) / 1024


def worker(url: str, index_dir: str, drafts_path: str, edit: bool) -> dict[str, Any]:
    engine = create_db_engine(url)
    tenant = tenant_of(engine)
    started_rss = rss_mb()[0]
    cache = IndexCache(engine, index_dir=Path(index_dir))
    started = time.perf_counter()
    assert cache.refresh(tenant.id).wait(600)
    figures: dict[str, Any] = {"to_index_s": time.perf_counter() - started, "start_rss_mb": started_rss}
    figures["rss_mb"], figures["peak_mb"] = rss_mb()
    assert cache.host is not None
    figures["built"], figures["loaded"] = cache.host.built, cache.host.loaded
    if edit:
        figures |= checks_during_change(engine, cache, tenant.id, drafts_path)
        figures["rss_after_change_mb"], figures["peak_after_change_mb"] = rss_mb()
    cache.close()
    time.sleep(0.5)
    figures["builder_peak_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    figures["load"] = os.getloadavg()[0]
    return figures


def _check_on(draft: Draft, context: CheckContext, index: DirectoryIndex) -> CheckResult:
    return check(draft, index, context)


def checks_during_change(engine: Any, cache: IndexCache, tenant_id: Any, drafts_path: str) -> dict[str, Any]:
    drafts = pickle.loads(Path(drafts_path).read_bytes())
    context = CheckContext(known_correspondents=frozenset())
    samples: list[tuple[float, float]] = []  # (finished at, wall ms)
    failures: list[Exception] = []
    stop = threading.Event()
    identity = tenant_of(engine)  # as the checks' requests know it: the version before the edit

    def checker() -> None:
        i = 0
        with Session(engine) as session:
            while not stop.is_set():
                begun = time.perf_counter()
                draft = drafts[i % len(drafts)]
                try:
                    # As the service asks for it: waits while a swap builds the new automaton, and runs again on
                    # the new index when the one it read was let go of meanwhile.
                    on_current_index(session, identity, cache, functools.partial(_check_on, draft, context))
                except Exception as failure:  # noqa: BLE001 - reported by the main thread: a hidden failure would lie
                    failures.append(failure)
                    return
                now = time.perf_counter()
                samples.append((now, (now - begun) * 1000))
                i += 1
                time.sleep(0.002)  # a worker between requests

    thread = threading.Thread(target=checker)
    thread.start()
    time.sleep(3)
    change_began = time.perf_counter()
    tenant = tenant_of(engine)
    row = [["Index Bench Neu GmbH", "customer", "index-bench-neu.example", "", "", "", "Ann Lee"]]
    row[0] += ["ann@index-bench-neu.example", "de", "", "DE"]
    with Session(engine) as session:
        import_table(session, tenant, table_of(row), 1, dry_run=False)
        session.commit()
    imported = time.perf_counter()
    old_version = cache.current(tenant_id).version  # type: ignore[union-attr]  # not the index: it is taken apart
    assert cache.refresh(tenant_id).wait(600)
    swapped = time.perf_counter()
    new = cache.current(tenant_id)
    assert new is not None and new.version > old_version
    time.sleep(3)  # the old index is taken apart after the swap
    stop.set()
    thread.join()
    if failures:
        raise RuntimeError("a check failed during the change") from failures[0]
    before = [ms for at, ms in samples if at < change_began]
    during = [ms for at, ms in samples if change_began <= at <= swapped + 3]
    return {
        "import_s": imported - change_began,
        "rebuild_s": swapped - imported,
        "checks_before": len(before),
        "p99_before_ms": sorted(before)[int(0.99 * len(before))],
        "max_before_ms": max(before),
        "checks_during": len(during),
        "p99_during_ms": sorted(during)[int(0.99 * len(during))],
        "max_during_ms": max(during),
        "found_new": new.org_index_for_address("x@index-bench-neu.example") is not None,
    }


def run_worker(url: str, index_dir: Path, drafts: Path, edit: bool) -> dict[str, Any]:
    args = [sys.executable, "-m", "bench.index_bench", "--worker", url, str(index_dir), str(drafts)]
    done = subprocess.run([*args, *(["--edit"] if edit else [])], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"the worker failed:\n{done.stderr[-4000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def report(orgs: int, contacts: int, first: dict[str, Any], second: dict[str, Any]) -> str:
    rss = max(first["rss_after_change_mb"], second["rss_mb"])
    rows = [
        ("worker 1: time to its index (builder process builds)", f"{first['to_index_s']:.1f} s", "-", ""),
        ("worker 2: time to its index (reads the file)", f"{second['to_index_s']:.1f} s", "-", ""),
        ("builds run by worker 2", str(second["built"]), "0", _ok(second["built"] == 0)),
        ("worker RSS with the index (1 / 2)", f"{first['rss_mb']:.0f} / {second['rss_mb']:.0f} MB", "400 MB", ""),
        ("worker 1 RSS after the change (peak)", f"{first['rss_after_change_mb']:.0f} ({first['peak_after_change_mb']:.0f}) MB", "400 MB", _ok(rss <= WORKER_RSS_MB)),
        ("builder process peak RSS", f"{first['builder_peak_mb']:.0f} MB", "-", ""),
        ("one-row import, then rebuild until swapped", f"{first['import_s']:.2f} s + {first['rebuild_s']:.1f} s", "-", ""),
        ("checks before the change: p99 / max", f"{first['p99_before_ms']:.1f} / {first['max_before_ms']:.1f} ms", "-", ""),
        (f"checks during the change ({first['checks_during']}): p99 / max", f"{first['p99_during_ms']:.1f} / {first['max_during_ms']:.1f} ms", "200 ms", _ok(first["max_during_ms"] <= CHANGE_MAX_MS)),
    ]  # fmt: skip
    lines = [
        f"{orgs:,} organizations, {contacts:,} contacts, SQLite; load average {first['load']:.1f} (worker 1) and "
        f"{second['load']:.1f} (worker 2). Wall times: on this shared machine they include waiting for a core.",
        "The peak in brackets is the worker's high-water mark, which includes the drafts this bench loads into it "
        "after the first figure; the swap's own peak is in the `load` section (`make load`). Checks during the "
        "change ask the cache as the service does: they wait while a swap builds the new automaton.",
        "",
        "| figure | measured | target | result |",
        "|---|---:|---:|---|",
        *(f"| {name} | {value} | {target} | {verdict} |" for name, value, target, verdict in rows),
    ]
    return "\n".join(lines)


def _ok(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--worker", nargs=3, metavar=("URL", "INDEX_DIR", "DRAFTS"))
    parser.add_argument("--edit", action="store_true")
    args = parser.parse_args(argv)
    if args.worker:
        url, index_dir, drafts_path = args.worker
        print(json.dumps(worker(url, index_dir, drafts_path, edit=args.edit)))
        return 0
    directory = make_directory(args.orgs)
    with tempfile.TemporaryDirectory(prefix="indexbench-") as tmp:
        url = f"sqlite:///{tmp}/directory.db"
        build_database(url, directory)
        drafts = Path(tmp) / "drafts.pickle"
        drafts.write_bytes(pickle.dumps([g.draft for g in DraftFactory(directory, seed=1).many(500)]))
        snapshot = directory.snapshot
        del directory
        first = run_worker(url, Path(tmp) / "indexes", drafts, edit=True)
        print(json.dumps(first), file=sys.stderr)
        second = run_worker(url, Path(tmp) / "indexes", drafts, edit=False)
        print(json.dumps(second), file=sys.stderr)
    table = report(len(snapshot.organizations), len(snapshot.contacts), first, second)
    print(table)
    if not args.no_write:
        header = f"# Index in the workers\n\nRun: `python -m bench.index_bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.\n\n"
        replace_section("index", header + table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
