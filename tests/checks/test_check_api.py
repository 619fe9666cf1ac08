from __future__ import annotations

import base64
import hashlib
from typing import Any

from fastapi.testclient import TestClient

from app.mailbox.base import MailAddress, MailAttachment, MailboxAccess, MailMessage
from tests.directory.test_organizations import assert_error
from tests.helpers import OTHER_MEMBER, headers

ALEX = headers("alex@acme-trade.example")


def check(client: TestClient, draft: dict[str, Any], **extra: Any) -> dict[str, Any]:
    body = {"client": "outlook", "trigger": "send", "draft": {"from": "alex@acme-trade.example", **draft}, **extra}
    response = client.post("/v1/drafts/check", json=body, headers=ALEX)
    assert response.status_code == 200, response.text
    return response.json()


def by_code(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["code"]: f for f in result["findings"]}


def to(*emails: str) -> list[dict[str, str]]:
    return [{"email": e} for e in emails]


PI = {"name": "PI_SolarTech_2026-001.pdf", "size": 48211, "content_type": "application/pdf"}


def test_pi_for_solartech_sent_to_a_rival_distributor(demo: TestClient) -> None:
    result = check(
        demo,
        {
            "to": [{"email": "l.gomez@sunpeak.example", "name": "Laura Gómez"}],
            "subject": "PI for order 2026-001",
            "body": "Dear Laura,\n\nplease find attached the PI for your order.\n\nBest regards\nAlex",
            "attachments": [PI],
        },
    )
    findings = by_code(result)
    mismatch = findings["content_mismatch"]
    assert mismatch["severity"] == "critical"
    assert any("SolarTech" in e for e in mismatch["evidence"])
    assert {"type": "remove_attachment", "name": PI["name"]} in [
        {k: v for k, v in fix.items() if v is not None} for fix in mismatch["fixes"]
    ]
    assert result["verdict"] == "warn"
    assert result["summary"] and len(result["summary"]) <= 500
    assert mismatch["title"] and mismatch["message"]


def test_the_same_pi_to_its_own_customer_is_quiet(demo: TestClient) -> None:
    result = check(
        demo,
        {
            "to": [{"email": "m.schmidt@solartech.example", "name": "Michael Schmidt"}],
            "subject": "PI for order 2026-001",
            "body": "Dear Michael,\n\nplease find attached the PI for order 2026-001.\n\nBest regards\nAlex",
            "attachments": [PI],
        },
    )
    serious = [f for f in result["findings"] if f["severity"] not in ("info", "low")]
    assert serious == []
    assert result["verdict"] == "ok"


def test_five_customers_in_cc_of_a_price_announcement(demo: TestClient) -> None:
    cc = to(
        "m.schmidt@solartech.example",
        "l.gomez@sunpeak.example",
        "s.mueller@helio-handel.example",
        "c.huber@alpen-pv.example",
        "c.laurent@soleil-distribution.example",
    )
    result = check(
        demo,
        {
            "to": to("alex@acme-trade.example"),
            "cc": cc,
            "subject": "New price list 2027",
            "body": "Dear partners, our prices change from January.",
        },
    )
    findings = by_code(result)
    assert findings["rival_exposure"]["severity"] == "critical"
    # One card for one problem: the rivals' card hides every exposed customer.
    assert "exposed_recipients" not in findings
    move = next(f for f in findings["rival_exposure"]["fixes"] if f["type"] == "move_to_bcc")
    assert set(move["recipients"]) == {c["email"] for c in cc}
    assert len({f["title"] for f in result["findings"]}) == len(result["findings"])


def test_mistyped_customer_domain(demo: TestClient) -> None:
    result = check(demo, {"to": to("m.schmidt@solartec.de"), "subject": "Order", "body": "Dear Michael, thanks."})
    finding = by_code(result)["lookalike_domain"]
    assert finding["severity"] == "high"
    fix = next(f for f in finding["fixes"] if f["type"] == "replace_recipient")
    assert fix["recipient"] == "m.schmidt@solartec.de"
    assert fix["suggestion"].endswith("@solartech.de")


def test_forwarded_internal_discussion_to_the_customer(demo: TestClient) -> None:
    body = (
        "Hi Michael,\n\nsee below.\n\nAlex\n\n"
        "-----Original Message-----\n"
        "From: Lin Wei <lin.wei@acme-trade.example>\n"
        "Sent: Monday, November 16, 2026 9:12 AM\n"
        "To: Alex <alex@acme-trade.example>\n"
        "Subject: SolarTech pricing\n\n"
        "Internal only: SolarTech is slow to pay. Our margin on their order is 32%, keep the price firm.\n"
    )
    result = check(demo, {"to": to("m.schmidt@solartech.example"), "subject": "FW: SolarTech pricing", "body": body})
    finding = by_code(result)["internal_content_external"]
    assert finding["severity"] == "critical"
    assert finding["evidence"]


