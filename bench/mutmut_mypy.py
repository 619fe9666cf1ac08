"""mypy for mutmut's `type_check_command` (bench/mutate.py), keeping only errors inside mutant functions.

mutmut maps each mypy error to the mutant function around its line and stops the whole run on one it cannot
map. Its generated files give mypy a few complaints of their own outside any mutant (an `__init__` copied next
to its variants redefines the attributes it annotates); those say nothing about a mutant, so they are dropped.

Usage (from mutmut's mutants/ directory): python -m bench.mutmut_mypy mypy <mypy arguments>; prints mypy's JSON lines.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from functools import cache

_MUTANT = re.compile(r"__mutmut_\d+$")


@cache
def _mutant_spans(path: str) -> tuple[tuple[int, int], ...]:
    with open(path, encoding="utf-8") as source:
        tree = ast.parse(source.read())
    return tuple(
        (node.lineno, node.end_lineno or node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _MUTANT.search(node.name)
    )


def in_a_mutant(error: dict[str, object]) -> bool:
    line = error.get("line")
    return isinstance(line, int) and any(a <= line <= b for a, b in _mutant_spans(str(error["file"])))


def main(arguments: list[str]) -> None:
    finished = subprocess.run([sys.executable, "-m", *arguments], capture_output=True, text=True, check=False)
    for line in finished.stdout.splitlines():
        if line.strip() and in_a_mutant(json.loads(line)):
            print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
