"""CurrentUser: a caller whose credential and identity need no I/O is known on the event loop."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select
from starlette.requests import Request

from app.auth.dependencies import _known_on_loop
from app.config import Settings
from app.tenants.models import User
from tests.helpers import headers


def request_to(app: Any, sent: dict[str, str]) -> Request:
    raw = [(name.lower().encode(), value.encode()) for name, value in sent.items()]
    return Request({"type": "http", "headers": raw, "app": app, "server": ("testserver", 80)})


def test_a_signed_in_caller_is_known_without_the_database(client: TestClient, settings: Settings, db: Session) -> None:
    sent = headers("dana@quick.example", admin=True)
    assert _known_on_loop(request_to(client.app, sent), settings) is None  # never seen: look it up
    client.get("/v1/me", headers=sent)  # creates the user; the next sign-in reads and remembers it
    client.get("/v1/me", headers=sent)
    known = _known_on_loop(request_to(client.app, sent), settings)
    assert known is not None
    assert (known.principal.email, known.is_admin) == ("dana@quick.example", True)
    assert (known.user.email, known.user.role) == ("dana@quick.example", "admin")
    assert known.tenant.key == "dev:quick.example"
    user = db.exec(select(User).where(User.email == "dana@quick.example")).one()
    assert (known.user.id, known.tenant.id) == (user.id, user.tenant_id)
    # the cached identity says admin, the credential now says member: the database decides
    assert _known_on_loop(request_to(client.app, headers("dana@quick.example")), settings) is None


def test_modes_without_a_quick_check_always_take_the_full_path(client: TestClient, settings: Settings) -> None:
    sent = headers("erin@quick.example")
    for _ in range(2):
        client.get("/v1/me", headers=sent)
    assert _known_on_loop(request_to(client.app, sent), settings) is not None
    assert _known_on_loop(request_to(client.app, sent), settings.model_copy(update={"auth_mode": "google"})) is None
