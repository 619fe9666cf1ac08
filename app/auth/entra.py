"""AUTH_MODE=entra: validate the Microsoft Entra v2 access token the Outlook add-in sends for this API.

The add-in gets the token with nested app authentication for the scope ``api://<client id>/access_as_user``
and sends it as ``Authorization: Bearer``. Checked here: RS256 signature against the Entra signing keys
(JWKS, cached, refetched on an unknown ``kid`` at most once per interval), issuer of the token's own tenant,
audience (this API), expiry and not-before with a small leeway, and the delegated scope. The token itself
is never logged; it stays on the principal for this request only, for the on-behalf-of exchange.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import jwt
from starlette.requests import HTTPConnection

from app.auth.exceptions import AuthModeNotAvailable, InvalidCredentials, MissingCredentials
from app.auth.per_app import per_app
from app.auth.principal import Principal, Role
from app.config import Settings
from app.errors import ProviderUnavailable

log = logging.getLogger(__name__)

ALGORITHMS = ("RS256",)
ADMIN_ROLE = "SendGuard.Admin"
LEEWAY_SECONDS = 60
# Tenant ids are GUIDs; anything else must not reach the issuer string.
_TENANT_ID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_MAX_TOKEN_CHARS = 16_384


class SigningKeysUnavailable(ProviderUnavailable):
    code = "signing_keys_unavailable"
    message = "The Microsoft sign-in keys could not be fetched; try again shortly."


class JwksCache:
    """Entra signing keys by ``kid``: fetched on first use, refreshed after ``max_age`` seconds, and refetched
    when a token names an unknown key (key rotation) — but at most once per ``min_refetch_interval`` seconds,
    so tokens with made-up key ids cannot make us hammer the key endpoint."""

    def __init__(
        self,
        uri: str,
        http: httpx.Client,
        *,
        max_age: float = 24 * 3600,
        min_refetch_interval: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._uri = uri
        self._http = http
        self._max_age = max_age
        self._min_refetch_interval = min_refetch_interval
        self._clock = clock
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at: float | None = None
        self._lock = threading.Lock()
        self.fetches = 0

    def get(self, kid: str) -> jwt.PyJWK | None:
        with self._lock:
            now = self._clock()
            if self._fetched_at is None or now - self._fetched_at >= self._max_age:
                self._refresh(now, must_succeed=not self._keys)
            elif kid not in self._keys and now - self._fetched_at >= self._min_refetch_interval:
                self._refresh(now, must_succeed=False)
            return self._keys.get(kid)

    def cached(self, kid: str) -> jwt.PyJWK | None:
        """The key if it is here and fresh, without fetching (None: ask `get`, which may fetch)."""
        fetched_at = self._fetched_at
        if fetched_at is None or self._clock() - fetched_at >= self._max_age:
            return None
        return self._keys.get(kid)

    def _refresh(self, now: float, *, must_succeed: bool) -> None:
        self.fetches += 1
        try:
            response = self._http.get(self._uri)
            response.raise_for_status()
            keys = _parse_jwks(response.json())
        except (httpx.HTTPError, ValueError) as exc:
            log.warning("entra signing keys unavailable: %s", type(exc).__name__)
            if must_succeed:
                raise SigningKeysUnavailable() from exc
            # Keep the keys we had; try again after the refetch interval.
            self._fetched_at = now
            return
        self._keys = keys
        self._fetched_at = now


def _parse_jwks(document: Any) -> dict[str, jwt.PyJWK]:
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise ValueError("not a JWKS document")
    keys: dict[str, jwt.PyJWK] = {}
    for item in document["keys"]:
        if not isinstance(item, dict) or item.get("kty") != "RSA" or item.get("use", "sig") != "sig":
            continue
        kid = item.get("kid")
        if not isinstance(kid, str) or not kid:
            continue
        try:
            keys[kid] = jwt.PyJWK(item, algorithm="RS256")
        except (jwt.PyJWKError, jwt.InvalidKeyError, ValueError, TypeError):
            continue
    return keys


class EntraValidator:
    """Validates Entra v2 access tokens for this API and turns them into a Principal."""

    def __init__(
        self,
        settings: Settings,
        *,
        http: httpx.Client | None = None,
        min_refetch_interval: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if not settings.entra_client_id:
            raise ValueError("ENTRA_CLIENT_ID is required for AUTH_MODE=entra")
        self._settings = settings
        self._owns_http = http is None
        self._http = http or httpx.Client(timeout=httpx.Timeout(5.0, connect=3.0), follow_redirects=False)
        self.keys = JwksCache(
            settings.entra_jwks_uri, self._http, min_refetch_interval=min_refetch_interval, clock=clock
        )
        client_id = settings.entra_client_id
        self._audiences = [client_id, f"api://{client_id}"]
        self._allowed_tenants = {t.strip().lower() for t in settings.entra_allowed_tenants if t.strip()}
        self._authority = settings.entra_authority_host.rstrip("/")

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def validate(self, token: str) -> Principal:
        principal = self._validate(token, self.keys.get)
        assert principal is not None  # `get` fetches unknown keys: a missing one is rejected, not deferred
        return principal

    def validate_without_fetch(self, token: str) -> Principal | None:
        """Validation when the signing key is at hand; None when it would take a fetch (use `validate`)."""
        return self._validate(token, self.keys.cached, defer_unknown_key=True)

    def _validate(
        self, token: str, key_for: Callable[[str], jwt.PyJWK | None], *, defer_unknown_key: bool = False
    ) -> Principal | None:
        if not token or len(token) > _MAX_TOKEN_CHARS:
            raise InvalidCredentials()
        try:
            header = jwt.get_unverified_header(token)
            unverified = jwt.decode(token, options={"verify_signature": False})
        except jwt.PyJWTError as exc:
            raise _rejected("malformed") from exc
        if header.get("alg") not in ALGORITHMS:
            raise _rejected("algorithm")
        kid = header.get("kid")
        tid = unverified.get("tid")
        if not isinstance(kid, str) or not kid or not isinstance(tid, str) or not _TENANT_ID.match(tid):
            raise _rejected("malformed")
        tid = tid.lower()
        if self._allowed_tenants and tid not in self._allowed_tenants:
            raise _rejected("tenant", "This Microsoft 365 organization may not use this SendGuard server.")
        key = key_for(kid)
        if key is None:
            if defer_unknown_key:
                return None
            raise _rejected("unknown_key")
        try:
            claims = jwt.decode(
                token,
                key.key,
                algorithms=list(ALGORITHMS),
                audience=self._audiences,
                issuer=f"{self._authority}/{tid}/v2.0",
                leeway=LEEWAY_SECONDS,
                options={"require": ["exp", "iss", "aud", "tid", "oid"], "verify_nbf": True},
            )
        except jwt.ExpiredSignatureError as exc:
            raise _rejected("expired", "The sign-in has expired; sign in again.") from exc
        except jwt.PyJWTError as exc:
            raise _rejected(type(exc).__name__) from exc
        scopes = str(claims.get("scp", "")).split()
        if self._settings.entra_scope not in scopes:
            raise _rejected("scope", "The sign-in does not allow SendGuard to act for you (missing scope).")
        return _principal(claims, tid, token)


def _rejected(reason: str, message: str | None = None) -> InvalidCredentials:
    log.info("entra token rejected: %s", reason)
    return InvalidCredentials(message)


def _principal(claims: dict[str, Any], tid: str, token: str) -> Principal:
    oid = claims.get("oid")
    if not isinstance(oid, str) or not oid:
        raise _rejected("malformed")
    email = ""
    for claim in ("preferred_username", "upn", "email"):
        value = claims.get(claim)
        if isinstance(value, str) and "@" in value.strip():
            email = value.strip().lower()
            break
    if not email:
        raise _rejected("no_username", "The sign-in does not name a mailbox user.")
    domain = email.rsplit("@", 1)[1]
    roles = claims.get("roles") or []
    role: Role = "admin" if isinstance(roles, list) and ADMIN_ROLE in roles else "member"
    name = claims.get("name")
    return Principal(
        subject=f"entra:{tid}:{oid.lower()}",
        email=email,
        tenant_key=f"entra:{tid}",
        tenant_name=domain,
        role=role,
        display_name=name if isinstance(name, str) else "",
        locale=None,
        internal_domains=(domain,),
        assertion=token,
    )


def validator_for(conn: HTTPConnection, settings: Settings) -> EntraValidator:
    """The app's validator (one JWKS cache per app), made on first use; tests may put their own on app.state."""
    return per_app(conn, "entra_validator", lambda: EntraValidator(settings))


def bearer_token(conn: HTTPConnection) -> str:
    header = conn.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        raise MissingCredentials("Sign in with Microsoft 365 (Authorization: Bearer).")
    if scheme.lower() != "bearer" or not token.strip():
        raise InvalidCredentials("Send the Microsoft 365 access token as 'Authorization: Bearer <token>'.")
    return token.strip()


def authenticate_entra_without_fetch(conn: HTTPConnection, settings: Settings) -> Principal | None:
    """As `authenticate_entra` when no key fetch is needed (it runs on the event loop); else None."""
    token = bearer_token(conn)
    validator: EntraValidator | None = getattr(conn.app.state, "entra_validator", None)
    if validator is None or not settings.entra_client_id:
        return None
    return validator.validate_without_fetch(token)


def authenticate_entra(conn: HTTPConnection, settings: Settings) -> Principal:
    token = bearer_token(conn)
    if not settings.entra_client_id:
        raise AuthModeNotAvailable("AUTH_MODE=entra needs ENTRA_CLIENT_ID.")
    return validator_for(conn, settings).validate(token)
