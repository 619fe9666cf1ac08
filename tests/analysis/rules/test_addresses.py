import pytest

from app.analysis.rules.addresses import contact_mismatch, invalid_address, known_confusion, lookalike_domain
from tests.analysis.conftest import context_for, draft


def test_lookalike_one_edit_suggests_known_domain(index):
    [finding] = lookalike_domain(context_for(draft(to=["m.schmidt@solartec.de"]), index))
    assert finding.severity == "high"
    assert finding.evidence == ("solartec.de ~ solartech.de (edit)",)
    assert finding.fixes[0].to_dict() == {
        "type": "replace_recipient",
        "recipient": "m.schmidt@solartec.de",
        "suggestion": "m.schmidt@solartech.de",
    }


def test_lookalike_swapped_tld_and_subdomain_kept(index):
    [finding] = lookalike_domain(context_for(draft(to=["einkauf@mail.solartech.com"]), index))
    assert finding.params["known"] == "solartech.de"
    assert finding.fixes[0].suggestion == "einkauf@mail.solartech.de"


def test_lookalike_confusable_characters_and_punycode(index):
    [digit] = lookalike_domain(context_for(draft(to=["x@s0lartech.de"]), index))
    assert "confusable" in digit.evidence[0] or "edit" in digit.evidence[0]
    cyrillic = "sоlartech.de"  # Cyrillic "о"
    puny = cyrillic.encode("idna").decode("ascii")
    assert puny.startswith("xn--")
    [finding] = lookalike_domain(context_for(draft(to=[f"x@{puny}"]), index))
    assert finding.params["known"] == "solartech.de"
    assert "(confusable)" in finding.evidence[0]


def test_lookalike_of_internal_domain(index):
    [finding] = lookalike_domain(context_for(draft(to=["bob@acme-trade.exampel"]), index))
    assert finding.params["known"] == "acme-trade.example"


def test_lookalike_quiet_for_known_and_unrelated_domains(index):
    addresses = ["m.schmidt@solartech.de", "k@eu.solartech.de", "x@gmail.com", "y@totally-different.io", "z@ab.de"]
    assert lookalike_domain(context_for(draft(to=addresses), index)) == []


def test_contact_mismatch_display_name_with_other_address(index):
    d = draft(to=["michael.schmidt@gmail.com"], names={"michael.schmidt@gmail.com": "Michael Schmidt"})
    [finding] = contact_mismatch(context_for(d, index))
    assert finding.severity == "high"
    assert finding.fixes[0].suggestion == "m.schmidt@solartech.de"
    assert finding.params["org"] == "SolarTech GmbH"


def test_contact_mismatch_accents_and_cjk(index):
    d = draft(to=["jose@energia-solar.es"], names={"jose@energia-solar.es": "JOSE GARCIA"})
    assert contact_mismatch(context_for(d, index))[0].fixes[0].suggestion == "j.garcia@energiasolar.es"
    zh = draft(to=["wangwei@163.com"], names={"wangwei@163.com": "王伟"})
    assert contact_mismatch(context_for(zh, index))[0].fixes[0].suggestion == "wang.wei@sunnew.cn"


def test_contact_mismatch_quiet_for_right_address_and_single_words(index):
    right = draft(to=["m.schmidt@solartech.de"], names={"m.schmidt@solartech.de": "Schmidt, Michael"})
    assert contact_mismatch(context_for(right, index)) == []
    single = draft(to=["info@other.de"], names={"info@other.de": "Michael"})
    assert contact_mismatch(context_for(single, index)) == []


def test_known_confusion_suggests_intended(index):
    [finding] = known_confusion(context_for(draft(to=["m.schmidt@sonnenkraft.de"]), index))
    assert finding.fixes[0].to_dict() == {
        "type": "replace_recipient",
        "recipient": "m.schmidt@sonnenkraft.de",
        "suggestion": "m.schmidt@solartech.de",
    }


def test_known_confusion_quiet_when_intended_also_present(index):
    both = draft(to=["m.schmidt@sonnenkraft.de", "m.schmidt@solartech.de"])
    assert known_confusion(context_for(both, index)) == []
    assert known_confusion(context_for(draft(to=["m.schmidt@solartech.de"]), index)) == []


