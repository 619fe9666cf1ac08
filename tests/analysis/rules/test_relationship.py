from app.analysis.context import CheckContext
from app.analysis.findings import Finding, Fix
from app.analysis.messages import title_and_message
from app.analysis.rules.relationship import first_time_recipient, owner_mismatch
from tests.analysis.conftest import context_for, draft


def test_first_time_recipient_only_when_correspondence_known(index):
    d = draft(to=["new.buyer@newco.com", "m.schmidt@solartech.de", "bob@acme-trade.example"])
    assert first_time_recipient(context_for(d, index)) == []
    known = CheckContext(known_correspondents=frozenset({"old@friend.com"}))
    [finding] = first_time_recipient(context_for(d, index, known))
    assert finding.severity == "info"
    assert finding.recipients == ("new.buyer@newco.com",)


def test_first_time_recipient_quiet_for_known_correspondent(index):
    d = draft(to=["New.Buyer@newco.com"])
    known = CheckContext(known_correspondents=frozenset({"new.buyer@newco.com"}))
    assert first_time_recipient(context_for(d, index, known)) == []


def test_owner_mismatch_suggests_handoff_template(index):
    [finding] = owner_mismatch(context_for(draft(to=["p.dubois@soleil-distribution.fr"]), index))
    assert finding.severity == "info"
    assert finding.params["owner"] == "bob@acme-trade.example"
    assert finding.fixes[0].to_dict() == {"type": "use_template", "template": "handoff_internal"}


def test_owner_mismatch_quiet_for_own_customer_or_unowned(index):
    assert owner_mismatch(context_for(draft(to=["m.schmidt@solartech.de"]), index)) == []
    assert owner_mismatch(context_for(draft(to=["tom.lee@fastfreight.com"]), index)) == []
    as_bob = draft(to=["p.dubois@soleil-distribution.fr"], sender="Bob@acme-trade.example")
    assert owner_mismatch(context_for(as_bob, index)) == []


def test_many_first_time_addresses_make_one_note(index):
    addresses = [f"lead{i}@prospect{i}.example" for i in range(40)]
    findings = first_time_recipient(
        context_for(draft(bcc=addresses), index, CheckContext(known_correspondents=frozenset()))
    )
    [note] = findings
    assert len(note.recipients) == 40 and note.params["recipient"].endswith(", ...")


def test_five_first_time_addresses_each_get_their_own_card_and_six_share_one(index):
    known = CheckContext(known_correspondents=frozenset())
    five = [f"buyer{i}@newco{i}.example" for i in range(5)]
    cards = first_time_recipient(context_for(draft(to=five), index, known))
    assert cards == [
        Finding(
            code="first_time_recipient",
            severity="info",
            recipients=(email,),
            evidence=(email,),
            params={"recipient": email},
        )
        for email in five
    ]
    six = [*five, "buyer5@newco5.example"]
    [note] = first_time_recipient(context_for(draft(to=six), index, known))
    assert note == Finding(
        code="first_time_recipient",
        severity="info",
        recipients=tuple(six),
        evidence=(", ".join(six[:5]) + ", ...",),
        params={"recipient": ", ".join(six[:5]) + ", ...", "count": "6"},
    )
    assert title_and_message(note, "en")[1] == f"You have not written to {note.params['recipient']} before."


def test_owner_mismatch_card_names_the_colleague_and_lists_every_recipient_there(index):
    d = draft(
        to=["buyer@unknown-company.example", "tom.lee@fastfreight.com", "p.dubois@soleil-distribution.fr"],
        cc=["achats@soleil-distribution.fr"],
    )
    [finding] = owner_mismatch(context_for(d, index))
    assert finding == Finding(
        code="owner_mismatch",
        severity="info",
        recipients=("p.dubois@soleil-distribution.fr", "achats@soleil-distribution.fr"),
        evidence=("Soleil Distribution SARL: bob@acme-trade.example",),
        fixes=(Fix("use_template", template="handoff_internal"),),
        params={"org": "Soleil Distribution SARL", "owner": "bob@acme-trade.example"},
        key="org:soleil",
    )
    title, _message = title_and_message(finding, "en")
    assert title == "Soleil Distribution SARL is bob@acme-trade.example's customer"
