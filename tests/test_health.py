from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from pydantic import SecretStr

from app.config import Settings
from app.main import create_app
from tests.directory.test_organizations import assert_error
from tests.helpers import ADMIN


def test_health_and_ready(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json() == {"status": "ready", "database": "ok"}


def test_ready_reports_unreachable_database() -> None:
    settings = Settings(
        database_url="postgresql://nobody@127.0.0.1:1/none", auth_mode="dev", migrate_on_start=False, _env_file=None
    )
    with TestClient(create_app(settings)) as client:
        assert_error(client.get("/readyz"), 503, "database_unavailable")
        # a request that needs the database gets a 503 with the error body, not a 500
        assert_error(client.get("/v1/policy", headers=ADMIN), 503, "database_unavailable")


def test_metrics_are_prometheus_text_with_route_templates(client: TestClient) -> None:
    client.get("/v1/policy", headers=ADMIN)
    client.get("/v1/organizations/00000000-0000-0000-0000-000000000000", headers=ADMIN)
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    text = response.text
    assert 'sendguard_http_requests_total{method="GET",route="/v1/policy",status="200"} 1.0' in text
    assert 'route="/v1/organizations/{org_id}",status="404"' in text
    assert "00000000-0000" not in text


def test_unknown_route_and_method_use_the_error_body(client: TestClient) -> None:
    assert_error(client.get("/v1/nothing-here", headers=ADMIN), 404, "not_found")
    assert_error(client.delete("/v1/policy", headers=ADMIN), 405, "method_not_allowed")


def test_body_larger_than_the_limit_is_413(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    limit = app.state.settings.max_request_bytes
    body = b'{"name": "' + b"x" * (limit + 10) + b'", "kind": "customer"}'
    response = client.post("/v1/organizations", content=body, headers={**ADMIN, "Content-Type": "application/json"})
    assert_error(response, 413, "payload_too_large")


def test_chunked_body_over_the_limit_is_413(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    limit = app.state.settings.max_request_bytes

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(limit // 65536 + 2):
            yield b"x" * 65536

    response = client.post("/v1/organizations/import", content=chunks(), headers={**ADMIN, "Content-Type": "text/csv"})
    assert response.status_code == 413
    assert response.json()["error"]["code"] in {"payload_too_large", "csv_too_large"}


def _production(make_app: Any, **overrides: Any) -> Any:
    return make_app(auth_mode="entra", entra_client_id="sendguard-api", **overrides)


def test_metrics_in_production_only_from_this_machine_or_with_the_token(make_app: Any) -> None:
    with TestClient(_production(make_app), client=("203.0.113.9", 4000)) as remote:
        assert_error(remote.get("/metrics"), 403, "metrics_forbidden")
    with TestClient(_production(make_app), client=("127.0.0.1", 4000)) as local:
        assert local.get("/metrics").status_code == 200
    app = _production(make_app, metrics_token=SecretStr("scrape-me"))
    with TestClient(app, client=("203.0.113.9", 4000)) as remote:
        assert_error(remote.get("/metrics", headers={"Authorization": "Bearer wrong"}), 403, "metrics_forbidden")
        scraped = remote.get("/metrics", headers={"Authorization": "Bearer scrape-me"})
        assert scraped.status_code == 200 and "sendguard_http_requests" in scraped.text
    # dev mode (make run, tests) keeps it open
    with TestClient(make_app(), client=("203.0.113.9", 4000)) as dev:
        assert dev.get("/metrics").status_code == 200


def test_root_leads_to_the_demo_in_dev_mode_and_a_landing_page_otherwise(client: TestClient, make_app) -> None:  # type: ignore[no-untyped-def]
    dev = client.get("/", follow_redirects=False)
    assert (dev.status_code, dev.headers["location"]) == (307, "/demo")
    with TestClient(make_app(auth_mode="entra", public_base_url="https://sendguard.acme.example")) as prod:
        page = prod.get("/")
        assert page.status_code == 200 and "text/html" in page.headers["content-type"]
        assert 'href="/admin"' in page.text and "https://sendguard.acme.example" in page.text
        assert "/demo" not in page.text
