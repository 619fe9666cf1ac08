"""TENANT_SIGNUP: outside dev mode a new organization is added by an administrator first, by command."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app import cli
from app.auth.entra import EntraValidator
from app.config import get_settings
from app.mailbox.fake_graph import FakeGraph
from app.tenants.models import Tenant
from tests.directory.test_organizations import assert_error
from tests.mailbox.graph_env import ALEX, BOSS, TENANT, bearer, graph_settings, new_fake


@pytest.fixture
def fake() -> FakeGraph:
    return new_fake()


@pytest.fixture
def entra_app(make_app: Any, settings: Any, fake: FakeGraph) -> Iterator[Any]:
    def build(**overrides: Any) -> FastAPI:
        s = graph_settings(settings, mailbox_provider="fake", **overrides)
        app = make_app(**dict(s))
        app.state.entra_validator = EntraValidator(s, http=TestClient(fake.app))
        return app

    yield build


def run_cli(monkeypatch: pytest.MonkeyPatch, database_url: str, *argv: str) -> int:
    monkeypatch.setenv("DATABASE_URL", database_url)
    get_settings.cache_clear()
    try:
        return cli.main(list(argv))
    finally:
        get_settings.cache_clear()


def test_closed_signup_refuses_an_unknown_tenant_until_an_admin_creates_it(
    entra_app: Any, fake: FakeGraph, settings: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    app = entra_app(tenant_signup=None)  # production mode: TENANT_SIGNUP unset means closed
    assert app.state.settings.tenant_signup_open is False
    token = bearer(fake.issue_token(ALEX))
    with TestClient(app) as client:
        error = assert_error(client.get("/v1/policy", headers=token), 403, "tenant_not_registered")
        assert "create-tenant" in error["message"] and error["details"] == {"tenant": f"entra:{TENANT}"}

        created = run_cli(
            monkeypatch, settings.database_url, "create-tenant", "entra", TENANT,
            "--name", "Acme Trade", "--domain", "acme-trade.example",
        )  # fmt: skip
        assert created == 0 and f"entra:{TENANT}" in capsys.readouterr().out
        response = client.get("/v1/policy", headers=token)
        assert response.status_code == 200, response.text
        assert response.json()["internal_domains"] == ["acme-trade.example"]
        # a second user of the same organization needs no admin step
        assert client.get("/v1/policy", headers=bearer(fake.issue_token(BOSS))).status_code == 200
    # creating it again is refused, without a second row
    assert run_cli(monkeypatch, settings.database_url, "create-tenant", "entra", TENANT, "--domain", "x.example") == 1
    with Session(app.state.engine) as db:
        assert len(db.exec(select(Tenant)).all()) == 1


def test_open_signup_creates_the_tenant_on_first_sign_in(entra_app: Any, fake: FakeGraph) -> None:
    with TestClient(entra_app(tenant_signup="open")) as client:
        assert client.get("/v1/policy", headers=bearer(fake.issue_token(ALEX))).status_code == 200


def test_dev_mode_signup_is_open_by_default(client: TestClient) -> None:
    assert client.app.state.settings.tenant_signup_open is True  # type: ignore[attr-defined]
    assert client.get("/v1/policy", headers={"X-Dev-User": "a@brand-new.example"}).status_code == 200


def test_create_tenant_checks_its_input(monkeypatch: pytest.MonkeyPatch, settings: Any) -> None:
    assert (
        run_cli(monkeypatch, settings.database_url, "create-tenant", "entra", "not-a-guid", "--domain", "a.example")
        == 2
    )
    assert run_cli(monkeypatch, settings.database_url, "create-tenant", "entra", TENANT) == 2  # domains needed
