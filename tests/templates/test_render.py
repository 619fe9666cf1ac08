"""Rendering every template in every language it claims, and refusing to render a letter with a hole in it."""

from __future__ import annotations

import re
from datetime import date

import pytest
from markupsafe import escape

from app.templates import (
    InvalidFields,
    MissingFields,
    UnknownTemplate,
    UnsupportedLocale,
    get_template,
    list_templates,
    render,
)
from tests.templates.samples import DATES, FULL, full_fields, html_to_text, required_fields, text_facts

CASES = [(info.name, locale) for info in list_templates() for locale in info.locales]
LEFTOVERS = ("{{", "}}", "{%", "%}", "None", "undefined")
EMPTY_ELEMENT = re.compile(r"<(td|th|li|p|strong)[^>]*>\s*</\1>")


def _expected_values(name: str, locale: str, fields: dict[str, object]) -> dict[str, str]:
    """Every value the reader must find in the letter, as the letter writes it."""
    info = get_template(name)
    expected: dict[str, str] = {}
    for spec in info.fields:
        value = fields.get(spec.name)
        if value is None or spec.type == "enum":
            continue  # enums choose wording, they are not printed
        if spec.type == "date":
            expected[spec.name] = DATES[locale][str(value)]
        elif spec.type == "list":
            expected.update({f"{spec.name}[{i}]": item for i, item in enumerate(value)})  # type: ignore[arg-type]
        else:
            expected[spec.name] = str(value)
    # A formal greeting uses the surname ("Sehr geehrter Herr Schmidt"); the full name need not appear then.
    formal = fields.get("recipient_last_name") and fields.get("recipient_gender") in ("male", "female")
    if formal and name != "intro_three_way":  # the introduction lists everyone by full name
        expected.pop("recipient_name", None)
    return expected


def _assert_clean(output: str) -> None:
    for leftover in LEFTOVERS:
        assert leftover not in output, leftover
    assert not EMPTY_ELEMENT.search(output), EMPTY_ELEMENT.search(output)


@pytest.mark.parametrize(("name", "locale"), CASES)
def test_full_render_shows_every_value(name: str, locale: str) -> None:
    fields = full_fields(get_template(name))
    rendered = render(name, locale, fields)
    everything = rendered.subject + "\n" + rendered.body_text
    for field, value in _expected_values(name, locale, fields).items():
        assert value in everything, f"{field} missing from text"
        assert str(escape(value)) in rendered.subject + rendered.body_html, f"{field} missing from HTML"
    for output in (rendered.subject, rendered.body_html, rendered.body_text):
        _assert_clean(output)


@pytest.mark.parametrize(("name", "locale"), CASES)
def test_required_fields_alone_render_a_complete_letter(name: str, locale: str) -> None:
    rendered = render(name, locale, required_fields(get_template(name)))
    for output in (rendered.subject, rendered.body_html, rendered.body_text):
        _assert_clean(output)
    assert "\n\n\n" not in rendered.body_text
    assert "()" not in rendered.body_text and "（）" not in rendered.body_text


@pytest.mark.parametrize(("name", "locale"), CASES)
def test_subject_is_one_stripped_line(name: str, locale: str) -> None:
    fields = full_fields(get_template(name))
    fields.update({k: f"  {v}\nsecond line  " for k, v in fields.items() if k in ("matter", "document_name")})
    subject = render(name, locale, fields).subject
    assert subject and subject == subject.strip()
    assert "\n" not in subject and "\r" not in subject


@pytest.mark.parametrize(("name", "locale"), CASES)
def test_text_twin_carries_the_same_words_as_html(name: str, locale: str) -> None:
    rendered = render(name, locale, full_fields(get_template(name)))
    assert text_facts(rendered.body_text) == html_to_text(rendered.body_html)


def test_handoff_subject_formula_english() -> None:
    subject = render("handoff_internal", "en", full_fields(get_template("handoff_internal"))).subject
    assert subject == "[Customer Handoff] SolarTech GmbH / Michael Schmidt - Inverter order 2026-001 - from Alex Chen"


def test_handoff_subject_formula_chinese() -> None:
    fields = full_fields(get_template("handoff_internal"))
    fields.update(company="上海光伏科技有限公司", contact_name="王伟", matter="逆变器年度订单", sender_name="陈亚历")
    subject = render("handoff_internal", "zh-CN", fields).subject
    assert subject == "[客户分享] 上海光伏科技有限公司 / 王伟 - 逆变器年度订单 - 来自 陈亚历"


