"""The service serves the add-in: files with the right types and security headers, manifests with this
deployment's origin, the NAA well-known file, /demo, and CORS for the add-in's origins only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app

PUBLIC = "https://addin.acme-trade.example"
EXTRA = "https://outlook-addin.partner.example"
DEV = {"X-Dev-User": "alex@acme-trade.example"}


def _client(tmp_path: Path, **overrides: object) -> Iterator[TestClient]:
    values: dict[str, object] = {
        "database_url": f"sqlite:///{tmp_path / 'addin.db'}",
        "auth_mode": "dev",
        "mailbox_provider": "fake",
        "scheduler_enabled": False,
        "public_base_url": PUBLIC + "/",
        # The add-in's public origin with dev sign-in: the tests' own choice, not a deployment.
        "allow_dev_auth_on_network": True,
        "cors_origins": [EXTRA],
        **overrides,
    }
    settings = Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]
    app = create_app(settings)
    with TestClient(app) as client:
        yield client
    app.state.engine.dispose()


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    yield from _client(tmp_path)


@pytest.mark.parametrize(
    ("path", "content_type"),
    [
        ("/addin/taskpane.html", "text/html; charset=utf-8"),
        ("/addin/taskpane.js", "text/javascript; charset=utf-8"),
        ("/addin/taskpane.css", "text/css; charset=utf-8"),
        ("/addin/launchevent.js", "text/javascript; charset=utf-8"),
        ("/addin/commands.html", "text/html; charset=utf-8"),
        ("/addin/boot.js", "text/javascript; charset=utf-8"),
        ("/addin/js/api.js", "text/javascript; charset=utf-8"),
        ("/addin/demo/office-standin.js", "text/javascript; charset=utf-8"),
        ("/addin/assets/icon-80.png", "image/png"),
        ("/addin/manifest/manifest.json", "application/json"),
        ("/addin/manifest/manifest.xml", "application/xml; charset=utf-8"),
        ("/addin/manifest/zh-CN.json", "application/json"),
        ("/addin/manifest/color.png", "image/png"),
        ("/demo", "text/html; charset=utf-8"),
    ],
)
def test_files_are_served_with_their_type_and_security_headers(
    client: TestClient, path: str, content_type: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == content_type
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    csp = response.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["script-src"] == "'self' https://appsforoffice.microsoft.com"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert directives["object-src"] == "'none'"
    assert PUBLIC in directives["connect-src"]
    assert "https://*.office.com" in directives["frame-ancestors"]


@pytest.mark.parametrize(
    "path",
    [
        "/addin/package.json",
        "/addin/package-lock.json",
        "/addin/node_modules/playwright-core/package.json",
        "/addin/tests/unit/helpers.mjs",
        "/addin/../app/config.py",
        "/addin/%2e%2e/app/config.py",
        "/addin/js/../../pyproject.toml",
        "/addin/.gitignore",
        "/addin/nope.js",
        "/addin/manifest/../../README.md",
        "/addin/manifest/secrets.json",
    ],
)
def test_nothing_else_is_served(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_manifests_are_served_with_this_deployments_origin(client: TestClient) -> None:
    manifest = client.get("/addin/manifest/manifest.json").json()
    runtime = manifest["extensions"][0]["runtimes"][1]
    assert runtime["code"] == {"page": f"{PUBLIC}/addin/commands.html", "script": f"{PUBLIC}/addin/launchevent.js"}
    assert manifest["validDomains"] == ["addin.acme-trade.example"]
    assert "sendguard.example" not in json.dumps(manifest)
    xml = client.get("/addin/manifest/manifest.xml").text
    assert f'DefaultValue="{PUBLIC}/addin/taskpane.html"' in xml
    assert "https://sendguard.example" not in xml


def test_well_known_lists_the_origins_allowed_for_nested_app_authentication(client: TestClient) -> None:
    response = client.get("/.well-known/microsoft-officeaddins-allowed.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"allowedOrigins": [PUBLIC, EXTRA]}


def test_cors_allows_the_addin_origin(client: TestClient) -> None:
    preflight = client.options(
        "/v1/drafts/check",
        headers={
            "Origin": PUBLIC,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == PUBLIC
    assert "POST" in preflight.headers["access-control-allow-methods"]
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    simple = client.get("/v1/templates", headers={**DEV, "Origin": EXTRA})
    assert simple.status_code == 200
    assert simple.headers["access-control-allow-origin"] == EXTRA


def test_cors_denies_other_origins(client: TestClient) -> None:
    preflight = client.options(
        "/v1/drafts/check",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers
    simple = client.get("/v1/templates", headers={**DEV, "Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers
    # an origin that merely starts like the add-in's is not the add-in
    lookalike = client.get("/v1/templates", headers={**DEV, "Origin": PUBLIC + ".evil.example"})
    assert "access-control-allow-origin" not in lookalike.headers


def test_the_demo_is_only_served_in_dev_mode(tmp_path: Path) -> None:
    for client in _client(tmp_path, auth_mode="entra"):
        assert client.get("/demo").status_code == 404
        # the add-in itself is served in every mode
        assert client.get("/addin/taskpane.html").status_code == 200


def test_the_demo_page_uses_the_stand_in_and_never_the_office_cdn(client: TestClient) -> None:
    page = client.get("/demo").text
    assert "/addin/demo/office-standin.js" in page
    assert "/addin/launchevent.js" in page
    assert "appsforoffice.microsoft.com" not in page
    # inside Office, the pages load Microsoft's office.js
    assert "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" in client.get("/addin/boot.js").text
    assert "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" in client.get("/addin/commands.html").text
