"""HTTP load on loopback: `make load`.

For each directory size (10,000 and 100,000 organizations from bench/directory_gen.py) it builds a SQLite
database with one tenant, its 300 users and the directory, starts uvicorn (2 worker processes, one per
core) and measures:
- start-up: seconds until /readyz answers 200 (every worker builds its indexes first), and the latency of
  the first check after that;
- three runs of /healthz then POST /v1/drafts/check with the realistic mix (bench/drafts_gen.py: many
  users, compose and send triggers, replies, long threads, attachment content), driven by wrk; each
  check figure is also given as a ratio to /healthz of the same run;
- one run of checks while an organization is edited every 5 s (each edit rebuilds the index in the
  background of every worker): p99 and the slowest check;
- each worker's resident memory at the end and its peak.
Bounded: every step has a time limit and the script stops its server.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from bench.check_bench import machine
from bench.directory_gen import make_directory
from bench.drafts_gen import DraftFactory
from bench.load_setup import ADMIN, build_database, request_body, versions_in_use
from bench.results import replace_section

TARGETS = {10_000: (1000.0, 50.0), 100_000: (600.0, 100.0)}  # checks/s, p99 ms
CHANGE_MAX_MS = 200.0
FIRST_CHECK_MS = 1000.0
WORKER_RSS_MB = 400.0
# How long to wait, after the last edit, for every worker to answer from the new index (a 100k build is seconds).
SWAP_WAIT_SECONDS = 120.0


# --- requests ------------------------------------------------------------------------------------


def wrk_script(requests: list[tuple[str, str]], path: Path) -> None:
    """A wrk script cycling through (user, body) pairs: every request as its own user."""
    entries = ",\n".join("{[==[" + user + "]==], [==[" + body + "]==]}" for user, body in requests)
    path.write_text(
        "local items = {\n" + entries + "\n}\n"
        "local i = math.random(#items)\n"
        'wrk.method = "POST"\n'
        'wrk.headers["Content-Type"] = "application/json"\n'
        "request = function()\n"
        "  i = (i % #items) + 1\n"
        '  wrk.headers["X-Dev-User"] = items[i][1]\n'
        "  return wrk.format(nil, nil, nil, items[i][2])\n"
        "end\n",
        encoding="utf-8",
    )


# --- server --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "AUTH_MODE": "dev",
        "MAILBOX_PROVIDER": "fake",
        "MIGRATE_ON_START": "false",
        "SCHEDULER_ENABLED": "false",
        "RATE_LIMIT_CHECKS_PER_MINUTE": "100000000",
        "LOG_LEVEL": "WARNING",
    }
    command = [
        *(sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port)),
        *("--workers", str(workers), "--no-access-log", "--log-level", "warning"),
    ]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, server: subprocess.Popen[bytes], seconds: float = 300.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server exited: " + (server.stderr.read() if server.stderr else b"").decode())
        try:
            if httpx.get(f"{base}/readyz", timeout=5).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise TimeoutError("the server did not become ready")


def timed_post(base: str, user: str, body: str) -> float:
    started = time.perf_counter()
    response = httpx.post(
        f"{base}/v1/drafts/check",
        content=body.encode(),
        headers={"Content-Type": "application/json", "X-Dev-User": user, "Connection": "close"},
        timeout=30,
    )
    response.raise_for_status()
    return (time.perf_counter() - started) * 1000


def worker_memory_mb(server: subprocess.Popen[bytes]) -> list[tuple[float, float]]:
    """(current RSS, peak RSS) of each worker process of the uvicorn parent."""
    result = []
    for pid in _children(server.pid):
        if b"resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes():
            continue  # multiprocessing's helper, not a worker
        status = Path(f"/proc/{pid}/status").read_text()
        values = {k: float(v.split()[0]) / 1024 for k, v in re.findall(r"^(VmRSS|VmHWM):\s+(.+)$", status, re.M)}
        if values:
            result.append((values["VmRSS"], values["VmHWM"]))
    return result


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found  # uvicorn's supervisor has the workers as its children


# --- wrk -----------------------------------------------------------------------------------------


def run_wrk(url: str, seconds: int, connections: int, threads: int, script: Path | None = None) -> dict[str, float]:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script is not None:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], check=True, capture_output=True, text=True, timeout=seconds + 60).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> dict[str, float]:
    def ms(value: str) -> float:
        number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()  # type: ignore[union-attr]
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}  # type: ignore[union-attr]
    for pct in ("50", "90", "99"):
        result[f"p{pct}"] = ms(re.search(rf"^\s+{pct}%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    result["max"] = ms(re.search(r"^\s+Latency\s+\S+\s+\S+\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    result["errors"] = float(errors.group(1)) if errors else 0.0
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", output)
    result["errors"] += float(timeouts.group(1)) if timeouts else 0.0
    result["requests"] = float(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    return result


# --- one directory size --------------------------------------------------------------------------


@dataclass
class SizeFigures:
    orgs: int
    ready_s: float
    first_check_ms: float
    health: list[dict[str, float]]
    checks: list[dict[str, float]]
    during_change: dict[str, float]
    edits: int
    memory: list[tuple[float, float]]
    # From the last edit until every worker answered from the index of the new version (None: not within the wait).
    swap_s: float | None = None


def edit_loop(base: str, org_id: str, stop: threading.Event, count: list[int], last: list[float]) -> None:
    """Give one organization another alias every 5 s: each edit bumps the version and rebuilds every worker's
    index, and changes what names find (the automaton and the organization table, the largest parts an edit of one
    organization changes; its contacts, domains and look-alike tables stay as they were)."""
    headers = {"X-Dev-User": ADMIN, "X-Dev-Role": "admin"}
    with httpx.Client(base_url=base, timeout=60) as client:
        while not stop.wait(5.0):
            count[0] += 1
            edit = {"aliases": [f"Quorvant {count[0]} Solar"]}
            response = client.patch(f"/v1/organizations/{org_id}", json=edit, headers=headers)
            response.raise_for_status()
            last[0] = time.monotonic()


def wait_for_swap(base: str, url: str, requests: list[tuple[str, str]], since: float, seconds: float) -> float | None:
    """Checks on fresh connections (so every worker answers some) until the latest ones all come from the index
    of the tenant's current version: the worker memory read after that includes holding two indexes at the swap."""
    deadline = time.monotonic() + seconds
    turn = 0
    while time.monotonic() < deadline:
        for user, body in requests[turn : turn + 20]:
            timed_post(base, user, body)
        turn = (turn + 20) % max(1, len(requests) - 20)
        time.sleep(1.0)  # the recorder writes check rows in batches
        version, used = versions_in_use(url)
        if used == {version}:
            return time.monotonic() - since
    return None


