"""The learning job's reader: page after page of each sales mailbox's sent mail into the learner, resumable.

The learner's counters and the cursor are written together every few pages (a checkpoint) and at each mailbox's
end; after a restart the job goes on from the last checkpoint (pages after it are read again, which counts them
once, since the counters are restored as they were). Progress (messages read, organizations found, share done)
is written after every page, and a cancelled job stops before its next page. Throttling the provider could not
wait out within its own budget makes the runner wait as asked (Retry-After) and try the page again.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import anyio
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from app.analysis.learning import Learner
from app.analysis.learning.checkpoint import learner_state, restore_learner
from app.common import as_utc, utcnow
from app.errors import AppError, ProviderUnavailable
from app.learning import repository
from app.learning.convert import learn_message
from app.learning.models import LearningJob
from app.learning.service import proposal_data
from app.mailbox.base import MailboxAccess, MailboxProvider, SentMailReader, SentPage
from app.tenants.models import Tenant

log = logging.getLogger(__name__)
MAX_PROVIDER_FAILURES = 5


def sent_reader(mailbox: MailboxProvider) -> SentMailReader | None:
    """How this provider reads sent mail in pages, if it can (Graph app-only, Gmail with domain-wide delegation)."""
    if isinstance(mailbox, SentMailReader):
        return mailbox
    from app.mailbox.gmail import GmailMailbox
    from app.mailbox.gmail_sent_pages import GmailSentReader
    from app.mailbox.graph import GraphMailbox
    from app.mailbox.graph_sent_pages import GraphSentReader

    if isinstance(mailbox, GraphMailbox):
        return GraphSentReader(mailbox)
    return GmailSentReader(mailbox) if isinstance(mailbox, GmailMailbox) else None


@dataclass(slots=True)
class _Plan:
    tenant_key: str
    internal_domains: tuple[str, ...]
    since: datetime
    mailboxes: list[str]
    index: int
    cursor: str | None
    pages: int
    checkpoint: dict[str, object] | None


class LearningRunner:
    def __init__(
        self,
        engine: Engine,
        mailbox: MailboxProvider,
        *,
        runner_id: str | None = None,
        page_size: int = 50,
        checkpoint_pages: int = 10,
        lease: timedelta = timedelta(minutes=2),
        sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
    ) -> None:
        self.engine = engine
        self.mailbox = mailbox
        self.reader = sent_reader(mailbox)
        self.runner_id = runner_id or f"{socket.gethostname()}:{uuid.uuid4().hex[:8]}"
        self.page_size = page_size
        self.checkpoint_pages = checkpoint_pages
        self.lease = lease
        self.sleep = sleep
        self.tasks: set[asyncio.Task[str]] = set()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.autostart = True

    # --- scheduling ------------------------------------------------------------------------------

    def start(self, job_id: uuid.UUID) -> None:
        task = asyncio.create_task(self.run(job_id), name=f"learning-{job_id}")
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def start_soon(self, job_id: uuid.UUID) -> None:
        """From a request handler's thread: start the job on the application's event loop (unless this runner
        only resumes and another process reads)."""
        if not self.autostart:
            return
        if self.loop is None:  # not started: the job waits for the next start (resume_all)
            log.warning("learning job %s waits: the runner is not started", job_id)
            return
        self.loop.call_soon_threadsafe(self.start, job_id)

    async def open(self) -> int:
        """Called at startup: remember the event loop, and go on with jobs a stopped process left."""
        self.loop = asyncio.get_running_loop()
        try:
            return await self.resume_all()
        except SQLAlchemyError:  # the database is away: /readyz says so; jobs go on at the next start
            log.warning("learning jobs not resumed: the database is unavailable")
            return 0

    async def resume_all(self) -> int:
        """Jobs left running by a stopped process (their lease ran out) go on here."""
        ids = await anyio.to_thread.run_sync(self._unclaimed)
        for job_id in ids:
            self.start(job_id)
        return len(ids)

    async def aclose(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        # Stopping: a job goes on from its checkpoint at the next start.
        await asyncio.gather(*self.tasks, return_exceptions=True)

    # --- one job ---------------------------------------------------------------------------------

    async def run(self, job_id: uuid.UUID, max_pages: int | None = None) -> str:
        """Read until done, cancelled or failed; `max_pages` stops early (as a crash would) for tests."""
        if self.reader is None or not await anyio.to_thread.run_sync(self._claim, job_id):
            return "not_claimed"
        plan = await anyio.to_thread.run_sync(self._plan, job_id)
        if plan is None:
            return "gone"
        learner = restore_learner(plan.checkpoint) if plan.checkpoint else Learner(plan.internal_domains)
        failures, read_here = 0, 0
        access: MailboxAccess | None = None
        while plan.index < len(plan.mailboxes):
            if max_pages is not None and read_here >= max_pages:
                return "stopped"
            status = await anyio.to_thread.run_sync(self._status, job_id)
            if status != "running":
                return status
            try:
                if access is None:
                    access = await self._access(plan)
                page = await self.reader.sent_page(access, plan.since, plan.cursor, self.page_size)
            except ProviderUnavailable as exc:
                failures += 1
                if failures > MAX_PROVIDER_FAILURES:
                    return await self._fail(job_id, exc.message)
                await self.sleep(_retry_after(exc))
                continue
            except AppError as exc:
                return await self._fail(job_id, exc.message)
            failures, read_here = 0, read_here + 1
            self._learn(learner, page)
            plan.pages += 1
            plan.cursor = page.cursor
            if page.cursor is None:
                plan.index, access = plan.index + 1, None
            progress = _progress(plan, page)
            checkpoint = page.cursor is None or plan.pages % self.checkpoint_pages == 0
            await anyio.to_thread.run_sync(self._save, job_id, plan, learner, progress, checkpoint)
        await anyio.to_thread.run_sync(self._finish, job_id, learner)
        return "done"

    async def _access(self, plan: _Plan) -> MailboxAccess:
        background = getattr(self.mailbox, "background_access", None)
        if background is None:
            raise AppError("This mailbox provider cannot read mailboxes in the background.")
        access: MailboxAccess = await background(plan.mailboxes[plan.index], plan.tenant_key)
        return access

    @staticmethod
    def _learn(learner: Learner, page: SentPage) -> None:
        for message in page.messages:
            learner.add(learn_message(message))

    # --- database (in a thread) ------------------------------------------------------------------

    def _unclaimed(self) -> list[uuid.UUID]:
        with Session(self.engine) as session:
            return repository.unclaimed_running(session, utcnow(), self.lease)

    def _claim(self, job_id: uuid.UUID) -> bool:
        with Session(self.engine) as session:
            return repository.claim(session, job_id, self.runner_id, utcnow(), self.lease)

    def _plan(self, job_id: uuid.UUID) -> _Plan | None:
        with Session(self.engine) as session:
            job = session.get(LearningJob, job_id)
            tenant = session.get(Tenant, job.tenant_id) if job is not None else None
            if job is None or tenant is None:
                return None
            return _Plan(
                tenant.key,
                tuple(tenant.internal_domains),
                as_utc(job.since),
                list(job.mailboxes),
                job.mailbox_index,
                job.cursor,
                job.pages,
                job.checkpoint,
            )

    def _status(self, job_id: uuid.UUID) -> str:
        with Session(self.engine) as session:
            job = session.get(LearningJob, job_id)
            return job.status if job is not None else "gone"

    def _save(self, job_id: uuid.UUID, plan: _Plan, learner: Learner, progress: float, checkpoint: bool) -> None:
        with Session(self.engine) as session:
            job = session.get(LearningJob, job_id)
            if job is None or job.status != "running":
                return
            job.messages_read = learner.messages_read
            job.organizations_found = len(learner.units)
            job.progress = progress
            job.claimed_at = job.updated_at = utcnow()
            if checkpoint:
                job.checkpoint = learner_state(learner)
                job.mailbox_index, job.cursor, job.pages = plan.index, plan.cursor, plan.pages
            session.add(job)
            session.commit()

    def _finish(self, job_id: uuid.UUID, learner: Learner) -> None:
        proposal = learner.proposal()
        with Session(self.engine) as session:
            job = session.get(LearningJob, job_id)
            if job is None or job.status != "running":
                return
            job.status = "done"
            job.proposal = proposal_data(proposal)
            job.checkpoint = None
            job.cursor = None
            job.mailbox_index = len(job.mailboxes)
            job.messages_read = learner.messages_read
            job.organizations_found = len(proposal.organizations)
            job.progress = 1.0
            job.finished_at = job.updated_at = utcnow()
            session.add(job)
            session.commit()

    async def _fail(self, job_id: uuid.UUID, reason: str) -> str:
        def write() -> None:
            with Session(self.engine) as session:
                job = session.get(LearningJob, job_id)
                if job is not None and job.status == "running":
                    job.status, job.error, job.checkpoint = "failed", reason[:500], None
                    job.finished_at = job.updated_at = utcnow()
                    session.add(job)
                    session.commit()

        log.warning("learning job %s failed: %s", job_id, reason)
        await anyio.to_thread.run_sync(write)
        return "failed"


def _progress(plan: _Plan, page: SentPage) -> float:
    """Mailboxes done, plus how far in time the current one is (its mail comes oldest first)."""
    within = 0.0
    if page.cursor is not None and page.messages and page.messages[-1].sent_at is not None:
        span = (utcnow() - plan.since).total_seconds()
        within = min(1.0, max(0.0, (as_utc(page.messages[-1].sent_at) - plan.since).total_seconds() / span))
    return min(1.0, (plan.index + within) / max(1, len(plan.mailboxes)))


def _retry_after(exc: AppError) -> float:
    header = (exc.headers or {}).get("Retry-After", "")
    return float(header) if header.isdigit() else 30.0
