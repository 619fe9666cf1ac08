"""POST /v1/handoffs/prefill: the hand-off to the colleague who owns a customer, filled in from the directory and
from the documents SendGuard saw, so the salesperson writes only what nobody else knows."""

from __future__ import annotations

import base64

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.demo import load_demo_data
from tests.directory.test_organizations import assert_error
from tests.helpers import OTHER_MEMBER, headers

LIN = headers("lin.wei@acme-trade.example")
PI_TEXT = b"PROFORMA INVOICE No. 2026-001\nBuyer: SolarTech GmbH, Munich\n240 x 450 W modules\nTotal: EUR 21,600"


def test_prefilled_from_directory_and_documents_seen(client: TestClient, db: Session) -> None:
    load_demo_data(db)
    scan = {"name": "scan.txt", "content_type": "text/plain", "content_base64": base64.b64encode(PI_TEXT).decode()}
    assert client.post("/v1/attachments/scan", json=scan, headers=LIN).json()["doc_class"] == "pi"
    response = client.post("/v1/handoffs/prefill", json={"recipient": "M.Schmidt@solartech.example"}, headers=LIN)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["template"], body["to"], body["locale"]) == ("handoff_internal", "alex@acme-trade.example", "en")
    fields = body["fields"]
    assert fields["new_owner_name"] == "Alex Chen"
    assert (fields["company"], fields["contact_name"], fields["contact_email"]) == (
        "SolarTech GmbH", "Michael Schmidt", "m.schmidt@solartech.example",
    )  # fmt: skip
    assert fields["sender_name"] == "Lin Wei"
    info = fields["basic_info"].splitlines()
    assert "Country: DE" in info and "Customer code: C-1001" in info and "Language: German" in info
    assert "Contact: Michael Schmidt <m.schmidt@solartech.example>" in info
    assert len(fields["materials_sent"]) == 1 and fields["materials_sent"][0].startswith("proforma invoice (20")
    # The fields render as they are: only what the salesperson knows is left to type.
    rest = {"matter": "Order 2026-002", "overview": "o", "source_history": "s", "needs": "n", "personality": "p",
            "next_steps": "x", "takeover_date": "2026-12-01"}  # fmt: skip
    rendered = client.post("/v1/templates/handoff_internal/render", json={"locale": "en", "fields": {**fields, **rest}},
                           headers=LIN)  # fmt: skip
    assert rendered.status_code == 200, rendered.text
    assert "proforma invoice (20" in rendered.json()["body_text"]


def test_chinese_labels_and_unknown_recipients(client: TestClient, db: Session) -> None:
    load_demo_data(db)
    body = {"recipient": "l.gomez@sunpeak.example", "locale": "zh-CN"}
    fields = client.post("/v1/handoffs/prefill", json=body, headers=LIN).json()["fields"]
    assert "国家：DE" in fields["basic_info"] and "语言：德语" in fields["basic_info"]
    assert fields["materials_sent"] == []
    unknown = client.post("/v1/handoffs/prefill", json={"recipient": "x@nowhere.example"}, headers=LIN)
    assert_error(unknown, 404, "organization_not_found")
    assert_error(client.post("/v1/handoffs/prefill", json={"recipient": "not an address"}, headers=LIN), 422)
    # Another tenant cannot read this directory through a prefill.
    theirs = client.post(
        "/v1/handoffs/prefill", json={"recipient": "m.schmidt@solartech.example"}, headers=OTHER_MEMBER
    )
    assert_error(theirs, 404)
