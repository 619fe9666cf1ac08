"""The Gmail side of a sent-mail watch: the mailbox's history id, and what reached Sent Mail since, through the real
client against the fake Gmail (users.getProfile, users.history.list): `pytest -k watch`."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator

import pytest

from app.mailbox.dependencies import build_provider
from app.mailbox.fake_gmail import FakeGmail, sample_message
from app.mailbox.gmail import GmailAccess, GmailMailbox, HistoryExpired
from tests.addons.servers import serve_asgi
from tests.mailbox.test_gmail import gmail_settings

BUYER = [("Michael Schmidt", "m.schmidt@solartech.example")]
_users = itertools.count()


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[FakeGmail, str]]:
    fake = FakeGmail()
    with serve_asgi(fake.app) as url:
        yield fake, url


@pytest.fixture
def mailbox(server: tuple[FakeGmail, str]) -> GmailMailbox:
    provider = build_provider(gmail_settings(server[1]))
    assert isinstance(provider, GmailMailbox)
    return provider


@pytest.fixture
def user(server: tuple[FakeGmail, str]) -> tuple[FakeGmail, str, GmailAccess]:
    n = next(_users)
    email, token = f"watch{n}@acme-trade.example", f"ya29.watch-{n}"
    server[0].add_user(email, token)
    return server[0], email, GmailAccess(user_email=email, token=token)


def test_watch_gmail_sees_each_newly_sent_message_once(
    mailbox: GmailMailbox, user: tuple[FakeGmail, str, GmailAccess]
) -> None:
    fake, email, access = user
    before = fake.put_message(email, sample_message(email, BUYER, "old", "sent before the watch started"))
    start = asyncio.run(mailbox.current_history_id(access))
    sent_from_phone = fake.put_message(email, sample_message(email, BUYER, "PI", "sent from the phone"))
    fake.put_message(email, sample_message(BUYER[0][1], [("", email)], "Re", "received"), labels=("INBOX",))
    draft = fake.save_draft(email, sample_message(email, BUYER, "draft", "still a draft"))
    draft_message = fake._users[email].drafts[draft]
    asyncio.run(mailbox.send_draft(access, draft))

    first = asyncio.run(mailbox.sent_since(access, start))
    again = asyncio.run(mailbox.sent_since(access, first.history_id))

    assert first.message_ids == (sent_from_phone, draft_message)
    assert before not in first.message_ids
    assert again.message_ids == () and again.history_id == first.history_id


def test_watch_gmail_reads_every_page(mailbox: GmailMailbox, user: tuple[FakeGmail, str, GmailAccess]) -> None:
    fake, email, access = user
    start = asyncio.run(mailbox.current_history_id(access))
    sent = [fake.put_message(email, sample_message(email, BUYER, f"m{i}", "x")) for i in range(230)]
    fake.requests.clear()

    found = asyncio.run(mailbox.sent_since(access, start, page_size=100))

    assert found.message_ids == tuple(sent)
    assert sum(1 for r in fake.requests if r["path"].endswith("/history")) == 3


def test_watch_gmail_history_gap_is_reported_not_skipped(
    mailbox: GmailMailbox, user: tuple[FakeGmail, str, GmailAccess]
) -> None:
    fake, email, access = user
    start = asyncio.run(mailbox.current_history_id(access))
    fake.put_message(email, sample_message(email, BUYER, "lost in the gap", "x"))
    fake.expire_history(email)
    with pytest.raises(HistoryExpired):
        asyncio.run(mailbox.sent_since(access, start))
