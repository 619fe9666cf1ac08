"""Finding the draft being composed in Gmail (drafts.list newest first, matched by recipients and thread), read
whole through the real client against the fake Gmail: `pytest -k whole_draft`."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator
from email.message import EmailMessage

import pytest

from app.mailbox.dependencies import build_provider
from app.mailbox.fake_gmail import FakeGmail, sample_message
from app.mailbox.gmail import GmailAccess, GmailMailbox
from app.mailbox.gmail_drafts import DRAFTS_OPENED
from app.mailbox.gmail_mime import parse_raw
from tests.addons.servers import serve_asgi
from tests.mailbox.test_gmail import gmail_settings

CUSTOMER_A = ("Michael Schmidt", "m.schmidt@solartech.example")
CUSTOMER_B = ("Laura Gómez", "l.gomez@sunpeak.example")
PARTNER = ("Wei Chen", "chen@logistics.example")
_users = itertools.count()


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[FakeGmail, str]]:
    fake = FakeGmail()
    with serve_asgi(fake.app) as url:
        yield fake, url


@pytest.fixture
def fake(server: tuple[FakeGmail, str]) -> FakeGmail:
    server[0].requests.clear()
    return server[0]


@pytest.fixture
def mailbox(server: tuple[FakeGmail, str]) -> GmailMailbox:
    provider = build_provider(gmail_settings(server[1], max_attachment_bytes=50_000))
    assert isinstance(provider, GmailMailbox)
    return provider


@pytest.fixture
def user(fake: FakeGmail) -> tuple[str, GmailAccess]:
    """A mailbox of its own for each test: the drafts of one test never match another's."""
    n = next(_users)
    email, token = f"user{n}@acme-trade.example", f"ya29.drafts-{n}"
    fake.add_user(email, token)
    return email, GmailAccess(user_email=email, token=token)


def keys(*people: tuple[str, str]) -> frozenset[str]:
    return frozenset(address for _, address in people)


def test_whole_draft_found_among_several_open_drafts(
    fake: FakeGmail, mailbox: GmailMailbox, user: tuple[str, GmailAccess]
) -> None:
    email, access = user
    pi = b"%PDF-1.4 Proforma invoice for SolarTech GmbH " + b"x" * 4000  # larger than Gmail serves inline
    fake.save_draft(email, sample_message(email, [CUSTOMER_A], "Catalogue", "Dear Michael, our catalogue."))
    wanted = fake.save_draft(
        email,
        sample_message(
            email,
            [CUSTOMER_B],
            "PI 2026-001",
            "Dear Laura, please find the PI attached.",
            cc=[PARTNER],
            attachments=[("PI_SolarTech_2026-001.pdf", "application/pdf", pi)],
        ),
    )
    fake.save_draft(email, sample_message(email, [CUSTOMER_B], "Hello", "Dear Laura, hello."))

    found = asyncio.run(mailbox.find_draft(access, keys(CUSTOMER_B, PARTNER)))

    assert found is not None and found.draft_id == wanted
    message = found.message
    assert message.subject == "PI 2026-001"
    assert "please find the PI attached" in message.body
    assert [a.email for a in message.cc] == [PARTNER[1]]
    (attachment,) = message.attachments
    assert attachment.name == "PI_SolarTech_2026-001.pdf" and attachment.content == pi
    # gmail.compose allows drafts.list and drafts.get only: nothing else was asked for.
    assert {r["path"].rsplit("/", 1)[0] for r in fake.requests} <= {"/gmail/v1/users/me", "/gmail/v1/users/me/drafts"}
    assert fake.requests[0]["path"] == "/gmail/v1/users/me/drafts"


def test_whole_draft_with_the_same_recipients_twice_is_the_newest(
    fake: FakeGmail, mailbox: GmailMailbox, user: tuple[str, GmailAccess]
) -> None:
    email, access = user
    fake.save_draft(email, sample_message(email, [CUSTOMER_A], "Older", "old"))
    newest = fake.save_draft(email, sample_message(email, [CUSTOMER_A], "Newer", "new"))
    found = asyncio.run(mailbox.find_draft(access, keys(CUSTOMER_A)))
    assert found is not None and (found.draft_id, found.message.subject) == (newest, "Newer")


