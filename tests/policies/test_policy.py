from __future__ import annotations

from fastapi.testclient import TestClient

from tests.directory.test_organizations import assert_error
from tests.helpers import ADMIN, MEMBER, OTHER_ADMIN, OTHER_MEMBER

STRICT = {
    "bcc_threshold": 3,
    "large_audience": 40,
    "sensitive_terms": {"prices": ["Sonderpreis", "特价"], "bank": ["IBAN"]},
    "enforcement": {"critical": "block", "high": "block"},
    "hold_external_minutes": 5,
    "fail_mode": "closed",
    "suppress_dismissed_days": 14,
    "internal_domains": ["acme-trade.example", "Acme-Trade.cn"],
}


def test_defaults_follow_the_design(client: TestClient) -> None:
    body = client.get("/v1/policy", headers=MEMBER).json()
    assert body == {
        "bcc_threshold": 2,
        "large_audience": 25,
        "sensitive_terms": {},
        "enforcement": {"info": "allow", "low": "allow", "medium": "warn", "high": "warn", "critical": "warn"},
        "hold_external_minutes": 0,
        "fail_mode": "open",
        "suppress_dismissed_days": 30,
        "sent_mail_watch": True,
        "internal_domains": ["acme-trade.example"],
    }


def test_put_replaces_and_persists(client: TestClient) -> None:
    response = client.put("/v1/policy", json=STRICT, headers=ADMIN)
    assert response.status_code == 200, response.text
    saved = client.get("/v1/policy", headers=MEMBER).json()
    assert saved == response.json()
    assert saved["enforcement"] == {
        "info": "allow",
        "low": "allow",
        "medium": "warn",
        "high": "block",
        "critical": "block",
    }
    assert saved["internal_domains"] == ["acme-trade.example", "acme-trade.cn"]
    # a field left out of a PUT takes its default; internal_domains stays when not sent
    client.put("/v1/policy", json={"bcc_threshold": 4}, headers=ADMIN)
    again = client.get("/v1/policy", headers=ADMIN).json()
    assert again["bcc_threshold"] == 4 and again["hold_external_minutes"] == 0
    assert again["internal_domains"] == ["acme-trade.example", "acme-trade.cn"]


def test_invalid_policy_is_rejected_and_nothing_changes(client: TestClient) -> None:
    client.put("/v1/policy", json=STRICT, headers=ADMIN)
    before = client.get("/v1/policy", headers=ADMIN).json()
    for change in (
        {"bcc_threshold": 1},
        {"large_audience": -5},
        {"enforcement": {"severe": "block"}},
        {"enforcement": {"high": "shout"}},
        {"fail_mode": "maybe"},
        {"hold_external_minutes": 600},
        {"internal_domains": []},
        {"internal_domains": ["not a domain"]},
        {"sensitive_terms": {"gossip": ["x"]}},
        {"sensitive_terms": {"prices": [""]}},
        {"unknown_setting": True},
    ):
        error = assert_error(client.put("/v1/policy", json={**STRICT, **change}, headers=ADMIN), 422)
        assert error["details"]
    assert client.get("/v1/policy", headers=ADMIN).json() == before


def test_only_admins_change_policy_and_tenants_are_isolated(client: TestClient) -> None:
    assert_error(client.put("/v1/policy", json=STRICT, headers=MEMBER), 403, "admin_required")
    client.put("/v1/policy", json=STRICT, headers=ADMIN)
    other = client.get("/v1/policy", headers=OTHER_MEMBER).json()
    assert other["bcc_threshold"] == 2 and other["internal_domains"] == ["rival-corp.example"]
    client.put("/v1/policy", json={"bcc_threshold": 9}, headers=OTHER_ADMIN)
    assert client.get("/v1/policy", headers=ADMIN).json()["bcc_threshold"] == 3
