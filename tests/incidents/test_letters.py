"""Each letter in its reader's language (contact, then organization, then the tenant's default) and, for a reader
outside the directory, naming their company by their mail domain (pure: engine, index and letters, no database)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from app.analysis.directory import ContactEntry, DirectorySnapshot, OrgEntry
from app.analysis.draft import Attachment, Draft, Recipient
from app.analysis.engine import check
from app.analysis.index import DirectoryIndex, build_index
from app.auth.dependencies import AuthContext
from app.auth.principal import Principal
from app.incidents.assessment import assess
from app.incidents.letters import build_letters
from app.incidents.schemas import IncidentDraft
from app.mailbox.base import MailAddress, MailAttachment, MailMessage
from app.tenants.identity import TenantIdentity, UserIdentity

SENDER = "alex@acme-trade.example"
WRONG = "erik@nordicsolar.example"
NO_LANGUAGE = "h.vogel@vogel-solar.example"  # the contact has no language; the organization speaks German
OUTSIDE = "buyer@newco-energy.example"  # in no organization of the directory
DOCUMENT = "PI_2026-001.pdf"
SENT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def index() -> DirectoryIndex:
    orgs = (
        OrgEntry("nordic", "Nordic Solar AB", "customer", ("nordicsolar.example",), language="en"),
        OrgEntry("vogel", "Vogel Solartechnik GmbH", "customer", ("vogel-solar.example",), language="de"),
    )
    contacts = (
        ContactEntry("nordic", WRONG, "Erik Lindqvist", "en"),
        ContactEntry("vogel", NO_LANGUAGE, "Hans Vogel", None),
    )
    return build_index(DirectorySnapshot(1, ("acme-trade.example",), organizations=orgs, contacts=contacts))


def _auth(default_language: str) -> AuthContext:
    tenant = TenantIdentity(uuid.uuid4(), "dev:acme-trade.example", "Acme Trade Ltd.", ("acme-trade.example",),
                            default_language, 1)  # fmt: skip
    user = UserIdentity(uuid.uuid4(), tenant.id, f"dev:{SENDER}", SENDER, "Alex Chen", "en", "member")
    return AuthContext(user, tenant, Principal(f"dev:{SENDER}", SENDER, tenant.key, tenant.name))


def _letters(
    index: DirectoryIndex,
    intended: list[str],
    default_language: str = "en",
    *,
    wrong: tuple[str, ...] = (WRONG,),
    documents: tuple[str, ...] = (DOCUMENT,),
    subject: str = "Your PI",
) -> dict[tuple[str, str], IncidentDraft]:
    message = MailMessage(
        id="sent-1", sender=SENDER, to=tuple(MailAddress(w) for w in wrong), subject=subject,
        body="Hello, the PI is attached.", attachments=tuple(MailAttachment(d, "application/pdf", 48211) for d in documents),
    )  # fmt: skip
    draft = Draft(sender=SENDER, to=tuple(Recipient(w) for w in wrong), subject=subject, body=message.body,
                  attachments=tuple(Attachment(d) for d in documents))  # fmt: skip
    assessment = assess(check(draft, index), index, list(wrong), intended)
    letters = build_letters(_auth(default_language), index, message, assessment, intended, SENT, "en")
    return {(letter.kind, letter.to[0]): letter for letter in letters}


def test_a_contact_without_a_language_is_written_in_the_organizations(index: DirectoryIndex) -> None:
    letters = _letters(index, [NO_LANGUAGE], default_language="zh-CN")
    assert letters["notice_intended_recipient", NO_LANGUAGE].language == "de"
    assert letters["resend_intended", NO_LANGUAGE].language == "de"
    assert letters["apology_wrong_recipient", WRONG].language == "en"  # the wrong recipient's own language


@pytest.mark.parametrize("default_language", ["en", "de", "zh-CN"])
def test_a_reader_outside_the_directory_gets_the_tenants_default_language(
    index: DirectoryIndex, default_language: str
) -> None:
    letters = _letters(index, [OUTSIDE], default_language)
    assert letters["notice_intended_recipient", OUTSIDE].language == default_language
    assert letters["resend_intended", OUTSIDE].language == default_language


def test_the_notice_names_an_unknown_readers_company_by_its_domain(index: DirectoryIndex) -> None:
    notice = _letters(index, [OUTSIDE])["notice_intended_recipient", OUTSIDE]
    assert notice.recipient_name == "buyer"
    assert "newco-energy.example" in notice.body_text
    named = _letters(index, [NO_LANGUAGE])["notice_intended_recipient", NO_LANGUAGE]
    assert "Vogel Solartechnik GmbH" in named.body_text and "vogel-solar.example" not in named.body_text


def test_the_notice_names_the_documents_or_else_the_subject(index: DirectoryIndex) -> None:
    def named(documents: tuple[str, ...], subject: str) -> str:
        return _letters(index, [NO_LANGUAGE], documents=documents, subject=subject)[
            "notice_intended_recipient", NO_LANGUAGE
        ].body_text

    assert "PI_1.pdf, Packing_List_1.pdf" in named(("PI_1.pdf", "Packing_List_1.pdf"), "Your PI")
    assert "Ihre Bestellung 4711" in named((), "  Ihre Bestellung 4711 ")
    assert "habe ich — versehentlich" in named((), " ")  # German: the reader speaks it


def test_the_notice_says_the_worst_kind_of_wrong_recipient_without_naming_them(index: DirectoryIndex) -> None:
    # A customer and a stranger got it: the reader hears "another of our customers" (the worse of the two).
    letters = _letters(index, [OUTSIDE], wrong=("someone@unknown-co.example", WRONG))
    notice = letters["notice_intended_recipient", OUTSIDE].body_text
    assert "another of our customers" in notice and "Nordic Solar" not in notice
