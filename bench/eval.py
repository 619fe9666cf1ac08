"""Labelled evaluation of the analysis engine on realistic export trade drafts (tests/eval/cases_*.py).

Run: python -m bench.eval [--markdown]

Every case goes through `check()` with CheckContext(known_correspondents). Measures:

- per finding code: recall = risky cases expecting the code where it fired at >= the expected minimum severity;
  false-warning rate = share of NORMAL cases where the code fired at severity >= medium.
- per language: recall over all expectations of its risky cases (each `expect` entry, and each `absent` entry of
  a risky case, e.g. "no separate exposed_recipients card beside rival_exposure"); false-warning rate = share of
  normal cases whose verdict is not "ok", or that carry any finding >= medium, or where a code listed in `absent`
  fired at >= low.
- every result: no two findings with the same localized title (en and zh-CN).

Exit status 1 when the total or any language's recall is < 97 %, its false-warning rate > 3 %, or titles repeat;
every failing case is listed below the table.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from app.analysis.context import CheckContext
from app.analysis.directory import SEVERITIES, DirectorySnapshot
from app.analysis.draft import Attachment, Draft, Recipient
from app.analysis.engine import check
from app.analysis.findings import FINDING_CODES, CheckResult
from app.analysis.index import build_index
from app.analysis.messages import localize
from bench.results import replace_section

LANGS = ("en", "zh", "de", "es", "fr")
# DESIGN.md's table, including the code being added (invalid_address).
CODES: tuple[str, ...] = tuple(dict.fromkeys((*FINDING_CODES, "invalid_address")))
MIN_RECALL = 0.97
MAX_FALSE_WARNINGS = 0.03
TITLE_LOCALES = ("en", "zh-CN")


def rank(severity: str) -> int:
    return SEVERITIES.index(severity)


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    for lang in LANGS:
        for batch in ("cases", "cases_more", "cases_third", "cases_fourth"):
            module = importlib.import_module(f"tests.eval.{batch}_{lang}")
            cases.extend(module.CASES)
    return cases


def to_draft(case: dict[str, Any]) -> Draft:
    d = case["draft"]

    def recipients(key: str) -> tuple[Recipient, ...]:
        return tuple(Recipient(email=e, name=n) for e, n in d.get(key, ()))

    return Draft(
        sender=d["from"][0],
        to=recipients("to"),
        cc=recipients("cc"),
        bcc=recipients("bcc"),
        subject=d.get("subject", ""),
        body=d.get("body", ""),
        body_format=d.get("body_format", "text"),
        attachments=tuple(
            Attachment(name=name, size=len(text or "") or 48_000, text=text) for name, text in d.get("attachments", ())
        ),
    )


def context_for(case: dict[str, Any]) -> CheckContext:
    known = case.get("known_correspondents")
    return CheckContext(
        known_correspondents=frozenset(a.lower() for a in known) if known is not None else None,
    )


@dataclass
class CaseOutcome:
    case: dict[str, Any]
    got: dict[str, str]  # code -> highest severity
    verdict: str
    missed: list[str] = field(default_factory=list)  # expectations not met: "code>=sev"
    absent_violations: list[str] = field(default_factory=list)
    duplicate_titles: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def kind(self) -> str:
        return str(self.case["kind"])

    @property
    def false_warning(self) -> bool:
        if self.kind != "normal":
            return False
        if self.error:
            return True
        loud = any(rank(s) >= rank("medium") for s in self.got.values())
        return self.verdict != "ok" or loud or bool(self.absent_violations)

    @property
    def failed(self) -> bool:
        return bool(self.missed or self.absent_violations or self.duplicate_titles or self.error or self.false_warning)


def run_case(case: dict[str, Any], index: Any) -> CaseOutcome:
    try:
        result: CheckResult = check(to_draft(case), index, context_for(case))
    except Exception:  # noqa: BLE001  # a crash is a failed case, reported with its traceback tail
        outcome = CaseOutcome(case, {}, "error", error=traceback.format_exc(limit=3).strip().splitlines()[-1])
        outcome.missed = [f"{c}>={s}" for c, s in case.get("expect", {}).items()]
        return outcome
    got: dict[str, str] = {}
    for f in result.findings:
        if f.code not in got or rank(f.severity) > rank(got[f.code]):
            got[f.code] = f.severity
    outcome = CaseOutcome(case, got, result.verdict)
    for code, minimum in case.get("expect", {}).items():
        if code not in got or rank(got[code]) < rank(minimum):
            outcome.missed.append(f"{code}>={minimum}")
    for code in case.get("absent", ()):
        if code in got and rank(got[code]) >= rank("low"):
            outcome.absent_violations.append(code)
    for locale in TITLE_LOCALES:
        titles = Counter(f.title for f in localize(result, locale).findings)
        outcome.duplicate_titles += [f"{locale}: {t}" for t, n in titles.items() if n > 1]
    return outcome


@dataclass
class Row:
    name: str
    cases: int = 0
    normal: int = 0
    risky: int = 0
    expected: int = 0
    met: int = 0
    false_warnings: int = 0

    @property
    def recall(self) -> float:
        return self.met / self.expected if self.expected else 1.0

    @property
    def fw_rate(self) -> float:
        return self.false_warnings / self.normal if self.normal else 0.0

    @property
    def ok(self) -> bool:
        return self.recall >= MIN_RECALL and self.fw_rate <= MAX_FALSE_WARNINGS


@dataclass
class Report:
    outcomes: list[CaseOutcome]
    by_code: dict[str, Row]
    by_lang: dict[str, Row]
    total: Row

    @property
    def duplicate_titles(self) -> list[CaseOutcome]:
        return [o for o in self.outcomes if o.duplicate_titles]

    @property
    def passed(self) -> bool:
        return self.total.ok and all(r.ok for r in self.by_lang.values()) and not self.duplicate_titles

    @property
    def failures(self) -> list[CaseOutcome]:
        return [o for o in self.outcomes if o.failed]


def evaluate(cases: list[dict[str, Any]] | None = None, directory: DirectorySnapshot | None = None) -> Report:
    """Score the drafts against `directory` (default: the curated directory of tests/eval)."""
    from tests.eval.directory import snapshot

    cases = cases if cases is not None else load_cases()
    index = build_index(directory or snapshot())
    outcomes = [run_case(case, index) for case in cases]
    normal_total = sum(1 for o in outcomes if o.kind == "normal")
    by_code = {code: Row(code, normal=normal_total) for code in CODES}
    by_lang = {lang: Row(lang) for lang in LANGS}
    for o in outcomes:
        lang_row = by_lang[o.case["lang"]]
        lang_row.cases += 1
        if o.kind == "normal":
            lang_row.normal += 1
            lang_row.false_warnings += o.false_warning
            for code, severity in o.got.items():
                if rank(severity) >= rank("medium"):
                    by_code.setdefault(code, Row(code, normal=normal_total)).false_warnings += 1
        else:
            lang_row.risky += 1
            expectations = list(o.case.get("expect", {}).items())
            lang_row.expected += len(expectations) + len(o.case.get("absent", ()))
            lang_row.met += len(expectations) - len(o.missed) + len(o.case.get("absent", ())) - len(o.absent_violations)
            missed_codes = {m.split(">=")[0] for m in o.missed}
            for code, _ in expectations:
                row = by_code.setdefault(code, Row(code, normal=normal_total))
                row.risky += 1
                row.expected += 1
                row.met += code not in missed_codes
    total = Row("total")
    for row in by_lang.values():
        total.cases += row.cases
        total.normal += row.normal
        total.risky += row.risky
        total.expected += row.expected
        total.met += row.met
        total.false_warnings += row.false_warnings
    return Report(outcomes, by_code, by_lang, total)


def _pct(x: float) -> str:
    return f"{100 * x:.1f} %"


def _table(headers: list[str], rows: list[list[str]], markdown: bool) -> str:
    if markdown:
        lines = [
            "| " + " | ".join(headers) + " |",
            "|" + "|".join("---:" if i else "---" for i in range(len(headers))) + "|",
        ]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:{'<' if i == 0 else '>'}{w}}}" for i, w in enumerate(widths))
    return "\n".join([fmt.format(*headers), fmt.format(*("-" * w for w in widths))] + [fmt.format(*r) for r in rows])


def render(report: Report, markdown: bool = False) -> str:
    out: list[str] = []
    out.append(("### " if markdown else "") + "Per finding code")
    rows = []
    for code, r in report.by_code.items():
        rows.append(
            [
                code,
                str(r.expected),
                str(r.met),
                _pct(r.recall) if r.expected else "-",
                str(r.false_warnings),
                _pct(r.fw_rate),
            ]
        )
    out.append(
        _table(["code", "expected", "caught", "recall", "normal >= medium", "false-warning rate"], rows, markdown)
    )
    out.append("")
    out.append(("### " if markdown else "") + "Per language")
    rows = []
    for r in [*report.by_lang.values(), report.total]:
        rows.append(
            [
                r.name,
                str(r.cases),
                str(r.normal),
                str(r.risky),
                str(r.expected),
                str(r.met),
                _pct(r.recall),
                str(r.false_warnings),
                _pct(r.fw_rate),
                "PASS" if r.ok else "FAIL",
            ]
        )
    out.append(
        _table(
            [
                "language",
                "cases",
                "normal",
                "risky",
                "expectations",
                "met",
                "recall",
                "false warnings",
                "false-warning rate",
                "result",
            ],
            rows,
            markdown,
        )
    )
    out.append("")
    dup = report.duplicate_titles
    out.append(f"Results with two findings of the same localized title (en, zh-CN): {len(dup)}")
    out.append(
        f"Thresholds: recall >= {MIN_RECALL:.0%}, false-warning rate <= {MAX_FALSE_WARNINGS:.0%} "
        f"(total and every language). Overall: {'PASS' if report.passed else 'FAIL'}"
    )
    return "\n".join(out)


def render_failures(report: Report) -> str:
    lines = [f"Failing cases ({len(report.failures)}):"]
    for o in report.failures:
        got = ", ".join(f"{c}:{s}" for c, s in sorted(o.got.items(), key=lambda kv: -rank(kv[1]))) or "-"
        exp = ", ".join(f"{c}>={s}" for c, s in o.case.get("expect", {}).items()) or "(normal: verdict ok, < medium)"
        problems = []
        if o.missed:
            problems.append("missed " + ", ".join(o.missed))
        if o.absent_violations:
            problems.append("must be absent: " + ", ".join(o.absent_violations))
        if o.kind == "normal" and o.false_warning and not o.error:
            problems.append(f"false warning (verdict {o.verdict})")
        if o.duplicate_titles:
            problems.append("duplicate titles: " + "; ".join(o.duplicate_titles))
        if o.error:
            problems.append("error: " + o.error)
        lines.append(f"- {o.case['id']} [{o.kind}] {o.case['why']}")
        lines.append(f"    expected: {exp}")
        lines.append(f"    got:      {got} (verdict {o.verdict})")
        lines.append(f"    problem:  {'; '.join(problems)}")
    return "\n".join(lines)


_EVAL_NOTE = (
    "Labelled drafts in tests/eval (five languages, written from how trade mail looks, in two batches by people\n"
    "who did not read the engine): recall = risky drafts whose expected finding appears at its severity or worse;\n"
    "false-warning rate = normal drafts that get a prompt (verdict not ok, or any finding of medium or worse).\n"
    "Targets: recall >= 97 %, false warnings <= 3 %, in total and per language; `make eval` fails otherwise.\n"
    "The rules were then fixed by category against each batch's failures. On arrival, before those fixes: first\n"
    "batch 95.0 % / 2.1 %, second 95.8 % / 10.8 %, third 84.9 % / 3.7 %, fourth 92.7 % / 2.0 % (96.2 % without\n"
    "four labels that expected large_audience as a card of its own). So this is now a regression suite, and the\n"
    "arrival figures are the honest estimate for mail it has never seen. The last false warning (en-q038: a\n"
    "customer's own forwarder at a domain the directory does not know counted as another organization) went\n"
    "with a rule for the category: unknown recipients whose name or domain says they move goods are no exposure.\n"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--markdown", action="store_true", help="print the tables as Markdown")
    parser.add_argument("--write", action="store_true", help="also put the Markdown tables into bench/RESULTS.md")
    args = parser.parse_args(argv)
    report = evaluate()
    print(render(report, markdown=args.markdown))
    if args.write:
        heading = "## Detection on labelled drafts (`make eval`)\n\n" + _EVAL_NOTE
        replace_section("eval", heading + "\n" + render(report, markdown=True))
    if report.failures:
        print()
        print(render_failures(report))
    return 0 if report.passed else 1


if __name__ == "__main__":
    sys.exit(main())
