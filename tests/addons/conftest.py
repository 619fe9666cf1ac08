"""Fixtures for the Gmail add-on: our own Google (signing key, certificate URL on 127.0.0.1) and a fake Gmail API.

Tokens are signed here with an RSA key and checked by the service through google-auth against the certificate
served over real HTTP, so the verification path is the production one.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from fastapi.testclient import TestClient
from google.apps import card_v1
from google.auth import crypt, jwt
from sqlmodel import Session, select

from app.config import Settings
from app.demo import load_demo_data
from app.mailbox.fake_gmail import FakeGmail
from app.tenants.models import Tenant
from tests.addons.servers import JsonDocument, serve_asgi, serve_json

BASE = "https://sendguard.example"
CLIENT_ID = "1234-sendguard.apps.googleusercontent.com"
SERVICE_ACCOUNT = "service-42@gcp-sa-gsuiteaddons.iam.gserviceaccount.com"
ALEX = "alex@acme-trade.example"
USER_TOKEN = "ya29.alex-user-token"
KID = "test-key-1"


def _key_and_cert(common_name: str) -> tuple[bytes, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return pem, cert.public_bytes(serialization.Encoding.PEM).decode()


class Google:
    """Signs ID tokens the way Google does; `forger` has a key Google never published."""

    def __init__(self) -> None:
        key, cert = _key_and_cert("google")
        self.signer = crypt.RSASigner.from_string(key, key_id=KID)
        forged_key, _ = _key_and_cert("forger")
        self.forger = crypt.RSASigner.from_string(forged_key, key_id=KID)
        self.certs = JsonDocument({KID: cert})

    def token(self, claims: dict[str, Any], *, forged: bool = False, lifetime: int = 3600) -> str:
        now = int(time.time())
        body = {"iss": "https://accounts.google.com", "iat": now - 10, "exp": now + lifetime, **claims}
        if lifetime < 0:
            body["iat"] = now + lifetime - 3600
        return jwt.encode(self.forger if forged else self.signer, body).decode()

    def system_token(self, route: str, **extra: Any) -> str:
        claims = {
            "aud": f"{BASE}/addons/gmail/{route}",
            "sub": "1111",
            "email": SERVICE_ACCOUNT,
            "email_verified": True,
            **{k: v for k, v in extra.items() if k not in ("forged", "lifetime")},
        }
        return self.token(claims, forged=extra.get("forged", False), lifetime=extra.get("lifetime", 3600))

    def user_token(self, email: str = ALEX, hd: str | None = "acme-trade.example", **extra: Any) -> str:
        claims = {"aud": CLIENT_ID, "sub": f"sub-{email}", "email": email, "email_verified": True, "name": "Alex"}
        if hd:
            claims["hd"] = hd
        claims.update(extra)
        return self.token(claims)


@pytest.fixture(scope="session")
def google() -> Google:
    return Google()


@pytest.fixture(scope="session")
def certs_url(google: Google) -> Iterator[str]:
    with serve_json(google.certs) as url:
        yield url


@pytest.fixture(scope="session")
def gmail_api() -> Iterator[tuple[FakeGmail, str]]:
    fake = FakeGmail()
    fake.add_user(ALEX, USER_TOKEN)
    with serve_asgi(fake.app) as url:
        yield fake, url


@pytest.fixture
def fake_gmail(gmail_api: tuple[FakeGmail, str]) -> Iterator[FakeGmail]:
    fake = gmail_api[0]
    fake.requests.clear()
    yield fake
    fake.forbidden_tokens.clear()
    fake.fail_status = None


@pytest.fixture
def settings(database_url: str, certs_url: str, gmail_api: tuple[FakeGmail, str]) -> Settings:
    """Overrides the suite's settings: the add-on configured, Gmail as the mailbox."""
    return Settings(
        database_url=database_url,
        auth_mode="dev",
        mailbox_provider="gmail",
        migrate_on_start=False,
        scheduler_enabled=False,
        public_base_url=BASE + "/",
        # Dev sign-in for the API calls next to a public add-on URL (the add-on verifies Google's tokens).
        allow_dev_auth_on_network=True,
        google_client_id=CLIENT_ID,
        gmail_addon_service_account=SERVICE_ACCOUNT,
        google_certs_url=certs_url,
        gmail_api_base_url=gmail_api[1],
        gmail_timeout_seconds=5,
        _env_file=None,  # type: ignore[call-arg]
    )


@pytest.fixture
def demo(client: TestClient, db: Session) -> Iterator[TestClient]:
    """The demo directory, as the Google Workspace tenant acme-trade.example."""
    load_demo_data(db)
    tenant = db.exec(select(Tenant)).one()
    tenant.key = "google:acme-trade.example"
    db.add(tenant)
    db.commit()
    yield client


