"""Dritte Charge, Deutsch: Outlook-HTML, Titel und Kommas im Anzeigenamen, Einladungen, Abwesenheitsnotizen."""

from __future__ import annotations

from tests.eval.common import FOOTER, SIG, Cases, outlook_quote, quote_text
from tests.eval.common_third import LEADS40, outlook_html

c = Cases("de")
T = SIG["tom"]
TOM_ROWS = [
    "<b>Tom Becker</b> | Key Account Manager DACH",
    "ACME Trade Europe GmbH | Große Elbstraße 145 | 22767 Hamburg",
    "Tel. +49 40 3070 5512 | Mobil +49 171 4455 667",
    "Geschäftsführer: David Liu | Amtsgericht Hamburg HRB 154321 | USt-IdNr. DE 312 456 789",
]

# ------------------------------------------------------------------ normal mail
c.normal(
    "Outlook-HTML, Signatur in einer Tabelle, Vertraulichkeitshinweis (nennt Anhänge) im grauen <span>",
    sender="tom",
    to=["schmidt"],
    subject="Auftrag ST-2026-088: Produktionsstart",
    fmt="html",
    body=outlook_html(
        "Sehr geehrter Herr Schmidt,\n\ndie Produktion Ihres Auftrags ST-2026-088 hat heute begonnen; "
        "Fertigstellung voraussichtlich am 11. Dezember.",
        TOM_ROWS,
        FOOTER["de"],
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "Anzeigename 'Dr. Schmidt, Michael (SolarTech)' mit der richtigen Adresse, Anrede mit Doktortitel",
    sender="tom",
    to=[("m.schmidt@solartech.de", "Dr. Schmidt, Michael (SolarTech)")],
    subject="Rahmenvertrag 2027",
    body="Sehr geehrter Herr Dr. Schmidt,\n\nwie besprochen schicke ich Ihnen den Rahmenvertrag kommende Woche.\n\n"
    + T,
    absent=["contact_mismatch", "greeting_mismatch"],
)
c.normal(
    "Kunde schreibt von einer Subdomain (mail.solartech.de)",
    sender="tom",
    to=[("einkauf@mail.solartech.de", "SolarTech Einkauf")],
    subject="AW: Lieferavis KW 50",
    body="Guten Tag,\n\ndie Lieferung kommt am Dienstag, KW 50, zwischen 8 und 12 Uhr.\n\n" + T,
    absent=["lookalike_domain"],
)
c.normal(
    "Adresse in gemischter Schreibweise (M.Schmidt@SolarTech.DE)",
    sender="tom",
    to=[("M.Schmidt@SolarTech.DE", "Michael Schmidt")],
    subject="Rückfrage Montageschienen",
    body="Hallo Herr Schmidt,\n\nbenötigen Sie die Schienen in 4,2 m oder 6,0 m?\n\n" + T,
    absent=["contact_mismatch", "lookalike_domain", "invalid_address"],
)
c.normal(
    "'Angebot für Nordlicht Elektro.docx' an Nordlicht",
    sender="tom",
    to=["schneider"],
    subject="Angebot Wechselrichter 2027",
    body="Sehr geehrter Herr Schneider,\n\nanbei unser Angebot für die Hybrid-Wechselrichter.\n\n" + T,
    attachments=[
        (
            "Angebot für Nordlicht Elektro.docx",
            quote_text(
                "Nordlicht Elektro GmbH", "Lukas Schneider", "A-2026-311", "Hybrid-WR 10 kW  40 Stk.  EUR 1.180,00"
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "Kalendereinladung (Teams) an zwei Kontakte desselben Kunden, .ics im Anhang",
    sender="tom",
    to=["schmidt", "weber"],
    subject="Einladung: Jahresgespräch 2027 @ Do. 10. Dez. 2026 10:00 - 11:30 (MEZ)",
    body=(
        "Tom Becker hat Sie zu einer Microsoft Teams-Besprechung eingeladen.\n\nWann: Donnerstag, 10. Dezember 2026 "
        "10:00-11:30 (UTC+01:00) Amsterdam, Berlin, Bern, Rom\nWo: Microsoft Teams-Besprechung\n\n"
        "Jetzt an der Besprechung teilnehmen\nBesprechungs-ID: 347 118 902 556\nKennung: Qw7zR2"
    ),
    attachments=[("invite.ics", None)],
    absent=["exposed_recipients", "missing_attachment"],
)
c.normal(
    "Abwesenheitsnotiz an eine Kundin, nennt die Vertretung",
    sender="tom",
    to=["fischer"],
    subject="Automatische Antwort: AW: Reklamation Lieferung 4471",
    body=(
        "Vielen Dank für Ihre Nachricht. Ich bin bis einschließlich 4. Dezember nicht im Büro. In dringenden Fällen "
        "wenden Sie sich bitte an David Liu (david.liu@acme-trade.example, +49 40 3070 5500).\n\nTom Becker"
    ),
    absent=["missing_attachment", "greeting_mismatch"],
)
c.normal(
    "Fotos als Scan (IMG_2034.jpg) angehängt, Spediteur in Kopie",
    sender="tom",
    to=["fischer"],
    cc=["krueger"],
    subject="AW: Transportschaden Lieferung 4471",
    body=(
        "Liebe Frau Fischer, liebe Frau Krüger,\n\nim Anhang die Fotos der Verladung (IMG_2034.jpg, IMG_2035.jpg); "
        "die Paletten waren beim Verladen unbeschädigt.\n\n" + T
    ),
    attachments=[("IMG_2034.jpg", None), ("IMG_2035.jpg", None)],
    absent=["missing_attachment", "exposed_recipients"],
)
c.normal(
    "Zertifikate als ZIP im Anhang",
    sender="tom",
    to=["schneider"],
    subject="Zertifikate CE / VDE",
    body="Hallo Herr Schneider,\n\nim Anhang finden Sie alle Zertifikate als ZIP-Datei.\n\n" + T,
    attachments=[("Zertifikate_CE_VDE_TÜV_2026.zip", None)],
    absent=["missing_attachment"],
)
c.normal(
    "Anrede nennt die Kollegin in Cc (Produktentscheidung: normal)",
    sender="tom",
    to=["schmidt"],
    cc=["weber"],
    subject="Liefertermine Januar",
    body="Sehr geehrter Herr Schmidt, sehr geehrte Frau Weber,\n\nnachfolgend die Liefertermine für Januar:\n"
    "- 12.01.: 2 x 40HQ\n- 26.01.: 1 x 40HQ\n\n" + T,
    absent=["greeting_mismatch"],
)
c.normal(
    "Bankverbindung an den eigenen Kunden aus dem Verzeichnis (Zahlung an uns): höchstens low",
    sender="tom",
    to=["schneider"],
    subject="Restzahlung NE-2026-019",
    body=(
        "Sehr geehrter Herr Schneider,\n\ndie Ware ist verladen. Bitte überweisen Sie den Restbetrag auf unser Konto:\n"
        "ACME Trade Europe GmbH\nIBAN DE44 2005 0550 1234 5678 90\nBIC HASPDEHHXXX\n\n" + T
    ),
)
c.normal(
    "Newsletter: ein Kunde in An, 40 Interessenten und Kunden (auch Rivalen) in Bcc",
    sender="tom",
    to=["schneider"],
    bcc=[*LEADS40, "schmidt", "fischer", "mueller"],
    subject="ACME Trade Newsletter Dezember 2026",
    body="Sehr geehrte Damen und Herren,\n\nunser 600-W-TOPCon-Modul ist ab sofort ab Lager Hamburg lieferbar.\n\n" + T,
    absent=["exposed_recipients", "rival_exposure", "large_audience"],
)
c.normal(
    "Betreff in Großbuchstaben mit Bestell- und Kundennummer des Empfängers",
    sender="tom",
    to=["schmidt"],
    subject="AW: WG: BESTELLUNG NR. 4711 / KD-NR. ST-1001 – DRINGEND",
    body="Sehr geehrter Herr Schmidt,\n\nwir liefern die Bestellung 4711 wie gewünscht vorgezogen am Freitag.\n\n" + T,
    absent=["content_mismatch"],
)
c.normal(
    "Antwort unter dem Zitat (Bottom-Posting), Kundin schrieb 'anbei unsere Bestellung'",
    sender="tom",
    to=["fischer"],
    subject="Re: Bestellung 8812",
    body=(
        "Am 26.11.2026 um 14:05 schrieb Julia Fischer <j.fischer@helio-handel.de>:\n"
        "> Hallo Herr Becker, anbei unsere Bestellung 8812. Bitte um Auftragsbestätigung.\n\n"
        "Hallo Frau Fischer,\n\ndanke, die Auftragsbestätigung folgt morgen.\n\n" + T
    ),
    absent=["missing_attachment"],
)
c.normal(
    "Kunde, Installateur-Partner und Spediteur-Niederlassung (Subdomain) in einer Mail",
    sender="tom",
    to=["schneider"],
    cc=["keller", ("hamburg@hh.kuehne-logistics.de", "Kuehne Logistics, NL Hamburg")],
    subject="Anlieferung Baustelle Kiel",
    body="Guten Tag zusammen,\n\ndie Anlieferung an die Baustelle Kiel erfolgt am 14.12.; Herr Keller nimmt die Ware an.\n\n"
    + T,
    absent=["exposed_recipients", "lookalike_domain"],
)
c.normal(
    "'Nordlicht' als Naturphänomen in einer Mail an SolarTech (kein Firmenname)",
    sender="tom",
    to=["schmidt"],
    subject="Grüße aus Tromsø",
    body="Hallo Herr Schmidt,\n\nviele Grüße von der Messe in Tromsø, gestern Abend gab es sogar Nordlicht.\n\n" + T,
    absent=["content_mismatch"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "'Angebot für SunPeak.docx' an SolarTech (Rivale)",
    {"content_mismatch": "critical"},
    sender="tom",
    to=["schmidt"],
    subject="Angebot Module 2027",
    body="Sehr geehrter Herr Schmidt,\n\nanbei unser Angebot.\n\n" + T,
    attachments=[("Angebot für SunPeak.docx", None)],
)
c.risky(
    "Anzeigename 'Dr. Schmidt, Michael (SolarTech)' mit Adresse beim Rivalen Helio Handel",
    {"contact_mismatch": "high"},
    sender="tom",
    to=[("m.schmidt@helio-handel.de", "Dr. Schmidt, Michael (SolarTech)")],
    subject="Rahmenvertrag 2027",
    body="Sehr geehrter Herr Dr. Schmidt,\n\nanbei der Entwurf.\n\n" + T,
    attachments=[("Rahmenvertrag_2027_Entwurf.docx", None)],
)
c.risky(
    "Kalendereinladung mit zwei konkurrierenden Distributoren in An",
    {"rival_exposure": "critical"},
    sender="tom",
    to=["schmidt", "fischer"],
    subject="Einladung: Preisgespräch 2027",
    body="Tom Becker hat Sie zu einer Microsoft Teams-Besprechung eingeladen.\nBesprechungs-ID: 347 118 902 556",
    attachments=[("invite.ics", None)],
    absent=["exposed_recipients"],
)
c.risky(
    "alter Verlauf wiederverwendet: ältestes Zitat ist Helio Handels PI-Korrespondenz, geht an Nordlicht",
    {"content_mismatch": "medium"},
    sender="tom",
    to=["schneider"],
    subject="AW: Liefertermin",
    body=(
        "Sehr geehrter Herr Schneider,\n\nIhr Liefertermin ist der 18. Dezember.\n\n"
        + T
        + outlook_quote(
            "de",
            "Tom Becker <tom.becker@acme-trade.example>",
            "Mittwoch, 25. November 2026 11:20",
            "Julia Fischer <j.fischer@helio-handel.de>",
            "AW: Liefertermin",
            "Liebe Frau Fischer,\n\nIhre PI HH-2026-077 (EUR 96.400) geht in KW 50 raus.\n\nTom Becker",
        )
    ),
)
c.risky(
    "interne Domain vertippt (acme-trade.examlpe) in Cc",
    {"lookalike_domain": "high"},
    sender="tom",
    to=["schmidt"],
    cc=[("david.liu@acme-trade.examlpe", "David Liu")],
    subject="Preisanpassung 2027",
    body="Sehr geehrter Herr Schmidt,\n\nich setze unseren Geschäftsführer Herrn Liu in Kopie.\n\n" + T,
)
c.risky(
    "vertauschte Buchstaben im Kundennamen (helio-handle.de)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("j.fischer@helio-handle.de", "Julia Fischer")],
    subject="Restzahlung",
    body="Liebe Frau Fischer,\n\nbitte überweisen Sie den Restbetrag bis Freitag.\n\n" + T,
)
c.risky(
    "'Guten Tag Herr Dr. Schmidt' in einer Mail an Frau Fischer (Helio)",
    {"greeting_mismatch": "medium"},
    sender="tom",
    to=["fischer"],
    subject="Lieferplan",
    body="Guten Tag Herr Dr. Schmidt,\n\nder Lieferplan für Januar steht.\n\n" + T,
)
c.risky(
    "Einkaufspreis ab Werk und Aufschlag an einen Interessenten",
    {"sensitive_external": "high"},
    sender="tom",
    to=["braun"],
    subject="AW: Ihr Zielpreis",
    body=(
        "Sehr geehrter Herr Braun,\n\nehrlich gesagt zahlen wir ab Werk selbst 0,092 USD/Wp und schlagen nur 5 % auf; "
        "tiefer geht es nicht.\n\n" + T
    ),
)
c.risky(
    "Outlook-HTML: interner Vermerk in rotem <span> über dem Text an den Kunden",
    {"internal_content_external": "critical"},
    sender="tom",
    to=["schneider"],
    subject="Zahlungsbedingungen 2027",
    fmt="html",
    body=outlook_html(
        '<span style="color:red">INTERN @David: Nordlicht zahlt immer 30 Tage zu spät – nur gegen Vorkasse liefern!</span>'
        "\n\nSehr geehrter Herr Schneider,\n\nfür 2027 schlagen wir 30 % Anzahlung und 70 % vor Verladung vor.",
        TOM_ROWS,
    ),
)
c.risky(
    "'Die Rechnung finden Sie in der Anlage.' – nichts angehängt",
    {"missing_attachment": "medium"},
    sender="tom",
    to=["schneider"],
    subject="Rechnung NE-2026-019",
    body="Sehr geehrter Herr Schneider,\n\ndie Rechnung finden Sie in der Anlage.\n\n" + T,
)
c.risky(
    "neue Bankverbindung an eine unbekannte Firmenadresse",
    {"sensitive_external": "high"},
    sender="tom",
    to=[("buchhaltung@sonnenwerk-bau.de", "Buchhaltung")],
    subject="Änderung unserer Bankverbindung",
    body="Sehr geehrte Damen und Herren,\n\nbitte beachten Sie unsere neue Bankverbindung:\nIBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX\n\n"
    + T,
)
c.risky(
    "Newsletter: 30 Interessenten versehentlich in Cc statt Bcc",
    {"exposed_recipients": "medium"},
    sender="tom",
    to=["sales"],
    cc=LEADS40[:30],
    subject="ACME Trade Newsletter Dezember 2026",
    body="Sehr geehrte Damen und Herren,\n\nunser 600-W-Modul ist ab Lager lieferbar.\n\n" + T,
)
c.risky(
    "gelernte Verwechslung in gemischter Schreibweise (T.Mueller@MuellerBau-GmbH.de)",
    {"known_confusion": "high"},
    sender="alex",
    to=[("T.Mueller@MuellerBau-GmbH.de", "Thomas Müller")],
    subject="Liefertermin SP-2026-040",
    body="Hallo Herr Müller,\n\nder Liefertermin ist bestätigt.\n\n" + T,
)
c.risky(
    "Wettbewerber (EuroVolt) in Bcc",
    {"competitor_recipient": "high"},
    sender="tom",
    to=["schneider"],
    bcc=[("R.Zimmermann@EuroVolt-Trading.de", "Zimmermann, Ralf")],
    subject="Angebot Wechselrichter",
    body="Sehr geehrter Herr Schneider,\n\nunser Preis: EUR 1.180,00 je Gerät.\n\n" + T,
)

c.risky(
    "Betreff nennt den Rivalen in Großbuchstaben (WG: ANGEBOT HELIO HANDEL KW49), geht an SolarTech",
    {"content_mismatch": "high"},
    sender="tom",
    to=["schmidt"],
    subject="WG: ANGEBOT HELIO HANDEL KW49",
    body="Sehr geehrter Herr Schmidt,\n\nwie telefonisch besprochen, unsere Konditionen für KW 49 unten.\n\n" + T,
)

CASES = c.items
for _case in CASES:  # distinct ids beside the first two batches: de-t001 ...
    _case["id"] = _case["id"].replace("de-", "de-t", 1)
