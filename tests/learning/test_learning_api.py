"""POST /v1/directory/learn and its job, against the fake Microsoft Graph (app-only), on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import anyio
import pytest
from sqlmodel import Session

from app.config import Settings
from app.learning.models import LearningJob
from app.learning.runner import LearningRunner
from app.mailbox.fake_graph_sent import load_sent
from tests.learning.mailbox_gen import Mailbox, generate
from tests.learning.mailbox_graph import graph_item
from tests.mailbox.graph_env import ALEX, BOSS, M365, bearer, m365_app


@pytest.fixture
def m365(settings: Settings) -> Iterator[M365]:
    with m365_app(settings) as env:
        yield env


def admin(env: M365) -> dict[str, str]:
    return bearer(env.fake.issue_token(BOSS, roles=["SendGuard.Admin"]))


def fill(env: M365, messages: int = 240) -> Mailbox:
    """The synthetic mailbox's mail, as sent from Alex's and the boss's mailboxes (both users of the tenant)."""
    mailbox = generate(seed=11, messages=messages)
    for n, address in enumerate((ALEX, BOSS)):
        load_sent(env.fake, address, (graph_item(m) for m in mailbox.messages[n::2]))
    assert env.client.get("/v1/me", headers=env.alex).status_code == 200  # Alex signs in once
    return mailbox


def wait_for(env: M365, job_id: str, statuses: tuple[str, ...] = ("done", "failed", "cancelled")) -> dict[str, Any]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        body: dict[str, Any] = env.client.get(f"/v1/directory/learn/{job_id}", headers=admin(env)).json()
        if body["status"] in statuses:
            return body
        time.sleep(0.05)
    raise AssertionError("the learning job did not finish")


def job_row(env: M365, job_id: str) -> LearningJob:
    with Session(env.app.state.engine) as session:
        job = session.get(LearningJob, uuid.UUID(job_id))
        assert job is not None
        session.expunge(job)
        return job


def test_learning_reads_every_sales_mailbox_and_proposes_organizations(m365: M365) -> None:
    mailbox = fill(m365)
    started = m365.client.post("/v1/directory/learn", json={"months": 24}, headers=admin(m365))
    assert started.status_code == 202, started.text
    assert started.json()["status"] == "running" and started.json()["mailboxes"] == 2
    done = wait_for(m365, started.json()["id"])
    assert done["status"] == "done" and done["messages_read"] == 240 and done["progress"] == 1.0
    proposal = m365.client.get(f"/v1/directory/learn/{done['id']}/proposal", headers=admin(m365)).json()
    written = {a for m in mailbox.messages for a, _ in m.to}
    proposed = {a for o in proposal["organizations"] for a in o["addresses"]}
    assert written <= proposed
    assert done["organizations_found"] == len(proposal["organizations"])
    assert all(o["owner_email"] in (ALEX, BOSS) for o in proposal["organizations"] if o["messages"])


def test_nothing_of_a_body_or_subject_is_stored(m365: M365) -> None:
    mailbox = fill(m365, 120)
    job_id = m365.client.post("/v1/directory/learn", headers=admin(m365)).json()["id"]
    wait_for(m365, job_id)
    stored = json.dumps(job_row(m365, job_id).proposal, ensure_ascii=False)
    for message in mailbox.messages[:40]:
        first_line = message.body.split("\n\n")[1]
        assert first_line not in stored
        assert message.subject not in stored or len(message.subject) < 8


def test_only_an_administrator_starts_learning_and_one_job_runs_at_a_time(m365: M365) -> None:
    fill(m365, 20)
    assert m365.client.post("/v1/directory/learn", headers=m365.alex).status_code == 403
    assert m365.client.post("/v1/directory/learn", json={"months": 0}, headers=admin(m365)).status_code == 422
    m365.fake.fail("throttle", times=3, path="/mailFolders/SentItems/messages", retry_after=1)
    first = m365.client.post("/v1/directory/learn", headers=admin(m365))
    second = m365.client.post("/v1/directory/learn", headers=admin(m365))
    assert first.status_code == 202
    assert second.status_code == 409 and second.json()["error"]["code"] == "learning_already_running"
    assert wait_for(m365, first.json()["id"])["status"] == "done"  # throttling was waited out


