"""Trade names learned from what sent mail carries, and one company's domains proposed as one (or not)."""

from app.analysis.learning import LearnMessage, learn
from app.analysis.learning.phrases import display_company, greeted_team, subject_phrases
from app.analysis.learning.signatures import named_addresses, signature

ANNA = "anna@acme.example"
GERMAN = "Hallo Julia,\n\nanbei das Angebot. Bitte prüfen Sie die Preise und die Lieferzeit für die Ware.\n\nGruß"
CHINESE = "王伟您好，\n\n附件是报价单，请确认价格和交货期。\n\n祝好"


def mail(to: str, body: str = GERMAN, *, name: str = "", subject: str = "", files: tuple[str, ...] = (),
         cc: tuple[str, ...] = (), also: tuple[str, ...] = ()) -> LearnMessage:  # fmt: skip
    from app.analysis.learning import LearnAttachment

    return LearnMessage(
        ANNA,
        ((to, name), *((a, "") for a in also)),
        tuple((a, "") for a in cc),
        subject,
        body,
        attachments=tuple(LearnAttachment(f, f) for f in files),
    )


def quote(name: str, address: str, *lines: str) -> str:
    signed = "\n".join(f"> {line}" for line in lines)
    return (
        f"{GERMAN}\n\nAm 04.03.2026 um 10:15 schrieb {name} <{address}>:\n> Bitte um Preise.\n>\n> {name}\n{signed}\n"
    )


def org(proposal_orgs: tuple, domain: str):  # type: ignore[no-untyped-def, type-arg]
    return next(o for o in proposal_orgs if domain in o.domains or o.key == f"address:{domain}")


def test_multi_word_and_glued_names_of_subjects_and_file_names_become_one_alias() -> None:
    messages = [mail("j.fischer@hh-gruppe.de", subject=f"PI 2026-{n:03d} Helio Handel 40ft") for n in range(3)]
    messages += [mail("j.fischer@hh-gruppe.de", files=(f"Angebot_HelioHandel_{n:03d}.pdf",)) for n in range(3)]
    messages += [mail(f"x@other{n}.de", subject="Angebot Datasheet SP-450") for n in range(4)]
    messages += [mail("j.fischer@hh-gruppe.de", subject="Angebot Datasheet SP-450") for _ in range(2)]
    helio = org(learn(messages).organizations, "hh-gruppe.de")
    # as written, and glued as the files write it (that one finds both); not "Helio", "Handel", nor "Angebot" or
    # "Datasheet", which all organizations get
    assert helio.aliases == ("Helio Handel", "HelioHandel")


def test_a_chinese_trade_name_in_file_names_is_learned_and_a_document_word_is_not() -> None:
    messages = [mail("wangwei@sh-sunshine.com.cn", CHINESE, subject=f"合同 CN-4001 {n}",
                     files=(f"PI-上海阳光-2026-{n:03d}.pdf",)) for n in range(4)]  # fmt: skip
    messages.append(mail("chenjing@hg-electric.cn", CHINESE, subject="报价 华光电气"))
    sunshine = org(learn(messages).organizations, "sh-sunshine.com.cn")
    assert sunshine.aliases == ("上海阳光",) and sunshine.customer_codes == ("CN-4001",)


def test_a_chinese_name_glued_to_the_kind_of_document_is_learned_without_it() -> None:
    files = ("上海阳光报价单001.xlsx", "上海阳光形式发票002.pdf", "形式发票上海阳光003.pdf", "阳光电源合同004.pdf")
    messages = [mail("wangwei@sh-sunshine.com.cn", CHINESE, files=(name,)) for name in files[:3] for _ in range(2)]
    messages += [mail("li@other.cn", CHINESE, files=(f"{n}报价单.xlsx",)) for n in ("报价", "价格")]
    messages += [mail("wangwei@sh-sunshine.com.cn", CHINESE, files=("形式发票-CN-4001-007.pdf",)) for _ in range(3)]
    sunshine = org(learn(messages).organizations, "sh-sunshine.com.cn")
    assert sunshine.aliases == ("上海阳光",)
    assert sunshine.customer_codes == ("CN-4001",)  # not the document's "CN-4001-007"


def test_a_chinese_company_signing_with_its_english_name_gets_it_as_an_alias() -> None:
    body = quote("王伟", "wangwei@sh-sunshine.com.cn", "采购经理", "上海阳光新能源有限公司",
                 "Shanghai Sunshine New Energy Co., Ltd.", "Tel. +86 21 5555 1234")  # fmt: skip
    sunshine = learn([mail("wangwei@sh-sunshine.com.cn", body) for _ in range(2)]).organizations[0]
    assert sunshine.name == "上海阳光新能源有限公司"
    assert sunshine.aliases == ("Shanghai Sunshine New Energy Co., Ltd.",)
    assert sunshine.country == "CN"


def test_display_names_and_greetings_to_a_team_name_the_company() -> None:
    team = "Hallo Helio Handel-Team,\n\nanbei das Angebot. Bitte prüfen Sie die Preise.\n\nGruß"
    messages = [mail("j.fischer@hh-gruppe.de", name="Julia Fischer (Helio Handel)") for _ in range(2)]
    messages.append(mail("s.wagner@hh-gruppe.de", team, name="Stefan Wagner"))
    helio = learn(messages).organizations[0]
    assert helio.aliases == ("Helio Handel",)
    assert {c.name for c in helio.contacts} == {"Julia Fischer", "Stefan Wagner"}  # the company is not a name