class Addon:
    """Posts add-on events the way Gmail does, and validates every answer against Google's card types."""

    def __init__(self, client: TestClient, google: Google) -> None:
        self.client = client
        self.google = google

    def event(
        self,
        route: str,
        *,
        locale: str = "en",
        parameters: dict[str, str] | None = None,
        form: dict[str, Any] | None = None,
        gmail: dict[str, Any] | None = None,
        user_token: str | None = USER_TOKEN,
        id_token: str | None = None,
        system_token: str | None = None,
        scopes: list[str] | None = None,
    ) -> dict[str, Any]:
        auth: dict[str, Any] = {
            "systemIdToken": system_token or self.google.system_token(route),
            "userIdToken": id_token or self.google.user_token(),
        }
        if user_token:
            auth["userOAuthToken"] = user_token
        if scopes is not None:
            auth["authorizedScopes"] = scopes
        common: dict[str, Any] = {"userLocale": locale, "hostApp": "GMAIL", "platform": "WEB"}
        if parameters:
            common["parameters"] = parameters
        if form:
            common["formInputs"] = form
        body: dict[str, Any] = {"commonEventObject": common, "authorizationEventObject": auth}
        if gmail is not None:
            body["gmail"] = gmail
        return body

    def raw(self, route: str, body: dict[str, Any]) -> Any:
        return self.client.post(f"/addons/gmail/{route}", json=body)

    def post(self, route: str, **kwargs: Any) -> dict[str, Any]:
        response = self.raw(route, self.event(route, **kwargs))
        assert response.status_code == 200, response.text
        body = response.json()
        validate_response(body)
        return body

    def action(self, action: str, **kwargs: Any) -> dict[str, Any]:
        parameters = {"action": action, **kwargs.pop("parameters", {})}
        return self.post("action", parameters=parameters, **kwargs)


@pytest.fixture
def addon(client: TestClient, google: Google) -> Addon:
    return Addon(client, google)


# --- response validation ----------------------------------------------------------------------------------

_ALLOWED = {
    "response": {"action", "renderActions", "requesting_google_scopes"},
    "renderActions": {"action", "hostAppAction"},
    "action": {"navigations", "notification"},
    "navigation": {"pushCard", "updateCard"},
    "hostAppAction": {"gmailAction"},
    "gmailAction": {"updateDraftActionMarkup", "openCreatedDraftActionMarkup"},
    "updateDraftActionMarkup": {"updateBody", "updateToRecipients", "updateCcRecipients", "updateBccRecipients"},
    "openCreatedDraftActionMarkup": {"draftId", "draftStorageId", "draftThreadId"},
}


def _keys(kind: str, value: dict[str, Any]) -> None:
    assert isinstance(value, dict) and value, f"{kind} must be a non-empty object"
    unknown = set(value) - _ALLOWED[kind]
    assert not unknown, f"unknown fields in {kind}: {unknown}"


def cards_in(body: dict[str, Any]) -> list[dict[str, Any]]:
    action = body.get("action") or (body.get("renderActions") or {}).get("action") or {}
    return [nav.get("pushCard") or nav.get("updateCard") for nav in action.get("navigations", [])]


def validate_card(card: dict[str, Any]) -> card_v1.Card:
    """Google's own Card type parses it, unknown fields rejected; every action posts back to our endpoint."""
    parsed = card_v1.Card.from_json(json.dumps(card), ignore_unknown_fields=False)
    assert parsed.sections, "a card without sections"
    text = json.dumps(card)
    for url in [part.split('"')[0] for part in text.split('"function": "')[1:]]:
        assert url == f"{BASE}/addons/gmail/action"
    return parsed


def validate_response(body: dict[str, Any]) -> None:
    _keys("response", body)
    if "requesting_google_scopes" in body:
        assert set(body) == {"requesting_google_scopes"}
        assert set(body["requesting_google_scopes"]) == {"scopes"} and body["requesting_google_scopes"]["scopes"]
        return
    render = body.get("renderActions")
    if render is not None:
        _keys("renderActions", render)
    action = body.get("action") or (render or {}).get("action")
    if action is not None:
        _keys("action", action)
        for nav in action.get("navigations", []):
            _keys("navigation", nav)
        if "notification" in action:
            assert set(action["notification"]) == {"text"} and action["notification"]["text"]
    for card in cards_in(body):
        validate_card(card)
    host = (render or {}).get("hostAppAction")
    if host is not None:
        _keys("hostAppAction", host)
        _keys("gmailAction", host["gmailAction"])
        update = host["gmailAction"].get("updateDraftActionMarkup")
        if update is not None:
            _keys("updateDraftActionMarkup", update)
            body_update = update.get("updateBody")
            if body_update is not None:
                assert body_update["type"] in ("IN_PLACE_INSERT", "INSERT_AT_START", "INSERT_AT_END")
                for item in body_update["insertContents"]:
                    assert set(item) == {"content", "contentType"} and item["contentType"] == "MUTABLE_HTML"
            for field, inner in (
                ("updateToRecipients", "toRecipients"),
                ("updateCcRecipients", "ccRecipients"),
                ("updateBccRecipients", "bccRecipients"),
            ):
                if field in update:
                    assert set(update[field]) == {inner}
                    assert all(set(r) == {"email"} for r in update[field][inner])
        opened = host["gmailAction"].get("openCreatedDraftActionMarkup")
        if opened is not None:
            _keys("openCreatedDraftActionMarkup", opened)
            assert opened["draftId"]


def all_text(body: dict[str, Any]) -> str:
    return json.dumps(body, ensure_ascii=False)


def widgets(card: dict[str, Any]) -> list[dict[str, Any]]:
    return [w for section in card["sections"] for w in section["widgets"]]


def buttons(card: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for widget in widgets(card):
        found.extend(widget.get("buttonList", {}).get("buttons", []))
        if "decoratedText" in widget and "button" in widget["decoratedText"]:
            found.append(widget["decoratedText"]["button"])
    return found


def params(button: dict[str, Any]) -> dict[str, str]:
    return {p["key"]: p["value"] for p in button["onClick"]["action"]["parameters"]}
