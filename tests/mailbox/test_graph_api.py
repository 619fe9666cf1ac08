"""End to end over the API with AUTH_MODE=entra and MAILBOX_PROVIDER=graph, against the fake Graph/Entra service.

Each test runs on SQLite and PostgreSQL (the `settings` fixture). The app's own validator, on-behalf-of
exchange and Graph provider talk HTTP to the fake; nothing inside them is patched.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.demo import ORGANIZATIONS
from app.mailbox.fake_graph import FakeGraph, file_attachment, item_attachment, recipient, reference_attachment
from app.mailbox.graph import GraphMailbox
from app.main import create_app
from tests.analysis.test_attachments import make_pdf
from tests.directory.test_organizations import assert_error
from tests.mailbox.graph_env import ALEX, BOSS, M365, bearer, graph_settings, m365_app

LAURA = "l.gomez@sunpeak.example"
MICHAEL = "m.schmidt@solartech.example"


@pytest.fixture
def m365(settings: Settings) -> Iterator[M365]:
    with m365_app(settings, max_attachment_bytes=64 * 1024) as env:
        admin = bearer(env.fake.issue_token(BOSS, roles=["SendGuard.Admin"]))
        for entry in ORGANIZATIONS[:2]:  # SolarTech GmbH and SunPeak Energy GmbH, rivals
            response = env.client.post("/v1/organizations", json=entry, headers=admin)
            assert response.status_code == 201, response.text
        yield env


def by_code(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["code"]: f for f in result["findings"]}


def pi_draft(fake: FakeGraph, to: str, attachments: list[dict[str, Any]] | None = None) -> str:
    return fake.add_message(
        ALEX,
        subject="Your documents",
        body="<p>Dear Laura,</p><p>please find attached the documents.</p>",
        to=[recipient(to, "Laura Gómez")],
        attachments=attachments,
    )


def test_a_draft_checked_by_reference_with_its_attachment_scanned(m365: M365) -> None:
    pdf = make_pdf(["PROFORMA INVOICE", "Buyer: SolarTech GmbH", "Order 2026-001, total EUR 48,000"])
    draft = pi_draft(m365.fake, LAURA, [file_attachment("Documents.pdf", pdf, "application/pdf")])
    m365.fake.add_sent(ALEX, [LAURA])
    response = m365.check(draft)
    assert response.status_code == 200, response.text
    findings = by_code(response.json())
    # Only the PDF's text names SolarTech: the attachment was read through Graph and scanned.
    mismatch = findings["content_mismatch"]
    assert mismatch["severity"] == "critical"
    assert any("SolarTech" in e for e in mismatch["evidence"])
    assert "first_time_recipient" not in findings  # Sent Items know Laura
    assert "missing_attachment" not in findings

    plain = pi_draft(m365.fake, LAURA, [file_attachment("Documents.pdf", make_pdf(["Catalogue 2027"]))])
    assert "content_mismatch" not in by_code(m365.check(plain).json())


def test_first_time_recipient_from_sent_items(m365: M365) -> None:
    m365.fake.add_sent(ALEX, ["known.buyer@newmarket.example"])
    known = m365.fake.add_message(ALEX, subject="Hi", body="Hello", to=[recipient("known.buyer@newmarket.example")])
    stranger = m365.fake.add_message(
        ALEX, subject="Hi", body="Hello", to=[recipient("first.contact@elsewhere.example")]
    )
    assert "first_time_recipient" not in by_code(m365.check(known).json())
    finding = by_code(m365.check(stranger).json())["first_time_recipient"]
    assert finding["recipients"] == ["first.contact@elsewhere.example"]


def test_item_and_reference_attachments_are_reported_not_crashed(m365: M365) -> None:
    draft = pi_draft(
        m365.fake,
        MICHAEL,
        [item_attachment("RE: Order 2026-001"), reference_attachment("Contract SolarTech.docx")],
    )
    response = m365.check(draft)
    assert response.status_code == 200, response.text
    findings = by_code(response.json())
    assert "missing_attachment" not in findings  # the text says attached, and two things are
    without = pi_draft(m365.fake, MICHAEL)
    assert "missing_attachment" in by_code(m365.check(without).json())


def test_letters_created_as_mailbox_drafts(m365: M365) -> None:
    sent = m365.fake.add_message(
        ALEX,
        subject="PI for order 2026-001",
        body="<p>Dear Laura, please find attached the PI.</p>",
        to=[recipient(LAURA, "Laura Gómez")],
        attachments=[file_attachment("PI_SolarTech_2026-001.pdf", make_pdf(["PROFORMA INVOICE SolarTech GmbH"]))],
        is_draft=False,
        folder="sentitems",
    )
    response = m365.client.post(
        "/v1/incidents",
        json={
            "locale": "en",
            "ref": {"provider": "graph", "id": sent},
            "wrong_recipients": [LAURA],
            "intended_recipients": [MICHAEL],
        },
        headers=m365.alex,
    )
    assert response.status_code == 201, response.text
    incident = response.json()
    assert incident["severity"]["level"] == "critical"
    url = f"/v1/incidents/{incident['incident_id']}/mailbox-drafts"
    response = m365.client.post(url, json={"drafts": incident["drafts"]}, headers=m365.alex)
    assert response.status_code == 200, response.text
    created = response.json()["drafts"]
    assert [c["kind"] for c in created] == [d["kind"] for d in incident["drafts"]]
    in_mailbox = {m["id"]: m for m in m365.fake.folder(ALEX, "drafts")}
    assert {c["id"] for c in created} == set(in_mailbox)
    for letter, made in zip(incident["drafts"], created, strict=True):
        message = in_mailbox[made["id"]]
        assert message["subject"] == letter["subject"]
        assert [r["emailAddress"]["address"] for r in message["toRecipients"]] == letter["to"]
        assert made["web_link"] == message["webLink"]


def test_throttling_is_retried(m365: M365) -> None:
    draft = pi_draft(m365.fake, MICHAEL)
    m365.fake.fail("throttle", times=2, path=f"/messages/{draft}", retry_after=1)
    response = m365.check(draft)
    assert response.status_code == 200, response.text
    assert len(m365.sleeps) == 2 and all(s >= 1 for s in m365.sleeps)


def test_a_throttling_storm_is_a_503_within_bounded_time(m365: M365) -> None:
    draft = pi_draft(m365.fake, MICHAEL)
    m365.fake.fail("throttle", times=10_000, retry_after=3)
    started = time.monotonic()
    error = assert_error(m365.check(draft), 503, "mailbox_unavailable")
    assert time.monotonic() - started < 5
    assert error["details"]["reason"] == "throttled"
    # Retried while the time budget (8 s) lasts, never more than GRAPH_MAX_RETRIES times.
    retries = m365.app.state.settings.graph_max_retries
    assert 1 <= len(m365.sleeps) <= retries
    assert len(m365.fake.graph_requests(f"/messages/{draft}")) == len(m365.sleeps) + 1
    assert 3 * len(m365.sleeps) <= sum(m365.sleeps) <= 8.0
    response = m365.check(draft)
    assert response.headers["retry-after"] == "3"


def test_consent_missing_is_a_403(m365: M365) -> None:
    m365.fake.deny_consent()
    error = assert_error(m365.check("AAMk-anything"), 403, "consent_missing")
    assert "consent" in error["message"].lower()
    assert m365.fake.graph_requests() == []  # no Graph call without a Graph token


def test_graph_refusing_access_is_a_403(m365: M365) -> None:
    draft = pi_draft(m365.fake, MICHAEL)
    m365.fake.fail("forbidden", times=1)
    assert_error(m365.check(draft), 403, "consent_missing")


def test_malformed_json_is_a_503(m365: M365) -> None:
    draft = pi_draft(m365.fake, MICHAEL)
    m365.fake.fail("malformed", times=1, path=f"/messages/{draft}")
    error = assert_error(m365.check(draft), 503, "mailbox_unavailable")
    assert error["details"]["reason"] == "malformed_response"


def test_an_expired_assertion_is_a_401(m365: M365) -> None:
    draft = pi_draft(m365.fake, MICHAEL)
    # Inside our clock-skew leeway, so the sign-in passes here, but Entra refuses it for on-behalf-of.
    nearly = bearer(m365.fake.issue_token(ALEX, exp=int(time.time()) - 20))
    error = assert_error(m365.check(draft, headers=nearly), 401, "reauth_required")
    assert error["details"] == {"reason": "assertion_expired"}
    long_gone = bearer(m365.fake.issue_token(ALEX, exp=int(time.time()) - 7200, iat=int(time.time()) - 9000))
    assert_error(m365.check(draft, headers=long_gone), 401, "invalid_credentials")


def test_missing_message_and_wrong_provider(m365: M365) -> None:
    assert_error(m365.check("AAMkAGFake-not-there"), 404, "message_not_found")
    response = m365.client.post("/v1/drafts/check", json={"ref": {"provider": "gmail", "id": "x"}}, headers=m365.alex)
    assert_error(response, 422, "provider_not_configured")


def test_graph_token_and_content_stay_on_the_server(m365: M365, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    draft = m365.fake.add_message(
        ALEX,
        subject="SECRET-SUBJECT-93",
        body="SECRET-BODY-93 please find attached",
        to=[recipient("hidden.person@customer.example")],
        attachments=[file_attachment("notes.txt", b"SECRET-BYTES-93", "text/plain")],
    )
    headers = m365.alex
    response = m365.check(draft, headers=headers)
    assert response.status_code == 200, response.text
    assert m365.fake.graph_tokens
    for token in m365.fake.graph_tokens:
        assert token not in response.text
        assert token not in caplog.text
    assert headers["Authorization"].split(" ", 1)[1] not in caplog.text
    for secret in ("SECRET-SUBJECT-93", "SECRET-BODY-93", "SECRET-BYTES-93", "hidden.person"):
        assert secret not in caplog.text


def test_the_configured_provider_opens_and_closes_its_client(settings: Settings) -> None:
    application = create_app(graph_settings(settings))
    mailbox = application.state.mailbox
    assert isinstance(mailbox, GraphMailbox) and mailbox.name == "graph"
    for _ in range(2):  # the app can be started again after a shutdown
        with TestClient(application) as client:
            assert client.get("/healthz").status_code == 200
            assert mailbox._http is not None and not mailbox._http.is_closed
            http = mailbox._http
        assert mailbox._http is None and http.is_closed
    application.state.engine.dispose()


def _incident_by_reference(m365: M365) -> tuple[str, str]:
    sent = m365.fake.add_message(
        ALEX, subject="Price list", to=[recipient(LAURA, "Laura Gómez")], is_draft=False, folder="sentitems"
    )
    response = m365.client.post(
        "/v1/incidents",
        json={"ref": {"provider": "graph", "id": sent}, "wrong_recipients": [LAURA], "intended_recipients": [MICHAEL]},
        headers=m365.alex,
    )
    assert response.status_code == 201, response.text
    return sent, response.json()["incident_id"]


def test_recall_through_the_api(settings: Settings) -> None:
    with m365_app(settings, graph_recall_enabled=True) as m365:
        sent, incident_id = _incident_by_reference(m365)
        response = m365.client.post(f"/v1/incidents/{incident_id}/recall", headers=m365.alex)
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["attempted"] is True and body["limitations"]
        assert m365.fake.recalls == [sent]
        steps = m365.client.get(f"/v1/incidents/{incident_id}", headers=m365.alex).json()["steps"]
        assert next(s for s in steps if s["id"] == "recall")["done"] is True


def test_recall_turned_off_is_reported_not_attempted(settings: Settings) -> None:
    with m365_app(settings) as m365:
        _, incident_id = _incident_by_reference(m365)
        body = m365.client.post(f"/v1/incidents/{incident_id}/recall", headers=m365.alex).json()
        assert body["attempted"] is False and "Outlook" in body["detail"]
        assert m365.fake.recalls == []
        steps = m365.client.get(f"/v1/incidents/{incident_id}", headers=m365.alex).json()["steps"]
        assert next(s for s in steps if s["id"] == "recall")["done"] is False
