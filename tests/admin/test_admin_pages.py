"""/admin serves the built console and tells it how to sign in, without secrets; a missing build says what to run."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.admin import router as admin_router
from tests.directory.test_organizations import assert_error


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "index.html").write_text("<!doctype html><div id=app></div>", encoding="utf-8")
    (tmp_path / "admin.js").write_text("console.log(1)", encoding="utf-8")
    monkeypatch.setattr(admin_router, "DIST", tmp_path)
    return tmp_path


def test_page_and_files_with_a_strict_policy(client: TestClient, built: Path) -> None:
    page = client.get("/admin")
    assert page.status_code == 200 and "id=app" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    script = client.get("/admin/static/admin.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert_error(client.get("/admin/static/../../app/config.py"), 404)
    assert_error(client.get("/admin/static/secrets.txt"), 404)


def test_missing_build_says_how_to_build(client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(admin_router, "DIST", tmp_path / "nothing")
    response = client.get("/admin")
    assert_error(response, 503, "admin_console_not_built")
    assert "make run" in response.json()["error"]["message"]


def test_sign_in_settings_per_auth_mode(make_app) -> None:  # type: ignore[no-untyped-def]
    with TestClient(make_app()) as dev:
        assert dev.get("/admin/config.json").json() == {"auth_mode": "dev", "dev_user": "admin@acme-trade.example"}
    entra_app = make_app(auth_mode="entra", entra_client_id="c1d2", entra_client_secret="s3cret")
    with TestClient(entra_app) as entra:
        config = entra.get("/admin/config.json").json()
        assert config["entra_scope"] == "api://c1d2/access_as_user"
        assert "s3cret" not in str(config) and "dev_user" not in config
        page_csp = admin_router.content_security_policy(entra_app.state.settings)
        assert "connect-src 'self' https://login.microsoftonline.com" in page_csp
    google_app = make_app(auth_mode="google", google_client_id="g.apps")
    with TestClient(google_app) as google:
        assert google.get("/admin/config.json").json() == {"auth_mode": "google", "google_client_id": "g.apps"}
        assert "script-src 'self' https://accounts.google.com" in admin_router.content_security_policy(
            google_app.state.settings
        )
