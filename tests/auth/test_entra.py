"""AUTH_MODE=entra: token validation against a JWKS served by the fake Entra service."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.auth.entra import EntraValidator, SigningKeysUnavailable, bearer_token, validator_for
from app.auth.exceptions import InvalidCredentials
from app.config import Settings
from app.errors import AppError
from app.mailbox.fake_graph import FakeGraph
from app.main import create_app
from app.tenants.models import Tenant, User
from tests.conftest import _empty_all_tables
from tests.directory.test_organizations import assert_error
from tests.mailbox.graph_env import ALEX, AUTHORITY, BOSS, CLIENT_ID, TENANT, bearer, graph_settings, new_fake


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def fake() -> FakeGraph:
    return new_fake()


def validator(fake: FakeGraph, clock: Clock | None = None, **settings: Any) -> EntraValidator:
    return EntraValidator(
        graph_settings(**settings), http=TestClient(fake.app), min_refetch_interval=60.0, clock=clock or Clock()
    )


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def forged(header: dict[str, Any], claims: dict[str, Any], signature: bytes = b"") -> str:
    head = _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())
    return head + "." + _b64(signature)


def rejected(v: EntraValidator, token: str) -> InvalidCredentials:
    with pytest.raises(InvalidCredentials) as info:
        v.validate(token)
    return info.value


def test_a_good_token_becomes_a_principal(fake: FakeGraph) -> None:
    token = fake.issue_token("Alex.Chen@Acme-Trade.example", name="Alex Chen")
    principal = validator(fake).validate(token)
    oid = fake.claims("Alex.Chen@Acme-Trade.example")["oid"]
    assert principal.subject == f"entra:{TENANT}:{oid}"
    assert principal.email == "alex.chen@acme-trade.example"
    assert principal.tenant_key == f"entra:{TENANT}"
    assert principal.tenant_name == "acme-trade.example"
    assert principal.internal_domains == ("acme-trade.example",)
    assert principal.role == "member"
    assert principal.display_name == "Alex Chen"
    assert principal.locale is None
    assert principal.assertion == token
    assert token not in repr(principal)


def test_admin_role_and_other_username_claims(fake: FakeGraph) -> None:
    v = validator(fake)
    assert v.validate(fake.issue_token(BOSS, roles=["SendGuard.Admin"])).role == "admin"
    assert v.validate(fake.issue_token(BOSS, roles=["Other.Role"])).role == "member"
    by_upn = v.validate(fake.issue_token(ALEX, preferred_username=None, upn="Alex@Acme-Trade.example"))
    assert by_upn.email == "alex@acme-trade.example"
    by_email = v.validate(fake.issue_token(ALEX, preferred_username="not-an-address", email="a@b.example"))
    assert by_email.email == "a@b.example"
    rejected(v, fake.issue_token(ALEX, preferred_username=None))


def test_audience_may_be_the_client_id_or_the_api_uri(fake: FakeGraph) -> None:
    v = validator(fake)
    assert v.validate(fake.issue_token(ALEX, aud=f"api://{CLIENT_ID}")).email == ALEX
    rejected(v, fake.issue_token(ALEX, aud="00000003-0000-0000-c000-000000000000"))  # a Graph token
    rejected(v, fake.issue_token(ALEX, aud=f"api://{CLIENT_ID}/other"))


def test_expiry_and_not_before_with_small_leeway(fake: FakeGraph) -> None:
    v = validator(fake)
    now = int(time.time())
    assert v.validate(fake.issue_token(ALEX, exp=now - 20)).email == ALEX  # clock skew within the leeway
    error = rejected(v, fake.issue_token(ALEX, exp=now - 600, iat=now - 4000, nbf=now - 4000))
    assert "expired" in error.message
    rejected(v, fake.issue_token(ALEX, nbf=now + 900))
    rejected(v, fake.issue_token(ALEX, exp=None))


def test_issuer_must_be_the_tokens_own_tenant(fake: FakeGraph) -> None:
    v = validator(fake)
    other = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
    rejected(v, fake.issue_token(ALEX, iss=f"{AUTHORITY}/{other}/v2.0"))
    rejected(v, fake.issue_token(ALEX, iss=f"https://sts.windows.net/{TENANT}/"))  # a v1 token
    rejected(v, fake.issue_token(ALEX, iss=f"https://evil.example/{TENANT}/v2.0"))
    rejected(v, fake.issue_token(ALEX, tid="not-a-guid", iss=f"{AUTHORITY}/not-a-guid/v2.0"))
    rejected(v, fake.issue_token(ALEX, tid=None))


def test_allowed_tenants(fake: FakeGraph) -> None:
    assert validator(fake, entra_allowed_tenants=[TENANT.upper()]).validate(fake.issue_token(ALEX)).email == ALEX
    only_other = validator(fake, entra_allowed_tenants=["0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"])
    rejected(only_other, fake.issue_token(ALEX))


def test_scope_is_required(fake: FakeGraph) -> None:
    v = validator(fake)
    assert v.validate(fake.issue_token(ALEX, scp="openid access_as_user profile")).email == ALEX
    rejected(v, fake.issue_token(ALEX, scp=None))
    rejected(v, fake.issue_token(ALEX, scp="Mail.Read"))
    rejected(v, fake.issue_token(ALEX, scp=None, roles=["access_as_user"]))  # an app-only token
    custom = validator(fake, entra_scope="SendGuard.Use")
    assert custom.validate(fake.issue_token(ALEX, scp="SendGuard.Use")).email == ALEX
    rejected(custom, fake.issue_token(ALEX))


def test_wrong_key_and_forged_algorithms(fake: FakeGraph) -> None:
    v = validator(fake)
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    rejected(v, fake.issue_token(ALEX, key=stranger))  # the right kid, someone else's key
    claims = fake.claims(ALEX)
    rejected(v, forged({"alg": "none", "typ": "JWT", "kid": fake.kid}, claims))
    rejected(v, forged({"alg": "None", "kid": fake.kid}, claims))
    public_pem = (
        fake.private_key()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    header = {"alg": "HS256", "typ": "JWT", "kid": fake.kid}
    signing_input = (_b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())).encode()
    hs256 = forged(header, claims, hmac.new(public_pem, signing_input, hashlib.sha256).digest())
    rejected(v, hs256)
    good = fake.issue_token(ALEX)
    head, payload, _ = good.split(".")
    rejected(v, f"{head}.{payload}.")  # unsigned
    rejected(v, f"{head}.{payload}")
    tampered = json.loads(base64.urlsafe_b64decode(payload + "=="))
    tampered["preferred_username"] = BOSS
    rejected(v, f"{head}.{_b64(json.dumps(tampered).encode())}.{good.split('.')[2]}")
    assert v.validate(good).email == ALEX  # the key itself was fine all along


@pytest.mark.parametrize("token", ["", "abc", "a.b.c", "....", "x" * 20_000, "eyJhbGciOiJSUzI1NiJ9.e30.e30"])
def test_malformed_tokens(fake: FakeGraph, token: str) -> None:
    rejected(validator(fake), token)


def test_key_rotation_refetches_rate_limited(fake: FakeGraph) -> None:
    clock = Clock()
    v = validator(fake, clock)
    assert v.validate(fake.issue_token(ALEX)).email == ALEX
    assert v.keys.fetches == 1
    clock.now += 120
    new_kid = fake.rotate_key()
    assert v.validate(fake.issue_token(ALEX, kid=new_kid)).email == ALEX  # unknown kid: fetched again
    assert v.keys.fetches == 2
    # Made-up key ids do not make us fetch again and again within the interval.
    for i in range(5):
        rejected(v, fake.issue_token(ALEX, kid=new_kid, headers={"kid": f"made-up-{i}"}))
    assert v.keys.fetches == 2
    clock.now += 61
    rejected(v, fake.issue_token(ALEX, kid=new_kid, headers={"kid": "made-up-again"}))
    assert v.keys.fetches == 3
    # Keys are refreshed after a day even when every kid is known.
    clock.now += 24 * 3600
    assert v.validate(fake.issue_token(ALEX)).email == ALEX
    assert v.keys.fetches == 4


def test_validation_without_fetch_defers_only_when_a_key_is_missing_or_stale(fake: FakeGraph) -> None:
    clock = Clock()
    v = validator(fake, clock)
    assert v.validate_without_fetch(fake.issue_token(ALEX)) is None  # no keys yet: the caller fetches
    assert v.keys.fetches == 0
    v.validate(fake.issue_token(ALEX))
    principal = v.validate_without_fetch(fake.issue_token(ALEX))
    assert principal is not None and principal.email == ALEX and v.keys.fetches == 1
    with pytest.raises(InvalidCredentials):  # a bad token is refused as it would be with a fetch
        v.validate_without_fetch(fake.issue_token(ALEX, aud="00000003-0000-0000-c000-000000000000"))
    assert v.validate_without_fetch(fake.issue_token(ALEX, kid=fake.rotate_key())) is None  # unknown key
    clock.now += 24 * 3600
    assert v.validate_without_fetch(fake.issue_token(ALEX)) is None  # keys due for their daily refresh
    assert v.keys.fetches == 1


def test_rotation_inside_the_interval_waits_for_it(fake: FakeGraph) -> None:
    clock = Clock()
    v = validator(fake, clock)
    v.validate(fake.issue_token(ALEX))
    new_kid = fake.rotate_key()
    rejected(v, fake.issue_token(ALEX, kid=new_kid))
    clock.now += 60
    assert v.validate(fake.issue_token(ALEX, kid=new_kid)).email == ALEX


def test_key_service_down(fake: FakeGraph) -> None:
    down = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(503)))
    v = EntraValidator(graph_settings(), http=down)
    with pytest.raises(SigningKeysUnavailable):
        v.validate(fake.issue_token(ALEX))
    garbage = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200, text="<html>")))
    with pytest.raises(SigningKeysUnavailable):
        EntraValidator(graph_settings(), http=garbage).validate(fake.issue_token(ALEX))


def test_keys_kept_when_a_refetch_fails(fake: FakeGraph) -> None:
    clock = Clock()
    calls: list[int] = []

    def flaky(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            return httpx.Response(200, json=fake.jwks())
        raise httpx.ConnectError("down")

    v = EntraValidator(graph_settings(), http=httpx.Client(transport=httpx.MockTransport(flaky)), clock=clock)
    v.validate(fake.issue_token(ALEX))
    clock.now += 3600
    rejected(v, fake.issue_token(ALEX, headers={"kid": "unknown"}))
    assert v.validate(fake.issue_token(ALEX)).email == ALEX
    assert len(calls) == 2


def test_tokens_are_never_logged(fake: FakeGraph, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    v = validator(fake)
    good = fake.issue_token(ALEX)
    bad = fake.issue_token(ALEX, aud="someone-else")
    v.validate(good)
    rejected(v, bad)
    for token in (good, bad):
        for part in token.split("."):
            assert part not in caplog.text


# -- over HTTP, with the database --------------------------------------------------------------------


@pytest.fixture
def entra_client(settings: Settings, fake: FakeGraph) -> Iterator[TestClient]:
    s = graph_settings(settings, mailbox_provider="fake")
    application = create_app(s)
    application.state.entra_validator = EntraValidator(s, http=TestClient(fake.app))
    with TestClient(application, raise_server_exceptions=False) as client:
        yield client
    _empty_all_tables(application.state.engine)
    application.state.engine.dispose()


def test_sign_in_over_http(entra_client: TestClient, fake: FakeGraph, settings: Settings) -> None:
    assert_error(entra_client.get("/v1/policy"), 401, "missing_credentials")
    assert_error(entra_client.get("/v1/policy", headers={"Authorization": "Basic YTpi"}), 401, "invalid_credentials")
    assert_error(entra_client.get("/v1/policy", headers=bearer("abc")), 401, "invalid_credentials")
    expired = fake.issue_token(BOSS, roles=["SendGuard.Admin"], exp=int(time.time()) - 3600)
    assert_error(entra_client.get("/v1/policy", headers=bearer(expired)), 401, "invalid_credentials")
    # dev headers mean nothing here
    assert_error(entra_client.get("/v1/policy", headers={"X-Dev-User": BOSS, "X-Dev-Role": "admin"}), 401)
    member = fake.issue_token(ALEX)
    assert entra_client.get("/v1/policy", headers=bearer(member)).status_code == 200
    org = {"name": "SolarTech GmbH", "kind": "customer", "domains": ["solartech.example"]}
    assert_error(entra_client.post("/v1/organizations", json=org, headers=bearer(member)), 403, "admin_required")
    admin = fake.issue_token(BOSS, roles=["SendGuard.Admin"])
    response = entra_client.post("/v1/organizations", json=org, headers=bearer(admin))
    assert response.status_code == 201, response.text
    assert member not in response.text and admin not in response.text

    engine = entra_client.app.state.engine  # type: ignore[attr-defined]
    with Session(engine) as db:
        tenant = db.exec(select(Tenant)).one()
        assert (tenant.key, tenant.internal_domains) == (f"entra:{TENANT}", ["acme-trade.example"])
        users = {u.email: u for u in db.exec(select(User)).all()}
        assert set(users) == {ALEX, BOSS}
        assert users[BOSS].role == "admin" and users[ALEX].role == "member"
        assert users[ALEX].subject == f"entra:{TENANT}:{fake.claims(ALEX)['oid']}"


def test_entra_without_client_id_is_not_configured(settings: Settings, fake: FakeGraph) -> None:
    application = create_app(graph_settings(settings, mailbox_provider="fake", entra_client_id=""))
    with TestClient(application, raise_server_exceptions=False) as client:
        assert_error(client.get("/v1/policy", headers=bearer(fake.issue_token(BOSS))), 401, "auth_not_configured")
    application.state.engine.dispose()


def _long_address(length: int) -> str:
    domain = "@acme-trade.example"
    return "u" * (length - len(domain)) + domain


@pytest.mark.parametrize(("name_chars", "address_chars"), [(256, 320), (1000, 400)])
def test_long_display_names_and_user_names_sign_in(
    entra_client: TestClient, fake: FakeGraph, name_chars: int, address_chars: int
) -> None:
    """Entra allows 256-character display names; user names up to an address's 320 characters are kept,
    anything longer is cut: never a 500."""
    address = _long_address(address_chars)
    assert len(address) == address_chars
    token = fake.issue_token(BOSS, name="N" * name_chars, preferred_username=address, roles=["SendGuard.Admin"])
    response = entra_client.get("/v1/policy", headers=bearer(token))
    assert response.status_code == 200, response.text
    engine = entra_client.app.state.engine  # type: ignore[attr-defined]
    with Session(engine) as db:
        user = db.exec(select(User)).one()
    assert user.display_name == "N" * min(name_chars, 256)
    assert user.email == address.lower()[:320]


def test_one_validator_per_app_and_the_one_put_there_is_used(fake: FakeGraph) -> None:
    """The JWKS cache lives in the app's validator: built once on first use, never replaced."""
    settings = graph_settings()
    app = create_app(settings)
    connection = SimpleNamespace(app=app)
    first = validator_for(connection, settings)  # type: ignore[arg-type]
    assert isinstance(first, EntraValidator)
    assert validator_for(connection, settings) is first  # type: ignore[arg-type]
    assert app.state.entra_validator is first
    own = validator(fake)
    other = create_app(settings)
    other.state.entra_validator = own
    assert validator_for(SimpleNamespace(app=other), settings) is own  # type: ignore[arg-type]
    for made in (app, other):
        made.state.extractor.close()
        made.state.engine.dispose()


