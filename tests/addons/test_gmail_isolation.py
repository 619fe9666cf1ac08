"""Colleagues on the Gmail add-on: Lin, in Alex's Workspace, cannot see or act on Alex's checks and incidents.

Every add-on route read from app.routes, and every action the action route knows, is sent Lin's signed event
carrying Alex's ids; Lin points at a message of her own, so only the ownership checks stand in the way.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.addons.gmail import service
from app.checks.models import CheckRecord
from app.incidents.models import Incident
from app.mailbox.fake_gmail import FakeGmail, sample_message
from tests.addons.conftest import ALEX, Addon, Google, all_text
from tests.addons.test_gmail_addon import compose_event, message_event, put_pi_sent_to_rival
from tests.routes import api_routes

LIN = "lin.wei@acme-trade.example"
LIN_TOKEN = "ya29.lin-user-token"
PREFIX = "/addons/gmail/"


def _alex_records(addon: Addon, fake_gmail: FakeGmail, db: Session) -> dict[str, str]:
    addon.post("compose", gmail=compose_event(["m.schmidt@solartec.de"]))
    message_id = put_pi_sent_to_rival(fake_gmail)
    addon.action(
        "wrong_assess",
        parameters={"message_id": message_id},
        gmail=message_event(message_id),
        form={
            "wrong": {"stringInputs": {"value": ["l.gomez@sunpeak.example"]}},
            "intended_other": {"stringInputs": {"value": ["m.schmidt@solartech.example"]}},
        },
    )
    check = db.exec(select(CheckRecord)).one()
    incident = db.exec(select(Incident)).one()
    return {
        "check_id": str(check.id),
        "incident_id": str(incident.id),
        "message_id": message_id,
        "user_id": str(check.user_id),
    }


def _lin_message(fake_gmail: FakeGmail) -> str:
    fake_gmail.add_user(LIN, LIN_TOKEN)
    raw = sample_message(
        LIN,
        [("Claudia Huber", "c.huber@alpen-pv.example")],
        "Hello",
        "Dear Claudia, hello.",
        attachments=[("PI_SolarTech_2026-001.pdf", "application/pdf", b"%PDF-1.4 PI SolarTech")],
    )
    return fake_gmail.put_message(LIN, raw)


def _alex_state(db: Session, fake_gmail: FakeGmail, user_id: str) -> tuple[Any, ...]:
    db.expire_all()
    checks = sorted(
        (str(c.id), c.outcome, tuple(c.dismissed))
        for c in db.exec(select(CheckRecord)).all()
        if str(c.user_id) == user_id
    )
    incidents = sorted(
        (str(i.id), str(i.user_id), i.status, json.dumps(i.mailbox_drafts), json.dumps(i.steps))
        for i in db.exec(select(Incident)).all()
    )
    return checks, incidents, sorted(fake_gmail.drafts_of(ALEX))


def test_a_colleague_on_gmail_cannot_reach_another_users_records(
    demo: TestClient, addon: Addon, google: Google, fake_gmail: FakeGmail, db: Session
) -> None:
    alex = _alex_records(addon, fake_gmail, db)
    lin_message = _lin_message(fake_gmail)
    lin_drafts_before = set(fake_gmail.drafts_of(LIN))
    before = _alex_state(db, fake_gmail, alex["user_id"])
    routes = [r for r in api_routes(demo.app) if r.path.startswith(PREFIX)]
    assert {r.path for r in routes} >= {PREFIX + name for name in ("homepage", "compose", "message", "action")}
    parameters = {
        "check_id": alex["check_id"],
        "incident_id": alex["incident_id"],
        "message_id": lin_message,
        "fix": "remove_recipient",
        "recipient": "x@unknown.example",
        "draft": json.dumps({"to": ["x@unknown.example"]}),
    }
    secrets = {alex["check_id"], alex["incident_id"], "lookalike_domain", "l.gomez@sunpeak.example"}
    sent = []
    for route in routes:
        name = route.path.removeprefix(PREFIX)
        actions = sorted(service._ACTIONS) if name == "action" else [None]
        for action in actions:
            event = addon.event(
                name,
                parameters={**parameters, **({"action": action} if action else {})},
                gmail={**message_event(lin_message), **compose_event(["x@unknown.example"])},
                id_token=google.user_token(email=LIN),
                user_token=LIN_TOKEN,
            )
            response = addon.raw(name, event)
            where = (name, action, response.status_code, response.text[:300])
            assert response.status_code == 200, where
            leaked = [s for s in secrets if s in all_text(response.json())]
            assert not leaked, (where, leaked)
            sent.append((name, action))
    assert ("action", "wrong_drafts") in sent and ("action", "fix") in sent and ("homepage", None) in sent
    assert _alex_state(db, fake_gmail, alex["user_id"]) == before
    assert set(fake_gmail.drafts_of(LIN)) == lin_drafts_before, "letters written for another user's incident"
