"""`make mutate`: mutmut once per package, each judged by that package's own tests.

mutmut picks, for each mutant, the tests that reached the mutated function while it collected stats. With one run
over all packages, an analysis mutant is reached by every API test that checks a draft, and a mutant that survives
runs all of them. One run per package, with the package's mirrored tests (tests/<package>) as the selection, keeps
each mutant's test list to the tests written to prove that package.

mutmut reads its settings from ./pyproject.toml only, so each package runs in its own directory
(build/mutate/<package>): links to the project's files plus a pyproject.toml whose [tool.mutmut] table is the
project's, with `only_mutate` and the test selection set for that package. Results stay there for
`bench.mutation_scores` and for `mutmut results` / `mutmut show <name>` run in that directory.

The packages run side by side in two lanes (LANES), costliest first, until the time bound: each lane takes the next
package when its last one is done, and a package still running at the bound is stopped with its verdicts kept.

Usage: python -m bench.mutate [--minutes N] [--children N] [--lanes N] [package ...]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "build" / "mutate"
# mutmut started from `-c`, not from its console script: the extraction workers (app/checks/extraction.py) are
# started by multiprocessing's fork server, and such a child first re-imports the parent's __main__ from its path.
# With the console script as __main__ that is mutmut's command line and its terminal UI, seconds of imports in every
# worker on a shared machine, longer than a check's whole extraction budget (EXTRACTION_SECONDS): the scans found no
# text and mutmut stopped in its first test run. A `-c` program has no path to re-import.
MUTMUT = [sys.executable, "-c", "from mutmut.__main__ import cli; cli()"]

# The tests that judge each package. Beyond tests/<package>: the isolation tests prove the scheduling repository's
# per-user filter through the routes. The stress tests (hundreds of sends, hostile files) prove scale and races, and
# each faster test that sends once proves the same decisions; left out, a surviving scheduling mutant costs seconds,
# not a minute.
SELECTION: dict[str, list[str]] = {
    "analysis": ["tests/analysis"],
    "checks": ["tests/checks"],
    "auth": ["tests/auth"],
    # Scheduling: the worker's decisions and the queries are proven row by row against the in-memory mailbox
    # (test_worker*.py, test_claims.py: milliseconds each), the routes by the fake-mailbox API tests. Left out: the
    # tests through the Graph and Gmail fakes over HTTP and the real-timeout test (test_scheduled_sends_graph/_gmail,
    # test_held_sends_graph, test_send_outcome_unknown) prove the providers' side of the same decisions, and
    # test_exactly_once counts provider calls over hundreds of sends (PostgreSQL's several workers, which this
    # SQLite-only run cannot show); each costs seconds, and every worker mutant would run all of them.
    "scheduling": [
        "tests/scheduling/test_worker.py",
        "tests/scheduling/test_worker_access.py",
        "tests/scheduling/test_worker_process.py",
        "tests/scheduling/test_claims.py",
        "tests/scheduling/test_schedule_times.py",
        "tests/scheduling/test_scheduled_sends.py",
        "tests/scheduling/test_held_sends.py",
        "tests/test_isolation_colleagues.py",
    ],
    "incidents": ["tests/incidents"],
}
DESELECT: dict[str, list[str]] = {
    "scheduling": [
        "tests/scheduling/test_scheduled_sends.py::test_many_due_sends_each_sent_exactly_once[sqlite]",
    ],
    "checks": [
        "tests/checks/test_extraction.py::test_other_users_stay_fast_while_four_hostile_scans_run[sqlite]",
        "tests/checks/test_extraction.py::test_many_hostile_pdfs_in_one_check_share_one_budget[sqlite]",
        # `index_store.dismantle` counts the references to the index (sys.getrefcount); mutmut's trampoline holds
        # more of them for the call, so under mutmut the index always looks in use. The normal suite proves both.
        "tests/checks/test_index_store.py::test_a_replaced_index_is_emptied_only_once_no_check_holds_it",
        "tests/checks/test_index_cache.py::"
        "test_a_replaced_large_index_is_taken_apart_and_its_memory_returned_once_no_check_holds_it",
    ],
}
# Every mutant is judged by a fresh `pytest.main`, whose start costs more than most mutants' tests (0.06-0.12 CPU s
# measured on one analysis test). What it need not do there: scan installed packages for plugins (no judging test
# uses hypothesis, schemathesis, anyio or xdist; PYTEST_DISABLE_PLUGIN_AUTOLOAD in `run`), write its cache, rewrite
# asserts (the test modules were imported, rewritten, before the fork), or offer reports nobody reads. (The project's
# [tool.mutmut] already turns the cache provider off.)
LEAN_PYTEST = ["--assert=plain"] + [
    arg
    for plugin in (
        "stepwise",
        "pastebin",
        "junitxml",
        "doctest",
        "legacypath",
        "setuponly",
        "setupplan",
        "faulthandler",
    )
    for arg in ("-p", f"no:{plugin}")
]

# What a whole run of each package cost, in CPU minutes (mutmut and every test process it forked; `make mutate` of
# 2026-12-07 14:15 UTC, the packages cut short extrapolated by their mutants): a mutant's cost is its tests', so
# counts of mutants mislead. The costliest packages start first, so the short ones fill in beside them at the end.
WEIGHT = {"scheduling": 3.1, "incidents": 4.9, "auth": 7.5, "checks": 15.5, "analysis": 17.0}
# Packages run side by side in this many lanes. One mutmut leaves a core idle for minutes: mypy, the stats run and
# the clean run are one process each, and between two test processes mutmut itself works alone. Two lanes keep both
# cores busy; mutmut's timeouts are CPU-time limits, so sharing the cores does not turn slow verdicts into timeouts.
LANES = 2


def type_check_command(package: str, lane: int) -> list[str]:
    """mypy over the mutated package, as `make lint` runs it on every change: a mutant it rejects could never land,
    and mutmut records it as caught without running a test (more than half of app/incidents' mutants, seconds each
    through the API tests). mutmut marks its own trampoline lines `# type: ignore`, hence no unused-ignore warning;
    bench/mutmut_mypy.py drops the errors outside any mutant, which would stop mutmut."""
    # One cache per lane: the rest of the app is checked once per lane, and two mypy never write one cache.
    cache = WORK / f".mypy_cache-{lane}"
    return [
        sys.executable,
        "-m",
        "mypy",
        "--output",
        "json",
        "--no-warn-unused-ignores",
        "--cache-dir",
        str(cache),
        f"app/{package}",
    ]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return json.dumps(value)  # strings, numbers and lists of them are the same in JSON and TOML


def package_config(package: str, lane: int) -> str:
    """The project's pyproject.toml with [tool.mutmut] narrowed to one package."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    base = dict(tomllib.loads(text)["tool"]["mutmut"])
    base["only_mutate"] = [f"app/{package}/*"]
    base["pytest_add_cli_args_test_selection"] = SELECTION[package]
    deselect = [arg for test in DESELECT.get(package, []) for arg in ("--deselect", test)]
    plugin = ["-p", "bench.mutmut_plugin"]  # heap frozen, quick tests first (see there)
    base["pytest_add_cli_args"] = [*base.get("pytest_add_cli_args", []), *plugin, *LEAN_PYTEST, *deselect]
    base["type_check_command"] = type_check_command(package, lane)
    start = text.index("[tool.mutmut]")
    after = text.find("\n[", start + 1)
    rest = "" if after == -1 else text[after:]
    table = "[tool.mutmut]\n" + "".join(f"{key} = {_toml_value(value)}\n" for key, value in base.items())
    return text[:start] + table + rest


