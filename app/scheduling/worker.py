"""The scheduled-send worker: claims due rows, sends each draft exactly once, records the result.

Exactly once rests on four facts: a claim is atomic (two workers never hold one row), the draft's
internet message id is stored before the send is attempted and the draft is stamped with the row's id (where the
provider can), a row whose worker died mid-send is re-claimed only after its lease runs out, and every attempt after
the first looks in Sent Items before anything is sent again. A send whose outcome is unknown (the provider took the
request and did not answer in time) is not retried: it is looked for once the provider has had time to finish it.

Runs inside the API process by default, or alone: `python -m app.scheduling.worker`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import signal
import socket
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

import anyio
from sqlalchemy import Engine
from sqlmodel import Session

from app.common import as_utc, utcnow
from app.config import Settings
from app.db_timeouts import DatabaseTimeouts, long_statements
from app.errors import AppError, Forbidden, ProviderUnavailable, Unauthorized
from app.mailbox.base import MailboxAccess, MailboxProvider
from app.mailbox.exceptions import MessageNotFound, SendOutcomeUnknown
from app.scheduling import repository
from app.scheduling.models import ScheduledSend
from app.tenants.models import Tenant

log = logging.getLogger(__name__)

MAX_BACKOFF_SECONDS = 300
PURGE_INTERVAL_SECONDS = 3600


class Worker:
    def __init__(
        self,
        engine: Engine,
        mailbox: MailboxProvider,
        settings: Settings,
        *,
        worker_id: str | None = None,
        lease: timedelta = timedelta(minutes=2),
        batch: int = 50,
        concurrency: int = 8,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.mailbox = mailbox
        self.settings = settings
        self.worker_id = worker_id or f"{socket.gethostname()}:{uuid.uuid4().hex[:8]}"
        self.lease = lease
        self.batch = batch
        self.clock = clock
        self._slots = asyncio.Semaphore(concurrency)
        self._tenant_keys: dict[uuid.UUID, str] = {}

    async def run_once(self) -> int:
        """Claim what is due and process it; returns how many rows were handled."""
        claimed = await anyio.to_thread.run_sync(self._claim)
        await asyncio.gather(*(self._process_with_slot(send_id) for send_id in claimed))
        return len(claimed)

    async def run(self, stop: asyncio.Event) -> None:
        last_purge = float("-inf")
        while not stop.is_set():
            try:
                if time.monotonic() - last_purge > PURGE_INTERVAL_SECONDS:
                    await anyio.to_thread.run_sync(self._purge)
                    last_purge = time.monotonic()
                handled = await self.run_once()
            except Exception:
                # The database may be away for a moment: nothing is lost, rows stay claimable.
                log.exception("scheduled-send round failed; retrying")
                handled = 0
            if handled == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self.settings.scheduler_poll_seconds)

    def _purge(self) -> None:
        from app.privacy.service import purge_expired

        # The first purge after a long pause may delete many rows: more than a request's statement limit.
        with self.engine.connect() as conn, long_statements(conn), Session(bind=conn) as session:
            purge_expired(session, self.settings.retention_days)

    def _claim(self) -> list[uuid.UUID]:
        with Session(self.engine) as session:
            return repository.claim_due(session, self.worker_id, self.clock(), self.lease, self.batch)

    async def _process_with_slot(self, send_id: uuid.UUID) -> None:
        async with self._slots:
            await self._process(send_id)

    async def _process(self, send_id: uuid.UUID) -> None:
        row = await anyio.to_thread.run_sync(self._load, send_id)
        if row is None or row.claimed_by != self.worker_id:
            return
        try:
            # Inside the try: a provider refusing background access (no consent) fails the row with the
            # reason, an unreachable token service retries it, like the mailbox calls themselves.
            access = await self._access(row)
            if row.attempts > 1 and await self.mailbox.find_sent(access, row.internet_message_id, str(row.id)):
                await self._finish(row, status="sent", sent_message_id=row.internet_message_id)
                return
            if not row.internet_message_id:
                draft = await self.mailbox.get_message(access, row.draft_id)
                row.internet_message_id = draft.internet_message_id
                # The id must be on record before the send, or a restart could not recognise it in Sent Items.
                # If the claim was lost meanwhile, the worker that holds it now does the send.
                if not await self._finish(row, internet_message_id=draft.internet_message_id):
                    return
            try:
                result = await self.mailbox.send_draft(access, row.draft_id, marker=str(row.id))
            except SendOutcomeUnknown:
                await self._look_later(row)
                return
            await self._finish(
                row, status="sent", sent_message_id=result.internet_message_id or row.internet_message_id
            )
        except MessageNotFound:
            await self._draft_gone(row, access)
        except (Unauthorized, Forbidden) as exc:
            await self._finish(row, status="failed", last_error=exc.message[:500])
        except (ProviderUnavailable, AppError, OSError, TimeoutError) as exc:
            await self._retry_or_fail(row, _reason(exc))

    async def _draft_gone(self, row: ScheduledSend, access: MailboxAccess) -> None:
        """No draft: either an earlier attempt sent it (and died before saying so) or the user deleted it."""
        if await self.mailbox.find_sent(access, row.internet_message_id, str(row.id)):
            await self._finish(row, status="sent", sent_message_id=row.internet_message_id)
            return
        await self._finish(row, status="failed", last_error="The draft is no longer in the mailbox.")

    async def _look_later(self, row: ScheduledSend) -> None:
        """The provider may still be sending: the next attempt, after it has had time to finish, looks first."""
        await self._finish(
            row,
            status="pending",
            next_attempt_at=self.clock() + timedelta(seconds=self.settings.scheduled_send_settle_seconds),
            last_error="The mailbox did not confirm the send; looking in Sent Items before any retry.",
            claimed_by=None,
            claimed_at=None,
        )

    async def _retry_or_fail(self, row: ScheduledSend, reason: str) -> None:
        now = self.clock()
        backoff = min(MAX_BACKOFF_SECONDS, 2**row.attempts) * (0.5 + random.random())
        next_attempt = now + timedelta(seconds=backoff)
        out_of_time = (
            next_attempt > as_utc(row.deadline_at) or row.attempts >= self.settings.scheduled_send_max_attempts
        )
        if out_of_time:
            await self._finish(row, status="failed", last_error=f"Gave up after {row.attempts} attempts: {reason}")
            return
        await self._finish(
            row, status="pending", next_attempt_at=next_attempt, last_error=reason, claimed_by=None, claimed_at=None
        )

    async def _access(self, row: ScheduledSend) -> MailboxAccess:
        # No user request is around: a provider that can act for a user in the background says how, given the
        # mailbox and the tenant's key (Graph: "entra:{tid}", whose app-only token it needs).
        resolver = getattr(self.mailbox, "background_access", None)
        if resolver is not None:
            tenant_key = self._tenant_keys.get(row.tenant_id)
            if tenant_key is None:
                tenant_key = await anyio.to_thread.run_sync(self._tenant_key, row.tenant_id)
                self._tenant_keys[row.tenant_id] = tenant_key  # a tenant's key never changes
            access: MailboxAccess = await resolver(row.user_email, tenant_key)
            return access
        return MailboxAccess(user_email=row.user_email)

    def _tenant_key(self, tenant_id: uuid.UUID) -> str:
        with Session(self.engine) as session:
            tenant = session.get(Tenant, tenant_id)
            return tenant.key if tenant is not None else ""

    def _load(self, send_id: uuid.UUID) -> ScheduledSend | None:
        with Session(self.engine, expire_on_commit=False) as session:
            return session.get(ScheduledSend, send_id)

    async def _finish(self, row: ScheduledSend, **values: object) -> bool:
        """Write to a row this worker still holds; False when another worker has taken it over."""
        values.setdefault("updated_at", self.clock())
        return await anyio.to_thread.run_sync(self._update, row.id, values)

    def _update(self, send_id: uuid.UUID, values: dict[str, object]) -> bool:
        with Session(self.engine) as session:
            held = repository.finish(session, send_id, self.worker_id, **values)
        if not held:
            log.warning("scheduled send %s was taken over by another worker", send_id)
        return held


def _reason(exc: BaseException) -> str:
    if isinstance(exc, AppError):
        return exc.message[:500]
    return f"{type(exc).__name__}: the mailbox did not answer"


def main() -> None:  # pragma: no cover - exercised by running the process
    from app.config import get_settings
    from app.db import create_db_engine
    from app.mailbox.dependencies import build_provider

    settings = get_settings()
    logging.basicConfig(level=settings.log_level)
    engine = create_db_engine(settings.database_url, DatabaseTimeouts.of(settings))
    worker = Worker(engine, build_provider(settings), settings)

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        log.info("scheduled-send worker %s started", worker.worker_id)
        await worker.run(stop)

    asyncio.run(run())


if __name__ == "__main__":
    main()