def test_whole_draft_of_a_reply_is_the_one_in_its_thread(
    fake: FakeGmail, mailbox: GmailMailbox, user: tuple[str, GmailAccess]
) -> None:
    email, access = user
    original = fake.put_message(email, sample_message(CUSTOMER_A[1], [("", email)], "Order 17", "Please quote."))
    reply = fake.save_draft(
        email,
        sample_message(email, [CUSTOMER_A], "Re: Order 17", "Our quotation.", in_reply_to="<q17@solartech>"),
        thread_id=original,
    )
    # A newer draft to the same person, not in that thread: the reply's card must not check this one.
    fake.save_draft(email, sample_message(email, [CUSTOMER_A], "New topic", "Something else."))

    in_thread = asyncio.run(mailbox.find_draft(access, keys(CUSTOMER_A), thread_id=original))
    anywhere = asyncio.run(mailbox.find_draft(access, keys(CUSTOMER_A)))

    assert in_thread is not None and in_thread.draft_id == reply and in_thread.thread_id == original
    assert in_thread.message.subject == "Re: Order 17"
    assert anywhere is not None and anywhere.message.subject == "New topic"


def test_whole_draft_not_yet_autosaved_is_not_found_until_it_is(
    fake: FakeGmail, mailbox: GmailMailbox, user: tuple[str, GmailAccess]
) -> None:
    email, access = user
    # Saved while only customer A was in To; the user has since added customer B (Gmail has not saved yet).
    draft = fake.save_draft(email, sample_message(email, [CUSTOMER_A], "PI", "Dear Michael"))
    assert asyncio.run(mailbox.find_draft(access, keys(CUSTOMER_A, CUSTOMER_B))) is None

    fake.save_draft(email, sample_message(email, [CUSTOMER_A, CUSTOMER_B], "PI", "Dear Michael"), draft_id=draft)
    found = asyncio.run(mailbox.find_draft(access, keys(CUSTOMER_A, CUSTOMER_B)))
    assert found is not None and found.draft_id == draft


def test_whole_draft_bcc_counts_in_the_match(
    fake: FakeGmail, mailbox: GmailMailbox, user: tuple[str, GmailAccess]
) -> None:
    email, access = user
    with_bcc = fake.save_draft(email, sample_message(email, [CUSTOMER_A], "x", "y", bcc=[PARTNER]))
    fake.save_draft(email, sample_message(email, [CUSTOMER_A], "without", "y"))
    found = asyncio.run(mailbox.find_draft(access, keys(CUSTOMER_A, PARTNER)))
    assert found is not None and found.draft_id == with_bcc
    assert [a.email for a in found.message.bcc] == [PARTNER[1]]


def test_whole_draft_looks_at_a_bounded_number_of_drafts(
    fake: FakeGmail, mailbox: GmailMailbox, user: tuple[str, GmailAccess]
) -> None:
    email, access = user
    for n in range(DRAFTS_OPENED + 5):
        fake.save_draft(email, sample_message(email, [CUSTOMER_A], f"d{n}", "body"))
    fake.requests.clear()
    assert asyncio.run(mailbox.find_draft(access, keys(CUSTOMER_B))) is None
    assert len(fake.requests) == 1 + DRAFTS_OPENED


def test_whole_draft_raw_parsing_keeps_names_of_what_it_cannot_read() -> None:
    inner = EmailMessage()
    inner["Subject"] = "forwarded"
    inner.set_content("inside")
    outer = EmailMessage()
    outer["From"] = "alex@acme-trade.example"
    outer["To"] = "=?utf-8?b?5byg5LiJ?= <zhang@customer.example>"
    outer["Subject"] = "=?utf-8?b?5oql5Lu35Y2V?="  # 报价单
    outer.set_content("见附件")
    outer.add_attachment(b"a" * 300, maintype="application", subtype="pdf", filename="big.pdf")
    outer.add_attachment(b"small", maintype="text", subtype="plain", filename="note.txt")
    outer.add_attachment(inner)

    parsed = parse_raw(outer.as_bytes(), "m1", max_attachment_bytes=200, max_total_bytes=1000)

    assert parsed.subject == "报价单" and parsed.body.strip() == "见附件"
    assert parsed.to[0].name == "张三" and parsed.to[0].email == "zhang@customer.example"
    by_name = {a.name: a for a in parsed.attachments}
    assert by_name["big.pdf"].content is None and by_name["big.pdf"].size == 300
    assert by_name["note.txt"].content == b"small"
    forwarded = [a for a in parsed.attachments if a.kind == "item"]
    assert len(forwarded) == 1 and forwarded[0].content is None
    assert "inside" not in parsed.body
