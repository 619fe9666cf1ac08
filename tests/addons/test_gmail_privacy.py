"""The Gmail add-on's flows keep no subject, body or attachment text, in any case or encoding."""

from __future__ import annotations

import logging

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.incidents.models import Incident
from app.mailbox.fake_gmail import FakeGmail, sample_message
from tests.addons.conftest import ALEX, Addon, buttons, cards_in, params
from tests.addons.test_gmail_addon import compose_event, message_event
from tests.privacy.markers import (
    ATTACHMENT,
    ATTACHMENT_IBAN,
    BODY,
    BODY_IBAN,
    SUBJECT,
    dump_database,
    every_logger_at_debug,
    find_leaks,
)


def test_no_content_kept_from_the_gmail_flows(
    demo: TestClient,
    app: object,
    addon: Addon,
    fake_gmail: FakeGmail,
    db: Session,
    caplog: pytest.LogCaptureFixture,
    capfd: pytest.CaptureFixture[str],
) -> None:
    raw = sample_message(
        ALEX,
        [("Laura Gómez", "l.gomez@sunpeak.example")],
        f"PI {SUBJECT}",
        f"Dear Laura,\n\nplease find attached the PI. {BODY}\nIBAN {BODY_IBAN}\n\nAlex",
        html=f"<p>Dear Laura, please find attached the PI. {BODY} IBAN {BODY_IBAN}</p>",
        attachments=[
            ("PI_SolarTech_2026-001.txt", "text/plain", f"PI SolarTech {ATTACHMENT} {ATTACHMENT_IBAN}".encode())
        ],
    )
    message_id = fake_gmail.put_message(ALEX, raw)
    with caplog.at_level(logging.DEBUG), every_logger_at_debug():
        addon.post("homepage")
        checked = addon.post("compose", gmail=compose_event(["m.schmidt@solartech.example", "l.gomez@sunpeak.example"]))
        [fix] = [b for b in buttons(cards_in(checked)[0]) if params(b)["action"] == "fix"][:1]
        addon.action("fix", parameters=params(fix))
        addon.post("message", gmail=message_event(message_id))
        addon.action("wrong_start", parameters={"message_id": message_id}, gmail=message_event(message_id))
        assessed = addon.action(
            "wrong_assess",
            parameters={"message_id": message_id},
            gmail=message_event(message_id),
            form={
                "wrong": {"stringInputs": {"value": ["l.gomez@sunpeak.example"]}},
                "intended_other": {"stringInputs": {"value": ["m.schmidt@solartech.example"]}},
            },
        )
        [create] = [b for b in buttons(cards_in(assessed)[0]) if params(b)["action"] == "wrong_drafts"]
        done = addon.action("wrong_drafts", parameters=params(create), gmail=message_event(message_id))
        addon.post("homepage")
    assert "openCreatedDraftActionMarkup" in str(done), "the flow did not reach the letters"
    out, err = capfd.readouterr()
    assert not find_leaks(dump_database(app.state.engine)), "content stored in the database"  # type: ignore[attr-defined]
    assert not find_leaks(caplog.text + out + err), "content logged"
    incident = db.exec(select(Incident)).one()
    assert incident.mailbox_drafts and incident.document_names == ["PI_SolarTech_2026-001.txt"]