def prepare(package: str, lane: int) -> Path:
    where = WORK / package
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in {"pyproject.toml", "build", "mutants", ".git", ".venv"}:
            (where / entry.name).symlink_to(entry)
    (where / "pyproject.toml").write_text(package_config(package, lane), encoding="utf-8")
    return where


def _wait(process: subprocess.Popen[bytes], seconds: float) -> resource.struct_rusage | None:
    """Reap the process within `seconds`: its resource use (its own and that of the children it reaped, i.e. every
    test process mutmut forked), or None if it is still running. Per process, unlike RUSAGE_CHILDREN, which would
    mix the lanes."""
    deadline = time.monotonic() + seconds
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return usage
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.2)


def _stop(process: subprocess.Popen[bytes]) -> resource.struct_rusage | None:
    """Stop mutmut and the test processes it forked. Each verdict is on disk as soon as it is known, so nothing
    judged is lost; mutmut does not always act on SIGINT while it waits for a test process, hence the escalation."""
    for stop, grace in ((signal.SIGINT, 30.0), (signal.SIGTERM, 15.0), (signal.SIGKILL, 60.0)):
        os.killpg(process.pid, stop)
        usage = _wait(process, grace)
        if usage is not None:
            return usage
    return None


_META_KEYS = (
    "exit_code_by_key",
    "hash_by_function_name",
    "type_check_error_by_key",
    "durations_by_key",
    "estimated_durations_by_key",
)


