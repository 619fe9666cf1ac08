import pytest

from app.analysis.directory import ContactEntry
from app.analysis.findings import Finding, Fix
from app.analysis.index import build_index
from app.analysis.messages import title_and_message
from app.analysis.rules.addresses import contact_mismatch, invalid_address, known_confusion, lookalike_domain
from tests.analysis.conftest import CONTACTS, context_for, draft, make_snapshot


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


def test_invalid_address_card_names_the_address_its_problem_and_the_repair(index):
    d = draft(to=["m.schmidt@solartech.de", "k.bauer@solartech,de"], cc=["Katrin Bauer"])
    repaired, unfixable = invalid_address(context_for(d, index))
    assert repaired == Finding(
        code="invalid_address",
        severity="high",
        recipients=("k.bauer@solartech,de",),
        evidence=("k.bauer@solartech,de: invalid domain",),
        fixes=(Fix("replace_recipient", recipient="k.bauer@solartech,de", suggestion="k.bauer@solartech.de"),),
        params={"recipient": "k.bauer@solartech,de", "problem": "invalid domain", "suggestion": "k.bauer@solartech.de"},
        key="address:k.bauer@solartech,de",
    )
    assert unfixable.params == {"recipient": "katrin bauer", "problem": "no @", "suggestion": ""}
    assert unfixable.evidence == ("katrin bauer: no @",)
    _title, message = title_and_message(repaired, "en")
    assert "k.bauer@solartech,de" in message and "k.bauer@solartech.de" in message
    assert title_and_message(unfixable, "en")[1].count("katrin bauer") >= 1


def test_lookalike_card_after_internal_known_and_free_mail_recipients(index):
    d = draft(
        to=["alex@acme-trade.example", "m.schmidt@solartech.de", "someone@gmail.com", "k.bauer@solartec.de"],
    )
    [finding] = lookalike_domain(context_for(d, index))
    assert finding == Finding(
        code="lookalike_domain",
        severity="high",
        recipients=("k.bauer@solartec.de",),
        evidence=("solartec.de ~ solartech.de (edit)",),
        fixes=(Fix("replace_recipient", recipient="k.bauer@solartec.de", suggestion="k.bauer@solartech.de"),),
        params={
            "recipient": "k.bauer@solartec.de",
            "domain": "solartec.de",
            "known": "solartech.de",
            "suggestion": "k.bauer@solartech.de",
            "reason": "edit",
        },
        key="domain:solartech.de",
    )
    _title, message = title_and_message(finding, "en")
    assert "solartec.de" in message and "solartech.de" in message


def test_an_undeliverable_address_near_a_known_domain_is_only_invalid(index):
    ctx = context_for(draft(to=["m.schmidt@solartec..de"]), index)
    assert [f.code for f in invalid_address(ctx)] == ["invalid_address"]
    assert lookalike_domain(ctx) == []


def test_contact_mismatch_card_after_a_correct_recipient(index):
    d = draft(
        to=["k.bauer@solartech.de", "michael.schmidt@gmail.com"],
        names={"k.bauer@solartech.de": "Katrin Bauer", "michael.schmidt@gmail.com": "Dr. Michael Schmidt"},
    )
    [finding] = contact_mismatch(context_for(d, index))
    assert finding == Finding(
        code="contact_mismatch",
        severity="high",
        recipients=("michael.schmidt@gmail.com",),
        evidence=("Dr. Michael Schmidt <michael.schmidt@gmail.com> ≠ m.schmidt@solartech.de",),
        fixes=(Fix("replace_recipient", recipient="michael.schmidt@gmail.com", suggestion="m.schmidt@solartech.de"),),
        params={
            "name": "Dr. Michael Schmidt",
            "recipient": "michael.schmidt@gmail.com",
            "suggestion": "m.schmidt@solartech.de",
            "org": "SolarTech GmbH",
        },
        key="contact:m.schmidt@solartech.de",
    )
    _title, message = title_and_message(finding, "en")
    assert "Dr. Michael Schmidt" in message and "m.schmidt@solartech.de" in message


