"""Google ID tokens: AUTH_MODE=google for the API, and the shared checks the Gmail add-on builds on.

Tokens are checked with google-auth against Google's certificates (``google_certs_url``), fetched through a
small cache that honours the response's max-age. Tokens are never logged.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from typing import Any

import google.auth.exceptions
import google.auth.transport.requests
from google.auth import transport
from google.oauth2 import id_token
from starlette.requests import HTTPConnection

from app.auth.exceptions import (
    AuthModeNotAvailable,
    InvalidCredentials,
    MissingCredentials,
    WorkspaceAccountRequired,
)
from app.auth.per_app import per_app
from app.auth.principal import Principal, Role
from app.config import Settings

GOOGLE_ISSUERS = frozenset({"accounts.google.com", "https://accounts.google.com"})
DEFAULT_CACHE_SECONDS = 300
MAX_CACHE_SECONDS = 6 * 3600
_MAX_AGE = re.compile(r"max-age=(\d+)")


class _CachedResponse(transport.Response):
    def __init__(self, status: int, headers: dict[str, str], data: bytes) -> None:
        self._status, self._headers, self._data = status, headers, data

    @property
    def status(self) -> int:
        return self._status

    @property
    def headers(self) -> dict[str, str]:
        return self._headers

    @property
    def data(self) -> bytes:
        return self._data


class CachingRequest(transport.Request):
    """google-auth's requests transport, with successful GETs (the certificate list) cached for their max-age."""

    def __init__(self, timeout: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._inner = google.auth.transport.requests.Request()
        self._timeout = timeout
        self._clock = clock
        self._cache: dict[str, tuple[float, _CachedResponse]] = {}
        self._lock = threading.Lock()

    def __call__(
        self,
        url: str,
        method: str = "GET",
        body: Any = None,
        headers: Any = None,
        timeout: Any = None,
        **kwargs: Any,
    ) -> transport.Response:
        if method != "GET":
            return self._inner(url, method=method, body=body, headers=headers, timeout=timeout or self._timeout)
        now = self._clock()
        with self._lock:
            hit = self._cache.get(url)
        if hit is not None and hit[0] > now:
            return hit[1]
        response = self._inner(url, method="GET", headers=headers, timeout=timeout or self._timeout)
        cached = _CachedResponse(response.status, dict(response.headers), response.data)
        if response.status == 200:
            match = _MAX_AGE.search(_cache_control(cached.headers))
            ttl = min(int(match.group(1)), MAX_CACHE_SECONDS) if match else DEFAULT_CACHE_SECONDS
            with self._lock:
                self._cache[url] = (now + ttl, cached)
        return cached


def _cache_control(headers: dict[str, str]) -> str:
    # Header names are case-insensitive; the response's copy is a plain dict.
    return next((value for name, value in headers.items() if name.lower() == "cache-control"), "")


class GoogleIdTokens:
    """Verifies Google-signed ID tokens for one audience at a time; certificates cached per process."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._request = CachingRequest(timeout=settings.gmail_timeout_seconds)

    def verify(self, token: str, audience: str) -> dict[str, Any]:
        try:
            claims = dict(
                id_token.verify_token(
                    token, self._request, audience=audience, certs_url=self._settings.google_certs_url
                )
            )
        except (ValueError, google.auth.exceptions.GoogleAuthError) as exc:
            # ValueError covers bad signatures, expiry and a wrong audience; the reason names no token content.
            raise InvalidCredentials(details={"reason": _reason(exc)}) from None
        if claims.get("iss") not in GOOGLE_ISSUERS:
            raise InvalidCredentials(details={"reason": "issuer"})
        return claims


def _verifier_for(conn: HTTPConnection, settings: Settings) -> GoogleIdTokens:
    """The app's verifier (one certificate cache per app), made on first use."""
    return per_app(conn, "google_id_tokens", lambda: GoogleIdTokens(settings))


def authenticate_google(conn: HTTPConnection, settings: Settings) -> Principal:
    """AUTH_MODE=google: `Authorization: Bearer <Google ID token>` issued to GOOGLE_CLIENT_ID."""
    if not settings.google_client_id:
        raise AuthModeNotAvailable("GOOGLE_CLIENT_ID is not configured on this server.")
    scheme, _, token = conn.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise MissingCredentials("Send a Google ID token as a Bearer token.")
    claims = _verifier_for(conn, settings).verify(token.strip(), settings.google_client_id)
    return principal_from_claims(claims, None, settings)


def _reason(exc: Exception) -> str:
    text = str(exc).lower()
    # No "issuer": verify_token never checks it (`verify` does, with its own reason); the word in an error
    # could only come from the token's own text, which some of google-auth's messages quote.
    for key in ("expired", "audience", "signature", "certificate", "too early"):
        if key in text:
            return key.replace(" ", "_")
    return "invalid_token"


def principal_from_claims(claims: dict[str, Any], locale: str | None, settings: Settings) -> Principal:
    """Who a verified Google ID token names, and which tenant they belong to.

    Only the `hd` claim says that an account belongs to a Workspace: Google sets it for Workspace accounts
    alone, while anyone may create a consumer Google account with an address on the company's domain. So a
    token with `hd` joins the Workspace tenant `google:<hd>`; a token without it is a personal tenant of its
    own, or refused (GOOGLE_CONSUMER_ACCOUNTS=refuse). GOOGLE_ADMIN_EMAILS makes administrators only of
    accounts whose `hd` is their own address's domain.
    """
    email = str(claims.get("email") or "").strip().lower()
    if not email or "@" not in email or claims.get("email_verified") is not True:
        raise InvalidCredentials(details={"reason": "email_not_verified"})
    subject = str(claims.get("sub") or "")
    if not subject:
        raise InvalidCredentials(details={"reason": "subject"})
    local_part, _, domain = email.rpartition("@")
    hosted = str(claims.get("hd") or "").strip().lower()
    internal: tuple[str, ...]
    if hosted:
        tenant_key, tenant_name, internal = f"google:{hosted}", hosted, (domain, hosted)
    elif settings.google_consumer_accounts == "refuse":
        raise WorkspaceAccountRequired()
    else:
        tenant_key, tenant_name, internal = f"google:user:{subject}", email, ()
    admins = {a.strip().lower() for a in settings.google_admin_emails}
    role: Role = "admin" if hosted and hosted == domain and email in admins else "member"
    return Principal(
        subject=f"google:{subject}",
        email=email,
        tenant_key=tenant_key,
        tenant_name=tenant_name,
        role=role,
        display_name=str(claims.get("name") or local_part),
        locale=locale,
        internal_domains=tuple(dict.fromkeys(internal)),
    )
