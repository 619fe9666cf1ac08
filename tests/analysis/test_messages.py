"""What the user reads: localized titles, messages and the send prompt."""

import pytest

from app.analysis.findings import CheckResult, Finding, Fix
from app.analysis.messages import (
    SUMMARY_MAX,
    code_name,
    localize,
    sentence,
    summary,
    supported_locale,
    title_and_message,
)
from app.analysis.texts import CATEGORY_LABELS, PROBLEM_LABELS, REASON_LABELS

LOCALES = ("en", "zh-CN")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh-CN", "zh-CN"), ("zh_TW", "zh-CN"), ("ZH", "zh-CN"), ("de-DE", "en"), ("", "en"), (None, "en")],
)
def test_chinese_locales_read_chinese_and_the_rest_english(locale, expected):
    assert supported_locale(locale) == expected


def test_a_localized_finding_carries_everything_the_card_shows():
    finding = Finding(
        "invalid_address",
        "high",
        recipients=("k.bauer@solartech,de",),
        evidence=("k.bauer@solartech,de: invalid domain",),
        fixes=(Fix("replace_recipient", recipient="k.bauer@solartech,de", suggestion="k.bauer@solartech.de"),),
        params={"recipient": "k.bauer@solartech,de", "problem": "invalid domain", "suggestion": "k.bauer@solartech.de"},
        key="address:k.bauer@solartech,de",
    )
    [card] = localize(CheckResult("block", (finding,), 0), "zh_CN").findings
    assert card.to_dict() == {
        "id": finding.id,
        "code": "invalid_address",
        "severity": "high",
        "title": title_and_message(finding, "zh-CN")[0],
        "message": title_and_message(finding, "zh-CN")[1],
        "recipients": ["k.bauer@solartech,de"],
        "evidence": ["k.bauer@solartech,de: invalid domain"],
        "fixes": [
            {"type": "replace_recipient", "recipient": "k.bauer@solartech,de", "suggestion": "k.bauer@solartech.de"}
        ],
    }
    assert "域名无效" in card.message and "k.bauer@solartech.de" in card.message


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("problem", sorted(PROBLEM_LABELS))
def test_an_invalid_address_message_names_its_problem_in_the_readers_language(locale, problem):
    finding = Finding("invalid_address", "high", params={"recipient": "x", "problem": problem, "suggestion": ""})
    _title, message = title_and_message(finding, locale)
    assert PROBLEM_LABELS[problem][locale] in message
    assert "?" not in message and "？" not in message  # no "did you mean" without a suggestion


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("reason", sorted(REASON_LABELS))
def test_a_lookalike_message_says_why_in_the_readers_language(locale, reason):
    params = {"recipient": "a@solartec.de", "domain": "solartec.de", "known": "solartech.de", "reason": reason}
    _title, message = title_and_message(Finding("lookalike_domain", "high", params=params), locale)
    assert REASON_LABELS[reason][locale] in message and "solartec.de" in message


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("category", sorted(CATEGORY_LABELS))
def test_a_sensitive_card_names_the_category_in_the_readers_language(locale, category):
    finding = Finding("sensitive_external", "high", params={"category": category, "terms": "IBAN", "recipients": "x"})
    title, message = title_and_message(finding, locale)
    category_title, category_label = CATEGORY_LABELS[category][locale]
    assert category_title in title and category_label in message and "IBAN" in message


def test_unlisted_labels_are_shown_as_given():
    finding = Finding("sensitive_external", "high", params={"category": "pricing-sheet", "terms": "x"})
    title, message = title_and_message(finding, "en")
    assert "pricing-sheet" in title and "pricing-sheet" in message
    odd = Finding("invalid_address", "high", params={"recipient": "x", "problem": "odd characters"})
    assert "odd characters" in title_and_message(odd, "zh-CN")[1]
    reason = Finding("lookalike_domain", "high", params={"domain": "d", "known": "k", "reason": "homoglyph"})
    assert "homoglyph" in title_and_message(reason, "en")[1]


