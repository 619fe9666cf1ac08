"""Soak on loopback: `make soak`. Well-behaved users keep working while a fault script attacks the service and
takes its database away; afterwards the soak proves that nothing the service accepted was lost.

Phases (bounded, lengths by flag): `calm` (users only), `attack` (plus hostile inputs from another organization),
`after` (users only), `db-blackhole` and `db-outage` (the database's proxy stops forwarding, then refuses), and
`recovered` (the database is back, nothing is restarted). See bench/soak/services.py for what runs, users.py for
the users, faults.py for the fault script, proof.py for the proof of no loss and report.py for the figures.

Fails (exit 1) on any 5xx other than 503, a 503 outside the database phases or slower than 5 s, no successful
user request in `recovered`, or any lost or doubled scheduled send or lost incident.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from bench.directory_gen import INTERNAL_DOMAINS, Directory, make_directory
from bench.results import replace_section
from bench.soak.faults import attacker, enter_phase, hostile_requests
from bench.soak.proof import prove
from bench.soak.report import report, verdict
from bench.soak.services import Services, running
from bench.soak.users import Run, user, user_bodies

PHASES = ("calm", "attack", "after", "db-blackhole", "db-outage", "recovered")
DATABASE_PHASES = ("db-blackhole", "db-outage")
DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL", DEFAULT_POSTGRES))
    parser.add_argument("--orgs", type=int, default=2_000)
    parser.add_argument("--seconds", type=int, default=15, help="length of calm, attack, after and recovered")
    parser.add_argument("--db-seconds", type=int, default=15, help="length of each database phase")
    parser.add_argument("--drain-seconds", type=int, default=150, help="longest wait for the send queue")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--attackers", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2, help="API worker processes")
    parser.add_argument("--send-workers", type=int, default=2, help="scheduled-send worker processes")
    parser.add_argument(
        "--send-delay",
        type=float,
        default=0.5,
        help="seconds the mailbox takes per send, so that sends are under way when the database goes",
    )
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--keep-logs", action="store_true", help="keep the services' log (kept anyway on failure)")
    return parser.parse_args(argv)


def drive(services: Services, directory: Directory, run: Run, args: argparse.Namespace) -> None:
    emails = [e for e in directory.users if e.endswith(INTERNAL_DOMAINS[0])][: args.users]
    inputs = hostile_requests()
    threads = [
        threading.Thread(
            target=user,
            args=(services.api, services.mailbox, run, email, user_bodies(directory, email, 50, n), n),
        )
        for n, email in enumerate(emails)
    ]
    threads += [
        threading.Thread(target=attacker, args=(services.api, services.mailbox, run, n, inputs))
        for n in range(args.attackers)
    ]
    for thread in threads:
        thread.start()
    try:
        for phase in PHASES:
            enter_phase(run, services.proxy, phase)
            seconds = args.db_seconds if phase in DATABASE_PHASES else args.seconds
            print(f"soak: phase {phase} ({seconds} s)", flush=True)
            time.sleep(seconds)
    finally:
        run.stop.set()
        for thread in threads:
            thread.join(timeout=120)


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    args.load_before = os.getloadavg()[0]
    workdir = Path(tempfile.mkdtemp(prefix="sendguard-soak-"))
    run = Run()
    print("soak: building the database and starting the services ...", flush=True)
    directory = make_directory(args.orgs)
    with running(
        args.postgres,
        directory,
        workdir,
        api_workers=args.workers,
        send_workers=args.send_workers,
        send_delay=args.send_delay,
    ) as services:
        drive(services, directory, run, args)
        print("soak: waiting for the scheduled sends to drain ...", flush=True)
        engine = services.direct_engine()
        try:
            proof = prove(engine, run.accepted, services.mailbox.sends, args.drain_seconds)
        finally:
            engine.dispose()
    found = verdict(run)
    text = report(run, args, list(PHASES), proof, found)
    print(text)
    if not args.no_write:
        replace_section("soak", text)
    passed = found.holds and proof.holds
    if passed and not args.keep_logs:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print(f"soak: the services' log is in {workdir / 'services.log'}", flush=True)
    print("soak: passed" if passed else "soak: FAILED", flush=True)
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
