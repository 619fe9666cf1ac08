import pytest

from app.analysis.directory import OrgEntry, PolicyView
from app.analysis.findings import Finding, Fix
from app.analysis.index import build_index
from app.analysis.messages import title_and_message
from app.analysis.rules.audience import competitor_recipient, exposed_recipients, large_audience, rival_exposure
from tests.analysis.conftest import ORGS, context_for, draft, make_snapshot

FIVE_CUSTOMERS = [
    "m.schmidt@solartech.de",
    "a.weber@sonnenkraft.de",
    "j.garcia@energiasolar.es",
    "p.dubois@soleil-distribution.fr",
    "wang.wei@sunnew.cn",
]


UNRELATED_CUSTOMERS = [a for a in FIVE_CUSTOMERS if "sonnenkraft" not in a]


def test_exposed_recipients_fires_for_customers_in_cc(index):
    ctx = context_for(draft(to=["alex@acme-trade.example"], cc=UNRELATED_CUSTOMERS, subject="Price update"), index)
    [finding] = exposed_recipients(ctx)
    assert finding.severity == "medium"
    assert set(finding.recipients) == set(UNRELATED_CUSTOMERS)
    assert finding.fixes[0].to_dict() == {"type": "move_to_bcc", "recipients": list(finding.recipients)}
    assert finding.params["count"] == "4"


def test_rivals_make_one_card_whose_fix_hides_every_exposed_customer(index):
    ctx = context_for(draft(to=["alex@acme-trade.example"], cc=FIVE_CUSTOMERS), index)
    assert exposed_recipients(ctx) == []
    [rivals] = rival_exposure(ctx)
    assert set(rivals.fixes[0].recipients) == set(FIVE_CUSTOMERS)


@pytest.mark.parametrize(
    "third_party",
    ["tom.lee@fastfreight.com", "sales@panelparts.cn", "ops@kuehne-forwarding.example", "sales@brightpanel.com"],
)
def test_a_customer_with_its_forwarder_supplier_partner_or_a_competitor_is_not_an_exposure(third_party):
    forwarder = OrgEntry("kuehne", "Kuehne Forwarding", "forwarder", ("kuehne-forwarding.example",))
    idx = build_index(make_snapshot(organizations=(*ORGS, forwarder)))
    ctx = context_for(draft(to=["m.schmidt@solartech.de"], cc=[third_party]), idx)
    assert exposed_recipients(ctx) == []


@pytest.mark.parametrize(
    ("address", "name"),
    [
        ("ops@baltic-cargo.pl", "Baltic Cargo Ops"),  # the customer's own agent, copied on a booking
        ("booking@sinofreight.cn", ""),
        ("a.krause@krause-logistik.de", ""),
        ("dispo@mueller-transporte.de", "Müller Spedition GmbH"),
        ("tracy.wu@163.com", "宁波远航物流 Tracy"),
        ("export@transportes-ibericos.es", "Transitarios Ibéricos"),
    ],
)
def test_an_unknown_recipient_whose_name_or_domain_says_it_moves_goods_is_not_an_exposure(index, address, name):
    ctx = context_for(draft(to=["m.schmidt@solartech.de"], cc=[address], names={address: name}), index)
    assert exposed_recipients(ctx) == []


def test_unknown_forwarders_leave_the_customers_beside_them_exposed(index):
    copied = ["ops@baltic-cargo.pl", "booking@sinofreight.cn", "li.buyer@gmail.com"]
    ctx = context_for(draft(to=["m.schmidt@solartech.de"], cc=copied), index)
    [finding] = exposed_recipients(ctx)
    assert set(finding.recipients) == {"m.schmidt@solartech.de", "li.buyer@gmail.com"}


@pytest.mark.parametrize(
    ("address", "name"), [("info@forwardsolar.com", "Forward Solar"), ("buyer@embargo-solar.fi", "Embargo Solar")]
)
def test_a_business_only_sounding_like_a_forwarder_is_still_an_audience(index, address, name):
    ctx = context_for(draft(to=["m.schmidt@solartech.de"], cc=[address], names={address: name}), index)
    assert len(exposed_recipients(ctx)) == 1


def test_each_unknown_address_at_a_free_mail_provider_is_its_own_organization(index):
    ctx = context_for(draft(to=["li.buyer@gmail.com", "carlos.compras@gmail.com"]), index)
    [finding] = exposed_recipients(ctx)
    assert finding.params["count"] == "2"
    assert exposed_recipients(context_for(draft(to=["a@qq.com"], cc=["a@qq.com"]), index)) == []


