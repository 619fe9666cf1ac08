"""End-to-end checks of realistic drafts: the seed situations, quiet everyday mail, policy and suppression."""

import pytest

from app.analysis.context import CheckContext
from app.analysis.directory import PolicyView
from app.analysis.engine import check, localize
from app.analysis.findings import CheckResult, Finding, evidence_hash, severity_rank
from app.analysis.index import build_index
from tests.analysis.conftest import draft, make_snapshot

CUSTOMERS = [
    "m.schmidt@solartech.de",
    "a.weber@sonnenkraft.de",
    "j.garcia@energiasolar.es",
    "p.dubois@soleil-distribution.fr",
    "wang.wei@sunnew.cn",
]


def test_seed_pi_for_solartech_sent_to_rival_distributor(index):
    d = draft(
        to=["a.weber@sonnenkraft.de"],
        names={"a.weber@sonnenkraft.de": "Anna Weber"},
        subject="PI for order 2026-001",
        body="Dear Anna,\nplease find attached the PI.\nBest regards, Alex",
        attachments=["PI_SolarTech_2026-001.pdf"],
    )
    result = check(d, index)
    assert "rival_exposure" not in result.codes  # only one visible recipient
    mismatch = next(f for f in result.findings if f.code == "content_mismatch")
    assert mismatch.severity == "critical"
    assert result.findings[0] is mismatch  # worst first
    assert result.verdict == "warn"
    assert result.doc_classes == ("pi",)
    assert result.mentioned_org_ids == ("solartech",)


def test_seed_price_announcement_with_five_customers_in_cc(index):
    d = draft(
        to=["alex@acme-trade.example"],
        cc=CUSTOMERS,
        subject="Price adjustment from 1 April",
        body="Dear partners,\nour prices for mono panels change on 1 April.\n",
    )
    result = check(d, index)
    # Rivals seeing each other is the one card; its fix also hides the other exposed customers.
    assert "rival_exposure" in result.codes and "exposed_recipients" not in result.codes
    assert result.findings[0].code == "rival_exposure"
    assert set(result.findings[0].fixes[0].recipients) == set(CUSTOMERS)


def test_seed_mistyped_domain(index):
    result = check(draft(to=["m.schmidt@solartec.de"], body="Hi Michael,\nsee you Monday."), index)
    [finding] = [f for f in result.findings if f.code == "lookalike_domain"]
    assert finding.fixes[0].suggestion == "m.schmidt@solartech.de"


def test_seed_forwarded_internal_discussion_to_the_customer(index):
    body = (
        "Hi Michael,\nplease see below.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Bob <bob@acme-trade.example>\nDate: Mon, 2 Mar 2026\nTo: Alex <alex@acme-trade.example>\n"
        "Subject: SolarTech renewal\n\nThey are a slow payer; keep the deposit at 50%.\n"
    )
    result = check(draft(to=["m.schmidt@solartech.de"], body=body), index)
    finding = next(f for f in result.findings if f.code == "internal_content_external")
    assert finding.severity == "critical"
    assert any("bob@acme-trade.example" in e for e in finding.evidence)


def test_seed_please_find_attached_without_attachment(index):
    result = check(draft(to=["m.schmidt@solartech.de"], body="Dear Michael,\nplease find attached our offer."), index)
    assert "missing_attachment" in result.codes
    assert result.verdict == "warn"


def test_normal_follow_up_with_own_pi_is_quiet(index):
    d = draft(
        to=["m.schmidt@solartech.de"],
        names={"m.schmidt@solartech.de": "Michael Schmidt"},
        subject="PI for order 2026-001",
        body="Dear Michael,\nplease find attached the PI for your order. Let me know if anything is unclear.\n",
        attachments=["PI_SolarTech_2026-001.pdf"],
        attachment_texts={
            "PI_SolarTech_2026-001.pdf": "PROFORMA INVOICE\nBuyer: SolarTech GmbH\nm.schmidt@solartech.de"
        },
    )
    result = check(d, index)
    assert result.verdict == "ok"
    assert all(f.severity in ("info", "low") for f in result.findings)


def test_internal_only_mail_is_quiet(index):
    d = draft(
        to=["bob@acme-trade.example"],
        cc=["sales.team@de.acme-trade.example"],
        body="Bob, internal only: SolarTech margin is 4%, Sonnenkraft wants the same PI.",
        attachments=["PI_SolarTech_2026-001.pdf"],
    )
    result = check(d, index)
    assert result.findings == ()
    assert result.verdict == "ok"
    assert result.hold_minutes == 0


