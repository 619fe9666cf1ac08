"""Gmail: "Customer owned by a colleague" writes the hand-off as a new draft to that colleague, filled in from the
directory; the compose draft addressed to the customer is never given the internal table."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime

from fastapi.testclient import TestClient

from app.addons.gmail.service import SCOPE_COMPOSE
from app.mailbox.fake_gmail import FakeGmail
from tests.addons.conftest import ALEX, Addon, all_text, buttons, cards_in, params, widgets
from tests.addons.test_gmail_addon import compose_event, form

HELIO = "s.mueller@helio-handel.example"  # Helio Handel AG is Lin Wei's account


def _inputs(card: dict) -> dict[str, dict]:
    found = {}
    for widget in widgets(card):
        kind = next(iter(widget))
        if kind in ("textInput", "dateTimePicker", "selectionInput"):
            found[widget[kind]["name"]] = widget[kind]
    return found


def test_owner_finding_offers_the_hand_off_for_that_customer(demo: TestClient, addon: Addon) -> None:
    body = addon.post("compose", gmail=compose_event([HELIO]))
    [card] = cards_in(body) or [body["action"]["navigations"][0]["pushCard"]]
    [fix] = [b for b in buttons(card) if params(b)["action"] == "template_form"]
    assert (params(fix)["template"], params(fix)["recipient"]) == ("handoff_internal", HELIO)


def test_hand_off_form_is_filled_in_and_becomes_a_draft_to_the_colleague(
    demo: TestClient, addon: Addon, fake_gmail: FakeGmail
) -> None:
    opened = addon.action("template_form", parameters={"template": "handoff_internal", "recipient": HELIO})
    [card] = cards_in(opened)
    inputs = _inputs(card)
    assert inputs["company"]["value"] == "Helio Handel AG"
    assert inputs["contact_name"]["value"] == "Stefan Müller"
    assert inputs["new_owner_name"]["value"] == "Lin Wei"
    assert "Country: AT" in inputs["basic_info"]["value"]
    [submit] = [b for b in buttons(card) if params(b)["action"] == "template_insert"]
    assert params(submit)["to"] == "lin.wei@acme-trade.example"
    assert "Create a draft to lin.wei@acme-trade.example" in all_text(card)

    typed = {name: "Order 2026-014" for name in ("matter", "overview", "source_history", "needs", "materials_sent",
                                                 "personality", "next_steps")}  # fmt: skip
    filled = {k: v["value"] for k, v in inputs.items() if v.get("value")}
    values = {**filled, **typed, "sg_locale": "en", "takeover_date": datetime(2026, 12, 1, tzinfo=UTC)}
    done = addon.action("template_insert", parameters=params(submit), form=form(values))
    action = done["renderActions"]["hostAppAction"]["gmailAction"]
    assert "updateDraftActionMarkup" not in action  # nothing goes into the customer's draft
    draft_id = action["openCreatedDraftActionMarkup"]["draftId"]
    raw = fake_gmail.drafts_of(ALEX)[draft_id]
    letter = email.message_from_bytes(raw, policy=email.policy.default)
    assert str(letter["To"]) == "lin.wei@acme-trade.example"
    assert str(letter["Subject"]).startswith("[Customer Handoff] Helio Handel AG / Stefan Müller")
    assert (
        "hand-off draft to lin.wei@acme-trade.example"
        in done["renderActions"]["action"]["notification"]["text"].lower()
    )


def test_a_draft_needs_the_compose_grant(demo: TestClient, addon: Addon) -> None:
    values = {"sg_locale": "en", "new_owner_name": "Lin", "company": "Helio", "contact_name": "S", "matter": "m",
              "sender_name": "Alex", "overview": "o", "basic_info": "b", "source_history": "s", "needs": "n",
              "materials_sent": "m", "personality": "p", "next_steps": "x",
              "takeover_date": datetime(2026, 12, 1, tzinfo=UTC)}  # fmt: skip
    asked = addon.action(
        "template_insert",
        parameters={"template": "handoff_internal", "to": "lin.wei@acme-trade.example"},
        form=form(values),
        user_token=None,
    )
    assert asked == {"requesting_google_scopes": {"scopes": [SCOPE_COMPOSE]}}


def test_form_choices_are_words_not_codes(addon: Addon) -> None:
    opened = addon.action("template_form", parameters={"template": "handoff_customer_notice"}, locale="zh-CN")
    [card] = cards_in(opened)
    gender = _inputs(card)["recipient_gender"]
    assert [(i["text"], i["value"]) for i in gender["items"]] == [
        ("女士", "female"), ("先生", "male"), ("不确定：使用全名", "unknown"),
    ]  # fmt: skip
