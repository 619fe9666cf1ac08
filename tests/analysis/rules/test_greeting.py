from dataclasses import replace

import pytest

from app.analysis.directory import ContactEntry
from app.analysis.findings import Finding
from app.analysis.index import build_index
from app.analysis.messages import title_and_message
from app.analysis.rules.greeting import find_salutation, greeting_mismatch
from tests.analysis.conftest import CONTACTS, context_for, draft, make_snapshot

ANNA = "a.weber@sonnenkraft.de"


@pytest.mark.parametrize(
    "body",
    [
        "Dear Michael,\nplease see the offer.",
        "Hi Michael Schmidt,\nthanks.",
        "Sehr geehrter Herr Schmidt,\nanbei das Angebot.",
        "Hallo Michael,\nwie besprochen.",
        "Hello Katrin,\n",
    ],
)
def test_greeting_names_other_contact(index, body):
    d = draft(to=[ANNA], names={ANNA: "Anna Weber"}, body=body)
    [finding] = greeting_mismatch(context_for(d, index))
    assert finding.severity == "medium"
    assert finding.params["name"] in ("Michael Schmidt", "Katrin Bauer")
    assert finding.evidence[0] in body


@pytest.mark.parametrize(
    ("to", "name", "body"),
    [
        ("j.garcia@energiasolar.es", "José García", "Estimado Michael:\nle adjunto la oferta."),
        ("p.dubois@soleil-distribution.fr", "Pierre Dubois", "Bonjour José,\nci-joint le devis."),
        ("p.dubois@soleil-distribution.fr", "Pierre Dubois", "Chère Madame Weber,\n"),
        ("j.garcia@energiasolar.es", "José García", "Hola Anna,\n"),
        ("m.schmidt@solartech.de", "Michael Schmidt", "王先生您好，\n附件是报价。"),
        ("wang.wei@sunnew.cn", "王伟", "Michael 您好，\n"),
        ("m.schmidt@solartech.de", "Michael Schmidt", "尊敬的王伟：\n"),
    ],
)
def test_greeting_mismatch_multilingual(index, to, name, body):
    d = draft(to=[to], names={to: name}, body=body)
    assert len(greeting_mismatch(context_for(d, index))) == 1


@pytest.mark.parametrize(
    ("to", "name", "body"),
    [
        (ANNA, "Anna Weber", "Dear Anna,\nplease find the offer."),
        (ANNA, "Anna Weber", "Sehr geehrte Frau Weber,\n"),
        ("j.garcia@energiasolar.es", "José García", "Estimado Jose:\n"),
        ("wang.wei@sunnew.cn", "王伟", "王先生您好，\n"),
        ("wang.wei@sunnew.cn", "", "王伟您好\n"),  # known contact found by address
        ("m.schmidt@solartech.de", "", "Dear Michael,\n"),  # name from local part / contact
        ("someone@newco.com", "", "Dear Michael,\n"),  # To has no known name: cannot tell
        (ANNA, "Anna Weber", "Dear all,\n"),
        (ANNA, "Anna Weber", "Dear Ferdinand,\n"),  # nobody known by that name
    ],
)
def test_greeting_quiet(index, to, name, body):
    d = draft(to=[to], names={to: name}, body=body)
    assert greeting_mismatch(context_for(d, index)) == []


def test_greeting_matches_any_to_recipient_and_ignores_quoted(index):
    d = draft(to=[ANNA, "m.schmidt@solartech.de"], names={ANNA: "Anna Weber"}, body="Dear Michael,\n")
    assert greeting_mismatch(context_for(d, index)) == []
    quoted = "Thanks Anna.\n\nOn Mon, 3 Mar 2026, Michael wrote:\n> Dear Michael,\n"
    d = draft(to=[ANNA], names={ANNA: "Anna Weber"}, body=quoted)
    assert greeting_mismatch(context_for(d, index)) == []


def test_find_salutation_extracts_title_and_name():
    found = find_salutation("\n\nSehr geehrter Herr Schmidt,\n")
    assert found is not None
    assert (found.name, found.by_last_name) == ("schmidt", True)
    assert find_salutation("Thanks for the call.\nBest\nAlex\nP.S.") is None


