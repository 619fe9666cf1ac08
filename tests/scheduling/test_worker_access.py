"""How the worker reaches a user's mailbox with no request around: the provider's background access."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import Engine

from app.config import Settings
from app.mailbox.base import MailboxAccess, SendResult
from app.mailbox.exceptions import ConsentMissing, MailboxUnavailable
from tests.scheduling.store import (
    ALEX_EMAIL,
    Clock,
    Owner,
    ScriptedMailbox,
    add_send,
    all_rows,
    drain,
    load,
    make_worker,
    new_draft,
)


class BackgroundMailbox(ScriptedMailbox):
    """A provider that acts for a user with no request around (Graph's app-only token), as the tenant's key says."""

    def __init__(self, refusal: Exception | None = None) -> None:
        super().__init__()
        self.asked: list[tuple[str, str]] = []
        self.refusal = refusal

    async def background_access(self, user_email: str, tenant_key: str) -> MailboxAccess:
        self.asked.append((user_email, tenant_key))
        if self.refusal is not None:
            raise self.refusal
        return MailboxAccess(user_email, token=f"app-token-for-{tenant_key}")

    async def send_draft(self, access: MailboxAccess, draft_id: str, marker: str | None = None) -> SendResult:
        assert access.token == "app-token-for-dev:acme-trade.example"
        return await super().send_draft(access, draft_id, marker)


def test_background_access_is_asked_with_the_tenants_key_looked_up_once(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock
) -> None:
    mailbox = BackgroundMailbox()
    for subject in ("One", "Two", "Three"):
        add_send(engine, owner, new_draft(mailbox.inner, subject), clock.now)
    worker = make_worker(engine, mailbox, settings, clock, batch=1)
    lookups: list[uuid.UUID] = []
    look_up = worker._tenant_key
    worker._tenant_key = lambda tenant_id: lookups.append(tenant_id) or look_up(tenant_id)  # type: ignore[method-assign]
    assert drain(worker) == 3
    assert mailbox.asked == [(ALEX_EMAIL, "dev:acme-trade.example")] * 3
    assert lookups == [owner.tenant_id]
    assert {r.status for r in all_rows(engine)} == {"sent"}
    assert worker._tenant_key(uuid.uuid4()) == ""


@pytest.mark.parametrize(
    ("refusal", "status", "reason"),
    [
        (
            ConsentMissing("The administrator has not granted Mail.Send."),
            "failed",
            "The administrator has not granted Mail.Send.",
        ),
        (MailboxUnavailable("The token service is away."), "pending", "The token service is away."),
    ],
)
def test_background_access_refused_or_away(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock, refusal: Exception, status: str, reason: str
) -> None:
    mailbox = BackgroundMailbox(refusal)
    send_id = add_send(engine, owner, new_draft(mailbox.inner), clock.now)
    drain(make_worker(engine, mailbox, settings, clock))
    row = load(engine, send_id)
    assert (row.status, row.last_error, mailbox.calls) == (status, reason, [])


def test_without_background_access_the_worker_uses_the_users_own_mailbox(
    engine: Engine, owner: Owner, settings: Settings, clock: Clock
) -> None:
    mailbox = ScriptedMailbox()
    add_send(engine, owner, new_draft(mailbox.inner), clock.now)
    drain(make_worker(engine, mailbox, settings, clock))
    assert [call[:2] for call in mailbox.calls] == [("send_draft", ALEX_EMAIL)]
