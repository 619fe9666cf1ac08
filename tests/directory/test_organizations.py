from __future__ import annotations

import uuid

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.tenants.models import Tenant
from tests.helpers import ADMIN, MEMBER, OTHER_ADMIN, OTHER_MEMBER

SOLARTECH = {
    "name": "SolarTech GmbH",
    "kind": "customer",
    "domains": ["SolarTech.example", "solartech.de"],
    "aliases": ["SolarTech"],
    "rival_group": "solar-dach",
    "owner_email": "alex@acme-trade.example",
    "customer_code": "C-1001",
    "country": "de",
    "language": "de",
    "contacts": [{"name": "Michael Schmidt", "email": "M.Schmidt@solartech.example", "language": "de"}],
}


def create(client: TestClient, body: dict, headers: dict[str, str] = ADMIN) -> dict:
    response = client.post("/v1/organizations", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return response.json()


def assert_error(response, status: int, code: str | None = None) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["message"]
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_create_normalizes_and_returns_contacts(client: TestClient) -> None:
    org = create(client, SOLARTECH)
    assert org["domains"] == ["solartech.de", "solartech.example"]
    assert org["country"] == "DE"
    assert org["contacts"][0]["email"] == "m.schmidt@solartech.example"
    fetched = client.get(f"/v1/organizations/{org['id']}", headers=MEMBER).json()
    assert fetched == org


def test_internationalized_domain_is_stored_as_punycode(client: TestClient) -> None:
    org = create(client, {"name": "Müller Solar", "kind": "customer", "domains": ["müller-solar.example"]})
    (stored,) = org["domains"]
    assert stored.startswith("xn--") and stored.isascii()
    assert stored.encode("ascii").decode("idna") == "müller-solar.example"


def test_chinese_and_german_names_round_trip(client: TestClient) -> None:
    org = create(
        client,
        {
            "name": "上海光能科技有限公司",
            "kind": "customer",
            "aliases": ["光能科技"],
            "contacts": [{"name": "王伟", "email": "wang.wei@guangneng.example", "language": "zh_cn"}],
        },
    )
    assert org["name"] == "上海光能科技有限公司"
    assert org["contacts"][0]["language"] == "zh-CN"
    assert client.get("/v1/organizations", params={"q": "光能"}, headers=MEMBER).json()["total"] == 1


def test_duplicate_name_domain_and_contact_conflict(client: TestClient) -> None:
    create(client, SOLARTECH)
    assert_error(
        client.post("/v1/organizations", json={**SOLARTECH, "name": "solartech gmbh", "domains": []}, headers=ADMIN),
        409,
        "organization_exists",
    )
    error = assert_error(
        client.post(
            "/v1/organizations",
            json={"name": "Copycat", "kind": "customer", "domains": ["solartech.de"]},
            headers=ADMIN,
        ),
        409,
        "domain_taken",
    )
    assert error["details"][0]["domain"] == "solartech.de"
    assert_error(
        client.post(
            "/v1/organizations",
            json={"name": "Copycat", "kind": "customer", "contacts": [{"email": "m.schmidt@solartech.example"}]},
            headers=ADMIN,
        ),
        409,
        "contact_taken",
    )
    assert client.get("/v1/organizations", headers=ADMIN).json()["total"] == 1


def test_bad_input_is_422_with_error_body(client: TestClient) -> None:
    cases = [
        {**SOLARTECH, "kind": "friend"},
        {**SOLARTECH, "domains": ["not a domain"]},
        {**SOLARTECH, "domains": ["localhost"]},
        {**SOLARTECH, "owner_email": "alex-at-acme"},
        {**SOLARTECH, "contacts": [{"email": "nobody"}]},
        {**SOLARTECH, "name": "   "},
        {**SOLARTECH, "surprise": True},
        {**SOLARTECH, "language": "deutsch!"},
    ]
    for body in cases:
        error = assert_error(client.post("/v1/organizations", json=body, headers=ADMIN), 422, "validation_failed")
        assert error["details"], body
    assert client.get("/v1/organizations", headers=ADMIN).json()["total"] == 0


def test_members_read_admins_write(client: TestClient) -> None:
    assert_error(client.post("/v1/organizations", json=SOLARTECH, headers=MEMBER), 403, "admin_required")
    org = create(client, SOLARTECH)
    assert client.get(f"/v1/organizations/{org['id']}", headers=MEMBER).status_code == 200
    assert_error(client.patch(f"/v1/organizations/{org['id']}", json={"notes": "x"}, headers=MEMBER), 403)
    assert_error(client.delete(f"/v1/organizations/{org['id']}", headers=MEMBER), 403)


def test_requires_sign_in(client: TestClient) -> None:
    assert_error(client.get("/v1/organizations"), 401, "missing_credentials")
    assert_error(client.get("/v1/organizations", headers={"X-Dev-User": "not-an-address"}), 401, "invalid_credentials")


def test_patch_changes_only_sent_fields_and_replaces_contacts(client: TestClient) -> None:
    org = create(client, SOLARTECH)
    response = client.patch(
        f"/v1/organizations/{org['id']}",
        json={
            "notes": "Prefers calls on Tuesdays",
            "contacts": [{"name": "Anna Becker", "email": "a.becker@solartech.example"}],
        },
        headers=ADMIN,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["notes"] == "Prefers calls on Tuesdays"
    assert body["domains"] == org["domains"]
    assert [c["email"] for c in body["contacts"]] == ["a.becker@solartech.example"]


def test_patch_conflict_leaves_organization_unchanged(client: TestClient) -> None:
    org = create(client, SOLARTECH)
    other = create(client, {"name": "SunPeak", "kind": "customer", "domains": ["sunpeak.example"]})
    assert_error(
        client.patch(
            f"/v1/organizations/{other['id']}", json={"domains": ["solartech.de"], "notes": "n"}, headers=ADMIN
        ),
        409,
        "domain_taken",
    )
    assert client.get(f"/v1/organizations/{other['id']}", headers=ADMIN).json() == other
    assert_error(client.patch(f"/v1/organizations/{other['id']}", json={"name": "SOLARTECH GMBH"}, headers=ADMIN), 409)
    assert client.get(f"/v1/organizations/{org['id']}", headers=ADMIN).json() == org


def test_delete_then_404(client: TestClient) -> None:
    org = create(client, SOLARTECH)
    assert client.delete(f"/v1/organizations/{org['id']}", headers=ADMIN).status_code == 204
    assert_error(client.get(f"/v1/organizations/{org['id']}", headers=ADMIN), 404, "organization_not_found")
    # the domain is free again
    create(client, {"name": "New owner", "kind": "customer", "domains": ["solartech.de"]})


def test_unknown_and_malformed_ids(client: TestClient) -> None:
    assert_error(client.get(f"/v1/organizations/{uuid.uuid4()}", headers=ADMIN), 404)
    # a malformed id names no resource: 404, like an unknown one
    assert_error(client.get("/v1/organizations/not-a-uuid", headers=ADMIN), 404)


def test_search_by_name_alias_domain_contact_and_paging(client: TestClient) -> None:
    create(client, SOLARTECH)
    create(
        client,
        {
            "name": "SunPeak Energy",
            "kind": "customer",
            "domains": ["sunpeak.example"],
            "contacts": [{"name": "Laura Gómez", "email": "l.gomez@sunpeak.example"}],
        },
    )
    create(client, {"name": "Orient Export", "kind": "competitor", "domains": ["orient-export.example"]})

    def names(q: str) -> list[str]:
        body = client.get("/v1/organizations", params={"q": q}, headers=MEMBER).json()
        return [o["name"] for o in body["items"]]

    assert names("solartech") == ["SolarTech GmbH"]
    assert names("SUNPEAK") == ["SunPeak Energy"]
    assert names("gómez") == ["SunPeak Energy"]
    assert names("orient-export.example") == ["Orient Export"]
    assert names("C-1001") == ["SolarTech GmbH"]
    assert names("100%") == []
    page = client.get("/v1/organizations", params={"limit": 2, "offset": 1}, headers=MEMBER).json()
    assert page["total"] == 3 and len(page["items"]) == 2
    assert [o["name"] for o in page["items"]] == ["SolarTech GmbH", "SunPeak Energy"]


def test_tenants_are_isolated(client: TestClient) -> None:
    org = create(client, SOLARTECH)
    assert client.get("/v1/organizations", headers=OTHER_MEMBER).json()["total"] == 0
    for method in ("get", "patch", "delete"):
        kwargs = {"json": {"notes": "mine now"}} if method == "patch" else {}
        response = getattr(client, method)(f"/v1/organizations/{org['id']}", headers=OTHER_ADMIN, **kwargs)
        assert_error(response, 404)
    # the same domain is free in another tenant: directories are separate
    create(client, {**SOLARTECH, "contacts": []}, headers=OTHER_ADMIN)
    assert client.get(f"/v1/organizations/{org['id']}", headers=ADMIN).json() == org


def test_changes_bump_the_tenant_version(client: TestClient, db: Session) -> None:
    client.get("/v1/organizations", headers=ADMIN)
    version = db.exec(select(Tenant.version)).one()
    org = create(client, SOLARTECH)
    client.patch(f"/v1/organizations/{org['id']}", json={"notes": "x"}, headers=ADMIN)
    client.delete(f"/v1/organizations/{org['id']}", headers=ADMIN)
    db.expire_all()
    assert db.exec(select(Tenant.version)).one() == version + 3