def test_odd_claims_make_a_plain_principal_or_a_rejection(fake: FakeGraph) -> None:
    v = validator(fake)
    upper = v.validate(fake.issue_token(ALEX, oid="AB12-CD34"))
    assert upper.subject == f"entra:{TENANT}:ab12-cd34"  # one person, whatever case the object id arrives in
    assert v.validate(fake.issue_token(ALEX, preferred_username="  Alex@Acme-Trade.example ")).email == ALEX
    # a role claim that is not a list grants nothing, a name that is not text shows as no name
    odd = v.validate(fake.issue_token(ALEX, roles="SendGuard.Admin", name=42))
    assert (odd.role, odd.display_name) == ("member", "")
    assert v.validate(fake.issue_token(ALEX, roles=None)).role == "member"
    for oid in ("", 7, None):
        rejected(v, fake.issue_token(ALEX, oid=oid))


@pytest.mark.parametrize(
    ("header", "code"),
    [
        (None, "missing_credentials"),
        ("", "missing_credentials"),
        ("Basic abc", "invalid_credentials"),
        ("Bearer", "invalid_credentials"),
        ("Bearer    ", "invalid_credentials"),
        ("Token abc", "invalid_credentials"),
    ],
)
def test_the_authorization_header_must_carry_a_bearer_token(header: str | None, code: str) -> None:
    headers = {} if header is None else {"authorization": header}
    with pytest.raises(AppError) as info:
        bearer_token(SimpleNamespace(headers=headers))  # type: ignore[arg-type]
    assert info.value.code == code


def test_the_bearer_token_is_taken_in_any_case_and_trimmed() -> None:
    for header in ("Bearer abc.def", "bearer abc.def", "BEARER  abc.def  "):
        assert bearer_token(SimpleNamespace(headers={"authorization": header})) == "abc.def"  # type: ignore[arg-type]
