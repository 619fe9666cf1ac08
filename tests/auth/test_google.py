"""AUTH_MODE=google: the API accepts a Google ID token issued to this service's client id."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.addons.conftest import CLIENT_ID, Google
from tests.directory.test_organizations import assert_error


@pytest.fixture
def google_client(make_app: Any, certs_url: str) -> Iterator[TestClient]:
    app = make_app(
        auth_mode="google",
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
        "other audience": bearer(google.token({**good_claims, "aud": "someone-else"})),
        "wrong issuer": bearer(google.token({**good_claims, "iss": "https://evil.example"})),
        "unverified email": bearer(google.token({**good_claims, "email_verified": False})),
        "dev header": {"X-Dev-User": "alex@acme-trade.example"},
    }
    for name, headers in cases.items():
        response = google_client.get("/v1/policy", headers=headers)
        assert response.status_code == 401, (name, response.text)
        assert response.json()["error"]["code"] in {"missing_credentials", "invalid_credentials"}, name
