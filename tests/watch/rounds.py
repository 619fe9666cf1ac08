"""Driving a watcher in tests, whichever provider it reads: rounds with mail sent in between, and time passing."""

from __future__ import annotations

import asyncio
from typing import Protocol

from sqlalchemy import Engine
from sqlmodel import Session, select

from app.common import utcnow
from app.tenants.models import User
from app.watch.models import WatchState
from app.watch.worker import Watcher


class _State(Protocol):
    engine: Engine


class _App(Protocol):
    state: _State


class WatchEnv(Protocol):
    @property
    def app(self) -> _App: ...


def run(watcher: Watcher, *steps: object) -> None:
    """Watch rounds, with mail sent in between: ints are rounds, callables send mail."""

    async def scenario() -> None:
        for step in steps:
            if callable(step):
                step()
            else:
                for _ in range(int(step)):  # type: ignore[call-overload]
                    await watcher.run_once()

    asyncio.run(scenario())


def state_of(env: WatchEnv, email: str) -> WatchState:
    with Session(env.app.state.engine) as session:
        user = session.exec(select(User).where(User.email == email)).one()
        return session.exec(select(WatchState).where(WatchState.user_id == user.id)).one()


def make_due(env: WatchEnv, email: str) -> WatchState:
    """Time passes: the user's next poll is due now (a throttled user waits its Retry-After otherwise).
    Returns the state as read, with only its next poll moved."""
    with Session(env.app.state.engine, expire_on_commit=False) as session:
        state = session.get(WatchState, state_of(env, email).id)
        assert state is not None
        state.next_poll_at = utcnow()
        session.add(state)
        session.commit()
        return state
