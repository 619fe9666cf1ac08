"""The catalogue and the files on disk describe the same templates, languages and fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import meta

from app.templates import get_template, list_templates
from app.templates.catalogue import CHOICE_LABELS, FILES_DIR, PARTS
from app.templates.renderer import environment

CUSTOMER_LOCALES = {"en", "zh-CN", "de", "es", "fr"}
INTERNAL_LOCALES = {"en", "zh-CN"}
# Names the renderer puts in every context besides the fields.
HELPERS = {"greeting", "greeting_two", "addressed", "locale"}
SIGNATURE_FIELDS = {"sender_name", "sender_title", "sender_company", "sender_phone"}
EXPECTED_TEMPLATES = {
    "handoff_internal",
    "handoff_customer_notice",
    "intro_consent_request",
    "intro_three_way",
    "apology_wrong_recipient",
    "notice_intended_recipient",
    "resend_intended",
}


def _template_dirs() -> set[str]:
    return {p.name for p in FILES_DIR.iterdir() if p.is_dir() and not p.name.startswith("_")}


def _locale_files(name: str, locale: str) -> list[Path]:
    return [FILES_DIR / name / f"{locale}.{part}.j2" for part in PARTS]


def _variables(path: Path) -> set[str]:
    env = environment()
    source = path.read_text(encoding="utf-8")
    names = set(meta.find_undeclared_variables(env.parse(source)))
    # An included signature uses the sender fields on the letter's behalf.
    if "_shared/signature" in source:
        names |= SIGNATURE_FIELDS
    return names


def test_catalogue_lists_exactly_the_template_folders() -> None:
    names = {t.name for t in list_templates()}
    assert names == EXPECTED_TEMPLATES
    assert names == _template_dirs()


@pytest.mark.parametrize("info", list_templates(), ids=lambda t: t.name)
def test_locales_match_the_files_on_disk(info) -> None:
    on_disk = {p.name.split(".", 1)[0] for p in (FILES_DIR / info.name).glob("*.j2")}
    assert set(info.locales) == on_disk
    for locale in info.locales:
        assert all(path.is_file() for path in _locale_files(info.name, locale)), locale


@pytest.mark.parametrize("info", list_templates(), ids=lambda t: t.name)
def test_every_template_speaks_the_languages_of_its_audience(info) -> None:
    expected = CUSTOMER_LOCALES if info.audience == "customer" else INTERNAL_LOCALES
    assert set(info.locales) == expected


@pytest.mark.parametrize("info", list_templates(), ids=lambda t: t.name)
def test_templates_use_only_declared_fields_and_use_them_all(info) -> None:
    declared = {spec.name for spec in info.fields}
    for locale in info.locales:
        used = set().union(*(_variables(path) for path in _locale_files(info.name, locale)))
        assert used - declared - HELPERS == set(), f"{locale}: undeclared"
        # A field the letter never shows would be a form input that silently goes nowhere. The greeting
        # helpers read the person's name, surname and gender on the template's behalf.
        implicit = set()
        if used & {"greeting", "greeting_two", "addressed"}:
            implicit |= {"recipient_name", "recipient_last_name", "recipient_gender"}
        if "greeting_two" in used:
            implicit |= {"partner_name", "partner_last_name", "partner_gender"}
        assert declared - used - implicit == set(), f"{locale}: unused"


@pytest.mark.parametrize("info", list_templates(), ids=lambda t: t.name)
def test_field_specs_are_well_formed(info) -> None:
    names = [spec.name for spec in info.fields]
    assert len(names) == len(set(names))
    assert info.description_en and info.description_zh
    for spec in info.fields:
        assert spec.label_en and spec.label_zh
        assert (spec.type == "enum") == bool(spec.choices)
        if spec.type == "enum":
            assert spec.default in spec.choices
            # A form shows words for every choice, never its code, in both languages.
            for choice in spec.choices:
                assert choice in CHOICE_LABELS, f"{info.name}.{spec.name}: no label for {choice}"
                en, zh = CHOICE_LABELS[choice]
                assert en != choice and any("\u4e00" <= ch <= "\u9fff" for ch in zh)
        if spec.required:
            assert spec.default is None


def test_get_template_returns_the_listed_entry() -> None:
    info = get_template("handoff_internal")
    assert info.audience == "internal"
    assert info.to_dict()["locales"] == ["en", "zh-CN"]
    assert {f["name"] for f in info.to_dict()["fields"]} >= {"company", "contact_name", "matter", "takeover_date"}
