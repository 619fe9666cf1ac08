"""GmailMailbox against the fake Gmail API over real HTTP (google-api-python-client end to end)."""

from __future__ import annotations

import asyncio
import email
import email.policy
import time
from collections.abc import Iterator
from email.message import EmailMessage
from typing import Any

import pytest

from app.config import Settings
from app.mailbox.base import MailAddress, MailAttachment, MailboxAccess, OutgoingDraft
from app.mailbox.dependencies import build_provider
from app.mailbox.exceptions import ConsentMissing, MailboxUnavailable, MessageNotFound, SendOutcomeUnknown
from app.mailbox.fake_gmail import FakeGmail, sample_message
from app.mailbox.gmail import GmailAccess, GmailCreatedDraft, GmailMailbox
from tests.addons.servers import serve_asgi

USER = "alex@acme-trade.example"
TOKEN = "ya29.user-token"


@pytest.fixture(scope="module")
def gmail_server() -> Iterator[tuple[FakeGmail, str]]:
    fake = FakeGmail()
    fake.add_user(USER, TOKEN)
    with serve_asgi(fake.app) as url:
        yield fake, url


@pytest.fixture
def fake(gmail_server: tuple[FakeGmail, str]) -> Iterator[FakeGmail]:
    fake = gmail_server[0]
    fake.requests.clear()
    yield fake
    fake.fail_status = None
    fake.send_delay = 0.0
    fake.forbidden_tokens.clear()


def gmail_settings(url: str, **extra: Any) -> Settings:
    values: dict[str, Any] = {"mailbox_provider": "gmail", "gmail_api_base_url": url, "gmail_timeout_seconds": 5}
    return Settings(**{**values, **extra}, _env_file=None)  # type: ignore[call-arg]


@pytest.fixture
def mailbox(gmail_server: tuple[FakeGmail, str]) -> GmailMailbox:
    provider = build_provider(gmail_settings(gmail_server[1]))
    assert isinstance(provider, GmailMailbox)
    return provider


ACCESS = GmailAccess(user_email=USER, token=TOKEN)


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_build_provider_chooses_gmail(gmail_server: tuple[FakeGmail, str]) -> None:
    assert build_provider(gmail_settings(gmail_server[1])).name == "gmail"


def test_draft_with_non_ascii_names_and_subject_round_trips(fake: FakeGmail, mailbox: GmailMailbox) -> None:
    draft = OutgoingDraft(
        to=(MailAddress("wang.wei@huaxin.example", "王伟"),),
        cc=(MailAddress("j.mueller@helio-handel.example", "Jürgen Müller"),),
        subject="形式发票 – Entschuldigung",
        body_html="<p>Sehr geehrter Herr Müller, 您好</p>",
        body_text="Sehr geehrter Herr Müller, 您好",
    )
    created = run(mailbox.create_draft(ACCESS, draft))
    assert isinstance(created, GmailCreatedDraft)
    assert created.id.startswith("r") and created.message_id and created.thread_id
    assert created.web_link and created.message_id in created.web_link

    raw = fake.raw_draft(USER, created.id)
    assert raw.isascii(), "headers must be encoded words, bodies transfer-encoded"
    message = parse(raw)
    assert message["To"].addresses[0].display_name == "王伟"
    assert message["To"].addresses[0].addr_spec == "wang.wei@huaxin.example"
    assert message["Cc"].addresses[0].display_name == "Jürgen Müller"
    assert message["Subject"] == "形式发票 – Entschuldigung"
    assert message["From"].addresses[0].addr_spec == USER
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    assert plain is not None and html is not None
    assert plain.get_content().strip() == "Sehr geehrter Herr Müller, 您好"
    assert html.get_content().strip() == "<p>Sehr geehrter Herr Müller, 您好</p>"
    assert fake.requests[-1]["path"] == "/gmail/v1/users/me/drafts"


