"""The Gmail add-on endpoints end to end: signed Google tokens, the check engine, templates, Gmail over HTTP."""

from __future__ import annotations

import email
import email.policy
from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.addons.gmail.service import SCOPE_COMPOSE, SCOPE_READ_MESSAGE, apply_fix
from app.checks.models import CheckRecord
from app.incidents.models import Incident
from app.mailbox.fake_gmail import FakeGmail, sample_message
from app.tenants.models import Tenant
from tests.addons.conftest import (
    ALEX,
    BASE,
    USER_TOKEN,
    Addon,
    Google,
    all_text,
    buttons,
    cards_in,
    params,
    validate_card,
    widgets,
)

ROUTES = ("homepage", "compose", "message", "action")


def compose_event(to: list[str], cc: list[str] | None = None, bcc: list[str] | None = None) -> dict[str, Any]:
    return {"toRecipients": to, "ccRecipients": cc or [], "bccRecipients": bcc or []}


# --- who may call ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("route", ROUTES)
def test_every_route_rejects_a_forged_system_token(addon: Addon, google: Google, route: str) -> None:
    body = addon.event(route, system_token=google.system_token(route, forged=True))
    response = addon.raw(route, body)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_credentials"


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda g: g.system_token("homepage", lifetime=-600), id="expired"),
        pytest.param(lambda g: g.system_token("compose"), id="another-endpoint"),
        pytest.param(
            lambda g: g.system_token("homepage", aud="https://other-deployment.example/addons/gmail/homepage"),
            id="another-deployment",
        ),
        pytest.param(lambda g: g.system_token("homepage", email="someone@evil.example"), id="not-the-addon"),
        pytest.param(lambda g: g.system_token("homepage", email_verified=False), id="unverified"),
        pytest.param(lambda g: g.system_token("homepage", iss="https://evil.example"), id="issuer"),
        pytest.param(lambda g: "not-a-jwt", id="garbage"),
    ],
)
def test_homepage_rejects_bad_system_tokens(addon: Addon, google: Google, make: Any) -> None:
    response = addon.raw("homepage", addon.event("homepage", system_token=make(google)))
    assert response.status_code == 401, response.text
    assert set(response.json()["error"]) == {"code", "message", "details"}


def test_missing_tokens_are_401(addon: Addon, google: Google) -> None:
    body = addon.event("homepage")
    del body["authorizationEventObject"]["systemIdToken"]
    assert addon.raw("homepage", body).status_code == 401
    body = addon.event("homepage")
    del body["authorizationEventObject"]["userIdToken"]
    assert addon.raw("homepage", body).status_code == 401


def test_user_token_for_another_client_is_401(addon: Addon, google: Google) -> None:
    body = addon.event("homepage", id_token=google.user_token(aud="someone-else.apps.googleusercontent.com"))
    assert addon.raw("homepage", body).status_code == 401
    body = addon.event("homepage", id_token=google.user_token(email_verified=False))
    assert addon.raw("homepage", body).status_code == 401


def test_system_token_in_the_authorization_header_is_accepted(addon: Addon, google: Google) -> None:
    body = addon.event("homepage")
    del body["authorizationEventObject"]["systemIdToken"]
    response = addon.client.post(
        "/addons/gmail/homepage", json=body, headers={"Authorization": f"Bearer {google.system_token('homepage')}"}
    )
    assert response.status_code == 200, response.text


def test_certificates_are_fetched_once(addon: Addon, google: Google) -> None:
    before = google.certs.hits
    addon.post("homepage")
    addon.post("homepage")
    assert google.certs.hits - before <= 1


def test_user_becomes_a_google_tenant(addon: Addon, db: Session) -> None:
    addon.post("homepage")
    tenant = db.exec(select(Tenant).where(Tenant.key == "google:acme-trade.example")).one()
    assert tenant.internal_domains == ["acme-trade.example"]


def test_personal_gmail_accounts_do_not_share_a_tenant(addon: Addon, google: Google, db: Session) -> None:
    for who in ("ann@gmail.com", "bob@gmail.com"):
        addon.post("homepage", id_token=google.user_token(email=who, hd=None))
    keys = {t.key for t in db.exec(select(Tenant)).all()}
    assert "google:gmail.com" not in keys
    assert {"google:user:sub-ann@gmail.com", "google:user:sub-bob@gmail.com"} <= keys


