"""The admin console's "Learn from mail" tab in a real browser (chromium via playwright-core, live uvicorn).

The service runs on a temporary SQLite database with the demo tenant and one finished learning job whose proposal
comes from the learner over the synthetic mailbox; frontend/tests/e2e/learn.e2e.mjs reviews it in English and
Chinese and accepts two organizations.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlmodel import Session, select

from app.analysis.learning import learn
from app.common import utcnow
from app.db import create_db_engine, migrate
from app.demo import load_demo_data
from app.learning.models import LearningJob
from app.learning.service import proposal_data
from app.tenants.models import Tenant, User
from tests.addin.test_browser import FRONTEND, _require, run_e2e, screenshot_dir
from tests.admin.test_browser import BUNDLE
from tests.learning.mailbox_gen import generate
from tests.learning.test_learned_mailbox import as_learned
from tests.live_server import serving

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


@pytest.fixture(scope="module")
def learn_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('learn-db') / 'sendguard.db'}"
    engine = create_db_engine(url)
    migrate(engine)
    with Session(engine) as session:
        assert load_demo_data(session)
        _finished_job(session)
    engine.dispose()
    with serving(url, tmp_path_factory.mktemp("learn-log") / "uvicorn.log") as base:
        yield base


def test_learn_tab_reviews_and_accepts_part_of_the_proposal_in_chromium(learn_server: str, tmp_path: Path) -> None:
    _require(BUNDLE.is_file(), "the admin console is not built (`make admin`; `make test` does it)")
    shots = screenshot_dir(tmp_path)
    run_e2e(E2E, learn_server, str(shots), timeout=240)
    for lang in ("en", "zh-CN"):
        assert (shots / f"admin-learn-{lang}.png").stat().st_size > 10_000, lang
