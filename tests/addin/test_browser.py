"""The /demo page in a real browser: Debian's chromium driven by playwright-core against a live uvicorn.

Starts the service on a free loopback port with a temporary SQLite database holding the demo tenant, then runs
frontend/tests/e2e/demo.e2e.mjs (compose check, Move to Bcc, on-send prompt, templates, the wrong-recipient
flow, the Chinese UI, keyboard focus). Screenshots go to a temporary folder, or to docs/screenshots when
UPDATE_SCREENSHOTS=1.

Without chromium or frontend/node_modules the test is skipped locally but fails under CI (`make test`
installs both).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session

from app.db import create_db_engine, migrate
from app.demo import load_demo_data
from tests.live_server import ROOT, serving

FRONTEND = ROOT / "frontend"
E2E = FRONTEND / "tests" / "e2e" / "demo.e2e.mjs"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def _strict() -> bool:
    # .ci/run sets REQUIRE_POSTGRES=1; CI systems set CI. Either way a missing browser is a failure.
    return bool(os.environ.get("CI") or os.environ.get("REQUIRE_POSTGRES"))


def _require(condition: bool, message: str) -> None:
    if condition:
        return
    if _strict():
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('browser-db') / 'sendguard.db'}"
    engine = create_db_engine(url)
    migrate(engine)
    with Session(engine) as session:
        assert load_demo_data(session)
    engine.dispose()
    with serving(url, tmp_path_factory.mktemp("browser-log") / "uvicorn.log") as base:
        yield base


def screenshot_dir(tmp_path: Path) -> Path:
    """docs/screenshots with UPDATE_SCREENSHOTS=1, else a temporary folder."""
    shots = ROOT / "docs" / "screenshots" if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    return shots


def run_e2e(script: Path, *args: str, timeout: int) -> str:
    """Run a browser script of frontend/tests/e2e in Debian's chromium; it must pass every step. Its stdout."""
    node = shutil.which("node")
    _require(node is not None, "node is not installed")
    _require(CHROMIUM.exists(), f"{CHROMIUM} is missing (apt-get install -y chromium; `make test` does it)")
    _require(
        (FRONTEND / "node_modules" / "playwright-core").is_dir(),
        "frontend/node_modules is missing (npm ci --prefix frontend; `make test` does it)",
    )
    assert node is not None
    run = subprocess.run(
        [node, str(script), *args],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "CHROMIUM_PATH": str(CHROMIUM)},
    )
    assert run.returncode == 0, f"browser test failed\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr}"
    assert "steps passed" in run.stdout
    return run.stdout


def test_demo_in_chromium(live_server: str, tmp_path: Path) -> None:
    shots = screenshot_dir(tmp_path)
    run_e2e(E2E, live_server, str(shots), timeout=240)
    for name in ("taskpane-en.png", "taskpane-zh-CN.png", "taskpane-recovery-en.png"):
        assert (shots / name).stat().st_size > 5000, name
