"""Schemathesis against the service's own OpenAPI schema, every operation, as a member and as an administrator,
on SQLite and on PostgreSQL: no 5xx, no response that breaks its schema, and only the error statuses that
route can have.

Bounded here (FUZZ_EXAMPLES, default 10 per operation, the same examples each run); `make fuzz` runs it longer
and with fresh examples. The schema is read at collection time; each test sends its requests to the app built
for its database, through a switch.
"""

from __future__ import annotations

import copy
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session
from starlette.types import ASGIApp, Receive, Scope, Send

from app.config import Settings
from app.demo import load_demo_data
from app.main import create_app
from app.ratelimit import RateLimiter
from app.tenants.cache import identities
from tests.conftest import _empty_all_tables
from tests.helpers import headers
from tests.routes import Route, api_routes

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
FRESH_EXAMPLES = bool(os.environ.get("FUZZ_RANDOM"))
CALLERS = {
    "member": headers("fuzz.member@acme-trade.example"),
    "admin": headers("fuzz.admin@acme-trade.example", admin=True),
}

# Error statuses a route may give beyond the ones its shape implies (see `allowed_statuses`), and why.
EXTRA_STATUSES: dict[tuple[str, str], set[int]] = {
    ("post", "/v1/drafts/check"): {404},  # a `ref` to a message the mailbox does not have
    ("post", "/v1/incidents"): {404},  # the same, by `ref`
    ("post", "/v1/scheduled-sends"): {404, 409},  # a draft not in the mailbox; one already scheduled
    ("delete", "/v1/scheduled-sends/{send_id}"): {409},  # sending has begun
    ("delete", "/v1/held-sends/{held_id}"): {409},  # it left the Outbox
    ("post", "/v1/organizations"): {409},  # name, domain or contact taken
    ("patch", "/v1/organizations/{org_id}"): {409},
    ("post", "/v1/organizations/import"): {413, 422},  # reads the CSV itself
    ("post", "/v1/handoffs"): {403, 404, 409},  # not the owner; no such organization; already the owner
    ("post", "/v1/directory/learn"): {409},  # a job is already running
    ("get", "/v1/directory/learn/{job_id}/proposal"): {409},  # the job has not finished
    ("get", "/v1/directory/learn/{job_id}/review"): {409},
    ("post", "/v1/directory/learn/{job_id}/accept"): {409},
}
# The Gmail add-on checks Google's signed tokens itself; this server has no add-on configured.
OWN_AUTH_PREFIX = "/addons/gmail/"


class Switch:
    """The ASGI app the schema calls: forwards to the app of the running test."""

    def __init__(self, app: ASGIApp) -> None:
        self.current = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.current(scope, receive, send)


def _settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url, auth_mode="dev", migrate_on_start=False, scheduler_enabled=False, _env_file=None
    )


_schema_app = create_app(_settings(f"sqlite:///{Path(tempfile.mkdtemp(prefix='sendguard-fuzz-')) / 'schema.db'}"))
ROUTES = {route.key: route for route in api_routes(_schema_app)}
switch = Switch(_schema_app)


def _schema_without_sign_in() -> dict[str, Any]:
    """The app's schema without its documented sign-in (the /docs Authorize button): schemathesis would send
    its own X-Dev-User values; each caller's headers are the ones under test."""
    raw = copy.deepcopy(_schema_app.openapi())
    raw.get("components", {}).pop("securitySchemes", None)
    raw.pop("security", None)
    for operations in raw["paths"].values():
        for operation in operations.values():
            if isinstance(operation, dict):
                operation.pop("security", None)
    return raw


schema = schemathesis.openapi.from_dict(_schema_without_sign_in())
schema.app = switch
schema.location = "/openapi.json"


