"""Field values for rendering every template: distinctive, so "does it appear in the letter" means something."""

from __future__ import annotations

import html
import re
from typing import Any

from app.templates import TemplateInfo

# One value per field name; templates sharing a field name share the value.
FULL: dict[str, Any] = {
    "recipient_name": "Michael Schmidt",
    "recipient_last_name": "Schmidt",
    "recipient_gender": "male",
    "recipient_company": "SolarTech GmbH",
    "sender_name": "Alex Chen",
    "sender_title": "Senior Export Manager",
    "sender_company": "Acme Trade Co., Ltd.",
    "sender_phone": "+86 21 5555 0101",
    "new_owner_name": "Wang Li",
    "company": "SolarTech GmbH",
    "contact_name": "Michael Schmidt",
    "contact_email": "m.schmidt@solartech.example",
    "matter": "Inverter order 2026-001",
    "overview": "Long-standing distributor in Bavaria, reorders every quarter.",
    "basic_info": "Importer of PV components, 40 staff, Munich.",
    "source_history": "Met at Intersolar 2024; monthly calls since.",
    "needs": "Short lead times; fears customs delays.",
    "materials_sent": ["Catalogue 2026", "PI_SolarTech_2026-001.pdf"],
    "personality": "Direct, prefers e-mail over phone, replies within a day.",
    "next_steps": "Confirm delivery date for container 2.",
    "takeover_date": "2026-12-01",
    "new_contact_name": "Li Na",
    "new_contact_title": "Key Account Manager",
    "new_contact_email": "li.na@acme-trade.example",
    "new_contact_phone": "+86 21 5555 0199",
    "effective_date": "2026-12-01",
    "partner_name": "Laura Gómez",
    "partner_last_name": "Gómez",
    "partner_gender": "female",
    "partner_company": "Hamburg Freight Partners",
    "partner_role": "sea-freight forwarder for the Hamburg port",
    "partner_email": "l.gomez@hamburg-freight.example",
    "partner_description": "Handles customs clearance for our shipments to Germany.",
    "customer_company": "SolarTech GmbH",
    "customer_description": "Distributes our inverters across southern Germany.",
    "reason": "Both of you asked about faster customs clearance in Hamburg.",
    "sent_date": "2026-11-23",
    "original_subject": "PI for order 2026-001",
    "document_name": "PI_SolarTech_2026-001.pdf",
    "document_description": "proforma invoice",
    "explanation": "Autocomplete picked a similar address.",
    "change_made": "Mail to external recipients now waits five minutes before leaving.",
    "confirm_by": "2026-11-25",
    "severity": "critical",
    "wrong_recipient_kind": "rival",
    "wrong_recipient_company": "SunPeak Energy",
    "deletion_status": "requested",
    "actions_taken": "We are reviewing our address book entries.",
    "reference": "Order 2026-001",
    "note": "The payment terms are unchanged.",
}

# Per-locale rendering of the dates above, as a reader of that language expects them.
DATES = {
    "en": {"2026-12-01": "December 1, 2026", "2026-11-23": "November 23, 2026", "2026-11-25": "November 25, 2026"},
    "zh-CN": {"2026-12-01": "2026年12月1日", "2026-11-23": "2026年11月23日", "2026-11-25": "2026年11月25日"},
    "de": {"2026-12-01": "1. Dezember 2026", "2026-11-23": "23. November 2026", "2026-11-25": "25. November 2026"},
    "es": {
        "2026-12-01": "1 de diciembre de 2026",
        "2026-11-23": "23 de noviembre de 2026",
        "2026-11-25": "25 de noviembre de 2026",
    },
    "fr": {"2026-12-01": "1er décembre 2026", "2026-11-23": "23 novembre 2026", "2026-11-25": "25 novembre 2026"},
}


def full_fields(info: TemplateInfo) -> dict[str, Any]:
    return {spec.name: FULL[spec.name] for spec in info.fields}


def required_fields(info: TemplateInfo) -> dict[str, Any]:
    return {spec.name: FULL[spec.name] for spec in info.fields if spec.required}


def html_to_text(body: str) -> str:
    """What a reader sees in the HTML body, whitespace collapsed."""
    inline_removed = re.sub(r"</?(strong|em|b|a)\b[^>]*>", "", body)  # emphasis is not a word break
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", inline_removed)))


def text_facts(body: str) -> str:
    """The text twin with its list markers removed, whitespace collapsed."""
    return squash(re.sub(r"(?m)^- ", "", body))


def squash(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()
