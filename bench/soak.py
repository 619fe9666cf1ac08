"""Soak on loopback: `make soak`. Well-behaved users keep checking drafts while a fault script attacks.

Starts uvicorn (2 worker processes) on a SQLite database with the demo tenant and a synthetic directory. Three
phases of bounded length: `calm` (users only), `attack` (users, plus a fault script sending hostile inputs: a DOCX
that inflates to 100 MB, PDFs that take pypdf seconds per page, 38 MB of JSON empty objects, bodies over the size
limit, NUL characters, unknown fields, invalid base64) and `after` (users only again). Users send typical drafts
(some with a real PDF attached) and record wrong sends as incidents.

Prints per phase the users' p50/p99 and the answers by status for users and for the fault script, checks that
every incident a user recorded is there at the end, and fails (exit 1) on any 5xx other than 503.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from bench.check_bench import machine
from bench.hostile import inflating_docx, slow_pdf, text_pdf
from bench.load import build_database, free_port, request_bodies
from bench.results import replace_section

PHASES = ("calm", "attack", "after")
DOMAIN = "acme-trade.example"
JSON = {"Content-Type": "application/json"}


@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {p: [] for p in PHASES})
    statuses: dict[str, Counter[str]] = field(default_factory=lambda: {p: Counter() for p in PHASES})
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, phase: str, status: str, seconds: float | None = None) -> None:
        with self.lock:
            self.statuses[phase][status] += 1
            if seconds is not None:
                self.latencies[phase].append(seconds)


@dataclass
class Run:
    phase: str = "calm"
    stop: threading.Event = field(default_factory=threading.Event)
    users: Tally = field(default_factory=Tally)
    faults: Tally = field(default_factory=Tally)
    incidents: Counter[str] = field(default_factory=Counter)


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "AUTH_MODE": "dev",
        "MAILBOX_PROVIDER": "fake",
        "MIGRATE_ON_START": "false",
        "SCHEDULER_ENABLED": "false",
        "RATE_LIMIT_CHECKS_PER_MINUTE": "100000000",
        "RATE_LIMIT_SCANS_PER_MINUTE": "100000000",
        "LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers), "--no-access-log", "--log-level", "warning"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_ready(base: str, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    with httpx.Client(base_url=base, timeout=5) as client:
        while time.monotonic() < deadline:
            try:
                if client.get("/readyz").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
    raise RuntimeError("the server did not become ready")


# --- the well-behaved users -----------------------------------------------------------------------------


def user_requests(bodies: list[str], seed: int) -> Callable[[], tuple[str, str, dict[str, object] | str]]:
    """A user's next request: mostly checks, some with a PDF attached, now and then a wrong-send incident."""
    rng = random.Random(seed)
    pdf = base64.b64encode(text_pdf(["PROFORMA INVOICE PI-2026-001", "Buyer: SolarTech GmbH"])).decode()

    def pick() -> tuple[str, str, dict[str, object] | str]:
        roll = rng.random()
        body = rng.choice(bodies)
        if roll < 0.1:
            draft = json.loads(body)["draft"]
            draft["attachments"] = [{"name": "PI_2026-001.pdf", "content_base64": pdf}]
            return "check", "/v1/drafts/check", {"client": "outlook", "trigger": "send", "draft": draft}
        if roll < 0.13:
            draft = json.loads(body)["draft"]
            wrong = (draft["to"] or [{"email": "l.gomez@sunpeak.example"}])[0]["email"]
            incident = {"message": draft, "wrong_recipients": [wrong], "intended_recipients": []}
            return "incident", "/v1/incidents", incident
        return "check", "/v1/drafts/check", body

    return pick


def user(base: str, run: Run, number: int, bodies: list[str]) -> None:
    headers = {**JSON, "X-Dev-User": f"user{number}@{DOMAIN}"}
    pick = user_requests(bodies, number)
    with httpx.Client(base_url=base, timeout=30) as client:
        while not run.stop.is_set():
            kind, path, body = pick()
            content = body if isinstance(body, str) else json.dumps(body)
            phase = run.phase
            started = time.perf_counter()
            try:
                response = client.post(path, content=content, headers=headers)
                status = str(response.status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            run.users.add(phase, status, time.perf_counter() - started)
            if kind == "incident" and status == "201":
                run.incidents[headers["X-Dev-User"]] += 1
            time.sleep(0.02)  # a person's pace, many of them


# --- the fault script -----------------------------------------------------------------------------------


def hostile_requests() -> list[tuple[str, str, bytes]]:
    """(name, path, JSON body) of each hostile input."""

    def scan(name: str, data: bytes) -> bytes:
        return json.dumps({"name": name, "content_base64": base64.b64encode(data).decode()}).encode()

    empties = b'{"draft": {"to": [{"email": "a@b.example"}]}, "ignored": [' + b"{}," * (12 * 1024 * 1024) + b"{}]}"
    nul = {"draft": {"to": [{"email": "a@b.example", "name": "A\u0000B"}], "subject": "PI\u0000", "body": "x"}}
    nul_incident = {
        "message": {"to": [{"email": "b@rival.example"}], "attachments": [{"name": "PI\u0000.pdf"}]},
        "wrong_recipients": ["b@rival.example"],
    }
    unknown = {"draft": {"to": [{"email": "a@b.example"}]}, "debug": True}
    too_large = b'{"draft": {"body": "' + b"x" * (41 * 1024 * 1024) + b'"}}'
    bad_base64 = {"name": "x.pdf", "content_base64": "not base64 at all!"}
    return [
        ("docx_inflating_100mb", "/v1/attachments/scan", scan("CV.docx", inflating_docx())),
        ("slow_pdf", "/v1/attachments/scan", scan("PI.pdf", slow_pdf())),
        ("json_empty_objects_38mb", "/v1/drafts/check", empties),
        ("body_over_limit", "/v1/drafts/check", too_large),
        ("nul_in_check", "/v1/drafts/check", json.dumps(nul).encode()),
        ("nul_in_incident", "/v1/incidents", json.dumps(nul_incident).encode()),
        ("unknown_field", "/v1/drafts/check", json.dumps(unknown).encode()),
        ("invalid_base64", "/v1/attachments/scan", json.dumps(bad_base64).encode()),
    ]


def attacker(base: str, run: Run, number: int, inputs: list[tuple[str, str, bytes]]) -> None:
    headers = {**JSON, "X-Dev-User": f"mallory{number}@evil.example"}
    with httpx.Client(base_url=base, timeout=60) as client:
        turn = number
        while not run.stop.is_set():
            if run.phase != "attack":
                time.sleep(0.1)
                continue
            name, path, body = inputs[turn % len(inputs)]
            turn += 1
            try:
                status = str(client.post(path, content=body, headers=headers).status_code)
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            run.faults.add(run.phase, f"{name}: {status}")


# --- report ---------------------------------------------------------------------------------------------


def percentile(values: list[float], pct: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))] * 1000


