"""How a sales team writes a customer's name in its mail, for the synthetic mailbox (tests/learning/mailbox_gen.py).

Real trade mail names the customer everywhere but in a directory: subjects ("PI 2026-117 Helio Handel 40ft"),
file names ("Quotation_HelioHandel_007.xlsx", "PI-上海阳光-031.pdf"), greetings to a team ("Hallo Helio
Handel-Team,"), recipients' display names ("Julia Fischer (Helio Handel)") and the signature block of a quoted
reply (name, title, company, its English name for a Chinese company, phone, web site).
"""

from __future__ import annotations

import hashlib
import random
import unicodedata

from app.analysis.normalize import is_cjk

TITLES = {
    "de": ("Einkauf", "Leitung Einkauf", "Geschäftsführer"),
    "fr": ("Responsable achats", "Acheteur", "Gérant"),
    "es": ("Compras", "Jefe de compras", "Gerente"),
    "zh": ("采购经理", "总经理", "采购部"),
    "en": ("Purchasing Manager", "Buyer", "Managing Director"),
}
CALLING_CODES = {
    "DE": "+49", "AT": "+43", "FR": "+33", "BE": "+32", "ES": "+34", "MX": "+52", "CN": "+86", "GB": "+44",
    "US": "+1", "IT": "+39", "PL": "+48", "BR": "+55", "NL": "+31", "HK": "+852", "AE": "+971",
}  # fmt: skip
TEAM_GREETING = {
    "de": "Hallo {team}-Team,",
    "fr": "Bonjour l'équipe {team},",
    "es": "Hola equipo de {team}:",
    "zh": "{team}团队您好，",
    "en": "Dear {team} team,",
}
DOCUMENT_LABELS = {"pi": "PI", "quotation": "Quotation", "contract": "Contract"}
CHINESE_LABELS = {"pi": "形式发票", "quotation": "报价单", "contract": "合同"}
CONTAINERS = ("40ft", "40HQ", "2x40HQ", "20GP", "1x20ft", "LCL")


def stable(text: str, modulo: int) -> int:
    """A number from a text: the same contact or document is always written the same way."""
    return int(hashlib.sha256(text.encode()).hexdigest()[:6], 16) % modulo


def _ascii(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if ch.isascii())


def file_ref(name: str, style: int) -> str:
    """A name as people put it in a file name: glued, with underscores, dashes or dots; accents often dropped."""
    words = name.split()
    if len(words) == 1:
        return name
    glue = ("", "_", "-", ".")[style % 4]
    joined = glue.join(words)
    return _ascii(joined) if style % 3 == 0 else joined


def document_name(kind: str, ref: str, number: int, language: str, style: int) -> str:
    """ "PI_HelioHandel_007.pdf"; a Chinese team member writes "报价单-上海阳光-007.xlsx" or glues the name to
    the document's kind, "上海阳光报价单007.xlsx"."""
    extension = "xlsx" if kind == "quotation" else "pdf"
    if language == "zh" and style % 2 == 0:
        label = CHINESE_LABELS[kind]
        if style % 4 == 0 and is_cjk(ref[0]):
            return f"{ref}{label}{number:03d}.{extension}"
        return f"{label}-{ref}-{number:03d}.{extension}"
    return f"{DOCUMENT_LABELS[kind]}_{ref}_{number:03d}.{extension}"


def trade_name(names: tuple[str, ...], rng: random.Random) -> str:
    """The name a salesperson writes this time: mostly the usual one, sometimes another the team also uses."""
    if len(names) == 1 or rng.random() < 0.6:
        return names[0]
    return rng.choice(names[1:])


def binding_ref(code: str | None, trade: str, number: int, rng: random.Random) -> str:
    """The reference in a proforma's, quotation's or contract's subject."""
    pick = rng.random()
    if code and pick < 0.35:
        return code
    if code and pick < 0.65:
        return f"{code} {trade}"
    if pick < 0.8:
        return f"{2026}-{number:03d} {trade} {rng.choice(CONTAINERS)}"
    return trade


def follow_up_ref(trade: str, product_line: str, rng: random.Random) -> str:
    pick = rng.random()
    if pick < 0.4:
        return ""
    return f"- {trade}" if pick < 0.75 else f"- {product_line}"


def phone_line(country: str, seed: str) -> str:
    digits = f"{stable(seed, 900) + 100} {stable(seed + '#', 9000) + 1000}"
    return f"Tel. {CALLING_CODES.get(country, '+1')} {stable(seed + 'a', 90) + 10} {digits}"


def signature_block(name: str, company_lines: tuple[str, ...], language: str, country: str, domain: str) -> list[str]:
    """The block under a customer's quoted reply; a title under the name in about half of them."""
    lines = [name]
    if stable(name + language, 2):
        lines.append(TITLES[language][stable(name, len(TITLES[language]))])
    lines += list(company_lines)
    lines.append(phone_line(country, name + domain))
    if domain:
        lines.append(f"www.{domain}")
    return lines
