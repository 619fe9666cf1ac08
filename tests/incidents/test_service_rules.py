"""The rules of recording an incident, called directly: which recipients are accepted, which steps follow and whom
they name, and how confusions are learned (pure, or with a session on the test database; no HTTP)."""

from __future__ import annotations

import uuid
from typing import Any, cast

import pytest
from sqlmodel import Session, select

from app.auth.dependencies import AuthContext
from app.auth.principal import Principal
from app.checks.schemas import MessageRef
from app.incidents.assessment import Assessment, Level
from app.incidents.exceptions import InvalidRecipients
from app.incidents.models import ConfusionPair, Incident
from app.incidents.schemas import IncidentCreate, IncidentDraft
from app.incidents.service import _learn_confusions, _on_gmail, _plan, _step, _steps, _validated_recipients
from app.mailbox.base import MailAddress, MailMessage
from app.tenants.identity import TenantIdentity, UserIdentity
from app.tenants.models import Tenant

SENDER = "alex@acme-trade.example"
WRONG = "erik@nordicsolar.example"
INTENDED = "laura@solis.example"
GOT_IT = "maria@solis.example"


def _auth(tenant_id: uuid.UUID | None = None) -> AuthContext:
    tenant = TenantIdentity(tenant_id or uuid.uuid4(), "dev:acme-trade.example", "Acme Trade Ltd.",
                            ("acme-trade.example",), "en", 1)  # fmt: skip
    user = UserIdentity(uuid.uuid4(), tenant.id, f"dev:{SENDER}", SENDER, "Alex Chen", "en", "member")
    return AuthContext(user, tenant, Principal(f"dev:{SENDER}", SENDER, tenant.key, tenant.name))


def _body(**fields: Any) -> IncidentCreate:
    fields.setdefault("message", {"to": [{"email": WRONG}]})
    fields.setdefault("wrong_recipients", [WRONG])
    return IncidentCreate(**fields)


def _message(*to: str) -> MailMessage:
    return MailMessage(id="sent-1", sender=SENDER, to=tuple(MailAddress(a) for a in to), subject="PI", body="")


# --- which recipients are accepted -------------------------------------------------------------------------------


def test_a_message_without_recipients_is_refused_saying_so() -> None:
    with pytest.raises(InvalidRecipients) as refused:
        _validated_recipients(_auth(), _message(), _body())
    assert refused.value.code == "message_without_recipients"
    assert refused.value.message == "The message has no recipients."


def test_each_problem_with_the_recipients_is_named_with_the_addresses_it_concerns() -> None:
    colleague = "lin@acme-trade.example"
    body = _body(wrong_recipients=[WRONG, "nobody@else.example", colleague], intended_recipients=[WRONG])
    with pytest.raises(InvalidRecipients) as refused:
        _validated_recipients(_auth(), _message(WRONG, colleague), body)
    assert refused.value.details == {
        "not_recipients": ["nobody@else.example"],
        "internal": [colleague],
        "both_wrong_and_intended": [WRONG],
    }


# --- which steps follow ------------------------------------------------------------------------------------------


def test_the_mail_client_is_gmail_when_the_request_says_so_or_the_message_is_read_from_gmail() -> None:
    assert _on_gmail(_body(client="gmail"))
    assert _on_gmail(_body(message=None, ref=MessageRef(provider="gmail", id="m1")))
    assert _on_gmail(_body(client="outlook", message=None, ref=MessageRef(provider="gmail", id="m1")))
    assert not _on_gmail(_body(client="outlook", message=None, ref=MessageRef(provider="graph", id="m1")))
    assert not _on_gmail(_body())


def _assessment(level: Level) -> Assessment:
    return Assessment(level, "general", "customer", (), (), ())


def _draft(kind: str, to: str) -> IncidentDraft:
    return IncidentDraft(kind=kind, to=[to], subject="s", body="b", body_text="b", language="en")


