"""How the watch recognises a message checked at send time: the check records a tenant-salted hash of the
message's internet message id, never the id itself (`pytest -k watch`)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checks.message_ids import message_hash
from app.checks.models import CheckRecord
from app.tenants.models import Tenant
from tests.helpers import MEMBER

INTERNET_ID = "<CAF=qz.7731@mail.acme-trade.example>"


def test_watch_check_records_only_a_salted_hash_of_the_message_id(client: TestClient, db: Session) -> None:
    draft = {"to": [{"email": "m.schmidt@solartech.example"}], "body": "Hello", "internet_message_id": INTERNET_ID}
    response = client.post("/v1/drafts/check", json={"trigger": "send", "draft": draft}, headers=MEMBER)
    assert response.status_code == 200, response.text
    record = db.exec(select(CheckRecord)).one()
    tenant = db.exec(select(Tenant)).one()
    assert record.message_hash == message_hash(tenant.id, INTERNET_ID)
    assert record.message_hash == message_hash(tenant.id, "CAF=qz.7731@mail.acme-trade.example")  # brackets aside
    assert "qz.7731" not in repr(record.model_dump())


def test_watch_message_hash_is_salted_per_tenant() -> None:
    import uuid

    first, second = uuid.uuid4(), uuid.uuid4()
    assert message_hash(first, INTERNET_ID) != message_hash(second, INTERNET_ID)
    assert message_hash(first, "  ") is None and message_hash(first, None) is None


def test_watch_check_without_a_message_id_records_no_hash(client: TestClient, db: Session) -> None:
    draft = {"to": [{"email": "m.schmidt@solartech.example"}], "body": "Hello"}
    assert client.post("/v1/drafts/check", json={"draft": draft}, headers=MEMBER).status_code == 200
    assert db.exec(select(CheckRecord)).one().message_hash is None
    too_long = {**draft, "internet_message_id": "x" * 1001}
    assert client.post("/v1/drafts/check", json={"draft": too_long}, headers=MEMBER).status_code == 422
