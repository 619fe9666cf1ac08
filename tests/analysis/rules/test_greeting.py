import pytest

from app.analysis.rules.greeting import find_salutation, greeting_mismatch
from tests.analysis.conftest import context_for, draft

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


def test_a_bare_formal_opening_is_a_greeting(index):
    assert find_salutation("Madame Dubois,\nvoici notre offre.") is not None
    assert find_salutation("Herr Schmidt hat gestern angerufen.") is None


def test_don_and_dona_take_the_first_name():
    found = find_salutation("Estimada Doña Marta:")
    assert found is not None and (found.name, found.by_last_name) == ("marta", False)
