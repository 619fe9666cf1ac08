"""Names of languages and document classes as the user reads them (the template prefill and the Gmail cards)."""

from __future__ import annotations

import pytest

from app.incidents.glosses import language_name
from app.incidents.texts import doc_class_label


@pytest.mark.parametrize(
    ("code", "locale", "expected"),
    [
        ("de", "en", "German"),
        ("de", "zh-CN", "德语"),
        ("DE-at", "en", "German"),  # a regional code reads as its language
        ("fr-CA", "zh", "法语"),  # any Chinese locale reads Chinese
        ("es", "en-GB", "Spanish"),
        ("pt-BR", "en", "pt-BR"),  # a language without a name shows its code as given
        ("", "en", ""),
        (None, "zh-CN", ""),
    ],
)
def test_language_names(code: str | None, locale: str, expected: str) -> None:
    assert language_name(code, locale) == expected


@pytest.mark.parametrize(
    ("doc_class", "locale", "expected"),
    [
        ("pi", "en", "proforma invoice"),
        ("pi", "zh-CN", "形式发票"),
        ("price_list", "en-US", "price list"),
        ("catalogue", "zh", "产品目录"),
        ("other", "en", "document"),
        ("other", "zh-CN", "文件"),
        ("no_such_class", "en", "document"),
    ],
)
def test_document_class_labels(doc_class: str, locale: str, expected: str) -> None:
    assert doc_class_label(doc_class, locale) == expected
