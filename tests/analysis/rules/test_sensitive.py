import pytest

from app.analysis.directory import PolicyView
from app.analysis.findings import Finding
from app.analysis.index import build_index
from app.analysis.messages import title_and_message
from app.analysis.rules.sensitive import internal_content_external, quoted_internal_headers, sensitive_external
from tests.analysis.conftest import context_for, draft, make_snapshot

CUSTOMER = "m.schmidt@solartech.de"


@pytest.mark.parametrize(
    ("body", "category", "severity"),
    [
        ("The unit price is EUR 0.21/W.", "prices", "low"),
        ("单价为每瓦0.21欧元。", "prices", "low"),
        ("Der Stückpreis beträgt 0,21 EUR.", "prices", "low"),
        ("Our margin on this order is only 4%.", "costs", "high"),
        ("我们的成本价是0.15。", "costs", "high"),
        ("Unsere Marge liegt bei 8 %.", "costs", "high"),
        ("El precio de coste es 0,15.", "costs", "high"),
        ("Notre prix de revient est de 0,15.", "costs", "high"),
        ("Bankverbindung: Sparkasse", "bank", "low"),
        ("IBAN DE89 3704 0044 0532 0130 00", "bank", "low"),
        ("收款账户如下", "bank", "low"),
        ("Coordonnées bancaires ci-dessous", "bank", "low"),
        ("Payment terms: 30% deposit, balance before shipment.", "terms", "low"),
        ("Condiciones de pago: 30% anticipo.", "terms", "low"),
    ],
)
def test_sensitive_categories(index, body, category, severity):
    findings = sensitive_external(context_for(draft(to=[CUSTOMER], body=body), index))
    by_category = {f.params["category"]: f for f in findings}
    assert by_category[category].severity == severity
    assert by_category[category].recipients == (CUSTOMER,)


def test_sensitive_evidence_is_original_text(index):
    [finding] = sensitive_external(context_for(draft(to=[CUSTOMER], body="Our MARGIN is thin."), index))
    assert finding.evidence == ("Our MARGIN",)


def test_sensitive_quiet_internal_and_quoted(index):
    internal = draft(to=["bob@acme-trade.example"], body="Our margin is 4%, cost price 0.15.")
    assert sensitive_external(context_for(internal, index)) == []
    quoted = draft(to=[CUSTOMER], body="Thanks!\n\nOn Mon, Michael wrote:\n> what is the price?")
    assert sensitive_external(context_for(quoted, index)) == []
    assert sensitive_external(context_for(draft(to=[CUSTOMER], body="See you in Munich."), index)) == []


def test_policy_terms_extend_builtin_lists():
    idx = build_index(make_snapshot(PolicyView(sensitive_terms={"costs": ("Projekt Falke",)})))
    [finding] = sensitive_external(context_for(draft(to=[CUSTOMER], body="Update zu projekt falke"), idx))
    assert finding.params["category"] == "costs"
    assert finding.severity == "high"


@pytest.mark.parametrize(
    "body",
    [
        "FYI - internal only: we can go to 0.19.",
        "Confidential – Internal\nNotes on the account",
        "仅限内部：客户要求降价。",
        "Nur intern: Angebot nicht weitergeben.",
        "Solo uso interno.",
        "Usage interne uniquement.",
        "Between us, they are a slow payer.",
        "别告诉客户我们的底价。",
    ],
)
def test_internal_markers_and_comments(index, body):
    [finding] = internal_content_external(context_for(draft(to=[CUSTOMER], body=body), index))
    assert finding.severity == "critical"
    assert finding.evidence


def test_forwarded_internal_discussion_to_the_customer(index):
    body = (
        "Hi Michael, see below.\n\n"
        "-----Original Message-----\n"
        "From: Bob Li <bob@acme-trade.example>\n"
        "Sent: Monday, March 2, 2026 10:00\n"
        "To: Alex <alex@acme-trade.example>\n"
        "Subject: SolarTech\n\n"
        "They always push for more discount, let's hold at 0.21.\n"
    )
    [finding] = internal_content_external(context_for(draft(to=[CUSTOMER], body=body), index))
    assert finding.severity == "critical"
    assert "bob@acme-trade.example -> alex@acme-trade.example" in finding.evidence


def test_quoted_customer_thread_is_not_internal(index):
    body = (
        "Hi Michael, confirmed.\n\n"
        "From: Alex <alex@acme-trade.example>\nSent: Monday\nTo: Michael <m.schmidt@solartech.de>\n"
        "Subject: RE: order\n\nDear Michael, the goods ship Friday.\n"
    )
    assert internal_content_external(context_for(draft(to=[CUSTOMER], body=body), index)) == []


