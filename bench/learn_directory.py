"""The labelled drafts of `make eval` scored with a directory learned from sent mail beside the curated one.

The sent mailbox is built from the curated directory only (tests/learning/eval_mailbox.py), read through the fake
Graph and learned by the real learner; the proposal is then accepted whole, the way an administrator accepting
everything does it (app/learning/review.py on a scratch SQLite database), and the directory is loaded back as
the engine sees it (app/checks/snapshot.py). Confusion pairs come from incidents, not from the directory, and the
policy is the tenant's: both are carried over from the curated snapshot, so only the directory differs.
"""

from __future__ import annotations

import asyncio
import dataclasses
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from app.analysis.directory import DirectorySnapshot
from app.analysis.learning import Proposal
from app.checks.snapshot import load_snapshot
from app.db import create_db_engine, migrate
from app.learning.review import accept, diff
from app.learning.rivals import accept_rivals
from app.learning.service import proposal_data
from app.tenants.identity import TenantIdentity
from app.tenants.service import register_tenant
from bench.eval import Report, evaluate
from tests.eval.directory import snapshot as curated_snapshot
from tests.learning.eval_mailbox import INTERNAL, generate_eval_mailbox


def accept_everything(proposal: Proposal) -> DirectorySnapshot:
    """The directory an administrator gets by accepting the whole review: every new and changed organization
    (new ones as their suggested kind) and every rival suggestion."""
    data = proposal_data(proposal)
    with tempfile.TemporaryDirectory() as folder:
        engine = create_db_engine(f"sqlite:///{Path(folder) / 'learned.db'}")
        migrate(engine)
        try:
            with Session(engine, expire_on_commit=False) as session:
                row = register_tenant(session, "learned", "ACME Trade", [INTERNAL])
                assert row is not None
                tenant = TenantIdentity.of(row)
                selected = {i["key"]: None for i in diff(session, tenant, data) if i["status"] != "conflict"}
                accept(session, tenant, data, selected)
                accept_rivals(session, tenant, data, list(range(len(data["rival_suggestions"]))))
                session.commit()
                learned = load_snapshot(session, tenant)
        finally:
            engine.dispose()
    curated = curated_snapshot()
    return dataclasses.replace(learned, confusions=curated.confusions, policy=curated.policy)


_MISSING = (
    "What the learned directory still lacks: competitors (sent mail carries no sign of one; they are suggested as "
    "suppliers, so competitor_recipient needs the administrator to mark them). Trade names are learned from what "
    'the mail carries: subjects and file names ("PI 2026-117 Helio Handel 40ft", "PI-上海阳光-031.pdf"), '
    "recipients' display names, greetings to a team and the company lines of quoted signatures (a Chinese "
    "company's English name). This mailbox writes the names the curated directory lists as aliases, as a team "
    "would: that part measures finding them in mail, not which names a team uses (the synthetic mailbox above, "
    "with its own names and namesakes, measures alias precision). SunPeak's two domains are proposed as one "
    'company ("merged": the same company in signatures, mail to both, related names) and accepted as one.'
)


@dataclass(frozen=True, slots=True)
class Comparison:
    curated: Report
    learned: Report
    organizations: int
    messages: int

    @property
    def gap(self) -> float:
        """Points of recall lost with the learned directory."""
        return 100 * (self.curated.total.recall - self.learned.total.recall)


def compare(seed: int = 17, messages: int = 4_000) -> Comparison:
    from bench.learn_eval import learn_through_graph  # learn_eval reports this comparison: imported when run

    mailbox = generate_eval_mailbox(seed=seed, messages=messages)
    learner, _seconds, _cpu, _pages = asyncio.run(learn_through_graph(mailbox))
    learned = accept_everything(learner.proposal())
    return Comparison(evaluate(), evaluate(directory=learned), len(learned.organizations), learner.messages_read)


def render(comparison: Comparison) -> str:
    curated, learned = comparison.curated, comparison.learned
    lines = [
        f"The drafts of `make eval` with a learned directory: a sent mailbox built from the curated directory only "
        f"(tests/learning/eval_mailbox.py, {comparison.messages} messages to its 42 organizations), learned "
        f"through the fake Graph and accepted whole (new organizations as their suggested kind, every rival suggestion): {comparison.organizations} organizations. Confusion "
        f"pairs and policy as curated.",
        "",
        "| code | expected | recall curated | recall learned | false warnings curated | false warnings learned |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for code, row in curated.by_code.items():
        other = learned.by_code[code]
        if not row.expected and not row.false_warnings and not other.false_warnings:
            continue
        recall = (f"{row.recall:.1%}", f"{other.recall:.1%}") if row.expected else ("-", "-")
        lines.append(f"| {code} | {row.expected} | {recall[0]} | {recall[1]} | {row.false_warnings} | "
                     f"{other.false_warnings} |")  # fmt: skip
    c, lt = curated.total, learned.total
    lines.append(f"| **all expectations** | {c.expected} | {c.recall:.1%} | {lt.recall:.1%} | "
                 f"{c.false_warnings} of {c.normal} | {lt.false_warnings} of {lt.normal} |")  # fmt: skip
    lines += ["", f"Recall gap: {comparison.gap:.1f} points (bound: within 5).", "", _MISSING]
    return "\n".join(lines)
