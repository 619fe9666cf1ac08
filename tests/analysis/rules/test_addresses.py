from app.analysis.rules.addresses import contact_mismatch, known_confusion, lookalike_domain
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
