"""A fake of Google's OAuth token endpoint for service accounts (the JWT bearer grant) and of the Admin console's
domain-wide delegation table, for tests and local runs.

It checks what Google checks: the assertion is signed by a key registered for the service account, addressed to
Google's token endpoint, short-lived, and asks only for scopes a Workspace administrator of the user's domain authorised for the
service account's client id. A granted token is registered with the fake Gmail for that user.

    oauth = FakeGoogleOAuth(fake_gmail)
    oauth.register_key(client_email, client_id, key_id, public_key_pem)
    oauth.authorise("acme-trade.example", client_id, scopes)
"""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter
from typing import Any

from fastapi import FastAPI, Form
from fastapi.responses import JSONResponse
from google.auth import exceptions as auth_exceptions
from google.auth import jwt

from app.mailbox.fake_gmail import FakeGmail

JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
TOKEN_PATH = "/token"
# Google wants this audience in the assertion wherever the token endpoint is reached (google-auth sends it).
AUDIENCE = "https://oauth2.googleapis.com/token"
LIFETIME = 3599


class FakeGoogleOAuth:
    def __init__(self, gmail: FakeGmail) -> None:
        self.gmail = gmail
        self._keys: dict[str, tuple[str, str, str]] = {}  # client_email -> (client_id, key id, public key PEM)
        self._authorised: dict[tuple[str, str], set[str]] = {}  # (domain, client_id) -> scopes
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self.grants: Counter[str] = Counter()  # tokens issued per user
        self.refusals: list[str] = []  # error codes answered
        self.app = self._build_app()

    def register_key(self, client_email: str, client_id: str, key_id: str, public_key_pem: str) -> None:
        self._keys[client_email] = (client_id, key_id, public_key_pem)

    def authorise(self, domain: str, client_id: str, scopes: list[str] | tuple[str, ...]) -> None:
        """What the Workspace administrator does under Security > API controls > Domain-wide delegation."""
        self._authorised[(domain.lower(), client_id)] = set(scopes)

    def revoke(self, domain: str, client_id: str) -> None:
        self._authorised.pop((domain.lower(), client_id), None)

    def _refuse(self, status: int, error: str, description: str) -> JSONResponse:
        self.refusals.append(error)
        return JSONResponse({"error": error, "error_description": description}, status_code=status)

    def _build_app(self) -> FastAPI:
        api = FastAPI(title="Fake Google OAuth")

        @api.post(TOKEN_PATH)
        def token(grant_type: str = Form(...), assertion: str = Form(...)) -> Any:
            if grant_type != JWT_BEARER:
                return self._refuse(400, "unsupported_grant_type", "Invalid grant_type.")
            try:
                unverified = jwt.decode(assertion, verify=False)
            except (ValueError, auth_exceptions.GoogleAuthError):
                return self._refuse(400, "invalid_grant", "Invalid JWT.")
            known = self._keys.get(str(unverified.get("iss", "")))
            if known is None:
                return self._refuse(401, "invalid_client", "The OAuth client was not found.")
            client_id, key_id, public_pem = known
            try:
                claims = jwt.decode(assertion, certs={key_id: public_pem}, audience=AUDIENCE)
            except (ValueError, auth_exceptions.GoogleAuthError):
                return self._refuse(400, "invalid_grant", "Invalid JWT Signature.")
            if int(claims.get("exp", 0)) - int(claims.get("iat", 0)) > 3600 or int(claims["exp"]) < time.time():
                return self._refuse(400, "invalid_grant", "Invalid JWT: Token must be a short-lived token.")
            user = str(claims.get("sub", "")).lower()
            scopes = set(str(claims.get("scope", "")).split())
            allowed = self._authorised.get((user.rpartition("@")[2], client_id), set())
            if not scopes or not scopes <= allowed:
                return self._refuse(
                    401,
                    "unauthorized_client",
                    "Client is unauthorized to retrieve access tokens using this method, or client not authorized "
                    "for any of the scopes requested.",
                )
            with self._lock:
                issued = f"ya29.dwd-{next(self._ids)}"
                self.grants[user] += 1
            self.gmail.add_user(user, issued)
            return {"access_token": issued, "expires_in": LIFETIME, "token_type": "Bearer"}

        return api
