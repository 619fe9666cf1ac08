"""The admin console (/admin) in a real browser: Debian's chromium driven by playwright-core against a live uvicorn.

The service runs on a temporary SQLite database with the demo tenant, a few weeks of check history, and then,
through its own API, real checks with outcomes, three incidents and a directory of 3,000 more organizations.
frontend/tests/e2e/admin.e2e.mjs then searches, edits, imports (CSV with `;`, XLSX), changes the policy, reads
Insight and Incidents in English and Chinese. Screenshots go to docs/screenshots when UPDATE_SCREENSHOTS=1.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import Session, select

from app.checks.models import CheckRecord
from app.common import utcnow
from app.db import create_db_engine, migrate
from app.demo import load_demo_data
from app.tenants.models import Tenant, User
from tests.addin.test_browser import FRONTEND, _require, run_e2e, screenshot_dir
from tests.admin.seed import seed
from tests.live_server import serving

E2E = FRONTEND / "tests" / "e2e" / "admin.e2e.mjs"
BUNDLE = FRONTEND / "admin" / "dist" / "admin.js"
SCREENS = ("directory", "groups", "import", "policy", "insight", "incidents")
# Earlier weeks' checks: (code, share of firings users dismissed). first_time_recipient is the one they ignore.
HISTORY = {"lookalike_domain": 0.1, "first_time_recipient": 0.8, "exposed_recipients": 0.2, "missing_attachment": 0.05}


def _history(session: Session) -> None:
    """Eight weeks of check records for the demo tenant, as the recorder writes them (codes and outcomes only)."""
    tenant = session.exec(select(Tenant)).one()
    user = session.exec(select(User).where(User.email == "alex@acme-trade.example")).one()
    rng = random.Random(15)
    for week in range(1, 9):
        for _ in range(rng.randint(20, 40)):
            code = rng.choice(list(HISTORY))
            dismissed = rng.random() < HISTORY[code]
            outcome = "sent_anyway" if dismissed else rng.choice(["fixed", "fixed", "sent_anyway", "cancelled"])
            session.add(
                CheckRecord(
                    tenant_id=tenant.id, user_id=user.id, created_at=utcnow() - timedelta(weeks=week, hours=rng.randint(0, 100)),
                    client="outlook", trigger="send", verdict="warn", finding_codes=[code], outcome=outcome,
                    dismissed=[code] if dismissed else [],
                )
            )  # fmt: skip
    session.commit()


def _workbook(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["organization", "kind", "domains", "contact_name", "contact_email", "language", "customer_code"])
    sheet.append(
        ["Nordlicht Energie AG", "customer", "nordlicht.example", "Ole Hansen", "ole@nordlicht.example", "de", 4711]
    )
    book.save(path)


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('admin-db') / 'sendguard.db'}"
    engine = create_db_engine(url)
    migrate(engine)
    with Session(engine) as session:
        assert load_demo_data(session)
        _history(session)
    engine.dispose()
    log = tmp_path_factory.mktemp("admin-log") / "uvicorn.log"
    with serving(url, log, CHECK_RECORD_BATCH_SECONDS="0") as base:
        seed(base)
        yield base


def test_admin_console_in_chromium(admin_server: str, tmp_path: Path) -> None:
    _require(BUNDLE.is_file(), "the admin console is not built (`make admin`; `make test` does it)")
    shots = screenshot_dir(tmp_path)
    workbook = tmp_path / "directory.xlsx"
    _workbook(workbook)
    run_e2e(E2E, admin_server, str(shots), str(workbook), timeout=300)
    for screen in SCREENS:
        for lang in ("en", "zh-CN"):
            assert (shots / f"admin-{screen}-{lang}.png").stat().st_size > 10_000, (screen, lang)
