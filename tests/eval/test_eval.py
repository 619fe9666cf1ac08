"""The labelled evaluation set (tests/eval/cases_*.py) as a test: thresholds, distinct titles, structure.

Same measurement as `make eval` / `python -m bench.eval`; the failure message lists the failing cases.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from bench.eval import CODES, LANGS, MAX_FALSE_WARNINGS, MIN_RECALL, Report, evaluate, load_cases, render_failures
from tests.eval.directory import snapshot

SEVERITIES = ("info", "low", "medium", "high", "critical")


@pytest.fixture(scope="module")
def cases() -> list[dict[str, Any]]:
    return load_cases()


@pytest.fixture(scope="module")
def report(cases: list[dict[str, Any]]) -> Report:
    return evaluate(cases)


def test_set_is_large_and_mostly_realistic_normal_mail(cases: list[dict[str, Any]]) -> None:
    assert len(cases) >= 150
    normal = sum(1 for c in cases if c["kind"] == "normal")
    assert normal / len(cases) >= 0.40
    assert {c["lang"] for c in cases} == set(LANGS)
    per_lang = Counter(c["lang"] for c in cases)
    assert all(per_lang[lang] >= 35 for lang in LANGS), per_lang


def test_every_code_is_expected_at_least_five_times(cases: list[dict[str, Any]]) -> None:
    covered = Counter(code for c in cases if c["kind"] == "risky" for code in c["expect"])
    assert {code: covered[code] for code in CODES if covered[code] < 5} == {}


def test_cases_are_well_formed(cases: list[dict[str, Any]]) -> None:
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids))
    org_ids = {o.id for o in snapshot().organizations}
    assert org_ids  # the directory loads
    for c in cases:
        assert c["kind"] in ("normal", "risky"), c["id"]
        assert c["id"].startswith(c["lang"] + "-")
        assert c["why"]
        d = c["draft"]
        assert d["to"] or d["cc"] or d["bcc"], c["id"]
        assert d["body_format"] in ("text", "html")
        if c["kind"] == "risky":
            assert c["expect"], c["id"]
            assert all(code in CODES and sev in SEVERITIES for code, sev in c["expect"].items()), c["id"]
        else:
            assert "expect" not in c, c["id"]
        assert all(code in CODES for code in c.get("absent", ())), c["id"]


def test_no_result_has_two_findings_with_the_same_title(report: Report) -> None:
    dup = {o.case["id"]: o.duplicate_titles for o in report.duplicate_titles}
    assert dup == {}


def test_recall_and_false_warnings_meet_the_targets(report: Report) -> None:
    rows = [*report.by_lang.values(), report.total]
    bad = [
        f"{r.name}: recall {r.recall:.1%} (>= {MIN_RECALL:.0%}), false warnings {r.fw_rate:.1%} "
        f"(<= {MAX_FALSE_WARNINGS:.0%})"
        for r in rows
        if not r.ok
    ]
    assert not bad, "\n".join(bad) + "\n\n" + render_failures(report)
