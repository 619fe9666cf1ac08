"""NUL characters anywhere in a request: a 422 that names the field, never a 500 (both engines)."""

from __future__ import annotations

import typing
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel

from app.mailbox.base import MailAddress, MailAttachment, MailboxAccess, MailMessage
from app.validation import NulFree
from tests.directory.test_organizations import assert_error
from tests.helpers import ADMIN, MEMBER

DRAFT = {"to": [{"email": "m.schmidt@solartech.example", "name": "Michael"}], "subject": "PI", "body": "Hello"}


def _models_in(annotation: Any, seen: set[type]) -> None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        if annotation in seen:
            return
        seen.add(annotation)
        for field in annotation.model_fields.values():
            _models_in(field.annotation, seen)
        return
    for arg in typing.get_args(annotation):
        _models_in(arg, seen)


def _api_routes(routes: list[Any]) -> typing.Iterator[APIRoute]:
    for route in routes:
        included = getattr(route, "original_router", None)  # an included router, expanded lazily
        if included is not None:
            yield from _api_routes(included.routes)
        elif isinstance(route, APIRoute):
            yield route


def test_every_request_body_model_refuses_nul(app: FastAPI) -> None:
    models: set[type] = set()
    for route in _api_routes(app.routes):
        for param in route.dependant.body_params:
            _models_in(param.field_info.annotation, models)
    assert len(models) > 10
    assert [m.__qualname__ for m in models if not issubclass(m, NulFree)] == []


def _nul_field(response: Any) -> list[Any]:
    """Where the 422 says the NUL is (a field's own validator may name it first)."""
    error = assert_error(response, 422)
    assert len(error["details"]) == 1, error
    return [part for part in error["details"][0]["loc"] if not isinstance(part, int)]


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        ("/v1/drafts/check", {"draft": {**DRAFT, "subject": "P\x00I"}}, "subject"),
        ("/v1/drafts/check", {"draft": {**DRAFT, "to": [{"email": "a\x00@b.example"}]}}, "email"),
        (
            "/v1/incidents",
            {
                "message": {**DRAFT, "attachments": [{"name": "PI\x00.pdf", "size": 1}]},
                "wrong_recipients": ["m.schmidt@solartech.example"],
            },
            "name",
        ),
        ("/v1/incidents", {"message": DRAFT, "wrong_recipients": ["x\x00@y.example"]}, "wrong_recipients"),
        ("/v1/organizations", {"name": "Solar\x00Tech", "kind": "customer"}, "name"),
        ("/v1/organizations", {"name": "SolarTech", "kind": "customer", "aliases": ["a", "b\x00"]}, "aliases"),
        ("/v1/templates/handoff_internal/render", {"locale": "en", "fields": {"company": "A\x00"}}, "fields"),
        ("/v1/attachments/scan", {"name": "a\x00.txt", "content_type": "text/plain", "content_base64": ""}, "name"),
        ("/v1/scheduled-sends", {"provider": "fake", "draft_id": "d\x00", "delay_seconds": 60}, "draft_id"),
    ],
)
def test_nul_in_a_request_field_is_a_422_naming_it(client: TestClient, path: str, body: dict, field: str) -> None:
    loc = _nul_field(client.post(path, json=body, headers=ADMIN))
    assert loc[-1] == field, loc


def test_nul_in_policy_terms_and_queries(client: TestClient) -> None:
    loc = _nul_field(client.put("/v1/policy", json={"sensitive_terms": {"prices": ["net\x00"]}}, headers=ADMIN))
    assert loc[-1] == "sensitive_terms"
    loc = _nul_field(client.get("/v1/organizations", params={"q": "a\x00b"}, headers=MEMBER))
    assert loc == ["query", "q"]


def test_nul_in_a_csv_cell_names_line_and_column(client: TestClient) -> None:
    csv = "organization,kind,domains\nGood Co,customer,good.example\nBad\x00Co,customer,bad.example\n"
    response = client.post(
        "/v1/organizations/import", files={"file": ("d.csv", csv.encode(), "text/csv")}, headers=ADMIN
    )
    error = assert_error(response, 422, "invalid_csv")
    assert error["details"] == {"line": 3, "column": "organization"}
    assert client.get("/v1/organizations", headers=MEMBER).json()["total"] == 0


def test_nul_from_the_mailbox_is_refused_not_a_500(app: FastAPI, client: TestClient) -> None:
    """A name that reached the service from the mailbox, not the request, cannot break the store either."""
    app.state.mailbox.put_message(
        MailboxAccess("alex@acme-trade.example"),
        MailMessage(
            id="sent-nul",
            sender="alex@acme-trade.example",
            to=(MailAddress("frank.zhou@orient-export.example"),),
            subject="Price list",
            attachments=(MailAttachment("Price\x00List.xlsx"),),
        ),
    )
    body = {"ref": {"provider": "fake", "id": "sent-nul"}, "wrong_recipients": ["frank.zhou@orient-export.example"]}
    response = client.post("/v1/incidents", json=body, headers=MEMBER)
    if app.state.engine.dialect.name == "postgresql":
        assert_error(response, 422, "invalid_value")
    else:
        assert response.status_code == 201, response.text
    assert client.get("/v1/policy", headers=MEMBER).status_code == 200
