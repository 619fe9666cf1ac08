"""AUTH_MODE=entra: the signing-key document's odd entries, and what a refused token says (401 body, log)."""

from __future__ import annotations

import base64
import logging
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app.auth.entra import EntraValidator, SigningKeysUnavailable
from app.auth.exceptions import InvalidCredentials
from app.mailbox.fake_graph import FakeGraph
from tests.auth.test_entra import Clock, forged, validator
from tests.mailbox.graph_env import ALEX, graph_settings, new_fake


@pytest.fixture
def fake() -> FakeGraph:
    return new_fake()


def serving(document: Any) -> EntraValidator:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=document))
    return EntraValidator(graph_settings(), http=httpx.Client(transport=transport), clock=Clock())


def test_odd_entries_in_the_key_document_are_skipped_not_fatal(fake: FakeGraph) -> None:
    good = fake.jwks()["keys"][0]
    unused = {k: v for k, v in good.items() if k != "use"}
    document = {
        "keys": [
            "not a key",
            {**good, "kid": "ec", "kty": "EC"},
            {**good, "kid": "encryption", "use": "enc"},
            {**good, "kid": 7},
            {**good, "kid": ""},
            {k: v for k, v in good.items() if k != "kid"},
            {**good, "kid": "broken", "n": "!!"},
            {**good, "kid": "no-modulus", "n": None},
            {**unused, "kid": "unspecified-use"},  # "use" is optional; absent means signing
            good,
        ]
    }
    v = serving(document)
    assert v.validate(fake.issue_token(ALEX)).email == ALEX
    assert v.validate(fake.issue_token(ALEX, headers={"kid": "unspecified-use"})).email == ALEX
    for kid in ("ec", "encryption", "broken", "no-modulus"):
        with pytest.raises(InvalidCredentials):
            v.validate(fake.issue_token(ALEX, headers={"kid": kid}))
    assert v.keys.fetches == 1  # all of it was one document: nothing refetched for the refused kids


@pytest.mark.parametrize("document", [[], {"keys": {}}, {"keys": None}, {"other": []}, "keys"])
def test_a_document_that_is_no_key_set_means_the_keys_are_unavailable(fake: FakeGraph, document: Any) -> None:
    with pytest.raises(SigningKeysUnavailable):
        serving(document).validate(fake.issue_token(ALEX))


def test_a_key_set_without_usable_keys_refuses_every_token(fake: FakeGraph) -> None:
    with pytest.raises(InvalidCredentials):
        serving({"keys": []}).validate(fake.issue_token(ALEX))


Token = Callable[[FakeGraph], str]
OTHER_TENANT = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
SIGN_IN_AGAIN = "The sign-in has expired; sign in again."
SCOPE = "The sign-in does not allow SendGuard to act for you (missing scope)."
NO_USER = "The sign-in does not name a mailbox user."
NOT_VERIFIED = "The sign-in could not be verified."

# Each refusal: the token, the reason in the log, the message in the 401 body.
REFUSALS: dict[str, tuple[Token, str, str]] = {
    "garbage": (lambda f: "abc", "malformed", NOT_VERIFIED),
    "unsigned": (lambda f: forged({"alg": "none", "kid": f.kid}, f.claims(ALEX)), "algorithm", NOT_VERIFIED),
    "empty kid": (lambda f: f.issue_token(ALEX, headers={"kid": ""}), "malformed", NOT_VERIFIED),
    "tid not a GUID": (lambda f: f.issue_token(ALEX, tid="contoso"), "malformed", NOT_VERIFIED),
    "unknown key": (lambda f: f.issue_token(ALEX, headers={"kid": "nobody"}), "unknown_key", NOT_VERIFIED),
    "expired": (lambda f: f.issue_token(ALEX, exp=int(time.time()) - 600), "expired", SIGN_IN_AGAIN),
    "audience": (lambda f: f.issue_token(ALEX, aud="someone-else"), "InvalidAudienceError", NOT_VERIFIED),
    "issuer": (
        lambda f: f.issue_token(ALEX, iss=f"https://login.fake.test/{OTHER_TENANT}/v2.0"),
        "InvalidIssuerError",
        NOT_VERIFIED,
    ),
    "scope": (lambda f: f.issue_token(ALEX, scp="Mail.Read"), "scope", SCOPE),
    "object id": (lambda f: f.issue_token(ALEX, oid=""), "malformed", NOT_VERIFIED),
    "no user name": (lambda f: f.issue_token(ALEX, preferred_username="alex"), "no_username", NO_USER),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_each_refusal_says_why_in_the_log_and_what_to_do_in_the_body(
    fake: FakeGraph, case: str, caplog: pytest.LogCaptureFixture
) -> None:
    make, reason, message = REFUSALS[case]
    caplog.set_level(logging.INFO, logger="app.auth.entra")
    token = make(fake)
    with pytest.raises(InvalidCredentials) as info:
        validator(fake).validate(token)
    assert info.value.message == message
    assert [r.getMessage() for r in caplog.records if r.name == "app.auth.entra"] == [f"entra token rejected: {reason}"]


def test_a_tenant_not_allowed_is_told_so(fake: FakeGraph, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="app.auth.entra")
    with pytest.raises(InvalidCredentials) as info:
        validator(fake, entra_allowed_tenants=[OTHER_TENANT]).validate(fake.issue_token(ALEX))
    assert info.value.message == "This Microsoft 365 organization may not use this SendGuard server."
    assert caplog.records[-1].getMessage() == "entra token rejected: tenant"


def test_a_key_service_failure_is_logged_by_its_kind(fake: FakeGraph, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="app.auth.entra")
    down = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(503)))
    with pytest.raises(SigningKeysUnavailable):
        EntraValidator(graph_settings(), http=down).validate(fake.issue_token(ALEX))
    assert [r.getMessage() for r in caplog.records] == ["entra signing keys unavailable: HTTPStatusError"]


def _token_of_length(fake: FakeGraph, length: int) -> str:
    """A genuine token padded (in claims nobody reads) to exactly `length` characters."""
    for header_pad in range(4):
        probe = fake.issue_token(ALEX, headers={"x": "h" * header_pad}, xpad="")
        head, payload, signature = probe.split(".")
        wanted = length - len(head) - len(signature) - 2  # characters of the payload segment
        if wanted % 4 == 1:
            continue  # no byte count encodes to that many base64 characters
        pad = wanted * 3 // 4 - len(base64.urlsafe_b64decode(payload + "=="))
        token = fake.issue_token(ALEX, headers={"x": "h" * header_pad}, xpad="p" * pad)
        if len(token) == length:
            return token
    raise AssertionError(f"no token of {length} characters")


def test_tokens_over_16_kib_are_refused_unread(fake: FakeGraph, caplog: pytest.LogCaptureFixture) -> None:
    v = validator(fake)
    assert v.validate(_token_of_length(fake, 16_384)).email == ALEX
    caplog.set_level(logging.INFO, logger="app.auth.entra")
    with pytest.raises(InvalidCredentials):
        v.validate(_token_of_length(fake, 16_385))
    assert caplog.records == []  # refused before any parsing: nothing to log
