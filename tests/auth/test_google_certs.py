"""The transport that fetches Google's certificates: GETs cached for their max-age, everything else passed on."""

from __future__ import annotations

import google.auth.exceptions
import pytest

from app.auth.google import DEFAULT_CACHE_SECONDS, MAX_CACHE_SECONDS, CachingRequest
from tests.auth.http_server import Server


class Clock:
    def __init__(self) -> None:
        self.now = 50_000.0  # a monotonic clock is far from zero

    def __call__(self) -> float:
        return self.now


def test_a_get_is_cached_for_its_max_age(server: Server) -> None:
    server.headers = {"Cache-Control": "public, max-age=1000"}
    clock = Clock()
    request = CachingRequest(timeout=5, clock=clock)
    first = request(server.url)  # google-auth passes method="GET"; a bare call is a GET as well
    assert (first.status, first.data) == (200, b"answer 1")
    clock.now += 999
    assert request(server.url, method="GET").data == b"answer 1"
    assert len(server.seen) == 1
    clock.now += 1
    assert request(server.url, method="GET").data == b"answer 2"  # expired exactly at its max-age
    assert [seen.method for seen in server.seen] == ["GET", "GET"]


@pytest.mark.parametrize("name", ["cache-control", "Cache-Control", "CACHE-CONTROL"])
def test_the_max_age_is_read_whatever_the_header_names_case(server: Server, name: str) -> None:
    server.headers = {name: "max-age=2000"}
    clock = Clock()
    request = CachingRequest(timeout=5, clock=clock)
    request(server.url)
    clock.now += 1999
    request(server.url)
    assert len(server.seen) == 1


@pytest.mark.parametrize(
    ("headers", "kept"),
    [
        ({}, DEFAULT_CACHE_SECONDS),
        ({"Cache-Control": "no-store"}, DEFAULT_CACHE_SECONDS),
        ({"Cache-Control": f"max-age={10 * MAX_CACHE_SECONDS}"}, MAX_CACHE_SECONDS),
    ],
)
def test_without_a_max_age_a_default_and_never_more_than_the_cap(
    server: Server, headers: dict[str, str], kept: int
) -> None:
    server.headers = headers
    clock = Clock()
    request = CachingRequest(timeout=5, clock=clock)
    request(server.url)
    clock.now += kept - 1
    request(server.url)
    assert len(server.seen) == 1
    clock.now += 1
    request(server.url)
    assert len(server.seen) == 2


def test_a_failed_get_is_not_cached(server: Server) -> None:
    server.status, server.headers = 500, {"Cache-Control": "max-age=1000"}
    request = CachingRequest(timeout=5, clock=Clock())
    assert request(server.url).status == 500
    server.status = 200
    assert (request(server.url).status, request(server.url).data) == (200, b"answer 2")
    assert len(server.seen) == 2  # the 500 was asked again, the 200 then kept


def test_each_url_has_its_own_entry(server: Server) -> None:
    server.headers = {"Cache-Control": "max-age=1000"}
    request = CachingRequest(timeout=5, clock=Clock())
    assert request(server.url).data == b"answer 1"
    assert request(server.url + "?other").data == b"answer 2"
    assert request(server.url).data == b"answer 1"


def test_the_get_carries_the_callers_headers(server: Server) -> None:
    CachingRequest(timeout=5)(server.url, method="GET", headers={"X-Probe": "1"})
    assert server.seen[0].headers.get("X-Probe") == "1"


def test_other_methods_pass_through_uncached(server: Server) -> None:
    server.headers = {"Cache-Control": "max-age=1000"}
    request = CachingRequest(timeout=5, clock=Clock())
    for _ in range(2):
        response = request(server.url, method="POST", body=b"grant=x", headers={"X-Probe": "2"})
        assert response.status == 200
    assert [(s.method, s.body, s.headers.get("X-Probe")) for s in server.seen] == [("POST", b"grant=x", "2")] * 2
    assert request(server.url).data == b"answer 3"  # a POST's answer is not served to a GET


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_the_timeout_bounds_a_slow_server(server: Server, method: str) -> None:
    server.delay = 0.8
    request = CachingRequest(timeout=0.2)
    with pytest.raises(google.auth.exceptions.TransportError):
        request(server.url, method=method)
    assert request(server.url, method=method, timeout=10).status == 200  # the caller's own timeout wins
