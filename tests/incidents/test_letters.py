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
    index: DirectoryIndex, intended: list[str], default_language: str = "en"
) -> dict[tuple[str, str], IncidentDraft]:
    message = MailMessage(
        id="sent-1", sender=SENDER, to=(MailAddress(WRONG, "Erik Lindqvist"),), subject="Your PI",
        body="Hello, the PI is attached.", attachments=(MailAttachment(DOCUMENT, "application/pdf", 48211),),
    )  # fmt: skip
    draft = Draft(sender=SENDER, to=(Recipient(WRONG),), subject=message.subject, body=message.body,
                  attachments=(Attachment(DOCUMENT),))  # fmt: skip
    assessment = assess(check(draft, index), index, [WRONG], intended)
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
