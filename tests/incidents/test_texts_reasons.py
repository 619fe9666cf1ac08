"""Reasons and step titles word for word, built straight from an assessment (no database, no engine run)."""

from __future__ import annotations

from app.analysis.directory import OrgEntry
from app.incidents.assessment import Assessment, RecipientRelation
from app.incidents.texts import _relation_reason, reasons, step_title

SOLAR = OrgEntry("solar", "Solar GmbH", "customer", ("solar.example",), rival_group="pv-de")
PEAK = OrgEntry("peak", "Peak Energy", "customer", ("peak.example",), rival_group="pv-de")
ORIENT = OrgEntry("orient", "Orient Export", "competitor", ("orient.example",))


def _assessment(doc_classes: tuple[str, ...], *recipients: RecipientRelation) -> Assessment:
    return Assessment("high", "contractual", "competitor", recipients, doc_classes, (SOLAR,))


def test_reasons_in_english() -> None:
    assessment = _assessment(
        ("pi", "other", "quotation", "pi"),
        RecipientRelation("f@orient.example", "competitor", ORIENT),
        RecipientRelation("x@unknown.example", "unrelated", None),
    )
    assert reasons(assessment, "en-GB") == [
        "What was sent is contractual: a proforma invoice, contract, order or invoice of another customer. "
        "Attached: proforma invoice, quotation.",
        "f@orient.example belongs to Orient Export, a competitor of your company.",
        "x@unknown.example is not in your directory as a customer, partner or competitor.",
        "High: act within the hour: ask for deletion and tell the customer concerned yourself.",
    ]


def test_reasons_in_chinese() -> None:
    assessment = _assessment(
        ("pi", "other", "quotation", "pi"), RecipientRelation("l@peak.example", "rival", PEAK, SOLAR)
    )
    assert reasons(assessment, "zh-CN") == [
        "误发的是合同类文件：其他客户的形式发票、合同、订单或发票。附件：形式发票、报价单。",
        "l@peak.example 属于 Peak Energy，与 Solar GmbH 是直接竞争关系，这是最不该收到此邮件的一方。",
        "高：一小时内处理：请误收方删除，并主动告知相关客户。",
    ]


def test_without_a_classified_attachment_no_attachment_list() -> None:
    assessment = _assessment(("other",))
    for locale, content in (
        ("en", "What was sent is contractual: a proforma invoice, contract, order or invoice of another customer."),
        ("zh-CN", "误发的是合同类文件：其他客户的形式发票、合同、订单或发票。"),
    ):
        assert reasons(assessment, locale)[0] == content


def test_one_attachment_in_both_languages() -> None:
    assessment = _assessment(("catalogue",))
    assert reasons(assessment, "en")[0].endswith(". Attached: catalogue.")
    assert reasons(assessment, "zh")[0].endswith("。附件：产品目录。")


def test_a_contact_without_an_org_is_named_by_its_domain() -> None:
    recipient = RecipientRelation("erik.l@mail.nordic.example", "customer", None)
    assert _relation_reason(recipient, "en") == (
        "erik.l@mail.nordic.example belongs to mail.nordic.example, one of your business contacts "
        "(not a competitor of the customer concerned)."
    )


def test_the_domain_is_what_follows_the_last_at_sign() -> None:
    recipient = RecipientRelation('"sales@eu"@nordic.example', "competitor", None)
    assert _relation_reason(recipient, "en") == (
        '"sales@eu"@nordic.example belongs to nordic.example, a competitor of your company.'
    )


def test_step_titles_list_every_address_in_english() -> None:
    title = step_title("record", "en-US", ["a@x.example", "b@y.example"], ["c@z.example", "d@z.example"])
    assert title == (
        "Recorded: SendGuard will warn you when you write to a@x.example, b@y.example "
        "instead of c@z.example, d@z.example again."
    )


def test_step_titles_list_every_address_in_chinese() -> None:
    title = step_title("record", "zh-TW", ["a@x.example", "b@y.example"], ["c@z.example", "d@z.example"])
    assert title == (
        "已记录：今后再把邮件发给 a@x.example、b@y.example 而非 c@z.example、d@z.example 时，SendGuard 会提醒您。"
    )