@pytest.fixture(scope="module")
def fuzz_app(database_url: str) -> Iterator[Any]:
    """One app per database for the whole module, with the demo directory (the suite's `app` is per test)."""
    app = create_app(_settings(database_url))
    with Session(app.state.engine) as session:
        load_demo_data(session)
    # The fuzzer sends many requests quickly; throttling would hide everything behind 429s.
    app.state.rate_limiters = {"check": RateLimiter(10**6), "scan": RateLimiter(10**6)}
    yield app
    _empty_all_tables(app.state.engine)
    app.state.engine.dispose()


@pytest.fixture(params=sorted(CALLERS))
def caller(request: pytest.FixtureRequest, fuzz_app: Any) -> Iterator[str]:
    # The identity cache is per process, and a process serves one database: start clean for this one.
    identities.clear()
    switch.current = fuzz_app
    yield request.param
    switch.current = _schema_app


def allowed_statuses(route: Route, caller: str) -> set[int]:
    """The error statuses this route can give this caller; anything else is a defect."""
    allowed = set(EXTRA_STATUSES.get(route.key, ()))
    if route.takes_input:
        allowed.add(422)
    if route.has_body:
        allowed.add(400)  # a body that is not JSON at all
    if route.params:
        allowed.add(404)
    if route.admin_only and caller == "member":
        allowed.add(403)
    if route.path.startswith(OWN_AUTH_PREFIX):
        allowed.add(401)
    return allowed


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not FRESH_EXAMPLES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
def test_api_never_fails_and_keeps_its_schema(case: Any, caller: str) -> None:
    response = case.call(headers=CALLERS[caller])
    where = (caller, case.method, case.formatted_path, response.status_code, response.text[:500])
    assert response.status_code < 500, where
    route = ROUTES.get((case.method.lower(), case.operation.path))
    if route is None:  # schemathesis also tries methods the path does not have
        assert response.status_code == 405, where
    elif response.status_code >= 400:
        assert response.status_code in allowed_statuses(route, caller), where
    if route is not None and route.admin_only and caller == "member":
        assert response.status_code in (400, 403, 404, 422), where  # never served to a member
    if response.status_code >= 400:
        error = response.json()["error"]
        assert set(error) == {"code", "message", "details"} and error["code"] and error["message"], where
        if response.status_code == 404:
            assert error["code"].endswith("not_found"), where
    # Whether a value the schema allows is accepted (IDN domains, language tags, e-mail addresses are
    # checked by validators JSON Schema cannot express) is tested by hand elsewhere, not fuzzed.
    case.validate_response(
        response,
        headers=CALLERS[caller],
        excluded_checks=[schemathesis.checks.positive_data_acceptance, schemathesis.checks.negative_data_rejection],
    )


def test_every_route_is_fuzzed_or_served_outside_the_schema() -> None:
    in_schema = {key for key, route in ROUTES.items() if route.in_schema}
    documented = {(method, path) for path, item in _schema_app.openapi()["paths"].items() for method in item}
    assert in_schema == documented
    assert all(key in ROUTES for key in EXTRA_STATUSES), "a status table entry for a route that is gone"


UNDOCUMENTED = [route for route in ROUTES.values() if not route.in_schema]


@pytest.mark.parametrize("route", UNDOCUMENTED, ids=lambda r: f"{r.method.upper()} {r.path}")
def test_routes_outside_the_schema_never_fail(route: Route, fuzz_app: Any) -> None:
    """The add-in's files and the demo page: any path segment, any JSON body, never a 5xx."""
    json_values = st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
        max_leaves=8,
    )

    with TestClient(fuzz_app, raise_server_exceptions=False) as client:

        @settings(max_examples=EXAMPLES * 3, deadline=None, derandomize=not FRESH_EXAMPLES)
        @given(
            segment=st.text(min_size=1, max_size=40).filter(lambda s: "/" not in s and s not in (".", "..")),
            body=json_values,
        )
        def run(segment: str, body: Any) -> None:
            url = route.url({name: quote(segment, safe="") for name in route.params})
            kwargs = {"json": body} if route.has_body else {}
            response = client.request(route.method.upper(), url, headers=CALLERS["member"], **kwargs)
            assert response.status_code < 500, (url, response.status_code, response.text[:300])

        run()
