"""Vierte (zurückgehaltene) Charge, Deutsch: anderer Verkäufer, Apple-Mail-Zitate, Titel, knappe Geschäftssprache."""

from __future__ import annotations

from tests.eval.common import FOOTER, Cases, gmail_quote, outlook_quote, quote_text

c = Cases("de")
T = "Beste Grüße aus Hamburg\nTom Becker\nACME Trade Europe GmbH\nTel. +49 40 3070 5512"
TF = T + "\n\n" + FOOTER["de"]


def apple(intro: str, body: str) -> str:
    quoted = "\n".join("> " + line for line in body.splitlines())
    return f"\n\n{intro}\n\n{quoted}"


# ------------------------------------------------------------------ normal mail
c.normal(
    "Frau Dr. Weber, Vertraulichkeitsfußzeile nennt Anhänge, nichts angekündigt",
    sender="tom",
    to=["weber"],
    subject="Liefertermin KW 51",
    body="Sehr geehrte Frau Dr. Weber,\n\ndie Ware wird am 16.12. in Hamburg verladen.\n\n" + TF,
    known=True,
    absent=["missing_attachment", "greeting_mismatch"],
)
c.normal(
    "Anhang angekündigt für später: 'schicke ich Ihnen nach, sobald...'",
    sender="tom",
    to=["schneider"],
    subject="Datenblätter",
    body="Hallo Herr Schneider,\n\ndie Datenblätter schicke ich Ihnen nach, sobald der Hersteller sie "
    "freigegeben hat. Heute also noch ohne Anhang.\n\n" + T,
    absent=["missing_attachment"],
)
c.normal(
    "Apple-Mail-Antwort; Kunde schrieb 'anbei unsere Bestellung' und nennt seine eigene Marge",
    sender="tom",
    to=["fischer"],
    subject="Re: Bestellung 7781",
    body="Liebe Frau Fischer,\n\nBestellung erhalten, Bestätigung folgt morgen.\n\n"
    + T
    + apple(
        "Am 26.11.2026 um 10:14 schrieb Julia Fischer <j.fischer@helio-handel.de>:",
        "Hallo Herr Becker,\nanbei unsere Bestellung 7781. Unsere Marge ist dieses Jahr knapp, bitte halten Sie "
        "den Preis.\nGruß Julia Fischer",
    ),
    absent=["missing_attachment", "sensitive_external", "internal_content_external"],
)
c.normal(
    "Angebot wirklich angehängt, Preise an den Kunden (höchstens low)",
    sender="tom",
    to=["schmidt"],
    subject="Angebot AN-26-415",
    body="Sehr geehrter Herr Schmidt,\n\nim Anhang unser Angebot AN-26-415, 0,118 EUR/Wp frei Lager Hamburg.\n\n" + T,
    attachments=[
        (
            "Angebot_AN-26-415_SolarTech.pdf",
            quote_text("SolarTech GmbH", "Herrn Schmidt", "AN-26-415", "1 Modul 620W 2000 Stk 73,16 EUR"),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "nennt unseren Montagepartner Keller und unseren Spediteur Kuehne dem Kunden",
    sender="tom",
    to=["schneider"],
    subject="Montage Projekt Lübeck",
    body="Hallo Herr Schneider,\n\ndie Montage übernimmt wie besprochen Montagebau Keller, die Anlieferung "
    "macht Kuehne Logistics am 9.12.\n\n" + T,
    absent=["content_mismatch"],
)
c.normal(
    "Anrede an Herrn Wagner, der in Cc steht",
    sender="tom",
    to=["fischer"],
    cc=["wagner"],
    subject="Jahresgespräch",
    body="Liebe Frau Fischer, lieber Herr Wagner,\n\nwie wäre der 14. Januar?\n\n" + T,
    absent=["greeting_mismatch"],
)
c.normal(
    "kleingeschriebene Wörter 'handel' und 'helio' im Text",
    sender="tom",
    to=["schmidt"],
    subject="Marktbericht",
    body="Sehr geehrter Herr Schmidt,\n\nder handel mit Modulen zieht wieder an; das helio-thermische Segment "
    "bleibt schwach.\n\n" + T,
    absent=["content_mismatch"],
)
c.normal(
    "unsere Bankverbindung an einen Kunden aus dem Verzeichnis (low)",
    sender="tom",
    to=["schneider"],
    subject="Rechnung RE-26-0932",
    body="Hallo Herr Schneider,\n\nbitte überweisen Sie auf: Commerzbank Hamburg, IBAN DE12 2004 0000 0123 4567 89, "
    "BIC COBADEFFXXX.\n\n" + T,
    known=True,
)
c.normal(
    "andere Domain desselben Kunden (solartech.com statt .de) für Anna Weber",
    sender="tom",
    to=[("a.weber@solartech.com", "Anna Weber")],
    subject="Reklamation 12",
    body="Sehr geehrte Frau Weber,\n\ndie Ersatzmodule gehen morgen raus.\n\n" + T,
    absent=["contact_mismatch", "lookalike_domain"],
)
c.normal(
    "Kunde mit Spediteur und Montagepartner in Cc",
    sender="tom",
    to=["schmidt"],
    cc=["krueger", "keller"],
    subject="Anlieferung Baustelle Kiel",
    body="Sehr geehrter Herr Schmidt,\n\nFrau Krüger (Kuehne) und Herr Keller stimmen die Anlieferung ab.\n\n" + T,
    absent=["exposed_recipients"],
)
c.normal(
    "intern: Einkaufspreis und Marge nur an Kollegen",
    sender="tom",
    to=["alex"],
    cc=["david"],
    subject="Kalkulation Nordlicht",
    body="Alex,\n\nEK 0,092 €/Wp, wir bieten Nordlicht 0,109 an, Marge ca. 15 %. Passt das?\n\nTom",
)
c.normal(
    "Herr Prof. Dr. Braun, Interessent, Broschüre beigefügt",
    sender="tom",
    to=["braun"],
    subject="Unterlagen",
    body="Sehr geehrter Herr Prof. Dr. Braun,\n\nbeigefügt finden Sie unsere Firmenbroschüre.\n\n" + T,
    attachments=[("ACME_Firmenbroschuere_2027.pdf", None)],
    known=True,
    absent=["greeting_mismatch"],
)
c.normal(
    "Outlook-Antwort, zitiert Kundenmail mit 'siehe Anhang'",
    sender="tom",
    to=["schneider"],
    subject="AW: Reklamation",
    body="Hallo Herr Schneider,\n\ndanke, wir prüfen die Fotos.\n\n"
    + T
    + outlook_quote(
        "de",
        "Lukas Schneider <l.schneider@nordlicht-elektro.de>",
        "Donnerstag, 26. November 2026 08:55",
        "Tom Becker <tom.becker@acme-trade.example>",
        "Reklamation",
        "Hallo Herr Becker,\nsiehe Anhang, drei Module mit Glasbruch.\nGruß Schneider",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "Verneinung: 'Die Rechnung habe ich bewusst nicht angehängt'",
    sender="tom",
    to=["schmidt"],
    subject="Rechnung",
    body="Sehr geehrter Herr Schmidt,\n\ndie Rechnung habe ich bewusst nicht angehängt, sie kommt per Post.\n\n" + T,
    absent=["missing_attachment"],
)
c.normal(
    "Werksanfrage an unseren Lieferanten mit Zielpreis",
    sender="tom",
    to=["wugang"],
    subject="Anfrage Dachhaken",
    body="Dear Mr. Wu,\n\nplease quote your ex-works price for 20,000 roof hooks, our target cost is USD 1.05.\n\n" + T,
    absent=["sensitive_external"],
)
c.normal(
    "Subdomain des Kunden (lager.helio-handel.de)",
    sender="tom",
    to=[("wareneingang@lager.helio-handel.de", "Helio Wareneingang")],
    subject="Avis",
    body="Guten Tag,\n\nAnlieferung Mittwoch 9 Uhr.\n\n" + T,
    absent=["lookalike_domain"],
)
c.normal(
    "Einladung mit allen Kunden in Bcc",
    sender="tom",
    to=["tom"],
    bcc=["schmidt", "fischer", "mueller", "schneider"],
    subject="Einladung Intersolar-Abend",
    body="Liebe Kunden,\n\nwir laden Sie herzlich zu unserem Abend ein.\n\n" + T,
    absent=["rival_exposure", "exposed_recipients"],
)
c.normal(
    "'Grüß Gott Herr Müller' mit Umlaut, richtige Person",
    sender="alex",
    to=["mueller"],
    subject="Liefertermin",
    body="Grüß Gott Herr Müller,\n\nLiefertermin bleibt der 12.12.\n\nAlex Chen",
    absent=["greeting_mismatch"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "Angebot für Helio Handel (CamelCase im Dateinamen) an SunPeak",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["mueller"],
    subject="Angebot",
    body="Hallo Herr Müller,\n\nanbei das Angebot.\n\nAlex",
    attachments=[("Angebot_HelioHandel_Q1-2027.pdf", None)],
)
c.risky(
    "Betreff nennt SolarTech, Mail geht an Nordlicht",
    {"content_mismatch": "high"},
    sender="tom",
    to=["schneider"],
    subject="SolarTech – Rahmenvertrag Konditionen",
    body="Hallo Herr Schneider,\n\nunten die Konditionen.\n\n" + T,
)
c.risky(
    "im Text Kundennummer HH-1002 an SolarTech",
    {"content_mismatch": "medium"},
    sender="tom",
    to=["schmidt"],
    subject="Lagerbestand",
    body="Sehr geehrter Herr Schmidt,\n\ndie für HH-1002 reservierten Module sind wieder frei.\n\n" + T,
)
c.risky(
    "SolarTech und Helio Handel beide in An",
    {"rival_exposure": "critical"},
    sender="tom",
    to=["schmidt", "wagner"],
    subject="Preiserhöhung 2027",
    body="Sehr geehrte Damen und Herren,\n\nab 1.1. steigen die Preise um 3 %.\n\n" + T,
    absent=["exposed_recipients"],
)
c.risky(
    "Nordlicht und Sole Italia (keine Rivalen) in Cc",
    {"exposed_recipients": "medium"},
    sender="tom",
    to=["tom"],
    cc=["schneider", "rossi"],
    subject="Betriebsferien",
    body="Liebe Kunden,\n\nunser Büro ist vom 24.12. bis 2.1. geschlossen.\n\n" + T,
)
c.risky(
    "Wettbewerber EuroVolt in An",
    {"competitor_recipient": "high"},
    sender="tom",
    to=["zimmermann"],
    subject="Angebot Module",
    body="Hallo Herr Zimmermann,\n\nanbei unser Angebot.\n\n" + T,
    attachments=[("Angebot_Module.pdf", None)],
)
c.risky(
    "Bindestrich-Variante: solar-tech.de",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("m.schmidt@solar-tech.de", "Michael Schmidt")],
    subject="Vertrag",
    body="Sehr geehrter Herr Schmidt,\n\nanbei der Vertrag.\n\n" + T,
    attachments=[("Vertrag_SolarTech_2027.pdf", None)],
)
c.risky(
    "Punycode/kyrillisches 'а' in sunpeak.de",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("t.mueller@xn--sunpek-7nf.de", "Thomas Müller")],
    subject="Zahlung",
    body="Hallo Herr Müller,\n\nZahlung erhalten.\n\nAlex",
)
c.risky(
    "eigene Domain mit TLD-Vertauschung: acme-trade.exmaple in Cc",
    {"lookalike_domain": "high"},
    sender="tom",
    to=["schmidt"],
    cc=[("david.liu@acme-trade.exmaple", "David Liu")],
    subject="Konditionen",
    body="Sehr geehrter Herr Schmidt,\n\nich setze unseren Geschäftsführer in Kopie.\n\n" + T,
)
c.risky(
    "Anzeigename 'Schmidt, Michael' mit fremder Firmenadresse",
    {"contact_mismatch": "high"},
    sender="tom",
    to=[("michael.schmidt@schmidt-haustechnik.de", "Schmidt, Michael")],
    subject="Preisliste",
    body="Sehr geehrter Herr Schmidt,\n\nanbei die Preisliste.\n\n" + T,
    attachments=[("Preisliste_2027.pdf", None)],
)
c.risky(
    "gelernte Verwechslung muellerbau-gmbh.de",
    {"known_confusion": "high"},
    sender="alex",
    to=[("t.mueller@muellerbau-gmbh.de", "Thomas Müller")],
    subject="Auftragsbestätigung",
    body="Hallo Herr Müller,\n\ndie AB kommt morgen.\n\nAlex",
)
c.risky(
    "Anrede 'Sehr geehrte Frau Fischer', Mail an Schmidt (SolarTech)",
    {"greeting_mismatch": "medium"},
    sender="tom",
    to=["schmidt"],
    subject="Muster",
    body="Sehr geehrte Frau Fischer,\n\ndie Muster sind unterwegs.\n\n" + T,
)
c.risky(
    "Einstandspreis und Aufschlag an den Kunden verraten",
    {"sensitive_external": "high"},
    sender="tom",
    to=["schneider"],
    subject="Re: Rabatt",
    body="Hallo Herr Schneider,\n\nmehr geht nicht: unser Einstandspreis liegt bei 0,101 €/Wp, wir schlagen "
    "gerade mal 4 % auf.\n\n" + T,
)
c.risky(
    "IBAN an eine unbekannte Adresse",
    {"sensitive_external": "high"},
    sender="tom",
    to=[("buchhaltung@nordlicht-finanz.de", "Buchhaltung")],
    subject="Bankverbindung",
    body="Guten Tag,\n\nunsere Bankverbindung: IBAN DE12 2004 0000 0123 4567 89, BIC COBADEFFXXX.\n\n" + T,
)
c.risky(
    "Weiterleitung eines internen Gmail-Threads mit Kommentaren über den Kunden",
    {"internal_content_external": "critical"},
    sender="tom",
    to=["fischer"],
    subject="Fwd: Helio Sonderpreis",
    body="Liebe Frau Fischer,\n\nsiehe unten – der Sonderpreis ist freigegeben.\n\n"
    + T
    + gmail_quote(
        "Am Mi., 25. Nov. 2026 um 17:02 Uhr schrieb David Liu <david.liu@acme-trade.example>:",
        "Tom, Helio jammert immer, gib ihnen 2 % und keinen Cent mehr. Die zahlen sowieso spät.\nDavid",
    ),
)
c.risky(
    "'Anbei die korrigierte AB' ohne Anhang",
    {"missing_attachment": "medium"},
    sender="tom",
    to=["schneider"],
    subject="AB 26-771 korrigiert",
    body="Hallo Herr Schneider,\n\nanbei die korrigierte AB.\n\n" + T,
)
c.risky(
    "Adresse ohne Top-Level-Domain (m.schmidt@solartech)",
    {"invalid_address": "high"},
    sender="tom",
    to=[("m.schmidt@solartech", "Michael Schmidt")],
    subject="Termin",
    body="Sehr geehrter Herr Schmidt,\n\nTermin bestätigt.\n\n" + T,
)
c.risky(
    "erster Kontakt zu einem neuen österreichischen Händler",
    {"first_time_recipient": "info"},
    sender="tom",
    to=[("einkauf@tirol-solar.at", "Hannes Gruber")],
    subject="Vorstellung ACME Trade",
    body="Sehr geehrter Herr Gruber,\n\ndanke für das Gespräch auf der Messe.\n\n" + T,
    known=True,
)
c.risky(
    "Tom schreibt an SunPeak (gehört Alex)",
    {"owner_mismatch": "info"},
    sender="tom",
    to=["hoffmann"],
    subject="Lagerware",
    body="Sehr geehrte Frau Hoffmann,\n\nwir haben 1 MW ab Lager Hamburg.\n\n" + T,
)
c.risky(
    "26 Mitarbeiter eines Kunden sichtbar in An (Schulungseinladung)",
    {"large_audience": "low"},
    sender="tom",
    to=[(f"mitarbeiter{i:02d}@nordlicht-elektro.de", "") for i in range(1, 27)],
    subject="Einladung Produktschulung",
    body="Liebe Kolleginnen und Kollegen von Nordlicht,\n\nwir laden zur Schulung am 20.1. ein.\n\n" + T,
)

# ------------------------------------------------------------------ more normal mail
c.normal(
    "'Hallo zusammen' an Kunde + Spediteur, Preise nur dem Kunden, beigefügte Packliste wirklich dabei",
    sender="tom",
    to=["fischer"],
    cc=["kuehne_ops"],
    subject="Packliste Auftrag 7781",
    body="Hallo zusammen,\n\nbeigefügt die Packliste für Auftrag 7781.\n\n" + T,
    attachments=[("Packliste_7781.xlsx", None)],
    absent=["exposed_recipients", "missing_attachment"],
)
c.normal(
    "Nordsonne (Interessent) bekommt Preise, Anrede 'Moin Herr Braun'",
    sender="tom",
    to=["braun"],
    subject="Richtpreise",
    body="Moin Herr Braun,\n\nals Richtwert: 0,115 €/Wp ab Lager Hamburg, bei 1 MW.\n\n" + T,
    absent=["greeting_mismatch"],
)

# ------------------------------------------------------------------ inline answers (plain text, "> " quoting)
c.risky(
    "Antwort zwischen den zitierten Fragen verspricht die PI, kein Anhang",
    {"missing_attachment": "medium"},
    sender="tom",
    to=["schmidt"],
    subject="AW: Bestellung ST-1001-2026-21",
    body=(
        "Hallo Herr Schmidt,\n\nmeine Antworten unten im Text.\n\n"
        "> Können Sie uns die Proforma-Rechnung für die Anzahlung schicken? Unsere Buchhaltung\n"
        "> braucht sie bis Freitag.\n\n"
        "Die PI hänge ich Ihnen hier an, Anzahlung wie besprochen 30 %.\n\n"
        "> Und wann geht der Container raus?\n\n"
        "KW 12 ab Ningbo, ETA Hamburg KW 17.\n\n" + T
    ),
)
c.normal(
    "Antwort im Text; nur der Kunde schrieb 'anbei' (im Zitat)",
    sender="tom",
    to=["schmidt"],
    subject="AW: Bestellung ST-1001-2026-22",
    body=(
        "Hallo Herr Schmidt,\n\n"
        "> anbei unsere Bestellung über 2 Container ACM-550M, bitte bestätigen Sie den Liefertermin.\n\n"
        "Gern, Liefertermin KW 14 ab Lager Hamburg.\n\n"
        "> Gilt der Preis aus dem Angebot vom März?\n\n"
        "Ja, 0,118 USD/Wp wie angeboten.\n\n" + T
    ),
    absent=["missing_attachment"],
)

CASES = c.items
for _case in CASES:  # distinct ids beside the other batches: de-q001 ...
    _case["id"] = _case["id"].replace("de-", "de-q", 1)
