"""Shared set-up for tests against the fake Microsoft Graph / Entra service (app/mailbox/fake_graph.py).

The real provider, validator and msal talk HTTP to the fake: Graph calls through httpx.ASGITransport, the
synchronous JWKS and token-endpoint calls through Starlette's TestClient (an httpx.Client running the fake).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import anyio
import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.auth.entra import EntraValidator
from app.auth.principal import Principal
from app.config import Settings
from app.mailbox.fake_graph import FAKE_TENANT_ID, FakeGraph
from app.mailbox.graph import GraphMailbox
from app.mailbox.graph_auth import GraphAuth

CLIENT_ID = "5e7c3a1f-2b4d-4c6e-8f0a-1b2c3d4e5f60"
CLIENT_SECRET = "fake-client-secret-value"
AUTHORITY = "https://login.fake.test"
GRAPH = "https://graph.fake.test"
TENANT = FAKE_TENANT_ID
ALEX = "alex@acme-trade.example"
BOSS = "boss@acme-trade.example"


def graph_settings(base: Settings | None = None, **extra: Any) -> Settings:
    base = base or Settings(database_url="sqlite://", migrate_on_start=False, _env_file=None)  # type: ignore[call-arg]
    update: dict[str, Any] = {
        "auth_mode": "entra",
        # The tests sign organizations in on first use (TENANT_SIGNUP=closed is tested in tests/tenants).
        "tenant_signup": "open",
        "mailbox_provider": "graph",
        "scheduler_enabled": False,
        "entra_client_id": CLIENT_ID,
        "entra_client_secret": SecretStr(CLIENT_SECRET),
        "entra_authority_host": AUTHORITY,
        "entra_jwks_uri": f"{AUTHORITY}/common/discovery/v2.0/keys",
        "graph_base_url": f"{GRAPH}/v1.0",
        "graph_beta_url": f"{GRAPH}/beta",
        "graph_max_retries": 3,
        "graph_timeout_seconds": 5.0,
        **extra,
    }
    return base.model_copy(update=update)


def new_fake() -> FakeGraph:
    return FakeGraph(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, authority_host=AUTHORITY)


class Sleeps(list[float]):
    """Records the provider's back-off sleeps instead of waiting them out."""

    async def __call__(self, seconds: float) -> None:
        self.append(seconds)
        await anyio.sleep(0)


def graph_mailbox(settings: Settings, fake: FakeGraph, **kwargs: Any) -> GraphMailbox:
    return GraphMailbox(
        settings,
        auth=GraphAuth(settings, http=TestClient(fake.app)),
        transport=httpx.ASGITransport(app=fake.app),
        **kwargs,
    )


def principal(fake: FakeGraph, email: str = ALEX, **claims: Any) -> Principal:
    """What the Entra validator makes of a token the fake issued (for provider-level tests)."""
    return Principal(
        subject=f"entra:{TENANT}:{email}",
        email=email,
        tenant_key=f"entra:{TENANT}",
        tenant_name=email.rsplit("@", 1)[1],
        assertion=fake.issue_token(email, **claims),
    )


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class M365:
    """The app with AUTH_MODE=entra and MAILBOX_PROVIDER=graph, its HTTP pointed at a fake Graph/Entra."""

    client: TestClient
    fake: FakeGraph
    app: FastAPI
    sleeps: Sleeps

    @property
    def alex(self) -> dict[str, str]:
        return bearer(self.fake.issue_token(ALEX))

    def check(self, message_id: str, headers: dict[str, str] | None = None) -> Any:
        return self.client.post(
            "/v1/drafts/check",
            json={"client": "outlook", "trigger": "compose", "ref": {"provider": "graph", "id": message_id}},
            headers=headers or self.alex,
        )


def build(settings: Settings, fake: FakeGraph, sleeps: Sleeps) -> FastAPI:
    from app.main import create_app

    application = create_app(settings)
    application.state.entra_validator = EntraValidator(settings, http=TestClient(fake.app))
    assert isinstance(application.state.mailbox, GraphMailbox)  # what MAILBOX_PROVIDER=graph builds
    # The same provider, with its HTTP pointed at the fake (the lifespan opens its client).
    application.state.mailbox = graph_mailbox(settings, fake, sleep=sleeps)
    return application


@contextlib.contextmanager
def m365_app(settings: Settings, **extra: Any) -> Iterator[M365]:
    """A running app on `settings`' database (emptied afterwards), with a fresh fake Graph/Entra."""
    from tests.conftest import _empty_all_tables

    fake = new_fake()
    sleeps = Sleeps()
    application = build(graph_settings(settings, **extra), fake, sleeps)
    try:
        with TestClient(application, raise_server_exceptions=False) as client:
            yield M365(client, fake, application, sleeps)
    finally:
        _empty_all_tables(application.state.engine)
        application.state.engine.dispose()