@pytest.mark.parametrize("greeting", ["王伟先生您好，", "尊敬的王伟先生：", "王总：", "王经理，您好", "Dear 王先生,"])
def test_chinese_greetings_by_name_and_title_name_the_contact(index, greeting):
    d = draft(
        to=["m.schmidt@solartech.de"],
        names={"m.schmidt@solartech.de": "Michael Schmidt"},
        body=greeting + "\n附件是报价。",
    )
    [finding] = greeting_mismatch(context_for(d, index))
    assert finding.params["contact"] == "wang.wei@sunnew.cn"


@pytest.mark.parametrize("greeting", ["王伟先生您好，", "王总：", "Dear 王先生,"])
def test_chinese_greetings_of_the_recipient_are_quiet(index, greeting):
    d = draft(to=["wang.wei@sunnew.cn"], body=greeting + "\n附件是报价。")
    assert greeting_mismatch(context_for(d, index)) == []


@pytest.mark.parametrize("greeting", ["Guten Tag Herr Dr. Schmidt,", "Sehr geehrter Herr Prof. Dr. Schmidt,"])
def test_academic_titles_in_german_greetings(index, greeting):
    d = draft(to=[ANNA], names={ANNA: "Anna Weber"}, body=greeting + "\nanbei das Angebot.")
    [finding] = greeting_mismatch(context_for(d, index))
    assert finding.params["contact"] == "m.schmidt@solartech.de"


@pytest.mark.parametrize(
    "greeting", ["Dear Mr. Michael Schmidt,", "Sehr geehrter Herr Michael Schmidt,", "Dear Mr Michael Schmidt"]
)
def test_a_title_before_a_full_name_greets_by_the_last_name(index, greeting):
    d = draft(to=[ANNA], names={ANNA: "Anna Weber"}, body=greeting + "\nplease find the offer.")
    [finding] = greeting_mismatch(context_for(d, index))
    assert finding.params["contact"] == "m.schmidt@solartech.de"
    found = find_salutation(greeting)
    assert found is not None and (found.name, found.by_last_name) == ("schmidt", True)


def test_a_title_before_a_name_and_a_lower_case_word_keeps_the_name():
    found = find_salutation("Dear Mr Schmidt thanks for the call")
    assert found is not None and (found.name, found.by_last_name) == ("schmidt", True)


def test_a_bare_formal_opening_is_a_greeting(index):
    assert find_salutation("Madame Dubois,\nvoici notre offre.") is not None
    assert find_salutation("Herr Schmidt hat gestern angerufen.") is None


def test_don_and_dona_take_the_first_name():
    found = find_salutation("Estimada Doña Marta:")
    assert found is not None and (found.name, found.by_last_name) == ("marta", False)


def test_greeting_card_names_the_greeted_contact_and_everyone_in_to(index):
    d = draft(
        to=[ANNA, "j.garcia@energiasolar.es"],
        cc=["m.schmidt@solartech.de"],
        names={"j.garcia@energiasolar.es": "José García"},
        body="Dear Michael,\nplease see the offer.",
    )
    [finding] = greeting_mismatch(context_for(d, index))
    assert finding == Finding(
        code="greeting_mismatch",
        severity="medium",
        recipients=(ANNA, "j.garcia@energiasolar.es"),
        evidence=("Dear Michael",),
        params={
            "greeting": "Dear Michael",
            "name": "Michael Schmidt",
            "contact": "m.schmidt@solartech.de",
            "to": "a.weber@sonnenkraft.de, José García",
        },
        key="contact:m.schmidt@solartech.de",
    )
    _title, message = title_and_message(finding, "en")
    assert "Dear Michael" in message and "Michael Schmidt" in message


# A directory where first names and surnames are shared across companies.
NAMESAKES = (
    ContactEntry("panelparts", "m.braun@panelparts.cn", "Michael Braun", "en"),
    ContactEntry("panelparts", "wang.fang@panelparts.cn", "王芳", "zh"),
    ContactEntry("iberica", "j.ruiz@energiasolar.es", "Javier Ruiz", "es"),
    *CONTACTS,
)


