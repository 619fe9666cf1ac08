"""Isolation between colleagues of one company, over every route the application serves.

A colleague shares the directory and the policy, but not another user's checks, dismissals, correspondents,
incidents, scheduled sends or held sends. Routes come from app.routes: a new route whose path parameter is
not classified below fails the test until someone decides whose data it is. The Gmail add-on's routes are
driven with signed add-on events in tests/addons/test_gmail_isolation.py.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.mailbox.base import MailboxAccess
from tests.helpers import headers
from tests.routes import Route, api_routes
from tests.test_isolation import acme_data, bodies

ALEX = headers("alex@acme-trade.example")
LIN = headers("lin.wei@acme-trade.example")  # a colleague, member
BOSS = headers("boss@acme-trade.example", admin=True)  # a colleague, administrator

# Path parameters naming one user's own records: a colleague gets 404, as if they did not exist.
USER_PARAMS = {"check_id", "incident_id", "send_id", "held_id"}
# An administrator sees the company's incidents (to help recover); everything else stays the user's own.
ADMIN_SEES = {"incident_id"}
# The company's shared directory: colleagues read it, administrators change it.
TENANT_PARAMS = {"org_id"}
# The company's learning jobs (what its sent mail proposes): administrators only.
ADMIN_PARAMS = {"job_id"}
# Not data at all: template names, the add-in's static files.
STATIC_PARAMS = {"name", "path", "trigger"}
# Driven by their own event format (signed Google tokens), in tests/addons/test_gmail_isolation.py.
OWN_TEST_PREFIXES = ("/addons/gmail/",)

# Bodies that get a request past validation, so the answer shows the ownership check, not a 422.
PARAMLESS_BODIES: dict[tuple[str, str], Any] = {
    ("post", "/v1/directory/learn/{job_id}/accept"): lambda data: {"all": True},
    ("post", "/v1/scheduled-sends"): lambda data: {
        "provider": "fake",
        "draft_id": data["draft_id"],
        "delay_seconds": 60,
    },
    ("post", "/v1/incidents"): lambda data: {
        "message": {"to": [{"email": "l.gomez@sunpeak.example"}], "subject": "x"},
        "wrong_recipients": ["l.gomez@sunpeak.example"],
    },
}


def _routes(app: Any) -> list[Route]:
    routes = [r for r in api_routes(app) if not r.path.startswith(OWN_TEST_PREFIXES)]
    unclassified = {
        (r.method, r.path, p)
        for r in routes
        for p in r.params
        if p not in USER_PARAMS | TENANT_PARAMS | ADMIN_PARAMS | STATIC_PARAMS
    }
    assert not unclassified, f"say whose data these path parameters name: {sorted(unclassified)}"
    return routes


def _secrets(data: dict[str, Any]) -> dict[str, str]:
    """Values only Alex's own records hold, by the parameter that names them."""
    return {
        "check_id": data["check_id"],
        "incident_id": data["incident_id"],
        "send_id": data["send_id"],
        "held_id": data["held_id"],
        "draft_id": data["draft_id"],
    }


def _alex_data(client: TestClient, app: Any, db: Session) -> dict[str, Any]:
    data = acme_data(client, app, db)
    data["draft_id"] = client.get("/v1/scheduled-sends", headers=ALEX).json()[0]["draft_id"]
    return data


def _alex_state(client: TestClient, app: Any, data: dict[str, Any]) -> dict[str, Any]:
    exported = client.get("/v1/me/data", headers=ALEX).json()
    return {
        "export": json.dumps(exported, sort_keys=True, default=str),
        "sends": client.get("/v1/scheduled-sends", headers=ALEX).json(),
        "held": client.get("/v1/held-sends", headers=ALEX).json(),
        "incident": client.get(f"/v1/incidents/{data['incident_id']}", headers=ALEX).json(),
        "drafts": sorted(m.id for m in app.state.mailbox.drafts(MailboxAccess("alex@acme-trade.example"))),
    }