def test_undeliverable_addresses_are_not_an_audience(index):
    ctx = context_for(draft(to=["m.schmidt@solartech.de", "Michael Schmidt"]), index)
    assert exposed_recipients(ctx) == []


def test_exposed_recipients_counts_unknown_domains_by_registrable_domain(index):
    ctx = context_for(draft(to=["a@mail.newco.co.uk", "b@eu.newco.co.uk"]), index)
    assert exposed_recipients(ctx) == []
    ctx = context_for(draft(to=["a@mail.newco.co.uk", "b@other.co.uk"]), index)
    assert len(exposed_recipients(ctx)) == 1


def test_exposed_recipients_quiet_for_one_org_and_bcc(index):
    one_org = draft(to=["m.schmidt@solartech.de"], cc=["k.bauer@solartech.de", "alex@acme-trade.example"])
    assert exposed_recipients(context_for(one_org, index)) == []
    in_bcc = draft(to=["alex@acme-trade.example"], bcc=FIVE_CUSTOMERS)
    assert exposed_recipients(context_for(in_bcc, index)) == []


def test_exposed_recipients_respects_policy_threshold():
    idx = build_index(make_snapshot(PolicyView(bcc_threshold=3)))
    two = draft(to=["m.schmidt@solartech.de", "j.garcia@energiasolar.es"])
    three = draft(to=["m.schmidt@solartech.de", "j.garcia@energiasolar.es", "wang.wei@sunnew.cn"])
    assert exposed_recipients(context_for(two, idx)) == []
    assert len(exposed_recipients(context_for(three, idx))) == 1


def test_rival_exposure_fires_for_same_rival_group(index):
    rivals = ["m.schmidt@solartech.de", "a.weber@sonnenkraft.de"]
    ctx = context_for(draft(to=["alex@acme-trade.example"], cc=rivals), index)
    [finding] = rival_exposure(ctx)
    assert finding.severity == "critical"
    assert set(finding.recipients) == set(rivals)
    assert finding.params["group"] == "de-distributors"
    assert finding.fixes[0].type == "move_to_bcc"


def test_rival_exposure_not_for_single_visible_rival_or_bcc(index):
    assert rival_exposure(context_for(draft(to=["a.weber@sonnenkraft.de"]), index)) == []
    hidden = draft(to=["m.schmidt@solartech.de"], bcc=["a.weber@sonnenkraft.de"])
    assert rival_exposure(context_for(hidden, index)) == []
    different_groups = draft(to=["m.schmidt@solartech.de", "j.garcia@energiasolar.es"])
    assert rival_exposure(context_for(different_groups, index)) == []


def test_competitor_recipient_fires_even_in_bcc(index):
    ctx = context_for(draft(to=["m.schmidt@solartech.de"], bcc=["sales@brightpanel.com"]), index)
    [finding] = competitor_recipient(ctx)
    assert finding.severity == "high"
    assert finding.recipients == ("sales@brightpanel.com",)
    assert finding.fixes[0].to_dict() == {"type": "remove_recipient", "recipient": "sales@brightpanel.com"}


def test_competitor_recipient_quiet_for_customers(index):
    assert competitor_recipient(context_for(draft(to=FIVE_CUSTOMERS), index)) == []


COLLEAGUES = [f"colleague{i}@acme-trade.example" for i in range(30)]


def test_large_audience_at_policy_limit():
    idx = build_index(make_snapshot(PolicyView(large_audience=4)))
    few = draft(to=COLLEAGUES[:3])
    many = draft(to=COLLEAGUES[:3], cc=["tom.lee@fastfreight.com"])
    assert large_audience(context_for(few, idx)) == []
    [finding] = large_audience(context_for(many, idx))
    assert finding.severity == "low"
    assert finding.params["count"] == "4"
    assert finding.fixes[0].recipients == ("tom.lee@fastfreight.com",)


def test_large_audience_default_25_and_not_beside_an_exposure_card(index):
    assert len(large_audience(context_for(draft(bcc=COLLEAGUES), index))) == 0
    assert len(large_audience(context_for(draft(to=COLLEAGUES[:25]), index))) == 1
    customers = [f"buyer{i}@customer{i}.com" for i in range(25)]
    [note] = large_audience(context_for(draft(to=customers), index))
    assert note.fixes == ()  # the exposure card carries the one Move to Bcc


def test_the_rival_card_names_organizations_never_the_groups_directory_tag(index):
    from app.analysis.messages import title_and_message

    ctx = context_for(draft(to=["m.schmidt@solartech.de", "a.weber@sonnenkraft.de"]), index)
    [finding] = rival_exposure(ctx)
    for locale in ("en", "zh-CN"):
        title, message = title_and_message(finding, locale)
        assert "de-distributors" not in title + message + " ".join(finding.evidence)
        assert "SolarTech GmbH" in message


