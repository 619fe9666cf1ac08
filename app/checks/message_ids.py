"""Recognising a message again without keeping its id: a tenant-salted hash of its internet message id.

A check records the hash when it knows the id (the mailbox read the draft, or the client sent the id), so that
the sent-mail watch can tell a message SendGuard already checked at send time from one it never saw.
"""

from __future__ import annotations

import hashlib
import uuid


def normalized_message_id(internet_message_id: str) -> str:
    return internet_message_id.strip().strip("<>").strip()


def message_hash(tenant_id: uuid.UUID, internet_message_id: str | None) -> str | None:
    value = normalized_message_id(internet_message_id or "")
    if not value:
        return None
    return hashlib.sha256(f"{tenant_id}:message:{value}".encode()).hexdigest()