def test_a_phone_number_in_the_signature_gives_a_com_company_its_country_and_a_rival_group() -> None:
    messages = []
    for domain, person in (("brightlinesolar.com", "Emily Johnson"), ("pacificsun-dist.com", "Jennifer Lee")):
        address = f"buyer@{domain}"
        body = quote(person, address, "Buyer", f"{domain.split('.')[0].title()} Inc.", "Tel. +1 512 555 0199")
        messages += [mail(address, body), mail(address, files=(f"Quotation_{domain}.xlsx",))]
        messages.append(mail(address, files=("Datasheet_EV22.pdf",)))
    messages += [mail(f"x@other{n}.de", files=(f"note{n}.txt",)) for n in range(6)]
    proposal = learn(messages)
    assert {o.country for o in proposal.organizations if o.domains[0].endswith(".com")} == {"US"}
    (rivals,) = proposal.rival_suggestions
    assert rivals.country == "US" and len(rivals.org_keys) == 2


def test_two_domains_signing_as_one_company_and_written_to_together_are_proposed_as_one() -> None:
    mueller, hoffmann = "t.mueller@sunpeak.de", "k.hoffmann@sunpeak-energy.com"
    messages = [
        mail(mueller, quote("Thomas Müller", mueller, "Einkauf", "SunPeak Energy GmbH", "Tel. +49 40 1234")),
        mail(hoffmann, quote("Katrin Hoffmann", hoffmann, "SunPeak Energy GmbH", "Tel. +49 40 1235")),
        mail(mueller, also=(hoffmann,)),
        mail(mueller, also=(hoffmann,)),
    ]
    (sunpeak,) = learn(messages).organizations
    assert set(sunpeak.domains) == {"sunpeak.de", "sunpeak-energy.com"} == set(sunpeak.merged_domains)
    assert set(sunpeak.merge_evidence) == {"same_company", "written_together", "related_domains"}
    assert 0.55 <= sunpeak.merge_confidence <= 0.95


def test_being_written_to_together_alone_merges_nothing() -> None:
    # a customer and its forwarder are copied on the same shipments
    messages = [mail("t.mueller@sunpeak.de", also=("ops@kuehne-logistics.de",)) for _ in range(5)]
    assert len(learn(messages).organizations) == 2


def test_two_companies_sharing_a_free_mail_provider_or_a_common_word_stay_apart() -> None:
    messages = [
        mail("maria.lopez@gmail.com", quote("María López", "maria.lopez@gmail.com", "Solar Import", "Tel. +34 91")),
        mail("karim.trading@gmail.com", quote("Ahmed Karim", "karim.trading@gmail.com", "Solar Import")),
        mail("a@solar-direct.de", quote("Anna Weber", "a@solar-direct.de", "Solar Direct GmbH", "Tel. +49 30")),
        mail("b@solar-world.de", quote("Ben Koch", "b@solar-world.de", "Solar World GmbH", "Tel. +49 30")),
        mail("a@solar-direct.de", also=("b@solar-world.de",)),
    ]
    proposal = learn(messages)
    assert len(proposal.organizations) == 4
    assert all(not o.merged_domains for o in proposal.organizations)


def test_namesakes_at_one_label_signing_as_different_companies_are_not_joined() -> None:
    messages = [
        mail("emma@rimo.co.uk", quote("Emma Smith", "emma@rimo.co.uk", "Rimo Power Ltd", "Tel. +44 20 7946")),
        mail("george@rimo.com", quote("George Brown", "george@rimo.com", "Rimo Supplies LLC", "Tel. +1 512 555")),
    ]
    assert len(learn(messages).organizations) == 2
    merged = learn([mail("emma@rimo.co.uk"), mail("george@rimo.com")]).organizations  # nothing against it
    assert len(merged) == 1 and merged[0].merge_evidence == ("same_name_other_suffix",)


def test_phrase_signature_and_header_helpers() -> None:
    assert ("helio handel", "HelioHandel") in set(subject_phrases("Quotation_HelioHandel_007"))
    assert not {k for k, _ in subject_phrases("Quotation_HelioHandel_007")} & {"helio", "handel"}  # never cut
    assert {k for k, _ in subject_phrases("Proforma-Rechnung HH-1002 Helio Handel")} >= {"helio handel", "proforma"}
    assert "hh" not in {k for k, _ in subject_phrases("Proforma-Rechnung HH-1002 Helio Handel")}  # a code's letters
    assert display_company("Li Wei (Shanghai Sunshine)") == ("Li Wei", "Shanghai Sunshine")
    assert display_company("Julia Fischer") == ("Julia Fischer", "")
    assert greeted_team("Dear Helio Handel team,\n\nplease find") == "Helio Handel"
    assert greeted_team("上海阳光团队您好，") == "上海阳光" and greeted_team("Dear Emma,") == ""
    assert named_addresses("Am 04.03.2026 um 10:15 schrieb Thomas Müller <t@x.de>:") == [("t@x.de", "Thomas Müller")]
    assert signature("> Li Na\n> 采购部\n> 温州小李五金商行\n> Tel. +86 577 1234\n", "Li Na") == (
        ["温州小李五金商行"],
        "CN",
    )