def test_draft_with_attachment_becomes_mixed(fake: FakeGmail, mailbox: GmailMailbox) -> None:
    draft = OutgoingDraft(
        to=(MailAddress("m.schmidt@solartech.example"),),
        subject="PI",
        body_html="<p>PI attached</p>",
        body_text="PI attached",
        attachments=(MailAttachment("PI_2026-001.pdf", "application/pdf", 4, b"%PDF"),),
    )
    created = run(mailbox.create_draft(ACCESS, draft))
    message = parse(fake.raw_draft(USER, created.id))
    assert message.get_content_type() == "multipart/mixed"
    files = list(message.iter_attachments())
    assert [(f.get_filename(), f.get_content()) for f in files] == [("PI_2026-001.pdf", b"%PDF")]


def test_read_message_prefers_plain_text_and_reads_attachments(fake: FakeGmail, mailbox: GmailMailbox) -> None:
    pdf = b"%PDF-1.4 " + b"x" * 5000
    raw = sample_message(
        USER,
        [("Laura Gómez", "l.gomez@sunpeak.example")],
        "PI für Auftrag 2026-001",
        "Dear Laura, please find attached the PI.",
        cc=[("王伟", "wang.wei@huaxin.example")],
        html="<p>Dear Laura, <b>please</b> find attached the PI.</p>",
        attachments=[("PI_SolarTech_2026-001.pdf", "application/pdf", pdf)],
    )
    message_id = fake.put_message(USER, raw)
    access = GmailAccess(user_email=USER, token=TOKEN, message_token="per-message-token")
    message = run(mailbox.get_message(access, message_id))

    assert message.id == message_id
    assert message.sender == USER
    assert message.to == (MailAddress("l.gomez@sunpeak.example", "Laura Gómez"),)
    assert message.cc == (MailAddress("wang.wei@huaxin.example", "王伟"),)
    assert message.subject == "PI für Auftrag 2026-001"
    assert message.body_format == "text"
    assert message.body.strip() == "Dear Laura, please find attached the PI."
    assert message.internet_message_id and message.internet_message_id.startswith("<")
    [attachment] = message.attachments
    assert attachment.name == "PI_SolarTech_2026-001.pdf"
    assert attachment.content == pdf and attachment.size == len(pdf)
    # The large part came through attachments.get, and every call carried the per-message token.
    paths = [r["path"] for r in fake.requests]
    assert any("/attachments/" in p for p in paths)
    assert all(r["message_token"] == "per-message-token" for r in fake.requests)
    assert fake.requests[0]["query"]["format"] == "full"


def test_html_only_message_is_read_as_html(fake: FakeGmail, mailbox: GmailMailbox) -> None:
    message = EmailMessage()
    message["From"] = USER
    message["To"] = "b@example.org"
    message["Subject"] = "Hi"
    message.set_content("<p>Hallo</p>", subtype="html")
    message_id = fake.put_message(USER, message.as_bytes())
    read = run(mailbox.get_message(ACCESS, message_id))
    assert read.body_format == "html"
    assert "<p>Hallo</p>" in read.body


def test_attachment_over_the_limit_is_reported_not_read(gmail_server: tuple[FakeGmail, str], fake: FakeGmail) -> None:
    small = GmailMailbox(gmail_settings(gmail_server[1], max_attachment_bytes=2048, max_check_attachment_bytes=2048))
    raw = sample_message(
        USER, [("", "b@example.org")], "x", "y", attachments=[("big.bin", "application/pdf", b"z" * 4096)]
    )
    message = run(small.get_message(ACCESS, fake.put_message(USER, raw)))
    [attachment] = message.attachments
    assert attachment.content is None and attachment.size == 4096
    assert not any("/attachments/" in r["path"] for r in fake.requests)


def test_prior_correspondence_searches_sent_mail(fake: FakeGmail, mailbox: GmailMailbox) -> None:
    fake.put_message(USER, sample_message(USER, [("", "known@customer.example")], "s", "b"))
    assert run(mailbox.has_corresponded(ACCESS, "Known@Customer.example")) is True
    assert run(mailbox.has_corresponded(ACCESS, "stranger@customer.example")) is False
    query = fake.requests[-1]["query"]
    assert query["q"] == "to:stranger@customer.example in:sent" and query["maxResults"] == "1"
    # Anything that could change the search is not searched at all.
    assert run(mailbox.has_corresponded(ACCESS, "a@b.c OR in:inbox")) is None


