"""Graph's error answers mapped to SendGuard's mailbox errors, and when a failed call may be retried."""

from __future__ import annotations

import contextlib
import logging
import random

import httpx

from app.mailbox.exceptions import ConsentMissing, MailboxUnavailable, MessageNotFound
from app.mailbox.graph_auth import MailboxReauthRequired

# The provider's own logger: what an operator filters on stays the same.
log = logging.getLogger("app.mailbox.graph")

APP_ONLY_REFUSED = (
    "SendGuard may not use this mailbox in the background. Ask your administrator to grant the application "
    "permissions Mail.Send and Mail.ReadWrite and to include this mailbox in the application access policy."
)


def outcome_unknown(exc: MailboxUnavailable) -> bool:
    """The request went out and no answer came back: a read timeout, a dropped connection, a gateway timeout."""
    cause = exc.__cause__
    if isinstance(cause, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return False  # never reached Graph
    details = exc.details if isinstance(exc.details, dict) else {}
    return details.get("reason") in ("timeout", "connection") or details.get("status") == 504


def retry_delay(response: httpx.Response, attempt: int) -> float:
    base = min(2.0**attempt * 0.5, 8.0)
    header = response.headers.get("retry-after", "").strip()
    if header:
        with contextlib.suppress(ValueError):  # an HTTP date: Graph sends seconds; keep the backoff
            base = max(0.0, float(header))
    return base + random.uniform(0.0, min(1.0, 0.05 + base * 0.1))


def graph_code(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return ""
    error = data.get("error") if isinstance(data, dict) else None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, str) else ""


def graph_error(operation: str, response: httpx.Response, retries: int, *, app_only: bool = False) -> Exception:
    status = response.status_code
    code = graph_code(response)
    log.warning(
        "graph %s failed: status=%s code=%s retries=%s request-id=%s",
        operation,
        status,
        code or "-",
        retries,
        response.headers.get("request-id", "-"),
    )
    if status == 401:
        return MailboxReauthRequired(details={"reason": code or "unauthorized"})
    if status == 403:
        if app_only:
            return ConsentMissing(APP_ONLY_REFUSED, details={"reason": code or "forbidden", "access": "app_only"})
        return ConsentMissing(details={"reason": code or "forbidden"})
    if status == 404 or code in ("ErrorItemNotFound", "ErrorInvalidIdMalformed"):
        return MessageNotFound()
    if status == 429:
        retry_after = response.headers.get("retry-after", "").strip()
        headers = {"Retry-After": retry_after} if retry_after.isdigit() else {"Retry-After": "30"}
        return MailboxUnavailable(
            "The mailbox service is busy (throttled); try again shortly.",
            details={"reason": "throttled", "retries": retries},
            headers=headers,
        )
    return MailboxUnavailable(details={"reason": "graph_error", "status": status, "graph_code": code or None})


# -- Graph JSON -> mailbox types ------------------------------------------------------------------