def test_a_consumer_account_on_the_company_domain_is_not_the_company(addon: Addon, google: Google, db: Session) -> None:
    """The add-on follows the verified `hd` claim too, never the address's domain."""
    addon.post("homepage")
    addon.post("homepage", id_token=google.user_token(email="alex@acme-trade.example", hd=None, sub="consumer-1"))
    keys = {t.key for t in db.exec(select(Tenant)).all()}
    assert keys == {"google:acme-trade.example", "google:user:consumer-1"}


def test_both_spellings_of_the_oauth_token_are_read() -> None:
    from app.addons.gmail.models import AddonEvent

    for key in ("userOAuthToken", "userOauthToken"):
        event = AddonEvent.model_validate({"authorizationEventObject": {key: "tok"}})
        assert event.authorization_event_object.user_oauth_token == "tok"


# --- compose ---------------------------------------------------------------------------------------------


def test_compose_rival_customers_visible_to_each_other(demo: TestClient, addon: Addon, db: Session) -> None:
    to = ["m.schmidt@solartech.example", "l.gomez@sunpeak.example"]
    body = addon.post("compose", gmail=compose_event(to))
    [card] = cards_in(body)
    headers = [s.get("header") for s in card["sections"]]
    assert headers[0] == "Critical"
    assert "High" not in headers or headers.index("Critical") < headers.index("High")
    move = next(b for b in buttons(card) if params(b).get("fix") == "move_to_bcc")
    assert set(params(move)["recipients"].split(",")) == set(to)
    record = db.exec(select(CheckRecord)).one()
    assert (record.client, record.trigger) == ("gmail", "compose")
    assert "rival_exposure" in record.finding_codes

    # The button posts the fix back; the answer rewrites the draft's recipients.
    fixed = addon.action("fix", parameters=params(move), gmail=compose_event(to, cc=["boss@acme-trade.example"]))
    update = fixed["renderActions"]["hostAppAction"]["gmailAction"]["updateDraftActionMarkup"]
    # To never stays empty: the sender's own address takes the customers' place.
    assert update["updateToRecipients"] == {"toRecipients": [{"email": "alex@acme-trade.example"}]}
    assert update["updateCcRecipients"] == {"ccRecipients": [{"email": "boss@acme-trade.example"}]}
    assert update["updateBccRecipients"] == {"bccRecipients": [{"email": a} for a in to]}
    # and the check is recorded as fixed, as the Outlook task pane does
    db.expire_all()
    assert db.exec(select(CheckRecord)).one().outcome == "fixed"


def test_compose_lookalike_offers_the_right_address(demo: TestClient, addon: Addon) -> None:
    body = addon.post("compose", gmail=compose_event(["m.schmidt@solartec.de"]))
    [card] = cards_in(body)
    replace = next(b for b in buttons(card) if params(b).get("fix") == "replace_recipient")
    assert params(replace)["recipient"] == "m.schmidt@solartec.de"
    fixed = addon.action("fix", parameters=params(replace), gmail=compose_event(["m.schmidt@solartec.de"]))
    update = fixed["renderActions"]["hostAppAction"]["gmailAction"]["updateDraftActionMarkup"]
    assert update["updateToRecipients"]["toRecipients"] == [{"email": params(replace)["suggestion"]}]
    assert params(replace)["suggestion"].endswith("@solartech.de")


def test_compose_competitor_can_be_removed(demo: TestClient, addon: Addon) -> None:
    to = ["m.schmidt@solartech.example", "frank.zhou@orient-export.example"]
    [card] = cards_in(addon.post("compose", gmail=compose_event(to)))
    remove = next(b for b in buttons(card) if params(b).get("fix") == "remove_recipient")
    assert params(remove)["recipient"] == "frank.zhou@orient-export.example"
    fixed = addon.action("fix", parameters=params(remove), gmail=compose_event(to))
    update = fixed["renderActions"]["hostAppAction"]["gmailAction"]["updateDraftActionMarkup"]
    assert update["updateToRecipients"]["toRecipients"] == [{"email": "m.schmidt@solartech.example"}]


