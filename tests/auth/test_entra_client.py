"""AUTH_MODE=entra: how the validator is set up — its own key-endpoint client, the refetch bound it is given, the
issuer it expects whatever the configured authority's trailing slash, and what a missing client id says."""

from __future__ import annotations

import httpx
import pytest

from app.auth.entra import EntraValidator
from app.auth.exceptions import InvalidCredentials
from app.mailbox.fake_graph import FakeGraph
from tests.auth.test_entra import Clock, rejected, validator
from tests.mailbox.graph_env import AUTHORITY, graph_settings, new_fake


def test_the_client_it_makes_itself_waits_5_s_at_most_3_s_to_connect_and_never_follows_a_redirect() -> None:
    entra = EntraValidator(graph_settings())
    client = entra._http
    try:
        assert client.timeout == httpx.Timeout(5.0, connect=3.0)
        # A key endpoint that redirects elsewhere must not hand us someone else's keys.
        assert client.follow_redirects is False
    finally:
        entra.close()
    assert client.is_closed


def test_a_client_it_was_given_stays_open_when_it_closes() -> None:
    given = httpx.Client()
    EntraValidator(graph_settings(), http=given).close()
    assert not given.is_closed
    given.close()


def test_without_a_client_id_it_refuses_to_start_naming_the_setting() -> None:
    with pytest.raises(ValueError, match=r"^ENTRA_CLIENT_ID is required for AUTH_MODE=entra$"):
        EntraValidator(graph_settings(entra_client_id=""))


def _counting_key_endpoint() -> tuple[httpx.Client, list[str]]:
    fetched: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        fetched.append(str(request.url))
        return httpx.Response(200, json={"keys": []})

    return httpx.Client(transport=httpx.MockTransport(answer)), fetched


@pytest.mark.parametrize(("interval", "fetches"), [(0.0, 3), (60.0, 1)])
def test_unknown_key_ids_refetch_the_keys_only_as_often_as_it_was_told(interval: float, fetches: int) -> None:
    client, fetched = _counting_key_endpoint()
    entra = EntraValidator(graph_settings(), http=client, min_refetch_interval=interval, clock=Clock())
    for kid in ("one", "two", "three"):
        assert entra.keys.get(kid) is None
    assert len(fetched) == fetches
    assert set(fetched) == {f"{AUTHORITY}/common/discovery/v2.0/keys"}


def test_a_trailing_slash_on_the_authority_changes_nothing_about_the_issuer_it_expects() -> None:
    fake: FakeGraph = new_fake()
    token = fake.issue_token("Alex.Chen@Acme-Trade.example")
    plain = validator(fake).validate(token)
    slashed = validator(fake, entra_authority_host=AUTHORITY + "/").validate(token)
    assert slashed == plain
    # And another authority's issuer is still refused, slash or not.
    other = validator(fake, entra_authority_host="https://login.elsewhere.example/")
    assert isinstance(rejected(other, token), InvalidCredentials)
