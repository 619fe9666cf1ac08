"""Reading a user's sent Gmail in pages with domain-wide delegation, against the fake Gmail and Google token service."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from app.config import Settings
from app.mailbox.base import SentPage
from app.mailbox.fake_gmail import sample_message
from app.mailbox.gmail import GmailMailbox
from app.mailbox.gmail_sent_pages import GmailSentReader
from tests.mailbox.delegation_env import DOMAIN, Workspace, workspace

ALEX = f"alex@{DOMAIN}"
TENANT = f"google:{DOMAIN}"


@pytest.fixture(scope="module")
def ws() -> Iterator[Workspace]:
    with workspace() as made:
        made.authorise()
        yield made


def put(ws: Workspace, n: int, when: datetime) -> None:
    raw = sample_message(
        ALEX,
        [("Jonas Weber", f"jonas{n}@solartech.de")],
        f"Angebot {n}",
        "Hallo Jonas, anbei das Angebot.",
        attachments=[(f"Quotation_{n}.xlsx", "application/octet-stream", f"q{n}".encode())],
    )
    raw = raw.replace(b"From:", f"Date: {format_datetime(when)}\r\nFrom:".encode(), 1)
    ws.gmail.put_message(ALEX, raw)


def read_all(ws: Workspace, since: datetime, page_size: int) -> list[SentPage]:
    async def go() -> list[SentPage]:
        settings = Settings(_env_file=None, **ws.settings_values())  # type: ignore[call-arg, arg-type]
        mailbox = GmailMailbox(settings)
        reader = GmailSentReader(mailbox)
        try:
            access = await mailbox.background_access(ALEX, TENANT)
            pages, cursor = [], None
            while True:
                page = await reader.sent_page(access, since, cursor, page_size)
                pages.append(page)
                if (cursor := page.cursor) is None:
                    return pages
        finally:
            await mailbox.aclose()

    return asyncio.run(go())


def test_sent_gmail_after_a_date_comes_in_pages_with_hashed_attachments(ws: Workspace) -> None:
    for n in range(1, 8):
        put(ws, n, datetime(2026, 3, n, 9, tzinfo=UTC))
    put(ws, 0, datetime(2025, 10, 1, tzinfo=UTC))
    pages = read_all(ws, datetime(2026, 1, 1, tzinfo=UTC), page_size=3)
    assert [len(p.messages) for p in pages] == [3, 3, 1]
    messages = [m for p in pages for m in p.messages]
    assert sorted(m.subject for m in messages) == [f"Angebot {n}" for n in range(1, 8)]
    first = next(m for m in messages if m.subject == "Angebot 1")
    assert first.to[0].email == "jonas1@solartech.de" and first.to[0].name == "Jonas Weber"
    (attachment,) = first.attachments
    assert attachment.sha256 == hashlib.sha256(b"q1").hexdigest() and attachment.content is None
