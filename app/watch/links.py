"""The link in a watch report: opens the recovery flow for that message, already filled in.

Nothing about the message is stored, so the link carries what recovery needs (provider, the message's id in the
mailbox, wrong and likely intended recipients, severity, locale), signed so that it cannot be altered, bound to
its user, and valid for RECOVERY_LINK_DAYS. The signing key is WATCH_LINK_SECRET, or, when that is not set, one
derived from the deployment's own secrets (the API and the watcher read the same settings).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from urllib.parse import quote

from app.config import Settings
from app.watch.exceptions import RecoveryLinkInvalid

RECOVERY_LINK_DAYS = 30
RECOVERY_PAGE = "/addin/taskpane.html"


@dataclass(frozen=True, slots=True)
class RecoveryTicket:
    user_id: str
    provider: str
    message_id: str
    wrong: tuple[str, ...]
    intended: tuple[str, ...]
    severity: str
    locale: str
    expires: int  # Unix seconds


def _key(settings: Settings) -> bytes:
    explicit = settings.watch_link_secret.get_secret_value()
    if explicit:
        return explicit.encode()
    material = "\x1f".join(
        (
            "sendguard-watch-link",
            settings.entra_client_secret.get_secret_value(),
            settings.gmail_delegation_key.get_secret_value(),
            settings.gmail_delegation_key_file,
            settings.database_url,
        )
    )
    return hashlib.sha256(material.encode()).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign(ticket: RecoveryTicket, settings: Settings) -> str:
    payload = _b64(json.dumps(asdict(ticket), separators=(",", ":"), ensure_ascii=False).encode())
    mac = hmac.new(_key(settings), payload.encode(), hashlib.sha256).digest()
    return f"{payload}.{_b64(mac)}"


def verify(token: str, settings: Settings, now: datetime) -> RecoveryTicket:
    payload, _, mac = token.partition(".")
    try:
        expected = hmac.new(_key(settings), payload.encode(), hashlib.sha256).digest()
        if not hmac.compare_digest(expected, _unb64(mac)):
            raise RecoveryLinkInvalid()
        data = json.loads(_unb64(payload))
        ticket = RecoveryTicket(
            user_id=str(data["user_id"]),
            provider=str(data["provider"]),
            message_id=str(data["message_id"]),
            wrong=tuple(str(a) for a in data["wrong"]),
            intended=tuple(str(a) for a in data["intended"]),
            severity=str(data["severity"]),
            locale=str(data["locale"]),
            expires=int(data["expires"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise RecoveryLinkInvalid() from exc
    if ticket.expires < now.timestamp():
        raise RecoveryLinkInvalid("This recovery link has expired.", code="recovery_link_expired")
    return ticket


def expiry(now: datetime) -> int:
    return int((now + timedelta(days=RECOVERY_LINK_DAYS)).timestamp())


def recovery_url(token: str, settings: Settings) -> str:
    return f"{settings.public_base_url.rstrip('/')}{RECOVERY_PAGE}?recover={quote(token, safe='')}"
