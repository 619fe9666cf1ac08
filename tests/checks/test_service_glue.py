"""The check service's glue, called directly: what a message carries reaches the Draft the engine sees, the caller's
correspondents and the tenant's document history reach its context, the body limit is the limit, and a scan answers
with what it found."""

from __future__ import annotations

import base64
import functools
import hashlib
import time
from typing import Any

import pytest
from sqlmodel import Session, select
from starlette.datastructures import State

from app.analysis.attachments import Extraction, ExtractionLimits
from app.analysis.documents import DocumentHistory, DocumentOwner
from app.auth.dependencies import AuthContext
from app.auth.principal import Principal
from app.checks import router, service
from app.checks.exceptions import BodyTooLarge
from app.checks.extraction import ExtractionPool
from app.checks.history import user_history
from app.checks.schemas import CheckRequest, DraftIn, ScanRequest
from app.config import Settings
from app.demo import ALEX, load_demo_data
from app.mailbox.base import MailAddress, MailAttachment, MailMessage
from app.observability import Metrics
from app.tenants.identity import TenantIdentity, UserIdentity
from app.tenants.models import Tenant, User

NEWCOMER = "first@far-away.example"
LAURA = "l.gomez@sunpeak.example"
OFFER = b"Offer 2026-17\nSolar modules, 40 pieces\nTotal EUR 12,000\n"


def demo_auth(db: Session, email: str = ALEX) -> AuthContext:
    """The demo tenant loaded, and the context of one of its users (as the identity cache would give it)."""
    load_demo_data(db)
    user_history.clear()
    user = db.exec(select(User).where(User.email == email)).one()
    tenant = db.exec(select(Tenant).where(Tenant.id == user.tenant_id)).one()
    principal = Principal(subject=user.subject, email=user.email, tenant_key=tenant.key, tenant_name=tenant.name)
    return AuthContext(user=UserIdentity.of(user), tenant=TenantIdentity.of(tenant), principal=principal)


def analyse(app: Any, db: Session, auth: AuthContext, message: MailMessage, **kwargs: Any) -> Any:
    state = app.state
    return service.analyse(db, auth, state.index_cache, state.settings, state.extractor, message, **kwargs)


def codes(result: Any) -> set[str]:
    return {f.code for f in result.findings}


class _FixedExtraction(ExtractionPool):
    """Answers every file with one extraction, without a worker process."""

    def __init__(self, extraction: Extraction) -> None:
        super().__init__(1, 0)
        self.extraction = extraction
        self.seconds_left: list[float] = []

    def extract(
        self, name: str, content_type: str, data: bytes, limits: ExtractionLimits, deadline: float, owner: str = ""
    ) -> Extraction:
        self.seconds_left.append(deadline - time.monotonic())
        return self.extraction


def test_the_request_draft_keeps_each_recipients_display_name() -> None:
    draft = DraftIn.model_validate(
        {
            "to": [{"email": "a@x.example", "name": "Ann"}],
            "cc": [{"email": "b@x.example", "name": "Ben"}],
            "bcc": [{"email": "c@x.example", "name": "Cleo"}],
        }
    )
    message = service.message_from_request(draft, Settings(_env_file=None))
    assert [(r.email, r.name) for r in (*message.to, *message.cc, *message.bcc)] == [
        ("a@x.example", "Ann"),
        ("b@x.example", "Ben"),
        ("c@x.example", "Cleo"),
    ]


def test_the_draft_carries_every_part_of_the_message(app: Any, db: Session) -> None:
    auth = demo_auth(db)
    message = MailMessage(
        id="",
        sender="sales@acme-trade.example",
        to=(MailAddress("a@x.example", "Ann"),),
        cc=(MailAddress("b@x.example", "Ben"),),
        bcc=(MailAddress("c@x.example", "Cleo"),),
        subject="Offer 17",
        body="<p>Dear Ann</p>",
        body_format="html",
    )
    _result, _index, draft = analyse(app, db, auth, message)
    assert draft.sender == "sales@acme-trade.example"
    assert [(r.email, r.name) for r in draft.to] == [("a@x.example", "Ann")]
    assert [(r.email, r.name) for r in draft.cc] == [("b@x.example", "Ben")]
    assert [(r.email, r.name) for r in draft.bcc] == [("c@x.example", "Cleo")]
    assert (draft.subject, draft.body, draft.body_format) == ("Offer 17", "<p>Dear Ann</p>", "html")


def test_a_draft_without_a_sender_is_sent_by_the_signed_in_user(app: Any, db: Session) -> None:
    auth = demo_auth(db)
    _result, _index, draft = analyse(app, db, auth, MailMessage(id="", sender="", to=(MailAddress(LAURA),)))
    assert draft.sender == ALEX