def test_compose_in_chinese(demo: TestClient, addon: Addon) -> None:
    body = addon.post("compose", locale="zh-CN", gmail=compose_event(["m.schmidt@solartec.de"]))
    text = all_text(body)
    assert "收件人检查" in text and "改为" in text


def test_compose_without_recipients_and_all_clear(demo: TestClient, addon: Addon) -> None:
    empty = addon.post("compose", gmail=compose_event([]))
    assert "Add recipients" in all_text(empty)
    clear = addon.post("compose", gmail=compose_event(["m.schmidt@solartech.example"]))
    assert "No problems found" in all_text(clear) or "For your information" in all_text(clear)


def test_recheck_updates_the_card(demo: TestClient, addon: Addon) -> None:
    body = addon.action("recheck", gmail=compose_event(["m.schmidt@solartec.de"]))
    [card] = body["renderActions"]["action"]["navigations"][0].values()
    validate_card(card)
    assert "updateCard" in body["renderActions"]["action"]["navigations"][0]


def test_apply_fix_rules() -> None:
    to, cc, bcc = ["A <a@x.example>", "b@y.example"], ["c@z.example"], ["d@w.example"]
    assert apply_fix({"fix": "move_to_bcc", "recipients": "a@x.example,c@z.example"}, to, cc, bcc) == (
        ["b@y.example"],
        [],
        ["d@w.example", "A <a@x.example>", "c@z.example"],
    )
    assert apply_fix({"fix": "remove_recipient", "recipient": "C@Z.example"}, to, cc, bcc) == (to, [], bcc)
    assert apply_fix(
        {"fix": "replace_recipient", "recipient": "b@y.example", "suggestion": "b@yy.example"}, to, cc, bcc
    )[0] == ["A <a@x.example>", "b@yy.example"]
    assert apply_fix({"fix": "remove_attachment", "name": "x"}, to, cc, bcc) is None
    assert apply_fix({"fix": "move_to_bcc"}, to, cc, bcc) is None


def test_move_to_bcc_puts_the_sender_in_to_rather_than_leaving_it_empty() -> None:
    everyone = {"fix": "move_to_bcc", "recipients": "a@x.example,b@y.example"}
    to, cc, bcc = apply_fix(everyone, ["a@x.example", "b@y.example"], [], [], "alex@acme-trade.example") or ([], [], [])
    assert (to, cc, bcc) == (["alex@acme-trade.example"], [], ["a@x.example", "b@y.example"])


def test_the_compose_card_header_is_the_summary_of_problems(demo: TestClient, addon: Addon) -> None:
    to = ["l.gomez@sunpeak.example", "s.mueller@helio-handel.example"]
    [card] = cards_in(addon.post("compose", gmail=compose_event(to)))
    assert "compete with each other and would see each other's addresses" in card["header"]["subtitle"]


# --- compose: templates -------------------------------------------------------------------------------


def test_template_picker_lists_the_catalogue(addon: Addon) -> None:
    body = addon.action("templates")
    [card] = cards_in(body)
    names = {params(b)["template"] for b in buttons(card)}
    assert {"handoff_internal", "intro_consent_request", "apology_wrong_recipient"} <= names


def test_template_form_has_typed_inputs(addon: Addon) -> None:
    [card] = cards_in(addon.action("template_form", parameters={"template": "handoff_customer_notice"}))
    kinds = {next(iter(w)): w[next(iter(w))] for w in widgets(card) if "buttonList" not in w}
    by_name = {v["name"]: (k, v) for k, v in kinds.items()} if False else {}
    for widget in widgets(card):
        kind = next(iter(widget))
        if kind in ("textInput", "dateTimePicker", "selectionInput"):
            by_name[widget[kind]["name"]] = (kind, widget[kind])
    assert by_name["effective_date"][0] == "dateTimePicker"
    assert by_name["effective_date"][1]["type"] == "DATE_ONLY"
    assert by_name["recipient_gender"][0] == "selectionInput"
    assert by_name["recipient_name"][0] == "textInput"
    assert by_name["reason"][1]["type"] == "MULTIPLE_LINE"
    assert by_name["sender_name"][1]["value"] == "Alex"
    assert by_name["sg_locale"][0] == "selectionInput"
    [submit] = [b for b in buttons(card) if params(b)["action"] == "template_insert"]
    assert params(submit)["template"] == "handoff_customer_notice"


