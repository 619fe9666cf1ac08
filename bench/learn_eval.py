"""`make learn-eval`: learn the synthetic mailbox (tests/learning/mailbox_gen.py) through the fake Microsoft Graph
and score the proposal against the ground truth.

The real Graph provider reads each salesperson's Sent Items page by page (app-only token, 50 messages a page,
attachments hashed in memory) from the fake Graph over an in-process HTTP transport; the pure learner counts as
it goes. Measured: organizations and contacts recovered, wrong merges, owners, languages, customer codes, rival
suggestions, document ownership, and the wall time of reading + learning.

Exit status 1 when organizations or contacts recovered < 95 %, wrong merges > 2 %, owners right < 90 % or the
run takes more than 2 minutes, or when `make eval`'s recall with the learned directory is more than 5 points
below the curated one.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

from app.analysis.learning import Learner, Proposal
from app.learning.convert import learn_message
from app.mailbox.graph_sent_pages import GraphSentReader
from bench.learn_directory import compare, render
from bench.learn_scores import Scores, score
from bench.results import replace_section
from tests.learning.mailbox_gen import Mailbox, generate
from tests.learning.mailbox_graph import load_mailbox
from tests.mailbox.graph_env import TENANT, graph_mailbox, graph_settings, new_fake

LIMITS = {
    "organizations recovered": (">=", 0.95),
    "contacts recovered": (">=", 0.95),
    "wrong merges": ("<=", 0.02),
    "owners right": (">=", 0.90),
}
MAX_SECONDS = 120.0
MAX_RECALL_GAP = 5.0  # points of `make eval` recall lost with the learned directory


async def learn_through_graph(mailbox: Mailbox, page_size: int = 50) -> tuple[Learner, float, float, int]:
    """(learner, wall seconds, CPU seconds of the fake Graph and the learner together, pages read)."""
    fake = new_fake()
    load_mailbox(fake, mailbox)
    provider = graph_mailbox(graph_settings(), fake)
    reader = GraphSentReader(provider)
    learner = Learner([mailbox.internal_domain])
    since = datetime.now(UTC) - timedelta(days=400)
    pages = 0
    started, cpu = time.perf_counter(), time.process_time()
    try:
        for address, _ in mailbox.salespeople:
            access = await provider.background_access(address, f"entra:{TENANT}")
            cursor: str | None = None
            while True:
                page = await reader.sent_page(access, since, cursor, page_size)
                pages += 1
                for message in page.messages:
                    learner.add(learn_message(message))
                cursor = page.cursor
                if cursor is None:
                    break
        learner.proposal()
    finally:
        await provider.aclose()
    return learner, time.perf_counter() - started, time.process_time() - cpu, pages


def report(scores: Scores, seconds: float, cpu: float, pages: int, messages: int) -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    lines = [
        f"Synthetic sent mailbox (tests/learning/mailbox_gen.py, seed 17): {messages} messages, 5 salespeople, "
        f"300 organizations; read through the fake Graph ({pages} pages) and learned in {seconds:.1f} s, "
        f"{cpu:.1f} s of CPU for the fake Graph and the learner together (2 cores shared, load "
        f"average {load}).",
        "",
        "| measure | value | bound |",
        "|---|---|---|",
    ]
    for name, value in scores.summary().items():
        bound = LIMITS.get(name)
        lines.append(f"| {name} | {value:.1%} | {bound[0] + ' ' + format(bound[1], '.0%') if bound else ''} |")
    lines.append(f"| seconds for {messages} messages | {seconds:.1f} | <= {MAX_SECONDS:.0f} |")
    return "\n".join(lines)


def kind_table(mailbox: Mailbox, proposal: Proposal) -> str:
    """Suggested kind against the generator's truth, per true kind (organizations whose addresses are one org)."""
    truth_of = mailbox.contact_org()
    rows: dict[str, Counter[str]] = {}
    for org in proposal.organizations:
        owners = {truth_of.get(a) for a in org.addresses}
        if len(owners) == 1 and (key := owners.pop()) is not None:
            rows.setdefault(mailbox.orgs[key].kind, Counter())[org.kind or "-"] += 1
    lines = ["Suggested organization kind against the truth (rows: true kind; columns: suggested):", ""]
    kinds = ("customer", "prospect", "partner", "supplier", "forwarder", "competitor")
    lines += ["| true \\ suggested | " + " | ".join(kinds) + " | right |", "|---|" + "---:|" * (len(kinds) + 1)]
    for kind in kinds:
        counts = rows.get(kind, Counter())
        total = sum(counts.values())
        right = f"{counts[kind] / total:.0%}" if total else "-"
        lines.append(f"| {kind} | " + " | ".join(str(counts[k]) for k in kinds) + f" | {right} |")
    return "\n".join(lines)


def failures(scores: Scores, seconds: float) -> list[str]:
    summary = scores.summary()
    failed = [
        f"{name}: {summary[name]:.1%} (bound {op} {bound:.0%})"
        for name, (op, bound) in LIMITS.items()
        if (summary[name] < bound if op == ">=" else summary[name] > bound)
    ]
    if seconds > MAX_SECONDS:
        failed.append(f"took {seconds:.1f} s (bound {MAX_SECONDS:.0f} s)")
    return failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--write", action="store_true", help="write the figures into bench/RESULTS.md")
    args = parser.parse_args()
    mailbox = generate(seed=args.seed, messages=args.messages)
    learner, seconds, cpu, pages = asyncio.run(learn_through_graph(mailbox))
    scores = score(mailbox, learner.proposal())
    text = report(scores, seconds, cpu, pages, learner.messages_read)
    text += "\n\n" + kind_table(mailbox, learner.proposal())
    comparison = compare(seed=args.seed)
    text += "\n\n" + render(comparison)
    print(text)
    if args.write:
        replace_section("learning", "## Learning the directory from sent mail (`make learn-eval`)\n\n" + text)
    failed = failures(scores, seconds)
    if comparison.gap > MAX_RECALL_GAP:
        failed.append(f"eval recall with the learned directory {comparison.gap:.1f} points below the curated one "
                      f"(bound {MAX_RECALL_GAP:.0f})")  # fmt: skip
    for line in failed:
        print("FAILED:", line, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