def test_a_job_stopped_mid_way_resumes_from_its_checkpoint_and_counts_each_message_once(m365: M365) -> None:
    fill(m365, 300)
    engine = m365.app.state.engine
    m365.app.state.learning_runner.autostart = False  # this test drives the runners itself
    job_id = m365.client.post("/v1/directory/learn", json={"months": 24}, headers=admin(m365)).json()["id"]
    job_uuid = uuid.UUID(job_id)

    async def crash_then_resume() -> tuple[str, str]:
        first = LearningRunner(engine, m365.app.state.mailbox, runner_id="a", page_size=20, checkpoint_pages=3)
        stopped = await first.run(job_uuid, max_pages=8)  # pages 7 and 8 were read after the last checkpoint
        second = LearningRunner(engine, m365.app.state.mailbox, runner_id="b", page_size=20, lease=timedelta(0))
        return stopped, await second.run(job_uuid)

    stopped, finished = anyio.run(crash_then_resume)
    assert (stopped, finished) == ("stopped", "done")
    row = job_row(m365, job_id)
    assert row.status == "done" and row.messages_read == 300 and row.checkpoint is None


def test_a_cancelled_job_reads_no_further_page(m365: M365) -> None:
    fill(m365, 200)
    m365.app.state.learning_runner.autostart = False
    job_id = m365.client.post("/v1/directory/learn", headers=admin(m365)).json()["id"]
    job_uuid = uuid.UUID(job_id)
    runner = LearningRunner(m365.app.state.engine, m365.app.state.mailbox, page_size=20)
    assert anyio.run(lambda: runner.run(job_uuid, max_pages=2)) == "stopped"
    cancelled = m365.client.post(f"/v1/directory/learn/{job_id}/cancel", headers=admin(m365)).json()
    assert cancelled["status"] == "cancelled" and cancelled["eta_seconds"] is None
    pages = len(m365.fake.graph_requests("/mailFolders/SentItems/messages"))
    assert anyio.run(lambda: runner.run(job_uuid)) == "not_claimed"
    assert len(m365.fake.graph_requests("/mailFolders/SentItems/messages")) == pages
    proposal = m365.client.get(f"/v1/directory/learn/{job_id}/proposal", headers=admin(m365))
    assert proposal.status_code == 409 and job_row(m365, job_id).checkpoint is None


def test_finished_jobs_are_purged_by_the_retention_setting(m365: M365) -> None:
    from app.common import utcnow
    from app.privacy.service import purge_expired

    fill(m365, 20)
    job_id = m365.client.post("/v1/directory/learn", json={"months": 24}, headers=admin(m365)).json()["id"]
    wait_for(m365, job_id)
    with Session(m365.app.state.engine) as session:
        assert purge_expired(session, retention_days=30)["learning_jobs"] == 0
        job = session.get(LearningJob, uuid.UUID(job_id))
        assert job is not None
        job.updated_at = utcnow() - timedelta(days=31)
        session.add(job)
        session.commit()
        assert purge_expired(session, retention_days=30)["learning_jobs"] == 1
        assert session.get(LearningJob, uuid.UUID(job_id)) is None


def test_a_check_flags_a_file_that_went_only_to_another_customer_once_learned(m365: M365) -> None:
    from app.mailbox.fake_graph import file_attachment, recipient

    mailbox = fill(m365, 240)
    job_id = m365.client.post("/v1/directory/learn", json={"months": 24}, headers=admin(m365)).json()["id"]
    wait_for(m365, job_id)
    proposal = job_row(m365, job_id).proposal
    assert proposal is not None
    names = {o["key"]: o["name"] for o in proposal["organizations"]}
    # A proforma that went to exactly one organization, sent now to a contact of another customer.
    document = next(d for d in proposal["documents"] if len(d["org_keys"]) == 1 and d["name"].startswith("PI_"))
    owner_key = document["org_keys"][0]
    content = next(a.content for m in mailbox.messages for a in m.attachments if a.sha256 == document["sha256"])
    other = next(
        c.email
        for o in mailbox.orgs.values()
        if o.kind == "customer" and not o.freemail and f"domain:{o.domains[0]}" != owner_key
        for c in o.contacts
    )
    draft_id = m365.fake.add_message(
        ALEX,
        subject="Unterlagen",
        body="Hallo, anbei die Unterlagen.",
        to=[recipient(other)],
        attachments=[file_attachment("Unterlagen.pdf", content)],
    )
    response = m365.check(draft_id)
    assert response.status_code == 200, response.text
    findings = [f for f in response.json()["findings"] if f["code"] == "content_mismatch"]
    assert findings and findings[0]["evidence"] == [f"Unterlagen.pdf: this file went only to {names[owner_key]} before"]
