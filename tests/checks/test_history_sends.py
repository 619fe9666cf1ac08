"""A send adds its new correspondents to the cached history instead of dropping it."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checks import repository
from app.checks.history import user_history
from app.tenants.models import User
from tests.helpers import headers

ALEX = headers("alex@acme-trade.example")


def _check(client: TestClient, to: str, trigger: str) -> dict[str, Any]:
    body = {"trigger": trigger, "draft": {"to": [{"email": to}], "body": "Hello"}}
    response = client.post("/v1/drafts/check", json=body, headers=ALEX)
    assert response.status_code == 200
    return response.json()


def test_a_send_keeps_the_users_history_cached(
    client: TestClient, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check(client, "first@customer.example", "send")
    user = db.exec(select(User).where(User.email == "alex@acme-trade.example")).one()
    loads = []
    original = repository.correspondent_hashes
    monkeypatch.setattr(repository, "correspondent_hashes", lambda *a: loads.append(1) or original(*a))
    _check(client, "new@other.example", "send")  # a new correspondent, stored and remembered
    after = _check(client, "new@other.example", "compose")
    assert loads == []  # neither check reloaded the history from the database
    assert "first_time_recipient" not in {f["code"] for f in after["findings"]}
    assert user_history._users[user.id].correspondents  # still cached