def test_attachment_promised_but_missing(demo: TestClient) -> None:
    result = check(
        demo,
        {
            "to": to("m.schmidt@solartech.example"),
            "subject": "Quotation",
            "body": "Dear Michael,\nplease find attached our quotation.\nBest regards",
        },
    )
    finding = by_code(result)["missing_attachment"]
    assert finding["severity"] == "medium"
    assert {"type": "add_attachment"} in [{k: v for k, v in f.items() if v is not None} for f in finding["fixes"]]


def test_localized_in_chinese(demo: TestClient) -> None:
    result = check(demo, {"to": to("m.schmidt@solartec.de"), "body": "你好"}, locale="zh-CN")
    finding = by_code(result)["lookalike_domain"]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in finding["title"] + result["summary"])


def test_dismissed_finding_is_shown_as_info_next_time(demo: TestClient) -> None:
    draft = {"to": to("c.rodriguez@bombasandinas.example"), "body": "Hola Carlos, SolarTech te llamará."}
    first = check(demo, draft)
    assert by_code(first)["content_mismatch"]["severity"] == "medium"
    response = demo.post(
        f"/v1/checks/{first['check_id']}/outcome",
        json={"outcome": "sent_anyway", "dismissed": ["content_mismatch"]},
        headers=ALEX,
    )
    assert response.status_code == 200, response.text
    second = check(demo, draft)
    assert by_code(second)["content_mismatch"]["severity"] == "info"
    # another user has not dismissed it
    other = demo.post(
        "/v1/drafts/check",
        json={"draft": {"from": "lin.wei@acme-trade.example", **draft}},
        headers=headers("lin.wei@acme-trade.example"),
    ).json()
    assert by_code(other)["content_mismatch"]["severity"] == "medium"


def test_outcome_errors(demo: TestClient) -> None:
    first = check(demo, {"to": to("m.schmidt@solartec.de"), "body": "Dear Michael"})
    url = f"/v1/checks/{first['check_id']}/outcome"
    assert_error(demo.post(url, json={"outcome": "sent_anyway", "dismissed": ["rival_exposure"]}, headers=ALEX), 422)
    assert_error(demo.post(url, json={"outcome": "shrug"}, headers=ALEX), 422)
    assert_error(demo.post(url, json={"outcome": "fixed"}, headers=OTHER_MEMBER), 404)
    assert_error(demo.post(url, json={"outcome": "fixed"}, headers=headers("lin.wei@acme-trade.example")), 404)
    assert demo.post(url, json={"outcome": "fixed"}, headers=ALEX).json()["outcome"] == "fixed"


def test_first_time_recipient_learns_from_sends(demo: TestClient) -> None:
    draft = {"to": to("someone@newcustomer.example"), "body": "Hello"}
    assert "first_time_recipient" in by_code(check(demo, draft))
    assert "first_time_recipient" not in by_code(check(demo, draft))


def test_attachment_scanned_once_then_referred_to_by_hash(demo: TestClient) -> None:
    text = b"PROFORMA INVOICE\nBuyer: SolarTech GmbH\nOrder 2026-001\nTotal EUR 48,000\n"
    response = demo.post(
        "/v1/attachments/scan",
        json={"name": "scan-0042.txt", "content_type": "text/plain", "content_base64": base64.b64encode(text).decode()},
        headers=ALEX,
    )
    assert response.status_code == 200, response.text
    scan = response.json()
    assert scan["sha256"] == hashlib.sha256(text).hexdigest()
    assert [o["name"] for o in scan["organizations"]] == ["SolarTech GmbH"]
    assert scan["doc_class"] == "pi"
    result = check(
        demo,
        {
            "to": to("l.gomez@sunpeak.example"),
            "body": "Dear Laura",
            "attachments": [{"name": "scan-0042.txt", "sha256": scan["sha256"], "size": len(text)}],
        },
    )
    assert by_code(result)["content_mismatch"]["severity"] == "critical"


def test_attachment_bytes_in_the_check(demo: TestClient) -> None:
    text = "Angebot für SolarTech GmbH – Preisliste 2027".encode()
    result = check(
        demo,
        {
            "to": to("l.gomez@sunpeak.example"),
            "body": "Hallo Laura",
            "attachments": [
                {"name": "angebot.txt", "content_type": "text/plain", "content_base64": base64.b64encode(text).decode()}
            ],
        },
    )
    assert by_code(result)["content_mismatch"]["severity"] in ("high", "critical")


