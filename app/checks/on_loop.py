"""Small checks run on the event loop; the rest, and any that finds it needs the database, in a thread.

A check whose index, user history and document history are in memory, and whose rows go to the recorder's
queue, does no I/O at all: a millisecond or two of CPU. Handing it to a worker thread and back cost about as
much again, and under load each hop waited for the GIL twice. So a small check runs on the loop, in a session
that refuses every statement; when the check finds it needs the database after all (a user's history to load,
a scan to look up) the refusal stops it before it has queued anything, and it runs again in a thread.
Large drafts stay in threads, where the interpreter's switching lets short requests through meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Engine, event
from sqlalchemy.orm import ORMExecuteState
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.checks.extraction import ExtractionPool
from app.checks.index_cache import IndexCache
from app.mailbox.base import MailMessage
from app.tenants.identity import TenantIdentity

T = TypeVar("T")

# Body and attachment bytes up to which a check may run on the loop: the realistic mix's long threads (up to
# 60 KB) take a few milliseconds there; a heavy draft (100 KB and more) would hold up every other request.
MAX_LOOP_CHARS = 64 * 1024
_NO_IO = "sendguard.no_io"


class NeedsDatabase(Exception):
    """A check on the event loop tried to read or write the database."""


@event.listens_for(OrmSession, "do_orm_execute")
def _refuse_statements_on_the_loop(state: ORMExecuteState) -> None:
    if state.session.info.get(_NO_IO):
        raise NeedsDatabase()


@event.listens_for(OrmSession, "before_flush")
def _refuse_flushes_on_the_loop(session: OrmSession, *_: object) -> None:
    if session.info.get(_NO_IO):
        raise NeedsDatabase()


def fits_on_loop(
    message: MailMessage, tenant: TenantIdentity, cache: IndexCache, extractor: ExtractionPool, queued: bool
) -> bool:
    """Whether the check can do without I/O: rows queued, an index `cache.get` answers from at once, a small
    draft whose attachment content (if any) is plain text read in this thread."""
    if not queued or not cache.answers_at_once(tenant):
        return False
    contents = [a.content for a in message.attachments if a.content is not None]
    if len(message.body) + sum(len(c) for c in contents) > MAX_LOOP_CHARS:
        return False
    return all(extractor.reads_inline(c) for c in contents)


class NoIoSessions:
    """Sessions that refuse every statement, for checks on the loop; an untouched one is kept for the next
    check (opening and closing one cost a tenth of a millisecond, a tenth of a whole cached check)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._idle: list[Session] = []  # list.pop and list.append are atomic: no lock needed

    def try_without_io(self, run: Callable[[Session], T]) -> T | None:
        """`run`'s answer, or None when it needed the database."""
        session = self._take()
        try:
            answer = run(session)
        except NeedsDatabase:
            session.close()
            return None
        except BaseException:
            session.close()  # the check's own error (a 4xx): it may have begun something
            raise
        if session.in_transaction() or session.new or session.dirty or session.identity_map:
            session.close()  # something was started in it after all: not for another check
        else:
            self._idle.append(session)
        return answer

    def _take(self) -> Session:
        try:
            return self._idle.pop()
        except IndexError:
            session = Session(self.engine, expire_on_commit=False)
            session.info[_NO_IO] = True
            return session


async def in_thread(engine: Engine, run: Callable[[Session], T]) -> T:
    return await run_in_threadpool(_in_session, engine, run)


def _in_session(engine: Engine, run: Callable[[Session], T]) -> T:
    with Session(engine, expire_on_commit=False) as session:
        return run(session)
