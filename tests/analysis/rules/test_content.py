import pytest

from app.analysis.draft import Draft
from app.analysis.findings import Finding, Fix
from app.analysis.messages import title_and_message
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


def test_the_card_names_the_owner_the_places_the_worst_source_and_the_rival_reading_it(index):
    d = draft(
        to=["a.weber@sonnenkraft.de"],
        cc=["tom.lee@fastfreight.com"],
        subject="Shipment update",
        body="Dear Anna, the SolarTech containers leave Friday.",
        attachments=["Katalog_SolarTech.pdf"],
    )
    [finding] = content_mismatch(context_for(d, index))
    assert finding == Finding(
        code="content_mismatch",
        severity="high",
        recipients=("a.weber@sonnenkraft.de", "tom.lee@fastfreight.com"),
        evidence=("body: SolarTech", "Katalog_SolarTech.pdf: SolarTech"),
        fixes=(Fix("remove_attachment", name="Katalog_SolarTech.pdf"),),
        params={
            "org": "SolarTech GmbH",
            "where": "body, Katalog_SolarTech.pdf",
            "source": "Katalog_SolarTech.pdf",
            "source_kind": "attachment_name",
            "recipients": "a.weber@sonnenkraft.de, tom.lee@fastfreight.com",
            "to_orgs": "Sonnenkraft Vertrieb GmbH",
            "rival_of": "SolarTech GmbH",
        },
        key="org:solartech",
    )
    title, message = title_and_message(finding, "en")
    assert "SolarTech GmbH" in title + message and "Katalog_SolarTech.pdf" in message


def test_a_name_in_an_ordinary_subject_is_high_and_names_no_rival(index):
    d = draft(to=["j.garcia@energiasolar.es"], subject="Update on Sonnenkraft")
    [finding] = content_mismatch(context_for(d, index))
    assert (finding.severity, finding.evidence) == ("high", ("subject: Sonnenkraft",))
    assert finding.params == {
        "org": "Sonnenkraft Vertrieb GmbH",
        "where": "subject",
        "source": "",
        "source_kind": "subject",
        "recipients": "j.garcia@energiasolar.es",
        "to_orgs": "Energía Solar Ibérica S.L.",
        "rival_of": "",
    }


def test_a_document_sent_only_to_the_forwarder_is_a_note_naming_the_forwarder(index):
    d = draft(to=["tom.lee@fastfreight.com"], attachments=["PI_SolarTech_2026-001.pdf"])
    [finding] = content_mismatch(context_for(d, index))
    assert finding.severity == "info"
    assert finding.params["to_orgs"] == "FastFreight Logistics Ltd."


def _reply_to_anna(quoted: str, name: str = "Anna Weber") -> Draft:
    return draft(
        to=["a.weber@sonnenkraft.de"],
        names={"a.weber@sonnenkraft.de": name},
        subject="RE: Angebot",
        body=f"Hallo Frau Weber,\nwir prüfen das.\n\n{quoted}",
    )


@pytest.mark.parametrize(
    "quoted",
    [
        "On Monday Anna Weber wrote:\n> SolarTech bietet uns 0,19 an.",
        "-----\nAm Montag schrieb Anna Weber:\n> SolarTech bietet uns 0,19 an.",
        "-----\nOn Monday Anna Weber wrote:\n> SolarTech bietet uns 0,19 an.\n> Gruß",
    ],
)
def test_a_reply_quoting_the_recipients_own_words_is_quiet(index, quoted):
    assert content_mismatch(context_for(_reply_to_anna(quoted), index)) == []


def test_a_four_letter_name_in_the_quote_header_makes_it_their_thread(index):
    reply = _reply_to_anna("From: Anna\nSent: Monday\n\nSolarTech bietet uns 0,19 an.", name="Anna")
    assert content_mismatch(context_for(reply, index)) == []


def test_the_recipients_name_inside_someone_elses_quoted_thread_does_not_make_it_theirs(index):
    forward = _reply_to_anna(
        "-----\nOn Monday Pierre Dubois wrote:\n> Bitte Anna Weber nichts sagen.\n> On Sunday Jan Novak wrote:\n"
        ">> SolarTech bietet uns 0,19 an.\n>> Anna Weber weiß nichts davon."
    )
    [finding] = content_mismatch(context_for(forward, index))
    assert finding.params["org"] == "SolarTech GmbH"


def test_a_quoted_mention_before_a_new_one_in_the_recipients_thread_is_skipped(index):
    reply = draft(
        to=["a.weber@sonnenkraft.de"],
        names={"a.weber@sonnenkraft.de": "Anna Weber"},
        subject="RE: Angebot",
        body="Hallo Frau Weber,\nwir prüfen das.\n\nFrom: Anna Weber\nSent: Monday\n\nSolarTech bietet uns 0,19 an.",
        attachments=["Angebot_Soleil_Distribution.pdf"],
    )
    [finding] = content_mismatch(context_for(reply, index))
    assert finding.params["org"] == "Soleil Distribution SARL"


def test_the_worst_mention_rates_the_card(index):
    d = draft(
        to=["j.garcia@energiasolar.es"],
        body="Sonnenkraft hat bestellt.",
        attachments=["Sonnenkraft_Katalog.pdf", "PI_Sonnenkraft_2026.pdf"],
    )
    [finding] = content_mismatch(context_for(d, index))
    assert finding.severity == "critical"
    assert finding.params["source"] == "PI_Sonnenkraft_2026.pdf"
