"""Mutation scores per package from the runs `bench.mutate` left in build/mutate/<package> (`make mutate`).

Killed = the tests failed (or timed out) with the mutant in place. Survived = they passed, "no tests" = no test of
the package ran the mutated code. Mutants not reached within the time bound are counted as not checked, never as
killed; the score is over the mutants judged.

Time: wall minutes as measured, CPU minutes of mutmut and every test process it forked, and the load average
around the run. On a shared machine the CPU minutes are the honest figure: CPU minutes per judged mutant, times the
package's mutants, divided by 2 cores, is what the whole package takes alone on 2 cores (fixed costs included).
A package not run this time (`MUTATE_PACKAGES` narrows a run) keeps its row from the table already in
bench/RESULTS.md, marked with the time of that earlier run.
Usage: python -m bench.mutation_scores [--write]  (--write puts the table into bench/RESULTS.md)
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.mutate import WORK
from bench.results import RESULTS, replace_section

DETECTED = {"killed", "timeout", "caught by type check", "segfault"}
UNDETECTED = {"survived", "no tests", "suspicious"}
MUTMUT = Path(sys.executable).with_name("mutmut")
CORES = 2  # the bound is 30 minutes on 2 cores


def statuses(where: Path) -> Counter[str]:
    listing = subprocess.run(
        [str(MUTMUT), "results", "--all", "true"], cwd=where, capture_output=True, text=True, check=True
    )
    counts: Counter[str] = Counter()
    for line in listing.stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name.startswith("app."):
            counts[status] += 1
    return counts


def collect() -> dict[str, tuple[Counter[str], dict[str, Any]]]:
    found = {}
    for where in sorted(p for p in WORK.glob("*") if (p / "mutants").is_dir()):
        timing_file = where / "timing.json"
        timing = json.loads(timing_file.read_text(encoding="utf-8")) if timing_file.exists() else {}
        found[f"app/{where.name}"] = (statuses(where), timing)
    return found


def _time(counts: Counter[str], judged: int, timing: dict[str, Any]) -> tuple[str, str, str]:
    if not timing:
        return "—", "—", "—"
    cpu = timing["cpu"]
    whole = f"{cpu / judged * sum(counts.values()) / CORES / 60:.1f}" if judged else "—"
    load = f"{timing['load_before'][0]:.1f} / {timing['load_after'][0]:.1f}"
    return f"{timing['wall'] / 60:.1f} wall, {cpu / 60:.1f} CPU", whole, load


def table(found: dict[str, tuple[Counter[str], dict[str, Any]]]) -> str:
    rows = [
        "| package | mutants | judged | killed | of them by mypy | survived | no tests | not checked | score of judged "
        "| score of all | minutes (wall, CPU) | whole package alone on 2 cores, min | load before / after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---|",
    ]
    for package, (counts, timing) in found.items():
        detected = sum(counts[s] for s in DETECTED)
        survived = counts["survived"] + counts["suspicious"]
        judged = detected + sum(counts[s] for s in UNDETECTED)
        unchecked = sum(counts.values()) - judged
        score = f"{100 * detected / judged:.1f} %" if judged else "—"
        # Mutants not reached within the bound count as not killed here.
        score_of_all = f"{100 * detected / sum(counts.values()):.1f} %" if counts else "—"
        took, whole, load = _time(counts, judged, timing)
        rows.append(
            f"| {package} | {sum(counts.values())} | {judged} | {detected} | {counts['caught by type check']} "
            f"| {survived} | {counts['no tests']} | {unchecked} | {score} | {score_of_all} | {took} | {whole} | {load} |"
        )
    return "\n".join(rows)


def earlier_rows(measured: set[str]) -> list[str]:
    """Rows of the table in bench/RESULTS.md for packages not measured now, each marked with its run's time."""
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    section = re.search(r"<!-- begin:mutation-scores -->(.*?)<!-- end:mutation-scores -->", current, re.S)
    if not section:
        return []
    heading = re.search(r"\(([^)]*UTC)\)", section.group(1))
    rows = []
    for line in section.group(1).splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if not line.startswith("| app/") or cells[0].split(" ")[0] in measured:
            continue
        if heading and "(run of" not in cells[0]:
            cells[0] = f"{cells[0]} (run of {heading.group(1)})"
        rows.append("| " + " | ".join(cells) + " |")
    return rows


def whole_run() -> str:
    """The run's own line: its wall time against the bound, the lanes, any package the bound left unrun."""
    run_file = WORK / "run.json"
    if not run_file.exists():
        return ""
    run = json.loads(run_file.read_text(encoding="utf-8"))
    unrun = ", ".join(run["not_run"]) or "none"
    return (
        f"Whole run: {run['wall'] / 60:.1f} min wall for a bound of {run['minutes']:g} min, "
        f"{run['lanes']} packages at a time; packages not run: {unrun}.\n\n"
    )


def main() -> None:
    found = collect()
    text = whole_run() + "\n".join([table(found), *earlier_rows(set(found))])
    print(text)
    if "--write" in sys.argv:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        replace_section("mutation-scores", f"## Last `make mutate` ({when})\n\n{text}\n")


if __name__ == "__main__":
    main()
