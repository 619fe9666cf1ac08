"""AUTH_MODE=entra per request: the Authorization header, the quick check on the event loop, the app's validator."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.auth.entra import EntraValidator, authenticate_entra, authenticate_entra_without_fetch, bearer_token
from app.auth.exceptions import AuthModeNotAvailable, InvalidCredentials, MissingCredentials
from app.config import Settings
from app.mailbox.fake_graph import FakeGraph
from tests.auth.test_entra import Clock, validator
from tests.directory.test_organizations import assert_error
from tests.mailbox.graph_env import ALEX, bearer, graph_settings, new_fake


@pytest.fixture
def fake() -> FakeGraph:
    return new_fake()


def request(app_state: Any, authorization: str) -> Any:
    """What the authenticators read of a request: its headers and its app."""
    return SimpleNamespace(headers={"authorization": authorization}, app=SimpleNamespace(state=app_state))


def test_the_401_says_how_to_send_the_token() -> None:
    with pytest.raises(MissingCredentials) as missing:
        bearer_token(SimpleNamespace(headers={}))  # type: ignore[arg-type]
    assert missing.value.message == "Sign in with Microsoft 365 (Authorization: Bearer)."
    with pytest.raises(InvalidCredentials) as wrong:
        bearer_token(SimpleNamespace(headers={"authorization": "Basic YTpi"}))  # type: ignore[arg-type]
    assert wrong.value.message == "Send the Microsoft 365 access token as 'Authorization: Bearer <token>'."


def test_the_quick_check_answers_when_the_key_is_at_hand(fake: FakeGraph) -> None:
    v = validator(fake)
    token = fake.issue_token(ALEX)
    state = SimpleNamespace(entra_validator=v)
    assert authenticate_entra_without_fetch(request(state, f"Bearer {token}"), graph_settings()) is None  # no keys yet
    v.validate(token)
    principal = authenticate_entra_without_fetch(request(state, f"Bearer {token}"), graph_settings())
    assert principal is not None and principal.email == ALEX
    assert v.keys.fetches == 1


def test_the_quick_check_leaves_unconfigured_or_unbuilt_validators_to_the_full_one(fake: FakeGraph) -> None:
    v = validator(fake)
    token = fake.issue_token(ALEX)
    v.validate(token)
    without_client_id = graph_settings(entra_client_id="")
    assert (
        authenticate_entra_without_fetch(
            request(SimpleNamespace(entra_validator=v), f"Bearer {token}"), without_client_id
        )
        is None
    )
    assert authenticate_entra_without_fetch(request(SimpleNamespace(), f"Bearer {token}"), graph_settings()) is None
    with pytest.raises(InvalidCredentials):  # a bad header is refused at once, validator or not
        authenticate_entra_without_fetch(request(SimpleNamespace(), "Basic abc"), graph_settings())


def test_without_a_client_id_the_401_names_the_setting(fake: FakeGraph) -> None:
    state = SimpleNamespace(entra_validator=validator(fake))
    with pytest.raises(AuthModeNotAvailable) as info:
        authenticate_entra(request(state, f"Bearer {fake.issue_token(ALEX)}"), graph_settings(entra_client_id=""))
    assert info.value.message == "AUTH_MODE=entra needs ENTRA_CLIENT_ID."


def test_the_apps_own_validator_uses_the_configured_key_service(settings: Settings, fake: FakeGraph) -> None:
    """Nothing put on app.state: the validator is built from the settings. Its key service (a closed port
    here) cannot be reached, so the sign-in is a 503 to retry, not a 401 and never a 500."""
    from app.main import create_app
    from tests.conftest import _empty_all_tables

    unreachable = graph_settings(settings, mailbox_provider="fake", entra_jwks_uri="http://127.0.0.1:9/keys")
    application = create_app(unreachable)
    try:
        with TestClient(application, raise_server_exceptions=False) as client:
            response = client.get("/v1/policy", headers=bearer(fake.issue_token(ALEX)))
        assert_error(response, 503, "signing_keys_unavailable")
    finally:
        _empty_all_tables(application.state.engine)
        application.state.engine.dispose()


def test_cached_keys_count_as_stale_exactly_when_get_would_refresh_them(fake: FakeGraph) -> None:
    clock = Clock()
    clock.now = 700_000.0  # a monotonic clock far from zero, as on a server up for a week
    v = validator(fake, clock)
    v.validate(fake.issue_token(ALEX))
    v.validate(fake.issue_token(ALEX))
    assert v.keys.fetches == 1
    assert v.keys.cached(fake.kid) is not None
    clock.now += 24 * 3600 - 1
    assert v.keys.cached(fake.kid) is not None
    clock.now += 1
    assert v.keys.cached(fake.kid) is None
    v.keys.get(fake.kid)
    assert v.keys.fetches == 2  # at that same moment `get` refreshed


def test_the_validator_closes_only_the_http_client_it_made(fake: FakeGraph) -> None:
    given = TestClient(fake.app)
    passed = EntraValidator(graph_settings(), http=given)
    passed.close()
    assert not given.is_closed  # the caller's client stays the caller's to close
    own = EntraValidator(graph_settings())
    own.close()
    assert own._http.is_closed


def test_by_default_an_unknown_key_is_refetched_after_a_minute(fake: FakeGraph) -> None:
    clock = Clock()
    v = EntraValidator(graph_settings(), http=TestClient(fake.app), clock=clock)
    v.validate(fake.issue_token(ALEX))
    new_kid = fake.rotate_key()
    clock.now += 59
    with pytest.raises(InvalidCredentials):
        v.validate(fake.issue_token(ALEX, kid=new_kid))
    clock.now += 1
    assert v.validate(fake.issue_token(ALEX, kid=new_kid)).email == ALEX