def test_exposure_card_names_each_organization_with_its_visible_addresses(index):
    d = draft(
        to=["m.schmidt@solartech.de", "k.bauer@solartech.de"],
        cc=["li.buyer@gmail.com", "einkauf@mail.newco.co.uk", "j.garcia@energiasolar.es"],
    )
    [finding] = exposed_recipients(context_for(d, index))
    exposed = (
        "m.schmidt@solartech.de",
        "k.bauer@solartech.de",
        "li.buyer@gmail.com",
        "einkauf@mail.newco.co.uk",
        "j.garcia@energiasolar.es",
    )
    assert finding == Finding(
        code="exposed_recipients",
        severity="medium",
        recipients=exposed,
        evidence=(
            "SolarTech GmbH: m.schmidt@solartech.de, k.bauer@solartech.de",
            "li.buyer@gmail.com: li.buyer@gmail.com",
            "newco.co.uk: einkauf@mail.newco.co.uk",
            "Energía Solar Ibérica S.L.: j.garcia@energiasolar.es",
        ),
        fixes=(Fix("move_to_bcc", recipients=exposed),),
        params={
            "count": "4",
            "orgs": "SolarTech GmbH, li.buyer@gmail.com, newco.co.uk, Energía Solar Ibérica S.L.",
        },
    )
    assert "SolarTech GmbH, li.buyer@gmail.com, newco.co.uk" in title_and_message(finding, "en")[1]


def test_the_card_lists_five_organizations_and_shortens_a_longer_list(index):
    five = [f"buyer@customer{i}.example" for i in range(5)]
    [finding] = exposed_recipients(context_for(draft(to=five), index))
    assert finding.params["orgs"] == ", ".join(f"customer{i}.example" for i in range(5))
    [longer] = exposed_recipients(context_for(draft(to=[*five, "buyer@customer5.example"]), index))
    assert longer.params["orgs"] == ", ".join(f"customer{i}.example" for i in range(5)) + ", ..."
    assert longer.params["count"] == "6"


def test_rival_card_evidence_lists_each_rival_with_its_addresses(index):
    d = draft(to=["m.schmidt@solartech.de", "k.bauer@solartech.de"], cc=["a.weber@sonnenkraft.de"])
    [finding] = rival_exposure(context_for(d, index))
    hidden = ("m.schmidt@solartech.de", "k.bauer@solartech.de", "a.weber@sonnenkraft.de")
    assert finding == Finding(
        code="rival_exposure",
        severity="critical",
        recipients=hidden,
        evidence=(
            "SolarTech GmbH: m.schmidt@solartech.de, k.bauer@solartech.de",
            "Sonnenkraft Vertrieb GmbH: a.weber@sonnenkraft.de",
        ),
        fixes=(Fix("move_to_bcc", recipients=hidden),),
        params={"group": "de-distributors", "orgs": "SolarTech GmbH, Sonnenkraft Vertrieb GmbH"},
        key="group:de-distributors",
    )


def test_competitor_card_names_the_competitor(index):
    ctx = context_for(draft(to=["m.schmidt@solartech.de"], cc=["sales@brightpanel.com"]), index)
    [finding] = competitor_recipient(ctx)
    assert finding == Finding(
        code="competitor_recipient",
        severity="high",
        recipients=("sales@brightpanel.com",),
        evidence=("sales@brightpanel.com: BrightPanel Inc.",),
        fixes=(Fix("remove_recipient", recipient="sales@brightpanel.com"),),
        params={"recipient": "sales@brightpanel.com", "org": "BrightPanel Inc."},
        key="org:brightpanel",
    )
    _title, message = title_and_message(finding, "en")
    assert "sales@brightpanel.com" in message and "BrightPanel Inc." in message


def test_large_audience_card_counts_the_visible_recipients_against_the_limit():
    idx = build_index(make_snapshot(PolicyView(large_audience=4)))
    d = draft(to=COLLEAGUES[:3], cc=["tom.lee@fastfreight.com"], bcc=["sales@panelparts.cn"])
    [finding] = large_audience(context_for(d, idx))
    assert finding == Finding(
        code="large_audience",
        severity="low",
        recipients=("tom.lee@fastfreight.com",),
        evidence=("4 visible recipients",),
        fixes=(Fix("move_to_bcc", recipients=("tom.lee@fastfreight.com",)),),
        params={"count": "4", "limit": "4"},
    )
    _title, message = title_and_message(finding, "en")
    assert "(limit 4)" in message