def test_reply_in_long_thread_is_quiet(index):
    history = "".join(
        f"\nOn Mon, {n} Mar 2026 at 10:00, Michael Schmidt <m.schmidt@solartech.de> wrote:\n"
        f"> Hi Alex, thanks for the update on shipment {n}. Please find attached the packing list.\n"
        f">\n> From: Alex <alex@acme-trade.example>\n> To: Michael <m.schmidt@solartech.de>\n"
        for n in range(1, 12)
    )
    d = draft(
        to=["m.schmidt@solartech.de"],
        cc=["k.bauer@solartech.de"],
        subject="RE: RE: Shipment schedule",
        body="Hi Michael,\nnoted, thank you.\nAlex" + history,
    )
    result = check(d, index)
    assert result.verdict == "ok"
    assert result.findings == ()


def test_html_body_uses_new_part_only_for_attachment_phrase(index):
    html = (
        "<html><head><style>p{color:red}</style><script>var attached=1</script></head><body>"
        "<p>Dear Michael,</p><p>thank you.</p>"
        "<div class='gmail_quote'>On Mon, Michael wrote:<blockquote>Please find attached</blockquote></div>"
        "</body></html>"
    )
    result = check(draft(to=["m.schmidt@solartech.de"], body=html, body_format="html"), index)
    assert "missing_attachment" not in result.codes


def test_an_inline_answer_after_a_quote_is_read_as_the_writers_own_text(index):
    # Interleaved replies answer below each quoted question; that text is new and promises the attachment.
    html = (
        "<p>Dear Michael,</p><blockquote>Could you send the proforma invoice?</blockquote>"
        "Yes, please find the proforma invoice attached.<blockquote>And the packing list?</blockquote>Next week."
    )
    result = check(draft(to=["m.schmidt@solartech.de"], body=html, body_format="html"), index)
    assert "missing_attachment" in result.codes


def test_enforcement_block_and_hold_minutes():
    policy = PolicyView(
        enforcement={"info": "allow", "low": "allow", "medium": "warn", "high": "warn", "critical": "block"},
        hold_external_minutes=5,
    )
    idx = build_index(make_snapshot(policy))
    result = check(draft(to=["a.weber@sonnenkraft.de"], attachments=["PI_SolarTech_2026-001.pdf"]), idx)
    assert result.verdict == "block"
    assert result.hold_minutes == 5
    internal = check(draft(to=["bob@acme-trade.example"]), idx)
    assert (internal.verdict, internal.hold_minutes) == ("ok", 0)


def _dismissed(finding: Finding, salt: str = "tenant-1") -> CheckContext:
    keys = frozenset((finding.code, r, evidence_hash(salt, finding.key)) for r in finding.recipients)
    return CheckContext(suppressed=keys, salt=salt)


def _finding(result: CheckResult, code: str) -> Finding:
    return next(f for f in result.findings if f.code == code)


def test_dismissed_medium_finding_with_the_same_evidence_shows_as_info(index):
    d = draft(to=["j.garcia@energiasolar.es"], body="Hola José,\nMichael de SolarTech te llamará mañana.")
    medium = _finding(check(d, index), "content_mismatch")
    assert medium.severity == "medium"
    again = check(d, index, _dismissed(medium))
    assert (_finding(again, "content_mismatch").severity, again.verdict) == ("info", "ok")


def test_a_dismissed_mention_never_silences_that_customers_pi(index):
    """Dismissing "mentions SolarTech" in a note must not turn SolarTech's PI to the same recipient into ok."""
    note = draft(to=["j.garcia@energiasolar.es"], body="Hola José,\nMichael de SolarTech te llamará mañana.")
    context = _dismissed(_finding(check(note, index), "content_mismatch"))
    pi = draft(to=["j.garcia@energiasolar.es"], body="Adjunto la PI.", attachments=["PI_SolarTech_2026-001.pdf"])
    result = check(pi, index, context)
    assert _finding(result, "content_mismatch").severity == "critical"
    assert result.verdict == "warn"


def test_a_dismissed_price_note_never_silences_costs(index):
    prices = draft(to=["m.schmidt@solartech.de"], body="The unit price is EUR 0.21/W.")
    context = _dismissed(_finding(check(prices, index), "sensitive_external"))
    costs = draft(to=["m.schmidt@solartech.de"], body="Between us: our cost is 0.15, the margin 4%.")
    result = check(costs, index, context)
    assert _finding(result, "sensitive_external").severity == "high"
    assert result.verdict != "ok"


def test_critical_and_high_are_never_suppressed(index):
    d = draft(to=["m.schmidt@solartec.de"])
    high = _finding(check(d, index), "lookalike_domain")
    result = check(d, index, _dismissed(high))
    assert (_finding(result, "lookalike_domain").severity, result.verdict) == ("high", "warn")


