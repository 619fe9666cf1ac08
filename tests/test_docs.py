"""/docs works offline, offers this AUTH_MODE's sign-in, and every request example in it is one the API accepts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app import docs
from app.demo import load_demo_data
from tests.directory.test_organizations import assert_error

ALEX = {"X-Dev-User": "alex@acme-trade.example"}
ADMIN = {"X-Dev-User": "admin@acme-trade.example", "X-Dev-Role": "admin"}


@pytest.fixture
def swagger(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("swagger-ui-bundle.js", "swagger-ui.css"):
        (tmp_path / name).write_text("/* swagger */", encoding="utf-8")
    monkeypatch.setattr(docs, "SWAGGER_DIR", tmp_path)
    return tmp_path


def test_docs_load_nothing_from_elsewhere(client: TestClient, swagger: Path) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/") for s in sources), sources
    assert client.get("/docs/static/swagger-ui-bundle.js").status_code == 200
    assert_error(client.get("/docs/static/../../app/config.py"), 404)
    assert_error(client.get("/redoc"), 404)


def test_docs_without_a_build_say_how_to_build(client: TestClient, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(docs, "SWAGGER_DIR", tmp_path / "none")
    assert_error(client.get("/docs"), 503, "docs_not_built")


def test_authorize_offers_this_auth_modes_sign_in(client: TestClient, make_app) -> None:  # type: ignore[no-untyped-def]
    spec = client.get("/openapi.json").json()
    schemes = spec["components"]["securitySchemes"]
    assert {(s["in"], s["name"]) for s in schemes.values()} == {("header", "X-Dev-User"), ("header", "X-Dev-Role")}
    assert spec["paths"]["/v1/drafts/check"]["post"]["security"] == [{"devUser": [], "devRole": []}, {"devUser": []}]
    with TestClient(make_app(auth_mode="entra", entra_client_id="c1")) as entra:
        schemes = entra.get("/openapi.json").json()["components"]["securitySchemes"]
        assert schemes == {
            "bearer": {"type": "http", "scheme": "bearer", "description": "an Entra access token for this API"}
        }


def _example(spec: dict[str, Any], name: str) -> dict[str, Any]:
    return dict(spec["components"]["schemas"][name]["example"])


def test_every_example_is_accepted(client: TestClient, db: Session) -> None:
    load_demo_data(db)
    spec = client.get("/openapi.json").json()
    # The check example is valid: one of draft and ref, a supported locale.
    example = _example(spec, "CheckRequest")
    assert ("draft" in example) != ("ref" in example) and example["locale"] in ("en", "zh-CN")
    check = client.post("/v1/drafts/check", json=example, headers=ALEX)
    assert check.status_code == 200, check.text
    outcome = client.post(
        f"/v1/checks/{check.json()['check_id']}/outcome", json=_example(spec, "OutcomeRequest"), headers=ALEX
    )
    assert outcome.status_code == 200, outcome.text
    simple = [
        ("/v1/attachments/scan", "ScanRequest", ALEX, "post"),
        ("/v1/policy", "PolicyUpdate", ADMIN, "put"),
        ("/v1/organizations", "OrganizationCreate", ADMIN, "post"),
        ("/v1/handoffs/prefill", "HandoffPrefillRequest", ALEX, "post"),
        ("/v1/incidents/suggestions", "SuggestRequest", ALEX, "post"),
        ("/v1/templates/apology_wrong_recipient/render", "RenderRequest", ALEX, "post"),
    ]
    for path, name, who, method in simple:
        response = client.request(method, path, json=_example(spec, name), headers=who)
        assert response.status_code in (200, 201), f"{name}: {response.text}"
    solar = client.get("/v1/organizations", params={"q": "solartech"}, headers=ADMIN).json()["items"][0]
    patched = client.patch(f"/v1/organizations/{solar['id']}", json=_example(spec, "OrganizationUpdate"), headers=ADMIN)
    assert patched.status_code == 200, patched.text
    incident = client.post("/v1/incidents", json=_example(spec, "IncidentCreate"), headers=ALEX)
    assert incident.status_code == 201, incident.text
    url = f"/v1/incidents/{incident.json()['incident_id']}"
    assert client.patch(url, json=_example(spec, "IncidentUpdate"), headers=ALEX).status_code == 200
    drafts = client.post(f"{url}/mailbox-drafts", json=_example(spec, "MailboxDraftsRequest"), headers=ALEX)
    assert drafts.status_code == 200, drafts.text
    # Two examples need ids that exist only at run time; they say so instead of pretending.
    assert "<" in _example(spec, "HandoffCreate")["organization_id"]
    assert "<" in _example(spec, "ScheduledSendCreate")["draft_id"]
