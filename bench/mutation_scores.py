"""Mutation scores per package from mutmut's results (`make mutate` runs it after `mutmut run`).

Killed = the tests failed (or timed out) with the mutant in place. Survived = they passed, "no tests" =
no test ran the mutated code. Mutants not reached within the time bound are counted as not checked.
Usage: python -m bench.mutation_scores [--write]  (--write puts the table into bench/RESULTS.md)
"""

from __future__ import annotations

import subprocess
import sys
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path

from bench.results import replace_section

DETECTED = {"killed", "timeout", "caught by type check", "segfault"}
UNDETECTED = {"survived", "no tests", "suspicious"}
MUTMUT = Path(sys.executable).with_name("mutmut")


def package_of(mutant: str) -> str:
    """app.incidents.letters.x_build_letters__mutmut_3 -> app/incidents"""
    return "/".join(mutant.split(".")[:2])


def collect() -> dict[str, Counter[str]]:
    listing = subprocess.run([str(MUTMUT), "results", "--all", "true"], capture_output=True, text=True, check=True)
    by_package: dict[str, Counter[str]] = defaultdict(Counter)
    for line in listing.stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name.startswith("app."):
            by_package[package_of(name)][status] += 1
    return by_package


def table(by_package: dict[str, Counter[str]]) -> str:
    rows = [
        "| package | mutants | killed | survived | no tests | not checked | score |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for package, counts in sorted(by_package.items()):
        detected = sum(counts[s] for s in DETECTED)
        survived = counts["survived"] + counts["suspicious"]
        judged = detected + sum(counts[s] for s in UNDETECTED)
        unchecked = sum(counts.values()) - judged
        score = f"{100 * detected / judged:.1f} %" if judged else "—"
        rows.append(
            f"| {package} | {sum(counts.values())} | {detected} | {survived} | {counts['no tests']} | {unchecked} | {score} |"
        )
    return "\n".join(rows)


def main() -> None:
    text = table(collect())
    print(text)
    if "--write" in sys.argv:
        when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
        replace_section("mutation", f"# Mutation testing\n\nRun: `make mutate` on {when}.\n\n{text}\n")


if __name__ == "__main__":
    main()
