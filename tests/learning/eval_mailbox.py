"""A sent mailbox for the tenant of `make eval` (tests/eval/directory.py), built from its curated directory only.

Each organization of the directory gets a year of mail from its owner (or the colleague who writes in its
language) in its language: customers receive quotations, proformas and contracts under their customer code,
datasheets of the products they buy, and their forwarder is copied on shipments; rivals (one rival group) buy
the same product and so receive the same product documents; the freemail buyers write from their free mail
address; forwarders get bookings, suppliers forwarded enquiries. The sentences and the mail plan are the
generator's (tests/learning/mailbox_gen.py); only the organizations come from the directory: their names (the
legal name in signatures, a Chinese company's English name beside it), and the names the team calls them by (the
directory's aliases) in subjects, file names, greetings and display names, the way mailbox_render.py writes any
organization's name. No draft of `make eval` was read to build it.
"""

from __future__ import annotations

import random
from collections import defaultdict

from app.analysis.directory import OrgEntry
from app.analysis.normalize import contains_cjk
from tests.eval.directory import ORGS, PEOPLE, STAFF
from tests.learning.mailbox_gen import Mailbox, TruthContact, TruthOrg, mail_to
from tests.learning.mailbox_people import PRODUCTS

INTERNAL = "acme-trade.example"
SALES_KEYS = ("alex", "lina", "zhangmin", "tom", "sofia", "claire", "david")
# Who writes to an organization without an owner in the directory: the colleague speaking its language.
WRITER_BY_LANGUAGE = {"de": "tom", "es": "sofia", "fr": "claire", "zh": "lina", "en": "alex"}
_COUNTRY_BY_TLD = {
    "de": "DE", "es": "ES", "mx": "MX", "fr": "FR", "cn": "CN", "uk": "GB", "it": "IT", "pl": "PL", "br": "BR",
    "nl": "NL", "hk": "HK", "com": "US",
}  # fmt: skip
_FREEMAIL_COUNTRY = {"zh": "CN", "en": "AE"}


def _team() -> tuple[tuple[str, str], ...]:
    return tuple((STAFF[k][1], STAFF[k][0].split("@")[0]) for k in SALES_KEYS)


def _country(entry: OrgEntry, language: str) -> str:
    if not entry.domains:
        return _FREEMAIL_COUNTRY.get(language, "US")
    return _COUNTRY_BY_TLD.get(entry.domains[0].rsplit(".", 1)[-1], "US")


def _contacts(entry: OrgEntry) -> list[TruthContact]:
    contacts = []
    for org_id, email, name, _ in PEOPLE.values():
        if org_id == entry.id:
            hanzi = name if any("\u4e00" <= ch <= "\u9fff" for ch in name) else ""
            contacts.append(TruthContact(email, name, entry.id, hanzi))
    return contacts


def _signature(entry: OrgEntry) -> tuple[str, ...]:
    """A Chinese company signs with its Chinese name and its English one (its longest Latin alias, "Co., Ltd.")."""
    if not contains_cjk(entry.name):
        return (entry.name,)
    latin = sorted((a for a in entry.aliases if not contains_cjk(a)), key=len)
    return (entry.name, f"{latin[-1]} Co., Ltd.") if latin else (entry.name,)


def _products(orgs: list[TruthOrg], rival_of: dict[str, str | None], rng: random.Random) -> None:
    """Rivals share a product; a buyer outside any rival group gets one nobody else in its country buys."""
    group_product: dict[str, str] = {}
    taken: dict[str, set[str]] = defaultdict(set)  # country -> products its buyers receive
    buyers = [o for o in orgs if o.kind in ("customer", "prospect")]
    for org in buyers:
        group = rival_of[org.key]
        if group:
            product = group_product.setdefault(group, PRODUCTS[len(group_product) % len(PRODUCTS)])
            org.products = (product,)
            taken[org.country].add(product)
    for org in buyers:
        if not rival_of[org.key]:
            free = [p for p in PRODUCTS if p not in taken[org.country]]
            org.products = (rng.choice(free or list(PRODUCTS)),)
            taken[org.country].add(org.products[0])


def truth_orgs(rng: random.Random) -> dict[str, TruthOrg]:
    orgs: list[TruthOrg] = []
    for entry in ORGS:
        language = entry.language or "en"
        contacts = _contacts(entry)
        freemail = not entry.domains
        domains = entry.domains or (contacts[0].email.split("@")[1],)
        owner = entry.owner_email or STAFF[WRITER_BY_LANGUAGE[language]][0]
        org = TruthOrg(entry.id, entry.name, entry.kind, language, _country(entry, language), domains, owner,
                       freemail=freemail, customer_code=entry.customer_code, contacts=contacts, stem=entry.id,
                       trade_names=entry.aliases or (entry.name,), signature=_signature(entry))  # fmt: skip
        orgs.append(org)
    _products(orgs, {e.id: e.rival_group for e in ORGS}, rng)
    forwarders = [o for o in orgs if o.kind == "forwarder"]
    for org in orgs:
        if org.kind == "customer":
            same = [f for f in forwarders if f.language == org.language]
            org.forwarder = rng.choice(same or forwarders).key
    return {o.key: o for o in orgs}


def generate_eval_mailbox(seed: int = 17, messages: int = 4_000) -> Mailbox:
    rng = random.Random(seed)
    return mail_to(truth_orgs(rng), messages, rng, INTERNAL, _team(), "ACME Trade")
