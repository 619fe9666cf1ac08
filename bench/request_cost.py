"""CPU time per request in process, over the ASGI app: what a check costs beyond the engine.

Run: python -m bench.request_cost [--orgs 10000 100000] [--profile] [--no-write]
Builds the same SQLite database as `make load` (one tenant, 300 users, a generated directory), runs the
app's lifespan and sends requests through httpx's ASGI transport, one at a time, each as one of the 300
users in turn. CPU time is the process's (the event loop and the thread pool together), so it depends far
less on how busy the machine is than wall time. The realistic mix's drafts are also run through the engine
alone (attachment text as extracted), so the request path's own cost can be set against /healthz's.
With --profile, prints a profile of the checks (thread-pool work included) instead of writing results.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from app.analysis.context import CheckContext
from app.analysis.engine import check as run_engine
from app.analysis.index import build_index
from app.config import Settings
from app.main import create_app
from bench.check_bench import machine
from bench.directory_gen import Directory, make_directory
from bench.drafts_gen import DraftFactory, GeneratedDraft
from bench.load import build_database, request_body
from bench.results import replace_section

TRIVIAL = '{"draft": {"to": [{"email": "a@example.com"}], "subject": "Hi", "body": "Hello"}}'
OVERHEAD_LIMIT = 2.0  # the check's cost beyond the engine, as a multiple of /healthz's


@dataclass
class SizeCost:
    orgs: int
    healthz_ms: float
    check_ms: float
    trivial_ms: float
    engine_ms: float

    @property
    def overhead_ms(self) -> float:
        return self.check_ms - self.engine_ms


def _settings(url: str) -> Settings:
    return Settings(
        database_url=url,
        auth_mode="dev",
        mailbox_provider="fake",
        migrate_on_start=False,
        scheduler_enabled=False,
        rate_limit_checks_per_minute=100_000_000,
        log_level="WARNING",
    )


def _cpu_ms_per_call(calls: int, run: Callable[[], Awaitable[None]]) -> Awaitable[float]:
    async def measure() -> float:
        started = time.process_time()
        for _ in range(calls):
            await run()
        return (time.process_time() - started) * 1000 / calls

    return measure()


async def _measure(url: str, requests: list[tuple[str, str]], rounds: int, profile: bool) -> dict[str, float]:
    app = create_app(_settings(url))
    transport = httpx.ASGITransport(app=app)
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client,
    ):
        turn = iter(range(10**9))

        async def check(body: str | None = None) -> None:
            user, mixed = requests[next(turn) % len(requests)]
            response = await client.post(
                "/v1/drafts/check",
                content=(body or mixed).encode(),
                headers={"Content-Type": "application/json", "X-Dev-User": user},
            )
            response.raise_for_status()

        async def health() -> None:
            (await client.get("/healthz")).raise_for_status()

        async def trivial() -> None:
            await check(TRIVIAL)

        for _ in range(50):  # warm-up: imports, first statements, pools
            await check()
            await health()
        if profile:
            await _profile(_cpu_ms_per_call(rounds * len(requests), check))
            return {}
        return {
            "healthz_ms": await _cpu_ms_per_call(rounds * 300, health),
            "trivial_ms": await _cpu_ms_per_call(rounds * 300, trivial),
            "check_ms": await _cpu_ms_per_call(rounds * len(requests), check),
        }


async def _profile(run: Awaitable[float]) -> None:
    """A profile of the event loop's and the thread pool's work (cProfile alone sees one thread)."""
    import anyio.to_thread

    profiles: list[cProfile.Profile] = []
    original = anyio.to_thread.run_sync

    async def run_sync(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        def profiled(*inner: Any) -> Any:
            profiler = cProfile.Profile()
            profiler.enable()
            try:
                return func(*inner)
            finally:
                profiler.disable()
                profiles.append(profiler)

        return await original(profiled, *args, **kwargs)

    anyio.to_thread.run_sync = run_sync  # type: ignore[assignment]
    main = cProfile.Profile()
    main.enable()
    await run
    main.disable()
    stats = pstats.Stats(main, stream=sys.stderr)
    for profile in profiles:
        stats.add(profile)
    stats.sort_stats("cumulative").print_stats(90)


def engine_ms(directory: Directory, generated: list[GeneratedDraft], rounds: int) -> float:
    """The engine alone on the same drafts (attachment text as extracted), CPU ms per check."""
    index = build_index(directory.snapshot)
    samples = []
    for _ in range(rounds):
        started = time.process_time()
        for g in generated:
            run_engine(g.draft, index, CheckContext(salt="bench"))
        samples.append((time.process_time() - started) * 1000 / len(generated))
    return statistics.median(samples)


def _progress(what: str) -> None:
    print(f"request_cost: {time.strftime('%H:%M:%S')} {what}", file=sys.stderr, flush=True)


def measure_size(orgs: int, args: argparse.Namespace) -> SizeCost | None:
    directory = make_directory(orgs)
    generated = DraftFactory(directory, seed=orgs).many(args.drafts)
    requests = [(g.user, request_body(g)) for g in generated]
    with tempfile.TemporaryDirectory(prefix="sendguard-cost-") as workdir:
        url = f"sqlite:///{Path(workdir) / 'cost.db'}"
        build_database(url, directory)
        _progress(f"{orgs:,} organizations: database built")
        figures = asyncio.run(_measure(url, requests, args.rounds, args.profile))
    if args.profile:
        return None
    return SizeCost(
        orgs, figures["healthz_ms"], figures["check_ms"], figures["trivial_ms"], engine_ms(directory, generated, 3)
    )


def report(sizes: list[SizeCost], args: argparse.Namespace) -> str:
    lines = [
        "# Request cost in process (CPU time)",
        "",
        f"Run: `python -m bench.request_cost` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, machine: {machine()}; "
        f"load average {args.load_before:.1f} before, {os.getloadavg()[0]:.1f} after. The app over httpx's ASGI "
        f"transport (SQLite), one request at a time, {args.drafts} realistic drafts from 300 users x "
        f"{args.rounds} rounds; CPU ms of the whole process per request. `engine` = the same drafts through "
        "the engine alone; `overhead` = check - engine: routing, middleware, JSON in and out, authentication, "
        "history, attachment extraction and scan records, the check record. `Hello` = a one-recipient draft.",
        "",
        "| orgs | /healthz | Hello check | realistic check | engine | overhead | overhead ÷ /healthz |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in sizes:
        lines.append(
            f"| {s.orgs:,} | {s.healthz_ms:.3f} | {s.trivial_ms:.3f} | {s.check_ms:.3f} | {s.engine_ms:.3f} "
            f"| {s.overhead_ms:.3f} | {s.overhead_ms / s.healthz_ms:.1f}x |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--drafts", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    args.load_before = os.getloadavg()[0]
    sizes = [s for s in (measure_size(orgs, args) for orgs in args.orgs) if s is not None]
    if not sizes:
        return 0
    text = report(sizes, args)
    print(text)
    if not args.no_write:
        replace_section("request_cost", text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
