"""In-process benchmark of the analysis engine against DESIGN.md's performance targets.

Run: python -m bench.check_bench [--quick]
Builds synthetic directories (1k, 10k, 100k organizations with contacts, aliases, rival groups), measures
index build time and memory, p50/p99 check latency for a typical and a heavy draft, and compares with a
naive baseline that loops over organizations doing substring search. Writes bench/RESULTS.md.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.analysis.context import CheckContext
from app.analysis.directory import ContactEntry, DirectorySnapshot, OrgEntry, OrgKind
from app.analysis.draft import Attachment, Draft, Recipient
from app.analysis.engine import check
from app.analysis.index import DirectoryIndex, build_index
from app.analysis.normalize import normalize_text
from bench.results import replace_section

SIZES = (1_000, 10_000, 100_000)
SENDER = "alex@acme-trade.example"
_SYLLABLES = (
    "sol",
    "ar",
    "tek",
    "vol",
    "ta",
    "sun",
    "ner",
    "gi",
    "lux",
    "pan",
    "el",
    "nord",
    "lich",
    "kraft",
    "ber",
    "mar",
    "zen",
    "ion",
    "ra",
    "do",
    "vi",
    "qua",
    "tro",
    "gen",
    "ost",
    "wen",
    "li",
    "ka",
    "mo",
    "ri",
)
_DESCRIPTORS = ("Solar", "Energy", "Trading", "Vertrieb", "Distribution", "Power", "Systems", "Handel")
_LEGAL = ("GmbH", "Ltd.", "S.L.", "SARL", "Co., Ltd.", "AG", "Inc.", "B.V.")
_TLDS = ("de", "com", "es", "fr", "cn", "co.uk", "it", "nl")
_FIRST = ("Michael", "Anna", "José", "Pierre", "Wei", "Laura", "Tom", "Katrin", "Luis", "Claire", "Jan", "Mei")
_LAST = ("Schmidt", "Weber", "García", "Dubois", "Wang", "Rossi", "Lee", "Bauer", "Martín", "Moreau", "Li")
_KINDS: tuple[OrgKind, ...] = ("customer",) * 7 + ("prospect", "partner", "supplier", "competitor")
_NAIVE_HEAVY_SAMPLE = 1_000
_TARGETS = {
    "typical_p99_ms": 2.0,
    "heavy_p99_ms": 50.0,
    "growth": 1.5,
    "build_s": 3.0,
    "build_mb": 300.0,
}


# --- synthetic directory -------------------------------------------------------------------------


def org_base(i: int) -> str:
    """A unique pronounceable base name per index (4 syllables in base 30)."""
    parts = []
    for _ in range(4):
        i, digit = divmod(i, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts)


def make_snapshot(n_orgs: int, seed: int = 7) -> DirectorySnapshot:
    rng = random.Random(seed)
    orgs: list[OrgEntry] = []
    contacts: list[ContactEntry] = []
    for i in range(n_orgs):
        base = org_base(i)
        domain = f"{base}.{_TLDS[i % len(_TLDS)]}"
        name = f"{base.capitalize()} {rng.choice(_DESCRIPTORS)} {rng.choice(_LEGAL)}"
        aliases = (f"{base.capitalize()} {_TLDS[i % len(_TLDS)].upper()}",) if i % 3 == 0 else ()
        orgs.append(
            OrgEntry(
                id=f"org{i}",
                name=name,
                kind=_KINDS[i % len(_KINDS)],
                domains=(domain,),
                aliases=aliases,
                rival_group=f"rg{i // 10}" if i % 2 == 0 else None,
                owner_email=f"sales{i % 20}@acme-trade.example",
                customer_code=f"C{i:06d}",
                language="en",
            )
        )
        for _ in range(2):
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            contacts.append(
                ContactEntry(f"org{i}", f"{first[0].lower()}.{last.lower()}{i}@{domain}", f"{first} {last}")
            )
    return DirectorySnapshot(
        tenant_version=1, internal_domains=("acme-trade.example",), organizations=tuple(orgs), contacts=tuple(contacts)
    )


# --- drafts --------------------------------------------------------------------------------------

_PARAGRAPH = (
    "Thank you for your order of the mono PERC modules. As discussed with your purchasing team, the shipment "
    "leaves Ningbo on the 14th and arrives in Hamburg around the 20th of next month. The unit price stays as "
    "quoted; payment terms remain 30% deposit and the balance against the copy of the bill of lading. "
)


def typical_draft(snapshot: DirectorySnapshot, rng: random.Random) -> Draft:
    """5 recipients (one customer's contacts, a colleague, one new address), 3 KB body, 2 attachment names."""
    i = rng.randrange(len(snapshot.organizations))
    org = snapshot.organizations[i]
    contacts = [c for c in snapshot.contacts[2 * i : 2 * i + 2]]
    body = f"Dear {contacts[0].name.split()[0]},\n\n" + (_PARAGRAPH * 8)[:2900] + f"\nBest regards\nAlex\n{org.name}"
    return Draft(
        sender=SENDER,
        to=(Recipient(contacts[0].email, contacts[0].name),),
        cc=(Recipient(contacts[1].email, contacts[1].name), Recipient("bob@acme-trade.example", "Bob")),
        bcc=(Recipient("archive@acme-trade.example"), Recipient(f"buyer@new-{i}.com")),
        subject=f"PI for order {i} - {org.name}",
        body=body,
        attachments=(Attachment(f"PI_{org_base(i).capitalize()}_2026-{i}.pdf"), Attachment("Datasheet_M400.pdf")),
    )


def heavy_draft(snapshot: DirectorySnapshot, rng: random.Random) -> Draft:
    """50 recipients, 100 KB body (new text + long quoted history), 1 MB of attachment text."""
    orgs = snapshot.organizations
    picks = [rng.randrange(len(orgs)) for _ in range(50)]
    recipients = tuple(Recipient(snapshot.contacts[2 * p].email, snapshot.contacts[2 * p].name) for p in picks)
    mentions = " ".join(orgs[p].name for p in picks[:10])
    quoted = "".join(
        f"\nOn Mon, {n} Mar 2026, Michael <m@{orgs[picks[n % 50]].domains[0]}> wrote:\n> {_PARAGRAPH}\n"
        for n in range(250)
    )
    body = ("Dear all,\n\n" + _PARAGRAPH * 100 + mentions)[:30_000] + quoted
    body = body[:100_000]
    table = "".join(f"{n}\tModule M-{n}\t{orgs[picks[n % 50]].name}\tEUR 0.{n % 90:02d}/W\n" for n in range(2_000))
    attachment_text = (table + _PARAGRAPH * 2_000)[:1_000_000]
    return Draft(
        sender=SENDER,
        to=recipients[:20],
        cc=recipients[20:40],
        bcc=recipients[40:],
        subject="Price announcement 2026",
        body=body,
        attachments=(Attachment("Price_List_2026.xlsx", text=attachment_text), Attachment("Catalogue.pdf")),
    )


# --- naive baseline ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NaiveDirectory:
    keys: list[tuple[str, ...]]


def build_naive(snapshot: DirectorySnapshot) -> NaiveDirectory:
    return NaiveDirectory(
        [
            tuple(normalize_text(k) for k in (org.name, *org.aliases, *org.domains, org.customer_code or "") if k)
            for org in snapshot.organizations
        ]
    )


def naive_check(draft: Draft, naive: NaiveDirectory) -> list[int]:
    """What one would write without an index: every organization, every key, substring search per text."""
    texts = [
        normalize_text(t)
        for t in (
            draft.subject,
            draft.body,
            *(a.name for a in draft.attachments),
            *(a.text or "" for a in draft.attachments),
        )
    ]
    found = []
    for org_index, keys in enumerate(naive.keys):
        if any(key in text for key in keys for text in texts):
            found.append(org_index)
    return found


# --- measurement ---------------------------------------------------------------------------------


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def timed_build(snapshot: DirectorySnapshot) -> tuple[DirectoryIndex, float, float]:
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    index = build_index(snapshot)
    seconds = time.perf_counter() - start
    gc.collect()
    return index, seconds, rss_mb() - before


def latencies_ms(run: Callable[[], object], iterations: int) -> list[float]:
    for _ in range(min(20, iterations)):
        run()  # warm caches (lru caches, branch predictors) like a running service
    samples = []
    for _ in range(iterations):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


@dataclass(frozen=True, slots=True)
class SizeResult:
    orgs: int
    build_s: float
    build_mb: float
    typical_p50: float
    typical_p99: float
    heavy_p50: float
    heavy_p99: float
    naive_typical_ms: float
    naive_heavy_ms: float


def bench_size(n_orgs: int, typical_runs: int, heavy_runs: int, naive_runs: int) -> SizeResult:
    snapshot = make_snapshot(n_orgs)
    index, build_s, build_mb = timed_build(snapshot)
    # The service freezes long-lived objects after a build so collections skip the index (see RESULTS.md).
    gc.freeze()
    rng = random.Random(n_orgs)
    context = CheckContext(known_correspondents=frozenset())
    typical = [typical_draft(snapshot, rng) for _ in range(50)]
    heavy = [heavy_draft(snapshot, rng) for _ in range(3)]
    counter = iter(range(10**9))
    typical_ms = latencies_ms(lambda: check(typical[next(counter) % 50], index, context), typical_runs)
    heavy_ms = latencies_ms(lambda: check(heavy[next(counter) % 3], index, context), heavy_runs)
    naive = build_naive(snapshot)
    naive_typical = statistics.median(latencies_ms(lambda: naive_check(typical[0], naive), naive_runs))
    # The naive heavy check takes minutes at 100k; it is linear in organizations by construction, so time
    # it on a 1,000-organization slice and scale.
    sample = NaiveDirectory(naive.keys[:_NAIVE_HEAVY_SAMPLE])
    scale = len(naive.keys) / len(sample.keys)
    naive_heavy = scale * statistics.median(latencies_ms(lambda: naive_check(heavy[0], sample), 1))
    gc.unfreeze()
    return SizeResult(
        n_orgs,
        build_s,
        build_mb,
        percentile(typical_ms, 0.5),
        percentile(typical_ms, 0.99),
        percentile(heavy_ms, 0.5),
        percentile(heavy_ms, 0.99),
        naive_typical,
        naive_heavy,
    )


# --- report --------------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report(results: list[SizeResult]) -> str:
    by_size = {r.orgs: r for r in results}
    largest, smallest = by_size[max(by_size)], by_size[min(by_size)]
    growth = largest.typical_p99 / smallest.typical_p99
    lines = [
        "| orgs | build s | build MB | typical p50 ms | typical p99 ms | heavy p50 ms | heavy p99 ms "
        "| naive typical ms | naive heavy ms | speed-up typical | speed-up heavy |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(
            f"| {r.orgs:,} | {r.build_s:.2f} | {r.build_mb:.0f} | {r.typical_p50:.3f} | {r.typical_p99:.3f} "
            f"| {r.heavy_p50:.1f} | {r.heavy_p99:.1f} | {r.naive_typical_ms:.1f} | {r.naive_heavy_ms:.0f} "
            f"| {r.naive_typical_ms / r.typical_p50:.0f}x | {r.naive_heavy_ms / r.heavy_p50:.0f}x |"
        )
    lines += [
        "",
        f"| target (at {largest.orgs:,} orgs) | limit | measured | result |",
        "|---|---:|---:|---|",
        _target_row(
            "typical p99", "2 ms", f"{largest.typical_p99:.3f} ms", largest.typical_p99 <= _TARGETS["typical_p99_ms"]
        ),
        _target_row("heavy p99", "50 ms", f"{largest.heavy_p99:.1f} ms", largest.heavy_p99 <= _TARGETS["heavy_p99_ms"]),
        _target_row(
            f"typical p99 growth {smallest.orgs:,} -> {largest.orgs:,}",
            "< 1.5x",
            f"{growth:.2f}x",
            growth < _TARGETS["growth"],
        ),
        _target_row("index build time", "3 s", f"{largest.build_s:.2f} s", largest.build_s <= _TARGETS["build_s"]),
        _target_row(
            "index memory (RSS delta)", "300 MB", f"{largest.build_mb:.0f} MB", largest.build_mb <= _TARGETS["build_mb"]
        ),
    ]
    return "\n".join(lines)


def _target_row(name: str, limit: str, measured: str, ok: bool) -> str:
    return f"| {name} | {limit} | {measured} | {verdict(ok)} |"


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer iterations (smoke run)")
    parser.add_argument("--no-write", action="store_true", help="do not update bench/RESULTS.md")
    args = parser.parse_args(argv)
    typical_runs, heavy_runs, naive_runs = (300, 20, 2) if args.quick else (5_000, 200, 5)
    results = []
    for size in SIZES:
        print(f"benchmarking {size:,} organizations ...", file=sys.stderr, flush=True)
        results.append(bench_size(size, typical_runs, heavy_runs, naive_runs))
    table = report(results)
    print(table)
    if not args.no_write:
        write_results(table, typical_runs, heavy_runs)
    return 0


def write_results(table: str, typical_runs: int, heavy_runs: int) -> None:
    header = (
        "# Analysis engine benchmark\n\n"
        f"Run: `python -m bench.check_bench` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, machine: {machine()}.\n"
        f"In process, one thread; {typical_runs} typical and {heavy_runs} heavy checks per directory size.\n"
        "Typical draft: 5 recipients, 3 KB body, 2 attachment names. Heavy draft: 50 recipients, 100 KB body,\n"
        "1 MB attachment text. Naive baseline: loop over organizations, substring search of every name, alias,\n"
        "domain and customer code in every text (median of a few runs; the heavy one timed on 1,000\n"
        "organizations and scaled linearly).\n\n"
    )
    notes = Path(__file__).with_name("NOTES.md")
    extra = notes.read_text(encoding="utf-8") if notes.exists() else ""
    replace_section("engine", header + table + "\n\n" + extra)


if __name__ == "__main__":
    raise SystemExit(main())
