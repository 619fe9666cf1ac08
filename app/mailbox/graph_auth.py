"""On-behalf-of: trade the add-in's token for this API for a Microsoft Graph token for the same user.

One msal ConfidentialClientApplication per Entra tenant (authority ``{ENTRA_AUTHORITY_HOST}/{tid}``).
msal's on-behalf-of call always asks the token endpoint and only ever writes its own cache, so that cache is
switched off (it would grow with every request) and Graph tokens are kept in a small bounded cache here,
keyed by a hash of the incoming token, until shortly before they expire. msal is
synchronous and does HTTP, so the exchange runs in a worker thread. msal talks HTTP through a small adapter
over httpx (``HttpxForMsal``), which is also how tests point it at a fake token endpoint. The Graph token
stays on the server: it goes into MailboxAccess and nowhere else, and is never logged.

Background work (a scheduled send minutes later, with no user token around) uses the client-credentials grant
instead, as Microsoft documents for daemons: an app-only token for ``https://graph.microsoft.com/.default`` per
tenant, from a second msal application per tenant whose own token cache msal reads back
(``acquire_token_for_client`` asks the token endpoint only when the cache has no valid token).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

import anyio.to_thread
import httpx

from app.auth.principal import Principal
from app.config import Settings
from app.errors import Unauthorized
from app.mailbox.exceptions import ConsentMissing, MailboxUnavailable

if TYPE_CHECKING:  # msal is imported by the first token request, in its thread: not by a worker that never asks
    import msal

log = logging.getLogger(__name__)

GRAPH_SCOPES = ("https://graph.microsoft.com/Mail.ReadWrite", "https://graph.microsoft.com/Mail.Send")
# App-only: the application permissions an admin granted (Mail.Send, Mail.ReadWrite), never a scope list.
APP_SCOPES = ("https://graph.microsoft.com/.default",)

# AADSTS codes: 500133 / 50013 the assertion is expired or otherwise not valid any more; 65001 no consent;
# 700016 the app is not in the tenant's directory, 7000229 it has no service principal there (app-only: the
# tenant's admin never consented).
_EXPIRED_ASSERTION = {500133, 50013}
_NO_CONSENT = {65001, 65004, 700016, 7000229}


class MailboxReauthRequired(Unauthorized):
    code = "reauth_required"
    message = "Your Microsoft 365 sign-in has expired or is not valid for the mailbox; sign in again."


@cache
def _no_token_cache_class() -> type[msal.TokenCache]:
    import msal

    class NoTokenCache(msal.TokenCache):
        """msal never reads tokens back for on-behalf-of; storing them would only grow memory per request."""

        def add(self, event: Any, now: Any = None) -> None:
            return None

    return NoTokenCache


class _MsalResponse:
    """The requests-like response msal reads: status_code, text, headers and raise_for_status()."""

    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.text = response.text
        self.headers = dict(response.headers)
        self._response = response

    def raise_for_status(self) -> None:
        self._response.raise_for_status()


class HttpxForMsal:
    """msal's ``http_client``: ``get``/``post`` with requests' keyword arguments, on an httpx.Client."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    @staticmethod
    def _headers(headers: Mapping[str, Any] | None) -> dict[str, str]:
        return {k: str(v) for k, v in (headers or {}).items() if v is not None}

    def get(
        self, url: str, params: Mapping[str, Any] | None = None, headers: Mapping[str, Any] | None = None, **_: Any
    ) -> _MsalResponse:
        return _MsalResponse(self._client.get(url, params=dict(params or {}), headers=self._headers(headers)))

    def post(
        self,
        url: str,
        params: Mapping[str, Any] | None = None,
        data: Any = None,
        headers: Mapping[str, Any] | None = None,
        **_: Any,
    ) -> _MsalResponse:
        kwargs: dict[str, Any] = {"params": dict(params or {}), "headers": self._headers(headers)}
        if isinstance(data, Mapping):
            kwargs["data"] = {k: v for k, v in data.items() if v is not None}
        elif data is not None:
            kwargs["content"] = data
        return _MsalResponse(self._client.post(url, **kwargs))

    def close(self) -> None:
        """msal may close its client; the httpx client belongs to GraphAuth, which closes it."""


def tenant_of(principal: Principal) -> str:
    prefix, _, tid = principal.tenant_key.partition(":")
    if prefix != "entra" or not tid or principal.assertion is None:
        raise MailboxReauthRequired("Sign in with Microsoft 365 to let SendGuard read this mailbox.")
    return tid


