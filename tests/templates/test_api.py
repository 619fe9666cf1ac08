"""The HTTP side of templates and hand-offs: catalogue, render, hand-offs that move ownership."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from app.templates.catalogue import list_templates
from tests.directory.test_organizations import assert_error
from tests.helpers import OTHER_MEMBER, headers

ALEX = headers("alex@acme-trade.example")
LIN = headers("lin.wei@acme-trade.example")
BOSS = headers("boss@acme-trade.example", admin=True)

SECTIONS = {
    "overview": "Long-standing distributor for Bavaria; reorders every quarter.",
    "basic_info": "SolarTech GmbH, Munich, 40 staff, buys 5 containers a year.",
    "source_history": "Met at Intersolar 2023; monthly calls since.",
    "needs": "Stable lead times; hates price changes mid-season.",
    "materials_sent": ["Catalogue 2026", "PI_SolarTech_2026-001.pdf"],
    "personality": "Direct; prefers e-mail in German, calls only for urgent topics.",
    "next_steps": "Confirm the Q1 order by 15 December.",
}


def solartech(client: TestClient) -> dict[str, Any]:
    items = client.get("/v1/organizations", params={"q": "SolarTech GmbH"}, headers=ALEX).json()["items"]
    return items[0]


def handoff_body(org_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "organization_id": org_id,
        "to_owner_email": "lin.wei@acme-trade.example",
        "to_owner_name": "Lin Wei",
        "matter": "Q1 2027 order",
        "takeover_date": "2026-12-01",
        "sections": SECTIONS,
        **extra,
    }


def test_catalogue_lists_every_template_with_fields_and_locales(demo: TestClient) -> None:
    body = demo.get("/v1/templates", headers=ALEX).json()
    assert [t["name"] for t in body] == [t.name for t in list_templates()]
    by_name = {t["name"]: t for t in body}
    assert {"en", "zh-CN"} <= set(by_name["handoff_internal"]["locales"])
    assert {"en", "zh-CN", "de", "es", "fr"} <= set(by_name["apology_wrong_recipient"]["locales"])
    fields = {f["name"]: f for f in by_name["handoff_internal"]["fields"]}
    assert fields["materials_sent"]["type"] == "list" and fields["overview"]["required"] is True
    assert fields["overview"]["label"]["zh-CN"]


def test_render_and_its_errors(demo: TestClient) -> None:
    fields = {
        "new_owner_name": "Lin Wei",
        "company": "SolarTech GmbH",
        "contact_name": "Michael Schmidt",
        "matter": "Q1 order",
        "sender_name": "Alex Chen",
        "takeover_date": "2026-12-01",
        **SECTIONS,
    }
    response = demo.post("/v1/templates/handoff_internal/render", json={"locale": "en", "fields": fields}, headers=ALEX)
    assert response.status_code == 200, response.text
    assert (
        response.json()["subject"] == "[Customer Handoff] SolarTech GmbH / Michael Schmidt - Q1 order - from Alex Chen"
    )
    zh = demo.post("/v1/templates/handoff_internal/render", json={"locale": "zh-CN", "fields": fields}, headers=ALEX)
    assert zh.json()["subject"].startswith("[客户分享] SolarTech GmbH / Michael Schmidt - Q1 order - 来自 Alex Chen")
    missing = {k: v for k, v in fields.items() if k not in ("overview", "needs")}
    error = assert_error(
        demo.post("/v1/templates/handoff_internal/render", json={"locale": "en", "fields": missing}, headers=ALEX),
        422,
        "missing_fields",
    )
    assert sorted(error["details"]["missing"]) == ["needs", "overview"]
    assert_error(demo.post("/v1/templates/nope/render", json={"locale": "en"}, headers=ALEX), 404, "template_not_found")
    assert_error(
        demo.post("/v1/templates/handoff_internal/render", json={"locale": "fr", "fields": fields}, headers=ALEX),
        422,
        "locale_not_supported",
    )
    assert_error(demo.post("/v1/templates/handoff_internal/render", json={"fields": fields}, headers=ALEX), 422)


def test_handoff_moves_ownership_and_returns_both_letters(demo: TestClient) -> None:
    org = solartech(demo)
    assert org["owner_email"] == "alex@acme-trade.example"
    response = demo.post("/v1/handoffs", json=handoff_body(org["id"]), headers=ALEX)
    assert response.status_code == 201, response.text
    result = response.json()
    internal = result["internal_email"]
    assert internal["to"] == ["lin.wei@acme-trade.example"]
    assert internal["subject"].startswith("[Customer Handoff] SolarTech GmbH / ")
    for value in ("Stable lead times", "Catalogue 2026", "Confirm the Q1 order"):
        assert value in internal["body_text"]
    notice = result["customer_notice"]
    assert notice["to"] == [org["contacts"][0]["email"]] and notice["cc"] == ["lin.wei@acme-trade.example"]
    assert notice["language"] == "de"
    assert solartech(demo)["owner_email"] == "lin.wei@acme-trade.example"
    listed = demo.get("/v1/handoffs", params={"organization_id": org["id"]}, headers=ALEX).json()
    assert [h["to_owner"] for h in listed] == ["lin.wei@acme-trade.example"]
    assert listed[0]["from_owner"] == "alex@acme-trade.example"


def test_owner_mismatch_follows_the_handoff(demo: TestClient) -> None:
    draft = {
        "draft": {
            "from": "alex@acme-trade.example",
            "to": [{"email": "m.schmidt@solartech.example"}],
            "body": "Dear Michael",
        }
    }
    before = demo.post("/v1/drafts/check", json=draft, headers=ALEX).json()
    assert "owner_mismatch" not in {f["code"] for f in before["findings"]}
    demo.post("/v1/handoffs", json=handoff_body(solartech(demo)["id"]), headers=ALEX)
    after = demo.post("/v1/drafts/check", json=draft, headers=ALEX).json()
    finding = next(f for f in after["findings"] if f["code"] == "owner_mismatch")
    assert finding["severity"] == "info"


def test_handoff_rules(demo: TestClient) -> None:
    org_id = solartech(demo)["id"]
    assert_error(demo.post("/v1/handoffs", json=handoff_body(org_id), headers=LIN), 403, "handoff_not_allowed")
    assert_error(
        demo.post("/v1/handoffs", json=handoff_body(org_id, to_owner_email="alex@acme-trade.example"), headers=ALEX),
        409,
        "already_owner",
    )
    assert_error(
        demo.post("/v1/handoffs", json=handoff_body(org_id, to_owner_email="x@gmail.example"), headers=ALEX),
        422,
        "new_owner_not_internal",
    )
    assert_error(
        demo.post("/v1/handoffs", json=handoff_body(org_id, contact_email="l.gomez@sunpeak.example"), headers=ALEX),
        422,
        "contact_not_in_organization",
    )
    incomplete = handoff_body(org_id)
    incomplete["sections"] = {k: v for k, v in SECTIONS.items() if k != "needs"}
    assert_error(demo.post("/v1/handoffs", json=incomplete, headers=ALEX), 422)
    assert_error(demo.post("/v1/handoffs", json=handoff_body(org_id), headers=OTHER_MEMBER), 404)
    assert solartech(demo)["owner_email"] == "alex@acme-trade.example"
    assert demo.get("/v1/handoffs", headers=ALEX).json() == []
    # an administrator may hand over any account
    assert demo.post("/v1/handoffs", json=handoff_body(org_id), headers=BOSS).status_code == 201
