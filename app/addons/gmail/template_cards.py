"""Gmail add-on, compose: the template catalogue, a template's form, and the letter inserted into the draft."""

from __future__ import annotations

from datetime import UTC, datetime

from app.addons.gmail import cards, handoff
from app.addons.gmail.models import AddonEvent
from app.addons.gmail.service import (
    LOCALE_INPUT,
    SCOPE_COMPOSE,
    AddonContext,
    Json,
    gmail_access,
    needs_scopes,
)
from app.errors import AppError
from app.templates.catalogue import FieldSpec, choice_label, get_template
from app.templates.exceptions import InvalidFields, MissingFields
from app.templates.service import catalogue, render_template, sender_fields


async def templates(ctx: AddonContext) -> Json:
    widgets = [
        cards.decorated(
            cards.esc(item.description.get(ctx.locale) or item.description["en"]),
            top=cards.esc(item.name),
            button=ctx.button(ctx.text("use"), "template_form", template=item.name),
        )
        for item in catalogue()
    ]
    built = cards.card(
        ctx.text("templates"), [cards.section(widgets)], subtitle=ctx.text("templates_subtitle"), name="templates"
    )
    return cards.push_card(built)


def _label(ctx: AddonContext, spec: FieldSpec) -> str:
    label = spec.label_zh if ctx.locale == "zh-CN" else spec.label_en
    return f"{label} *" if spec.required else label


def _field_widget(ctx: AddonContext, spec: FieldSpec, prefill: dict[str, str]) -> Json:
    label = _label(ctx, spec)
    if spec.type == "date":
        return cards.date_input(spec.name, label)
    if spec.type == "enum":
        options = [(choice_label(c, ctx.locale), c, c == spec.default) for c in spec.choices]
        return cards.selection(spec.name, label, options, "DROPDOWN")
    value = prefill.get(spec.name) or (str(spec.default) if spec.default is not None else "")
    if spec.type == "list":
        return cards.text_input(spec.name, label, value, multiline=True, hint=ctx.text("list_hint"))
    return cards.text_input(spec.name, label, value, multiline=spec.type == "text")


async def template_form(ctx: AddonContext) -> Json:
    info = get_template(ctx.event.parameters.get("template", ""))
    known, colleague = await handoff.prefilled_fields(ctx, info.name)
    prefill = {**sender_fields(ctx.auth), **known}
    chosen = ctx.locale if ctx.locale in info.locales else ("en" if "en" in info.locales else info.locales[0])
    language = cards.selection(
        LOCALE_INPUT, ctx.text("language"), [(loc, loc, loc == chosen) for loc in info.locales], "DROPDOWN"
    )
    fields = [_field_widget(ctx, spec, prefill) for spec in info.fields]
    # A letter to a colleague becomes a draft to them; only letters to customers go into this draft.
    label = ctx.text("handoff_create", to=colleague or "—") if info.audience == "internal" else ctx.text("insert")
    submit = cards.buttons([ctx.button(label, "template_insert", template=info.name, to=colleague)])
    description = info.description_zh if ctx.locale == "zh-CN" else info.description_en
    built = cards.card(
        cards.esc(info.name),
        [cards.section([language]), cards.section(fields, ctx.text("fields")), cards.section([submit])],
        subtitle=cards.esc(description, 300),
        name=f"template_{info.name}",
    )
    return cards.push_card(built)


def form_fields(event: AddonEvent, specs: tuple[FieldSpec, ...]) -> dict[str, object]:
    inputs = event.inputs()
    values: dict[str, object] = {}
    for spec in specs:
        item = inputs.get(spec.name)
        if item is None:
            continue
        if spec.type == "date":
            ms = item.ms_since_epoch
            if ms is not None:
                values[spec.name] = datetime.fromtimestamp(ms / 1000, UTC).date().isoformat()
            continue
        texts = [v for v in item.values if v.strip()]
        if not texts:
            continue
        values[spec.name] = "\n".join(texts) if spec.type == "list" else texts[0]
    return values


async def template_insert(ctx: AddonContext) -> Json:
    info = get_template(ctx.event.parameters.get("template", ""))
    locale = ctx.event.string(LOCALE_INPUT) or ctx.locale
    labels = {spec.name: _label(ctx, spec).rstrip(" *") for spec in info.fields}
    try:
        rendered = render_template(info.name, locale, form_fields(ctx.event, info.fields))
    except MissingFields as exc:
        reason = ctx.text("missing_fields", fields=", ".join(labels.get(f, f) for f in exc.fields))
        return cards.notification(ctx.text("template_error", reason=reason))
    except InvalidFields as exc:
        reason = ctx.text("invalid_fields", fields=", ".join(labels.get(f, f) for f in exc.fields))
        return cards.notification(ctx.text("template_error", reason=reason))
    except AppError as exc:
        return cards.notification(ctx.text("template_error", reason=exc.message))
    if info.audience == "internal":
        if (ask := needs_scopes(ctx, SCOPE_COMPOSE)) is not None:
            return ask
        return await handoff.draft_to_colleague(ctx, gmail_access(ctx), rendered, ctx.event.parameters.get("to", ""))
    return cards.insert_body(rendered.body_html)