@pytest.mark.parametrize(
    ("address", "known", "reason"),
    [
        ("m.schmidt@soalrtech.de", "solartech.de", "edit"),  # two letters transposed
        ("m.schmidt@solartech.de.mail-box.net", "solartech.de", "embedded"),
        ("m.schmidt@solartech-de.com", "solartech.de", "embedded"),
        ("m.schmidt@solartech.cn.com", "solartech.de", "embedded"),
        ("m.schmidt@solar-tech.de", "solartech.de", "variant"),
        ("m.schmidt@solartechgmbh.com", "solartech.de", "variant"),
        ("lena@nordlichtenergie.de", "nordlicht-energie.de", "variant"),
        ("j.garcia@energíasolar.es", "energiasolar.es", "confusable"),
    ],
)
def test_lookalike_categories(index, address, known, reason):
    [finding] = lookalike_domain(context_for(draft(to=[address]), index))
    assert (finding.params["known"], finding.params["reason"]) == (known, reason)


def test_free_mail_is_never_a_lookalike(index):
    assert lookalike_domain(context_for(draft(to=["someone@gmx.de", "x@hotmail.es"]), index)) == []


@pytest.mark.parametrize(
    ("address", "fix"),
    [
        ("Michael Schmidt", {"type": "remove_recipient", "recipient": "michael schmidt"}),
        ("m.schmidt@solartech", {"type": "remove_recipient", "recipient": "m.schmidt@solartech"}),
        (
            "m.schmidt@solartech,de",
            {
                "type": "replace_recipient",
                "recipient": "m.schmidt@solartech,de",
                "suggestion": "m.schmidt@solartech.de",
            },
        ),
        ("a@@solartech.de", {"type": "remove_recipient", "recipient": "a@@solartech.de"}),
    ],
)
def test_invalid_address_is_high_and_offers_a_fix(index, address, fix):
    [finding] = invalid_address(context_for(draft(to=[address]), index))
    assert finding.severity == "high"
    assert finding.fixes[0].to_dict() == fix


def test_valid_addresses_including_idn_are_not_invalid(index):
    addresses = ["m.schmidt@solartech.de", "li@公司.中国", "x@xn--bcher-kva.de", "o'brien@shop.co.uk"]
    assert invalid_address(context_for(draft(to=addresses), index)) == []


@pytest.mark.parametrize(
    "name", ["Dr. Schmidt, Michael (SolarTech)", "Schmidt, Michael", "Michael Schmidt (SolarTech)"]
)
def test_display_names_with_titles_commas_and_company_name_the_contact(index, name):
    d = draft(to=["m.schmidt@sonnenkraft.de"], names={"m.schmidt@sonnenkraft.de": name})
    [finding] = contact_mismatch(context_for(d, index))
    assert (finding.severity, finding.params["suggestion"]) == ("high", "m.schmidt@solartech.de")


def test_another_address_at_the_contacts_own_company_is_a_note(index):
    d = draft(to=["michael@solartech.de"], names={"michael@solartech.de": "Michael Schmidt"})
    [finding] = contact_mismatch(context_for(d, index))
    assert finding.severity == "info"


def test_a_plus_tag_is_the_contacts_own_mailbox(index):
    d = draft(to=["m.schmidt+orders@solartech.de"], names={"m.schmidt+orders@solartech.de": "Michael Schmidt"})
    assert contact_mismatch(context_for(d, index)) == []


def test_full_width_characters_from_an_input_method_are_an_invalid_address(index):
    d = draft(to=["wang.wei@sunnew。cn"], names={"wang.wei@sunnew。cn": "王伟"})
    ctx = context_for(d, index)
    [finding] = invalid_address(ctx)
    assert finding.fixes[0].suggestion == "wang.wei@sunnew.cn"
    assert contact_mismatch(ctx) == []


def test_country_words_added_to_a_customer_domain_are_look_alikes(index):
    [finding] = lookalike_domain(context_for(draft(to=["pagos@energiasolar-es.com"]), index))
    assert finding.params["known"] == "energiasolar.es"