def test_check_by_reference_through_the_mailbox(demo: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    mailbox = app.state.mailbox
    access = MailboxAccess("alex@acme-trade.example")
    mailbox.put_message(
        access,
        MailMessage(
            id="AAMk-1",
            sender="alex@acme-trade.example",
            to=(MailAddress("l.gomez@sunpeak.example", "Laura Gómez"),),
            subject="PI for order 2026-001",
            body="Dear Laura, please find attached.",
            attachments=(
                MailAttachment("PI_SolarTech_2026-001.txt", "text/plain", 40, b"Proforma invoice SolarTech GmbH"),
            ),
            is_draft=True,
        ),
    )
    mailbox.add_correspondent(access, "l.gomez@sunpeak.example")
    response = demo.post("/v1/drafts/check", json={"ref": {"provider": "fake", "id": "AAMk-1"}}, headers=ALEX)
    assert response.status_code == 200, response.text
    findings = by_code(response.json())
    assert findings["content_mismatch"]["severity"] == "critical"
    assert "first_time_recipient" not in findings
    assert_error(demo.post("/v1/drafts/check", json={"ref": {"provider": "fake", "id": "nope"}}, headers=ALEX), 404)
    assert_error(
        demo.post("/v1/drafts/check", json={"ref": {"provider": "graph", "id": "AAMk-1"}}, headers=ALEX),
        422,
        "provider_not_configured",
    )


def test_bad_input(demo: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    def post(body: dict[str, Any]):  # type: ignore[no-untyped-def]
        return demo.post("/v1/drafts/check", json=body, headers=ALEX)

    assert_error(
        post({"draft": {"to": to("a@b.example"), "attachments": [{"name": "x.pdf", "content_base64": "@@@"}]}}),
        422,
        "invalid_attachment",
    )
    assert_error(post({}), 422)
    assert_error(post({"draft": {}, "ref": {"provider": "fake", "id": "x"}}), 422)
    assert_error(post({"draft": {"to": "not-a-list"}}), 422)
    assert_error(post({"draft": {"body_format": "rtf"}}), 422)
    app.state.settings.max_body_chars = 1000
    assert_error(post({"draft": {"to": to("a@b.example"), "body": "x" * 1001}}), 413, "body_too_large")
    app.state.settings.max_attachment_bytes = 1024
    big = base64.b64encode(b"x" * 2048).decode()
    assert_error(post({"draft": {"attachments": [{"name": "big.txt", "content_base64": big}]}}), 413)


def test_odd_but_valid_drafts_never_fail(demo: TestClient) -> None:
    empty = check(demo, {})
    assert empty["verdict"] == "ok" and empty["findings"] == []
    odd_html = (
        "<div><p>Dear Michael<table><tr><td>Preis <b>EUR 12 <i></div></html><script>alert(1)",
        # Outlook's quoted history is the reply header's siblings; a comment among them has no attributes.
        "<p>Hi</p><div id='divRplyFwdMsg'>From: Michael</div><!--[if !mso]><![endif]--><p>old body</p>",
        # Control characters pasted from another program: the parser keeps them, lxml refuses to write them back.
        "<p>PI attached\x0b</p><blockquote>q\x01</blockquote>after\x1f<div id='divRplyFwdMsg'>x</div>tail\x07",
    )
    for body in odd_html:
        html = {"to": to("m.schmidt@solartech.example"), "body_format": "html", "body": body}
        assert check(demo, html)["check_id"]
    many = [{"email": f"buyer{i}@customer{i}.example"} for i in range(3000)]
    result = check(demo, {"to": many[:1], "cc": many[1:], "body": "Season's greetings"})
    assert "exposed_recipients" in by_code(result)  # the exposure card carries the Bcc fix for all of them
    odd = check(demo, {"to": [{"email": "not an address"}, {"email": "王伟 <wang.wei@guangneng.example>"}]})
    assert odd["check_id"]


def test_records_hold_no_content(demo: TestClient, db) -> None:  # type: ignore[no-untyped-def]
    from sqlmodel import select

    from app.checks.models import CheckRecord

    check(
        demo,
        {
            "to": to("m.schmidt@solartech.example"),
            "subject": "SECRET-SUBJECT-42",
            "body": "SECRET-BODY-42 please find attached",
        },
    )
    record = db.exec(select(CheckRecord)).one()
    assert "missing_attachment" in record.finding_codes
    dumped = repr(record.model_dump())
    assert "SECRET" not in dumped and "m.schmidt" not in dumped
