"""Bounded waits on PostgreSQL, so a database that stops answering costs a request seconds, not minutes.

A database that vanishes cleanly (refused or reset connections) fails fast on its own. One that stops
answering without closing anything (a partition, a stalled proxy or load balancer) leaves every query
waiting on a socket that never becomes readable. Four bounds stop that:

- connecting: libpq's ``connect_timeout`` covers the whole start-up and authentication exchange;
- each statement: the server cancels statements that run longer (``statement_timeout``);
- each answer: the client gives up on any round trip (query, commit, pool ping) that gets no complete
  answer in ``statement + ANSWER_MARGIN`` seconds, and closes that connection, which is then dropped from
  the pool. Only the client can notice a silent server;
- the pool: a request waits this long for a free connection.

TCP keepalives and ``tcp_user_timeout`` also let the kernel notice a dead peer on idle pooled connections.
Work that legitimately runs longer (migrations, the retention purge) lifts both limits on its own
connection with `long_statements` (bounded too, by minutes).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg

# What Connection.wait raises when its deadline passes (named in its docstring; no public alias).
from psycopg.errors import _WaitTimeout as WaitTimeout
from sqlalchemy import Connection, Engine, event

from app.config import Settings

# Time for the server's own cancellation to arrive before the client gives up on the connection.
ANSWER_MARGIN_SECONDS = 0.5
KEEPALIVE_IDLE_SECONDS = 10
KEEPALIVE_INTERVAL_SECONDS = 3
KEEPALIVE_COUNT = 3
# Migrations (and waiting for another replica's) and the retention purge.
LONG_STATEMENT_SECONDS = 15 * 60


@dataclass(frozen=True, slots=True)
class DatabaseTimeouts:
    connect_seconds: float = 2.0
    # 0: no statement limit and no answer limit (command-line tools).
    statement_seconds: float = 1.5
    pool_seconds: float = 1.0

    @classmethod
    def of(cls, settings: Settings) -> DatabaseTimeouts:
        return cls(
            connect_seconds=settings.db_connect_timeout_seconds,
            statement_seconds=settings.db_statement_timeout_seconds,
            pool_seconds=settings.db_pool_timeout_seconds,
        )

    @property
    def answer_seconds(self) -> float | None:
        return self.statement_seconds + ANSWER_MARGIN_SECONDS if self.statement_seconds > 0 else None


class BoundedConnection(psycopg.Connection[Any]):
    """A psycopg connection whose every wait for the server has a deadline (None: no deadline)."""

    answer_seconds: float | None = None

    def wait(self, gen: Any, interval: float = 0.1, timeout: float | None = None) -> Any:
        if timeout is not None or self.answer_seconds is None:
            return super().wait(gen, interval, timeout)
        try:
            return super().wait(gen, interval, self.answer_seconds)
        except WaitTimeout as exc:
            # The protocol state is unknown now (a request half sent, an answer half read): close, so that
            # SQLAlchemy sees a disconnect and the pool drops this connection.
            self.pgconn.finish()
            raise psycopg.OperationalError(f"the database did not answer within {self.answer_seconds:g} s") from exc


def postgres_connect_args(timeouts: DatabaseTimeouts) -> dict[str, Any]:
    args: dict[str, Any] = {
        # libpq counts whole seconds and at least 2.
        "connect_timeout": max(2, math.ceil(timeouts.connect_seconds)),
        "keepalives": 1,
        "keepalives_idle": KEEPALIVE_IDLE_SECONDS,
        "keepalives_interval": KEEPALIVE_INTERVAL_SECONDS,
        "keepalives_count": KEEPALIVE_COUNT,
        # Unacknowledged data for this long closes the connection (Linux).
        "tcp_user_timeout": KEEPALIVE_IDLE_SECONDS * 1000,
    }
    if timeouts.statement_seconds > 0:
        args["options"] = f"-c statement_timeout={int(timeouts.statement_seconds * 1000)}"
    return args


def bound_answers(engine: Engine, timeouts: DatabaseTimeouts) -> None:
    """Make the engine's PostgreSQL connections `BoundedConnection`s."""

    @event.listens_for(engine, "do_connect")
    def _connect(_dialect: Any, _record: Any, cargs: Any, cparams: dict[str, Any]) -> BoundedConnection:
        connection = BoundedConnection.connect(*cargs, **cparams)
        connection.answer_seconds = timeouts.answer_seconds
        return connection


@contextmanager
def long_statements(conn: Connection, seconds: float = LONG_STATEMENT_SECONDS) -> Iterator[None]:
    """Raise the statement and answer limits of this connection to `seconds` while the block runs.

    PostgreSQL only; start it outside a transaction. Afterwards the limits are reset, or, if the block left
    a transaction open (it failed), the connection is discarded rather than returned with unknown settings.
    """
    if conn.dialect.name != "postgresql":
        yield
        return
    if conn.in_transaction():
        raise RuntimeError("long_statements() must begin outside a transaction")
    conn.exec_driver_sql(f"SET statement_timeout = {int(seconds * 1000)}")
    conn.commit()
    dbapi = conn.connection.dbapi_connection
    previous = getattr(dbapi, "answer_seconds", None)
    if isinstance(dbapi, BoundedConnection):
        dbapi.answer_seconds = seconds + ANSWER_MARGIN_SECONDS
    try:
        yield
    finally:
        if isinstance(dbapi, BoundedConnection):
            dbapi.answer_seconds = previous
        if conn.invalidated or conn.in_transaction():
            conn.invalidate()
        else:
            conn.exec_driver_sql("RESET statement_timeout")
            conn.commit()
