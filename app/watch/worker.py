"""The sent-mail watcher: leases users, reads what each has sent since its cursor, reports risky mail once.

Exactly once rests on: a lease per user (two watchers never read one user's mail at once; a dead watcher's users
are taken over when its lease runs out), the cursor saved only after its page was handled (a take-over re-reads
that page), a row per handled message keyed by the hash of its internet message id (a re-read skips it), and a
report marked ``reporting`` before it is delivered and stamped with that key (a take-over searches the Inbox for
it before delivering again). A history gap is read again by date, a bounded look-back, with the same rows.

Runs alone: ``python -m app.watch`` (several may run against PostgreSQL).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import socket
import time
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

import anyio
from sqlalchemy import Engine
from sqlmodel import Session

from app.auth.dependencies import AuthContext
from app.checks.extraction import ExtractionPool
from app.checks.index_cache import IndexCache
from app.checks.message_ids import message_hash
from app.common import utcnow
from app.config import Settings
from app.errors import AppError, Forbidden, ProviderUnavailable, Unauthorized
from app.mailbox.base import MailboxAccess, MailboxProvider, MailMessage
from app.mailbox.exceptions import MailboxUnavailable, MessageNotFound
from app.mailbox.sent_watch import CursorExpired, SentMailSource, SentPage
from app.watch import assessment, repository
from app.watch.models import WatchedMessage

log = logging.getLogger(__name__)

IDLE_SECONDS = 600  # a switched-off or opted-out user is looked at again after this long
REFUSED_SECONDS = 3600  # no background access granted: try again hourly
MAX_BACKOFF_SECONDS = 900
ENROLL_INTERVAL_SECONDS = 60.0


class Watcher:
    def __init__(
        self,
        engine: Engine,
        mailbox: MailboxProvider,
        source: SentMailSource,
        settings: Settings,
        *,
        cache: IndexCache | None = None,
        extractor: ExtractionPool | None = None,
        watcher_id: str | None = None,
        lease: timedelta | None = None,
        batch: int = 20,
        concurrency: int = 4,
        max_pages: int = 20,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.engine = engine
        self.mailbox = mailbox
        self.source = source
        self.settings = settings
        self.cache = cache or IndexCache(engine)
        self.extractor = extractor or ExtractionPool(
            settings.extraction_workers, settings.extraction_memory_mb * 1024 * 1024
        )
        self.watcher_id = watcher_id or f"{socket.gethostname()}:{uuid.uuid4().hex[:8]}"
        self.lease = lease or timedelta(seconds=settings.watch_lease_seconds)
        self.batch = batch
        self.max_pages = max_pages
        self.clock = clock
        self.concurrency = concurrency
        self._enrolled_at = float("-inf")

    async def run_once(self) -> int:
        """Enroll new users now and then, lease the due ones and read their sent mail; returns how many."""
        if time.monotonic() - self._enrolled_at > ENROLL_INTERVAL_SECONDS:
            await anyio.to_thread.run_sync(self._enroll)
            self._enrolled_at = time.monotonic()
        claimed = await anyio.to_thread.run_sync(self._claim)
        slots = asyncio.Semaphore(self.concurrency)
        await asyncio.gather(*(self._with_slot(slots, state_id) for state_id in claimed))
        return len(claimed)

    async def run(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                handled = await self.run_once()
            except Exception:
                # The database may be away for a moment: leases run out and users are read again.
                log.exception("watch round failed; retrying")
                handled = 0
            if handled == 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=min(1.0, self.settings.watch_poll_seconds))

    # -- one user --------------------------------------------------------------------------------

    async def _with_slot(self, slots: asyncio.Semaphore, state_id: uuid.UUID) -> None:
        async with slots:
            await self.watch_user(state_id)

    async def watch_user(self, state_id: uuid.UUID) -> None:
        watched = await anyio.to_thread.run_sync(self._load, state_id)
        if watched is None or watched.state.claimed_by != self.watcher_id:
            return
        if not watched.enabled:
            # Switched off: forget the cursor, so that switching on again starts from then, not from old mail.
            await self._release(state_id, IDLE_SECONDS, cursor=None, synced_at=None)
            return
        try:
            access = await self._access(watched.auth)
            if watched.state.cursor is None:
                cursor = await self.source.start_cursor(access)
                await self._release(state_id, self.settings.watch_poll_seconds, cursor=cursor, synced_at=self.clock())
                return
            if not await self._read(state_id, watched, access):
                return  # the lease was lost: the watcher that holds it now goes on
            await self._release(state_id, self.settings.watch_poll_seconds, failures=0, last_error=None)
        except MailboxUnavailable as exc:
            delay = _retry_after(exc) or _backoff(watched.state.failures)
            log.info("watch of a user paused for %.0fs: %s", delay, exc.code)
            await self._release(state_id, delay, failures=watched.state.failures + 1, last_error=exc.code[:100])
        except (Unauthorized, Forbidden) as exc:
            await self._release(state_id, REFUSED_SECONDS, failures=watched.state.failures + 1, last_error=exc.code)
        except (AppError, OSError, TimeoutError) as exc:
            code = exc.code if isinstance(exc, AppError) else type(exc).__name__
            await self._release(state_id, _backoff(watched.state.failures), last_error=code[:100])

    async def _read(self, state_id: uuid.UUID, watched: assessment.WatchedUser, access: MailboxAccess) -> bool:
        cursor, synced_at = watched.state.cursor or "", watched.state.synced_at
        renewed = time.monotonic()
        for _ in range(self.max_pages):
            page = await self._page(access, cursor, synced_at)
            for message_id in page.message_ids:
                await self.handle_message(watched.auth, access, message_id)
                if time.monotonic() - renewed > self.lease.total_seconds() / 3:
                    # A long page keeps the lease alive; a watcher that lost it stops before the next message.
                    if not await self._save(state_id):
                        return False
                    renewed = time.monotonic()
            cursor = page.cursor
            synced_at = self.clock() if page.complete else synced_at
            if not await self._save(state_id, cursor=cursor, synced_at=synced_at):
                return False
            if page.complete:
                break
        return True

    async def _page(self, access: MailboxAccess, cursor: str, synced_at: datetime | None) -> SentPage:
        try:
            return await self.source.changes(access, cursor)
        except CursorExpired:
            since = (synced_at or self.clock()) - timedelta(minutes=self.settings.watch_lookback_minutes)
            log.info("watch cursor expired; reading sent mail again by date")
            return await self.source.sent_after(access, since)

    async def handle_message(self, auth: AuthContext, access: MailboxAccess, message_id: str) -> None:
        try:
            header = await self.source.header(access, message_id)
        except MessageNotFound:
            return  # deleted from Sent Items before it was read
        key = message_hash(auth.tenant.id, header.internet_message_id or f"{self.source.name}:{message_id}")
        assert key is not None
        existing = await anyio.to_thread.run_sync(self._handled, auth, key)
        if existing is not None and existing.status != "reporting":
            return
        if existing is None and await anyio.to_thread.run_sync(
            self._checked_at_send, auth, key, header.internet_message_id, header.check_marker
        ):
            await self._record(auth, key, "checked_at_send")
            return
        if existing is not None and await self.source.find_report(access, key):
            await anyio.to_thread.run_sync(self._mark_reported, existing.id)
            return
        try:
            message = await self.mailbox.get_message(access, message_id)
        except MessageNotFound:
            return
        try:
            assessment = await anyio.to_thread.run_sync(self._assess, auth, message, key)
        except AppError as exc:
            if isinstance(exc, ProviderUnavailable):
                raise
            # A message the check refuses (too large a body, say) must not hold up the rest of the user's mail.
            await self._record(auth, key, "unchecked", codes=(exc.code,))
            return
        if assessment.report is None:
            if existing is None:
                await self._record(auth, key, "clean", codes=assessment.codes)
            return
        row = existing or await self._record(
            auth, key, "reporting", codes=assessment.codes, severity=assessment.severity
        )
        if row is None:
            return  # another watcher recorded it meanwhile
        await self.source.deliver_report(access, assessment.report)
        await anyio.to_thread.run_sync(self._mark_reported, row.id)

    # -- the database, off the event loop ------------------------------------------------------------

    def _enroll(self) -> None:
        with Session(self.engine) as session:
            repository.enroll_missing(session, self.source.name, self.clock())

    def _claim(self) -> list[uuid.UUID]:
        with Session(self.engine) as session:
            return repository.claim_due(session, self.watcher_id, self.clock(), self.lease, self.batch)

    def _load(self, state_id: uuid.UUID) -> assessment.WatchedUser | None:
        with Session(self.engine, expire_on_commit=False) as session:
            return assessment.load_user(session, state_id)

    def _handled(self, auth: AuthContext, key: str) -> WatchedMessage | None:
        with Session(self.engine, expire_on_commit=False) as session:
            return repository.handled(session, auth.user.id, key)

    def _checked_at_send(self, auth: AuthContext, key: str, message_id: str | None, marker: str | None) -> bool:
        with Session(self.engine) as session:
            return repository.checked_at_send(session, auth.tenant.id, auth.user.id, key, message_id, marker)

    def _assess(self, auth: AuthContext, message: MailMessage, key: str) -> assessment.SentAssessment:
        with Session(self.engine) as session:
            return assessment.assess_sent(
                session,
                auth,
                self.cache,
                self.settings,
                self.extractor,
                message,
                self.source.name,
                key,
                self.clock(),
            )

    async def _record(
        self, auth: AuthContext, key: str, status: str, codes: tuple[str, ...] = (), severity: str | None = None
    ) -> WatchedMessage | None:
        row = WatchedMessage(
            tenant_id=auth.tenant.id,
            user_id=auth.user.id,
            message_hash=key,
            status=status,
            severity=severity,
            finding_codes=list(codes),
            created_at=self.clock(),
        )

        def insert() -> bool:
            with Session(self.engine, expire_on_commit=False) as session:
                return repository.record_handled(session, row)

        return row if await anyio.to_thread.run_sync(insert) else None

    def _mark_reported(self, row_id: uuid.UUID) -> None:
        with Session(self.engine) as session:
            repository.mark_reported(session, row_id, self.clock())

    async def _save(self, state_id: uuid.UUID, **values: object) -> bool:
        now = self.clock()

        def save() -> bool:
            with Session(self.engine) as session:
                return repository.save_state(
                    session, state_id, self.watcher_id, now, lease_until=now + self.lease, **values
                )

        held = await anyio.to_thread.run_sync(save)
        if not held:
            log.warning("watch lease on a user was taken over by another watcher")
        return held

    async def _release(self, state_id: uuid.UUID, after_seconds: float, **values: object) -> bool:
        now = self.clock()
        next_poll = now + timedelta(seconds=after_seconds)

        def release() -> bool:
            with Session(self.engine) as session:
                return repository.save_state(
                    session,
                    state_id,
                    self.watcher_id,
                    now,
                    next_poll_at=next_poll,
                    claimed_by=None,
                    lease_until=None,
                    **values,
                )

        return await anyio.to_thread.run_sync(release)

    async def _access(self, auth: AuthContext) -> MailboxAccess:
        resolver = getattr(self.mailbox, "background_access", None)
        if resolver is None:
            return MailboxAccess(user_email=auth.user.email)
        access: MailboxAccess = await resolver(auth.user.email, auth.tenant.key)
        return access


def _retry_after(exc: AppError) -> float | None:
    value = (exc.headers or {}).get("Retry-After", "") if hasattr(exc, "headers") else ""
    details = exc.details if isinstance(exc.details, dict) else {}
    value = value or str(details.get("retry_after") or "")
    try:
        return max(1.0, float(value)) if value else None
    except ValueError:
        return None


def _backoff(failures: int) -> float:
    return min(MAX_BACKOFF_SECONDS, 5 * 2**failures) * (0.5 + random.random())
