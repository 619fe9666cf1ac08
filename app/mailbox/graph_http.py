"""The HTTP side of the Microsoft Graph provider, shared by the mailbox, the outbox and the sent-mail readers.

One shared httpx.AsyncClient (opened by the app's lifespan through ``start()``, closed by ``aclose()``), a
timeout on every call, and retries only where Graph asks for them: 429 and 503 (and 504 for reads), honouring
Retry-After plus jitter, bounded by GRAPH_MAX_RETRIES and a total time budget. Everything else becomes an
AppError: 401 -> reauth_required, 403 -> consent_missing, 404 -> message_not_found, the rest -> 503.
Logs name the operation and the status only: never tokens, addresses, subjects, bodies or attachment bytes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack
from urllib.parse import quote

import anyio
import httpx

from app.config import Settings
from app.mailbox.base import MailboxAccess
from app.mailbox.exceptions import MailboxUnavailable, MessageNotFound
from app.mailbox.graph_auth import GraphAuth, MailboxReauthRequired
from app.mailbox.graph_errors import graph_error, retry_delay

# One logger name for the whole provider, so an operator filters Graph's lines with one name.
log = logging.getLogger("app.mailbox.graph")
# httpx logs every request URL at INFO; Graph URLs carry addresses ($search) and message ids. Keep them out.
_httpx_log = logging.getLogger("httpx")
if _httpx_log.level < logging.WARNING:
    _httpx_log.setLevel(logging.WARNING)

_MAX_ID_CHARS = 1024

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class GraphCall:
    operation: str  # logged instead of the URL (URLs carry ids, addresses and search terms)
    method: str
    url: str
    params: dict[str, str] | None = None
    json: Any = None
    headers: dict[str, str] | None = None
    # Safe to repeat after a 504 (the first attempt may have been carried out)?
    idempotent: bool = True
    max_retries: int | None = None


def quoted_odata(value: str) -> str:
    """A value inside an OData string literal ('...')."""
    return value.replace("'", "''")


class GraphHttpOptions(TypedDict, total=False):
    auth: GraphAuth
    transport: httpx.AsyncBaseTransport
    retry_budget_seconds: float
    sleep: Sleep
    clock: Callable[[], float]


class GraphHttp:
    def __init__(self, settings: Settings, **options: Unpack[GraphHttpOptions]) -> None:
        self._settings = settings
        self.auth = options.get("auth") or GraphAuth(settings)
        self._transport = options.get("transport")
        self._http: httpx.AsyncClient | None = None
        self._base = settings.graph_base_url.rstrip("/")
        self._beta = settings.graph_beta_url.rstrip("/")
        self._timeout = httpx.Timeout(settings.graph_timeout_seconds, connect=min(5.0, settings.graph_timeout_seconds))
        self._retry_budget = options.get("retry_budget_seconds", 8.0)
        self._sleep: Sleep = options.get("sleep", anyio.sleep)
        self._clock: Callable[[], float] = options.get("clock", time.monotonic)

    # -- lifecycle ---------------------------------------------------------------------------------

    async def start(self) -> None:
        if self._http is None:
            self._http = httpx.AsyncClient(
                transport=self._transport,
                timeout=self._timeout,
                follow_redirects=False,
                limits=httpx.Limits(max_connections=100, max_keepalive_connections=20),
                headers={"Accept": "application/json"},
            )

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None
        await anyio.to_thread.run_sync(self.auth.close)

    async def _client(self) -> httpx.AsyncClient:
        if self._http is None:  # used outside the app's lifespan (a script, a worker)
            await self.start()
        assert self._http is not None
        return self._http

    def _message_url(self, access: MailboxAccess, message_id: str) -> str:
        self._check_id(message_id)
        return f"{self._base}{access.mailbox_path}/messages/{quote(message_id, safe='')}"

    @staticmethod
    def _check_id(message_id: str) -> None:
        if not message_id or len(message_id) > _MAX_ID_CHARS:
            raise MessageNotFound()

    @property
    def base_url(self) -> str:
        return self._base

    async def read_json(
        self, access: MailboxAccess, operation: str, url: str, params: dict[str, str] | None = None
    ) -> dict[str, Any]:
        """A GET with this provider's retries (429/503/504 with Retry-After) and error mapping, for readers
        of other resources (app/mailbox/graph_sent.py). Bodies come as text."""
        headers = {"Prefer": 'outlook.body-content-type="text"'}
        return await self.json_of(access, GraphCall(operation, "GET", url, params=params, headers=headers))

    async def json_of(self, access: MailboxAccess, call: GraphCall) -> dict[str, Any]:
        response = await self._call(access, call)
        try:
            data = response.json()
        except ValueError as exc:
            log.warning("graph %s: malformed JSON (status %s)", call.operation, response.status_code)
            raise MailboxUnavailable(details={"reason": "malformed_response"}) from exc
        if not isinstance(data, dict):
            log.warning("graph %s: unexpected JSON shape", call.operation)
            raise MailboxUnavailable(details={"reason": "malformed_response"})
        return data

    async def _call(self, access: MailboxAccess, call: GraphCall) -> httpx.Response:
        if not access.token:
            raise MailboxReauthRequired("Sign in with Microsoft 365 to let SendGuard use this mailbox.")
        client = await self._client()
        headers = {"Authorization": f"Bearer {access.token}", **(call.headers or {})}
        max_retries = self._settings.graph_max_retries if call.max_retries is None else call.max_retries
        started = self._clock()
        waited = 0.0  # time asked to sleep; counts even where the clock says less (a slow-ticking clock)
        attempt = 0
        while True:
            try:
                response = await client.request(
                    call.method, call.url, params=call.params, json=call.json, headers=headers, timeout=self._timeout
                )
            except httpx.TimeoutException as exc:
                log.warning("graph %s: timeout", call.operation)
                raise MailboxUnavailable(details={"reason": "timeout"}) from exc
            except httpx.HTTPError as exc:
                log.warning("graph %s: %s", call.operation, type(exc).__name__)
                raise MailboxUnavailable(details={"reason": "connection"}) from exc
            status = response.status_code
            if status < 400:
                return response
            retryable = status in (429, 503) or (status == 504 and call.idempotent)
            if retryable and attempt < max_retries:
                delay = retry_delay(response, attempt)
                spent = max(self._clock() - started, waited)
                if spent + delay <= self._retry_budget:
                    log.info("graph %s: %s, retry %s in %.1fs", call.operation, status, attempt + 1, delay)
                    await self._sleep(delay)
                    waited += delay
                    attempt += 1
                    continue
            raise graph_error(call.operation, response, attempt, app_only=access.mailbox_path != "/me")