def test_a_colleagues_name_on_a_known_contacts_address_is_a_note(index):
    d = draft(to=["m.schmidt@solartech.de"], names={"m.schmidt@solartech.de": "Katrin Bauer"})
    [finding] = contact_mismatch(context_for(d, index))
    assert (finding.severity, finding.fixes[0].suggestion) == ("info", "k.bauer@solartech.de")


def test_a_namesake_at_the_recipients_own_company_is_preferred():
    namesake = ContactEntry("sonnenkraft", "m.schmidt@sonnenkraft.de", "Michael Schmidt", "de")
    idx = build_index(make_snapshot(contacts=(namesake, *CONTACTS), confusions=()))
    d = draft(to=["michael@solartech.de"], names={"michael@solartech.de": "Michael Schmidt"})
    [finding] = contact_mismatch(context_for(d, idx))
    assert (finding.severity, finding.fixes[0].suggestion) == ("info", "m.schmidt@solartech.de")


def test_a_tagged_address_in_the_directory_is_that_contacts_own():
    tagged = ContactEntry("solartech", "orders+eu@solartech.de", "Order Desk", "de")
    idx = build_index(make_snapshot(contacts=(*CONTACTS, tagged)))
    d = draft(to=["orders+eu@solartech.de"], names={"orders+eu@solartech.de": "Order Desk"})
    assert contact_mismatch(context_for(d, idx)) == []


def test_several_plus_tags_still_reach_the_contacts_mailbox(index):
    address = "m.schmidt+orders+eu@solartech.de"
    d = draft(to=[address], names={address: "Michael Schmidt"})
    assert contact_mismatch(context_for(d, index)) == []


def test_a_one_word_directory_name_is_not_a_persons_identity():
    desk = ContactEntry("solartech", "sales@solartech.de", "Sales", "de")
    idx = build_index(make_snapshot(contacts=(*CONTACTS, desk)))
    d = draft(to=["sales@other-company.example"], names={"sales@other-company.example": "Sales"})
    assert contact_mismatch(context_for(d, idx)) == []


def test_a_second_surname_added_to_a_known_name_still_names_the_contact(index):
    d = draft(to=["jose@gmail.com"], names={"jose@gmail.com": "José García López"})
    [finding] = contact_mismatch(context_for(d, index))
    assert finding.fixes[0].suggestion == "j.garcia@energiasolar.es"
    full = ContactEntry("iberica", "l.garcia@energiasolar.es", "Laura García Pérez", "es")
    idx = build_index(make_snapshot(contacts=(*CONTACTS, full)))
    d = draft(to=["laura@gmail.com"], names={"laura@gmail.com": "Laura García Pérez"})
    assert contact_mismatch(context_for(d, idx))[0].fixes[0].suggestion == "l.garcia@energiasolar.es"


def test_known_confusion_card_after_an_unconfused_recipient(index):
    d = draft(to=["k.bauer@solartech.de", "m.schmidt@sonnenkraft.de"])
    [finding] = known_confusion(context_for(d, index))
    assert finding == Finding(
        code="known_confusion",
        severity="high",
        recipients=("m.schmidt@sonnenkraft.de",),
        evidence=("m.schmidt@sonnenkraft.de was sent mail meant for m.schmidt@solartech.de",),
        fixes=(Fix("replace_recipient", recipient="m.schmidt@sonnenkraft.de", suggestion="m.schmidt@solartech.de"),),
        params={"recipient": "m.schmidt@sonnenkraft.de", "suggestion": "m.schmidt@solartech.de"},
        key="intended:m.schmidt@solartech.de",
    )
    _title, message = title_and_message(finding, "en")
    assert "m.schmidt@sonnenkraft.de" in message and "m.schmidt@solartech.de" in message