def test_handoff_has_the_six_rows_in_order_and_closes_with_the_takeover_date() -> None:
    rendered = render("handoff_internal", "en", full_fields(get_template("handoff_internal")))
    rows = re.findall(r"<th[^>]*>(.*?)</th>", rendered.body_html)
    assert rows == [
        "1. Basic information",
        "2. Source and contact history",
        "3. Needs and pain points",
        "4. Materials already sent",
        "5. Personality and communication preferences",
        "6. Next steps",
    ]
    closing = rendered.body_text.rsplit("6. Next steps", 1)[1]
    assert "December 1, 2026" in closing


@pytest.mark.parametrize("company", ["<script>alert(1)</script>", "Müller & Söhne"])
def test_html_is_escaped_and_text_is_verbatim(company: str) -> None:
    fields = full_fields(get_template("handoff_internal"))
    fields.update(company=company, overview=f"{company}\nsecond line")
    rendered = render("handoff_internal", "en", fields)
    assert company not in rendered.body_html
    assert str(escape(company)) in rendered.body_html
    assert f"{escape(company)}<br>\nsecond line" in rendered.body_html
    assert company in rendered.body_text
    assert company in rendered.subject  # a mail header is not HTML


def test_customer_letter_escapes_names_in_the_greeting() -> None:
    fields = full_fields(get_template("resend_intended"))
    fields.update(recipient_name="Tom <Jr>", recipient_last_name=None, recipient_gender="unknown")
    rendered = render("resend_intended", "en", fields)
    assert "Dear Tom &lt;Jr&gt;," in rendered.body_html
    assert "Dear Tom <Jr>," in rendered.body_text


def test_missing_fields_are_named_exactly() -> None:
    fields = full_fields(get_template("handoff_internal"))
    del fields["company"]
    fields["next_steps"] = "   "  # blank is missing, never an empty table cell
    fields["materials_sent"] = ["", " "]
    with pytest.raises(MissingFields) as caught:
        render("handoff_internal", "en", fields)
    assert caught.value.fields == ["company", "materials_sent", "next_steps"]
    assert caught.value.details["missing"] == ["company", "materials_sent", "next_steps"]
    assert caught.value.status_code == 422
    assert caught.value.code == "missing_fields"


def test_optional_fields_may_be_left_out_or_blank() -> None:
    fields = required_fields(get_template("apology_wrong_recipient"))
    fields["explanation"] = " "
    rendered = render("apology_wrong_recipient", "en", fields)
    assert "simple addressing error" in rendered.body_text


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("takeover_date", "2026-13-45"),
        ("takeover_date", 20261201),
        ("contact_email", "not-an-address"),
        ("company", 42),
        ("materials_sent", [1, 2]),
    ],
)
def test_wrong_kinds_of_value_are_invalid(field: str, value: object) -> None:
    fields = full_fields(get_template("handoff_internal"))
    fields[field] = value
    with pytest.raises(InvalidFields) as caught:
        render("handoff_internal", "en", fields)
    assert caught.value.fields == [field]
    assert caught.value.code == "invalid_fields"
    assert caught.value.status_code == 422


def test_enum_outside_its_choices_is_invalid() -> None:
    fields = full_fields(get_template("apology_wrong_recipient"))
    fields["severity"] = "catastrophic"
    with pytest.raises(InvalidFields) as caught:
        render("apology_wrong_recipient", "de", fields)
    assert caught.value.fields == ["severity"]
    assert "critical" in caught.value.details["invalid"]["severity"]


def test_unknown_field_names_are_invalid_so_typos_are_caught() -> None:
    fields = full_fields(get_template("resend_intended"))
    fields["refernce"] = "Order 1"
    with pytest.raises(InvalidFields) as caught:
        render("resend_intended", "en", fields)
    assert caught.value.fields == ["refernce"]


def test_unknown_template() -> None:
    with pytest.raises(UnknownTemplate) as caught:
        render("handoff_external", "en", {})
    assert caught.value.status_code == 404
    assert caught.value.code == "template_not_found"


