"""A request that fails in the database must not change what any other request sees."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import event

from tests.helpers import headers

ACME_ADMIN = headers("boss@acme-trade.example", admin=True)
ACME_MEMBER = headers("alex@acme-trade.example")
RIVAL_ADMIN = headers("chief@rival-corp.example", admin=True)
NEW_ADMIN = headers("first@newcomer.example", admin=True)
POISON = "POISON-ATTACHMENT"


def _incident(name: str) -> dict[str, Any]:
    return {
        "locale": "en",
        "message": {
            "to": [{"email": "l.gomez@sunpeak.example"}],
            "subject": "PI",
            "body": "Please find attached the PI.",
            "attachments": [{"name": name, "size": 10, "content_type": "application/pdf"}],
        },
        "wrong_recipients": ["l.gomez@sunpeak.example"],
        "intended_recipients": ["m.schmidt@solartech.example"],
    }


@contextmanager
def database_rejects_incidents_named(app: FastAPI, marker: str) -> Iterator[None]:
    """Make the database itself refuse the insert of an incident naming `marker`: the row is pointed at a
    tenant that does not exist, a foreign-key violation on either engine."""

    def rewrite(_conn, _cursor, statement: str, parameters: Any, context, _many):  # type: ignore[no-untyped-def]
        if statement.startswith("INSERT INTO incident ") and marker in repr(parameters):
            if isinstance(parameters, dict):
                parameters = {**parameters, "tenant_id": type(parameters["tenant_id"])(uuid.uuid4().hex)}
            else:  # SQLite: positional
                position = context.compiled.positiontup.index("tenant_id")
                parameters = (*parameters[:position], uuid.uuid4().hex, *parameters[position + 1 :])
        return statement, parameters

    engine = app.state.engine
    event.listen(engine, "before_cursor_execute", rewrite, retval=True)
    try:
        yield
    finally:
        event.remove(engine, "before_cursor_execute", rewrite)


def _writes_work(client: TestClient, who: dict[str, str], tag: str) -> None:
    created = client.post("/v1/organizations", json={"name": f"Org {tag}", "kind": "customer"}, headers=who)
    assert created.status_code == 201, created.text
    policy = client.put("/v1/policy", json={"bcc_threshold": 3}, headers=who)
    assert policy.status_code == 200, policy.text
    incident = client.post("/v1/incidents", json=_incident(f"PI_{tag}.pdf"), headers=who)
    assert incident.status_code == 201, incident.text


@pytest.mark.parametrize("bad_name", ["PI\x00.pdf", POISON + ".pdf"])
def test_a_rejected_incident_leaves_every_tenant_working(app: FastAPI, client: TestClient, bad_name: str) -> None:
    # Everyone signs in first, so their identities are cached before the failure.
    for who in (ACME_ADMIN, ACME_MEMBER, RIVAL_ADMIN):
        assert client.get("/v1/policy", headers=who).status_code == 200
    with database_rejects_incidents_named(app, POISON):
        bad = client.post("/v1/incidents", json=_incident(bad_name), headers=ACME_ADMIN)
    assert bad.status_code >= 400, bad.text
    _writes_work(client, ACME_ADMIN, "acme")
    _writes_work(client, RIVAL_ADMIN, "rival")
    _writes_work(client, NEW_ADMIN, "new")
    incident = client.post("/v1/incidents", json=_incident("PI_member.pdf"), headers=ACME_MEMBER)
    assert incident.status_code == 201, incident.text
