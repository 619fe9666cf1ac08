"""The parts of a check request before the engine runs: the draft as a message, its external recipients,
whether it may run on the event loop, and the sessions such checks use."""

from __future__ import annotations

import base64
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import make_transient_to_detached
from sqlmodel import Session

from app.checks import on_loop
from app.checks.exceptions import AttachmentTooLarge, BodyTooLarge, InvalidAttachment
from app.checks.models import CheckRecord
from app.checks.router import _external
from app.checks.schemas import DraftIn
from app.checks.service import message_from_request
from app.config import Settings
from app.mailbox.base import MailAddress, MailAttachment, MailMessage
from app.tenants.identity import TenantIdentity

SETTINGS = Settings(max_body_chars=1000, max_check_attachment_bytes=1024, _env_file=None)  # type: ignore[call-arg]
TENANT = TenantIdentity(uuid.uuid4(), "acme", "Acme", ("acme-trade.example",), "en", 3)
SHA = "AB" * 32


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def test_the_draft_becomes_a_message_with_decoded_attachments() -> None:
    draft = DraftIn.model_validate(
        {
            "from": "alex@acme-trade.example",
            "to": [{"email": "m@solartech.example", "name": "Michael"}],
            "cc": [{"email": "c@solartech.example"}],
            "bcc": [{"email": "b@sunpeak.example", "name": "B"}],
            "subject": "Quotation",
            "body": "<p>Hello</p>",
            "body_format": "html",
            "internet_message_id": "<id-1@acme-trade.example>",
            "attachments": [
                {"name": "a.txt", "content_type": "text/plain", "size": 999, "content_base64": _b64(b"hello")},
                {"name": "b.pdf", "content_type": "application/pdf", "size": 2048, "sha256": SHA},
            ],
        }
    )
    assert message_from_request(draft, SETTINGS) == MailMessage(
        id="",
        sender="alex@acme-trade.example",
        to=(MailAddress("m@solartech.example", "Michael"),),
        cc=(MailAddress("c@solartech.example", ""),),
        bcc=(MailAddress("b@sunpeak.example", "B"),),
        subject="Quotation",
        body="<p>Hello</p>",
        body_format="html",
        attachments=(
            MailAttachment(name="a.txt", content_type="text/plain", size=5, content=b"hello"),
            MailAttachment(name="b.pdf", content_type="application/pdf", size=2048, sha256=SHA.lower()),
        ),
        internet_message_id="<id-1@acme-trade.example>",
    )


def test_an_empty_message_id_is_none() -> None:
    draft = DraftIn.model_validate({"body": "x", "internet_message_id": ""})
    assert message_from_request(draft, SETTINGS).internet_message_id is None


def test_a_body_of_exactly_the_limit_is_checked_one_more_is_refused() -> None:
    assert message_from_request(DraftIn(body="x" * 1000), SETTINGS).body == "x" * 1000
    with pytest.raises(BodyTooLarge) as caught:
        message_from_request(DraftIn(body="x" * 1001), SETTINGS)
    assert caught.value.details == {"max_chars": 1000}


def _with_files(*sizes: int) -> DraftIn:
    files = [{"name": f"f{i}.bin", "content_base64": _b64(b"x" * size)} for i, size in enumerate(sizes)]
    return DraftIn.model_validate({"body": "x", "attachments": files})


def test_attachments_filling_the_check_budget_exactly_are_accepted() -> None:
    message = message_from_request(_with_files(1000, 24), SETTINGS)
    assert [a.size for a in message.attachments] == [1000, 24]


def test_attachments_over_the_check_budget_together_are_refused() -> None:
    with pytest.raises(AttachmentTooLarge) as caught:
        message_from_request(_with_files(1000, 25), SETTINGS)
    assert caught.value.details == {"max_bytes": 1024}


def test_invalid_attachment_content_names_the_attachment() -> None:
    draft = DraftIn.model_validate({"attachments": [{"name": "offer.pdf", "content_base64": "not base64!"}]})
    with pytest.raises(InvalidAttachment) as caught:
        message_from_request(draft, SETTINGS)
    assert caught.value.details["attachment"] == "offer.pdf"