@pytest.mark.parametrize(
    ("name", "locale"), [("handoff_internal", "de"), ("resend_intended", "ja"), ("resend_intended", "")]
)
def test_unknown_locale_lists_the_available_ones(name: str, locale: str) -> None:
    with pytest.raises(UnsupportedLocale) as caught:
        render(name, locale, full_fields(get_template(name)))
    assert caught.value.code == "locale_not_supported"
    assert caught.value.status_code == 422
    assert caught.value.details["available"] == sorted(get_template(name).locales)


def test_locale_case_is_forgiven() -> None:
    rendered = render("resend_intended", "ZH-cn", full_fields(get_template("resend_intended")))
    assert rendered.body_text.startswith("尊敬的Schmidt先生：")


def test_dates_accept_date_objects_and_iso_strings() -> None:
    fields = full_fields(get_template("handoff_customer_notice"))
    by_object = render("handoff_customer_notice", "de", {**fields, "effective_date": date(2026, 11, 23)})
    by_string = render("handoff_customer_notice", "de", {**fields, "effective_date": "2026-11-23"})
    assert by_object == by_string
    assert "ab dem 23. November 2026" in by_object.subject


def test_chinese_names_in_a_chinese_letter() -> None:
    fields = full_fields(get_template("handoff_customer_notice"))
    fields.update(recipient_name="王伟", recipient_last_name="王", recipient_gender="male", new_contact_name="李娜")
    rendered = render("handoff_customer_notice", "zh-CN", fields)
    assert rendered.body_text.startswith("尊敬的王先生：")
    assert "我的同事李娜（Key Account Manager）" in rendered.body_text


def test_german_names_in_a_german_letter() -> None:
    fields = full_fields(get_template("intro_three_way"))
    fields.update(
        recipient_name="Jürgen Groß",
        recipient_last_name="Groß",
        recipient_gender="male",
        partner_name="Sabine Weiß",
        partner_last_name="Weiß",
        partner_gender="female",
    )
    rendered = render("intro_three_way", "de", fields)
    assert rendered.body_text.startswith("Sehr geehrter Herr Groß, sehr geehrte Frau Weiß,")
    assert "Jürgen Groß, SolarTech GmbH:" in rendered.body_text
    assert "Sehr geehrter Herr Groß, sehr geehrte Frau Weiß," in rendered.body_html


def test_apology_tone_follows_severity() -> None:
    fields = full_fields(get_template("apology_wrong_recipient"))
    critical = render("apology_wrong_recipient", "en", {**fields, "severity": "critical"})
    low = render("apology_wrong_recipient", "en", {**fields, "severity": "low"})
    assert critical.subject.startswith("Urgent:") and not low.subject.startswith("Urgent")
    assert "confidential" in critical.body_text and "confidential" not in low.body_text
    assert "written confirmation" in critical.body_text
    high = render("apology_wrong_recipient", "en", {**fields, "severity": "high"})
    assert "confidential" in high.body_text and "written confirmation" not in high.body_text


def test_apology_never_names_the_intended_customer() -> None:
    # The wrong recipient may be the customer's rival: the letter asks for deletion without saying whose it was.
    info = get_template("apology_wrong_recipient")
    assert info.field("recipient_company") is None and info.field("wrong_recipient_company") is None
    for locale in info.locales:
        text = render("apology_wrong_recipient", locale, {**full_fields(info), "document_name": "PI.pdf"}).body_text
        assert "SolarTech" not in text.replace(FULL["original_subject"], "")


def test_notice_describes_the_wrong_recipient_without_naming_them_unless_asked() -> None:
    fields = {**full_fields(get_template("notice_intended_recipient")), "wrong_recipient_company": None}
    anonymous = render("notice_intended_recipient", "en", fields).body_text
    assert "SunPeak" not in anonymous
    assert "a company active in the same market as SolarTech GmbH" in anonymous
    named = render("notice_intended_recipient", "en", {**fields, "wrong_recipient_company": "SunPeak Energy"})
    assert "SunPeak Energy is active in the same market as SolarTech GmbH" in named.body_text


def test_notice_reports_confirmed_deletion() -> None:
    fields = full_fields(get_template("notice_intended_recipient"))
    requested = render("notice_intended_recipient", "fr", fields).body_text
    confirmed = render("notice_intended_recipient", "fr", {**fields, "deletion_status": "confirmed"}).body_text
    assert "me confirmer cette suppression" in requested
    assert "confirmé par écrit" in confirmed and "me confirmer cette suppression" not in confirmed