def test_attachments_reach_the_draft_with_size_type_class_and_hash(app: Any, db: Session) -> None:
    auth = demo_auth(db)
    known = "ab" * 32
    message = MailMessage(
        id="",
        sender=ALEX,
        to=(MailAddress(LAURA),),
        attachments=(
            MailAttachment(name="offer.txt", content_type="text/plain", size=1, content=OFFER),
            MailAttachment(name="PI.pdf", content_type="application/pdf", size=48211, sha256=known),
        ),
    )
    _result, _index, draft = analyse(app, db, auth, message)
    read, named = draft.attachments
    assert (read.name, read.size, read.content_type) == ("offer.txt", len(OFFER), "text/plain")
    assert read.sha256 == hashlib.sha256(OFFER).hexdigest()
    assert read.doc_class == "quotation" and read.text
    assert (named.name, named.size, named.content_type, named.sha256) == ("PI.pdf", 48211, "application/pdf", known)
    assert named.doc_class is None  # never scanned here


def test_the_callers_correspondents_reach_the_engine(app: Any, db: Session) -> None:
    auth = demo_auth(db)
    message = MailMessage(id="", sender=ALEX, to=(MailAddress(NEWCOMER),), body="Hello")
    assert "first_time_recipient" in codes(analyse(app, db, auth, message)[0])
    known = analyse(app, db, auth, message, correspondents=frozenset({NEWCOMER}))
    assert "first_time_recipient" not in codes(known[0])


def test_the_router_passes_the_mailboxs_correspondents_on(app: Any, db: Session) -> None:
    auth = demo_auth(db)
    message = MailMessage(id="", sender=ALEX, to=(MailAddress(NEWCOMER),), body="Hello")
    state = State(
        {
            "index_cache": app.state.index_cache,
            "settings": app.state.settings,
            "extractor": app.state.extractor,
            "metrics": Metrics(),
            "recorder": None,
        }
    )
    body = CheckRequest.model_validate({"trigger": "compose", "draft": {"body": "Hello"}})
    run = functools.partial(router._check, auth=auth, state=state, message=message, body=body)
    assert "first_time_recipient" in {f.code for f in run(db, correspondents=None).findings}
    assert "first_time_recipient" not in {f.code for f in run(db, correspondents=frozenset({NEWCOMER})).findings}


def test_the_tenants_document_history_reaches_the_engine(
    app: Any, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    auth = demo_auth(db)
    sha = "cd" * 32
    solartech = DocumentOwner(name="SolarTech GmbH", domains=frozenset({"solartech.example"}))
    history = DocumentHistory(by_hash={sha: (solartech,)})
    message = MailMessage(
        id="",
        sender=ALEX,
        to=(MailAddress(LAURA),),
        body="Dear Laura, the file you asked for.",
        attachments=(MailAttachment(name="file.pdf", size=1000, sha256=sha),),
    )
    assert "content_mismatch" not in codes(analyse(app, db, auth, message)[0])
    monkeypatch.setattr(app.state.index_cache.documents, "for_tenant", lambda session, tenant_id: history)
    findings = [f for f in analyse(app, db, auth, message)[0].findings if f.code == "content_mismatch"]
    assert [f.params["variant"] for f in findings] == ["content_mismatch_file_history"]


def test_a_body_of_exactly_the_limit_is_checked_and_one_more_character_is_refused(
    app: Any, db: Session, settings: Settings
) -> None:
    auth = demo_auth(db)
    limited = settings.model_copy(update={"max_body_chars": 1000})
    state = app.state
    at_limit = MailMessage(id="", sender=ALEX, to=(MailAddress(LAURA),), body="x" * 1000)
    service.analyse(db, auth, state.index_cache, limited, state.extractor, at_limit)
    with pytest.raises(BodyTooLarge) as refused:
        service.analyse(
            db, auth, state.index_cache, limited, state.extractor, MailMessage(id="", sender=ALEX, body="x" * 1001)
        )
    assert refused.value.details == {"max_chars": 1000}


def test_a_scan_answers_with_the_files_language_and_the_extraction_error(app: Any, db: Session) -> None:
    auth = demo_auth(db)
    text = "Sehr geehrte Damen und Herren, anbei erhalten Sie unser Angebot für die Lieferung der Module. " * 3
    extractor = _FixedExtraction(Extraction(text, True, "pdf", "timeout"))
    body = ScanRequest(
        name="angebot.pdf", content_type="application/pdf", content_base64=base64.b64encode(b"%PDF").decode()
    )
    answer = service.scan_attachment(db, auth, app.state.index_cache, app.state.settings, extractor, body)
    assert answer.language == "de"
    assert answer.error == "timeout"
    assert answer.truncated is True
    assert 0 < extractor.seconds_left[0] <= app.state.settings.extraction_seconds  # the whole budget, from now


def test_a_file_of_exactly_the_limit_sent_as_mime_wrapped_base64_is_taken() -> None:
    data = bytes(range(256)) * 120  # 30,720 bytes: 540 lines of 76 characters, each ended by CRLF
    wrapped = base64.encodebytes(data).decode().replace("\n", "\r\n")
    draft = DraftIn.model_validate({"attachments": [{"name": "pi.pdf", "content_base64": wrapped}]})
    limited = Settings(max_attachment_bytes=len(data), _env_file=None)
    assert service.message_from_request(draft, limited).attachments[0].content == data
