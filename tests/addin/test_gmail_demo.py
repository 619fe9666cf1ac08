"""The Gmail demo (/demo/gmail): the add-on's card JSON drawn in chromium, against a live uvicorn (dev mode only)."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.addin.test_browser import FRONTEND, live_server, run_e2e, screenshot_dir
from tests.directory.test_organizations import assert_error

__all__ = ["live_server"]  # the module-scoped server fixture, shared with the Outlook demo's test

E2E = FRONTEND / "tests" / "e2e" / "gmail.e2e.mjs"
ALEX = {"X-Dev-User": "alex@acme-trade.example"}


def test_gmail_demo_in_chromium(live_server: str, tmp_path: Path) -> None:
    run_e2e(E2E, live_server, str(screenshot_dir(tmp_path)), timeout=180)


def test_gmail_demo_answers_only_in_dev_mode(client: TestClient, make_app) -> None:  # type: ignore[no-untyped-def]
    event = {"commonEventObject": {"hostApp": "GMAIL"}, "gmail": {"toRecipients": ["l.gomez@sunpeak.example"]}}
    card = client.post("/demo/gmail/compose", json=event, headers=ALEX).json()
    assert card["action"]["navigations"][0]["pushCard"]["name"] == "check"
    assert_error(client.post("/demo/gmail/compose", json=event), 401)
    assert_error(client.post("/demo/gmail/nothing", json=event, headers=ALEX), 404)
    with TestClient(make_app(auth_mode="entra", entra_client_id="c1")) as production:
        assert_error(production.post("/demo/gmail/compose", json=event, headers=ALEX), 404)
        assert_error(production.get("/demo/gmail"), 404)