def test_a_send_gmail_does_not_answer_in_time_is_unknown_then_found(
    fake: FakeGmail, gmail_server: tuple[FakeGmail, str]
) -> None:
    impatient = build_provider(gmail_settings(gmail_server[1], gmail_timeout_seconds=0.5))
    draft = OutgoingDraft(to=(MailAddress("m.schmidt@solartech.example"),), subject="s", body_html="b", body_text="b")
    created = run(impatient.create_draft(ACCESS, draft))
    assert isinstance(created, GmailCreatedDraft)
    message_id = run(impatient.get_message(ACCESS, created.message_id)).internet_message_id
    fake.send_delay = 1.5
    with pytest.raises(SendOutcomeUnknown):
        run(impatient.send_draft(ACCESS, created.id))
    assert run(impatient.find_sent(ACCESS, message_id)) is False  # still being sent
    time.sleep(1.5)
    assert run(impatient.find_sent(ACCESS, message_id)) is True
    assert fake.send_calls[created.id] == 1


def test_send_draft_returns_message_id_and_find_sent_finds_it(fake: FakeGmail, mailbox: GmailMailbox) -> None:
    draft = OutgoingDraft(
        to=(MailAddress("m.schmidt@solartech.example"),), subject="s", body_html="<p>b</p>", body_text="b"
    )
    created = run(mailbox.create_draft(ACCESS, draft))
    result = run(mailbox.send_draft(ACCESS, created.id))
    assert result.internet_message_id and result.internet_message_id.startswith("<")
    assert run(mailbox.find_sent(ACCESS, result.internet_message_id)) is True
    assert run(mailbox.find_sent(ACCESS, "<nothing@mail.gmail.com>")) is False
    with pytest.raises(MessageNotFound):
        run(mailbox.send_draft(ACCESS, created.id))


def test_reply_draft_is_threaded(fake: FakeGmail, mailbox: GmailMailbox) -> None:
    original_id = fake.put_message(USER, sample_message(USER, [("", "b@example.org")], "Order", "text"))
    draft = OutgoingDraft(
        to=(MailAddress("b@example.org"),),
        subject="Re: Order",
        body_html="<p>x</p>",
        body_text="x",
        reply_to_message_id=original_id,
    )
    created = run(mailbox.create_draft(ACCESS, draft))
    assert created.thread_id == original_id
    original = parse(fake.raw_draft(USER, created.id))
    assert original["In-Reply-To"] and original["In-Reply-To"] == original["References"]


def test_errors_are_mapped(fake: FakeGmail, mailbox: GmailMailbox) -> None:
    with pytest.raises(MessageNotFound):
        run(mailbox.get_message(ACCESS, "does-not-exist"))
    fake.forbidden_tokens.add(TOKEN)
    with pytest.raises(ConsentMissing):
        run(mailbox.get_message(ACCESS, "does-not-exist"))
    fake.forbidden_tokens.clear()
    with pytest.raises(ConsentMissing):
        run(mailbox.get_message(MailboxAccess(user_email=USER, token="unknown-token"), "x"))
    with pytest.raises(ConsentMissing):
        run(mailbox.get_message(MailboxAccess(user_email=USER), "x"))
    fake.fail_status = 503
    with pytest.raises(MailboxUnavailable):
        run(mailbox.get_message(ACCESS, "x"))
    assert run(mailbox.has_corresponded(ACCESS, "a@b.example")) is None


def test_unreachable_gmail_is_unavailable() -> None:
    from tests.addons.servers import free_port

    mailbox = GmailMailbox(gmail_settings(f"http://127.0.0.1:{free_port()}/"))
    with pytest.raises(MailboxUnavailable):
        run(mailbox.get_message(ACCESS, "x"))


def test_gmail_cannot_recall() -> None:
    result = run(GmailMailbox(gmail_settings("http://127.0.0.1:9/")).recall(ACCESS, "x"))
    assert result.attempted is False and "cannot recall" in result.detail