def _leaks(text: str, secrets: dict[str, str], allowed: set[str]) -> list[str]:
    return [name for name, value in secrets.items() if name not in allowed and value.lower() in text.lower()]


@pytest.mark.parametrize(("who", "role"), [(LIN, "member"), (BOSS, "admin")])
def test_a_colleague_cannot_reach_another_users_records(
    client: TestClient, app: Any, db: Session, who: dict[str, str], role: str
) -> None:
    data = _alex_data(client, app, db)
    before = _alex_state(client, app, data)
    secrets = _secrets(data)
    allowed = ADMIN_SEES if role == "admin" else set()
    payloads = bodies(data)
    values = {
        **{p: str(data[p]) for p in USER_PARAMS | TENANT_PARAMS},
        "job_id": "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b",
        "name": "handoff_internal",
        "path": "x",
        "trigger": "compose",
    }
    tried = []
    for route in _routes(app):
        if set(route.params) & allowed:
            continue  # by design: an administrator may open and update an incident
        body = payloads.get(route.key)
        if body is None and route.key in PARAMLESS_BODIES:
            body = PARAMLESS_BODIES[route.key](data)
        response = client.request(
            route.method.upper(), route.url(values), headers=who, **({"json": body} if body is not None else {})
        )
        where = (route.method, route.path, response.status_code, response.text[:300])
        assert response.status_code < 500, where
        if set(route.params) & USER_PARAMS:
            assert response.status_code == 404, where
            assert response.json()["error"]["code"].endswith("not_found"), where
        if set(route.params) & TENANT_PARAMS and route.method != "get" and role == "member":
            assert response.status_code == 403, where
        if set(route.params) & ADMIN_PARAMS:
            assert response.status_code == (403 if role == "member" else 404), where
        leaked = _leaks(response.text, secrets, allowed)
        assert not leaked, (where, leaked)
        tried.append(route.key)
    assert {
        ("post", "/v1/checks/{check_id}/outcome"),
        ("delete", "/v1/scheduled-sends/{send_id}"),
        ("get", "/v1/scheduled-sends"),
        ("delete", "/v1/held-sends/{held_id}"),
        ("get", "/v1/me/data"),
        ("delete", "/v1/me/data"),
    } <= set(tried)
    assert _alex_state(client, app, data) == before


def test_an_administrator_sees_incidents_but_not_sends_or_checks(client: TestClient, app: Any, db: Session) -> None:
    """The one exception above, pinned: it must not grow into the other per-user records."""
    data = _alex_data(client, app, db)
    assert client.get(f"/v1/incidents/{data['incident_id']}", headers=BOSS).status_code == 200
    assert data["incident_id"] in client.get("/v1/incidents", headers=BOSS).text
    assert client.get(f"/v1/incidents/{data['incident_id']}", headers=LIN).status_code == 404
    assert client.get("/v1/scheduled-sends", headers=BOSS).json() == []
    assert client.get("/v1/held-sends", headers=BOSS).json() == []
    exported = client.get("/v1/me/data", headers=BOSS).text
    assert data["check_id"] not in exported and data["incident_id"] not in exported


def test_one_users_correspondents_do_not_vouch_for_a_colleague(client: TestClient) -> None:
    """Alex writing to someone does not make that address known to Lin: first_time_recipient is per user."""
    draft = {"to": [{"email": "new.buyer@fresh-customer.example"}], "body": "Hello"}

    def codes(who: dict[str, str], sender: str) -> set[str]:
        body = {"trigger": "send", "draft": {"from": sender, **draft}}
        response = client.post("/v1/drafts/check", json=body, headers=who)
        assert response.status_code == 200, response.text
        result = response.json()
        client.post(f"/v1/checks/{result['check_id']}/outcome", json={"outcome": "sent_anyway"}, headers=who)
        return {f["code"] for f in result["findings"]}

    assert "first_time_recipient" in codes(ALEX, "alex@acme-trade.example")
    assert "first_time_recipient" not in codes(ALEX, "alex@acme-trade.example")
    assert "first_time_recipient" in codes(LIN, "lin.wei@acme-trade.example")
