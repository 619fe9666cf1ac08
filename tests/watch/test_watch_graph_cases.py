"""The sent-mail watch on Graph, case by case: throttling, a lost delta state, messages SendGuard checked at send
time, the user's opt-out, the tenant's switch, nothing of the content stored, and the report's recovery link."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlmodel import Session, select

from app.analysis.messages import code_name
from app.common import as_utc, utcnow
from app.config import Settings
from app.incidents.models import Incident
from app.mailbox.fake_graph import recipient
from app.mailbox.graph_sent import CHECK_HEADER_PROPERTY
from app.scheduling.models import ScheduledSend
from app.tenants.models import User
from app.watch.models import WatchedMessage, WatchState
from tests.mailbox.graph_env import ALEX, M365, bearer
from tests.privacy.markers import BODY, SUBJECT, dump_database, every_logger_at_debug, find_leaks
from tests.watch.graph_env import (
    RIVAL,
    add_users,
    graph_watcher,
    reports,
    send_risky,
    send_safe,
    watch_env,
)
from tests.watch.rounds import make_due, run, state_of


@pytest.fixture
def env(settings: Settings) -> Iterator[M365]:
    with watch_env(settings) as m365:
        yield m365


def test_watch_graph_throttling_waits_retry_after_and_loses_nothing(env: M365) -> None:
    (owner,) = add_users(env, 1)
    watcher = graph_watcher(env)
    run(watcher, 1, lambda: send_risky(env.fake, owner, 1))
    # Graph throttles the mailbox for longer than the provider's retry budget.
    env.fake.fail("throttle", times=10, path="/delta", retry_after=120)
    run(watcher, 1)
    state = state_of(env, owner)
    assert reports(env.fake, owner) == []
    assert state.last_error == "mailbox_unavailable" and state.claimed_by is None
    waited = (as_utc(state.next_poll_at) - utcnow()).total_seconds()
    assert 100 < waited <= 121
    env.fake.failures.clear()
    run(watcher, 1)
    assert reports(env.fake, owner) == []  # still waiting out Retry-After
    make_due(env, owner)
    run(watcher, 2)
    assert len(reports(env.fake, owner)) == 1


def test_watch_graph_delta_resync_reads_by_date_without_double_reports(env: M365) -> None:
    (owner,) = add_users(env, 1)
    watcher = graph_watcher(env)
    run(watcher, 1, lambda: send_risky(env.fake, owner, 1), 2)
    assert len(reports(env.fake, owner)) == 1
    send_risky(env.fake, owner, 2)  # sent while Graph loses the sync state
    env.fake.folders.expire(owner)
    run(watcher, 2)
    subjects = sorted(m["subject"] for m in reports(env.fake, owner))
    assert len(subjects) == 2 and "2026-001" in subjects[0] and "2026-002" in subjects[1]
    assert env.fake.graph_requests("/delta")[-1].query.get("$deltatoken")  # back on a fresh delta link
    run(watcher, 2, lambda: send_risky(env.fake, owner, 3), 2)
    assert len(reports(env.fake, owner)) == 3


def test_watch_graph_skips_messages_checked_at_send(env: M365) -> None:
    env.client.get("/v1/watch/me", headers=env.alex)  # Alex signs in to the add-in
    watcher = graph_watcher(env)
    run(watcher, 1)

    def checked_by_ref() -> None:
        # A check that read the draft from the mailbox knows its internet message id.
        draft = env.fake.add_message(ALEX, subject="PI", body="<p>PI for SolarTech GmbH</p>", to=[recipient(RIVAL)])
        assert env.check(draft).status_code == 200
        env.fake.message(ALEX, draft).update(isDraft=False, parentFolderId="sentitems")

    def checked_on_send_by_outlook() -> None:
        # The on-send check's id, stamped as an internet header by the add-in.
        response = env.client.post(
            "/v1/drafts/check",
            json={"client": "outlook", "trigger": "send", "draft": {"to": [{"email": RIVAL}], "body": "PI"}},
            headers=env.alex,
        )
        sent = send_risky(env.fake, ALEX, 7)
        env.fake.message(ALEX, sent)["singleValueExtendedProperties"] = [
            {"id": CHECK_HEADER_PROPERTY, "value": response.json()["check_id"]}
        ]

    def scheduled() -> None:
        sent = send_risky(env.fake, ALEX, 8)
        with Session(env.app.state.engine) as session:
            user = session.exec(select(User).where(User.email == ALEX)).one()
            now = utcnow()
            session.add(
                ScheduledSend(
                    tenant_id=user.tenant_id,
                    user_id=user.id,
                    user_email=ALEX,
                    provider="graph",
                    draft_id="AAMkDraft",
                    send_at=now,
                    status="sent",
                    internet_message_id=env.fake.message(ALEX, sent)["internetMessageId"],
                    next_attempt_at=now,
                    deadline_at=now,
                )
            )
            session.commit()

    run(watcher, checked_by_ref, checked_on_send_by_outlook, scheduled, lambda: send_risky(env.fake, ALEX, 9), 3)
    found = reports(env.fake, ALEX)
    assert len(found) == 1 and "2026-009" in found[0]["subject"]
    with Session(env.app.state.engine) as session:
        statuses = sorted(r.status for r in session.exec(select(WatchedMessage)).all())
    assert statuses == ["checked_at_send"] * 3 + ["reported"]


def test_watch_graph_opt_out_and_opt_in_via_the_api(env: M365) -> None:
    assert env.client.get("/v1/watch/me", headers=env.alex).json() == {
        "tenant_enabled": True,
        "opted_out": False,
        "watched": True,
    }
    watcher = graph_watcher(env)
    run(watcher, 1)
    out = env.client.put("/v1/watch/me", json={"opted_out": True}, headers=env.alex)
    assert out.status_code == 200 and out.json()["watched"] is False
    run(watcher, lambda: send_risky(env.fake, ALEX, 1), 2)
    assert reports(env.fake, ALEX) == []
    assert state_of_entra(env).cursor is None
    back = env.client.put("/v1/watch/me", json={"opted_out": False}, headers=env.alex)
    assert back.json()["watched"] is True
    run(watcher, 1, lambda: send_risky(env.fake, ALEX, 2), 2)
    assert len(reports(env.fake, ALEX)) == 1 and "2026-002" in reports(env.fake, ALEX)[0]["subject"]
    assert env.client.put("/v1/watch/me", json={"opted_out": "yes"}, headers=env.alex).status_code == 422


def state_of_entra(env: M365) -> WatchState:
    with Session(env.app.state.engine) as session:
        user = session.exec(select(User).where(User.email == ALEX)).one()
        return session.exec(select(WatchState).where(WatchState.user_id == user.id)).one()


def test_watch_graph_tenant_switch_in_the_policy(env: M365) -> None:
    (owner,) = add_users(env, 1)
    admin = bearer(env.fake.issue_token("boss@acme-trade.example", roles=["SendGuard.Admin"]))
    policy = env.client.get("/v1/policy", headers=admin).json()
    assert policy["sent_mail_watch"] is True  # on by default
    watcher = graph_watcher(env)
    run(watcher, 1)
    off = env.client.put("/v1/policy", json={**policy, "sent_mail_watch": False}, headers=admin)
    assert off.status_code == 200, off.text
    make_due(env, owner)
    run(watcher, lambda: send_risky(env.fake, owner, 1), 2)
    assert reports(env.fake, owner) == []
    assert env.client.put("/v1/policy", json={**policy, "sent_mail_watch": True}, headers=admin).status_code == 200
    make_due(env, owner)
    run(watcher, 1, lambda: send_risky(env.fake, owner, 2), 2)
    assert len(reports(env.fake, owner)) == 1 and "2026-002" in reports(env.fake, owner)[0]["subject"]


def test_watch_graph_stores_and_logs_nothing_of_the_content(env: M365, caplog: pytest.LogCaptureFixture) -> None:
    (owner,) = add_users(env, 1)
    watcher = graph_watcher(env)

    def send_marked() -> None:
        env.fake.add_message(
            owner,
            subject=f"{SUBJECT} PI for SolarTech",
            body=f"<p>{BODY}: please find attached the PI for SolarTech GmbH.</p>",
            to=[recipient(RIVAL)],
            is_draft=False,
            folder="sentitems",
        )

    with every_logger_at_debug(), caplog.at_level(logging.DEBUG):
        run(watcher, 1, send_marked, lambda: send_safe(env.fake, owner, 3), 2)
    assert len(reports(env.fake, owner)) == 1
    content = {"subject": SUBJECT, "body": BODY}
    assert find_leaks(dump_database(env.app.state.engine), content) == []
    # The rival's address is in the directory (a contact), never in a log line.
    assert find_leaks(caplog.text, {**content, "rival": RIVAL}) == []


def test_watch_graph_report_link_opens_recovery_filled_in(env: M365) -> None:
    env.client.get("/v1/watch/me", headers=env.alex)
    watcher = graph_watcher(env)
    run(watcher, 1, lambda: send_risky(env.fake, ALEX, 1), 2)
    (report,) = reports(env.fake, ALEX)
    body = report["body"]["content"]
    href = body.split('href="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    assert href.startswith(env.app.state.settings.public_base_url.rstrip("/") + "/addin/taskpane.html?recover=")
    token = parse_qs(urlsplit(href).query)["recover"][0]

    opened = env.client.post("/v1/watch/recovery", json={"token": token}, headers=env.alex)
    assert opened.status_code == 201, opened.text
    incident = opened.json()
    assert incident["severity"]["level"] in ("critical", "high")
    drafts = {d["kind"]: d for d in incident["drafts"]}
    assert drafts["apology_wrong_recipient"]["to"] == [RIVAL]
    listed = env.client.get("/v1/watch/reports", headers=env.alex).json()
    assert len(listed) == 1 and listed[0]["severity"] in ("critical", "high") and listed[0]["finding_codes"]
    assert listed[0]["problems"] == [code_name(code, "en") for code in listed[0]["finding_codes"]]
    assert all(name not in listed[0]["finding_codes"] for name in listed[0]["problems"])
    assert listed[0]["created_at"].endswith(("Z", "+00:00")), "a time without its zone reads as local time"
    in_chinese = env.client.get("/v1/watch/reports?locale=zh-CN", headers=env.alex).json()
    assert in_chinese[0]["problems"] == [code_name(code, "zh-CN") for code in listed[0]["finding_codes"]]
    assert in_chinese[0]["problems"] != listed[0]["problems"]

    other = bearer(env.fake.issue_token("lin.wei@acme-trade.example"))
    assert env.client.post("/v1/watch/recovery", json={"token": token}, headers=other).status_code == 403
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert env.client.post("/v1/watch/recovery", json={"token": forged}, headers=env.alex).status_code == 422
    with Session(env.app.state.engine) as session:
        stored = session.get(Incident, uuid.UUID(incident["incident_id"]))
    assert stored is not None and stored.wrong_recipients == [RIVAL] and stored.message_ref


def test_watch_graph_report_speaks_the_users_language(env: M365) -> None:
    (owner,) = add_users(env, 1)
    with Session(env.app.state.engine) as session:
        user = session.exec(select(User).where(User.email == owner)).one()
        user.locale = "zh-CN"
        session.add(user)
        session.commit()
    watcher = graph_watcher(env)
    run(watcher, 1, lambda: send_risky(env.fake, owner, 1), 2)
    (report,) = reports(env.fake, owner)
    assert report["subject"].startswith("SendGuard：请检查您刚发送的邮件")
    assert "打开补救步骤" in report["body"]["content"]


def test_watch_graph_a_message_the_check_refuses_does_not_hold_up_the_rest(settings: Settings) -> None:
    with watch_env(settings, max_body_chars=1000) as env:
        (owner,) = add_users(env, 1)
        watcher = graph_watcher(env)

        def send_huge() -> None:
            env.fake.add_message(
                owner,
                subject="Huge",
                body="<p>" + "x" * 5000 + "</p>",
                to=[recipient(RIVAL)],
                is_draft=False,
                folder="sentitems",
            )

        run(watcher, 1, send_huge, lambda: send_risky(env.fake, owner, 2), 3)
        assert len(reports(env.fake, owner)) == 1
        with Session(env.app.state.engine) as session:
            rows = {r.status: r.finding_codes for r in session.exec(select(WatchedMessage)).all()}
        assert rows["unchecked"] == ["body_too_large"] and "reported" in rows