def form(values: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, datetime):
            result[name] = {"dateInput": {"msSinceEpoch": str(int(value.timestamp() * 1000))}}
        else:
            result[name] = {"stringInputs": {"value": value if isinstance(value, list) else [value]}}
    return result


def test_template_insert_puts_the_letter_in_the_draft(addon: Addon) -> None:
    values = {
        "sg_locale": "de",
        "recipient_name": "Michael Schmidt",
        "recipient_last_name": "Schmidt",
        "recipient_gender": "male",
        "matter": "Auftrag 2026-001",
        "new_contact_name": "Lin Wei",
        "new_contact_email": "lin.wei@acme-trade.example",
        "effective_date": datetime(2026, 3, 2, tzinfo=UTC),
        "sender_name": "Alex",
        "sender_company": "Acme Trade",
        "reason": "",
    }
    body = addon.action("template_insert", parameters={"template": "handoff_customer_notice"}, form=form(values))
    update = body["renderActions"]["hostAppAction"]["gmailAction"]["updateDraftActionMarkup"]["updateBody"]
    assert update["type"] == "IN_PLACE_INSERT"
    [content] = update["insertContents"]
    assert content["contentType"] == "MUTABLE_HTML"
    assert "Herr Schmidt" in content["content"] and "Lin Wei" in content["content"]
    assert "2026" in content["content"]


def test_template_errors_are_notifications(addon: Addon) -> None:
    missing = addon.action("template_insert", parameters={"template": "handoff_customer_notice"}, form=form({}))
    note = missing["renderActions"]["action"]["notification"]["text"]
    assert "Recipient's full name" in note
    invalid = addon.action(
        "template_insert",
        parameters={"template": "intro_consent_request"},
        form=form({"partner_email": "not-an-address"}),
    )
    assert "notification" in invalid["renderActions"]["action"]
    unknown = addon.action("template_form", parameters={"template": "no_such_template"})
    assert "notification" in unknown["renderActions"]["action"]
    zh = addon.action(
        "template_insert", locale="zh-CN", parameters={"template": "handoff_customer_notice"}, form=form({})
    )
    assert "收件人姓名" in zh["renderActions"]["action"]["notification"]["text"]


def test_unknown_action_is_a_notification(addon: Addon) -> None:
    for action in ("delete_everything", ""):
        body = addon.post("action", parameters={"action": action} if action else None)
        assert body["renderActions"]["action"]["notification"]["text"]


# --- homepage --------------------------------------------------------------------------------------------


def test_homepage_lists_checks_and_open_incidents(demo: TestClient, addon: Addon) -> None:
    empty = addon.post("homepage")
    assert "No checks yet." in all_text(empty)
    addon.post("compose", gmail=compose_event(["m.schmidt@solartec.de"]))
    body = addon.post("homepage")
    [card] = cards_in(body)
    assert body["action"]["navigations"][0]["pushCard"] is card
    # Findings by their titles and the client in words: never codes or "gmail / compose".
    assert "Address looks like a known one" in all_text(body)
    assert "lookalike_domain" not in all_text(body) and "gmail / compose" not in all_text(body)
    assert "Gmail · while writing" in all_text(body)
    assert [s["header"] for s in card["sections"]] == ["Recent checks", "Open incidents"]
    zh = addon.post("homepage", locale="zh-CN")
    assert "最近的检查" in all_text(zh) and "撰写时" in all_text(zh)
    assert "lookalike_domain" not in all_text(zh) and "WARN" not in all_text(zh)


def test_homepage_times_are_in_the_users_time_zone(demo: TestClient, addon: Addon) -> None:
    addon.post("compose", gmail=compose_event(["m.schmidt@solartec.de"]))
    utc = addon.event("homepage")
    shanghai = addon.event("homepage")
    shanghai["commonEventObject"]["timeZone"] = {"id": "Asia/Shanghai", "offset": 8 * 3600 * 1000}

    def shown(body: dict[str, Any]) -> datetime:
        [card] = cards_in(addon.raw("homepage", body).json())
        top = card["sections"][0]["widgets"][0]["decoratedText"]["topLabel"]
        return datetime.strptime(top, "%Y-%m-%d %H:%M")

    assert (shown(shanghai) - shown(utc)).total_seconds() == 8 * 3600


