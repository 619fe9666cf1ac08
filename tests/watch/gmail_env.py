"""Shared set-up for watch tests against the fake Gmail over HTTP, with domain-wide delegation: the demo directory
under a Workspace tenant, sent mail put straight into Sent Mail, and watchers with their own GmailMailbox."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from fastapi import FastAPI
from sqlmodel import Session, select

from app.config import Settings
from app.demo import load_demo_data
from app.mailbox.fake_gmail import FakeGmail, sample_message
from app.mailbox.gmail import GmailMailbox
from app.mailbox.gmail_sent import REPORT_HEADER, GmailSentMail
from app.main import create_app
from app.tenants.models import Tenant, User
from app.watch.worker import Watcher
from tests.mailbox.delegation_env import DOMAIN, Workspace, workspace

RIVAL = ("Laura Gómez", "l.gomez@sunpeak.example")
CUSTOMER = ("Michael Schmidt", "m.schmidt@solartech.example")


@dataclass
class GmailWatchEnv:
    ws: Workspace
    app: FastAPI

    @property
    def gmail(self) -> FakeGmail:
        return self.ws.gmail


@contextlib.contextmanager
def gmail_watch_env(settings: Settings) -> Iterator[GmailWatchEnv]:
    from tests.conftest import _empty_all_tables

    with workspace() as ws:
        ws.authorise()
        values: dict[str, Any] = {**ws.settings_values(), "watch_poll_seconds": 0.001}
        application = create_app(settings.model_copy(update=values))
        with Session(application.state.engine) as session:
            load_demo_data(session)
            tenant = session.exec(select(Tenant)).one()
            tenant.key = f"google:{DOMAIN}"
            session.add(tenant)
            session.commit()
        try:
            yield GmailWatchEnv(ws, application)
        finally:
            application.state.extractor.close()
            _empty_all_tables(application.state.engine)
            application.state.engine.dispose()


def add_users(env: GmailWatchEnv, count: int, prefix: str = "rep") -> list[str]:
    with Session(env.app.state.engine) as session:
        tenant = session.exec(select(Tenant)).one()
        emails = [f"{prefix}{n}@{DOMAIN}" for n in range(count)]
        for email in emails:
            session.add(User(tenant_id=tenant.id, subject=f"google:{email}", email=email))
        session.commit()
    return emails


def send_risky(gmail: FakeGmail, owner: str, n: int = 0) -> str:
    raw = sample_message(
        owner,
        [RIVAL],
        f"PI for order 2026-{n:03d}",
        "Dear Laura, please find attached the PI for SolarTech GmbH.",
        attachments=[(f"PI_SolarTech_2026-{n:03d}.pdf", "application/pdf", b"Proforma invoice for SolarTech GmbH")],
    )
    return gmail.put_message(owner, raw)


def send_safe(gmail: FakeGmail, owner: str, n: int = 0) -> str:
    raw = sample_message(owner, [CUSTOMER], f"Shipping update {n}", "Dear Michael, your SolarTech order ships soon.")
    return gmail.put_message(owner, raw)


def gmail_watcher(env: GmailWatchEnv, **kwargs: Any) -> Watcher:
    mailbox = GmailMailbox(env.app.state.settings)
    kwargs.setdefault("lease", timedelta(seconds=30))
    return Watcher(
        env.app.state.engine,
        mailbox,
        GmailSentMail(mailbox),
        env.app.state.settings,
        cache=env.app.state.index_cache,
        extractor=env.app.state.extractor,
        **kwargs,
    )


def reports(gmail: FakeGmail, owner: str) -> list[str]:
    """The subjects of the watch reports in a user's Inbox."""
    box = gmail._users.get(owner.lower())
    if box is None:
        return []
    found = []
    for stored in box.messages.values():
        parsed = stored.parsed()
        if REPORT_HEADER in parsed and "INBOX" in stored.labels:
            found.append(str(parsed["Subject"]))
    return found
