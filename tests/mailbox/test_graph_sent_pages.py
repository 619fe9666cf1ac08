"""Reading a user's Sent Items in pages through the real Graph provider against the fake Graph (app-only)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import anyio
import pytest

from app.mailbox.base import SentPage
from app.mailbox.exceptions import MailboxUnavailable
from app.mailbox.fake_graph import FakeGraph, file_attachment, recipient, reference_attachment
from app.mailbox.fake_graph_sent import load_sent
from app.mailbox.graph_sent_pages import GraphSentReader
from tests.mailbox.graph_env import ALEX, TENANT, Sleeps, graph_mailbox, graph_settings, new_fake

SINCE = datetime(2026, 1, 1, tzinfo=UTC)


def sent(n: int, when: str = "2026-03-01T10:00:00Z") -> dict[str, object]:
    return {
        "subject": f"Angebot {n}",
        "body": f"Hallo Jonas, anbei das Angebot {n}.",
        "to": [recipient(f"jonas{n % 3}@solartech.de", "Jonas Weber")],
        "cc": [recipient("ops@shipfast.com")],
        "attachments": [file_attachment(f"Quotation_{n}.xlsx", f"q{n}".encode()), reference_attachment("link")],
        "sent": when.replace("01T", f"{n % 28 + 1:02d}T") if n else when,
    }


def read_all(fake: FakeGraph, page_size: int, sleeps: Sleeps | None = None) -> list[SentPage]:
    async def go() -> list[SentPage]:
        provider = graph_mailbox(graph_settings(), fake, sleep=sleeps if sleeps is not None else Sleeps())
        reader = GraphSentReader(provider)
        try:
            access = await provider.background_access(ALEX, f"entra:{TENANT}")
            pages, cursor = [], None
            while True:
                page = await reader.sent_page(access, SINCE, cursor, page_size)
                pages.append(page)
                if (cursor := page.cursor) is None:
                    return pages
        finally:
            await provider.aclose()

    return anyio.run(go)


def test_sent_mail_since_a_date_comes_in_pages_oldest_first_with_hashed_attachments() -> None:
    fake = new_fake()
    load_sent(fake, ALEX, [sent(n) for n in range(1, 12)] + [sent(0, "2025-11-30T09:00:00Z")])
    pages = read_all(fake, page_size=5)
    assert [len(p.messages) for p in pages] == [5, 5, 1]
    messages = [m for p in pages for m in p.messages]
    assert len(messages) == 11  # the one from November 2025 is older than the date asked for
    assert [m.subject for m in messages] == sorted((m.subject for m in messages), key=lambda s: int(s.split()[1]))
    first = next(m for m in messages if m.subject == "Angebot 1")
    assert first.to[0].email == "jonas1@solartech.de" and first.to[0].name == "Jonas Weber"
    assert first.body.startswith("Hallo Jonas")
    (attachment,) = first.attachments  # a cloud link is no file of the sender's
    assert attachment.sha256 == hashlib.sha256(b"q1").hexdigest() and attachment.content is None
    listing = fake.graph_requests("/mailFolders/SentItems/messages")[0]
    assert listing.path == f"/v1.0/users/{ALEX}/mailFolders/SentItems/messages"
    assert listing.query["$filter"] == "sentDateTime ge 2026-01-01T00:00:00Z"


def test_throttling_is_waited_out_as_graph_asks() -> None:
    fake = new_fake()
    load_sent(fake, ALEX, [sent(n) for n in range(1, 4)])
    fake.fail("throttle", times=2, path="/mailFolders/SentItems/messages", retry_after=3)
    sleeps = Sleeps()
    pages = read_all(fake, page_size=2, sleeps=sleeps)
    assert sum(len(p.messages) for p in pages) == 3
    assert len(sleeps) == 2 and all(3 <= s <= 4 for s in sleeps)


def test_a_cursor_pointing_elsewhere_is_refused() -> None:
    async def go() -> None:
        provider = graph_mailbox(graph_settings(), new_fake())
        try:
            access = await provider.background_access(ALEX, f"entra:{TENANT}")
            with pytest.raises(MailboxUnavailable):
                await GraphSentReader(provider).sent_page(access, SINCE, "https://evil.example/v1.0/x")
        finally:
            await provider.aclose()

    anyio.run(go)