# --- an opened message: wrong send ------------------------------------------------------------------------


def put_pi_sent_to_rival(fake: FakeGmail) -> str:
    raw = sample_message(
        ALEX,
        [("Laura Gómez", "l.gomez@sunpeak.example")],
        "PI for order 2026-001",
        "Dear Laura,\n\nplease find attached the PI for your order.\n\nBest regards\nAlex",
        attachments=[("PI_SolarTech_2026-001.pdf", "application/pdf", b"%PDF-1.4 PI SolarTech")],
    )
    return fake.put_message(ALEX, raw)


def message_event(message_id: str) -> dict[str, Any]:
    return {"messageId": message_id, "threadId": message_id, "accessToken": "per-message-token"}


def test_wrong_send_from_choice_to_drafts(demo: TestClient, addon: Addon, fake_gmail: FakeGmail, db: Session) -> None:
    message_id = put_pi_sent_to_rival(fake_gmail)
    earlier = set(fake_gmail.drafts_of(ALEX))
    opened = addon.post("message", gmail=message_event(message_id))
    [start] = buttons(cards_in(opened)[0])
    assert params(start) == {"action": "wrong_start", "message_id": message_id}

    chooser = addon.action("wrong_start", parameters=params(start), gmail=message_event(message_id))
    [card] = cards_in(chooser)
    inputs = {w["selectionInput"]["name"]: w["selectionInput"] for w in widgets(card) if "selectionInput" in w}
    assert inputs["wrong"]["type"] == "CHECK_BOX"
    assert [i["value"] for i in inputs["wrong"]["items"]] == ["l.gomez@sunpeak.example"]
    assert "Laura Gómez" in inputs["wrong"]["items"][0]["text"]
    # "Meant for" starts with SolarTech's people (the PI names SolarTech), the best guess ticked; Laura comes last.
    intended = inputs["intended"]["items"]
    assert {i["value"] for i in intended[:2]} == {"m.schmidt@solartech.example", "a.becker@solartech.example"}
    assert "suggested: SolarTech GmbH is named" in intended[0]["text"] and intended[0]["selected"] is True
    assert [i["selected"] for i in intended[1:]] == [False] * (len(intended) - 1)
    assert intended[-1]["value"] == "l.gomez@sunpeak.example"
    assert fake_gmail.requests and all(r["message_token"] == "per-message-token" for r in fake_gmail.requests)

    [assess_button] = [b for b in buttons(card) if params(b)["action"] == "wrong_assess"]
    assessed = addon.action(
        "wrong_assess",
        parameters=params(assess_button),
        gmail=message_event(message_id),
        form={
            "wrong": {"stringInputs": {"value": ["l.gomez@sunpeak.example"]}},
            "intended_other": {"stringInputs": {"value": ["m.schmidt@solartech.example"]}},
        },
    )
    [result] = cards_in(assessed)
    text = all_text(assessed)
    assert "Critical" in text
    assert "Apology to the wrong recipient" in text and "Notice to the intended recipient" in text
    # Words, not codes; Gmail cannot recall, so no Outlook recall step; German letters carry an English gloss.
    assert "Contractual documents · went to the customer's rival" in text and "contractual / rival" not in text
    assert "Outlook" not in text and "Undo" in text
    assert "Laura Gómez · German" in text and "In German: apologises to Laura Gómez" in text
    incident = db.exec(select(Incident)).one()
    assert incident.wrong_recipients == ["l.gomez@sunpeak.example"]
    assert incident.intended_recipients == ["m.schmidt@solartech.example"]

    [create] = [b for b in buttons(result) if params(b)["action"] == "wrong_drafts"]
    done = addon.action("wrong_drafts", parameters=params(create), gmail=message_event(message_id))
    render = done["renderActions"]
    opened_draft = render["hostAppAction"]["gmailAction"]["openCreatedDraftActionMarkup"]
    assert "drafts created" in render["action"]["notification"]["text"]
    drafts = {k: v for k, v in fake_gmail.drafts_of(ALEX).items() if k not in earlier}
    assert opened_draft["draftId"] in drafts
    letters = [email.message_from_bytes(raw, policy=email.policy.default) for raw in drafts.values()]
    recipients = {str(m["To"]) for m in letters}
    assert {"l.gomez@sunpeak.example", "m.schmidt@solartech.example"} <= recipients
    db.expire_all()
    stored = db.exec(select(Incident)).one()
    assert {d["id"] for d in stored.mailbox_drafts} == set(drafts)