@pytest.fixture
def namesakes():
    return build_index(make_snapshot(contacts=NAMESAKES))


def _greeting_to_anna(idx, body):
    return greeting_mismatch(context_for(draft(to=[ANNA], names={ANNA: "Anna Weber"}, body=body), idx))


def test_a_full_name_greeting_finds_that_person_among_namesakes(namesakes):
    [finding] = _greeting_to_anna(namesakes, "Hi Michael Schmidt,\nthanks.")
    assert finding.params["contact"] == "m.schmidt@solartech.de"


def test_a_first_name_greeting_prefers_the_namesake_at_a_company_the_mail_names(namesakes):
    [finding] = _greeting_to_anna(namesakes, "Hi Michael,\nthe SolarTech order is confirmed.")
    assert finding.params["contact"] == "m.schmidt@solartech.de"
    [finding] = _greeting_to_anna(namesakes, "王总，您好\nSunnew Energy 的订单已确认。")
    assert finding.params["contact"] == "wang.wei@sunnew.cn"


def test_don_before_two_names_is_a_first_and_last_name(namesakes):
    d = draft(to=["j.garcia@energiasolar.es"], names={"j.garcia@energiasolar.es": "José García"})
    body = "Estimado Don Javier Ruiz:\nle adjunto la oferta."
    [finding] = greeting_mismatch(context_for(replace(d, body=body), namesakes))
    assert finding.params["contact"] == "j.ruiz@energiasolar.es"


def test_a_first_name_followed_by_another_word_is_the_first_name(index):
    [finding] = _greeting_to_anna(index, "Hi Michael thanks for the call.\nSee the offer.")
    assert finding.params["contact"] == "m.schmidt@solartech.de"
    own = draft(to=["m.schmidt@solartech.de"], names={"m.schmidt@solartech.de": "Michael Schmidt"})
    body = "Hi Michael thanks for the call."
    assert greeting_mismatch(context_for(replace(own, body=body), index)) == []


def test_a_latin_name_before_nihao_is_a_salutation(index):
    d = draft(to=["wang.wei@sunnew.cn"], names={"wang.wei@sunnew.cn": "王伟"}, body="Tom Lee 您好，\n订单已发货。")
    [finding] = greeting_mismatch(context_for(d, index))
    assert (finding.evidence, finding.params["contact"]) == (("Tom Lee 您好",), "tom.lee@fastfreight.com")


def test_a_chinese_greeting_to_someone_with_the_same_surname_names_the_other_person(index):
    d = draft(to=["wang.fang@sunnew.cn"], names={"wang.fang@sunnew.cn": "王芳"}, body="王伟，您好\n订单已发货。")
    [finding] = greeting_mismatch(context_for(d, index))
    assert (finding.evidence, finding.params["contact"]) == (("王伟，您好",), "wang.wei@sunnew.cn")
    titled = replace(d, body="王伟先生，\n订单已发货。")
    [finding] = greeting_mismatch(context_for(titled, index))
    assert (finding.evidence, finding.params["contact"]) == (("王伟先生，",), "wang.wei@sunnew.cn")


def test_a_chinese_name_nobody_in_the_directory_has_is_not_a_mismatch(index):
    assert _greeting_to_anna(index, "王芳，您好\n订单已发货。") == []


def test_a_recipient_whose_display_name_is_an_address_may_be_the_person_greeted(index):
    d = draft(to=["buyer@newco.example"], names={"buyer@newco.example": "buyer@newco.example"}, body="Dear Michael,\n")
    assert greeting_mismatch(context_for(d, index)) == []
    named = draft(to=["buyer@newco.example"], names={"buyer@newco.example": "Lisa Braun"}, body="Dear Michael,\n")
    assert greeting_mismatch(context_for(named, index))[0].params["to"] == "Lisa Braun"


@pytest.mark.parametrize("address", ["michael_schmidt@newco.example", "michael.schmidt@newco.example"])
def test_the_greeted_name_in_the_recipients_mailbox_is_a_match(index, address):
    d = draft(to=[address], names={address: "Newco Einkauf"}, body="Dear Michael Schmidt,\nplease see the offer.")
    assert greeting_mismatch(context_for(d, index)) == []
