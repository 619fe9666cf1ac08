"""One object per app, kept on app.state and made on first use: the key caches of the sign-in verifiers.

One per app, not per process: tests run several apps in one process, each with its own settings and fakes."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from starlette.requests import HTTPConnection

T = TypeVar("T")
_lock = threading.Lock()


def per_app(conn: HTTPConnection, attribute: str, make: Callable[[], T]) -> T:
    """The app's `attribute`, made by `make` the first time (under a lock: two first requests make one)."""
    state = conn.app.state
    with _lock:
        found: T | None = getattr(state, attribute, None)
        if found is None:
            found = make()
            setattr(state, attribute, found)
    return found
