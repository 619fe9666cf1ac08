"""GraphMailbox and the on-behalf-of exchange, over HTTP against the fake Graph/Entra service (no database)."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any, TypeVar

import anyio
import httpx
import pytest
from pydantic import SecretStr

from app.auth.principal import Principal
from app.common import utcnow
from app.config import Settings
from app.errors import AppError
from app.mailbox.base import MailAddress, MailAttachment, MailboxAccess, OutgoingDraft
from app.mailbox.exceptions import AlreadySent, ConsentMissing, MailboxUnavailable, MessageNotFound
from app.mailbox.fake_graph import (
    FakeGraph,
    file_attachment,
    item_attachment,
    recipient,
    reference_attachment,
)
from app.mailbox.graph import SAME_ORGANIZATION_ONLY, GraphMailbox
from app.mailbox.graph_auth import GraphAuth, MailboxReauthRequired
from app.mailbox.graph_json import parse_time
from tests.mailbox.graph_env import ALEX, TENANT, Sleeps, graph_mailbox, graph_settings, new_fake, principal

T = TypeVar("T")


def run(fn: Callable[[], Awaitable[T]]) -> T:
    return anyio.run(fn)


class Env:
    def __init__(self, settings: Settings | None = None, **kwargs: Any) -> None:
        self.fake: FakeGraph = new_fake()
        self.settings = settings or graph_settings()
        self.sleeps = Sleeps()
        kwargs.setdefault("sleep", self.sleeps)
        self.mailbox: GraphMailbox = graph_mailbox(self.settings, self.fake, **kwargs)
        self.principal = principal(self.fake)

    def __call__(self, action: Callable[[GraphMailbox, MailboxAccess], Awaitable[T]]) -> T:
        async def go() -> T:
            try:
                access = await self.mailbox.access_for(self.principal, ALEX)
                return await action(self.mailbox, access)
            finally:
                await self.mailbox.aclose()

        return run(go)


@pytest.fixture
def env() -> Env:
    return Env()


def test_a_draft_read_with_its_fields(env: Env) -> None:
    message_id = env.fake.add_message(
        ALEX,
        subject="PI for order 2026-001",
        body="<p>Dear Laura,</p><p>please find attached the PI &amp; terms.</p>",
        to=[recipient("l.gomez@sunpeak.example", "Laura Gómez")],
        cc=[recipient("lin.wei@acme-trade.example", "Lin Wei")],
        bcc=[recipient("archive@acme-trade.example")],
    )
    message = env(lambda m, a: m.get_message(a, message_id))
    assert message.id == message_id
    assert message.sender == ALEX
    assert message.to == (MailAddress("l.gomez@sunpeak.example", "Laura Gómez"),)
    assert message.cc == (MailAddress("lin.wei@acme-trade.example", "Lin Wei"),)
    assert [r.email for r in message.bcc] == ["archive@acme-trade.example"]
    assert message.subject == "PI for order 2026-001"
    assert message.body_format == "text"
    assert "please find attached the PI & terms." in message.body and "<p>" not in message.body
    assert message.is_draft is True
    assert message.internet_message_id == env.fake.message(ALEX, message_id)["internetMessageId"]
    assert message.attachments == ()
    read = env.fake.graph_requests(f"/messages/{message_id}")[0]
    assert read.headers["prefer"] == 'outlook.body-content-type="text"'
    assert "toRecipients" in read.query["$select"] and "internetMessageId" in read.query["$select"]
    assert not env.fake.graph_requests("/attachments")  # hasAttachments false: no listing


def test_attachments_files_items_references_and_limits() -> None:
    env = Env(graph_settings(max_attachment_bytes=4096))
    text = b"Proforma invoice for SolarTech GmbH, order 2026-001"
    message_id = env.fake.add_message(
        ALEX,
        subject="Order",
        attachments=[
            file_attachment("PI.txt", text, "text/plain"),
            item_attachment("Fwd: earlier order.eml"),
            reference_attachment("Price list.xlsx"),
            file_attachment("huge.bin", b"x" * 5000),
            file_attachment("lying.bin", b"y" * 6000, size=100),
            file_attachment("logo.png", b"\x89PNG....", "image/png", isInline=True),
        ],
    )
    message = env(lambda m, a: m.get_message(a, message_id))
    by_name = {a.name: a for a in message.attachments}
    assert set(by_name) == {"PI.txt", "Fwd: earlier order.eml", "Price list.xlsx", "huge.bin", "lying.bin"}
    assert by_name["PI.txt"] == MailAttachment("PI.txt", "text/plain", len(text), text, "file")
    assert (by_name["Fwd: earlier order.eml"].kind, by_name["Fwd: earlier order.eml"].content) == ("item", None)
    assert (by_name["Price list.xlsx"].kind, by_name["Price list.xlsx"].content) == ("reference", None)
    assert (by_name["huge.bin"].content, by_name["huge.bin"].size) == (None, 5000)
    assert by_name["lying.bin"].content is None
    listing = env.fake.graph_requests("/attachments")[0]
    assert "contentBytes" not in listing.query["$select"]  # the listing never carries the bytes
    fetched = {r.path.rsplit("/", 1)[1] for r in env.fake.graph_requests("/attachments/")}
    ids = {a["name"]: a["id"] for a in env.fake.message(ALEX, message_id)["attachments"]}
    assert fetched == {ids["PI.txt"], ids["lying.bin"]}  # not the huge one, not items or references


def test_prior_correspondence_found_not_found_and_cached() -> None:
    clock = [0.0]
    env = Env(clock=lambda: clock[0], correspondence_ttl_seconds=600)
    env.fake.add_sent(ALEX, ["m.schmidt@solartech.example"])
    env.fake.add_message(ALEX, to=[recipient("drafted.only@nowhere.example")])  # a draft is not correspondence

    async def lookups(m: GraphMailbox, a: MailboxAccess) -> list[bool | None]:
        answers = [
            await m.has_corresponded(a, "M.Schmidt@SolarTech.example"),
            await m.has_corresponded(a, "someone@new.example"),
            await m.has_corresponded(a, "drafted.only@nowhere.example"),
            await m.has_corresponded(a, "m.schmidt@solartech.example"),  # cached
            await m.has_corresponded(a, 'evil" OR "x@y.example'),  # not an address: unknown, not searched
        ]
        env.fake.add_sent(ALEX, ["someone@new.example"])
        answers.append(await m.has_corresponded(a, "someone@new.example"))  # still cached
        clock[0] += 601
        answers.append(await m.has_corresponded(a, "someone@new.example"))  # expired: asked again
        return answers

    assert env(lookups) == [True, False, False, True, None, False, True]
    searches = env.fake.graph_requests("/mailFolders/SentItems/messages")
    assert [r.query["$search"] for r in searches] == [
        '"to:m.schmidt@solartech.example"',
        '"to:someone@new.example"',
        '"to:drafted.only@nowhere.example"',
        '"to:someone@new.example"',
    ]
    assert all(r.headers["consistencylevel"] == "eventual" and r.query["$top"] == "1" for r in searches)


def test_a_throttled_lookup_is_unknown_not_an_error(env: Env) -> None:
    env.fake.fail("throttle", times=10, path="/mailFolders/", retry_after=0)
    assert env(lambda m, a: m.has_corresponded(a, "m.schmidt@solartech.example")) is None
    assert len(env.fake.graph_requests("/mailFolders/")) == 2  # one retry at most for a hint


def test_new_draft_reply_and_reply_all(env: Env) -> None:
    original = env.fake.add_message(
        ALEX,
        subject="PI",
        body="<p>SECRET-ORIGINAL-CONTENT</p>",
        to=[recipient("l.gomez@sunpeak.example")],
        cc=[recipient("j.weber@sunpeak.example")],
        is_draft=False,
        folder="sentitems",
    )
    letter = OutgoingDraft(
        to=(MailAddress("l.gomez@sunpeak.example", "Laura Gómez"),),
        subject="Please delete our previous e-mail",
        body_html="<p>Dear Laura, we apologise.</p>",
        body_text="Dear Laura, we apologise.",
    )

    async def create(m: GraphMailbox, a: MailboxAccess) -> list[Any]:
        attached = MailAttachment("note.txt", "text/plain", 5, b"hello")
        return [
            await m.create_draft(a, letter),
            await m.create_draft(a, OutgoingDraft(**{**_fields(letter), "reply_to_message_id": original})),
            await m.create_draft(
                a,
                OutgoingDraft(
                    **{**_fields(letter), "reply_to_message_id": original, "reply_all": True, "to": ()},
                    attachments=(attached,),
                ),
            ),
        ]

    new, reply, reply_all = env(create)
    drafts = {m["id"]: m for m in env.fake.folder(ALEX, "drafts")}
    assert set(drafts) == {new.id, reply.id, reply_all.id}
    assert new.web_link and new.id in new.web_link
    first = drafts[new.id]
    assert first["subject"] == letter.subject
    assert (first["body"]["contentType"].lower(), first["body"]["content"]) == ("html", letter.body_html)
    assert first["toRecipients"] == [recipient("l.gomez@sunpeak.example", "Laura Gómez")]
    assert first["ccRecipients"] == []
    second = drafts[reply.id]
    assert "SECRET-ORIGINAL-CONTENT" not in second["body"]["content"]  # the wrong mail is not quoted again
    assert [r["emailAddress"]["address"] for r in second["toRecipients"]] == ["l.gomez@sunpeak.example"]
    assert env.fake.graph_requests(f"/messages/{original}/createReply")
    third = drafts[reply_all.id]
    # reply-all without our own recipients keeps Graph's (everyone on the original)
    assert [r["emailAddress"]["address"] for r in third["toRecipients"]] == ["l.gomez@sunpeak.example"]
    assert [r["emailAddress"]["address"] for r in third["ccRecipients"]] == ["j.weber@sunpeak.example"]
    assert [a["name"] for a in third["attachments"]] == ["note.txt"]
    assert env.fake.graph_requests(f"/messages/{original}/createReplyAll")


def _fields(draft: OutgoingDraft) -> dict[str, Any]:
    return {f: getattr(draft, f) for f in ("to", "subject", "body_html", "body_text", "cc")}


def test_send_moves_the_draft_and_it_is_found_in_sent_items(env: Env) -> None:
    draft_id = env.fake.add_message(ALEX, subject="Hello", to=[recipient("new.buyer@customer.example")])
    expected = env.fake.message(ALEX, draft_id)["internetMessageId"]

    async def flow(m: GraphMailbox, a: MailboxAccess) -> list[Any]:
        before = await m.find_sent(a, expected)
        known_before = await m.has_corresponded(a, "new.buyer@customer.example")
        result = await m.send_draft(a, draft_id)
        searches = len(env.fake.graph_requests("/mailFolders/SentItems/messages"))
        known_after = await m.has_corresponded(a, "new.buyer@customer.example")
        assert len(env.fake.graph_requests("/mailFolders/SentItems/messages")) == searches  # learned from the send
        after = await m.find_sent(a, expected)
        other = await m.find_sent(a, "<it's-not-there@example>")
        with pytest.raises(MessageNotFound):
            await m.send_draft(a, draft_id)  # already sent: no longer a draft
        return [before, known_before, result.internet_message_id, known_after, after, other]

    assert env(flow) == [False, False, expected, True, True, False]
    sent = env.fake.message(ALEX, draft_id)
    assert (sent["isDraft"], sent["parentFolderId"]) == (False, "sentitems")
    assert len(env.fake.graph_requests("/send")) == 1
    filters = [r.query.get("$filter") for r in env.fake.graph_requests("/mailFolders/SentItems/messages")]
    assert "internetMessageId eq '<it''s-not-there@example>'" in filters


def test_recall_off_by_default_and_attempted_when_enabled() -> None:
    off = Env()
    sent = off.fake.add_sent(ALEX, ["l.gomez@sunpeak.example"])
    result = off(lambda m, a: m.recall(a, sent))
    assert result.attempted is False
    assert SAME_ORGANIZATION_ONLY in result.limitations
    assert not off.fake.graph_requests("/recall")

    on = Env(graph_settings(graph_recall_enabled=True))
    sent = on.fake.add_sent(ALEX, ["l.gomez@sunpeak.example"])
    result = on(lambda m, a: m.recall(a, sent))
    assert result.attempted is True
    assert SAME_ORGANIZATION_ONLY in result.limitations
    assert on.fake.recalls == [sent]
    assert on.fake.requests[-1].path == f"/beta/me/messages/{sent}/recall"

    missing = Env(graph_settings(graph_recall_enabled=True))
    with pytest.raises(MessageNotFound):
        missing(lambda m, a: m.recall(a, "AAMk-gone"))


def test_throttling_is_retried_honouring_retry_after(env: Env) -> None:
    message_id = env.fake.add_message(ALEX, subject="Hi")
    env.fake.fail("unavailable", times=1, path=f"/messages/{message_id}")
    env.fake.fail("throttle", times=2, path=f"/messages/{message_id}", retry_after=2)
    assert env(lambda m, a: m.get_message(a, message_id)).subject == "Hi"
    assert len(env.sleeps) == 3
    assert 0 < env.sleeps[0] < 1  # 503 without Retry-After: a short back-off
    assert all(2 <= s <= 2.5 for s in env.sleeps[1:])  # Retry-After plus a little jitter
    assert len(env.fake.graph_requests(f"/messages/{message_id}")) == 4


def test_a_throttling_storm_gives_up_within_bounds(env: Env) -> None:
    message_id = env.fake.add_message(ALEX, subject="Hi")
    env.fake.fail("throttle", times=1000, retry_after=1)
    with pytest.raises(MailboxUnavailable) as info:
        env(lambda m, a: m.get_message(a, message_id))
    assert info.value.headers == {"Retry-After": "1"}
    assert info.value.details["reason"] == "throttled"
    assert len(env.fake.graph_requests("/messages/")) == env.settings.graph_max_retries + 1
    assert len(env.sleeps) == env.settings.graph_max_retries and sum(env.sleeps) <= 8.0


def test_a_long_retry_after_is_not_waited_for(env: Env) -> None:
    message_id = env.fake.add_message(ALEX, subject="Hi")
    env.fake.fail("throttle", times=5, retry_after=120)
    with pytest.raises(MailboxUnavailable) as info:
        env(lambda m, a: m.get_message(a, message_id))
    assert info.value.headers == {"Retry-After": "120"}
    assert env.sleeps == [] and len(env.fake.graph_requests("/messages/")) == 1


def test_real_waiting_stays_bounded() -> None:
    env = Env(sleep=anyio.sleep, retry_budget_seconds=1.5)
    message_id = env.fake.add_message(ALEX, subject="Hi")
    env.fake.fail("throttle", times=1000, retry_after=0)
    started = time.monotonic()
    with pytest.raises(MailboxUnavailable):
        env(lambda m, a: m.get_message(a, message_id))
    assert time.monotonic() - started < 5
    assert len(env.fake.graph_requests("/messages/")) == 4


def test_sending_is_not_repeated_after_a_gateway_timeout(env: Env) -> None:
    draft_id = env.fake.add_message(ALEX, subject="Hi", to=[recipient("a@b.example")])
    env.fake.fail("gateway_timeout", times=1, path="/send")
    with pytest.raises(MailboxUnavailable):
        env(lambda m, a: m.send_draft(a, draft_id))
    assert len(env.fake.graph_requests("/send")) == 1
    reading = Env()
    read_id = reading.fake.add_message(ALEX, subject="Hi")
    reading.fake.fail("gateway_timeout", times=1)
    assert reading(lambda m, a: m.get_message(a, read_id)).subject == "Hi"  # reads are retried


@pytest.mark.parametrize(
    ("kind", "error", "code"),
    [
        ("unauthorized", MailboxReauthRequired, "reauth_required"),
        ("forbidden", ConsentMissing, "consent_missing"),
        ("server_error", MailboxUnavailable, "mailbox_unavailable"),
        ("malformed", MailboxUnavailable, "mailbox_unavailable"),
    ],
)
def test_graph_errors_are_mapped(env: Env, kind: str, error: type[AppError], code: str) -> None:
    message_id = env.fake.add_message(ALEX, subject="Hi")
    env.fake.fail(kind, times=1)
    with pytest.raises(error) as info:
        env(lambda m, a: m.get_message(a, message_id))
    assert info.value.code == code
    assert env.sleeps == []


def test_not_found_and_odd_ids(env: Env) -> None:
    with pytest.raises(MessageNotFound):
        env(lambda m, a: m.get_message(a, "AAMk-does-not-exist"))
    with pytest.raises(MessageNotFound):
        Env()(lambda m, a: m.get_message(a, ""))
    with pytest.raises(MessageNotFound):
        Env()(lambda m, a: m.get_message(a, "x" * 5000))


@pytest.mark.parametrize("exc", [httpx.ConnectError("refused"), httpx.ReadTimeout("slow")])
def test_network_failures_are_unavailable(exc: Exception) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    fake = new_fake()
    settings = graph_settings()
    mailbox = GraphMailbox(settings, auth=GraphAuth(settings), transport=httpx.MockTransport(handler))
    access = MailboxAccess(ALEX, token="a-graph-token")

    async def go() -> None:
        try:
            await mailbox.get_message(access, "AAMk-1")
        finally:
            await mailbox.aclose()

    with pytest.raises(MailboxUnavailable):
        run(go)
    assert fake.requests == []


# -- on-behalf-of ------------------------------------------------------------------------------------


def test_on_behalf_of_exchange_is_cached_per_user(env: Env) -> None:
    async def twice(m: GraphMailbox, a: MailboxAccess) -> list[str | None]:
        again = await m.access_for(env.principal, ALEX)
        return [a.token, again.token]

    first, second = env(twice)
    assert first and first == second
    assert env.fake.graph_tokens[first] == ALEX
    assert env.fake.obo_exchanges == 1
    assert env.mailbox.auth.exchanges == 1
    token_posts = [r for r in env.fake.requests if r.path == f"/{TENANT}/oauth2/v2.0/token"]
    assert len(token_posts) == 1
    discovery = [r for r in env.fake.requests if r.path.endswith("/.well-known/openid-configuration")]
    assert len(discovery) == 1


def test_consent_missing(env: Env) -> None:
    env.fake.deny_consent()
    with pytest.raises(ConsentMissing):
        env(lambda m, a: m.get_message(a, "x"))


def test_expired_assertion_asks_to_sign_in_again() -> None:
    env = Env()
    env.principal = principal(env.fake, exp=int(time.time()) - 30)
    with pytest.raises(MailboxReauthRequired) as info:
        env(lambda m, a: m.get_message(a, "x"))
    assert info.value.status_code == 401 and info.value.details == {"reason": "assertion_expired"}


def test_token_service_failures_are_unavailable() -> None:
    wrong_secret = Env(graph_settings(entra_client_secret=SecretStr("not-the-secret")))
    with pytest.raises(MailboxUnavailable):
        wrong_secret(lambda m, a: m.get_message(a, "x"))
    down = Env()
    down.fake.fail("unavailable", times=10, path="/oauth2/")
    with pytest.raises(MailboxUnavailable):
        down(lambda m, a: m.get_message(a, "x"))


def test_a_principal_without_an_entra_token_cannot_use_graph(env: Env) -> None:
    env.principal = Principal(subject="dev:alex", email=ALEX, tenant_key="dev:acme-trade.example", tenant_name="x")
    with pytest.raises(MailboxReauthRequired):
        env(lambda m, a: m.get_message(a, "x"))
    no_token = Env()
    with pytest.raises(MailboxReauthRequired):
        run(lambda: no_token.mailbox.get_message(MailboxAccess(ALEX), "x"))


def test_nothing_secret_or_private_is_logged(env: Env, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    message_id = env.fake.add_message(
        ALEX,
        subject="SECRET-SUBJECT-77",
        body="SECRET-BODY-77",
        to=[recipient("private.person@customer.example")],
        attachments=[file_attachment("x.txt", b"SECRET-BYTES-77", "text/plain")],
    )
    env.fake.fail("throttle", times=1, retry_after=0)

    async def flow(m: GraphMailbox, a: MailboxAccess) -> None:
        await m.get_message(a, message_id)
        await m.has_corresponded(a, "private.person@customer.example")
        env.fake.fail("forbidden", times=1)
        with pytest.raises(ConsentMissing):
            await m.send_draft(a, message_id)

    env(flow)
    logged = caplog.text
    assert "graph get_message" in logged  # the retry was logged, by operation name
    secrets = ["SECRET-SUBJECT-77", "SECRET-BODY-77", "SECRET-BYTES-77", "private.person", message_id]
    secrets += list(env.fake.graph_tokens) + env.principal.assertion.split(".")  # type: ignore[union-attr]
    for secret in secrets:
        assert secret not in logged


# -- held sends (Outlook's delayed delivery: the Outbox and PidTagDeferredSendTime) ----------------------------


def test_held_messages_listed_and_one_moved_back_to_drafts(env: Env) -> None:
    held_id = env.fake.add_held(ALEX, deliver_at=utcnow() + timedelta(minutes=5), subject="PI", to=["a@b.example"])
    env.fake.add_held(ALEX, deliver_at=utcnow() - timedelta(minutes=5))

    async def list_then_cancel(m: GraphMailbox, a: MailboxAccess) -> Any:
        before = await m.list_held(a)
        cancelled = await m.cancel_held(a, held_id)
        return before, cancelled, await m.list_held(a)

    before, cancelled, after = env(list_then_cancel)
    assert [(h.id, h.to, h.subject) for h in before] == [(held_id, ("a@b.example",), "PI")]
    assert cancelled == before[0] and after == []
    assert [m["subject"] for m in env.fake.folder(ALEX, "drafts")] == ["PI"]
    (move,) = env.fake.graph_requests("/move")
    assert move.path == f"/v1.0/me/messages/{held_id}/move"


def test_held_messages_in_a_mailbox_addressed_by_user(env: Env) -> None:
    """The same calls on ``/users/{address}`` (an app-only token), as the fake serves both."""
    held_id = env.fake.add_held(ALEX, deliver_at=utcnow() + timedelta(minutes=5))

    async def as_app(m: GraphMailbox, _: MailboxAccess) -> Any:
        access = await m.background_access(ALEX, f"entra:{TENANT}")
        return await m.list_held(access), await m.cancel_held(access, held_id)

    listed, cancelled = env(as_app)
    assert [h.id for h in listed] == [held_id] and cancelled.id == held_id
    assert env.fake.folder(ALEX, "outbox") == []
    assert env.fake.graph_requests("/move")[0].path == f"/v1.0/users/{ALEX}/messages/{held_id}/move"


def test_too_late_and_unknown_held_messages(env: Env) -> None:
    passed = env.fake.add_held(ALEX, deliver_at=utcnow() - timedelta(seconds=1))
    with pytest.raises(AlreadySent):
        env(lambda m, a: m.cancel_held(a, passed))
    with pytest.raises(MessageNotFound):
        env(lambda m, a: m.cancel_held(a, "AAMkAGNoSuch="))
    with pytest.raises(MessageNotFound):
        env(lambda m, a: m.cancel_held(a, ""))
    assert env.fake.graph_requests("/move") == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-01T10:00:00Z", "2026-03-01T10:00:00+00:00"),
        ("2026-03-01T10:00:00.1234567Z", "2026-03-01T10:00:00.123456+00:00"),
        ("2026-03-01T10:00:00", "2026-03-01T10:00:00+00:00"),
        ("2026-03-01T12:00:00+02:00", "2026-03-01T10:00:00+00:00"),
        ("not a time", None),
        ("2026-13-01T10:00:00Z", None),
    ],
)
def test_deferred_send_times_are_parsed_as_utc(value: str, expected: str | None) -> None:
    parsed = parse_time(value)
    assert (parsed.isoformat() if parsed else None) == expected