def test_external_recipients_are_addresses_outside_the_tenants_domains() -> None:
    message = MailMessage(
        id="m",
        sender="alex@acme-trade.example",
        to=(MailAddress("m@solartech.example"), MailAddress("colleague@acme-trade.example")),
        cc=(MailAddress("undisclosed-recipients"), MailAddress("x@sales.acme-trade.example")),
        bcc=(MailAddress("b@sunpeak.example"),),
    )
    assert _external(message, TENANT) == ["m@solartech.example", "b@sunpeak.example"]


def _loop_ready(inline: bool = True) -> dict[str, Any]:
    cache = SimpleNamespace(answers_at_once=lambda tenant: tenant is TENANT)
    extractor = SimpleNamespace(reads_inline=lambda data: inline)
    return {"tenant": TENANT, "cache": cache, "extractor": extractor, "queued": True}


def _message(body_chars: int, *attachment_bytes: int) -> MailMessage:
    files = tuple(MailAttachment(name=f"f{i}.txt", content=b"x" * n) for i, n in enumerate(attachment_bytes))
    return MailMessage(id="", sender="", body="x" * body_chars, attachments=files)


def test_a_draft_of_exactly_the_loop_size_runs_on_the_loop() -> None:
    assert on_loop.fits_on_loop(_message(on_loop.MAX_LOOP_CHARS - 10, 10), **_loop_ready())
    assert not on_loop.fits_on_loop(_message(on_loop.MAX_LOOP_CHARS - 10, 11), **_loop_ready())


def test_attachment_bytes_count_with_the_body() -> None:
    assert not on_loop.fits_on_loop(_message(100, on_loop.MAX_LOOP_CHARS), **_loop_ready())


def _sessions() -> on_loop.NoIoSessions:
    return on_loop.NoIoSessions(create_engine("sqlite://"))


def _detached_record() -> CheckRecord:
    record = CheckRecord(tenant_id=uuid.uuid4(), user_id=uuid.uuid4(), client="api", trigger="send", verdict="ok")
    make_transient_to_detached(record)
    return record


def _hold_a_record(session: Session) -> None:
    # Committing ends the transaction (nothing to flush, so no statement) but the record stays in the session.
    record = _detached_record()
    session.info["held"] = record  # the identity map holds its objects weakly
    session.add(record)
    session.commit()
    assert not session.in_transaction() and session.identity_map


def _used_by(sessions: on_loop.NoIoSessions, touch: Any) -> tuple[Session, Session]:
    seen: list[Session] = []

    def first(session: Session) -> None:
        seen.append(session)
        touch(session)

    def second(session: Session) -> None:
        seen.append(session)

    sessions.try_without_io(first)
    sessions.try_without_io(second)
    return seen[0], seen[1]


def test_an_untouched_session_is_kept_for_the_next_check() -> None:
    first, second = _used_by(_sessions(), lambda session: None)
    assert first is second


@pytest.mark.parametrize(
    "touch",
    [
        pytest.param(lambda session: session.begin(), id="transaction begun"),
        pytest.param(lambda session: session.add(CheckRecord(client="api", trigger="x", verdict="ok")), id="new"),
        pytest.param(_hold_a_record, id="identity map"),
    ],
)
def test_a_session_something_was_started_in_is_not_handed_to_another_check(touch: Any) -> None:
    first, second = _used_by(_sessions(), touch)
    assert first is not second


def test_without_an_index_answered_at_once_or_a_queue_for_its_rows_the_check_goes_to_a_thread() -> None:
    ready = _loop_ready()
    assert not on_loop.fits_on_loop(
        _message(100), **{**ready, "cache": SimpleNamespace(answers_at_once=lambda t: False)}
    )
    assert not on_loop.fits_on_loop(_message(100), **{**ready, "queued": False})
    assert on_loop.fits_on_loop(_message(100), **ready)
