"""AUTH_MODE=dev without HTTP: whom the headers name, where a request arrived, what start-up says."""

from __future__ import annotations

import logging
import re
from types import SimpleNamespace
from typing import Any

import pytest

from app.auth.dev import DevAuthOnNetwork, _arrived_over_network, authenticate_dev, check_dev_auth_at_start
from app.auth.exceptions import InvalidCredentials, MissingCredentials
from app.config import Settings


def settings(**extra: Any) -> Settings:
    return Settings(**{"database_url": "sqlite://", "_env_file": None, "auth_mode": "dev", **extra})


def conn(headers: dict[str, str], server: Any = None) -> Any:
    return SimpleNamespace(headers=headers, scope={"server": server} if server else {})


def test_the_dev_user_header_names_a_principal_of_its_domain() -> None:
    principal = authenticate_dev(conn({"x-dev-user": "  Alex.Chen@Acme-Trade.example "}), settings())
    assert principal.subject == "dev:alex.chen@acme-trade.example"
    assert principal.email == "alex.chen@acme-trade.example"
    assert (principal.tenant_key, principal.tenant_name) == ("dev:acme-trade.example", "acme-trade.example")
    assert (principal.display_name, principal.internal_domains) == ("alex.chen", ("acme-trade.example",))
    assert principal.role == "member"
    admin = authenticate_dev(conn({"x-dev-user": "boss@acme-trade.example", "x-dev-role": "admin"}), settings())
    assert admin.role == "admin"


def test_a_missing_or_invalid_dev_user_is_told_what_to_send() -> None:
    for headers in ({}, {"x-dev-user": "   "}):
        with pytest.raises(MissingCredentials) as missing:
            authenticate_dev(conn(headers), settings())
        assert missing.value.message == "Send the X-Dev-User header (dev mode)."
    with pytest.raises(InvalidCredentials) as invalid:
        authenticate_dev(conn({"x-dev-user": "alex"}), settings())
    assert invalid.value.message == "X-Dev-User is not a valid e-mail address."
    with pytest.raises(InvalidCredentials) as role:
        authenticate_dev(conn({"x-dev-user": "alex@acme-trade.example", "x-dev-role": "root"}), settings())
    assert (role.value.message, role.value.details) == (
        "X-Dev-Role must be 'admin' or 'member'.",
        {"allowed": ["member", "admin"]},
    )


@pytest.mark.parametrize(
    ("server", "over_network"),
    [
        (None, False),  # no server address at all
        (("testserver", 80), False),  # an in-process client names no socket address
        (("127.0.0.1", 8000), False),
        (("::1", 8000), False),
        (("[::1]", 8000), False),
        (("10.1.2.3", 80), True),
        (("[2001:db8::1]", 443), True),
    ],
)
def test_where_a_request_arrived(server: Any, over_network: bool) -> None:
    assert _arrived_over_network(conn({}, server)) is over_network


def test_a_request_over_the_network_is_refused_unless_allowed() -> None:
    remote = conn({"x-dev-user": "alex@acme-trade.example"}, ("10.1.2.3", 80))
    with pytest.raises(Exception, match="loopback"):
        authenticate_dev(remote, settings())
    assert authenticate_dev(remote, settings(allow_dev_auth_on_network=True)).email == "alex@acme-trade.example"


def test_start_up_names_what_is_exposed(caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(DevAuthOnNetwork) as info:
        check_dev_auth_at_start(settings(uvicorn_host="0.0.0.0", public_base_url="http://localhost:8000"))
    assert str(info.value) == (
        "AUTH_MODE=dev trusts the X-Dev-User header, but the service is exposed at {'UVICORN_HOST': '0.0.0.0'}. "
        "Use AUTH_MODE=entra or google, or set ALLOW_DEV_AUTH_ON_NETWORK=true if that is really meant."
    )
    with pytest.raises(DevAuthOnNetwork, match=re.escape("'PUBLIC_BASE_URL': 'sendguard.example.com'")):
        check_dev_auth_at_start(settings(uvicorn_host="127.0.0.1", public_base_url="https://sendguard.example.com/"))
    with pytest.raises(DevAuthOnNetwork, match="'PUBLIC_BASE_URL': None"):  # an address without a host
        check_dev_auth_at_start(settings(uvicorn_host="127.0.0.1", public_base_url="file:///srv"))

    caplog.set_level(logging.WARNING, logger="app.auth.dev")
    check_dev_auth_at_start(settings(uvicorn_host="127.0.0.1", public_base_url="http://localhost:8000"))
    check_dev_auth_at_start(settings(uvicorn_host="0.0.0.0", allow_dev_auth_on_network=True))
    said = "AUTH_MODE=dev: the X-Dev-User header is trusted, anyone who can reach {} can act as any user"
    assert [r.getMessage() for r in caplog.records] == [
        said.format("http://localhost:8000"),
        said.format(settings().public_base_url) + " (allowed on the network)",
    ]
    check_dev_auth_at_start(settings(auth_mode="entra", uvicorn_host="0.0.0.0"))  # other modes: nothing to say
    assert len(caplog.records) == 2
