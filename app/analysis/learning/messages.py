"""The learner's view of one sent message: addresses, text and attachment names with their content hashes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LearnAttachment:
    name: str
    sha256: str | None = None  # of the bytes, computed in memory by the reader; None when not read


@dataclass(frozen=True, slots=True)
class LearnMessage:
    sender: str
    to: tuple[tuple[str, str], ...]  # (address, display name)
    cc: tuple[tuple[str, str], ...] = ()
    subject: str = ""
    body: str = ""
    body_format: str = "text"
    attachments: tuple[LearnAttachment, ...] = ()
