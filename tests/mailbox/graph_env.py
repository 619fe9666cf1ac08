"""Shared set-up for tests against the fake Microsoft Graph / Entra service (app/mailbox/fake_graph.py).

The real provider, validator and msal talk HTTP to the fake: Graph calls through httpx.ASGITransport, the
synchronous JWKS and token-endpoint calls through Starlette's TestClient (an httpx.Client running the fake).
"""

from __future__ import annotations

from typing import Any

import anyio
import httpx
from fastapi.testclient import TestClient
from pydantic import SecretStr

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
