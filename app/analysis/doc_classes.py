"""Document classes of attachments, from file names first and extracted text second, multilingual."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from app.analysis.normalize import contains_cjk, normalize_text

DocClass = Literal["pi", "contract", "quotation", "price_list", "invoice", "catalogue", "profile", "other"]
ContentClass = Literal["general", "commercial", "contractual", "internal"]

# Documents whose leak to the wrong customer is worst (content_mismatch becomes critical).
BINDING_CLASSES: frozenset[str] = frozenset({"pi", "contract", "quotation", "price_list"})

_CONTENT_CLASS_OF: dict[str, ContentClass] = {
    "catalogue": "general",
    "profile": "general",
    "other": "general",
    "quotation": "commercial",
    "price_list": "commercial",
    "pi": "contractual",
    "contract": "contractual",
    "invoice": "contractual",
}
_CONTENT_RANK: dict[ContentClass, int] = {"general": 0, "commercial": 1, "contractual": 2, "internal": 3}

_L = r"(?<![a-z])"  # Latin left boundary (digits and separators may touch: "PI2026", "PI_")
_R = r"(?![a-z])"

# (class, phrases usable anywhere, short tokens trusted only in file names). First match wins.
_RULES: tuple[tuple[DocClass, tuple[str, ...], tuple[str, ...]], ...] = (
    ("pi", ("proforma", "pro forma", "形式发票", "形式發票"), ("pi", "p i")),
    (
        "contract",
        (
            "contract",
            "agreement",
            "合同",
            "协议",
            "vertrag",
            "contrato",
            "contrat",
            "purchase order",
            "order confirmation",
            "订单",
            "auftragsbestätigung",
            "bestellung",
            "pedido",
            "bon de commande",
        ),
        ("po",),
    ),
    ("invoice", ("invoice", "发票", "rechnung", "factura", "facture"), ()),
    (
        "price_list",
        (
            "price list",
            "pricelist",
            "价格表",
            "价目表",
            "preisliste",
            "lista de precios",
            "liste de prix",
            "liste prix",
            "lista precios",
            "grille tarifaire",
            "tarifa",
            "tarif",
        ),
        (),
    ),
    (
        "quotation",
        ("quotation", "报价单", "报价", "angebot", "cotización", "cotizacion", "presupuesto", "devis", "offre"),
        ("quote", "offer", "qt"),
    ),
    (
        "catalogue",
        (
            "catalogue",
            "catalog",
            "产品目录",
            "目录",
            "画册",
            "katalog",
            "catálogo",
            "catalogo",
            "brochure",
            "prospekt",
            "folleto",
        ),
        (),
    ),
    (
        "profile",
        (
            "company profile",
            "公司简介",
            "公司介绍",
            "firmenprofil",
            "unternehmensprofil",
            "perfil de empresa",
            "présentation de la société",
            "profile",
        ),
        (),
    ),
)


def cjk_document_words() -> tuple[str, ...]:
    """The Chinese words for kinds of documents ("报价单", "形式发票"), longest first."""
    words = {w for _, phrases, _ in _RULES for w in phrases if contains_cjk(w)}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


# German builds compounds: a "Rahmenvertrag" is a contract, a "Sonderangebot" a quotation.
_GERMAN_HEADS = frozenset({"vertrag", "angebot", "rechnung", "preisliste", "bestellung", "auftragsbestätigung"})


def _phrase_pattern(phrases: Iterable[str]) -> str:
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        escaped = re.escape(phrase).replace(r"\ ", r"\s+")
        if phrase in _GERMAN_HEADS:
            parts.append(f"{escaped}(?:e|en|s)?{_R}")
        elif not phrase.isascii() or not phrase[0].isalpha():
            parts.append(escaped)
        else:
            parts.append(f"{_L}{escaped}{_R}")
    return "|".join(parts)


_NAME_RULES = tuple((cls, re.compile(_phrase_pattern(p + s))) for cls, p, s in _RULES)
_TEXT_RULES = tuple((cls, re.compile(_phrase_pattern(p))) for cls, p, _s in _RULES)
_TEXT_SAMPLE = 4000  # the title and header of a document say what it is


_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def _name_for_matching(name: str) -> str:
    """ "ListePrix_2027_SoleilDistribution.xlsx" -> "liste prix 2027 soleil distribution"."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return re.sub(r"[_\-.+]+", " ", normalize_text(_CAMEL_CASE.sub(" ", stem)))


def classify_name(name: str) -> DocClass:
    text = _name_for_matching(name)
    for cls, pattern in _NAME_RULES:
        if pattern.search(text):
            return cls
    return "other"


def classify_text(text: str) -> DocClass:
    sample = normalize_text(text[:_TEXT_SAMPLE])
    for cls, pattern in _TEXT_RULES:
        if pattern.search(sample):
            return cls
    return "other"


def classify_document(name: str, text: str | None = None) -> DocClass:
    """The file name wins (salespeople name files by what they are); the text decides otherwise."""
    by_name = classify_name(name)
    if by_name != "other" or not text:
        return by_name
    return classify_text(text)


def content_class(doc_classes: Iterable[str], *, has_prices: bool = False, internal: bool = False) -> ContentClass:
    """general (catalogue, profile) < commercial (quotation, prices) < contractual (PI, contract) < internal."""
    if internal:
        return "internal"
    best: ContentClass = "commercial" if has_prices else "general"
    for doc_class in doc_classes:
        candidate = _CONTENT_CLASS_OF.get(doc_class, "general")
        if _CONTENT_RANK[candidate] > _CONTENT_RANK[best]:
            best = candidate
    return best