def bench_size(orgs: int, args: argparse.Namespace, workdir: Path) -> SizeFigures:
    print(f"load: {orgs:,} organizations: building the database ...", file=sys.stderr, flush=True)
    directory = make_directory(orgs)
    url = f"sqlite:///{workdir / f'load-{orgs}.db'}"
    org_id = build_database(url, directory)
    generated = DraftFactory(directory, seed=orgs).many(args.drafts)
    requests = [(g.user, request_body(g)) for g in generated]
    script = workdir / f"check-{orgs}.lua"
    wrk_script(requests, script)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    started = time.monotonic()
    server = start_server(url, port, args.workers)
    try:
        wait_ready(base, server)
        ready_s = time.monotonic() - started
        first_check_ms = timed_post(base, *requests[0])
        for user, body in requests[1:200]:  # fresh connections spread over every worker
            timed_post(base, user, body)
        health, checks = [], []
        for run in range(args.runs):
            print(f"load: {orgs:,} organizations: run {run + 1}", file=sys.stderr, flush=True)
            health.append(run_wrk(f"{base}/healthz", args.health_seconds, args.connections, args.threads))
            checks.append(run_wrk(f"{base}/v1/drafts/check", args.seconds, args.connections, args.threads, script))
        stop, edits, last_edit = threading.Event(), [0], [time.monotonic()]
        editor = threading.Thread(target=edit_loop, args=(base, org_id, stop, edits, last_edit), daemon=True)
        editor.start()
        during = run_wrk(f"{base}/v1/drafts/check", args.seconds, args.connections, args.threads, script)
        stop.set()
        editor.join(60)
        swap_s = wait_for_swap(base, url, requests, last_edit[0], SWAP_WAIT_SECONDS)
        memory = worker_memory_mb(server)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return SizeFigures(orgs, ready_s, first_check_ms, health, checks, during, edits[0], memory, swap_s)


# --- report --------------------------------------------------------------------------------------


def _spread(values: list[float], digits: int = 0) -> str:
    return f"{statistics.median(values):.{digits}f} ({min(values):.{digits}f}-{max(values):.{digits}f})"


