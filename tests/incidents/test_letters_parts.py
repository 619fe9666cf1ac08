"""The parts of each recovery letter: whose language it is written in (contact, then organization, then the tenant's
default), the reader's name, the subject and documents it names, its gloss, and what the notice may say about who got
the mail (pure: index, assessment and letters, no database)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from app.analysis.directory import ContactEntry, DirectorySnapshot, OrgEntry
from app.analysis.index import DirectoryIndex, build_index
from app.auth.dependencies import AuthContext
from app.auth.principal import Principal
from app.incidents.assessment import Assessment, RecipientRelation
from app.incidents.letters import _kind_seen_by, _wrong_kind_for, build_letters
from app.incidents.schemas import IncidentDraft
from app.mailbox.base import MailAddress, MailAttachment, MailMessage
from app.tenants.identity import TenantIdentity, UserIdentity

SENDER = "alex@acme-trade.example"
ENGLISH_AT_GERMAN = "anna@vogel-solar.example"  # the contact writes English; her organization speaks German
NO_LANGUAGE = "h.vogel@vogel-solar.example"  # the contact has no language; the organization speaks German
OUTSIDE = "buyer@newco-energy.example"  # in no organization of the directory
OTHER_OUTSIDE = "sales@other-energy.example"
SENT = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)

VOGEL = OrgEntry("vogel", "Vogel Solartechnik GmbH", "customer", ("vogel-solar.example",), language="de")
SOLIS = OrgEntry("solis", "Solis Energía", "customer", ("solis.example",), language="es", rival_group="pv-eu")
HELIOS = OrgEntry("helios", "Helios Power", "customer", ("helios.example",), language="en", rival_group="pv-eu")
LONER = OrgEntry("loner", "Loner Ltd", "customer", ("loner.example",), language="en")


@pytest.fixture(scope="module")
def index() -> DirectoryIndex:
    contacts = (
        ContactEntry("vogel", ENGLISH_AT_GERMAN, "Anna Weber", "en"),
        ContactEntry("vogel", NO_LANGUAGE, "Hans Vogel", None),
    )
    return build_index(DirectorySnapshot(1, ("acme-trade.example",), organizations=(VOGEL,), contacts=contacts))


def _auth(default_language: str = "en") -> AuthContext:
    tenant = TenantIdentity(uuid.uuid4(), "dev:acme-trade.example", "Acme Trade Ltd.", ("acme-trade.example",),
                            default_language, 1)  # fmt: skip
    user = UserIdentity(uuid.uuid4(), tenant.id, f"dev:{SENDER}", SENDER, "Alex Chen", "en", "member")
    return AuthContext(user, tenant, Principal(f"dev:{SENDER}", SENDER, tenant.key, tenant.name))


def _assessment(index: DirectoryIndex, wrong: list[str]) -> Assessment:
    def org(email: str) -> OrgEntry | None:
        found = index.org_index_for_address(email)
        return index.org(found) if found is not None else None

    recipients = tuple(RecipientRelation(w, "customer" if org(w) else "unrelated", org(w)) for w in wrong)
    return Assessment("medium", "general", recipients[0].relation, recipients, (), ())


def _letters(
    index: DirectoryIndex,
    to: list[MailAddress],
    intended: list[str] = [],  # noqa: B006 - never changed
    *,
    default_language: str = "en",
    documents: tuple[str, ...] = ("PI_2026-001.pdf",),
    subject: str = "Your PI",
    locale: str | None = "en",
) -> dict[tuple[str, str], IncidentDraft]:
    message = MailMessage(
        id="sent-1", sender=SENDER, to=tuple(to), subject=subject, body="Hello, the PI is attached.",
        attachments=tuple(MailAttachment(d, "application/pdf", 48211) for d in documents),
    )  # fmt: skip
    assessment = _assessment(index, [a.email.lower() for a in to])  # as the request gives them
    auth = _auth(default_language)
    if locale is None:
        letters = build_letters(auth, index, message, assessment, intended, SENT)
    else:
        letters = build_letters(auth, index, message, assessment, intended, SENT, locale)
    return {(letter.kind, letter.to[0]): letter for letter in letters}


# --- the language of each letter ---------------------------------------------------------------------------------


def test_every_letter_to_a_contact_is_in_the_contacts_own_language_before_the_organizations(
    index: DirectoryIndex,
) -> None:
    letters = _letters(index, [MailAddress(NO_LANGUAGE)], [ENGLISH_AT_GERMAN], default_language="zh-CN")
    assert letters["notice_intended_recipient", ENGLISH_AT_GERMAN].language == "en"
    assert letters["resend_intended", ENGLISH_AT_GERMAN].language == "en"
    apology = _letters(index, [MailAddress(ENGLISH_AT_GERMAN)], default_language="de")
    assert apology["apology_wrong_recipient", ENGLISH_AT_GERMAN].language == "en"


def test_an_apology_to_a_contact_without_a_language_is_in_the_organizations(index: DirectoryIndex) -> None:
    letters = _letters(index, [MailAddress(NO_LANGUAGE)], default_language="en")
    assert letters["apology_wrong_recipient", NO_LANGUAGE].language == "de"


@pytest.mark.parametrize("default_language", ["de", "zh-CN"])
def test_an_apology_to_a_stranger_is_in_the_tenants_default_language(
    index: DirectoryIndex, default_language: str
) -> None:
    letters = _letters(index, [MailAddress(OUTSIDE)], default_language=default_language)
    assert letters["apology_wrong_recipient", OUTSIDE].language == default_language


# --- the reader's name -------------------------------------------------------------------------------------------


def test_a_stranger_is_greeted_by_the_name_the_message_showed_for_their_own_address(index: DirectoryIndex) -> None:
    letters = _letters(index, [MailAddress(OUTSIDE, "Bea Buyer"), MailAddress(OTHER_OUTSIDE)])
    assert letters["apology_wrong_recipient", OUTSIDE].recipient_name == "Bea Buyer"
    # Another recipient's shown name is not theirs: without one of their own they get their address's local part.
    assert letters["apology_wrong_recipient", OTHER_OUTSIDE].recipient_name == "sales"
    assert "Bea Buyer" not in letters["apology_wrong_recipient", OTHER_OUTSIDE].body_text


def test_a_shown_name_is_found_whatever_the_case_of_the_address_in_the_message(index: DirectoryIndex) -> None:
    letters = _letters(index, [MailAddress(OUTSIDE.upper(), "Bea Buyer")])
    assert {letter.recipient_name for letter in letters.values()} == {"Bea Buyer"}


# --- what the apology names --------------------------------------------------------------------------------------


def test_an_apology_for_a_mail_without_a_subject_shows_a_dash(index: DirectoryIndex) -> None:
    letter = _letters(index, [MailAddress(OUTSIDE)], subject="  ")["apology_wrong_recipient", OUTSIDE]
    assert 'the subject "—"' in letter.body_text


def test_an_apology_lists_every_attachment(index: DirectoryIndex) -> None:
    letters = _letters(index, [MailAddress(OUTSIDE)], documents=("PI.pdf", "Prices.xlsx"))
    assert 'the attachment "PI.pdf, Prices.xlsx"' in letters["apology_wrong_recipient", OUTSIDE].body_text


# --- the gloss ---------------------------------------------------------------------------------------------------


def test_a_letter_in_another_language_carries_a_gloss_naming_its_reader(index: DirectoryIndex) -> None:
    letter = _letters(index, [MailAddress(NO_LANGUAGE)])["apology_wrong_recipient", NO_LANGUAGE]
    assert letter.language == "de"
    assert letter.gloss is not None
    assert letter.gloss.startswith("In German: apologises to Hans Vogel for the e-mail of 23 Nov 2026")


def test_without_a_locale_the_glosses_are_in_english(index: DirectoryIndex) -> None:
    english = _letters(index, [MailAddress(OUTSIDE)], locale=None)["apology_wrong_recipient", OUTSIDE]
    assert english.language == "en" and english.gloss is None
    german = _letters(index, [MailAddress(NO_LANGUAGE)], locale=None)["apology_wrong_recipient", NO_LANGUAGE]
    assert german.gloss is not None and german.gloss.startswith("In German:")


# --- what the notice may say about who got the mail --------------------------------------------------------------


def _rival(org: OrgEntry) -> RecipientRelation:
    return RecipientRelation(f"someone@{org.domains[0]}", "rival", org)


def test_a_rival_is_a_rival_only_to_a_company_of_its_own_rival_group() -> None:
    assert _kind_seen_by(_rival(SOLIS), HELIOS) == "rival"
    assert _kind_seen_by(_rival(SOLIS), LONER) == "customer"
    assert _kind_seen_by(_rival(SOLIS), None) == "customer"


def test_a_company_is_no_rival_of_itself_nor_are_two_companies_without_a_rival_group() -> None:
    assert _kind_seen_by(_rival(SOLIS), SOLIS) == "customer"
    no_group = OrgEntry("plain", "Plain GmbH", "customer", ("plain.example",), language="de")
    assert _kind_seen_by(_rival(LONER), no_group) == "customer"


def test_the_notice_names_the_worst_kind_of_recipient_and_other_when_there_is_none() -> None:
    unrelated = RecipientRelation(OUTSIDE, "unrelated", None)
    customer = RecipientRelation("x@loner.example", "customer", LONER)
    assessment = Assessment("high", "general", "rival", (unrelated, _rival(SOLIS), customer), (), ())
    assert _wrong_kind_for(assessment, HELIOS) == "rival"
    assert _wrong_kind_for(assessment, LONER) == "customer"
    assert _wrong_kind_for(Assessment("low", "general", "unrelated", (), (), ()), HELIOS) == "other"
