"""content_mismatch from the documents sent before (learned ownership), with no directory name in the draft."""

from dataclasses import replace

from app.analysis.context import CheckContext
from app.analysis.documents import DocumentHistory, history_from_proposal, name_pattern
from app.analysis.draft import Attachment
from app.analysis.engine import check
from app.analysis.index import DirectoryIndex
from app.analysis.messages import localize
from tests.analysis.conftest import draft

PI = "a" * 64
SHEET = "b" * 64
PROPOSAL = {
    "organizations": [
        {"key": "domain:solartech-gmbh.de", "name": "SolarTech GmbH", "domains": ["solartech-gmbh.de"]},
        {"key": "domain:helio.es", "name": "Helio Energía S.L.", "domains": ["helio.es"]},
        {"key": "address:maria@gmail.com", "name": "López Importaciones", "domains": [], "freemail": True,
         "addresses": ["maria@gmail.com"]},
        {"key": "domain:fastfreight.com", "name": "FastFreight", "domains": ["fastfreight.com"]},
    ],
    "documents": [
        {"sha256": PI, "name": "PI_X7-204_001.pdf", "pattern": "PI_X#-#_#.pdf", "messages": 2,
         "org_keys": ["domain:solartech-gmbh.de", "domain:fastfreight.com"]},
        {"sha256": SHEET, "name": "Datasheet_HX10.pdf", "pattern": "Datasheet_HX#.pdf", "messages": 5,
         "org_keys": ["domain:solartech-gmbh.de", "domain:helio.es"]},
        {"sha256": "c" * 64, "name": "Zeichnung_Lopez_3.pdf", "pattern": "Zeichnung_Lopez_#.pdf", "messages": 2,
         "org_keys": ["address:maria@gmail.com"]},
    ],
}  # fmt: skip
HISTORY = history_from_proposal(PROPOSAL)


def sending(name: str, sha256: str | None, to: str, index: DirectoryIndex, history: DocumentHistory | None = HISTORY):
    d = draft(to=[to], subject="Unterlagen", body="Hallo, anbei die Unterlagen.")
    d = replace(d, attachments=(Attachment(name, 1000, "application/pdf", sha256=sha256),))
    return check(d, index, CheckContext(documents=history))


def mismatches(result):
    return [f for f in result.findings if f.code == "content_mismatch"]


def test_a_file_that_went_only_to_one_customer_is_flagged_for_another(index: DirectoryIndex) -> None:
    result = sending("Unterlagen.pdf", PI, "j.garcia@energiasolar.es", index)
    (finding,) = [f for f in result.findings if f.code == "content_mismatch"]
    assert finding.severity == "critical"  # the very file, recognised by its content
    assert finding.evidence == ("Unterlagen.pdf: this file went only to SolarTech GmbH before",)
    localized = localize(result, "en").findings[0]
    assert localized.title == "Sent before only to SolarTech GmbH: Unterlagen.pdf"
    assert "此前只发给过 SolarTech GmbH" in localize(result, "zh-CN").findings[0].title


def test_the_owner_itself_and_its_forwarder_may_receive_it(index: DirectoryIndex) -> None:
    assert not mismatches(sending("PI_X7-204_001.pdf", PI, "k.bauer@solartech-gmbh.de", index))
    # FastFreight is a partner in the directory: handlers of everyone's papers are no owners, nor receivers.
    assert not mismatches(sending("PI.pdf", PI, "tom.lee@fastfreight.com", index))


def test_a_file_sent_to_several_customers_or_unknown_is_not_flagged(index: DirectoryIndex) -> None:
    assert not mismatches(sending("Datasheet_HX10.pdf", SHEET, "p.dubois@soleil-distribution.fr", index))
    assert not mismatches(sending("Fresh.pdf", "d" * 64, "p.dubois@soleil-distribution.fr", index))
    assert not mismatches(sending("Unterlagen.pdf", PI, "p.dubois@soleil-distribution.fr", index, history=None))


def test_a_new_file_of_a_kind_only_one_free_mail_buyer_received_is_flagged_by_its_name(index: DirectoryIndex) -> None:
    result = sending("Zeichnung_Lopez_4.pdf", "e" * 64, "p.dubois@soleil-distribution.fr", index)
    (finding,) = mismatches(result)
    assert finding.severity == "high"  # not a binding class by its name
    assert finding.evidence == ("Zeichnung_Lopez_4.pdf: files like this went only to López Importaciones before",)
    assert not mismatches(sending("Zeichnung_Lopez_4.pdf", "e" * 64, "maria@gmail.com", index))


def test_kinds_seen_once_are_not_owned() -> None:
    history = history_from_proposal(
        {
            "organizations": [{"key": "domain:a.de", "name": "A", "domains": ["a.de"]}],
            "documents": [{"sha256": "f" * 64, "name": "Scan_1.pdf", "messages": 1, "org_keys": ["domain:a.de"]}],
        }
    )
    assert history.owners(None, "Scan_2.pdf") == ((), "kind")
    assert history.owners("f" * 64, "x.pdf")[0][0].name == "A"
    assert name_pattern("PI_X7-204_001.pdf") == "PI_X#-#_#.pdf"
