"""Domain-wide delegation: Gmail access for a Workspace user with no user request around (Google's counterpart of
Graph's app-only token).

A Workspace administrator authorises SendGuard's service account (its OAuth client id) for ``DELEGATION_SCOPES``
in the Admin console. For each user, google-auth signs a JWT with the service account's key, ``sub`` = the user,
and trades it at the key's ``token_uri`` for an access token that acts as that user. Tokens are cached per user
until five minutes before they expire; one exchange per user at a time. google-auth talks HTTP through a small
adapter over httpx (``HttpxForGoogleAuth``), which is also how tests point it at a fake token endpoint. Keys and
tokens are never logged.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import google.auth.exceptions
import google.auth.transport
import httpx
from google.oauth2 import service_account

from app.config import Settings
from app.mailbox.exceptions import ConsentMissing, MailboxUnavailable

log = logging.getLogger(__name__)

# gmail.compose reads and sends the user's drafts (drafts.get, drafts.send); gmail.readonly finds a sent message
# by its Message-ID (messages.list q=rfc822msgid:), which is how a send whose answer was lost is recognised
# instead of being sent again, and is what the sent-mail watch reads Sent Mail with (users.history.list);
# gmail.insert puts the watch's report into the user's Inbox (users.messages.insert, nothing is sent).
# gmail.send alone cannot send a draft.
DELEGATION_SCOPES = (
    "https://www.googleapis.com/auth/gmail.compose",
    "https://www.googleapis.com/auth/gmail.readonly",
    "https://www.googleapis.com/auth/gmail.insert",
)
REFRESH_MARGIN_SECONDS = 300
_KEY_FIELDS = ("client_email", "private_key", "token_uri")
# Google's answers when the administrator has not authorised the client for these scopes, the user is not in a
# domain that did, or the key was deleted (RFC 6749 error codes). Asking again will not help: no retry.
_REFUSED = {"unauthorized_client", "access_denied", "invalid_grant", "invalid_scope", "invalid_client"}


class DelegationMissing(ConsentMissing):
    code = "delegation_missing"
    message = (
        "Gmail sends in the background (scheduled sends, the safety delay) need SendGuard's service account with "
        "domain-wide delegation. Ask your Google Workspace administrator to authorise it."
    )


class DelegationRefused(ConsentMissing):
    code = "delegation_refused"
    message = (
        "Google refused SendGuard's service account for this mailbox: the Workspace administrator has not "
        "authorised it for gmail.compose, gmail.readonly and gmail.insert (domain-wide delegation), the mailbox is not in "
        "that Workspace, or the service account's key is no longer valid."
    )


class _Response(google.auth.transport.Response):
    def __init__(self, response: httpx.Response) -> None:
        self._response = response

    @property
    def status(self) -> int:
        return self._response.status_code

    @property
    def headers(self) -> Mapping[str, str]:
        return dict(self._response.headers)

    @property
    def data(self) -> bytes:
        return self._response.content


class HttpxForGoogleAuth(google.auth.transport.Request):
    """google-auth's transport (``request(url, method, body, headers, timeout)``) on an httpx.Client."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def __call__(
        self,
        url: str,
        method: str = "GET",
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | None = None,
        **kwargs: Any,
    ) -> _Response:
        try:
            response = self._client.request(method, url, content=body, headers=dict(headers or {}))
        except httpx.HTTPError as exc:
            raise google.auth.exceptions.TransportError(type(exc).__name__) from exc
        return _Response(response)


def load_key(settings: Settings) -> dict[str, Any] | None:
    """The service account's JSON key from the settings (inline first), or None when none is configured."""
    inline = settings.gmail_delegation_key.get_secret_value().strip()
    text = inline or (
        Path(settings.gmail_delegation_key_file).read_text(encoding="utf-8")
        if settings.gmail_delegation_key_file
        else ""
    )
    if not text:
        return None
    try:
        info = json.loads(text)
    except ValueError:
        info = None
    missing = [k for k in _KEY_FIELDS if not isinstance(info, dict) or not info.get(k)]
    if missing:
        # Said at start-up, not at the first send minutes later; the key itself is never repeated.
        raise ValueError(f"GMAIL_DELEGATION_KEY is not a service account JSON key (missing: {', '.join(missing)})")
    assert isinstance(info, dict)
    return info


class GmailDelegation:
    """Delegated Gmail tokens for the users of the Workspace domains that authorised the service account."""

    def __init__(
        self,
        settings: Settings,
        *,
        http: httpx.Client | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._info = load_key(settings)
        self._timeout = settings.gmail_timeout_seconds
        self._given_http = http
        self._http: httpx.Client | None = None
        self._clock = clock
        self._tokens: dict[str, tuple[str, float]] = {}
        self._user_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.exchanges = 0

    @property
    def configured(self) -> bool:
        return self._info is not None

    def _request(self) -> HttpxForGoogleAuth:
        with self._lock:
            if self._http is None:
                self._http = self._given_http or httpx.Client(
                    timeout=httpx.Timeout(self._timeout, connect=min(5.0, self._timeout)), follow_redirects=False
                )
            return HttpxForGoogleAuth(self._http)

    def close(self) -> None:
        with self._lock:
            if self._http is not None and self._given_http is None:
                self._http.close()
            self._http = None

    def token(self, user_email: str) -> str:
        """An access token acting as ``user_email`` (blocking: run it in a thread)."""
        if self._info is None:
            raise DelegationMissing()
        user = user_email.strip().lower()
        with self._lock:
            cached = self._tokens.get(user)
            if cached is not None and cached[1] > self._clock():
                return cached[0]
            user_lock = self._user_locks.setdefault(user, threading.Lock())
        with user_lock:  # sends for one user starting together share one exchange
            with self._lock:
                cached = self._tokens.get(user)
                if cached is not None and cached[1] > self._clock():
                    return cached[0]
            token, expires_at = self._exchange(user)
            with self._lock:
                self._tokens[user] = (token, expires_at - REFRESH_MARGIN_SECONDS)
            return token

    def _exchange(self, user: str) -> tuple[str, float]:
        assert self._info is not None
        credentials = service_account.Credentials.from_service_account_info(
            self._info, scopes=list(DELEGATION_SCOPES), subject=user
        )
        try:
            credentials.refresh(self._request())
        except google.auth.exceptions.RefreshError as exc:
            error = _error_code(exc)
            log.warning("delegated token refused: error=%s", error or "unknown")
            if error in _REFUSED:
                raise DelegationRefused(details={"reason": error}) from None
            raise MailboxUnavailable(details={"reason": "token_service"}) from None
        except google.auth.exceptions.TransportError as exc:
            log.warning("delegated token request failed: %s", exc)
            raise MailboxUnavailable(details={"reason": "token_service"}) from None
        with self._lock:
            self.exchanges += 1
        expiry = credentials.expiry  # naive UTC, as google-auth keeps it
        expires_at = expiry.replace(tzinfo=UTC).timestamp() if isinstance(expiry, datetime) else self._clock() + 600
        return str(credentials.token), expires_at


def _error_code(exc: google.auth.exceptions.RefreshError) -> str:
    """The OAuth error code from google-auth's RefreshError (its second argument is the parsed answer)."""
    for arg in exc.args[1:]:
        if isinstance(arg, Mapping) and isinstance(arg.get("error"), str):
            return str(arg["error"])
    text = str(exc.args[0]) if exc.args else ""
    return next((code for code in _REFUSED if code in text), "")
