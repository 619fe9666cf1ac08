"""Why an address cannot be delivered (mailbox and domain rules, with their reason text), and the address a typing
slip most likely meant."""

from __future__ import annotations

import pytest

from app.analysis.deliverable import address_problem, repaired_address

# 63 + 1 + 63 + 1 + 63 + 1 + 58 + 1 + 2 = 253 characters, the longest domain there is; one more is too long.
_LONGEST_DOMAIN = ".".join(("a" * 63, "b" * 63, "c" * 63, "d" * 58, "de"))
_TOO_LONG_DOMAIN = ".".join(("a" * 63, "b" * 63, "c" * 63, "d" * 59, "de"))


@pytest.mark.parametrize(
    "address",
    [
        "m..schmidt@solartech.de",
        "m schmidt@solartech.de",
        "a" * 65 + "@solartech.de",
        ".schmidt@solartech.de",
        "schmidt.@solartech.de",
    ],
)
def test_malformed_mailboxes_are_invalid(address: str) -> None:
    assert address_problem(address) == "invalid mailbox"


def test_the_longest_mailbox_is_valid() -> None:
    assert address_problem("a" * 64 + "@solartech.de") is None


@pytest.mark.parametrize(
    "address",
    [
        "x@" + "ü" * 64 + ".de",  # no IDNA form: the label is too long
        "x@solartech.d",  # a one-letter top-level domain
        "x@solartech.123",  # a numeric top-level domain
        "x@" + _TOO_LONG_DOMAIN,  # 254 characters, every label short enough
    ],
)
def test_malformed_domains_are_invalid(address: str) -> None:
    assert address_problem(address) == "invalid domain"


def test_a_domain_of_253_characters_is_valid() -> None:
    assert (len(_LONGEST_DOMAIN), len(_TOO_LONG_DOMAIN)) == (253, 254)
    assert address_problem("x@" + _LONGEST_DOMAIN) is None


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("m.schmidt@solartech.de", None),
        ("li@公司.中国", None),
        ("x@bücher.de", None),
        ("Michael Schmidt", "no @"),
        ("m.schmidt＠solartech。de", "full-width characters"),
        ("a@b@solartech,de", "invalid mailbox"),
        ("x@abc", "invalid domain"),
        ("x@-abc.de", "invalid domain"),
        ("x@" + ".".join(["abcdefghij" * 6] * 5) + ".de", "invalid domain"),
        ("m.schmidt@solartech.de.", "invalid domain"),
    ],
)
def test_address_problems(address, problem):
    assert address_problem(address) == problem


@pytest.mark.parametrize(
    ("typed", "repaired"),
    [
        ("mailto:M.Schmidt@solartech..de", "m.schmidt@solartech.de"),
        ("<m.schmidt@solartech.de>,", "m.schmidt@solartech.de"),
        ("m schmidt@solartech.de", "mschmidt@solartech.de"),
        ("m.schmidt＠solartech。de", "m.schmidt@solartech.de"),
        ("m.schmidt@solartech.de.", "m.schmidt@solartech.de"),
        ("m.schmidt@solartech...de", "m.schmidt@solartech.de"),
        ("a@b@solartech,de", None),
        ("x@-abc.de", None),
        ("m.schmidt@solartech.de", None),
    ],
)
def test_repairs_offered_for_typing_slips(typed, repaired):
    assert repaired_address(typed) == repaired
