import pytest

from app.analysis.rules.content import content_mismatch
from tests.analysis.conftest import context_for, draft

PI = "PI_SolarTech_2026-001.pdf"


def test_pi_of_solartech_to_rival_is_critical(index):
    d = draft(
        to=["a.weber@sonnenkraft.de"],
        subject="PI for order 2026-001",
        body="Dear Anna, please find attached the PI.",
        attachments=[PI],
    )
    [finding] = content_mismatch(context_for(d, index))
    assert finding.severity == "critical"
    assert finding.params["org"] == "SolarTech GmbH"
    assert finding.evidence == (f"{PI}: SolarTech",)
    assert [f.to_dict() for f in finding.fixes] == [{"type": "remove_attachment", "name": PI}]


def test_pi_to_its_own_customer_is_quiet(index):
    d = draft(
        to=["m.schmidt@solartech.de"],
        subject="PI for SolarTech order",
        body="Dear Michael, attached the PI for SolarTech.",
        attachments=[PI],
    )
    assert content_mismatch(context_for(d, index)) == []


def test_catalogue_naming_other_customer_is_high_not_critical(index):
    d = draft(to=["a.weber@sonnenkraft.de"], attachments=["Katalog_SolarTech_Edition.pdf"])
    [finding] = content_mismatch(context_for(d, index))
    assert finding.severity == "high"


def test_body_only_mention_is_medium(index):
    d = draft(to=["j.garcia@energiasolar.es"], body="Estimado José, como hablamos con SolarTech la semana pasada...")
    [finding] = content_mismatch(context_for(d, index))
    assert finding.severity == "medium"
    assert finding.fixes == ()
    assert finding.evidence == ("body: SolarTech",)


def test_subject_with_pi_naming_other_customer_is_critical(index):
    d = draft(to=["j.garcia@energiasolar.es"], subject="Proforma invoice Sonnenkraft 2026-07")
    [finding] = content_mismatch(context_for(d, index))
    assert finding.severity == "critical"
    assert finding.params["org"] == "Sonnenkraft Vertrieb GmbH"


def test_attachment_text_naming_other_customer(index):
    text = "PROFORMA INVOICE\nBuyer: Energía Solar Ibérica S.L.\nUnit price EUR 0.21/W"
    d = draft(
        to=["m.schmidt@solartech.de"], attachments=["PI_2026-002.pdf"], attachment_texts={"PI_2026-002.pdf": text}
    )
    [finding] = content_mismatch(context_for(d, index))
    assert finding.severity == "critical"
    assert finding.params["org"] == "Energía Solar Ibérica S.L."


def test_chinese_name_full_width_and_customer_code(index):
    d = draft(to=["m.schmidt@solartech.de"], body="附件是阳光新能源的订单。")
    [finding] = content_mismatch(context_for(d, index))
    assert finding.params["org"] == "阳光新能源有限公司"
    by_code = draft(to=["wang.wei@sunnew.cn"], body="客户编号 ＳＴ－１００１ 的货已发")
    [finding] = content_mismatch(context_for(by_code, index))
    assert finding.params["org"] == "SolarTech GmbH"


def test_contact_address_and_domain_in_text_count_as_mentions(index):
    d = draft(to=["j.garcia@energiasolar.es"], body="Please also copy m.schmidt@solartech.de on the shipment.")
    [finding] = content_mismatch(context_for(d, index))
    assert finding.params["org"] == "SolarTech GmbH"


def test_word_boundaries_prevent_partial_matches(index):
    d = draft(to=["j.garcia@energiasolar.es"], body="Our solartechnology roadmap and ESIgn tools.")
    assert content_mismatch(context_for(d, index)) == []


def test_partner_recipient_makes_it_info(index):
    d = draft(
        to=["tom.lee@fastfreight.com"], body="Please ship for SolarTech.", attachments=["PI_SolarTech_2026-001.pdf"]
    )
    [finding] = content_mismatch(context_for(d, index))
    assert finding.severity == "info"


def test_internal_only_mail_is_quiet(index):
    d = draft(to=["bob@acme-trade.example"], body="Bob, SolarTech and Sonnenkraft both want the PI.", attachments=[PI])
    assert content_mismatch(context_for(d, index)) == []


def test_competitor_and_partner_mentions_do_not_trigger(index):
    d = draft(to=["m.schmidt@solartech.de"], body="BrightPanel is more expensive; FastFreight Logistics will deliver.")
    assert content_mismatch(context_for(d, index)) == []


def test_cached_scan_org_ids_are_used(index):
    from app.analysis.draft import Attachment, Draft, Recipient

    d = Draft(
        sender="alex@acme-trade.example",
        to=(Recipient("a.weber@sonnenkraft.de"),),
        attachments=(Attachment("scan.pdf", doc_class="contract", mentioned_org_ids=("solartech",)),),
    )
    [finding] = content_mismatch(context_for(d, index))
    assert finding.severity == "critical"


@pytest.mark.parametrize(
    "name",
    [
        "Angebot_Nordlicht-Energie_Q1.pdf",
        "Angebot_NordlichtEnergie_Q1.pdf",
        "Quotation.nordlicht.energie.2026.pdf",
        "Cotizacion_Energia_Solar_Iberica.pdf",
    ],
)
def test_names_written_with_separators_camel_case_or_without_accents_in_file_names(index, name):
    d = draft(to=["wang.wei@sunnew.cn"], body="Please see the quotation.", attachments=[name])
    [finding] = content_mismatch(context_for(d, index))
    assert finding.severity == "critical"


def test_the_recipients_own_quoted_words_are_not_a_leak(index):
    reply = draft(
        to=["a.weber@sonnenkraft.de"],
        names={"a.weber@sonnenkraft.de": "Anna Weber"},
        subject="RE: Angebot",
        body="Hallo Frau Weber,\nwir prüfen das.\n\nFrom: Anna Weber\nSent: Monday\n\nSolarTech bietet uns 0,19 an.",
    )
    assert content_mismatch(context_for(reply, index)) == []


def test_another_customers_thread_sent_on_is_a_leak(index):
    forward = draft(
        to=["a.weber@sonnenkraft.de"],
        subject="FW: Angebot",
        body="Hallo Frau Weber,\nzur Info.\n\nFrom: Michael Schmidt <m.schmidt@solartech.de>\nSent: Monday\n\nOK.",
    )
    [finding] = content_mismatch(context_for(forward, index))
    assert finding.severity == "medium"


def test_a_shortened_name_in_lower_case_is_an_ordinary_word_but_an_address_is_not(index):
    # "Nordlicht" is the shortened name of "Nordlicht Energie AG"
    word = draft(to=["wang.wei@sunnew.cn"], body="Das nordlicht-artige Leuchten der Module ist normal.")
    assert content_mismatch(context_for(word, index)) == []
    name = draft(to=["wang.wei@sunnew.cn"], body="Nordlicht hat gerade 200 Stück gebucht.")
    assert len(content_mismatch(context_for(name, index))) == 1
    address = draft(to=["wang.wei@sunnew.cn"], body="Bitte mit lena.hoff@nordlicht-energie.de abstimmen. Grüße")
    [finding] = content_mismatch(context_for(address, index))
    assert finding.evidence == ("body: lena.hoff@nordlicht-energie.de",)
