"""The Entra side of the fake Microsoft Graph: signing keys, the API's access tokens, and the token endpoint.

- ``/{tenant}/v2.0/.well-known/openid-configuration``, the JWKS at ``/common/discovery/v2.0/keys`` and the token
  endpoint ``/{tenant}/oauth2/v2.0/token`` for on-behalf-of, which checks the incoming assertion strictly, and for
  the client-credentials grant (scope ``https://graph.microsoft.com/.default``);
- which mailbox a Graph token may reach (``_refusal``): with an app-only token the granted application permission
  (Mail.ReadWrite to read and write, Mail.Send to send) and, when an application access policy is set
  (``restrict_app_access()``), a mailbox it allows; with a user's token, that user's own address.

``issue_token()`` signs access tokens for the SendGuard API with the fake's RSA key (``rotate_key()`` adds a new one).
"""

from __future__ import annotations

import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from app.mailbox.fake_graph_http import graph_error, oauth_error

FAKE_TENANT_ID = "8d0c2e41-5b7a-4c1e-9f3d-2a6b7c8d9e0f"
OBO_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
CLIENT_CREDENTIALS_GRANT = "client_credentials"
APP_SCOPE = "https://graph.microsoft.com/.default"
APP_ROLES = ("Mail.ReadWrite", "Mail.Send")
MAIL_SCOPES = ("https://graph.microsoft.com/Mail.ReadWrite", "https://graph.microsoft.com/Mail.Send")

MAILBOX_PATH = re.compile(r"^/(?:v1\.0|beta)/(?:(me)|users/([^/]+))(?:/|$)")


@dataclass(frozen=True)
class AppToken:
    """An app-only Graph token: the tenant it was issued in and the application permissions it carries."""

    tenant: str
    roles: frozenset[str]


