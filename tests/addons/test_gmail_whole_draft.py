"""'Check the whole draft' in the Gmail compose card: the draft found through the Gmail API (fake Gmail over HTTP,
the real client), the full check on its subject, body and attachments, one-click fixes where Gmail allows them.
`pytest -k whole_draft`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.addons.gmail.service import SCOPE_COMPOSE
from app.checks.models import CheckRecord
from app.mailbox.fake_gmail import FakeGmail, sample_message
from tests.addons.conftest import ALEX, USER_TOKEN, Addon, all_text, buttons, cards_in, params, widgets

MICHAEL = ("Michael Schmidt", "m.schmidt@solartech.example")  # SolarTech GmbH
LAURA = ("Laura Gómez", "l.gomez@sunpeak.example")  # SunPeak Energy, a rival of SolarTech
QUOTE = b"Quotation 2026-07 for SolarTech GmbH\nUnit price EUR 41.20, delivery FOB Ningbo\n"


@pytest.fixture
def gmail(fake_gmail: FakeGmail) -> Iterator[FakeGmail]:
    fake_gmail.clear_drafts(ALEX)
    yield fake_gmail
    fake_gmail.clear_drafts(ALEX)


def compose(*people: tuple[str, str], thread: str | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {"toRecipients": [a for _, a in people], "ccRecipients": [], "bccRecipients": []}
    if thread:
        event["threadId"] = thread
    return event


def whole_draft_button(addon: Addon, event: dict[str, Any]) -> dict[str, Any]:
    [card] = cards_in(addon.post("compose", gmail=event))
    return next(b for b in buttons(card) if params(b)["action"] == "whole_draft")


def press(addon: Addon, button: dict[str, Any], event: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    return addon.action("whole_draft", parameters=params(button), gmail=event, **kwargs)


def the_card(body: dict[str, Any]) -> dict[str, Any]:
    [card] = cards_in(body)
    assert card["name"] == "whole_draft"
    return card


def test_whole_draft_is_offered_on_the_compose_card(demo: TestClient, addon: Addon, gmail: FakeGmail) -> None:
    [card] = cards_in(addon.post("compose", gmail=compose(LAURA)))
    assert "checks the recipients only" in all_text(card)
    assert any(params(b)["action"] == "whole_draft" for b in buttons(card))


def test_whole_draft_reads_subject_body_and_attachment_text(
    demo: TestClient, addon: Addon, gmail: FakeGmail, db: Session
) -> None:
    event = compose(LAURA)
    gmail.save_draft(
        ALEX,
        sample_message(
            ALEX,
            [LAURA],
            "Quotation 2026-07",
            "Dear Laura, please find our quotation attached.",
            attachments=[("Quotation_2026-07.txt", "text/plain", QUOTE)],
        ),
    )
    recipients_only = cards_in(addon.post("compose", gmail=event))[0]
    assert "content_mismatch" not in all_text(recipients_only)

    card = the_card(press(addon, whole_draft_button(addon, event), event))

    text = all_text(card)
    assert "Quotation 2026-07" in text  # names the draft it checked
    assert "Quotation_2026-07.txt" in text
    assert "SolarTech" in text  # found in the attachment's text, not in its name or the recipients
    records = db.exec(select(CheckRecord).order_by(CheckRecord.created_at)).all()
    assert "content_mismatch" in records[-1].finding_codes
    assert (records[-1].client, records[-1].trigger) == ("gmail", "compose")
    # Gmail does not let an add-on remove an attachment: the card says what to do by hand instead of a button.
    assert "Remove Quotation_2026-07.txt from the draft yourself" in text
    assert not any(params(b).get("fix") == "remove_attachment" for b in buttons(card))


def test_whole_draft_among_several_open_drafts_checks_the_one_with_these_recipients(
    demo: TestClient, addon: Addon, gmail: FakeGmail
) -> None:
    gmail.save_draft(ALEX, sample_message(ALEX, [LAURA], "Catalogue for SunPeak", "Dear Laura, our catalogue."))
    gmail.save_draft(
        ALEX,
        sample_message(
            ALEX,
            [MICHAEL],
            "PI for SolarTech",
            "Dear Michael",
            attachments=[("PI_SolarTech.pdf", "application/pdf", b"%PDF")],
        ),
    )
    gmail.save_draft(ALEX, sample_message(ALEX, [LAURA, MICHAEL], "Newsletter", "Dear all"))
    event = compose(LAURA)

    card = the_card(press(addon, whole_draft_button(addon, event), event))

    text = all_text(card)
    assert "Catalogue for SunPeak" in text
    assert "PI for SolarTech" not in text and "Newsletter" not in text


def test_whole_draft_of_a_reply_is_the_draft_in_that_thread(demo: TestClient, addon: Addon, gmail: FakeGmail) -> None:
    thread = gmail.put_message(ALEX, sample_message(LAURA[1], [("", ALEX)], "Order 88", "Please send the PI."))
    gmail.save_draft(
        ALEX,
        sample_message(
            ALEX,
            [LAURA],
            "Re: Order 88",
            "Dear Laura, attached.",
            attachments=[("PI_SolarTech_2026-001.pdf", "application/pdf", b"%PDF-1.4")],
            in_reply_to="<order88@sunpeak.example>",
        ),
        thread_id=thread,
    )
    gmail.save_draft(ALEX, sample_message(ALEX, [LAURA], "Hello again", "Dear Laura"))  # newer, another thread
    event = compose(LAURA, thread=thread)

    body = press(addon, whole_draft_button(addon, event), event)

    text = all_text(the_card(body))
    assert "Re: Order 88" in text and "Hello again" not in text
    assert "Critical" in [s.get("header") for s in the_card(body)["sections"]]  # SolarTech's PI to its rival


def test_whole_draft_not_yet_autosaved_says_only_recipients_were_checked(
    demo: TestClient, addon: Addon, gmail: FakeGmail, db: Session
) -> None:
    # Gmail saved the draft when only Michael was in To; Laura was added a moment ago.
    draft = gmail.save_draft(ALEX, sample_message(ALEX, [MICHAEL], "PI for SolarTech", "Dear Michael"))
    event = compose(MICHAEL, LAURA)
    button = whole_draft_button(addon, event)

    card = the_card(press(addon, button, event))

    text = all_text(card)
    assert "No saved draft matched these recipients, so only the recipients were checked" in text
    assert "PI for SolarTech" not in text
    assert "rival_exposure" in db.exec(select(CheckRecord).order_by(CheckRecord.created_at)).all()[-1].finding_codes

    # Once Gmail has saved it, the same button checks the whole draft.
    gmail.save_draft(ALEX, sample_message(ALEX, [MICHAEL, LAURA], "PI for SolarTech", "Dear Michael"), draft_id=draft)
    assert "PI for SolarTech" in all_text(the_card(press(addon, button, event)))


def test_whole_draft_recipient_fixes_are_one_click(demo: TestClient, addon: Addon, gmail: FakeGmail) -> None:
    gmail.save_draft(ALEX, sample_message(ALEX, [MICHAEL, LAURA], "Price list 2027", "Dear partners"))
    event = compose(MICHAEL, LAURA)
    card = the_card(press(addon, whole_draft_button(addon, event), event))
    move = next(b for b in buttons(card) if params(b).get("fix") == "move_to_bcc")

    fixed = addon.action("fix", parameters=params(move), gmail=event)

    update = fixed["renderActions"]["hostAppAction"]["gmailAction"]["updateDraftActionMarkup"]
    assert update["updateToRecipients"] == {"toRecipients": [{"email": ALEX}]}
    assert {r["email"] for r in update["updateBccRecipients"]["bccRecipients"]} == {MICHAEL[1], LAURA[1]}


def test_whole_draft_button_works_without_the_event_recipients(
    demo: TestClient, addon: Addon, gmail: FakeGmail
) -> None:
    """An action event may come without the gmail object: the button carries recipients and thread."""
    thread = gmail.put_message(ALEX, sample_message(LAURA[1], [("", ALEX)], "Order 91", "Hi"))
    gmail.save_draft(ALEX, sample_message(ALEX, [LAURA], "Re: Order 91", "Dear Laura"), thread_id=thread)
    gmail.save_draft(ALEX, sample_message(ALEX, [LAURA], "Other", "Dear Laura"))
    button = whole_draft_button(addon, compose(LAURA, thread=thread))
    assert "Re: Order 91" in all_text(the_card(addon.action("whole_draft", parameters=params(button))))


def test_whole_draft_asks_for_the_compose_scope(demo: TestClient, addon: Addon, gmail: FakeGmail) -> None:
    event = compose(LAURA)
    button = whole_draft_button(addon, event)
    asked = press(addon, button, event, scopes=["https://www.googleapis.com/auth/gmail.addons.execute"])
    assert asked == {"requesting_google_scopes": {"scopes": [SCOPE_COMPOSE]}}
    gmail.forbidden_tokens.add(USER_TOKEN)  # Gmail itself refuses: the scope was withdrawn
    assert press(addon, button, event) == {"requesting_google_scopes": {"scopes": [SCOPE_COMPOSE]}}


def test_whole_draft_card_in_chinese(demo: TestClient, addon: Addon, gmail: FakeGmail) -> None:
    event = compose(LAURA)
    card = the_card(press(addon, whole_draft_button(addon, event), event, locale="zh-CN"))
    assert "只检查了收件人" in all_text(card)
    assert card["header"]["title"] == "整封草稿检查"
    assert widgets(card)


def test_whole_draft_offers_no_later_send_without_delegation(
    demo: TestClient, addon: Addon, gmail: FakeGmail, db: Session
) -> None:
    from app.policies.schemas import PolicyUpdate
    from app.policies.service import replace
    from app.tenants.models import Tenant

    replace(db, db.exec(select(Tenant)).one(), PolicyUpdate(hold_external_minutes=5))
    db.commit()
    gmail.save_draft(ALEX, sample_message(ALEX, [LAURA], "Catalogue", "Dear Laura"))
    event = compose(LAURA)
    card = the_card(press(addon, whole_draft_button(addon, event), event))
    assert "Catalogue" in all_text(card)
    assert not any(params(b)["action"] == "delayed_send" for b in buttons(card))
    refused = addon.action("delayed_send", parameters={"draft_id": "r1", "minutes": "5"}, gmail=event)
    assert "domain-wide delegation" in refused["renderActions"]["action"]["notification"]["text"]
