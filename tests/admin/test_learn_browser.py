"""The admin console's "Learn from mail" tab in a real browser (chromium via playwright-core, live uvicorn).

The service runs on a temporary SQLite database with the demo tenant and one finished learning job whose proposal
comes from the learner over the synthetic mailbox; frontend/tests/e2e/learn.e2e.mjs reviews it in English and
Chinese and accepts two organizations.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session, select

from app.analysis.learning import learn
from app.common import utcnow
from app.db import create_db_engine, migrate
from app.demo import load_demo_data
from app.learning.models import LearningJob
from app.learning.service import proposal_data
from app.tenants.models import Tenant, User
from tests.addin.test_browser import FRONTEND, ROOT, _free_port, _require, run_e2e, screenshot_dir
from tests.admin.test_browser import BUNDLE
from tests.learning.mailbox_gen import generate
from tests.learning.test_learned_mailbox import as_learned

E2E = FRONTEND / "tests" / "e2e" / "learn.e2e.mjs"


def _finished_job(session: Session) -> None:
    tenant = session.exec(select(Tenant)).one()
    user = session.exec(select(User).where(User.tenant_id == tenant.id)).first()
    assert user is not None
    mailbox = generate(seed=21, messages=1_500)
    proposal = learn((as_learned(m) for m in mailbox.messages), [mailbox.internal_domain])
    session.add(
        LearningJob(
            tenant_id=tenant.id, user_id=user.id, status="done", since=utcnow() - timedelta(days=365),
            mailboxes=[user.email], mailbox_index=1, messages_read=proposal.messages_read,
            organizations_found=len(proposal.organizations), progress=1.0, proposal=proposal_data(proposal),
            finished_at=utcnow(),
        )
    )  # fmt: skip
    session.commit()


def _wait_until_up(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    # Generous: on a loaded machine importing and migrating alone can take most of a minute.
    deadline = time.monotonic() + 150
    while True:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"uvicorn did not start:\n{log.read_text(errors='replace')}")
        time.sleep(0.3)


@pytest.fixture(scope="module")
def learn_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('learn-db') / 'sendguard.db'}"
    engine = create_db_engine(url)
    migrate(engine)
    with Session(engine) as session:
        assert load_demo_data(session)
        _finished_job(session)
    engine.dispose()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": url, "AUTH_MODE": "dev", "MAILBOX_PROVIDER": "fake",
           "PUBLIC_BASE_URL": base, "SCHEDULER_ENABLED": "false", "LOG_LEVEL": "WARNING"}  # fmt: skip
    log = tmp_path_factory.mktemp("learn-log") / "uvicorn.log"
    with log.open("wb") as out:
        command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port)]
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(base, proc, log)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_learn_tab_reviews_and_accepts_part_of_the_proposal_in_chromium(learn_server: str, tmp_path: Path) -> None:
    _require(BUNDLE.is_file(), "the admin console is not built (`make admin`; `make test` does it)")
    shots = screenshot_dir(tmp_path)
    run_e2e(E2E, learn_server, str(shots), timeout=240)
    for lang in ("en", "zh-CN"):
        assert (shots / f"admin-learn-{lang}.png").stat().st_size > 10_000, lang