def server_errors(tally: Tally) -> int:
    """Answers 500-599 other than 503 (statuses are "404" for users, "input: 404" for the fault script)."""
    codes = (status.rsplit(" ", 1)[-1] for counts in tally.statuses.values() for status in counts.elements())
    return sum(1 for code in codes if code.startswith("5") and code != "503")


def report(run: Run, args: argparse.Namespace, incidents_found: int) -> str:
    lines = [
        "# Soak: well-behaved users while a fault script attacks",
        "",
        f"Run: `make soak` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, machine: {machine()}. uvicorn with "
        f"{args.workers} worker processes on loopback, SQLite, directory of {args.orgs:,} organizations plus the demo "
        f"tenant. {args.users} users (typical drafts; 10 % with a PDF to extract; 3 % record an incident), "
        f"{args.attackers} attacker threads in the `attack` phase; {args.seconds} s per phase. Client and server "
        "share the 2 cores (with other work on this machine: repeat runs vary by 2x in the `attack` p99). Hostile "
        "files are read by the extraction workers (2 per server process, killed at EXTRACTION_SECONDS=2); one "
        "tenant holds at most one of them, so users' PDFs wait for the other one, and its CPU is shared with the "
        "attacker's.",
        "",
        "| phase | user requests | p50 ms | p99 ms | max ms | user answers |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for phase in PHASES:
        times = run.users.latencies[phase]
        answers = ", ".join(f"{s}: {n}" for s, n in sorted(run.users.statuses[phase].items()))
        lines.append(
            f"| {phase} | {len(times)} | {percentile(times, 50):.1f} | {percentile(times, 99):.1f} | "
            f"{max(times, default=0) * 1000:.1f} | {answers} |"
        )
    lines += ["", "| hostile input: answer | count |", "|---|---:|"]
    for status, n in sorted(run.faults.statuses["attack"].items()):
        lines.append(f"| {status} | {n} |")
    recorded = sum(run.incidents.values())
    lines += [
        "",
        f"Incidents recorded by users (201): {recorded}; found afterwards through `GET /v1/incidents`: "
        f"{incidents_found}.",
        f"5xx other than 503: users {server_errors(run.users)}, fault script {server_errors(run.faults)}.",
    ]
    return "\n".join(lines) + "\n"


def count_incidents(base: str, run: Run) -> int:
    found = 0
    with httpx.Client(base_url=base, timeout=30) as client:
        for email in run.incidents:
            response = client.get("/v1/incidents", params={"limit": 200}, headers={"X-Dev-User": email})
            response.raise_for_status()
            found += len(response.json())
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, default=2_000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--attackers", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="sendguard-soak-"))
    url = f"sqlite:///{workdir / 'soak.db'}"
    build_database(url, args.orgs)
    bodies = request_bodies(args.orgs, 300)
    inputs = hostile_requests()
    port = free_port()
    server = start_server(url, port, args.workers)
    run = Run()
    base = f"http://127.0.0.1:{port}"
    try:
        wait_ready(base)
        threads = [threading.Thread(target=user, args=(base, run, n, bodies)) for n in range(args.users)]
        threads += [threading.Thread(target=attacker, args=(base, run, n, inputs)) for n in range(args.attackers)]
        for thread in threads:
            thread.start()
        for phase in PHASES:
            run.phase = phase
            print(f"phase {phase} ({args.seconds} s)", flush=True)
            time.sleep(args.seconds)
        run.stop.set()
        for thread in threads:
            thread.join(timeout=120)
        incidents_found = count_incidents(base, run)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
    text = report(run, args, incidents_found)
    print(text)
    if not args.no_write:
        replace_section("soak", text)
    failed = server_errors(run.users) + server_errors(run.faults) > 0 or incidents_found != sum(run.incidents.values())
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
