"""The directory index build alone: CPU seconds and RSS it adds, optionally a profile of one build.

Run: python -m bench.build_bench [--orgs 100000] [--repeat 3] [--profile N]
The same directory (bench/directory_gen.py) and measurement (`timed_build`: CPU of the building thread,
RSS delta after a collection) as `make bench`, without the checks. CPU: the median over builds; RSS: the
first build's, as `make bench` measures it (later builds reuse the memory the first one freed).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import statistics
import sys

from app.analysis.index import build_index
from bench.check_bench import timed_build
from bench.directory_gen import make_directory


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="builds to take the median of")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="profile one more build, top N entries")
    args = parser.parse_args(argv)
    snapshot = make_directory(args.orgs).snapshot
    cpu, megabytes = [], []
    for _ in range(args.repeat):
        index, build_s, _wall, build_mb = timed_build(snapshot)
        cpu.append(build_s)
        megabytes.append(build_mb)
        del index
        gc.collect()
    print(
        f"{args.orgs:,} orgs, {len(snapshot.contacts):,} contacts: build CPU s {statistics.median(cpu):.2f} "
        f"(runs {', '.join(f'{s:.2f}' for s in cpu)}), RSS delta MB of the first build {megabytes[0]:.0f} "
        f"(runs {', '.join(f'{m:.0f}' for m in megabytes)})"
    )
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(build_index, snapshot)
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
