"""content_mismatch from the documents sent before (learned ownership), with no directory name in the draft."""

from dataclasses import replace

from app.analysis.context import CheckContext
from app.analysis.documents import DocumentHistory, history_from_proposal, name_pattern
from app.analysis.draft import Attachment
from app.analysis.engine import check
from app.analysis.findings import Fix
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


def sending(name: str, sha256: str | None, to: str, index: DirectoryIndex, *, learned: bool = True):
    d = draft(to=[to], subject="Unterlagen", body="Hallo, anbei die Unterlagen.")
    d = replace(d, attachments=(Attachment(name, 1000, "application/pdf", sha256=sha256),))
    # The history is read from the proposal in each test, so the tests prove that reading too.
    history = history_from_proposal(PROPOSAL) if learned else None
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
    assert not mismatches(sending("Unterlagen.pdf", PI, "p.dubois@soleil-distribution.fr", index, learned=False))


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


def _owners(history: DocumentHistory, sha256: str | None, name: str) -> tuple[list[str], str]:
    owners, by = history.owners(sha256, name)
    return [o.name for o in owners], by


def test_reading_a_stored_proposal() -> None:
    history = history_from_proposal(
        {
            "organizations": [
                {"key": "domain:a.de", "name": "", "domains": ["a.de", "a-group.de"]},
                {"key": "address:b@gmail.com", "name": "B", "freemail": True, "addresses": ["b@gmail.com"]},
                {"key": "domain:c.fr", "name": "C", "addresses": ["ignored@c.fr"]},
                {"key": "address:d@gmail.com", "name": "D", "freemail": True},
            ],
            "documents": [
                {"sha256": "0" * 64, "name": "Unsorted_1.pdf"},
                {"sha256": "1" * 64, "name": "Offer_12.pdf", "org_keys": ["domain:a.de", "gone"]},
                {"sha256": "2" * 64, "name": "Offer_13.pdf", "org_keys": ["domain:a.de"]},
                {"sha256": "3" * 64, "name": "Plan_1.pdf", "pattern": "Plan_#.pdf", "messages": 3,
                 "org_keys": ["address:b@gmail.com"]},
                {"sha256": "4" * 64, "name": "Spec_1.pdf", "org_keys": ["domain:c.fr", "address:b@gmail.com"]},
                {"sha256": "5" * 64, "name": "Lost_1.pdf", "org_keys": ["gone"]},
                {"sha256": "6" * 64, "name": "Zeichnung_A.pdf", "pattern": "Zeichnung_#.pdf", "messages": 2,
                 "org_keys": ["address:d@gmail.com"]},
                {"sha256": "7" * 64, "messages": 2, "org_keys": ["domain:c.fr"]},
                {"sha256": "8" * 64, "name": "Memo_1.pdf", "org_keys": ["domain:c.fr"]},
            ],
        }
    )  # fmt: skip
    # An organization without a name is shown by its key; a company is known by its domains, a free-mail buyer
    # by its address, and a company's addresses do not count.
    (a,), _ = history.owners("1" * 64, "x.pdf")
    assert (a.name, a.domains, a.addresses) == ("domain:a.de", frozenset({"a.de", "a-group.de"}), frozenset())
    assert history.owners("3" * 64, "x.pdf")[0][0].addresses == frozenset({"b@gmail.com"})
    assert history.owners("4" * 64, "x.pdf")[0][0].addresses == frozenset()
    # Owners only among the organizations kept; a document that went to none is no evidence.
    assert _owners(history, "5" * 64, "Lost_1.pdf") == ([], "kind")
    assert _owners(history, "4" * 64, "x.pdf") == (["C", "B"], "file")
    # Kinds: two messages of one owner (one message each by default), or the stated count, or several owners.
    assert _owners(history, None, "Offer_99.pdf") == (["domain:a.de"], "kind")
    assert _owners(history, None, "Plan_7.pdf") == (["B"], "kind")
    assert _owners(history, None, "Spec_2.pdf") == (["B", "C"], "kind")
    assert _owners(history, None, "Lost_2.pdf") == ([], "kind")
    assert _owners(history, None, "Memo_2.pdf") == ([], "kind")  # one message unless the proposal says more
    # The stored pattern is the kind; a document without a name is of the kind "" (no name to compare).
    assert _owners(history, None, "Zeichnung_7.pdf") == (["D"], "kind")
    assert history.owners("6" * 64, "x.pdf")[0][0].addresses == frozenset()
    assert _owners(history, None, "") == (["C"], "kind")
    assert _owners(history, "0" * 64, "Unsorted_1.pdf") == ([], "kind")
    assert history_from_proposal({}) == DocumentHistory()


def test_the_finding_names_the_file_its_owner_and_the_receivers(index: DirectoryIndex) -> None:
    (by_file,) = mismatches(sending("Unterlagen.pdf", PI, "j.garcia@energiasolar.es", index))
    assert (by_file.recipients, by_file.key) == (("j.garcia@energiasolar.es",), "history:file:SolarTech GmbH")
    assert by_file.fixes == (Fix("remove_attachment", name="Unterlagen.pdf"),)
    assert by_file.params == {
        "variant": "content_mismatch_file_history",
        "org": "SolarTech GmbH",
        "where": "Unterlagen.pdf",
        "source": "Unterlagen.pdf",
        "source_kind": "attachment_history",
        "recipients": "j.garcia@energiasolar.es",
        "to_orgs": "Energía Solar Ibérica S.L.",
    }
    (by_kind,) = mismatches(sending("Zeichnung_Lopez_4.pdf", None, "p.dubois@soleil-distribution.fr", index))
    assert by_kind.key == "history:kind:López Importaciones"
    assert by_kind.params["variant"] == "content_mismatch_kind_history"


def test_no_history_finding_when_the_mail_names_the_owner_itself(index: DirectoryIndex) -> None:
    proposal = {
        "organizations": [{"key": "domain:solartech.de", "name": "SolarTech GmbH", "domains": ["solartech.de"]}],
        "documents": [{"sha256": PI, "name": "Offer_1.pdf", "messages": 2, "org_keys": ["domain:solartech.de"]}],
    }
    attachment = (Attachment("Unterlagen.pdf", 1000, "application/pdf", sha256=PI),)

    def history_findings(body: str) -> list[str]:
        d = replace(draft(to=["j.garcia@energiasolar.es"], subject="Unterlagen", body=body), attachments=attachment)
        result = check(d, index, CheckContext(documents=history_from_proposal(proposal)))
        return [f.key for f in mismatches(result) if f.key.startswith("history:")]

    assert history_findings("Hola, adjunto los documentos.") == ["history:file:SolarTech GmbH"]
    # The name finding already says it: the documents for SolarTech GmbH went to another customer.
    assert history_findings("Hola, adjunto los documentos de SolarTech GmbH.") == []
