import pytest

from app.analysis.findings import Finding, Fix
from app.analysis.messages import title_and_message
from app.analysis.rules.missing_attachment import missing_attachment
from tests.analysis.conftest import context_for, draft

CUSTOMER = "m.schmidt@solartech.de"


@pytest.mark.parametrize(
    "body",
    [
        "Dear Michael, please find attached our offer.",
        "附件是最新报价，请查收。",
        "Im Anhang finden Sie das Angebot.",
        "Anbei das Datenblatt.",
        "Veuillez trouver ci-joint le devis.",
        "Vous trouverez le devis en pièce jointe.",
        "Le adjunto la cotización.",
        "Enclosed is the certificate.",
    ],
)
def test_missing_attachment_fires(index, body):
    [finding] = missing_attachment(context_for(draft(to=[CUSTOMER], body=body), index))
    assert finding.severity == "medium"
    assert finding.fixes[0].to_dict() == {"type": "add_attachment"}
    assert finding.evidence[0].lower() in body.lower()


def test_missing_attachment_quiet_with_attachment_or_only_in_quote(index):
    with_file = draft(to=[CUSTOMER], body="Please find attached the PI.", attachments=["PI.pdf"])
    assert missing_attachment(context_for(with_file, index)) == []
    quoted = draft(to=[CUSTOMER], body="Thanks, received.\n\n> Please find attached the PI.\n")
    assert missing_attachment(context_for(quoted, index)) == []
    reply_subject = draft(to=[CUSTOMER], subject="RE: PI attached", body="Thanks, all clear.")
    assert missing_attachment(context_for(reply_subject, index)) == []


def test_missing_attachment_from_new_subject(index):
    [finding] = missing_attachment(context_for(draft(to=[CUSTOMER], subject="Offer attached"), index))
    assert finding.evidence == ("Offer attached",)  # the claim as written


@pytest.mark.parametrize(
    "body",
    [
        "Hi Michael,\nsee you Monday.\n\nBest regards\nAlex\n\nThis e-mail and any attachments are confidential and "
        "intended solely for the addressee.",
        "Hallo Herr Schmidt,\nbis Montag.\n\nMit freundlichen Grüßen\nAlex\nDiese E-Mail und alle Anhänge sind "
        "vertraulich.",
        "王总您好，\n明天见。\n\n本邮件及其附件含有保密信息，仅供指定收件人使用。",
        "Hola José,\nhasta el lunes.\n\nEste correo y sus adjuntos son confidenciales y para uso del destinatario.",
        "Bonjour Pierre,\nà lundi.\n\nCe message et ses pièces jointes sont confidentiels.",
        "The drawings are not attached yet, I will send them next week.",
        "I will send the PI as an attachment tomorrow.",
        "Die PI folgt morgen im Anhang.",
        "附件稍后发送。",
        "Todavía no he adjuntado los planos.",
        "Je vous enverrai la pièce jointe demain.",
        "Thanks for your attachment, we will check it.",
        "收到您的附件，谢谢。",
        "Could you please send me the signed contract as attachment?",
        "The mounting bracket is attached to the rail with two bolts.",
        "We also sell a sliding attachment for the rail; the warehouse has an attached garage.",
        "黄工准备好支架和附件（M8螺栓、压块）。",
        "Nuestro director adjunto de ventas le visitará el lunes.",
        "In der Anlage sind 540 Module und 6 Wechselrichter verbaut.",
        "Die Lieferung hängt an der Verzollung, wir melden uns.",
        "Die Zeichnung hänge ich Ihnen morgen an.",
        "Die Statik hänge ich nicht an, die Datei ist zu groß.",
        "Keine Rechnung hänge ich an, die kommt per Post.",
        "Die Module hängen an der Unterkonstruktion aus Aluminium.",
        "附件明天上午补发给您。上一封邮件附件里的荷载计算不变。",
        "Te lo adjunto en cuanto lo tenga.",
        "El archivo adjunto que nos mandó no se abre. ¿Podría reenviarlo?",
    ],
)
def test_footers_later_and_their_attachments_are_not_claims(index, body):
    assert missing_attachment(context_for(draft(to=[CUSTOMER], body=body), index)) == []


def test_a_claim_beside_a_later_promise_still_counts(index):
    body = "Attached is the PI, the packing list will follow tomorrow."
    [finding] = missing_attachment(context_for(draft(to=[CUSTOMER], body=body), index))
    assert finding.params["phrase"] == "Attached is"


@pytest.mark.parametrize(
    ("body", "phrase"),
    [
        ("PI attached.", "PI attached"),
        ("Please sign the attached contract and return it.", "the attached contract"),
        ("报价单见附件，请查收。", "见附件"),
        ("Adjunto encontrará el catálogo 2027.", "Adjunto encontrará"),
        ("In der Anlage finden Sie unser Angebot.", "In der Anlage finden"),
        ("Die PI hänge ich Ihnen hier an, bitte prüfen.", "hänge ich Ihnen hier an"),
        ("Wir hängen Ihnen die Packliste an.", "hängen Ihnen die Packliste an"),
        ("Je vous joins le devis signé.", "Je vous joins"),
        ("Pls find the updated PL enclosed.", "find the updated PL enclosed"),
    ],
)
def test_claims_in_every_language_are_found_as_written(index, body, phrase):
    [finding] = missing_attachment(context_for(draft(to=[CUSTOMER], body=body), index))
    assert finding.params["phrase"] == phrase


def test_the_card_quotes_the_claim_as_written(index):
    d = draft(to=[CUSTOMER], body="Dear Michael,\nPlease Find Attached our offer.\nBest regards,\nAlex")
    [finding] = missing_attachment(context_for(d, index))
    assert finding == Finding(
        code="missing_attachment",
        severity="medium",
        evidence=("Find Attached",),
        fixes=(Fix("add_attachment"),),
        params={"phrase": "Find Attached"},
    )
    assert "Find Attached" in title_and_message(finding, "en")[1]


def test_a_claim_after_a_disclaimer_sentence_still_counts(index):
    d = draft(to=[CUSTOMER], body="If you are not the addressee, tell us.\nAnbei das Datenblatt.")
    assert missing_attachment(context_for(d, index))[0].evidence == ("Anbei",)


def test_a_disclaimer_naming_attachments_is_not_a_claim(index):
    body = "Thanks for the call.\nThis e-mail and the attached files are confidential and intended only for you."
    assert missing_attachment(context_for(draft(to=[CUSTOMER], body=body), index)) == []


def test_a_postscript_after_the_signature_is_still_the_senders_words(index):
    d = draft(to=[CUSTOMER], body="Dear Michael,\nsee you Monday.\nBest regards,\nAlex\nP.S. Anbei das Datenblatt.")
    [finding] = missing_attachment(context_for(d, index))
    assert finding.evidence == ("Anbei",)
