"""A synthetic sent mailbox with its ground truth: the input of the learner's tests and `make learn-eval`.

Five salespeople write for a year to 300 organizations of every kind: customers and prospects (some of them
buyers with a free mail address), partners, suppliers, forwarders and a few competitors. Contacts carry German,
French, Spanish, Chinese or English names; mail is written in the organization's language, replies quote the
customer (with their signature), supplier mail forwards customer enquiries, forwarders get bookings with the
customer's proforma and are copied on shipments, and documents (proformas, quotations, contracts with customer
codes; datasheets and a catalogue shared by many) travel as attachments with a content hash. Deterministic for a
given seed.
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import UTC, datetime, timedelta

from tests.learning import mailbox_render as render
from tests.learning import mailbox_texts as texts
from tests.learning.mailbox_model import Mailbox, SentAttachment, SentMail, TruthContact, TruthOrg
from tests.learning.mailbox_people import (
    BRAND_CHARS,
    CHINESE_CITIES,
    CULTURE_BY_LANGUAGE,
    CULTURES,
    HANZI,
    INTERNAL_DOMAIN,
    INTERNAL_HELPERS,
    PRODUCT_LINES,
    PRODUCTS,
    SALES_TEAM,
    SYLLABLES,
    Culture,
    ascii_name,
    chinese_company_name,
)

# kind -> (how many, of which at a free mail provider)
ORG_MIX = {
    "customer": (140, 40),
    "prospect": (70, 15),
    "partner": (25, 0),
    "supplier": (30, 0),
    "forwarder": (25, 0),
    "competitor": (10, 0),
}
_LANGUAGE_WEIGHTS = {"de": 25, "fr": 15, "es": 20, "zh": 20, "en": 20}
_KIND_MAIL = {
    "customer": (("quotation", 20), ("pi", 20), ("contract", 5), ("product", 15), ("follow_up", 40)),
    "prospect": (("quotation", 35), ("product", 35), ("follow_up", 30)),
    "partner": (("product", 30), ("follow_up", 70)),
    "supplier": (("follow_up", 60), ("forward", 40)),
    "forwarder": (("booking", 80), ("follow_up", 20)),
    "competitor": (("follow_up", 100),),
}
_WEIGHT = {"customer": 3.0, "prospect": 1.6, "partner": 2.2, "supplier": 2.4, "forwarder": 1.5, "competitor": 0.0}
START = datetime(2025, 12, 1, tzinfo=UTC)


def generate(seed: int = 17, messages: int = 20_000) -> Mailbox:
    return _Generator(random.Random(seed)).build(messages)


def mail_to(
    orgs: dict[str, TruthOrg], messages: int, rng: random.Random, internal_domain: str,
    team: tuple[tuple[str, str], ...], company: str,
) -> Mailbox:  # fmt: skip
    """A year of mail from `team` ((name, local part) pairs) to organizations someone else described."""
    return _Generator(rng, internal_domain, team, company).mailbox(orgs, messages)


class _Generator:
    def __init__(
        self,
        rng: random.Random,
        internal_domain: str = INTERNAL_DOMAIN,
        team: tuple[tuple[str, str], ...] = SALES_TEAM,
        company: str = "BrightSun Export",
    ) -> None:
        self.rng = rng
        self.internal_domain = internal_domain
        self.company = company
        self.stems: set[str] = set()
        self.codes: set[str] = set()
        self.addresses: set[str] = set()
        self.salespeople = tuple((f"{local}@{internal_domain}", name) for name, local in team)
        self.documents: dict[str, str] = {}
        self.sequence = Counter[str]()
        self.proformas: dict[str, list[SentAttachment]] = {}
        self.taken_labels: set[str] = set()
        self.second_labels: set[str] = set()
        self.brands: set[str] = set()

    def build(self, count: int) -> Mailbox:
        orgs = self._organizations()
        forwarders = [o for o in orgs if o.kind == "forwarder"]
        for org in orgs:
            if org.kind == "customer":
                org.forwarder = self.rng.choice(forwarders).key
        by_key = {o.key: o for o in orgs}
        return self.mailbox(by_key, count)

    def mailbox(self, orgs: dict[str, TruthOrg], count: int) -> Mailbox:
        """A year of mail to these organizations (their contacts, owners, products and forwarders set)."""
        mails = self._messages(orgs, count)
        mails.sort(key=lambda m: m.sent_at)
        return Mailbox(self.internal_domain, self.salespeople, orgs, mails, self.documents)

    # --- organizations ---------------------------------------------------------------------------

    def _organizations(self) -> list[TruthOrg]:
        orgs: list[TruthOrg] = []
        for kind, (total, freemail) in ORG_MIX.items():
            for i in range(total):
                culture = self._culture(kind)
                key = f"org-{len(orgs) + 1:03d}"
                org = self._freemail_org(key, kind, culture) if i < freemail else self._company(key, kind, culture)
                if kind in ("customer", "prospect"):
                    org.products = tuple(self.rng.sample(PRODUCTS, self.rng.choice((1, 1, 2))))
                if kind == "customer":
                    org.customer_code = self._code(org.stem)
                orgs.append(org)
        return orgs

    def _culture(self, kind: str) -> Culture:
        if kind == "supplier" and self.rng.random() < 0.7:
            return CULTURE_BY_LANGUAGE["zh"]
        languages = list(_LANGUAGE_WEIGHTS)
        return CULTURE_BY_LANGUAGE[self.rng.choices(languages, weights=list(_LANGUAGE_WEIGHTS.values()))[0]]

    def _owner(self, culture: Culture) -> str:
        affinity = {"de": 0, "zh": 1, "es": 2, "fr": 3, "en": 4}[culture.language]
        index = affinity if self.rng.random() < 0.7 else self.rng.randrange(len(self.salespeople))
        return self.salespeople[index][0]

    def _stem(self) -> str:
        while True:
            stem = "".join(self.rng.sample(SYLLABLES, self.rng.choice((2, 2, 3))))
            if stem not in self.stems and len(stem) >= 4:
                self.stems.add(stem)
                return stem

    def _code(self, stem: str) -> str:
        while True:
            code = f"{stem[:3].upper()}-{self.rng.randint(100, 999)}"
            if code not in self.codes:
                self.codes.add(code)
                return code

    def _company(self, key: str, kind: str, culture: Culture) -> TruthOrg:
        stem = self._stem()
        country, tld = self.rng.choice(culture.countries)
        namesake = tld == "com" and bool(self.taken_labels) and self.rng.random() < 0.35
        if namesake:  # an unrelated company with the same name in another country
            stem = self.rng.choice(sorted(self.taken_labels))
            self.taken_labels.discard(stem)
        word = self.rng.choice(culture.company_words)
        legal = self.rng.choice(culture.legal)
        label = stem if self.rng.random() < 0.6 else f"{stem}-{ascii_name(word.split()[0])}"
        name = f"{stem.capitalize()} {word} {legal}"
        trade = (stem.capitalize(),) if self.rng.random() < 0.5 else (stem.capitalize(), f"{stem.capitalize()} {word}")
        signature: tuple[str, ...] = ()
        if culture.language == "zh":
            city = self.rng.choice(CHINESE_CITIES)
            name = f"{city} {name}"
            brand = self._brand()
            signature = (chinese_company_name(city, brand, word), name)
            trade = (brand, stem.capitalize())
        label = stem if namesake else label
        domains = [f"{label}.{tld}"]
        if tld != "com" and self.rng.random() < 0.08:
            domains.append(f"{label}.com")  # the group's international domain
        elif not namesake and self.rng.random() < 0.05:
            # a second, unrelated-looking domain: a rename or the group's brand ("sunpeak.de", "sunpeak-energy.com")
            other = f"{stem}-{ascii_name(word.split()[0])}" if label == stem else stem
            if other not in self.taken_labels and other not in self.second_labels:
                self.second_labels.add(other)
                domains.append(f"{other}.com")
        if tld != "com" and label == stem and not namesake and len(domains) == 1:
            self.taken_labels.add(stem)
        org = TruthOrg(key, name, kind, culture.language, country, tuple(domains), self._owner(culture), stem=stem,
                       trade_names=trade, signature=signature)  # fmt: skip
        for _ in range(self.rng.choice((1, 2, 2, 3, 3, 4, 5, 6))):
            self._add_contact(org, culture)
        return org

    def _brand(self) -> str:
        while True:
            brand = "".join(self.rng.sample(BRAND_CHARS, 2))
            if brand not in self.brands:
                self.brands.add(brand)
                return brand

    def _freemail_org(self, key: str, kind: str, culture: Culture) -> TruthOrg:
        first, last = self.rng.choice(culture.first), self.rng.choice(culture.last)
        person = f"{first} {last}" if culture.language != "zh" else f"{last} {first}"
        company = f"{last} {self.rng.choice(culture.company_words)}" if self.rng.random() < 0.5 else ""
        provider = self.rng.choice(culture.freemail)
        local = self._unique_local(
            ascii_name(person.replace(" ", ".")) + self.rng.choice(("", "", "88", ".trade")), provider
        )
        country = culture.countries[0][0]
        org = TruthOrg(key, company or person, kind, culture.language, country, (provider,), self._owner(culture),
                       freemail=True, stem=ascii_name(last), trade_names=(company or person,))  # fmt: skip
        hanzi = HANZI.get(last, "") + HANZI.get(first, "") if culture.language == "zh" else ""
        org.contacts.append(TruthContact(f"{local}@{provider}", person, key, hanzi))
        return org

    def _add_contact(self, org: TruthOrg, culture: Culture) -> None:
        first, last = self.rng.choice(culture.first), self.rng.choice(culture.last)
        person = f"{first} {last}" if culture.language != "zh" else f"{last} {first}"
        pattern = self.rng.choice(("{f}.{l}", "{f}.{l}", "{i}{l}", "{f}"))
        local = pattern.format(f=ascii_name(first), l=ascii_name(last), i=ascii_name(first)[0])
        domain = org.domains[0] if self.rng.random() < 0.95 else self.rng.choice(("mail.", "sales.")) + org.domains[0]
        if len(org.domains) > 1 and self.rng.random() < 0.4:
            domain = org.domains[1]
        local = self._unique_local(local, domain)
        hanzi = HANZI.get(last, "") + HANZI.get(first, "") if culture.language == "zh" else ""
        org.contacts.append(TruthContact(f"{local}@{domain}", person, org.key, hanzi))
        labels = {d.split(".")[0] for d in org.domains}
        if len(labels) > 1 and self.rng.random() < 0.3:  # the same person at the company's other domain
            other = next(d for d in org.domains if not domain.endswith(d))
            local = self._unique_local(local, other)
            org.contacts.append(TruthContact(f"{local}@{other}", person, org.key, hanzi))

    def _unique_local(self, local: str, domain: str) -> str:
        candidate, n = local, 1
        while f"{candidate}@{domain}" in self.addresses:
            n += 1
            candidate = f"{local}{n}"
        self.addresses.add(f"{candidate}@{domain}")
        return candidate

    # --- messages --------------------------------------------------------------------------------

    def _messages(self, orgs: dict[str, TruthOrg], count: int) -> list[SentMail]:
        keys = list(orgs)
        plan = [k for k in keys for _ in range(3)]  # everyone got a few mails
        weights = [self.rng.lognormvariate(_WEIGHT[orgs[k].kind], 0.8) if _WEIGHT[orgs[k].kind] else 0 for k in keys]
        plan += self.rng.choices(keys, weights=weights, k=max(0, count - len(plan)))
        self.rng.shuffle(plan)
        return [self._mail(i, orgs[key], orgs) for i, key in enumerate(plan[:count])]

    def _mail(self, number: int, org: TruthOrg, orgs: dict[str, TruthOrg]) -> SentMail:
        rng = self.rng
        sender = org.owner if rng.random() < 0.8 else rng.choice(self.salespeople)[0]
        kinds, weights = zip(*_KIND_MAIL[org.kind], strict=True)
        kind = rng.choices(kinds, weights=weights)[0]
        to = rng.sample(org.contacts, min(len(org.contacts), rng.choice((1, 1, 1, 2))))
        cc: list[tuple[str, str]] = []
        if rng.random() < 0.25:
            cc.append((f"{rng.choice(INTERNAL_HELPERS)}@{self.internal_domain}", ""))
        product = rng.choice(org.products or PRODUCTS)
        attachments: list[SentAttachment] = []
        quoted = ""
        subject_kind, ref = kind, ""
        trade = render.trade_name(org.trade, rng)
        if kind in ("pi", "quotation", "contract"):
            attachment = self._own_document(kind, org)
            attachments.append(attachment)
            ref = render.binding_ref(org.customer_code, trade, self.sequence[org.key + kind], rng)
            if kind == "pi" and org.forwarder and rng.random() < 0.3:
                cc.append(self._address(rng.choice(orgs[org.forwarder].contacts), orgs[org.forwarder]))
        elif kind == "product":
            attachments.append(SentAttachment(f"Datasheet_{product}.pdf", f"datasheet {product}".encode()))
            if rng.random() < 0.3:
                attachments.append(SentAttachment("Catalogue_2026.pdf", b"catalogue 2026"))
            ref = PRODUCT_LINES[product]
        elif kind == "booking":
            customer, proforma = self._shipment_for(org, orgs)
            attachments.extend(proforma)
            ref = f"{customer.customer_code or ''} {render.trade_name(customer.trade, rng)}"
        elif kind == "forward":
            customer = rng.choice([o for o in orgs.values() if o.kind == "customer"])
            quoted = self._forwarded(customer, product)
            subject_kind = "follow_up"
        if kind == "follow_up":
            ref = render.follow_up_ref(trade, PRODUCT_LINES[product], rng) if org.kind != "forwarder" else ""
            if org.kind in ("customer", "prospect") and rng.random() < 0.5:
                quoted = self._quote(org, to[0], product)
        subject = " ".join(texts.SUBJECT[subject_kind][org.language].format(ref=ref).split())
        if quoted:
            subject = ("FW: " if kind == "forward" else "RE: ") + subject
        team = trade if len(to) > 1 or rng.random() < 0.1 else ""
        body = self._body(org, to[0], sender, product, quoted, team)
        when = START + timedelta(seconds=rng.randrange(365 * 86400))
        name = dict(self.salespeople)[sender]
        recipients = tuple(self._address(c, org) for c in to)
        return SentMail(f"m{number:06d}", sender, name, when, recipients, tuple(cc), subject, body, tuple(attachments))

    def _shipment_for(self, forwarder: TruthOrg, orgs: dict[str, TruthOrg]) -> tuple[TruthOrg, list[SentAttachment]]:
        """A booking for a customer this forwarder serves, with a proforma that customer already received."""
        served = [o for o in orgs.values() if o.forwarder == forwarder.key]
        customer = self.rng.choice(served or [o for o in orgs.values() if o.kind == "customer"])
        issued = self.proformas.get(customer.key)
        return customer, [self.rng.choice(issued)] if issued else []

    def _own_document(self, kind: str, org: TruthOrg) -> SentAttachment:
        """A document of this organization only: a new one, or one sent before (a revision, a reminder)."""
        self.sequence[org.key + kind] += 1
        number = self.sequence[org.key + kind]
        if number > 1 and self.rng.random() < 0.3:
            number -= 1
        # One team member names files after the customer's code, another after its name: the same file keeps its name.
        style = render.stable(f"{org.key}{kind}{number}", 6)
        if org.customer_code and style < 3:
            ref = org.customer_code
        else:
            ref = render.file_ref(org.trade[style % len(org.trade)], style)
        name = render.document_name(kind, ref, number, org.language, style)
        attachment = SentAttachment(name, f"{kind}:{org.key}:{number}".encode())
        self.documents[attachment.sha256] = org.key
        if kind == "pi" and attachment not in self.proformas.setdefault(org.key, []):
            self.proformas[org.key].append(attachment)
        return attachment

    @staticmethod
    def _address(contact: TruthContact, org: TruthOrg) -> tuple[str, str]:
        digest = render.stable(contact.email, 100)
        if digest < 10:
            return (contact.email, "")
        if contact.hanzi and digest < 35:
            return (contact.email, contact.hanzi)
        if digest >= 85 and not org.freemail:  # the company in the display name: "Julia Fischer (Helio Handel)"
            return (contact.email, f"{contact.name} ({org.trade[0]})")
        return (contact.email, contact.name)

    def _body(self, org: TruthOrg, contact: TruthContact, sender: str, product: str, quoted: str, team: str) -> str:
        language = org.language
        first = contact.name if language == "zh" else contact.name.split()[0]
        sentences = self.rng.sample(texts.BODY[language], self.rng.choice((1, 2, 2, 3)))
        text = " ".join(s.format(product=PRODUCT_LINES[product]) for s in sentences)
        signature = f"{texts.CLOSING[language]}\n{dict(self.salespeople)[sender]}\n{self.company}"
        greeting = render.TEAM_GREETING[language].format(team=team) if team else texts.GREETING[language]
        parts = [greeting.format(name=first), text, signature]
        return "\n\n".join(parts) + (f"\n\n{quoted}" if quoted else "")

    def _signature(self, org: TruthOrg, contact: TruthContact) -> list[str]:
        domain = "" if org.freemail else contact.email.rpartition("@")[2]
        return render.signature_block(contact.name, org.company_lines, org.language, org.country, domain)

    def _quote(self, org: TruthOrg, contact: TruthContact, product: str) -> str:
        line = texts.CUSTOMER_LINE[org.language].format(product=PRODUCT_LINES[product])
        header = texts.WROTE[org.language].format(date="2026-03-04", name=contact.name, email=contact.email)
        lines = [line, "", texts.CLOSING[org.language], *self._signature(org, contact)]
        return header + "\n" + "\n".join(f"> {x}" if x else ">" for x in lines)

    def _forwarded(self, customer: TruthOrg, product: str) -> str:
        contact = customer.contacts[0]
        line = texts.CUSTOMER_LINE[customer.language].format(product=PRODUCT_LINES[product])
        return "\n".join(
            (texts.FORWARD_HEADER, f"From: {contact.name} <{contact.email}>", "Date: 2026-03-04",
             "", line, "", *self._signature(customer, contact))
        )  # fmt: skip


def sizes(mailbox: Mailbox) -> dict[str, int]:
    kinds = Counter(o.kind for o in mailbox.orgs.values())
    return {"messages": len(mailbox.messages), "organizations": len(mailbox.orgs), **kinds}


__all__ = ["CULTURES", "Mailbox", "SentAttachment", "SentMail", "TruthContact", "TruthOrg", "generate", "sizes"]
