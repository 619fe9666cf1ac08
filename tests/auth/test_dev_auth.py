from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.auth.dev import DevAuthOnNetwork
from app.tenants.models import Tenant, User
from tests.directory.test_organizations import assert_error
from tests.helpers import headers


def test_first_request_creates_tenant_and_user(client: TestClient, db: Session) -> None:
    client.get("/v1/policy", headers=headers("Alex.Chen@Acme-Trade.example"))
    tenant = db.exec(select(Tenant)).one()
    assert tenant.key == "dev:acme-trade.example"
    assert tenant.internal_domains == ["acme-trade.example"]
    user = db.exec(select(User)).one()
    assert (user.email, user.role, user.tenant_id) == ("alex.chen@acme-trade.example", "member", tenant.id)


def test_role_follows_the_credential(client: TestClient, db: Session) -> None:
    client.get("/v1/policy", headers=headers("sam@acme-trade.example", admin=True))
    client.get("/v1/policy", headers=headers("sam@acme-trade.example"))
    assert db.exec(select(User.role)).one() == "member"


def test_concurrent_first_requests_create_one_tenant(client: TestClient, db: Session) -> None:
    users = [headers(f"user{i}@newco.example") for i in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda h: client.get("/v1/policy", headers=h).status_code, users))
    assert statuses == [200] * 8
    assert len(db.exec(select(Tenant).where(Tenant.key == "dev:newco.example")).all()) == 1
    assert len(db.exec(select(User)).all()) == 8


def test_non_dev_modes_refuse_dev_headers(make_app: Any) -> None:
    for mode in ("entra", "google"):
        with TestClient(make_app(auth_mode=mode)) as client:
            assert_error(client.get("/v1/policy", headers=headers(admin=True)), 401)


def test_a_directory_change_is_seen_by_the_next_request(client: TestClient) -> None:
    """The identity cache must not hide a tenant's new version from the index."""
    admin = headers("boss@acme-trade.example", admin=True)
    draft = {"draft": {"to": [{"email": "m.schmidt@solartec.de"}]}}
    before = client.post("/v1/drafts/check", json=draft, headers=admin).json()
    assert "lookalike_domain" not in {f["code"] for f in before["findings"]}
    client.post(
        "/v1/organizations", json={"name": "SolarTech", "kind": "customer", "domains": ["solartech.de"]}, headers=admin
    )
    after = client.post("/v1/drafts/check", json=draft, headers=admin).json()
    assert "lookalike_domain" in {f["code"] for f in after["findings"]}


# -- dev sign-in stays on the machine ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "exposed",
    [{"uvicorn_host": "0.0.0.0"}, {"uvicorn_host": "::"}, {"public_base_url": "https://sendguard.example.com"}],
)
def test_dev_auth_on_a_network_address_refuses_to_start(make_app: Any, exposed: dict[str, str]) -> None:
    with pytest.raises(DevAuthOnNetwork, match="ALLOW_DEV_AUTH_ON_NETWORK"):
        make_app(**exposed)
    # production modes do not care where they listen
    make_app(auth_mode="entra", entra_client_id="x", **exposed)


def test_dev_auth_on_the_network_when_allowed_warns_at_every_start(
    make_app: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    make_app()
    make_app(uvicorn_host="0.0.0.0", allow_dev_auth_on_network=True)
    warnings = [r for r in caplog.records if "AUTH_MODE=dev" in r.getMessage()]
    assert len(warnings) == 2 and all(r.levelno == logging.WARNING for r in warnings)


def test_a_dev_sign_in_arriving_over_the_network_is_refused(make_app: Any) -> None:
    """However the server was started, a request that reached a non-loopback address is not trusted."""
    with TestClient(make_app(), base_url="http://10.1.2.3") as remote:
        assert_error(remote.get("/v1/policy", headers=headers()), 403, "dev_auth_on_network")
    with TestClient(make_app(), base_url="http://127.0.0.1:8000") as local:
        assert local.get("/v1/policy", headers=headers()).status_code == 200
    with TestClient(make_app(allow_dev_auth_on_network=True), base_url="http://10.1.2.3") as allowed:
        assert allowed.get("/v1/policy", headers=headers()).status_code == 200


def test_an_unknown_dev_role_says_which_roles_exist(client: TestClient) -> None:
    response = client.get("/v1/me", headers={"X-Dev-User": "boss@acme-trade.example", "X-Dev-Role": "Administrator"})
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["details"] == {"allowed": ["member", "admin"]} and "admin" in error["message"]
    for role, expected in (("ADMIN", "admin"), (" member ", "member"), ("", "member")):
        me = client.get("/v1/me", headers={"X-Dev-User": "boss@acme-trade.example", "X-Dev-Role": role})
        assert me.json()["role"] == expected
