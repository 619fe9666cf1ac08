from app.analysis.context import CheckContext
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
