"""Locale formatting the letters need: dates and salutations.

Kept in Python rather than in a Jinja macro file because a macro file is escaped by its own file name, not the
caller's; one definition here is escaped correctly in HTML and left verbatim in the text twin.
"""

from __future__ import annotations

from datetime import date


def _names(months: str) -> tuple[str, ...]:
    return tuple(months.split())


_MONTHS = {
    "en": _names("January February March April May June July August September October November December"),
    "de": _names("Januar Februar März April Mai Juni Juli August September Oktober November Dezember"),
    "es": _names("enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"),
    "fr": _names("janvier février mars avril mai juin juillet août septembre octobre novembre décembre"),
}


def format_date(value: date, locale: str) -> str:
    lang = locale.split("-")[0]
    if lang == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    month = _MONTHS.get(lang, _MONTHS["en"])[value.month - 1]
    if lang == "de":
        return f"{value.day}. {month} {value.year}"
    if lang == "es":
        return f"{value.day} de {month} de {value.year}"
    if lang == "fr":
        day = "1er" if value.day == 1 else str(value.day)  # French writes the first of the month as an ordinal
        return f"{day} {month} {value.year}"
    return f"{month} {value.day}, {value.year}"


# locale -> gender -> (opening, title before the surname, title after it); a missing surname falls back to the
# full name, and an unknown gender addresses the full name with a neutral opening.
_SALUTATIONS: dict[str, dict[str, tuple[str, str, str]]] = {
    "en": {"male": ("Dear", "Mr ", ""), "female": ("Dear", "Ms ", ""), "unknown": ("Dear", "", "")},
    "de": {
        "male": ("Sehr geehrter", "Herr ", ""),
        "female": ("Sehr geehrte", "Frau ", ""),
        "unknown": ("Guten Tag", "", ""),
    },
    "es": {
        "male": ("Estimado", "Sr. ", ""),
        "female": ("Estimada", "Sra. ", ""),
        "unknown": ("Estimado/a", "", ""),
    },
    "fr": {
        "male": ("Bonjour", "Monsieur ", ""),
        "female": ("Bonjour", "Madame ", ""),
        "unknown": ("", "", ""),
    },
    "zh": {"male": ("尊敬的", "", "先生"), "female": ("尊敬的", "", "女士"), "unknown": ("尊敬的", "", "")},
}
_PUNCT = {"en": ",", "de": ",", "es": ":", "fr": ",", "zh": "："}
_JOIN = {"en": " ", "de": " ", "es": " ", "fr": " ", "zh": ""}


def addressed(locale: str, gender: str, name: str, last_name: str | None = None) -> str:
    """The person with their title: "Herr Schmidt", "Sra. Gómez", "王先生"; the full name if gender is unknown."""
    lang = _lang(locale)
    _, before, after = _SALUTATIONS[lang].get(gender, _SALUTATIONS[lang]["unknown"])
    if not before and not after:
        return name
    return f"{before}{last_name or name}{after}"


def salutation(locale: str, gender: str, name: str, last_name: str | None = None, *, following: bool = False) -> str:
    """The opening line without its punctuation. ``following`` is the second person of a two-person greeting."""
    lang = _lang(locale)
    opening = _SALUTATIONS[lang].get(gender, _SALUTATIONS[lang]["unknown"])[0]
    if lang == "fr" and gender not in ("male", "female"):
        # French has a set formula when the gender is unknown; it carries no name.
        return "Madame, Monsieur" if not following else name
    if following and lang in ("fr", "zh"):
        return addressed(locale, gender, name, last_name)
    if following:
        opening = opening[:1].lower() + opening[1:]
    return f"{opening}{_JOIN[lang]}{addressed(locale, gender, name, last_name)}"


def greeting(locale: str, gender: str, name: str, last_name: str | None = None) -> str:
    """A complete salutation line: "Sehr geehrter Herr Schmidt,", "Estimada Sra. Gómez:", "尊敬的王先生："."""
    return salutation(locale, gender, name, last_name) + _PUNCT[_lang(locale)]


def greeting_two(locale: str, first: tuple[str, str, str | None], second: tuple[str, str, str | None]) -> str:
    """One line greeting two people, each as (gender, name, last_name)."""
    lang = _lang(locale)
    sep = "、" if lang == "zh" else ", "
    head = salutation(locale, *first)
    tail = salutation(locale, *second, following=True)
    if lang == "fr" and head == "Madame, Monsieur":
        head = first[1]  # the set formula cannot open a two-person greeting; use the name instead
        return f"Bonjour {head}{sep}{tail}{_PUNCT[lang]}"
    return f"{head}{sep}{tail}{_PUNCT[lang]}"


def _lang(locale: str) -> str:
    lang = locale.split("-")[0]
    return lang if lang in _SALUTATIONS else "en"