class GraphAuth:
    """Gets Graph tokens on behalf of signed-in users."""

    def __init__(
        self,
        settings: Settings,
        *,
        http: httpx.Client | None = None,
        max_cached_tokens: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._settings = settings
        self._tokens: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._max_cached_tokens = max_cached_tokens
        self._clock = clock
        self.exchanges = 0
        self._given_http = http
        self._http: httpx.Client | None = None
        self._apps: dict[str, msal.ConfidentialClientApplication] = {}
        self._daemon_apps: dict[str, msal.ConfidentialClientApplication] = {}
        self._app_locks: dict[str, threading.Lock] = {}
        self.app_token_requests = 0
        self._lock = threading.Lock()

    def _http_client(self) -> httpx.Client:
        # Called under self._lock. Made on first use, so that a closed GraphAuth (app shut down) can start again.
        if self._http is None:
            timeout = self._settings.graph_timeout_seconds
            self._http = self._given_http or httpx.Client(
                timeout=httpx.Timeout(timeout, connect=min(5.0, timeout)), follow_redirects=False
            )
        return self._http

    def close(self) -> None:
        with self._lock:
            if self._http is not None and self._given_http is None:
                self._http.close()
            self._http = None
            self._apps.clear()
            self._daemon_apps.clear()

    async def token_for(self, principal: Principal) -> str:
        tid = tenant_of(principal)
        assert principal.assertion is not None  # tenant_of checked it
        token: str = await anyio.to_thread.run_sync(self.acquire, tid, principal.assertion)
        return token

    def _app(self, tid: str, *, daemon: bool = False) -> msal.ConfidentialClientApplication:
        import msal

        apps = self._daemon_apps if daemon else self._apps
        with self._lock:
            app = apps.get(tid)
            if app is None:
                # The constructor fetches the tenant's OpenID configuration; a failure is not cached.
                app = msal.ConfidentialClientApplication(
                    self._settings.entra_client_id,
                    client_credential=self._settings.entra_client_secret.get_secret_value(),
                    authority=f"{self._settings.entra_authority_host.rstrip('/')}/{tid}",
                    http_client=HttpxForMsal(self._http_client()),
                    validate_authority=False,
                    instance_discovery=False,
                    # App-only tokens: one per tenant, read back by msal until shortly before they expire.
                    token_cache=msal.TokenCache() if daemon else _no_token_cache_class()(),
                )
                apps[tid] = app
            return app

    async def app_token(self, tid: str) -> str:
        """An app-only Graph token for the tenant (client credentials), for work done without a user request."""
        token: str = await anyio.to_thread.run_sync(self.acquire_for_app, tid)
        return token

    def acquire_for_app(self, tid: str) -> str:
        """The app-only Graph token (blocking: run it in a thread). msal answers from its cache when it can."""
        import msal

        with self._lock:
            tenant_lock = self._app_locks.setdefault(tid, threading.Lock())
        try:
            # One request per tenant at a time: sends starting together wait for the first token, then read
            # it from the cache, instead of each asking the token endpoint.
            with tenant_lock:
                result = self._app(tid, daemon=True).acquire_token_for_client(scopes=list(APP_SCOPES))
        except (httpx.HTTPError, ValueError, OSError, msal.exceptions.MsalError) as exc:
            log.warning("client-credentials token request failed: %s", type(exc).__name__)
            raise MailboxUnavailable(details={"reason": "token_service"}) from exc
        if isinstance(result, dict) and isinstance(result.get("access_token"), str):
            if result.get("token_source") != "cache":
                with self._lock:
                    self.app_token_requests += 1
            token: str = result["access_token"]
            return token
        raise _mapped_error(result if isinstance(result, dict) else {}, grant="client credentials")

    def acquire(self, tid: str, assertion: str) -> str:
        """The Graph access token (blocking: run it in a thread)."""
        import msal

        key = hashlib.sha256(f"{tid}:{assertion}".encode()).hexdigest()
        with self._lock:
            cached = self._tokens.get(key)
            if cached is not None and cached[1] > self._clock():
                self._tokens.move_to_end(key)
                return cached[0]
        self.exchanges += 1
        try:
            result = self._app(tid).acquire_token_on_behalf_of(assertion, scopes=list(GRAPH_SCOPES))
        except (httpx.HTTPError, ValueError, OSError, msal.exceptions.MsalError) as exc:
            log.warning("on-behalf-of exchange failed: %s", type(exc).__name__)
            raise MailboxUnavailable(details={"reason": "token_service"}) from exc
        if isinstance(result, dict) and isinstance(result.get("access_token"), str):
            token: str = result["access_token"]
            self._remember(key, token, result.get("expires_in"))
            return token
        raise _mapped_error(result if isinstance(result, dict) else {})

    def _remember(self, key: str, token: str, expires_in: Any) -> None:
        try:
            lifetime = float(expires_in)
        except (TypeError, ValueError):
            return
        # Stop using a token five minutes before it expires (Graph calls may take a while and retry).
        if lifetime <= 300:
            return
        with self._lock:
            self._tokens[key] = (token, self._clock() + lifetime - 300)
            self._tokens.move_to_end(key)
            while len(self._tokens) > self._max_cached_tokens:
                self._tokens.popitem(last=False)


def _mapped_error(result: dict[str, Any], grant: str = "on-behalf-of") -> Exception:
    error = str(result.get("error", ""))
    suberror = str(result.get("suberror", ""))
    description = str(result.get("error_description", ""))
    codes = {c for c in result.get("error_codes", []) if isinstance(c, int)}
    # Log the error names only: the description can carry user and tenant names.
    log.warning("%s refused: error=%s suberror=%s codes=%s", grant, error, suberror, sorted(codes))
    if codes & _EXPIRED_ASSERTION or "AADSTS500133" in description:
        return MailboxReauthRequired(details={"reason": "assertion_expired"})
    if error == "interaction_required":
        details: dict[str, Any] = {"reason": "interaction_required"}
        if isinstance(result.get("claims"), str):
            details["claims"] = result["claims"]  # a claims challenge the add-in can answer by signing in again
        return MailboxReauthRequired(details=details)
    if (
        codes & _NO_CONSENT
        or "AADSTS65001" in description
        or error in ("invalid_grant", "consent_required")
        or suberror == "consent_required"
    ):
        return ConsentMissing(details={"reason": suberror or error or "consent_required"})
    return MailboxUnavailable(details={"reason": "token_service"})