@pytest.mark.parametrize("level", ["low", "medium", "high", "critical"])
def test_gmail_offers_undo_outlook_a_recall_and_only_a_serious_send_is_escalated(level: Level) -> None:
    on_gmail = _plan(_assessment(level), [], [], gmail=True)
    on_outlook = _plan(_assessment(level), [], [], gmail=False)
    assert on_gmail[0] == "undo_send" and on_outlook[0] == "recall"
    assert on_gmail[1:] == on_outlook[1:]
    assert ("escalate" in on_outlook) == (level in ("high", "critical"))


def test_the_resend_step_names_only_who_is_resent_the_mail_and_only_record_starts_done() -> None:
    letters = [_draft("notice_intended_recipient", GOT_IT), _draft("notice_intended_recipient", INTENDED),
               _draft("resend_intended", INTENDED)]  # fmt: skip
    steps = [_step(step, letters) for step in _plan(_assessment("high"), [GOT_IT, INTENDED], letters, False)]
    assert steps == [
        {"id": "recall", "done": False},
        {"id": "stop_followups", "done": False},
        {"id": "escalate", "done": False},
        {"id": "apology", "done": False},
        {"id": "notice", "done": False},
        {"id": "resend", "done": False, "to": [INTENDED]},
        {"id": "record", "done": True},
    ]
    incident = Incident(tenant_id=uuid.uuid4(), user_id=uuid.uuid4(), level="high", content_class="general",
                        relation="customer", steps=steps, wrong_recipients=[WRONG],
                        intended_recipients=[GOT_IT, INTENDED])  # fmt: skip
    titles = {step.id: step.title for step in _steps(incident, "en")}
    assert titles["resend"] == f"Send the right content to {INTENDED}, who never received it."
    assert titles["notice"] == f"Tell {GOT_IT}, {INTENDED} yourself, before they hear it elsewhere."


# --- learning confusions -----------------------------------------------------------------------------------------


def _tenant(db: Session, domain: str) -> AuthContext:
    tenant = Tenant(key=f"dev:{domain}", name=domain, internal_domains=[domain])
    db.add(tenant)
    db.flush()
    return _auth(tenant.id)


def _pairs(db: Session, auth: AuthContext) -> dict[tuple[str, str], int]:
    found = db.exec(select(ConfusionPair).where(ConfusionPair.tenant_id == auth.tenant.id)).all()
    return {(p.intended, p.wrong): p.count for p in found}


def test_each_confusion_is_counted_once_per_incident_and_per_tenant(db: Session) -> None:
    acme, other = _tenant(db, "acme-trade.example"), _tenant(db, "other-trade.example")
    _learn_confusions(db, acme, [WRONG], [INTENDED])
    _learn_confusions(db, other, [WRONG], [INTENDED])
    _learn_confusions(db, acme, [WRONG, GOT_IT], [INTENDED])
    db.flush()
    assert _pairs(db, acme) == {(INTENDED, WRONG): 2, (INTENDED, GOT_IT): 1}
    assert _pairs(db, other) == {(INTENDED, WRONG): 1}
    updated = db.exec(select(ConfusionPair).where(ConfusionPair.wrong == WRONG)).all()
    assert all(p.updated_at is not None for p in updated)


class _RacedSession:
    """A session whose first look-up misses a pair another incident recorded at the same moment."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._looked_up = False

    def exec(self, statement: Any) -> Any:
        result = self._session.exec(statement)
        if not self._looked_up:
            self._looked_up = True
            return _Nothing()
        return result

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


class _Nothing:
    def first(self) -> None:
        return None


def test_a_pair_recorded_concurrently_does_not_stop_the_others_being_learned(db: Session) -> None:
    acme = _tenant(db, "acme-trade.example")
    _learn_confusions(db, acme, [WRONG], [INTENDED])
    _learn_confusions(cast(Session, _RacedSession(db)), acme, [WRONG, GOT_IT], [INTENDED])
    db.flush()
    assert _pairs(db, acme) == {(INTENDED, WRONG): 1, (INTENDED, GOT_IT): 1}
