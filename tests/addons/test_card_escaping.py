"""Card text accepts a little HTML: every name, subject and file name from users must show as text, on every card."""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.directory import service as directory
from app.directory.schemas import OrganizationCreate
from app.mailbox.fake_gmail import FakeGmail, sample_message
from app.tenants.models import Tenant
from tests.addons.conftest import ALEX, Addon, buttons, cards_in, params

LINK = '<a href="https://evil.example/login">Click</a>'
FONT = '<font color="#ff0000">URGENT</font>'
HOSTILE_ORG = f"Evil {LINK} Trading"
HOSTILE_CONTACT = f"Eve {FONT}"
HOSTILE_SUBJECT = f"PI {LINK} {FONT}"
HOSTILE_FILE = f"PI_{FONT}.pdf"
# What no card may carry as live markup.
RAW = ("<a ", "<font", "</a>", "</font>")
# Keys whose strings are never rendered: values posted back, URLs, names of inputs, enum values.
NOT_SHOWN = {"parameters", "function", "name", "value", "type", "key"}


def shown_texts(node: Any, key: str = "") -> Iterator[str]:
    """Every string of a card that Gmail renders."""
    if key in NOT_SHOWN:
        return
    if isinstance(node, dict):
        for k, v in node.items():
            yield from shown_texts(v, k)
    elif isinstance(node, list):
        for item in node:
            yield from shown_texts(item, key)
    elif isinstance(node, str):
        yield node


def test_hostile_names_render_as_text_on_every_card(
    demo: TestClient, addon: Addon, fake_gmail: FakeGmail, db: Session
) -> None:
    tenant = db.exec(select(Tenant)).one()
    directory.create(
        db,
        tenant,
        OrganizationCreate.model_validate(
            {
                "name": HOSTILE_ORG,
                "kind": "customer",
                "domains": ["evil-trading.example"],
                "aliases": [f"{FONT}"],
                "rival_group": "solar-dach",
                "contacts": [{"name": HOSTILE_CONTACT, "email": "eve@evil-trading.example", "language": "en"}],
            }
        ),
    )
    db.commit()
    recipients = [f'"{HOSTILE_CONTACT}" <eve@evil-trading.example>', "m.schmidt@solartech.example"]
    compose = {"toRecipients": recipients, "ccRecipients": [f'"{LINK}" <x@solartec.de>'], "bccRecipients": []}
    raw = sample_message(
        ALEX,
        [(HOSTILE_CONTACT, "eve@evil-trading.example"), (LINK, "l.gomez@sunpeak.example")],
        HOSTILE_SUBJECT,
        f"Dear {HOSTILE_CONTACT},\n\nplease find attached the PI of {HOSTILE_ORG}.\n",
        attachments=[(HOSTILE_FILE, "application/pdf", b"%PDF-1.4 PI Evil Trading SolarTech")],
    )
    message_id = fake_gmail.put_message(ALEX, raw)
    opened = {"messageId": message_id, "threadId": message_id, "accessToken": "per-message-token"}

    responses = [addon.post("compose", gmail=compose), addon.action("recheck", gmail=compose)]
    responses.append(addon.action("templates"))
    responses.append(addon.action("template_form", parameters={"template": "apology_wrong_recipient"}))
    responses.append(addon.post("message", gmail=opened))
    chooser = addon.action("wrong_start", parameters={"message_id": message_id}, gmail=opened)
    responses.append(chooser)
    [assess] = [b for b in buttons(cards_in(chooser)[0]) if params(b)["action"] == "wrong_assess"]
    form = {
        "wrong": {"stringInputs": {"value": ["l.gomez@sunpeak.example"]}},
        "intended": {"stringInputs": {"value": ["eve@evil-trading.example"]}},
    }
    responses.append(addon.action("wrong_assess", parameters=params(assess), gmail=opened, form=form))
    responses.append(addon.post("homepage"))

    texts = [text for body in responses for card in cards_in(body) for text in shown_texts(card)]
    assert len(texts) > 50
    live = [text for text in texts if any(tag in text.lower() for tag in RAW)]
    assert live == []
    everything = "\n".join(texts)
    # The hostile names were shown, escaped, not dropped: display names, organization, subject, file name.
    assert html.escape(HOSTILE_CONTACT, quote=False) in everything
    assert html.escape(LINK, quote=False) in everything
    assert html.escape(HOSTILE_FILE, quote=False) in everything
    # ...and escaped once: "&amp;lt;" would show the entity to the user.
    assert "&amp;lt;" not in everything
