import pytest

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
    assert finding.evidence == ("attached",)
