"""Dismissals over HTTP: keyed to each finding's evidence, honoured only for low and medium findings."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.checks.test_check_api import ALEX, by_code, check, to
from tests.directory.test_organizations import assert_error

CARLOS = "c.rodriguez@bombasandinas.example"
MICHAEL = "m.schmidt@solartech.example"
NOTE = {"to": to(CARLOS), "body": "Hola Carlos,\nMichael de SolarTech te llamará mañana por el proyecto."}
PI = {"name": "PI_SolarTech_2026-001.pdf", "size": 48211, "content_type": "application/pdf"}


def dismiss(client: TestClient, result: dict[str, Any], *names: str, outcome: str = "sent_anyway") -> dict[str, Any]:
    response = client.post(
        f"/v1/checks/{result['check_id']}/outcome", json={"outcome": outcome, "dismissed": list(names)}, headers=ALEX
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_a_dismissed_mention_shows_as_info_but_never_silences_that_customers_pi(demo: TestClient) -> None:
    note = check(demo, NOTE)
    mention = by_code(note)["content_mismatch"]
    assert mention["severity"] == "medium"
    assert dismiss(demo, note, mention["id"])["dismissed"] == ["content_mismatch"]

    again = check(demo, NOTE)
    assert (by_code(again)["content_mismatch"]["severity"], again["verdict"]) == ("info", "ok")

    pi = check(demo, {"to": to(CARLOS), "body": "Adjunto la PI.", "attachments": [PI]})
    assert by_code(pi)["content_mismatch"]["severity"] == "critical"
    assert pi["verdict"] == "warn"


def test_a_dismissed_price_note_never_silences_costs_and_margins(demo: TestClient) -> None:
    prices = check(demo, {"to": to(MICHAEL), "body": "Dear Michael, the unit price is EUR 0.21/W."})
    assert by_code(prices)["sensitive_external"]["severity"] == "low"
    dismiss(demo, prices, "sensitive_external")  # by code: keyed to that finding's evidence all the same

    costs = check(demo, {"to": to(MICHAEL), "body": "Dear Michael, our cost is 0.15/W and our margin only 4%."})
    assert by_code(costs)["sensitive_external"]["severity"] == "high"
    assert costs["verdict"] == "warn"


def test_dismissing_a_critical_finding_lets_this_mail_go_once_only(demo: TestClient) -> None:
    draft = {"to": to("l.gomez@sunpeak.example"), "body": "Dear Laura, please find attached.", "attachments": [PI]}
    first = check(demo, draft)
    assert by_code(first)["content_mismatch"]["severity"] == "critical"
    dismiss(demo, first, "content_mismatch")
    second = check(demo, draft)
    assert by_code(second)["content_mismatch"]["severity"] == "critical"
    assert second["verdict"] == "warn"


def test_a_dismissal_covers_its_recipients_only(demo: TestClient) -> None:
    note = check(demo, NOTE)
    dismiss(demo, note, by_code(note)["content_mismatch"]["id"])
    wider = check(demo, {**NOTE, "to": to(CARLOS, "l.fernandez@aguasur.example")})
    assert by_code(wider)["content_mismatch"]["severity"] == "medium"


def test_finding_ids_are_stable_across_checks_and_unknown_ones_are_refused(demo: TestClient) -> None:
    first, second = check(demo, NOTE), check(demo, NOTE)
    assert [f["id"] for f in first["findings"]] == [f["id"] for f in second["findings"]]
    url = f"/v1/checks/{first['check_id']}/outcome"
    response = demo.post(url, json={"outcome": "sent_anyway", "dismissed": ["0123456789abcdef"]}, headers=ALEX)
    assert_error(response, 422)
