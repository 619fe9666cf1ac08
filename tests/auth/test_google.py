"""AUTH_MODE=google: the API accepts a Google ID token issued to this service's client id."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from google.auth import crypt, jwt
from sqlmodel import Session, col, select

from app.auth.exceptions import InvalidCredentials
from app.auth.google import GoogleIdTokens
from app.config import Settings
from app.tenants.models import Tenant
from tests.addons.conftest import CLIENT_ID, Google, _key_and_cert
from tests.auth.http_server import Server
from tests.directory.test_organizations import assert_error


@pytest.fixture
def google_client(make_app: Any, certs_url: str) -> Iterator[TestClient]:
    app = make_app(
        auth_mode="google",
        tenant_signup="open",
        google_client_id=CLIENT_ID,
        google_certs_url=certs_url,
        google_admin_emails=["boss@acme-trade.example"],
    )
    with TestClient(app) as client:
        yield client


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_a_google_user_signs_in_to_their_workspace_tenant(google_client: TestClient, google: Google) -> None:
    response = google_client.get("/v1/policy", headers=bearer(google.user_token("alex@acme-trade.example")))
    assert response.status_code == 200, response.text
    assert response.json()["internal_domains"] == ["acme-trade.example"]
    # a member is not an admin; the configured address is
    body: dict[str, Any] = {"bcc_threshold": 3}
    member = google_client.put("/v1/policy", json=body, headers=bearer(google.user_token("alex@acme-trade.example")))
    assert_error(member, 403, "admin_required")
    admin = google_client.put("/v1/policy", json=body, headers=bearer(google.user_token("boss@acme-trade.example")))
    assert admin.status_code == 200, admin.text


def test_bad_google_tokens_are_401(google_client: TestClient, google: Google) -> None:
    good_claims = {"aud": CLIENT_ID, "sub": "s1", "email": "alex@acme-trade.example", "email_verified": True}
    cases = {
        "missing": {},
        "not bearer": {"Authorization": "Basic abc"},
        "garbage": bearer("not.a.token"),
        "forged": bearer(google.token(good_claims, forged=True)),
        "expired": bearer(google.token(good_claims, lifetime=-60)),
        "not yet valid": bearer(google.token({**good_claims, "iat": int(time.time()) + 600})),
        "other audience": bearer(google.token({**good_claims, "aud": "someone-else"})),
        "wrong issuer": bearer(google.token({**good_claims, "iss": "https://evil.example"})),
        "unknown key": bearer(_signed_with_an_unpublished_key_id(good_claims)),
        "unverified email": bearer(google.token({**good_claims, "email_verified": False})),
        "dev header": {"X-Dev-User": "alex@acme-trade.example"},
    }
    for name, headers in cases.items():
        response = google_client.get("/v1/policy", headers=headers)
        assert response.status_code == 401, (name, response.text)
        expected = "missing_credentials" if name in {"missing", "not bearer", "dev header"} else "invalid_credentials"
        assert response.json()["error"]["code"] == expected, name
        if name in REASONS:
            assert response.json()["error"]["details"] == {"reason": REASONS[name]}, name


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer    ", "Basic abc", "Token abc"])
def test_anything_but_a_bearer_token_asks_for_one(google_client: TestClient, header: str) -> None:
    response = google_client.get("/v1/policy", headers={"Authorization": header})
    assert_error(response, 401, "missing_credentials")
    assert response.json()["error"]["message"] == "Send a Google ID token as a Bearer token."


def test_the_bearer_scheme_in_any_case_and_spacing(google_client: TestClient, google: Google) -> None:
    token = google.user_token()
    for header in (f"bearer {token}", f"BEARER  {token} "):
        assert google_client.get("/v1/policy", headers={"Authorization": header}).status_code == 200, header


def test_the_certificates_are_fetched_once_per_app(google_client: TestClient, google: Google) -> None:
    """The app keeps one verifier, and with it the certificates for their max-age (an hour here)."""
    before = google.certs.hits
    for email in ("alex@acme-trade.example", "boss@acme-trade.example", "alex@acme-trade.example"):
        assert google_client.get("/v1/policy", headers=bearer(google.user_token(email))).status_code == 200
    assert google.certs.hits == before + 1


def test_google_mode_without_a_client_id_is_not_configured(make_app: Any, google: Google) -> None:
    with TestClient(make_app(auth_mode="google", google_client_id="")) as client:
        response = client.get("/v1/policy", headers=bearer(google.user_token()))
    assert_error(response, 401, "auth_not_configured")
    assert response.json()["error"]["message"] == "GOOGLE_CLIENT_ID is not configured on this server."


# What the 401 says went wrong with a token, without quoting any of it.
REASONS = {
    "garbage": "invalid_token",
    "forged": "signature",
    "expired": "expired",
    "not yet valid": "too_early",
    "other audience": "audience",
    "wrong issuer": "issuer",
    "unknown key": "certificate",
}


def _signed_with_an_unpublished_key_id(claims: dict[str, Any]) -> str:
    key, _ = _key_and_cert("rotated")
    now = int(time.time())
    body = {"iss": "https://accounts.google.com", "iat": now - 10, "exp": now + 3600, **claims}
    return jwt.encode(crypt.RSASigner.from_string(key, key_id="not-published"), body).decode()


def test_the_certificates_are_fetched_within_the_configured_timeout(google: Google, server: Server) -> None:
    """A certificate server slower than GMAIL_TIMEOUT_SECONDS refuses the sign-in instead of holding it."""
    server.payload, server.delay = json.dumps(google.certs.document).encode(), 0.8
    base = Settings(database_url="sqlite://", _env_file=None)  # type: ignore[call-arg]
    tokens = GoogleIdTokens(base.model_copy(update={"google_certs_url": server.url, "gmail_timeout_seconds": 0.2}))
    token = google.user_token()
    with pytest.raises(InvalidCredentials):
        tokens.verify(token, CLIENT_ID)
    patient = GoogleIdTokens(base.model_copy(update={"google_certs_url": server.url, "gmail_timeout_seconds": 10}))
    assert patient.verify(token, CLIENT_ID)["email"] == "alex@acme-trade.example"


def _tenant_key(client: TestClient) -> str:
    with Session(client.app.state.engine) as db:  # type: ignore[attr-defined]
        return db.exec(select(Tenant.key).order_by(col(Tenant.created_at).desc())).first() or ""


def test_a_consumer_account_on_the_company_domain_gets_a_tenant_of_its_own(
    google_client: TestClient, google: Google
) -> None:
    """Without a verified `hd` claim an address on the company's domain proves nothing about membership."""
    colleague = bearer(google.user_token("alex@acme-trade.example"))
    admin = bearer(google.user_token("boss@acme-trade.example"))
    org = google_client.post("/v1/organizations", json={"name": "SolarTech", "kind": "customer"}, headers=admin)
    assert org.status_code == 201, org.text
    assert google_client.get("/v1/organizations", headers=colleague).json()["total"] == 1

    stranger = bearer(google.user_token("mallory@acme-trade.example", hd=None))
    response = google_client.get("/v1/organizations", headers=stranger)
    assert response.status_code == 200, response.text
    assert response.json()["total"] == 0
    assert _tenant_key(google_client).startswith("google:user:")
    assert google_client.get("/v1/policy", headers=stranger).json()["internal_domains"] == []


def test_admin_addresses_count_only_inside_their_workspace(google_client: TestClient, google: Google) -> None:
    body: dict[str, Any] = {"bcc_threshold": 3}
    for token in (
        google.user_token("boss@acme-trade.example", hd=None),  # a consumer account with the admin's address
        google.user_token("boss@acme-trade.example", hd="other-workspace.example"),
    ):
        assert_error(google_client.put("/v1/policy", json=body, headers=bearer(token)), 403, "admin_required")
    token = google.user_token("boss@acme-trade.example")
    assert google_client.put("/v1/policy", json=body, headers=bearer(token)).status_code == 200


def test_consumer_accounts_may_be_refused(make_app: Any, certs_url: str, google: Google) -> None:
    app = make_app(
        auth_mode="google",
        tenant_signup="open",
        google_client_id=CLIENT_ID,
        google_certs_url=certs_url,
        google_consumer_accounts="refuse",
    )
    with TestClient(app) as client:
        token = bearer(google.user_token("mallory@acme-trade.example", hd=None))
        assert_error(client.get("/v1/policy", headers=token), 403, "workspace_account_required")
        assert client.get("/v1/policy", headers=bearer(google.user_token())).status_code == 200
