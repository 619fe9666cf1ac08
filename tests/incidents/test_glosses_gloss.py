"""The gloss under a recovery letter written in another language, word for word (pure)."""

from __future__ import annotations

from datetime import date

from app.incidents.glosses import gloss, language_name

SENT = date(2026, 3, 4)
APOLOGY = "apology_wrong_recipient"


def test_english_gloss_of_a_german_letter_with_documents() -> None:
    text = gloss(APOLOGY, "de-AT", "en-GB", "Laura Gómez", SENT, ["proforma invoice", "quotation"])
    assert text == (
        "In German: apologises to Laura Gómez for the e-mail of 04 Mar 2026 that reached them by mistake, "
        "asks them to delete it unread with its attachment proforma invoice, quotation and to confirm the deletion."
    )


def test_english_gloss_without_documents() -> None:
    text = gloss("resend_intended", "es", "en", "Ana", SENT, [])
    assert text == "In Spanish: sends Ana the documents meant for them."


def test_chinese_gloss_of_an_english_letter_with_documents() -> None:
    text = gloss("notice_intended_recipient", "en-US", "zh-CN", "Michael", SENT, ["形式发票", "报价单"])
    assert (
        text
        == "（英语）告知 Michael：您 2026年3月4日 的邮件（含 形式发票、报价单）误发给了另一家公司，已要求对方删除，后续会及时告知。"
    )


def test_chinese_gloss_without_documents() -> None:
    assert gloss("resend_intended", "fr", "zh", "Zoé", SENT, []) == "（法语）把本应发给 Zoé 的文件发给对方。"


def test_a_language_without_a_name_is_shown_by_its_code() -> None:
    assert gloss("resend_intended", "pt-BR", "en", "Rui", SENT, ["quotation"]) == (
        "In pt-BR: sends Rui the documents meant for them: quotation."
    )


def test_no_gloss_when_the_letter_is_in_the_users_language() -> None:
    assert gloss(APOLOGY, "en-GB", "en-US", "Ana", SENT, ["quotation"]) is None
    assert gloss(APOLOGY, "zh-Hans-CN", "zh-CN", "Ana", SENT, ["quotation"]) is None


def test_no_gloss_for_a_letter_kind_it_does_not_know() -> None:
    assert gloss("thank_you", "de", "en", "Ana", SENT, []) is None


def test_language_names_ignore_region_and_script() -> None:
    assert language_name("zh-Hant-TW", "en") == "Chinese"
    assert language_name("DE-ch", "zh-CN") == "德语"
