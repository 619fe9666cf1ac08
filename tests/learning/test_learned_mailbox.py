"""The learner against the synthetic mailbox's ground truth, at a size a unit test can afford."""

from app.analysis.learning import LearnAttachment, LearnMessage, learn
from bench.learn_scores import score
from tests.learning.mailbox_gen import SentMail, generate


def as_learned(mail: SentMail) -> LearnMessage:
    files = tuple(LearnAttachment(a.name, a.sha256) for a in mail.attachments)
    return LearnMessage(mail.sender, mail.to, mail.cc, mail.subject, mail.body, "text", files)


def test_a_small_mailbox_is_learned_within_the_promised_bounds() -> None:
    mailbox = generate(seed=5, messages=4_000)
    summary = score(mailbox, learn(as_learned(m) for m in mailbox.messages)).summary()
    assert summary["organizations recovered"] >= 0.95
    assert summary["contacts recovered"] >= 0.95
    assert summary["wrong merges"] <= 0.02
    assert summary["owners right"] >= 0.90
    assert summary["languages right"] >= 0.90
    assert summary["documents attributed to their owner"] >= 0.95
    assert summary["trade names found (name or alias)"] >= 0.85
    assert summary["aliases precision"] >= 0.95
    assert summary["companies at unrelated domains merged"] >= 0.7
    assert summary["proposed merges right"] >= 0.95


def test_the_score_notices_an_alias_that_names_another_company() -> None:
    mailbox = generate(seed=5, messages=1_000)
    proposal = learn(as_learned(m) for m in mailbox.messages)
    first = next(o for o in proposal.organizations if o.aliases)
    other = next(o for o in proposal.organizations if o.aliases and o.key != first.key)
    wrong = type(first)(**{**{f: getattr(first, f) for f in first.__slots__}, "aliases": other.aliases})
    rest = tuple(wrong if o.key == first.key else o for o in proposal.organizations)
    baseline = score(mailbox, proposal)
    assert score(mailbox, type(proposal)(rest)).aliases_right < baseline.aliases_right


def test_the_score_notices_a_wrong_merge_and_a_wrong_owner() -> None:
    mailbox = generate(seed=5, messages=1_000)
    proposal = learn(as_learned(m) for m in mailbox.messages)
    first, second, *rest = proposal.organizations
    merged = type(first)(
        **{**{f: getattr(first, f) for f in first.__slots__}, "contacts": first.contacts + second.contacts}
    )
    wrong_owner = type(first)(**{**{f: getattr(first, f) for f in first.__slots__}, "owner_email": "nobody@x.example"})
    baseline = score(mailbox, proposal)
    assert score(mailbox, type(proposal)((merged, *rest))).wrong_merges == baseline.wrong_merges + 1
    assert score(mailbox, type(proposal)((wrong_owner, second, *rest))).owners_right == baseline.owners_right - 1