class FakeEntra:
    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        authority_host: str = "https://login.fake.test",
        tenant_id: str = FAKE_TENANT_ID,
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.authority_host = authority_host.rstrip("/")
        self.tenant_id = tenant_id
        self._lock = threading.RLock()
        self.graph_tokens: dict[str, str] = {}
        self.consent_denied: set[str] = set()
        self.obo_exchanges = 0
        # App-only (client credentials): tokens issued, permissions granted per tenant, access policies.
        self.app_tokens: dict[str, AppToken] = {}
        self.app_roles: dict[str, frozenset[str]] = {}
        self.app_access_policies: dict[str, frozenset[str]] = {}
        self.client_credentials_grants = 0
        # Which tenant a user's mailbox is in (learnt from the tokens issued for the user).
        self.user_tenants: dict[str, str] = {}
        self._keys: dict[str, rsa.RSAPrivateKey] = {}
        self.kid = self.rotate_key()

    def rotate_key(self) -> str:
        """A new signing key (new kid); tokens are signed with it from now on, old ones stay valid."""
        kid = f"fake-{secrets.token_hex(4)}"
        with self._lock:
            self._keys[kid] = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            self.kid = kid
        return kid

    def private_key(self, kid: str | None = None) -> rsa.RSAPrivateKey:
        return self._keys[kid or self.kid]

    def jwks(self) -> dict[str, Any]:
        keys = []
        for kid, key in self._keys.items():
            jwk = jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
            keys.append({**jwk, "kid": kid, "use": "sig", "kty": "RSA", "alg": "RS256"})
        return {"keys": keys}

    def claims(self, email: str, /, **overrides: Any) -> dict[str, Any]:
        now = int(time.time())
        tid = overrides.pop("tid", self.tenant_id)
        claims: dict[str, Any] = {
            "aud": self.client_id,
            "iss": f"{self.authority_host}/{tid}/v2.0",
            "iat": now,
            "nbf": now,
            "exp": now + 3600,
            "tid": tid,
            "oid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{tid}:{email}")),
            "preferred_username": email,
            "name": email.split("@", 1)[0].replace(".", " ").title(),
            "scp": "access_as_user",
            "azp": self.client_id,
            "ver": "2.0",
        }
        claims.update(overrides)
        return {k: v for k, v in claims.items() if v is not None}

    def issue_token(
        self,
        email: str,
        /,
        *,
        kid: str | None = None,
        key: rsa.RSAPrivateKey | None = None,
        headers: dict[str, Any] | None = None,
        **claims: Any,
    ) -> str:
        """An access token for the SendGuard API, as Entra would issue it to the add-in."""
        kid = kid or self.kid
        signing_key = key or self._keys[kid]
        with self._lock:
            self.user_tenants.setdefault(email.lower(), str(claims.get("tid", self.tenant_id)))
        return jwt.encode(
            self.claims(email, **claims), signing_key, algorithm="RS256", headers={"kid": kid, **(headers or {})}
        )

    def deny_consent(self, tenant_id: str | None = None) -> None:
        """No consent in the tenant at all: on-behalf-of answers 65001; client credentials 700016 (the app
        has no service principal there)."""
        self.consent_denied.add(tenant_id or self.tenant_id)

    def set_app_roles(self, roles: tuple[str, ...] | set[str], tenant_id: str | None = None) -> None:
        """The application permissions an admin granted in the tenant (default: Mail.ReadWrite and Mail.Send).
        Applies to app-only tokens issued from now on, as on Entra."""
        with self._lock:
            self.app_roles[tenant_id or self.tenant_id] = frozenset(roles)

    def restrict_app_access(self, mailboxes: list[str], tenant_id: str | None = None) -> None:
        """An Exchange application access policy (New-ApplicationAccessPolicy -AccessRight RestrictAccess):
        app-only tokens reach these mailboxes only."""
        with self._lock:
            self.app_access_policies[tenant_id or self.tenant_id] = frozenset(m.lower() for m in mailboxes)

    @staticmethod
    def _bearer(request: Request) -> str:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        return token.strip() if scheme.lower() == "bearer" else ""

    def _user(self, request: Request) -> str | None:
        """The signed-in user of a delegated (on-behalf-of) token."""
        return self.graph_tokens.get(self._bearer(request))

    def _owner(self, request: Request) -> str:
        """Whose mailbox the request addresses: the token's user for /me, the address for /users/{address}."""
        match = MAILBOX_PATH.match(request.url.path)
        if match is not None and match.group(2) is not None:
            return match.group(2).lower()
        return self._user(request) or ""

    def _refusal(self, request: Request) -> JSONResponse | None:
        """Graph's answer when the token may not reach the addressed mailbox; None when it may."""
        token = self._bearer(request)
        user = self.graph_tokens.get(token)
        app_token = self.app_tokens.get(token)
        if user is None and app_token is None:
            return graph_error(401, "InvalidAuthenticationToken", "Access token is empty or not valid.")
        match = MAILBOX_PATH.match(request.url.path)
        if match is None:
            return None
        if match.group(1) is not None:  # /me
            if app_token is not None:
                return graph_error(400, "BadRequest", "/me request is only valid with delegated authentication flow.")
            return None
        owner = match.group(2).lower()
        if user is not None:
            if owner != user:
                return graph_error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
            return None
        assert app_token is not None
        if self.user_tenants.get(owner, app_token.tenant) != app_token.tenant:
            return graph_error(404, "ErrorInvalidUser", "The requested user is invalid.")
        needed = "Mail.Send" if request.url.path.endswith("/send") else "Mail.ReadWrite"
        readable = request.method == "GET" and "Mail.Read" in app_token.roles
        if needed not in app_token.roles and not readable:
            return graph_error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")
        allowed = self.app_access_policies.get(app_token.tenant)
        if allowed is not None and owner not in allowed:
            return graph_error(
                403,
                "ErrorAccessDenied",
                "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.",
            )
        return None

    def add_entra_routes(self, app: FastAPI) -> None:
        fake = self

        @app.get("/common/discovery/v2.0/keys")
        @app.get("/{tenant}/discovery/v2.0/keys")
        async def keys(tenant: str = "common") -> dict[str, Any]:
            return fake.jwks()

        @app.get("/{tenant}/v2.0/.well-known/openid-configuration")
        async def openid_configuration(tenant: str, request: Request) -> dict[str, Any]:
            base = f"{request.url.scheme}://{request.url.netloc}"
            return {
                "issuer": f"{base}/{tenant}/v2.0",
                "authorization_endpoint": f"{base}/{tenant}/oauth2/v2.0/authorize",
                "token_endpoint": f"{base}/{tenant}/oauth2/v2.0/token",
                "jwks_uri": f"{base}/{tenant}/discovery/v2.0/keys",
            }

        @app.post("/{tenant}/oauth2/v2.0/token")
        async def token(tenant: str, request: Request) -> JSONResponse:
            form = await request.form()
            data = {k: str(v) for k, v in form.items()}
            if data.get("grant_type") == CLIENT_CREDENTIALS_GRANT:
                return fake._client_credentials(tenant, data)
            return fake._obo(tenant, data)

    def _client_credentials(self, tenant: str, data: dict[str, str]) -> JSONResponse:
        if data.get("client_id") != self.client_id or data.get("client_secret") != self.client_secret:
            return oauth_error(401, "invalid_client", 7000215, "Invalid client secret provided.")
        if data.get("scope", "").split() != [APP_SCOPE]:
            return oauth_error(
                400, "invalid_scope", 1002012, "The provided value for scope is not valid: use '/.default'."
            )
        if tenant in self.consent_denied:
            return oauth_error(
                400,
                "unauthorized_client",
                700016,
                "Application was not found in the directory. The tenant's administrator has not consented.",
            )
        app_token = f"fake-app-{secrets.token_urlsafe(24)}"
        with self._lock:
            self.app_tokens[app_token] = AppToken(tenant, self.app_roles.get(tenant, frozenset(APP_ROLES)))
            self.client_credentials_grants += 1
        return JSONResponse(
            {"token_type": "Bearer", "expires_in": 3599, "ext_expires_in": 3599, "access_token": app_token}
        )

    def _obo(self, tenant: str, data: dict[str, str]) -> JSONResponse:
        if data.get("client_id") != self.client_id or data.get("client_secret") != self.client_secret:
            return oauth_error(401, "invalid_client", 7000215, "Invalid client secret provided.")
        if data.get("grant_type") != OBO_GRANT or data.get("requested_token_use") != "on_behalf_of":
            return oauth_error(400, "unsupported_grant_type", 70003, "The grant type is not supported.")
        scopes = set(data.get("scope", "").split())
        if not set(MAIL_SCOPES) <= scopes:
            return oauth_error(400, "invalid_scope", 70011, "The provided scopes are not valid.")
        assertion = data.get("assertion", "")
        try:
            header = jwt.get_unverified_header(assertion)
            key = self._keys[header.get("kid", "")]
            claims = jwt.decode(
                assertion,
                key.public_key(),
                algorithms=["RS256"],
                audience=[self.client_id, f"api://{self.client_id}"],
                options={"verify_exp": False},
            )
        except (jwt.PyJWTError, KeyError):
            return oauth_error(400, "invalid_grant", 50013, "Assertion failed signature validation.")
        if claims.get("exp", 0) <= time.time():
            return oauth_error(
                400, "invalid_grant", 500133, "Assertion is not within its valid time range.", suberror=None
            )
        if claims.get("tid") != tenant:
            return oauth_error(400, "invalid_request", 90002, "Tenant mismatch.")
        if tenant in self.consent_denied:
            return oauth_error(
                400,
                "invalid_grant",
                65001,
                "The user or administrator has not consented to use the application.",
                suberror="consent_required",
            )
        graph_token = f"fake-graph-{secrets.token_urlsafe(24)}"
        with self._lock:
            self.graph_tokens[graph_token] = str(claims.get("preferred_username", "")).lower()
            self.obo_exchanges += 1
        return JSONResponse(
            {
                "token_type": "Bearer",
                "scope": " ".join(MAIL_SCOPES),
                "expires_in": 3599,
                "ext_expires_in": 3599,
                "access_token": graph_token,
            }
        )
