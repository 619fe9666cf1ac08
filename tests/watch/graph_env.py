"""Shared set-up for watch tests against the fake Microsoft Graph: the demo directory under a Microsoft 365 tenant,
sent mail put straight into users' Sent Items (as a phone would leave it), and watchers as separate processes
would build them (their own GraphMailbox, the app's database)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from sqlmodel import Session, select

from app.config import Settings
from app.demo import load_demo_data
from app.mailbox.fake_graph import FakeGraph, file_attachment, recipient
from app.mailbox.graph_sent import GraphSentItems
from app.tenants.models import Tenant, User
from app.watch.worker import Watcher
from tests.mailbox.graph_env import M365, TENANT, Sleeps, graph_mailbox, m365_app

DOMAIN = "acme-trade.example"
RIVAL = "l.gomez@sunpeak.example"
CUSTOMER = "m.schmidt@solartech.example"
WATCH_SETTINGS: dict[str, Any] = {"watch_poll_seconds": 0.001, "watch_lookback_minutes": 60}


@contextlib.contextmanager
def watch_env(settings: Settings, **extra: Any) -> Iterator[M365]:
    """The app (AUTH_MODE=entra, MAILBOX_PROVIDER=graph) with the demo directory in the fake's Entra tenant."""
    with m365_app(settings, **{**WATCH_SETTINGS, **extra}) as env:
        with Session(env.app.state.engine) as session:
            load_demo_data(session)
            tenant = session.exec(select(Tenant)).one()
            tenant.key = f"entra:{TENANT}"
            session.add(tenant)
            for user in session.exec(select(User)).all():  # the demo team, as Entra signs them in
                user.subject = entra_subject(env.fake, user.email)
                session.add(user)
            session.commit()
        yield env


def add_users(env: M365, count: int, prefix: str = "rep") -> list[str]:
    """Sales people of the tenant who never signed in to the add-in (the watch reads their mailboxes anyway)."""
    with Session(env.app.state.engine) as session:
        tenant = session.exec(select(Tenant)).one()
        emails = [f"{prefix}{n}@{DOMAIN}" for n in range(count)]
        for email in emails:
            session.add(User(tenant_id=tenant.id, subject=entra_subject(env.fake, email), email=email))
        session.commit()
    return emails


def send_risky(fake: FakeGraph, owner: str, n: int = 0) -> str:
    """Customer A's PI to customer B's rival: what SendGuard exists for."""
    return fake.add_message(
        owner,
        subject=f"PI for order 2026-{n:03d}",
        body="<p>Dear Laura, please find attached the PI for SolarTech GmbH.</p>",
        to=[recipient(RIVAL, "Laura Gómez")],
        attachments=[file_attachment(f"PI_SolarTech_2026-{n:03d}.pdf", b"Proforma invoice for SolarTech GmbH")],
        is_draft=False,
        folder="sentitems",
    )


def send_safe(fake: FakeGraph, owner: str, n: int = 0) -> str:
    return fake.add_message(
        owner,
        subject=f"Shipping update {n}",
        body="<p>Dear Michael, your order for SolarTech GmbH ships next week.</p>",
        to=[recipient(CUSTOMER, "Michael Schmidt")],
        is_draft=False,
        folder="sentitems",
    )


def entra_subject(fake: FakeGraph, email: str) -> str:
    return f"entra:{TENANT}:{fake.claims(email)['oid'].lower()}"


def graph_watcher(env: M365, **kwargs: Any) -> Watcher:
    mailbox = graph_mailbox(env.app.state.settings, env.fake, sleep=kwargs.pop("sleep", Sleeps()))
    kwargs.setdefault("lease", timedelta(seconds=30))
    return Watcher(
        env.app.state.engine,
        mailbox,
        GraphSentItems(mailbox),
        env.app.state.settings,
        cache=env.app.state.index_cache,
        extractor=env.app.state.extractor,
        **kwargs,
    )


def reports(fake: FakeGraph, owner: str) -> list[dict[str, Any]]:
    """The watch reports in a user's Inbox."""
    return [
        m
        for m in fake.folder(owner, "inbox")
        if any("SendGuardWatchReport" in p["id"] for p in m.get("singleValueExtendedProperties", []))
    ]
