"""A Workspace with domain-wide delegation, locally: a service-account key generated here, the fake Google token
endpoint that knows its public half and the administrator's authorisation, and the fake Gmail behind it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from pydantic import SecretStr

from app.mailbox.fake_gmail import FakeGmail
from app.mailbox.fake_google_oauth import TOKEN_PATH, FakeGoogleOAuth
from app.mailbox.gmail_delegation import DELEGATION_SCOPES
from tests.addons.servers import serve_asgi

CLIENT_EMAIL = "sendguard-dwd@sendguard-test.iam.gserviceaccount.com"
CLIENT_ID = "104857600000000000001"
KEY_ID = "3f1c0ffee0ddba11"
DOMAIN = "acme-trade.example"


def service_account_key(token_uri: str) -> tuple[dict[str, Any], str]:
    """A service account's JSON key as Google's console hands it out, and the public key Google keeps."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    info = {
        "type": "service_account",
        "project_id": "sendguard-test",
        "private_key_id": KEY_ID,
        "private_key": private_pem,
        "client_email": CLIENT_EMAIL,
        "client_id": CLIENT_ID,
        "token_uri": token_uri,
    }
    return info, public_pem


@dataclass
class Workspace:
    gmail: FakeGmail
    gmail_url: str
    oauth: FakeGoogleOAuth
    key: dict[str, Any]

    def settings_values(self) -> dict[str, Any]:
        return {
            "mailbox_provider": "gmail",
            "gmail_api_base_url": self.gmail_url,
            "gmail_timeout_seconds": 5,
            "gmail_delegation_key": SecretStr(json.dumps(self.key)),
        }

    def authorise(self, scopes: tuple[str, ...] = DELEGATION_SCOPES, domain: str = DOMAIN) -> None:
        self.oauth.authorise(domain, CLIENT_ID, scopes)


@contextmanager
def workspace() -> Iterator[Workspace]:
    gmail = FakeGmail()
    oauth = FakeGoogleOAuth(gmail)
    with serve_asgi(gmail.app) as gmail_url, serve_asgi(oauth.app) as oauth_url:
        key, public_pem = service_account_key(oauth_url.rstrip("/") + TOKEN_PATH)
        oauth.register_key(CLIENT_EMAIL, CLIENT_ID, KEY_ID, public_pem)
        yield Workspace(gmail, gmail_url, oauth, key)