def test_a_dismissal_needs_every_recipient_and_the_same_salt(index):
    d = draft(to=["j.garcia@energiasolar.es"], body="Hola José,\nMichael de SolarTech te llamará mañana.")
    medium = _finding(check(d, index), "content_mismatch")
    more = draft(to=["j.garcia@energiasolar.es", "wang.wei@sunnew.cn"], body="Michael de SolarTech te llamará mañana.")
    assert _finding(check(more, index, _dismissed(medium)), "content_mismatch").severity == "medium"
    other_tenant = CheckContext(suppressed=_dismissed(medium).suppressed, salt="tenant-2")
    assert _finding(check(d, index, other_tenant), "content_mismatch").severity == "medium"


def test_localized_result_in_chinese_and_fallback(index):
    result = check(draft(to=["m.schmidt@solartec.de"]), index)
    zh = localize(result, "zh-CN")
    assert zh.summary == "m.schmidt@solartec.de 疑似 solartech.de 的拼写错误，是否应为 m.schmidt@solartech.de？"
    assert "solartech.de" in zh.findings[0].message
    fr = localize(result, "fr")
    assert fr.summary.startswith("m.schmidt@solartec.de looks like a misspelling of solartech.de")
    assert fr.findings[0].to_dict()["fixes"] == [
        {"type": "replace_recipient", "recipient": "m.schmidt@solartec.de", "suggestion": "m.schmidt@solartech.de"}
    ]


def test_no_tenant_internal_domains_falls_back_to_sender_domain():
    idx = build_index(make_snapshot(internal_domains=()))
    result = check(draft(to=["bob@acme-trade.example"], body="Our margin is 4%."), idx)
    assert result.findings == ()


@pytest.mark.parametrize(
    ("missing", "verdict"), [("critical", "warn"), ("high", "warn"), ("medium", "warn"), ("low", "ok")]
)
def test_a_policy_that_forgot_a_severity_never_silently_allows_the_worse_ones(missing, verdict):
    enforcement = {s: "allow" for s in ("info", "low", "medium", "high", "critical") if s != missing}
    idx = build_index(make_snapshot(PolicyView(enforcement=enforcement)))  # type: ignore[arg-type]
    drafts = {
        "critical": draft(to=["a.weber@sonnenkraft.de"], attachments=["PI_SolarTech_2026-001.pdf"]),
        "high": draft(to=["m.schmidt@solartec.de"]),
        "medium": draft(to=["j.garcia@energiasolar.es"], body="Michael de SolarTech te llamará mañana."),
        "low": draft(to=["m.schmidt@solartech.de"], body="The unit price is EUR 0.21/W."),
    }
    result = check(drafts[missing], idx)
    assert max(result.findings, key=lambda f: severity_rank(f.severity)).severity == missing
    assert result.verdict == verdict


def test_the_result_names_the_organizations_involved_and_the_outside_recipients(index):
    d = draft(
        to=["wang.wei@sunnew.cn", "m.schmidt@solartech.de"],
        cc=["bob@acme-trade.example", "buyer@newco.example"],
        body="Nordlicht hat gerade 200 Stück gebucht.",
    )
    result = check(d, index)
    assert result.recipient_org_ids == ("solartech", "sunnew")
    assert result.mentioned_org_ids == ("nordlicht",)
    assert result.external_recipients == ("wang.wei@sunnew.cn", "m.schmidt@solartech.de", "buyer@newco.example")
    assert result.index_version == 7


def test_a_dismissed_finding_is_marked_as_suppressed(index):
    d = draft(to=["j.garcia@energiasolar.es"], body="Hola José,\nMichael de SolarTech te llamará mañana.")
    medium = _finding(check(d, index), "content_mismatch")
    assert medium.suppressed is False
    assert _finding(check(d, index, _dismissed(medium)), "content_mismatch").suppressed is True


def test_a_dismissal_never_silences_a_finding_without_recipients(index):
    d = draft(to=["j.garcia@energiasolar.es"], body="Hola José,\nMichael de SolarTech te llamará mañana.")
    context = _dismissed(_finding(check(d, index), "content_mismatch"))
    claim = draft(to=["j.garcia@energiasolar.es"], body="Le adjunto la cotización.")
    missing = _finding(check(claim, index, context), "missing_attachment")
    assert (missing.severity, missing.suppressed) == ("medium", False)


def test_a_policy_that_forgot_info_still_lets_notes_through():
    enforcement = {"low": "allow", "medium": "warn", "high": "warn", "critical": "block"}
    idx = build_index(make_snapshot(PolicyView(enforcement=enforcement)))  # type: ignore[arg-type]
    result = check(draft(to=["p.dubois@soleil-distribution.fr"]), idx)
    assert [f.severity for f in result.findings] == ["info"]
    assert result.verdict == "ok"
