"""Card JSON (google.apps.card.v1) and the add-on response shapes Gmail understands.

Only these builders write card JSON, so the tests that parse every response with Google's own ``Card`` type
cover every card the service can return. Card text accepts a little HTML (links, <font>, <b>), so every text a
builder writes is escaped unless it is `CardHtml`, markup this module built from escaped parts: a name or subject
can never become a link or change colour, whichever builder it reaches.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

Json = dict[str, Any]

MAX_TEXT = 2000


class CardHtml(str):
    """Text that is card HTML already (escaped user text, our own tags): builders write it as it is."""

    __slots__ = ()


def esc(text: object, limit: int = MAX_TEXT) -> CardHtml:
    """User text, cut to `limit`, as card HTML that shows it literally."""
    if isinstance(text, CardHtml):
        return text
    value = str(text)
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return CardHtml(html.escape(value, quote=False))


def bold(text: object) -> CardHtml:
    return CardHtml(f"<b>{esc(text)}</b>")


def _html(text: str) -> str:
    return str(esc(text))


# --- widgets -------------------------------------------------------------------------------------------


def paragraph(text: str) -> Json:
    return {"textParagraph": {"text": _html(text)}}


def decorated(text: str, *, top: str | None = None, bottom: str | None = None, button: Json | None = None) -> Json:
    item: Json = {"text": _html(text), "wrapText": True}
    if top:
        item["topLabel"] = _html(top)
    if bottom:
        item["bottomLabel"] = _html(bottom)
    if button:
        item["button"] = button
    return {"decoratedText": item}


def action(function_url: str, parameters: Mapping[str, str], *, persist: bool = False) -> Json:
    result: Json = {
        "function": function_url,
        "parameters": [{"key": k, "value": v} for k, v in parameters.items()],
    }
    if persist:
        result["persistValues"] = True
    return result


def button(text: str, function_url: str, parameters: Mapping[str, str], *, filled: bool = False) -> Json:
    result: Json = {"text": _html(text), "onClick": {"action": action(function_url, parameters)}}
    if filled:
        result["type"] = "FILLED"
    return result


def buttons(items: Sequence[Json]) -> Json:
    return {"buttonList": {"buttons": list(items)}}


def text_input(name: str, label: str, value: str = "", *, multiline: bool = False, hint: str = "") -> Json:
    item: Json = {"name": name, "label": _html(label), "type": "MULTIPLE_LINE" if multiline else "SINGLE_LINE"}
    if value:
        item["value"] = value  # what the user edits and sends back: plain text, never rendered as HTML
    if hint:
        item["hintText"] = _html(hint)
    return {"textInput": item}


def date_input(name: str, label: str, ms_since_epoch: int | None = None) -> Json:
    item: Json = {"name": name, "label": _html(label), "type": "DATE_ONLY"}
    if ms_since_epoch is not None:
        item["valueMsEpoch"] = str(ms_since_epoch)
    return {"dateTimePicker": item}


def selection(
    name: str,
    label: str,
    options: Iterable[tuple[str, str, bool]],
    kind: Literal["CHECK_BOX", "DROPDOWN", "RADIO_BUTTON", "SWITCH"] = "CHECK_BOX",
) -> Json:
    return {
        "selectionInput": {
            "name": name,
            "label": _html(label),
            "type": kind,
            "items": [{"text": _html(text), "value": value, "selected": selected} for text, value, selected in options],
        }
    }


def section(widgets: Sequence[Json], header: str | None = None, *, collapsible: bool = False) -> Json:
    result: Json = {"widgets": list(widgets)}
    if header:
        result["header"] = _html(header)
    if collapsible and len(widgets) > 2:
        result["collapsible"] = True
        result["uncollapsibleWidgetsCount"] = 2
    return result


def card(title: str, sections: Sequence[Json], *, subtitle: str | None = None, name: str | None = None) -> Json:
    header: Json = {"title": _html(title)}
    if subtitle:
        header["subtitle"] = _html(subtitle)
    result: Json = {"header": header, "sections": [s for s in sections if s["widgets"]]}
    if name:
        result["name"] = name
    return result


# --- responses -----------------------------------------------------------------------------------------


def trigger_card(built: Json) -> Json:
    """The answer to a homepage, contextual or compose trigger: show this card."""
    return {"action": {"navigations": [{"pushCard": built}]}}


def push_card(built: Json) -> Json:
    return {"renderActions": {"action": {"navigations": [{"pushCard": built}]}}}


def update_card(built: Json) -> Json:
    return {"renderActions": {"action": {"navigations": [{"updateCard": built}]}}}


def notification(text: str) -> Json:
    return {"renderActions": {"action": {"notification": {"text": text[:500]}}}}


def update_recipients(to: Sequence[str], cc: Sequence[str], bcc: Sequence[str]) -> Json:
    return {
        "renderActions": {
            "hostAppAction": {
                "gmailAction": {
                    "updateDraftActionMarkup": {
                        "updateToRecipients": {"toRecipients": [{"email": a} for a in to]},
                        "updateCcRecipients": {"ccRecipients": [{"email": a} for a in cc]},
                        "updateBccRecipients": {"bccRecipients": [{"email": a} for a in bcc]},
                    }
                }
            }
        }
    }


def insert_body(body_html: str) -> Json:
    return {
        "renderActions": {
            "hostAppAction": {
                "gmailAction": {
                    "updateDraftActionMarkup": {
                        "updateBody": {
                            "insertContents": [{"content": body_html, "contentType": "MUTABLE_HTML"}],
                            "type": "IN_PLACE_INSERT",
                        }
                    }
                }
            }
        }
    }


def open_created_draft(draft_id: str, message_id: str, thread_id: str, note: str) -> Json:
    markup: Json = {"draftId": draft_id}
    if message_id:
        markup["draftStorageId"] = message_id
    if thread_id:
        markup["draftThreadId"] = thread_id
    return {
        "renderActions": {
            "action": {"notification": {"text": note[:500]}},
            "hostAppAction": {"gmailAction": {"openCreatedDraftActionMarkup": markup}},
        }
    }


def request_scopes(scopes: Sequence[str]) -> Json:
    """Google's granular-consent answer: ask the user for these scopes, then Gmail runs the action again."""
    return {"requesting_google_scopes": {"scopes": list(scopes)}}