@pytest.mark.parametrize(
    ("params", "en", "zh"),
    [
        ({"source": "PI.pdf", "source_kind": "attachment_name"}, "PI.pdf names", "PI.pdf"),
        ({"source_kind": "subject"}, "The subject names", "邮件主题"),
        ({"source_kind": "body"}, "The text names", "正文"),
    ],
)
def test_the_prompt_says_where_another_customers_name_was_found(params, en, zh):
    finding = Finding("content_mismatch", "high", params={"org": "SolarTech GmbH", "to_orgs": "X", **params})
    assert sentence(finding, "en").startswith(en)
    assert sentence(finding, "zh-CN").startswith(zh)
    assert "competitor" not in sentence(finding, "en") and "rival" not in sentence(finding, "en")


def test_a_code_without_texts_shows_the_code():
    finding = Finding("future_rule", "medium")
    assert title_and_message(finding, "zh-CN") == ("future_rule", "")
    assert sentence(finding, "en") == "future_rule"
    assert code_name("future_rule", "en") == "future_rule"


def test_code_names_follow_the_locale():
    assert code_name("missing_attachment", "zh_CN") == "缺少附件"
    assert code_name("missing_attachment", "de") == "Attachment missing"


def _finding(code: str, severity: str, recipient: str) -> Finding:
    return Finding(code, severity, params={"recipient": recipient, "problem": "no @"})  # type: ignore[arg-type]


def test_the_prompt_starts_with_the_block_and_joins_sentences_per_language():
    findings = (_finding("invalid_address", "high", "a"), _finding("invalid_address", "high", "b"))
    en = summary(CheckResult("block", findings, 0), "en")
    assert en == "Sending is blocked. a is not a valid address (no @). b is not a valid address (no @)."
    zh = summary(CheckResult("block", findings, 0), "zh-CN")
    assert zh.startswith("已阻止发送。") and "已阻止发送。 " not in zh
    assert summary(CheckResult("warn", findings[:1], 0), "en") == "a is not a valid address (no @)."


def test_notes_join_the_prompt_only_when_nothing_worse_is_there():
    low = Finding("large_audience", "low", params={"count": "30"})
    assert summary(CheckResult("warn", (low,), 0), "en") == "30 recipients would see each other's addresses."
    with_medium = (low, _finding("invalid_address", "medium", "a"))
    assert summary(CheckResult("warn", with_medium, 0), "en") == "a is not a valid address (no @)."


def test_what_does_not_fit_is_counted_exactly():
    # Each sentence is 100 characters: four fit with their gaps, the fifth would not.
    findings = tuple(_finding("invalid_address", "high", f"{i}" * 69) for i in range(1, 7))
    text = summary(CheckResult("warn", findings, 0), "en")
    assert len(sentence(findings[0], "en")) == 100
    assert text.endswith(" (+2 more)")
    assert text.count("is not a valid address") == 4
    assert len(text) <= SUMMARY_MAX


def test_a_prompt_that_fits_exactly_is_not_cut():
    findings = tuple(_finding("invalid_address", "high", f"{i}" * 69) for i in range(1, 5))
    four = summary(CheckResult("warn", findings, 0), "en")
    assert len(four) == 403 and "more" not in four
    five = (*findings, _finding("invalid_address", "high", "5" * 65))  # 96 characters: 403 + 1 + 96 = 500
    text = summary(CheckResult("warn", five, 0), "en")
    assert len(text) == SUMMARY_MAX and "more" not in text


def test_one_sentence_longer_than_the_prompt_is_cut_with_an_ellipsis():
    long = _finding("invalid_address", "high", "x" * 600)
    text = summary(CheckResult("warn", (long, _finding("invalid_address", "high", "b")), 0), "en")
    assert len(text) == SUMMARY_MAX and text.endswith("…") and text.startswith("xxx")


def test_the_more_note_itself_must_fit():
    # The fifth sentence would fit alone (500 characters), but not with " (+1 more)" after it.
    findings = tuple(_finding("invalid_address", "high", f"{i}" * 69) for i in range(1, 5))
    findings += (_finding("invalid_address", "high", "5" * 65), _finding("invalid_address", "high", "6"))
    text = summary(CheckResult("warn", findings, 0), "en")
    assert text.endswith("is not a valid address (no @). (+2 more)")
    assert len(text) <= SUMMARY_MAX