def test_internal_content_to_internal_is_quiet(index):
    d = draft(to=["bob@acme-trade.example"], body="Internal only: between us, they are difficult.")
    assert internal_content_external(context_for(d, index)) == []


@pytest.mark.parametrize(
    ("to", "severity"),
    [
        ("m.schmidt@solartech.de", "low"),  # a directory customer paying us
        ("new.buyer@unknown-trading.example", "high"),  # an address nobody verified
        ("m.schmidt@solartec.de", "high"),  # a look-alike of the customer
    ],
)
def test_bank_details_are_routine_only_toward_known_customers(index, to, severity):
    [finding] = sensitive_external(context_for(draft(to=[to], body="Our IBAN: DE89 3704 0044 0532 0130 00"), index))
    assert finding.severity == severity


@pytest.mark.parametrize(
    "body",
    [
        "Please quote your factory price and EXW cost for 2,000 brackets.",
        "请报一下2000套支架的出厂价和成本价。",
        "Our margin on this order is thin, please help with the price.",
    ],
)
def test_costs_and_prices_with_our_supplier_or_forwarder_are_routine(index, body):
    for third_party in ("sales@panelparts.cn", "tom.lee@fastfreight.com"):
        assert sensitive_external(context_for(draft(to=[third_party], body=body), index)) == []


def test_costs_toward_a_customer_beside_its_forwarder_name_only_the_customer(index):
    d = draft(to=[CUSTOMER], cc=["tom.lee@fastfreight.com"], body="Our margin is only 4%.")
    [finding] = sensitive_external(context_for(d, index))
    assert (finding.severity, finding.recipients) == ("high", (CUSTOMER,))


@pytest.mark.parametrize(
    ("body", "leaks"),
    [
        ("I can't go lower: we only keep a 6% margin on this order.", True),
        ("真的降不了了，这单利润只有3分钱。", True),
        ("Ehrlich gesagt liegt die Marge bei unter 5 %.", True),
        ("With this price your margin stays healthy.", False),
        ("This model gives you a healthy margin in your market.", False),
        ("这个价格给您留足了利润空间。", False),
        ("Con este precio su margen es muy bueno.", False),
        ("Avec ce prix, votre marge reste confortable.", False),
        ("We buy these at 3.65 from the factory and only keep about 6 % on top.", True),
        ("Wir zahlen ab Werk selbst 0,092 USD/Wp und schlagen nur 5 % auf.", True),
        ("La fábrica nos lo cobra a 0,091 USD/W y solo le sacamos un 4 %.", True),
        ("L'usine nous facture 0,093 USD/W et nous ne gardons que 5 %.", True),
        ("We can offer a 5 % discount on top of the list price.", False),
    ],
)
def test_margin_words_leak_only_when_they_are_ours(index, body, leaks):
    findings = [f for f in sensitive_external(context_for(draft(to=[CUSTOMER], body=body), index))]
    costs = [f for f in findings if f.params["category"] == "costs"]
    assert bool(costs) == leaks
    assert all(f.severity == "high" for f in costs)


@pytest.mark.parametrize(
    "body",
    [
        "(note to self: Pacific Sun pays late - ask for the deposit first)",
        "Intern: Nordlicht zahlt schleppend, erst nach Zahlungseingang verladen!",
        "[INTERNE] Batiprox paie toujours en retard.",
        "【内部备注，发送前删除：底价36元】",
        "INTERN @David: Nordlicht zahlt immer 30 Tage zu spät, nur gegen Vorkasse!",
        "(David: this guy paid 40 days late last time - insist on 100% TT)",
    ],
)
def test_internal_notes_left_in_the_mail(index, body):
    [finding] = internal_content_external(context_for(draft(to=[CUSTOMER], body=body), index))
    assert finding.severity == "critical"


def test_bank_card_quotes_every_account_number_typed_in_subject_and_body(index):
    d = draft(
        to=[CUSTOMER, "buyer@newco.example"],
        subject="IBAN DE89 3704 0044 0532 0130 00",
        body="Please pay to IBAN GB29 NWBK 6016 1331 9268 19 BIC: NWBKGB2L",
    )
    [finding] = sensitive_external(context_for(d, index))
    evidence = ("IBAN", "BIC", "DE89 3704 0044 0532 0130 00", "GB29 NWBK 6016 1331 9268 19", "BIC: NWBKGB2L")
    assert finding == Finding(
        code="sensitive_external",
        severity="high",
        recipients=(CUSTOMER, "buyer@newco.example"),
        evidence=evidence,
        params={
            "category": "bank",
            "terms": ", ".join(evidence[:5]),
            "recipients": f"{CUSTOMER}, buyer@newco.example",
        },
        key="category:bank",
    )
    _title, message = title_and_message(finding, "en")
    assert "DE89 3704 0044 0532 0130 00" in message and "buyer@newco.example" in message


