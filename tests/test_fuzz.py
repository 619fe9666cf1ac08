"""Schemathesis against the service's own OpenAPI schema: no 5xx, no response that breaks its schema.

Bounded here (FUZZ_EXAMPLES, default 15 per operation); `make fuzz` runs it longer. The app under test
is built at collection time (schemathesis parametrizes from the live schema) on its own SQLite file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from hypothesis import HealthCheck, settings
from sqlmodel import Session

from app.config import Settings
from app.db import create_db_engine, migrate
from app.demo import load_demo_data
from app.main import create_app
from app.ratelimit import RateLimiter
from tests.helpers import headers

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "15"))
AUTH = headers("fuzz@acme-trade.example", admin=True)


def _fuzz_app() -> Any:
    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='sendguard-fuzz-')) / 'fuzz.db'}"
    engine = create_db_engine(url)
    migrate(engine)
    with Session(engine) as session:
        load_demo_data(session)
    engine.dispose()
    app = create_app(
        Settings(database_url=url, auth_mode="dev", migrate_on_start=False, scheduler_enabled=False, _env_file=None)
    )
    # The fuzzer sends many requests quickly; throttling would hide everything behind 429s.
    app.state.rate_limiters = {"check": RateLimiter(10**6), "scan": RateLimiter(10**6)}
    return app


schema = schemathesis.openapi.from_asgi("/openapi.json", _fuzz_app()).include(path_regex="^/v1/")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture],
)
def test_api_never_fails_and_keeps_its_schema(case: Any) -> None:
    response = case.call(headers=AUTH)
    assert response.status_code < 500, (case.method, case.formatted_path, response.text[:500])
    # Whether a value the schema allows is accepted (IDN domains, language tags, e-mail addresses are
    # checked by validators JSON Schema cannot express) is tested by hand elsewhere, not fuzzed.
    case.validate_response(
        response,
        headers=AUTH,
        excluded_checks=[schemathesis.checks.positive_data_acceptance, schemathesis.checks.negative_data_rejection],
    )
