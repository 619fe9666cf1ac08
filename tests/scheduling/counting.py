"""A mailbox that counts every send call, so a duplicate send shows even where the provider would hide it.

The in-memory mailbox removes a draft on its first send, so a second worker's send of the same draft fails
and looks like "already sent": the message would have gone out once either way. A real provider called
twice may well send twice (a retried request, a draft saved again), so the exactly-once proof counts calls.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import Callable
from typing import Any

from app.mailbox.base import MailboxAccess, SendResult
from app.mailbox.fake import FakeMailbox


class CountingMailbox:
    def __init__(
        self,
        inner: FakeMailbox,
        *,
        latency: float = 0.0,
        after_send: Callable[[str], None] | None = None,
    ) -> None:
        self.inner = inner
        self.name = inner.name
        # A provider takes time to send: two workers holding the same row would both be inside the call.
        self.latency = latency
        self.after_send = after_send
        self.calls: Counter[str] = Counter()
        self._lock = threading.Lock()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        with self._lock:
            self.calls[draft_id] += 1
        if self.latency:
            await asyncio.sleep(self.latency)
        result = await self.inner.send_draft(access, draft_id, marker)
        if self.after_send is not None:
            self.after_send(draft_id)
        return result

    def duplicates(self) -> dict[str, int]:
        return {draft_id: count for draft_id, count in self.calls.items() if count > 1}