def test_wrong_send_needs_the_users_token(demo: TestClient, addon: Addon, fake_gmail: FakeGmail) -> None:
    message_id = put_pi_sent_to_rival(fake_gmail)
    asked = addon.action(
        "wrong_start", parameters={"message_id": message_id}, gmail=message_event(message_id), user_token=None
    )
    assert asked == {"requesting_google_scopes": {"scopes": [SCOPE_READ_MESSAGE]}}
    granted_read_only = addon.action(
        "wrong_drafts",
        parameters={"incident_id": "00000000-0000-0000-0000-000000000000", "message_id": message_id},
        gmail=message_event(message_id),
        scopes=[SCOPE_READ_MESSAGE],
    )
    assert granted_read_only == {"requesting_google_scopes": {"scopes": [SCOPE_COMPOSE]}}
    # Gmail itself refuses (the grant was withdrawn): ask again rather than fail.
    fake_gmail.forbidden_tokens.add(USER_TOKEN)
    refused = addon.action("wrong_start", parameters={"message_id": message_id}, gmail=message_event(message_id))
    assert refused == {"requesting_google_scopes": {"scopes": [SCOPE_READ_MESSAGE]}}


def test_wrong_send_problems_are_notifications(demo: TestClient, addon: Addon, fake_gmail: FakeGmail) -> None:
    message_id = put_pi_sent_to_rival(fake_gmail)
    nobody = addon.action("wrong_assess", parameters={"message_id": message_id}, gmail=message_event(message_id))
    assert "wrong recipient" in nobody["renderActions"]["action"]["notification"]["text"]
    stranger = addon.action(
        "wrong_assess",
        parameters={"message_id": message_id},
        gmail=message_event(message_id),
        form={"wrong": {"stringInputs": {"value": ["never@got-it.example"]}}},
    )
    assert "notification" in stranger["renderActions"]["action"]
    gone = addon.action("wrong_start", parameters={"message_id": "nope"}, gmail=message_event("nope"))
    assert "notification" in gone["renderActions"]["action"]
    old = addon.action("wrong_drafts", parameters={"incident_id": "not-a-uuid"}, gmail=message_event(message_id))
    assert "no longer exists" in old["renderActions"]["action"]["notification"]["text"]
    fake_gmail.fail_status = 503
    down = addon.action("wrong_start", parameters={"message_id": message_id}, gmail=message_event(message_id))
    assert "Gmail could not be reached" in down["renderActions"]["action"]["notification"]["text"]


def test_message_card_in_chinese(addon: Addon) -> None:
    body = addon.post("message", locale="zh-CN", gmail=message_event("abc"))
    assert "我把这封邮件发错人了" in all_text(body)


def test_action_urls_use_the_public_base(addon: Addon) -> None:
    [card] = cards_in(addon.action("templates"))
    assert all(b["onClick"]["action"]["function"] == f"{BASE}/addons/gmail/action" for b in buttons(card))


def test_google_may_add_fields_to_its_events(addon: Addon) -> None:
    """Unknown fields are refused on our own API, never on Google's events: Google adds fields as it likes."""
    body = addon.event("homepage")
    body["commonEventObject"]["timeZone"] = {"id": "Europe/Berlin", "offset": 3600000}
    body["commonEventObject"]["clientPlatform"] = "WEB"
    body["clientPlatform"] = "web"
    body["messageMetadata"] = {"accessToken": "x", "messageId": "y"}
    response = addon.raw("homepage", body)
    assert response.status_code == 200, response.text
