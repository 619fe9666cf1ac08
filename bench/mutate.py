"""`make mutate`: mutmut once per package, each judged by that package's own tests.

mutmut picks, for each mutant, the tests that reached the mutated function while it collected stats. With one run
over all packages, an analysis mutant is reached by every API test that checks a draft, and a mutant that survives
runs all of them. One run per package, with the package's mirrored tests (tests/<package>) as the selection, keeps
each mutant's test list to the tests written to prove that package.

mutmut reads its settings from ./pyproject.toml only, so each package runs in its own directory
(build/mutate/<package>): links to the project's files plus a pyproject.toml whose [tool.mutmut] table is the
project's, with `only_mutate` and the test selection set for that package. Results stay there for
`bench.mutation_scores` and for `mutmut results` / `mutmut show <name>` run in that directory.

Usage: python -m bench.mutate [--minutes N] [--children N] [package ...]
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

# Share of the time bound per package, by what a whole run of it cost (minutes alone on 2 cores, extrapolated from
# the CPU of the `make mutate` of 2026-12-07 12:57 UTC): a mutant's cost is its tests', so counts of mutants mislead.
# The packages run cheapest first: one that finishes early passes its rest on, so the time a cheap package leaves
# goes to the costly ones after it (that run went the other way round, stopped analysis and checks at their shares,
# and ended after 23 minutes with both unfinished).
WEIGHT = {"scheduling": 1.3, "incidents": 2.5, "auth": 3.6, "checks": 6.4, "analysis": 9.7}


def type_check_command(package: str) -> list[str]:
    """mypy over the mutated package, as `make lint` runs it on every change: a mutant it rejects could never land,
    and mutmut records it as caught without running a test (more than half of app/incidents' mutants, seconds each
    through the API tests). mutmut marks its own trampoline lines `# type: ignore`, hence no unused-ignore warning;
    bench/mutmut_mypy.py drops the errors outside any mutant, which would stop mutmut."""
    cache = WORK / ".mypy_cache"  # shared by the packages' runs: the rest of the app is checked once
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


def package_config(package: str) -> str:
    """The project's pyproject.toml with [tool.mutmut] narrowed to one package."""
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    base = dict(tomllib.loads(text)["tool"]["mutmut"])
    base["only_mutate"] = [f"app/{package}/*"]
    base["pytest_add_cli_args_test_selection"] = SELECTION[package]
    deselect = [arg for test in DESELECT.get(package, []) for arg in ("--deselect", test)]
    plugin = ["-p", "bench.mutmut_plugin"]  # heap frozen, quick tests first (see there)
    base["pytest_add_cli_args"] = [*base.get("pytest_add_cli_args", []), *plugin, *LEAN_PYTEST, *deselect]
    base["type_check_command"] = type_check_command(package)
    start = text.index("[tool.mutmut]")
    after = text.find("\n[", start + 1)
    rest = "" if after == -1 else text[after:]
    table = "[tool.mutmut]\n" + "".join(f"{key} = {_toml_value(value)}\n" for key, value in base.items())
    return text[:start] + table + rest


def prepare(package: str) -> Path:
    where = WORK / package
    shutil.rmtree(where, ignore_errors=True)
    where.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in {"pyproject.toml", "build", "mutants", ".git", ".venv"}:
            (where / entry.name).symlink_to(entry)
    (where / "pyproject.toml").write_text(package_config(package), encoding="utf-8")
    return where


def _cpu_seconds_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop mutmut and the test processes it forked. Each verdict is on disk as soon as it is known, so nothing
    judged is lost; mutmut does not always act on SIGINT while it waits for a test process, hence the escalation."""
    for stop, grace in ((signal.SIGINT, 30), (signal.SIGTERM, 15), (signal.SIGKILL, None)):
        os.killpg(process.pid, stop)
        try:
            process.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


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


def run(package: str, seconds: float, children: int) -> dict[str, float]:
    """mutmut over one package, stopped (its results kept) after `seconds`: the wall and CPU seconds it took.

    CPU seconds count mutmut and every test process it forked; on a machine shared with other work, CPU seconds
    divided by the cores used is what the run would take alone."""
    where = prepare(package)
    load_before = os.getloadavg()
    started, cpu = time.monotonic(), _cpu_seconds_of_children()
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
    command = [*MUTMUT, "run", "--max-children", str(children)]
    process = subprocess.Popen(command, cwd=where, env=env, start_new_session=True)
    try:
        process.wait(timeout=max(seconds, 1))
    except subprocess.TimeoutExpired:
        _stop(process)
    taken = {"wall": time.monotonic() - started, "cpu": _cpu_seconds_of_children() - cpu}
    for meta in (where / "mutants").rglob("*.meta"):
        if repair_meta(meta):
            print(f"{meta}: cut short by the stop, the verdicts it held are kept", file=sys.stderr)
    timing = {**taken, "children": children, "load_before": load_before, "load_after": os.getloadavg()}
    (where / "timing.json").write_text(json.dumps(timing), encoding="utf-8")
    return taken


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--children", type=int, default=2)
    parser.add_argument("packages", nargs="*", default=sorted(SELECTION, key=WEIGHT.__getitem__))
    args = parser.parse_args()
    left = args.minutes * 60
    weights = [WEIGHT[p] for p in args.packages]
    timings: dict[str, dict[str, float]] = {}
    for index, package in enumerate(args.packages):
        share = left * weights[index] / sum(weights[index:])
        timings[package] = run(package, share, args.children)
        left -= timings[package]["wall"]
    for package, taken in timings.items():
        print(f"{package}: {taken['wall'] / 60:.1f} min wall, {taken['cpu'] / 60:.1f} min CPU")


if __name__ == "__main__":
    main()