def repair_meta(path: Path) -> bool:
    """Keep what a results file cut short by the stop still holds; whether it had to be repaired.

    mutmut rewrites a source file's results (`<file>.meta`, JSON) after each verdict, in place; stopped in the middle
    of that write, the file ends mid-object and every `mutmut results` after it fails. The verdicts come first in
    the file, so the parts that decode are kept and the cut one is left empty."""
    text = path.read_text(encoding="utf-8")
    try:
        json.loads(text)
        return False
    except json.JSONDecodeError:
        pass
    decoder = json.JSONDecoder()
    kept: dict[str, Any] = {key: {} for key in _META_KEYS}
    for key in _META_KEYS:
        start = text.find(f'"{key}": ')
        if start == -1:
            continue
        try:
            kept[key] = decoder.raw_decode(text, start + len(key) + 4)[0]
        except json.JSONDecodeError:
            break
    path.write_text(json.dumps(kept, indent=4), encoding="utf-8")
    return True


def run(package: str, lane: int, deadline: float, children: int) -> dict[str, Any]:
    """mutmut over one package, stopped (its results kept) at `deadline` (time.monotonic()): what it took.

    CPU seconds count mutmut and every test process it forked; CPU seconds divided by the cores used is what the
    run would take alone."""
    where = prepare(package, lane)
    load_before = os.getloadavg()
    started = time.monotonic()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    command = [*MUTMUT, "run", "--max-children", str(children)]
    process = subprocess.Popen(command, cwd=where, env=env, start_new_session=True)
    usage = _wait(process, deadline - started)
    stopped = usage is None
    if stopped:
        usage = _stop(process)
    cpu = usage.ru_utime + usage.ru_stime if usage is not None else float("nan")
    for meta in (where / "mutants").rglob("*.meta"):
        if repair_meta(meta):
            print(f"{meta}: cut short by the stop, the verdicts it held are kept", file=sys.stderr)
    timing = {
        "wall": time.monotonic() - started,
        "cpu": cpu,
        "children": children,
        "lane": lane,
        "stopped": stopped,
        "load_before": load_before,
        "load_after": os.getloadavg(),
    }
    (where / "timing.json").write_text(json.dumps(timing), encoding="utf-8")
    return timing


def lane(number: int, queue: list[str], deadline: float, children: int, timings: dict[str, dict[str, Any]]) -> None:
    """Take the next package off the shared queue until it is empty or the time is up."""
    while time.monotonic() < deadline:
        try:
            package = queue.pop(0)  # list.pop is atomic: the lanes never take one package twice
        except IndexError:
            return
        timings[package] = run(package, number, deadline, children)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--children", type=int, default=2)
    parser.add_argument("--lanes", type=int, default=LANES)
    parser.add_argument("packages", nargs="*", default=sorted(SELECTION, key=WEIGHT.__getitem__, reverse=True))
    args = parser.parse_args()
    started = time.monotonic()
    deadline = started + args.minutes * 60
    queue = list(args.packages)
    for package in queue:  # a package the bound leaves unrun must not show an earlier run's results as this one's
        shutil.rmtree(WORK / package, ignore_errors=True)
    timings: dict[str, dict[str, Any]] = {}
    lanes = [
        threading.Thread(target=lane, args=(number, queue, deadline, args.children, timings), name=f"lane-{number}")
        for number in range(args.lanes)
    ]
    for thread in lanes:
        thread.start()
    for thread in lanes:
        thread.join()
    whole = {"wall": time.monotonic() - started, "minutes": args.minutes, "lanes": args.lanes, "not_run": queue}
    (WORK / "run.json").write_text(json.dumps(whole), encoding="utf-8")
    for package, taken in timings.items():
        print(f"{package}: {taken['wall'] / 60:.1f} min wall, {taken['cpu'] / 60:.1f} min CPU, lane {taken['lane']}")
    print(f"whole run: {whole['wall'] / 60:.1f} min wall, {args.lanes} lanes; not run: {queue or 'none'}")


if __name__ == "__main__":
    main()
