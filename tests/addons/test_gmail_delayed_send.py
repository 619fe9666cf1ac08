"""The safety delay in Gmail: with domain-wide delegation configured and the policy holding external mail, the
whole-draft card sends the checked draft later, cancellable until then (`pytest -k delegation`)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from sqlmodel import Session, select

from app.common import as_utc, utcnow
from app.config import Settings
from app.mailbox.fake_gmail import FakeGmail, sample_message
from app.mailbox.fake_google_oauth import TOKEN_PATH, FakeGoogleOAuth
from app.mailbox.gmail import GmailMailbox
from app.mailbox.gmail_delegation import DELEGATION_SCOPES
from app.policies.schemas import PolicyUpdate
from app.policies.service import replace
from app.scheduling.models import ScheduledSend
from app.scheduling.worker import Worker
from app.tenants.models import Tenant
from tests.addons.conftest import ALEX, Addon, all_text, buttons, cards_in, params
from tests.addons.servers import serve_asgi
from tests.mailbox.delegation_env import CLIENT_EMAIL, CLIENT_ID, KEY_ID, service_account_key

LAURA = ("Laura Gómez", "l.gomez@sunpeak.example")


@pytest.fixture(scope="module")
def delegation(gmail_api: tuple[FakeGmail, str]) -> Iterator[tuple[FakeGoogleOAuth, dict[str, Any]]]:
    oauth = FakeGoogleOAuth(gmail_api[0])
    with serve_asgi(oauth.app) as url:
        key, public_pem = service_account_key(url.rstrip("/") + TOKEN_PATH)
        oauth.register_key(CLIENT_EMAIL, CLIENT_ID, KEY_ID, public_pem)
        oauth.authorise("acme-trade.example", CLIENT_ID, DELEGATION_SCOPES)
        yield oauth, key


@pytest.fixture
def settings(settings: Settings, delegation: tuple[FakeGoogleOAuth, dict[str, Any]]) -> Settings:
    return settings.model_copy(update={"gmail_delegation_key": SecretStr(json.dumps(delegation[1]))})


@pytest.fixture
def held(demo: TestClient, db: Session, fake_gmail: FakeGmail) -> Iterator[FakeGmail]:
    """The demo directory, a policy that holds external mail for 5 minutes, and no drafts left over."""
    tenant = db.exec(select(Tenant)).one()
    replace(db, tenant, PolicyUpdate(hold_external_minutes=5))
    db.commit()
    fake_gmail.clear_drafts(ALEX)
    yield fake_gmail
    fake_gmail.clear_drafts(ALEX)


def whole_draft_card(addon: Addon, event: dict[str, Any]) -> dict[str, Any]:
    [compose] = cards_in(addon.post("compose", gmail=event))
    button = next(b for b in buttons(compose) if params(b)["action"] == "whole_draft")
    [card] = cards_in(addon.action("whole_draft", parameters=params(button), gmail=event))
    return card


def rows(db: Session) -> list[ScheduledSend]:
    db.expire_all()
    return list(db.exec(select(ScheduledSend)).all())


def worker_later(app: Any, settings: Settings, minutes: int) -> Worker:
    return Worker(
        app.state.engine, GmailMailbox(settings), settings, clock=lambda: utcnow() + timedelta(minutes=minutes)
    )


def drafts_sent(gmail: FakeGmail) -> int:
    return sum(1 for r in gmail.requests if r["method"] == "POST" and r["path"].endswith("/drafts/send"))


def test_delegation_safety_delay_sends_the_checked_draft_later(
    held: FakeGmail, addon: Addon, db: Session, app: Any, settings: Settings
) -> None:
    draft_id = held.save_draft(ALEX, sample_message(ALEX, [LAURA], "Catalogue 2027", "Dear Laura, our catalogue."))
    event = {"toRecipients": [LAURA[1]], "ccRecipients": [], "bccRecipients": []}
    card = whole_draft_card(addon, event)
    later = next(b for b in buttons(card) if params(b)["action"] == "delayed_send")
    assert params(later) == {"action": "delayed_send", "draft_id": draft_id, "minutes": "5"}

    [scheduled] = cards_in(addon.action("delayed_send", parameters=params(later), gmail=event))

    assert "Catalogue 2027" in all_text(scheduled)
    (row,) = rows(db)
    assert (row.provider, row.draft_id, row.status) == ("gmail", draft_id, "pending")
    assert timedelta(minutes=4) < as_utc(row.send_at) - utcnow() <= timedelta(minutes=5)
    asyncio.run(worker_later(app, settings, 1).run_once())  # not yet due
    assert drafts_sent(held) == 0

    asyncio.run(worker_later(app, settings, 6).run_once())

    assert rows(db)[0].status == "sent" and drafts_sent(held) == 1
    assert draft_id not in held.drafts_of(ALEX)


def test_delegation_safety_delay_can_be_cancelled_from_the_card(
    held: FakeGmail, addon: Addon, db: Session, app: Any, settings: Settings
) -> None:
    draft_id = held.save_draft(ALEX, sample_message(ALEX, [LAURA], "Offer", "Dear Laura"))
    event = {"toRecipients": [LAURA[1]], "ccRecipients": [], "bccRecipients": []}
    later = next(b for b in buttons(whole_draft_card(addon, event)) if params(b)["action"] == "delayed_send")
    [scheduled] = cards_in(addon.action("delayed_send", parameters=params(later), gmail=event))
    cancel = next(b for b in buttons(scheduled) if params(b)["action"] == "delayed_cancel")

    answer = addon.action("delayed_cancel", parameters=params(cancel))

    assert "Cancelled" in answer["renderActions"]["action"]["notification"]["text"]
    assert rows(db)[0].status == "cancelled"
    asyncio.run(worker_later(app, settings, 10).run_once())
    assert drafts_sent(held) == 0 and draft_id in held.drafts_of(ALEX)
    # Asking twice for the same draft is refused plainly, not scheduled twice.
    addon.action("delayed_send", parameters=params(later), gmail=event)
    again = addon.action("delayed_send", parameters=params(later), gmail=event)
    assert "notification" in again["renderActions"]["action"]
    assert len([r for r in rows(db) if r.status == "pending"]) == 1
