"""A learning job over Gmail with domain-wide delegation: the real Gmail provider and its sent-mail reader, talking
HTTP to the fake Gmail and the fake Google token service, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from email.utils import format_datetime
from typing import Any

import anyio
import pytest
from sqlmodel import Session

from app.auth.principal import Principal
from app.config import Settings
from app.learning import service
from app.learning.runner import LearningRunner
from app.mailbox.fake_gmail import sample_message
from app.mailbox.gmail import GmailMailbox
from app.tenants.identity import TenantIdentity, UserIdentity
from app.tenants.service import resolve
from tests.learning.mailbox_gen import SentMail, generate
from tests.mailbox.delegation_env import DOMAIN, Workspace, workspace

SALES = (f"alex@{DOMAIN}", f"boss@{DOMAIN}")


@pytest.fixture
def ws() -> Iterator[Workspace]:  # its own Gmail per test: each database run loads the same mail
    with workspace() as made:
        made.authorise()
        yield made


def raw_mail(sender: str, mail: SentMail) -> bytes:
    raw = sample_message(
        sender,
        [(name, address) for address, name in mail.to],
        mail.subject,
        mail.body,
        cc=[(name, address) for address, name in mail.cc] or None,
        attachments=[(a.name, "application/octet-stream", a.content) for a in mail.attachments] or None,
    )
    return raw.replace(b"From:", f"Date: {format_datetime(mail.sent_at)}\r\nFrom:".encode(), 1)


def sign_in(session: Session, address: str, role: Any = "member") -> tuple[TenantIdentity, UserIdentity]:
    principal = Principal(
        subject=f"google:{address}",
        email=address,
        tenant_key=f"google:{DOMAIN}",
        tenant_name=DOMAIN,
        role=role,
        internal_domains=(DOMAIN,),
    )
    return resolve(session, principal, signup_open=True)


def test_a_learning_job_reads_every_sales_mailbox_through_gmail_delegation(app: Any, ws: Workspace) -> None:
    mailbox = generate(seed=11, messages=160)
    for n, sender in enumerate(SALES):
        for mail in mailbox.messages[n::2]:
            ws.gmail.put_message(sender, raw_mail(sender, mail))
    engine = app.state.engine
    with Session(engine, expire_on_commit=False) as session:
        sign_in(session, SALES[0])
        tenant, boss = sign_in(session, SALES[1], role="admin")
        job = service.start(session, tenant, boss, months=24, can_read=True)
        session.commit()
    settings = Settings(_env_file=None, **ws.settings_values())  # type: ignore[call-arg, arg-type]
    gmail = GmailMailbox(settings)

    async def run() -> str:
        try:
            return await LearningRunner(engine, gmail, page_size=25).run(job.id)
        finally:
            await gmail.aclose()

    assert anyio.run(run) == "done"
    with Session(engine) as session:
        done = service.get(session, tenant, job.id)
        assert done.messages_read == 160 and done.status == "done"
        proposal = service.proposal_view(session, tenant, job.id)
    written = {address for mail in mailbox.messages for address, _ in mail.to}
    proposed = {address for org in proposal.organizations for address in org["addresses"]}
    assert written <= proposed
    owners = {org["owner_email"] for org in proposal.organizations if org["messages"]}
    assert owners <= set(SALES) and len(owners) == 2  # each salesperson owns the customers they write to
    # Both mailboxes were read with the delegated token of their own user, none other.
    assert set(ws.oauth.grants) == set(SALES)
