"""Realistic drafts for `make bench` and `make load`: the mix the headline figures use.

Each draft is written by one of many users to 3-15 recipients (mostly one customer's contacts, colleagues
in copy, sometimes someone from a rival buyer or a new address), with a body of its own (greeting in the
customer's language, order details, prices, dates). Six in ten are replies with quoted history in
Outlook's style (HTML `divRplyFwdMsg` header blocks, or "From:/Sent:/To:" in plain text) or Gmail's
("On ... wrote:" with `>` quoting, or `gmail_quote` HTML); one in ten is a long thread of 20-60 KB; a
quarter carry attachment text (price lists, proforma invoices); a third are checked with `trigger: send`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from app.analysis.directory import ContactEntry, OrgEntry
from app.analysis.draft import Attachment, Draft, Recipient
from bench.directory_gen import INTERNAL_DOMAINS, Directory

_PRODUCTS = (
    "mono PERC modules 410 W", "TOPCon bifacial modules 440 W", "hybrid inverters 10 kW", "string inverters 50 kW",
    "LiFePO4 battery packs 5 kWh", "mounting rails 4.2 m", "MC4 connectors", "solar cable 6 mm²",
    "micro-inverters 800 W", "wallbox chargers 11 kW", "optimizers 600 W", "ground screws M76",
)  # fmt: skip
_PORTS = ("Ningbo", "Shanghai", "Shenzhen", "Hamburg", "Rotterdam", "Valencia", "Genoa", "Antwerp", "Gdańsk")
_GREETINGS = {
    "de": ("Hallo {first},", "Sehr geehrter Herr {last},", "Liebe {first},"),
    "es": ("Hola {first},", "Estimado {first}:", "Buenos días {first},"),
    "fr": ("Bonjour {first},", "Cher {first},", "Madame, Monsieur,"),
    "it": ("Buongiorno {first},", "Gentile {first},", "Ciao {first},"),
    "nl": ("Beste {first},", "Hallo {first},", "Geachte heer {last},"),
    "pl": ("Dzień dobry {first},", "Szanowny Panie {last},", "Witam,"),
    "en": ("Hi {first},", "Dear {first},", "Good morning {first},"),
    "zh": ("{last}先生您好，", "{last}总，您好！", "Dear {first},"),
}
_SENTENCES = (
    "Thank you for your order of {qty} pcs {product}; we confirm delivery ex {port} in week {week}.",
    "As discussed on the phone, the unit price for the {product} is EUR {price} per piece, FCA {port}.",
    "Please find the updated delivery schedule below; the container leaves {port} on {day}.",
    "Could you confirm the quantities for the second batch ({qty} pcs) by {day}?",
    "Payment terms stay at 30% deposit and the balance against the copy of the bill of lading.",
    "The datasheets and certificates for the {product} are on our portal; let me know if you need anything else.",
    "Our technician can visit your warehouse in week {week} to check the returned {product}.",
    "We have {qty} pcs of {product} in stock in {port} and can ship within five working days.",
    "The invoice number for the last shipment is {invoice}; the goods were delivered on {day}.",
    "Regarding your question on the warranty: the {product} come with 12 years product warranty.",
    "I attach the packing list; please let us know the unloading hours at your site.",
    "For the project in {port} we would suggest the {product} instead, which are better suited.",
)
_QUOTED_SENTENCES = (
    "We would like to order {qty} pcs of {product}, delivery to our warehouse.",
    "Can you send us your best price for {qty} pcs {product}?",
    "The last shipment arrived with two damaged pallets, photos attached.",
    "Please confirm the ETA for the container from {port}.",
    "Our customer needs the goods by {day} at the latest.",
    "Thanks, that works for us. Please send the proforma invoice.",
)


@dataclass(frozen=True, slots=True)
class GeneratedDraft:
    draft: Draft
    user: str
    client: str  # outlook | gmail
    trigger: str  # compose | send
    # Attachment files with their bytes (CSV/TXT), for checks over HTTP that send attachment content.
    files: tuple[tuple[str, str, bytes], ...] = ()


class DraftFactory:
    def __init__(self, directory: Directory, seed: int = 11) -> None:
        self.directory = directory
        self.rng = random.Random(seed)
        self.orgs = directory.snapshot.organizations
        self.customers = [i for i, org in enumerate(self.orgs) if org.kind in ("customer", "prospect", "partner")]

    def many(self, count: int) -> list[GeneratedDraft]:
        return [self.one() for _ in range(count)]

    def one(self) -> GeneratedDraft:
        rng = self.rng
        org = self.orgs[rng.choice(self.customers)]
        user = rng.choice(self.directory.users)
        client = "outlook" if rng.random() < 0.55 else "gmail"
        to, cc, bcc = self._recipients(org, user)
        greeted = next((r for r in to if r.name), to[0])
        new_text = self._new_text(org, greeted)
        roll = rng.random()
        thread_bytes = rng.randint(20_000, 60_000) if roll < 0.1 else rng.randint(1_500, 8_000) if roll < 0.6 else 0
        html = rng.random() < (0.7 if client == "outlook" else 0.5)
        body = self._body(new_text, org, user, to, client, thread_bytes, html)
        files = self._files(org) if rng.random() < 0.25 else ()
        names = [f"{rng.choice(('PI', 'Quotation', 'Invoice', 'Packing_List'))}_{rng.randint(1000, 9999)}.pdf"]
        if rng.random() < 0.3:
            names.append("Datasheet.pdf")
        attachments = tuple(Attachment(name, size=48_211) for name in names) + tuple(
            Attachment(name, size=len(data), content_type=ctype, text=data.decode("utf-8"))
            for name, ctype, data in files
        )
        draft = Draft(
            sender=user,
            to=to,
            cc=cc,
            bcc=bcc,
            subject=f"{'RE: ' if thread_bytes else ''}Order {rng.randint(10_000, 99_999)} - {org.name}",
            body=body,
            body_format="html" if html else "text",
            attachments=attachments,
        )
        trigger = "send" if rng.random() < 1 / 3 else "compose"
        return GeneratedDraft(draft=draft, user=user, client=client, trigger=trigger, files=files)

    # --- recipients ------------------------------------------------------------------------------

    def _recipients(
        self, org: OrgEntry, user: str
    ) -> tuple[tuple[Recipient, ...], tuple[Recipient, ...], tuple[Recipient, ...]]:
        rng = self.rng
        wanted = rng.randint(3, 15)
        contacts = list(self.directory.contacts_by_org.get(org.id, ()))
        rng.shuffle(contacts)
        people = [Recipient(c.email, c.name) for c in contacts[: max(1, wanted - 2)]]
        colleagues = [u for u in rng.sample(self.directory.users, 6) if u != user]
        while len(people) < wanted:
            extra = rng.random()
            if extra < 0.06 and org.id in self.directory.rivals_by_org:
                # Someone from a rival buyer: the mistake the service exists to catch.
                rival = self.orgs[rng.choice(self.directory.rivals_by_org[org.id])]
                rival_contacts = self.directory.contacts_by_org.get(rival.id, ())
                if rival_contacts:
                    people.append(_recipient(rng.choice(rival_contacts)))
                    continue
            if extra < 0.12:
                people.append(Recipient(f"buyer{rng.randint(1, 10**6)}@new-{rng.randint(1, 10**6)}.com"))
                continue
            people.append(Recipient(colleagues.pop() if colleagues else f"team@{INTERNAL_DOMAINS[0]}"))
        to = tuple(people[: max(1, len(people) // 3)])
        bcc = tuple(people[-1:]) if rng.random() < 0.15 else ()
        cc = tuple(people[len(to) : len(people) - len(bcc)])
        return to, cc, bcc

    # --- text ------------------------------------------------------------------------------------

    def _fill(self, template: str) -> str:
        rng = self.rng
        day = date(2026, 1, 1) + timedelta(days=rng.randint(0, 364))
        return template.format(
            qty=rng.choice((50, 120, 300, 620, 1200, 2400, 4800)),
            product=rng.choice(_PRODUCTS),
            port=rng.choice(_PORTS),
            week=rng.randint(1, 52),
            day=day.strftime("%d %B %Y"),
            price=f"{rng.randint(40, 900)}.{rng.randint(0, 99):02d}",
            invoice=f"INV-{rng.randint(100_000, 999_999)}",
        )

    def _new_text(self, org: OrgEntry, greeted: Recipient) -> str:
        rng = self.rng
        language = self.directory.language_by_org[org.id].code
        first, _, last = (greeted.name or "team").partition(" ")
        if language == "zh" and greeted.name:
            first, last = greeted.name[1:], greeted.name[0]
        greeting = rng.choice(_GREETINGS[language]).format(first=first, last=last or first)
        paragraphs = [
            " ".join(self._fill(rng.choice(_SENTENCES)) for _ in range(rng.randint(2, 5)))
            for _ in range(rng.randint(1, 4))
        ]
        if rng.random() < 0.1:
            paragraphs.append(f"Reference: {org.customer_code or org.name}, {org.name}.")
        return "\n\n".join([greeting, *paragraphs, "Best regards"])

    def _quoted_message(self, author: str, to: str, when: date, client: str, html: bool) -> str:
        text = " ".join(self._fill(self.rng.choice(_QUOTED_SENTENCES)) for _ in range(self.rng.randint(2, 6)))
        stamp = when.strftime("%a, %d %b %Y")
        if client == "outlook":
            header = f"From: {author}\nSent: {stamp} 10:{self.rng.randint(10, 59)}\nTo: {to}\nSubject: RE: Order"
            if html:
                lines = "<br>".join(escape(line) for line in header.splitlines())
                return f'<div id="divRplyFwdMsg"><font>{lines}</font></div><div><p>{escape(text)}</p></div>'
            return f"\n________________________________\n{header}\n\n{text}\n"
        if html:
            return (
                f'<div class="gmail_quote"><div class="gmail_attr">On {stamp}, {escape(author)} wrote:<br></div>'
                f'<blockquote class="gmail_quote"><div>{escape(text)}</div></blockquote></div>'
            )
        quoted = "\n".join(f"> {line}" for line in text.split(". "))
        return f"\nOn {stamp} at 10:{self.rng.randint(10, 59)}, {author} wrote:\n{quoted}\n"

    def _body(
        self, new_text: str, org: OrgEntry, user: str, to: tuple[Recipient, ...], client: str, size: int, html: bool
    ) -> str:
        signature = f"\n{user.split('@')[0].replace('.', ' ').title()}\nAcme Trade GmbH"
        head = (
            "<html><body>" + "".join(f"<p>{escape(p)}</p>" for p in new_text.split("\n\n")) + escape(signature)
            if html
            else new_text + signature
        )
        parts = [head]
        when = date(2026, 11, 20)
        total = 0
        while total < size:
            when -= timedelta(days=self.rng.randint(0, 3))
            customer = to[self.rng.randrange(len(to))].email
            author, addressee = (customer, user) if len(parts) % 2 else (user, customer)
            if self.rng.random() < 0.005:
                # A colleague-to-colleague exchange further down the thread.
                addressee = self.rng.choice(self.directory.users)
            quoted = self._quoted_message(author, addressee, when, client, html)
            parts.append(quoted)
            total += len(quoted)
        return "".join(parts) + ("</body></html>" if html else "")

    def _files(self, org: OrgEntry) -> tuple[tuple[str, str, bytes], ...]:
        rng = self.rng
        rows = [
            f"{n};{rng.choice(_PRODUCTS)};{rng.randint(1, 5000)};EUR {rng.randint(40, 900)}.{rng.randint(0, 99):02d}"
            for n in range(rng.randint(20, 400))
        ]
        text = f"Price list 2026 for {org.name}\nPos;Product;Qty;Unit price\n" + "\n".join(rows) + "\n"
        return ((f"Price_List_{org.domains[0].split('.')[0]}.csv", "text/csv", text.encode("utf-8")),)


def _recipient(contact: ContactEntry) -> Recipient:
    return Recipient(contact.email, contact.name)


# --- the two fixed drafts of DESIGN.md's in-process targets --------------------------------------

_PARAGRAPH = (
    "Thank you for your order of the mono PERC modules. As discussed with your purchasing team, the shipment "
    "leaves Ningbo on the 14th and arrives in Hamburg around the 20th of next month. The unit price stays as "
    "quoted; payment terms remain 30% deposit and the balance against the copy of the bill of lading. "
)


def _two_contacts(directory: Directory, rng: random.Random) -> tuple[OrgEntry, list[ContactEntry]]:
    while True:
        org = directory.snapshot.organizations[rng.randrange(len(directory.snapshot.organizations))]
        contacts = [c for c in directory.contacts_by_org.get(org.id, ()) if c.name]
        if len(contacts) >= 2:
            return org, contacts


def typical_draft(directory: Directory, rng: random.Random) -> Draft:
    """5 recipients (one customer's contacts, a colleague, one new address), 3 KB body, 2 attachment names."""
    org, contacts = _two_contacts(directory, rng)
    body = f"Dear {contacts[0].name.split()[0]},\n\n" + (_PARAGRAPH * 8)[:2900] + f"\nBest regards\nAlex\n{org.name}"
    return Draft(
        sender=directory.users[0],
        to=(_recipient(contacts[0]),),
        cc=(_recipient(contacts[1]), Recipient(directory.users[1], "Bob")),
        bcc=(Recipient(f"archive@{INTERNAL_DOMAINS[0]}"), Recipient(f"buyer@new-{rng.randrange(10**6)}.com")),
        subject=f"PI for order {rng.randrange(10**5)} - {org.name}",
        body=body,
        attachments=(Attachment(f"PI_{org.domains[0].split('.')[0]}_2026.pdf"), Attachment("Datasheet_M400.pdf")),
    )


def heavy_draft(directory: Directory, rng: random.Random) -> Draft:
    """50 recipients, 100 KB body (new text + long quoted history), 1 MB of attachment text."""
    picks = [_two_contacts(directory, rng) for _ in range(50)]
    recipients = tuple(_recipient(contacts[0]) for _, contacts in picks)
    mentions = " ".join(org.name for org, _ in picks[:10])
    quoted = "".join(
        f"\nOn Mon, {n} Mar 2026, Michael <m@{picks[n % 50][0].domains[0]}> wrote:\n> {_PARAGRAPH}\n"
        for n in range(250)
    )
    body = (("Dear all,\n\n" + _PARAGRAPH * 100 + mentions)[:30_000] + quoted)[:100_000]
    table = "".join(f"{n}\tModule M-{n}\t{picks[n % 50][0].name}\tEUR 0.{n % 90:02d}/W\n" for n in range(2_000))
    attachment_text = (table + _PARAGRAPH * 2_000)[:1_000_000]
    return Draft(
        sender=directory.users[0],
        to=recipients[:20],
        cc=recipients[20:40],
        bcc=recipients[40:],
        subject="Price announcement 2026",
        body=body,
        attachments=(Attachment("Price_List_2026.xlsx", text=attachment_text), Attachment("Catalogue.pdf")),
    )


def quoted_headers_draft(directory: Directory, megabytes: float) -> Draft:
    """A reply whose quoted history is `megabytes` of Outlook header blocks between colleagues."""
    users = directory.users
    block = "".join(
        f"From: {users[n % len(users)]}\nSent: Monday, 2 March 2026 10:{n % 60:02d}\n"
        f"To: {users[(n + 1) % len(users)]}\nSubject: RE: margin\n\nSee below.\n\n"
        for n in range(40)
    )
    quoted = (block * (int(megabytes * 1_000_000) // len(block) + 1))[: int(megabytes * 1_000_000)]
    customer = directory.snapshot.contacts[0]
    return Draft(
        sender=users[0],
        to=(_recipient(customer),),
        subject="RE: margin",
        body="Hello,\n\nplease see below.\n\n________________________________\n" + quoted,
    )