def _ok(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(sizes: list[SizeFigures], args: argparse.Namespace) -> str:
    lines = [
        "# Load over HTTP",
        "",
        f"Run: `make load` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, machine: {machine()}. uvicorn with "
        f"{args.workers} worker processes and wrk ({args.threads} threads, {args.connections} connections) on the "
        "same cores, loopback, SQLite. Realistic mix: "
        f"{args.drafts} distinct drafts from bench/drafts_gen.py sent by 300 users in turn (a third `trigger: "
        "send`, a quarter with attachment content, 60 % replies, 10 % threads of 20-60 KB). "
        f"{args.runs} runs of {args.health_seconds} s /healthz then {args.seconds} s checks; figures are the "
        "median with the range over the runs in brackets. "
        "The machine is shared with other engineers' work: figures move between runs "
        f"(load average {args.load_before:.1f} before the run, {os.getloadavg()[0]:.1f} after it, on "
        f"{os.cpu_count()} cores).",
        "",
        "| orgs | ready after s | first check ms | /healthz req/s | checks/s | checks/s ÷ healthz | p50 ms | p99 ms "
        "| p99 ÷ healthz p99 | errors |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in sizes:
        rps = [c["rps"] for c in s.checks]
        ratio = [c["rps"] / h["rps"] for c, h in zip(s.checks, s.health, strict=True)]
        p99_ratio = [c["p99"] / h["p99"] for c, h in zip(s.checks, s.health, strict=True)]
        lines.append(
            f"| {s.orgs:,} | {s.ready_s:.1f} | {s.first_check_ms:.0f} | {_spread([h['rps'] for h in s.health])} "
            f"| {_spread(rps)} | {_spread(ratio, 2)} | {_spread([c['p50'] for c in s.checks], 1)} "
            f"| {_spread([c['p99'] for c in s.checks], 1)} | {_spread(p99_ratio, 1)} "
            f"| {sum(c['errors'] for c in s.checks):.0f} |"
        )
    lines += [
        "",
        "Checks while an organization is given another alias every 5 s (each edit rebuilds the index in every",
        "worker; a worker keeps the parts of the new index it holds already: here all but the automaton, its key",
        "tables and the organization table). Then",
        "checks on fresh connections until every worker answers from the index of the last edit's version; worker",
        "memory is read after that, so the peak includes the swap (the old index and the parts of the new one it does not "
        "share, one automaton at a time: the old one goes before the new one is read).",
        "",
        "| orgs | edits | checks/s | p99 ms | slowest ms | all workers on the new index after s | worker RSS MB (now / peak) |",
        "|---:|---:|---:|---:|---:|---:|---|",
    ]
    for s in sizes:
        memory = ", ".join(f"{now:.0f} / {peak:.0f}" for now, peak in s.memory)
        d = s.during_change
        swap = f"{s.swap_s:.1f}" if s.swap_s is not None else f"not within {SWAP_WAIT_SECONDS:.0f}"
        lines.append(
            f"| {s.orgs:,} | {s.edits} | {d['rps']:.0f} | {d['p99']:.1f} | {d['max']:.0f} | {swap} | {memory} |"
        )
    lines += ["", "| target | limit | measured | result |", "|---|---:|---:|---|"]
    for s in sizes:
        if s.orgs not in TARGETS:
            continue
        min_rps, max_p99 = TARGETS[s.orgs]
        rps, p99 = statistics.median(c["rps"] for c in s.checks), statistics.median(c["p99"] for c in s.checks)
        lines.append(f"| {s.orgs:,} orgs: throughput | >= {min_rps:.0f}/s | {rps:.0f}/s | {_ok(rps >= min_rps)} |")
        lines.append(f"| {s.orgs:,} orgs: p99 | <= {max_p99:.0f} ms | {p99:.1f} ms | {_ok(p99 <= max_p99)} |")
    for s in sizes:
        slowest, first = s.during_change["max"], s.first_check_ms
        peak = max((p for _, p in s.memory), default=0.0)
        lines.append(
            f"| {s.orgs:,} orgs: slowest check during changes | <= {CHANGE_MAX_MS:.0f} ms | {slowest:.0f} ms "
            f"| {_ok(slowest <= CHANGE_MAX_MS)} |"
        )
        lines.append(
            f"| {s.orgs:,} orgs: first check once ready | <= {FIRST_CHECK_MS:.0f} ms | {first:.0f} ms "
            f"| {_ok(first <= FIRST_CHECK_MS)} |"
        )
        after = max((now for now, _ in s.memory), default=0.0)
        lines.append(
            f"| {s.orgs:,} orgs: worker RSS after the swap | <= {WORKER_RSS_MB:.0f} MB | {after:.0f} MB "
            f"| {_ok(after <= WORKER_RSS_MB)} |"
        )
        lines.append(
            f"| {s.orgs:,} orgs: worker peak RSS (at the swap) | <= {WORKER_RSS_MB:.0f} MB | {peak:.0f} MB "
            f"| {_ok(peak <= WORKER_RSS_MB)} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=12)
    parser.add_argument("--health-seconds", type=int, default=5)
    parser.add_argument("--drafts", type=int, default=1000)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is not installed (make load installs it)", file=sys.stderr)
        return 2
    args.load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="sendguard-load-"))
    try:
        sizes = [bench_size(orgs, args, workdir) for orgs in args.orgs]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    text = report(sizes, args)
    print(text)
    if not args.no_write:
        replace_section("load", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