@pytest.mark.parametrize(
    ("body", "evidence"),
    [
        ("Bank: SWIFT COBADEFFXXX", ("SWIFT COBADEFFXXX",)),
        ("Pay to our account, BIC COBADEFFXXX", ("BIC", "BIC COBADEFFXXX")),
    ],
)
def test_a_swift_or_bic_code_is_bank_detail(index, body, evidence):
    [finding] = sensitive_external(context_for(draft(to=["buyer@newco.example"], body=body), index))
    assert (finding.params["category"], finding.evidence) == ("bank", evidence)


def test_our_margin_quoted_as_written_from_the_body_or_the_subject(index):
    body = "Thanks for the call.\nI can't go lower: we only keep a 6% MARGIN on this order."
    [finding] = sensitive_external(context_for(draft(to=[CUSTOMER], body=body), index))
    assert (finding.params["category"], finding.evidence) == ("costs", ("MARGIN",))
    subject = draft(to=[CUSTOMER], subject="Re: our margin on order 2026-001", body="See you Monday.")
    [finding] = sensitive_external(context_for(subject, index))
    assert finding.params["category"] == "costs"


def test_internal_card_lists_what_gives_it_away_and_who_would_read_it(index):
    d = draft(
        to=[CUSTOMER],
        cc=["tom.lee@fastfreight.com"],
        body="Hi Michael,\nthe offer is below.\nINTERNAL ONLY: floor price 0.19\n",
    )
    [finding] = internal_content_external(context_for(d, index))
    assert finding.code == "internal_content_external"
    assert finding.recipients == (CUSTOMER, "tom.lee@fastfreight.com")
    assert finding.key == "internal"
    assert finding.params == {
        "evidence": ", ".join(finding.evidence),
        "recipients": f"{CUSTOMER}, tom.lee@fastfreight.com",
    }
    assert finding.evidence[0].lower() == "internal only"
    _title, message = title_and_message(finding, "en")
    assert finding.evidence[0] in message


def test_a_to_line_right_below_the_from_line_is_read(index):
    body = (
        "Hi Michael, see below.\n\n-----Original Message-----\nFrom: bob@acme-trade.example\n"
        "To: alex@acme-trade.example\nSent: Monday\n\nHold at 0.21."
    )
    assert quoted_internal_headers(context_for(draft(to=[CUSTOMER], body=body), index)) == [
        "bob@acme-trade.example -> alex@acme-trade.example"
    ]


def test_a_header_block_without_an_address_does_not_end_the_scan(index):
    body = (
        "Hi Michael, see below.\n\n-----Original Message-----\nFrom: Bob Li\nSent: Monday\nTo: Alex\n\nOK.\n\n"
        "From: bob@acme-trade.example\nSent: Sunday\nTo: alex@acme-trade.example\n\nHold at 0.21."
    )
    assert quoted_internal_headers(context_for(draft(to=[CUSTOMER], body=body), index)) == [
        "bob@acme-trade.example -> alex@acme-trade.example"
    ]


def test_without_configured_internal_domains_the_senders_domain_and_its_subdomains_are_internal():
    idx = build_index(make_snapshot(internal_domains=()))
    colleagues = (
        "Hi Michael, see below.\n\n-----Original Message-----\nFrom: bob@acme-trade.example\nSent: Monday\n"
        "To: lena@de.acme-trade.example\n\nHold at 0.21."
    )
    evidence = quoted_internal_headers(context_for(draft(to=[CUSTOMER], body=colleagues), idx))
    assert evidence == ["bob@acme-trade.example -> lena@de.acme-trade.example"]
    customer = colleagues.replace("lena@de.acme-trade.example", CUSTOMER)
    assert quoted_internal_headers(context_for(draft(to=[CUSTOMER], body=customer), idx)) == []
    lookalike = colleagues.replace("lena@de.acme-trade.example", "lena@xacme-trade.example")
    assert quoted_internal_headers(context_for(draft(to=[CUSTOMER], body=lookalike), idx)) == []
