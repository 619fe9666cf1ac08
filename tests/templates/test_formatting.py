"""Dates, salutations and the choice of a letter's language."""

from __future__ import annotations

from datetime import date

import pytest

from app.templates import language_fallback
from app.templates.formatting import addressed, format_date, greeting, greeting_two

CUSTOMER = ["de", "en", "es", "fr", "zh-CN"]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("zh-CN", "2026年11月23日"),
        ("de", "23. November 2026"),
        ("es", "23 de noviembre de 2026"),
        ("fr", "23 novembre 2026"),
        ("en", "November 23, 2026"),
    ],
)
def test_date_in_each_language(locale: str, expected: str) -> None:
    assert format_date(date(2026, 11, 23), locale) == expected


def test_month_names_and_the_french_first() -> None:
    assert format_date(date(2026, 3, 1), "fr") == "1er mars 2026"
    assert format_date(date(2026, 3, 2), "de") == "2. März 2026"
    assert format_date(date(2027, 8, 1), "es") == "1 de agosto de 2027"
    assert format_date(date(2027, 2, 9), "zh-CN") == "2027年2月9日"


@pytest.mark.parametrize(
    ("locale", "gender", "name", "last", "expected"),
    [
        ("de", "male", "Michael Schmidt", "Schmidt", "Sehr geehrter Herr Schmidt,"),
        ("de", "female", "Renate Müller-Weiß", "Müller-Weiß", "Sehr geehrte Frau Müller-Weiß,"),
        ("de", "unknown", "Kim Bauer", None, "Guten Tag Kim Bauer,"),
        ("es", "female", "Laura Gómez Ruiz", "Gómez Ruiz", "Estimada Sra. Gómez Ruiz:"),
        ("es", "unknown", "Alex Ruiz", None, "Estimado/a Alex Ruiz:"),
        ("fr", "male", "Jean Dupont", "Dupont", "Bonjour Monsieur Dupont,"),
        ("fr", "unknown", "Camille Martin", None, "Madame, Monsieur,"),
        ("zh-CN", "male", "王伟", "王", "尊敬的王先生："),
        ("zh-CN", "female", "李娜", None, "尊敬的李娜女士："),
        ("en", "female", "Laura Gómez", "Gómez", "Dear Ms Gómez,"),
        ("en", "unknown", "Sam Lee", None, "Dear Sam Lee,"),
    ],
)
def test_greeting(locale: str, gender: str, name: str, last: str | None, expected: str) -> None:
    assert greeting(locale, gender, name, last) == expected


def test_greeting_two_people() -> None:
    schmidt = ("male", "Michael Schmidt", "Schmidt")
    gomez = ("female", "Laura Gómez", "Gómez")
    assert greeting_two("en", schmidt, gomez) == "Dear Mr Schmidt, dear Ms Gómez,"
    assert greeting_two("es", schmidt, gomez) == "Estimado Sr. Schmidt, estimada Sra. Gómez:"
    assert greeting_two("fr", schmidt, gomez) == "Bonjour Monsieur Schmidt, Madame Gómez,"
    assert greeting_two("zh-CN", ("male", "王伟", "王"), gomez) == "尊敬的王先生、Gómez女士："
    assert greeting_two("fr", ("unknown", "Camille Martin", None), gomez) == "Bonjour Camille Martin, Madame Gómez,"


def test_addressed_falls_back_to_the_full_name() -> None:
    assert addressed("de", "female", "Laura Gómez") == "Frau Laura Gómez"
    assert addressed("de", "unknown", "Laura Gómez", "Gómez") == "Laura Gómez"


@pytest.mark.parametrize(
    ("requested", "expected"),
    [
        ("zh", "zh-CN"),
        ("zh-Hans", "zh-CN"),
        ("zh-cn", "zh-CN"),
        ("zh_CN", "zh-CN"),
        ("zh-Hans-CN", "zh-CN"),
        ("de-AT", "de"),
        ("de-CH", "de"),
        ("es-MX", "es"),
        ("FR", "fr"),
        ("fr-CA", "fr"),
        ("en-GB", "en"),
        ("ja", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_language_fallback(requested: str | None, expected: str) -> None:
    assert language_fallback(requested, CUSTOMER) == expected


def test_language_fallback_respects_what_is_available() -> None:
    assert language_fallback("de", ["en", "zh-CN"]) == "en"
    assert language_fallback("zh-TW", ["en", "zh-CN"]) == "zh-CN"
    assert language_fallback("pt-BR", ["pt", "en"]) == "pt"
