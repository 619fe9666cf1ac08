"""Render a catalogue template: validate the fields first, so a letter never goes out with a blank in it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from app.templates import formatting
from app.templates.catalogue import FILES_DIR, FieldSpec, TemplateInfo, get_template
from app.templates.exceptions import InvalidFields, MissingFields, UnsupportedLocale

DEFAULT_LANGUAGE = "en"
_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"'.]+$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Rendered:
    subject: str
    body_html: str
    body_text: str


class _Invalid(ValueError):
    """A field value of the wrong kind; the message is the reason shown to the client."""


def _nl2br(value: object) -> Markup:
    # Escape first, then add the line breaks, so a customer's "<b>" stays text.
    return Markup("<br>\n").join(escape(line) for line in str(value).split("\n"))


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(FILES_DIR),
        undefined=StrictUndefined,
        # Only the HTML body is escaped: the subject is a mail header and the text twin is read as typed.
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False, default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["nl2br"] = _nl2br
    return env


def render(name: str, locale: str, fields: Mapping[str, object]) -> Rendered:
    info = get_template(name)
    locale = _supported_locale(info, locale)
    context = _validated_context(info, locale, fields)
    env = environment()
    subject = env.get_template(f"{name}/{locale}.subject.j2").render(context)
    html = env.get_template(f"{name}/{locale}.html.j2").render(context)
    text = env.get_template(f"{name}/{locale}.txt.j2").render(context)
    return Rendered(subject=_single_line(subject), body_html=html.strip() + "\n", body_text=_tidy_text(text))


def _supported_locale(info: TemplateInfo, locale: str) -> str:
    # Case is forgiven ("zh-cn"), a different language is not: picking a fallback is the caller's decision.
    for available in info.locales:
        if available.lower() == (locale or "").lower():
            return available
    raise UnsupportedLocale(info.name, locale, info.locales)


def _validated_context(info: TemplateInfo, locale: str, fields: Mapping[str, object]) -> dict[str, Any]:
    unknown = {key: "not a field of this template" for key in fields if info.field(key) is None}
    values: dict[str, Any] = {}
    missing: list[str] = []
    invalid: dict[str, str] = dict(unknown)
    for spec in info.fields:
        try:
            value = _coerce(spec, fields.get(spec.name), locale)
        except _Invalid as exc:
            invalid[spec.name] = str(exc)
            continue
        if value is None and spec.required:
            missing.append(spec.name)
        values[spec.name] = spec.default if value is None else value
    if missing:
        raise MissingFields(info.name, missing)
    if invalid:
        raise InvalidFields(info.name, invalid)
    return {**values, **_helpers(locale, values), "locale": locale}


def _helpers(locale: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Salutations bound to this letter's language and recipient, so templates stay free of grammar rules."""

    def person(prefix: str) -> tuple[str, str, str | None]:
        gender = values.get(f"{prefix}_gender") or "unknown"
        return (gender, values[f"{prefix}_name"], values.get(f"{prefix}_last_name"))

    def greeting(prefix: str = "recipient") -> str:
        return formatting.greeting(locale, *person(prefix))

    def greeting_two(first: str = "recipient", second: str = "partner") -> str:
        return formatting.greeting_two(locale, person(first), person(second))

    def addressed(prefix: str = "recipient") -> str:
        return formatting.addressed(locale, *person(prefix))

    return {"greeting": greeting, "greeting_two": greeting_two, "addressed": addressed}


def _coerce(spec: FieldSpec, raw: object, locale: str) -> Any:
    """The field's value ready for the template, or None when absent. Blank counts as absent."""
    if raw is None:
        return None
    return _COERCERS[spec.type](spec, raw, locale)


def _string(spec: FieldSpec, raw: object, locale: str) -> str | None:
    # One-line fields end up in subjects; a newline there would split the header, so it becomes a space.
    return _SPACES.sub(" ", _text(spec, raw, locale) or "").strip() or None


def _text(spec: FieldSpec, raw: object, locale: str) -> str | None:
    if not isinstance(raw, str):
        raise _Invalid("expected text")
    lines = [line.rstrip() for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip() or None


def _email(spec: FieldSpec, raw: object, locale: str) -> str | None:
    value = _string(spec, raw, locale)
    if value is not None and not _EMAIL.match(value):
        raise _Invalid("not an e-mail address")
    return value


def _date(spec: FieldSpec, raw: object, locale: str) -> str | None:
    if isinstance(raw, datetime):
        return formatting.format_date(raw.date(), locale)
    if isinstance(raw, date):
        return formatting.format_date(raw, locale)
    if not isinstance(raw, str):
        raise _Invalid("expected a date (YYYY-MM-DD)")
    if not raw.strip():
        return None
    try:
        return formatting.format_date(date.fromisoformat(raw.strip()[:10]), locale)
    except ValueError:
        raise _Invalid("expected a date (YYYY-MM-DD)") from None


def _enum(spec: FieldSpec, raw: object, locale: str) -> str | None:
    value = _string(spec, raw, locale)
    if value is not None and value not in spec.choices:
        raise _Invalid(f"expected one of: {', '.join(spec.choices)}")
    return value


def _list(spec: FieldSpec, raw: object, locale: str) -> list[str] | None:
    # A form may send one item per line; an API client sends a list. Both are fine, blanks are dropped.
    items = raw.split("\n") if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple) or any(not isinstance(item, str) for item in items):
        raise _Invalid("expected a list of text")
    cleaned = [_SPACES.sub(" ", item).strip() for item in items]
    return [item for item in cleaned if item] or None


_COERCERS: dict[str, Callable[[FieldSpec, object, str], Any]] = {
    "string": _string,
    "text": _text,
    "email": _email,
    "date": _date,
    "enum": _enum,
    "list": _list,
}


def _single_line(subject: str) -> str:
    return _SPACES.sub(" ", subject).strip()


def _tidy_text(text: str) -> str:
    # Conditional paragraphs leave runs of blank lines behind; a letter has at most one between paragraphs.
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.strip().split("\n"))) + "\n"


_LANGUAGE_ALIASES = {"zh": "zh-CN", "zh-hans": "zh-CN", "zh-cn": "zh-CN", "zh-sg": "zh-CN"}


def language_fallback(requested: str | None, available: Iterable[str]) -> str:
    """The best of ``available`` for a recipient's language tag: exact, then the bare language, then English.

    "zh", "zh-Hans", "zh_cn" -> "zh-CN"; "de-AT" -> "de"; anything unknown -> "en".
    """
    options = {loc.lower(): loc for loc in available}
    tag = (requested or "").strip().replace("_", "-").lower()
    candidates = [tag, _LANGUAGE_ALIASES.get(tag, "").lower()]
    parts = tag.split("-")
    # "zh-Hans-CN" -> "zh-hans" -> "zh"; each shorter prefix, and its alias, is the next candidate.
    for end in range(len(parts) - 1, 0, -1):
        prefix = "-".join(parts[:end])
        candidates += [prefix, _LANGUAGE_ALIASES.get(prefix, "").lower()]
    candidates += [loc for loc in options if loc.split("-")[0] == parts[0] and parts[0]]
    for candidate in candidates:
        if candidate and candidate in options:
            return options[candidate]
    return options.get(DEFAULT_LANGUAGE, DEFAULT_LANGUAGE)
