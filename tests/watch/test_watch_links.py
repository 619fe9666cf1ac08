"""The recovery link in a watch report: signed, bound to its user, expiring (`pytest -k watch`)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import SecretStr

from app.common import utcnow
from app.config import Settings
from app.watch import links
from app.watch.exceptions import RecoveryLinkInvalid


def settings(secret: str = "s3cret-for-links") -> Settings:
    return Settings(watch_link_secret=SecretStr(secret), _env_file=None)  # type: ignore[call-arg]


def ticket(**overrides: object) -> links.RecoveryTicket:
    values: dict[str, object] = {
        "user_id": "u1",
        "provider": "graph",
        "message_id": "AAMk1",
        "wrong": ("l.gomez@sunpeak.example",),
        "intended": ("m.schmidt@solartech.example",),
        "severity": "critical",
        "locale": "zh-CN",
        "expires": links.expiry(utcnow()),
        **overrides,
    }
    return links.RecoveryTicket(**values)  # type: ignore[arg-type]


def test_watch_link_round_trip_and_url() -> None:
    token = links.sign(ticket(), settings())
    assert links.verify(token, settings(), utcnow()) == ticket(expires=ticket().expires)
    url = links.recovery_url(token, Settings(public_base_url="https://sendguard.example/", _env_file=None))  # type: ignore[call-arg]
    assert url.startswith("https://sendguard.example/addin/taskpane.html?recover=")


def test_watch_link_refuses_other_keys_alterations_and_age() -> None:
    token = links.sign(ticket(), settings())
    with pytest.raises(RecoveryLinkInvalid):
        links.verify(token, settings("another-secret"), utcnow())
    mac = token.partition(".")[2]
    altered = links.sign(ticket(wrong=("someone@else.example",)), settings()).partition(".")[0]
    with pytest.raises(RecoveryLinkInvalid):
        links.verify(f"{altered}.{mac}", settings(), utcnow())
    with pytest.raises(RecoveryLinkInvalid):
        links.verify("not-a-token", settings(), utcnow())
    with pytest.raises(RecoveryLinkInvalid) as expired:
        links.verify(token, settings(), utcnow() + timedelta(days=links.RECOVERY_LINK_DAYS + 1))
    assert expired.value.code == "recovery_link_expired"
