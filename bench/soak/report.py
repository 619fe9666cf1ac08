"""The soak's figures as the markdown section of bench/RESULTS.md, and the verdicts it fails on."""

from __future__ import annotations

import argparse
import os
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from bench.check_bench import machine
from bench.soak.faults import ATTACK, DATABASE_FAULTS
from bench.soak.proof import Proof
from bench.soak.users import Answer, Run

# A database phase may answer 503 database_unavailable, within this many seconds.
ANSWER_503_WITHIN_SECONDS = 5.0
UNAVAILABLE = "503 database_unavailable"


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))] * 1000


def _in_database_fault(phase: str, answer: Answer) -> bool:
    """Started or ended while the database was away (a request in flight when it left or came back)."""
    return phase in DATABASE_FAULTS or answer.ended_phase in DATABASE_FAULTS


@dataclass
class Verdict:
    server_errors: int  # 5xx other than 503 database_unavailable, anywhere
    misplaced_503: int  # 503 outside the database phases
    slow_503: int  # 503 later than ANSWER_503_WITHIN_SECONDS
    max_503_s: float
    recovered_ok: int  # user requests answered 2xx in `recovered`

    @property
    def holds(self) -> bool:
        return self.server_errors == 0 and self.misplaced_503 == 0 and self.slow_503 == 0 and self.recovered_ok > 0


def verdict(run: Run) -> Verdict:
    errors = misplaced = slow = 0
    max_503 = 0.0
    for tally in (run.users, run.faults):
        for phase, answers in tally.answers.items():
            for answer in answers:
                if answer.status.startswith("5") and answer.status != UNAVAILABLE:
                    errors += 1
                if answer.status == UNAVAILABLE:
                    max_503 = max(max_503, answer.seconds)
                    misplaced += not _in_database_fault(phase, answer)
                    slow += answer.seconds > ANSWER_503_WITHIN_SECONDS
    recovered = sum(a.status.startswith("2") for a in run.users.answers.get("recovered", []))
    return Verdict(errors, misplaced, slow, max_503, recovered)


def _answers(answers: list[Answer]) -> str:
    counts = Counter(f"{a.kind} {a.status}" for a in answers)
    return ", ".join(f"{key}: {n}" for key, n in sorted(counts.items()))


def report(run: Run, args: argparse.Namespace, phases: list[str], proof: Proof, found: Verdict) -> str:
    lines = [
        "# Soak: well-behaved users while a fault script attacks and takes the database away",
        "",
        f"Run: `make soak` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, machine: {machine()}; load average "
        f"{args.load_before:.1f} before the run, {os.getloadavg()[0]:.1f} after it (the 2 cores are shared with "
        "other work: repeat runs vary by 2x in the p99s). All on loopback: PostgreSQL behind a TCP proxy "
        f"(bench/db_proxy.py), uvicorn with {args.workers} worker processes, {args.send_workers} scheduled-send worker "
        "processes, and the fake Microsoft Graph/Entra as one HTTPS server process shared by all of them "
        f"(AUTH_MODE=entra, MAILBOX_PROVIDER=graph; each send takes it {args.send_delay:g} s, so sends are under "
        "way when the database goes). Directory of "
        f"{args.orgs:,} organizations. {args.users} users (typical drafts; 10 % with a PDF to extract, 3 % record "
        "an incident, 5 % schedule a draft from their mailbox to be sent 1-4 s later), "
        f"{args.attackers} attacker threads of another organization in `attack`. Phases of {args.seconds} s, the "
        f"database phases {args.db_seconds} s: `db-blackhole` (the proxy passes no byte and closes nothing), "
        "`db-outage` (it closes every connection and resets new ones), then `recovered` (no restart). A request "
        "counts in the phase it started in.",
        "",
        "| phase | user requests | p50 ms | p99 ms | max ms | user answers (kind status: count) |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for phase in phases:
        answers = run.users.answers.get(phase, [])
        times = [a.seconds for a in answers]
        lines.append(
            f"| {phase} | {len(times)} | {percentile(times, 50):.1f} | {percentile(times, 99):.1f} | "
            f"{max(times, default=0) * 1000:.1f} | {_answers(answers)} |"
        )
    lines += ["", "| hostile input: answer | count |", "|---|---:|"]
    hostile = Counter(f"{a.kind}: {a.status}" for a in run.faults.answers.get(ATTACK, []))
    lines += [f"| {key} | {n} |" for key, n in sorted(hostile.items())]
    lines += [
        "",
        f"5xx other than 503 `database_unavailable`: {found.server_errors}. 503 outside the database phases: "
        f"{found.misplaced_503}. "
        f"Slowest 503: {found.max_503_s * 1000:.0f} ms ({found.slow_503} over {ANSWER_503_WITHIN_SECONDS:.0f} s). "
        f"User requests answered 2xx in `recovered`: {found.recovered_ok}.",
        "",
        "No data lost (read from the database directly and from the fake mailbox's count of send calls per draft, "
        f"after the scheduled-send queue drained in {proof.drained_after_s:.0f} s, {proof.waiting} still waiting):",
        "",
        f"- scheduled sends answered 201: {proof.accepted_sends}; sent with exactly one send call: "
        f"{proof.sent_once} (of which {proof.sent_after_a_retry} on a later attempt: the database went away during "
        "an earlier one, and after the claim's lease a worker looked in Sent Items before any send); `failed` with "
        f"a reason and no send call: {proof.failed_with_reason}; rows by status: "
        + ", ".join(f"{s} {n}" for s, n in sorted(proof.statuses.items()))
        + ";",
        f"- schedule requests not answered 201 whose draft was sent anyway (the row was written, the answer lost): "
        f"{proof.sends_of_unaccepted};",
        f"- incidents answered 201: {proof.accepted_incidents}; stored: {proof.incidents_found};",
        f"- checks answered 200: {proof.accepted_checks}; with their check record: {proof.check_records_found};",
        f"- violations: {len(proof.violations)}" + "".join(f"\n  - {v}" for v in proof.violations[:20]),
    ]
    return "\n".join(lines) + "\n"
