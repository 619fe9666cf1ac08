"""Small pieces shared by every domain package."""

from __future__ import annotations

import ipaddress
import os
import threading
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field

JSONType = JSON().with_variant(JSONB(), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; every stored time is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


class _RandomIds:
    """Random (version 4) ids from the system's random source, read 4 KB at a time.

    `uuid.uuid4()` reads 16 bytes per id, and the read gives up the GIL: on the event loop, with a thread
    busy, each check record's id then waited for the GIL to come back (up to the 5 ms switch interval)."""

    BLOCK = 4096

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._buffer = b""
        self._at = 0
        os.register_at_fork(after_in_child=self._forget)  # a forked child must never repeat the parent's ids

    def next(self) -> uuid.UUID:
        with self._lock:
            if self._at >= len(self._buffer):
                self._buffer, self._at = os.urandom(self.BLOCK), 0
            chunk = self._buffer[self._at : self._at + 16]
            self._at += 16
        return uuid.UUID(bytes=chunk, version=4)

    def _forget(self) -> None:
        self._lock = threading.Lock()
        self._buffer, self._at = b"", 0


_ids = _RandomIds()


def new_id() -> uuid.UUID:
    return _ids.next()


def id_field() -> Any:
    return Field(default_factory=new_id, primary_key=True)


def json_column(nullable: bool = False) -> Column[Any]:
    return Column(JSONType, nullable=nullable)


def timestamp_column(nullable: bool = False) -> Column[Any]:
    return Column(DateTime(timezone=True), nullable=nullable)


def created_at_field() -> Any:
    return Field(default_factory=utcnow, sa_type=DateTime(timezone=True), nullable=False)


def is_loopback(host: str) -> bool:
    """Whether a host name or address is this machine's loopback (localhost, 127.0.0.0/8, ::1)."""
    host = host.strip().strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
