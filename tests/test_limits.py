"""Request bodies cannot make the service use much more memory than their size."""

from __future__ import annotations

import base64
import json
import os
import tracemalloc
from collections.abc import Callable
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.limits import json_values_at_most
from tests.helpers import MEMBER

MB = 1024 * 1024
JSON = {"content-type": "application/json"}


def peak_bytes(call: Callable[[], Any]) -> tuple[Any, int]:
    """What `call` returns and the peak of Python memory allocated while it ran."""
    tracemalloc.start()
    try:
        result = call()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return result, peak


@pytest.fixture
def client(make_app: Callable[..., FastAPI]) -> Any:
    with TestClient(make_app(), raise_server_exceptions=False) as test_client:
        yield test_client


def test_a_body_of_empty_objects_is_refused_before_it_is_parsed(client: TestClient) -> None:
    junk = b"{}," * (13 * MB)
    body = b'{"draft": {"to": [{"email": "a@b.example"}]}, "ignored": [' + junk + b"{}]}"
    assert len(body) > 38 * MB
    response, peak = peak_bytes(lambda: client.post("/v1/drafts/check", content=body, headers={**MEMBER, **JSON}))
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_complex"
    assert peak < 5 * len(body)


def test_a_large_real_draft_stays_within_five_times_its_size(client: TestClient) -> None:
    attachment = base64.b64encode(os.urandom(15 * MB)).decode()
    recipients = [{"email": f"buyer{n}@customer{n}.example", "name": f"Buyer {n}"} for n in range(3000)]
    draft = {
        "to": recipients,
        "subject": "Price list 2026",
        "body": "Dear all, please find attached our price list. " * 20_000,
        "attachments": [
            {"name": "prices.bin", "content_type": "application/octet-stream", "content_base64": attachment}
        ],
    }
    body = json.dumps({"draft": draft}).encode()
    response, peak = peak_bytes(lambda: client.post("/v1/drafts/check", content=body, headers={**MEMBER, **JSON}))
    assert response.status_code == 200, response.text
    assert peak < 5 * len(body)


def test_unknown_fields_are_refused_and_named(client: TestClient) -> None:
    draft = {"to": [{"email": "a@b.example", "nickname": "x"}], "subject": "s"}
    response = client.post("/v1/drafts/check", json={"draft": draft, "verbose": True}, headers=MEMBER)
    assert response.status_code == 422
    locations = [tuple(e["loc"]) for e in response.json()["error"]["details"]]
    assert ("body", "verbose") in locations
    assert ("body", "draft", "to", 0, "nickname") in locations
    scan = {"name": "a.txt", "content_base64": "aGk=", "extra": [{}]}
    assert client.post("/v1/attachments/scan", json=scan, headers=MEMBER).status_code == 422


def test_the_value_count_ignores_what_is_inside_strings() -> None:
    assert json_values_at_most(b'{"a": [1, 2, {}]}') == 7  # six values; a bound, one over
    text = json.dumps({"body": "{[,:]}" * 100_000}).encode()
    assert json_values_at_most(text) == 3  # the braces and commas are mail text, not structure
    escaped = json.dumps({"body": 'say "hi", {ok}: \\ ' * 50_000, "n": [1, 2]}).encode()
    assert json_values_at_most(escaped) == 7
