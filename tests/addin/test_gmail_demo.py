"""The Gmail demo (/demo/gmail): the add-on's card JSON drawn in chromium, against a live uvicorn (dev mode only)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from fastapi.testclient import TestClient

from tests.addin.test_browser import CHROMIUM, FRONTEND, ROOT, _require, live_server
from tests.directory.test_organizations import assert_error

__all__ = ["live_server"]  # the module-scoped server fixture, shared with the Outlook demo's test

E2E = FRONTEND / "tests" / "e2e" / "gmail.e2e.mjs"
ALEX = {"X-Dev-User": "alex@acme-trade.example"}


def test_gmail_demo_in_chromium(live_server: str, tmp_path: Path) -> None:
    node = shutil.which("node")
    _require(node is not None, "node is not installed")
    _require(CHROMIUM.exists(), f"{CHROMIUM} is missing (`make test` installs it)")
    _require((FRONTEND / "node_modules" / "playwright-core").is_dir(), "frontend/node_modules is missing")
    shots = ROOT / "docs" / "screenshots" if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    assert node is not None
    run = subprocess.run(
        [node, str(E2E), live_server, str(shots)],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "CHROMIUM_PATH": str(CHROMIUM)},
    )
    assert run.returncode == 0, f"browser test failed\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr}"
    assert "steps passed" in run.stdout


def test_gmail_demo_answers_only_in_dev_mode(client: TestClient, make_app) -> None:  # type: ignore[no-untyped-def]
    event = {"commonEventObject": {"hostApp": "GMAIL"}, "gmail": {"toRecipients": ["l.gomez@sunpeak.example"]}}
    card = client.post("/demo/gmail/compose", json=event, headers=ALEX).json()
    assert card["action"]["navigations"][0]["pushCard"]["name"] == "check"
    assert_error(client.post("/demo/gmail/compose", json=event), 401)
    assert_error(client.post("/demo/gmail/nothing", json=event, headers=ALEX), 404)
    with TestClient(make_app(auth_mode="entra", entra_client_id="c1")) as production:
        assert_error(production.post("/demo/gmail/compose", json=event, headers=ALEX), 404)
        assert_error(production.get("/demo/gmail"), 404)
