"""German trade mail (DACH): PV distributors that compete, installers, forwarders, a German-speaking factory rep."""

from __future__ import annotations

from tests.eval.common import FOOTER, LEADS, SIG, Cases, gmail_quote, html, outlook_quote, pi_text, quote_text

c = Cases("de")
T = SIG["tom"]

# ------------------------------------------------------------------ normal mail
c.normal(
    "Liefertermin mit Vertraulichkeitshinweis (nennt Anhänge)",
    sender="tom",
    to=["schmidt"],
    subject="Ihre Bestellung ST-1001-2026-14: Liefertermin",
    body=(
        "Sehr geehrter Herr Schmidt,\n\nIhre zwei Container sind auf der MSC Clara gebucht, ETA Hamburg 8. Januar. "
        "Die Avisierung erfolgt durch unseren Spediteur.\n\n" + T + "\n\n" + FOOTER["de"]
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "Angebot, nach dem Kunden benannt, an diesen Kunden, mit Fußzeile",
    sender="tom",
    to=["schmidt", "weber"],
    subject="Angebot Module 2027 – SolarTech",
    body=(
        "Sehr geehrter Herr Schmidt, sehr geehrte Frau Weber,\n\nanbei erhalten Sie unser Angebot für die "
        "Rahmenvereinbarung 2027.\n\n" + T + "\n\n" + FOOTER["de"]
    ),
    attachments=[
        (
            "Angebot_SolarTech_ST-1001_2027.pdf",
            quote_text(
                "SolarTech GmbH",
                "Michael Schmidt",
                "A-2026-331",
                "ACM-550M 550 Wp  12.400 Stk.  0,118 USD/Wp",
                "DDP München",
            ),
        )
    ],
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "PI folgt morgen (Zukunft, kein Anhang)",
    sender="tom",
    to=["fischer"],
    subject="AW: Bestellung Unterkonstruktion",
    body="Hallo Frau Fischer,\n\ndanke für die Bestätigung der Mengen. Die PI folgt morgen, sobald die Fracht feststeht.\n\n"
    + T,
    absent=["missing_attachment"],
)
c.normal(
    "Zeichnungen noch nicht fertig, folgen nächste Woche",
    sender="tom",
    to=["schneider"],
    subject="Kabeltrassen – Zeichnungen",
    body=(
        "Hallo Herr Schneider,\n\ndie Zeichnungen sind noch nicht angehängt, weil unser Ingenieur die Lasttabellen "
        "noch ergänzt. Ich schicke sie Ihnen nächste Woche, zusammen mit dem Verzinkungszertifikat.\n\n" + T
    ),
    absent=["missing_attachment"],
)
c.normal(
    "Antwort über Outlook-Zitat (Von/Gesendet), Kunde hatte Bestellung angehängt",
    sender="tom",
    to=["schmidt"],
    subject="AW: Bestellung 4500098765",
    body="Sehr geehrter Herr Schmidt,\n\nvielen Dank für Ihre Bestellung, wir bestätigen Liefertermin KW 3.\n\n"
    + T
    + outlook_quote(
        "de",
        "Michael Schmidt <m.schmidt@solartech.de>",
        "Montag, 23. November 2026 10:14",
        "Tom Becker <tom.becker@acme-trade.example>",
        "Bestellung 4500098765",
        "Hallo Herr Becker,\n\nanbei unsere Bestellung 4500098765, bitte um Auftragsbestätigung.\n\n"
        "Mit freundlichen Grüßen\nMichael Schmidt\nEinkauf | SolarTech GmbH | Industriestraße 12, "
        "80939 München | Tel. +49 89 1234 5670",
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "Antwort über Gmail-Zitat (Am … schrieb), Kunde hatte Fotos im Anhang",
    sender="tom",
    to=["fischer"],
    subject="Re: Reklamation Lieferung 2026-11",
    body="Hallo Frau Fischer,\n\ndanke für die Fotos. Wir ersetzen die beschädigten Module mit der nächsten Lieferung.\n\n"
    + T
    + gmail_quote(
        "Am Di., 24. Nov. 2026 um 09:02 Uhr schrieb Julia Fischer <j.fischer@helio-handel.de>:",
        "Hallo Herr Becker,\nim Anhang finden Sie die Reklamationsfotos von 6 Modulen.\nGruß, Julia Fischer",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "HTML-Antwort, Interessent hatte seine Anfrage angehängt (blockquote)",
    sender="tom",
    to=["braun"],
    subject="AW: Anfrage Großprojekt Brandenburg",
    fmt="html",
    body=html(
        "Sehr geehrter Herr Braun,\n\nvielen Dank für Ihre Anfrage. Wir melden uns bis Freitag mit einem "
        "Angebot.\n\nMit freundlichen Grüßen<br>Tom Becker",
        "Sehr geehrter Herr Becker,<br>anbei unsere Anfrage als PDF mit der Stückliste.<br>Felix Braun<br>"
        "Nordsonne Energie GmbH",
        "Am Mo., 23. Nov. 2026 um 16:20 Uhr schrieb Felix Braun &lt;f.braun@nordsonne.de&gt;:",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "Kunde und sein Spediteur in einer Mail, Papiere nach dem Kunden benannt",
    sender="tom",
    to=["schmidt"],
    cc=["krueger"],
    subject="Lieferavis ST-1001-2026-14",
    body=(
        "Sehr geehrter Herr Schmidt, liebe Frau Krüger,\n\nanbei Packliste und Handelsrechnung. Frau Krüger, "
        "bitte übernehmen Sie die Verzollung und die Zustellung nach München.\n\n" + T
    ),
    attachments=[
        (
            "Packliste_SolarTech_ST-1001-2026-14.pdf",
            "PACKLISTE\nEmpfänger: SolarTech GmbH, Industriestraße 12, München",
        ),
        (
            "Handelsrechnung_SolarTech_ST-1001-2026-14.pdf",
            "HANDELSRECHNUNG\nKäufer: SolarTech GmbH\nSumme: USD 184.320,00",
        ),
    ],
    absent=["exposed_recipients", "content_mismatch", "missing_attachment"],
)
c.normal(
    "Kunde und Partner-Installateur in einer Mail",
    sender="tom",
    to=["schneider"],
    cc=["keller"],
    subject="Montage Lagerhalle Bremen",
    body=(
        "Hallo Herr Schneider, hallo Herr Keller,\n\nwie besprochen übernimmt Montagebau Keller die Montage der "
        "Unterkonstruktion in Bremen. Bitte stimmen Sie den Termin direkt ab.\n\n" + T
    ),
    absent=["exposed_recipients"],
)
c.normal(
    "Dreier-Vorstellung, der Kunde hat zugestimmt",
    sender="tom",
    to=["fischer"],
    cc=["keller"],
    subject="Vorstellung: Montagebau Keller",
    body=(
        "Liebe Frau Fischer,\n\nwie telefonisch mit Ihnen abgesprochen, stelle ich Ihnen Herrn Andreas Keller von "
        "Montagebau Keller vor, unseren Montagepartner in Norddeutschland. Herr Keller, Frau Fischer leitet den "
        "Einkauf bei Helio Handel und sucht einen Installateur für zwei Dachprojekte.\n\nIch ziehe mich hiermit "
        "zurück und wünsche gute Zusammenarbeit.\n\n" + T
    ),
    absent=["exposed_recipients", "content_mismatch"],
)
c.normal(
    "Ab-Werk-Preis beim eigenen Lieferanten anfragen, mit Zielkosten und Marge",
    sender="tom",
    to=["huanglei"],
    subject="Preisanfrage Ab Werk – Dachhaken",
    body=(
        "Sehr geehrter Herr Huang,\n\nbitte nennen Sie uns Ihren Ab-Werk-Preis (EXW Xiamen) für 20.000 Dachhaken "
        "Edelstahl. Unser Einkaufsziel liegt bei 1,85 USD pro Stück, sonst bleibt uns keine Marge.\n\n" + T
    ),
    absent=["sensitive_external"],
)
c.normal(
    "PI an den richtigen Kunden, Datei nach dem Kunden benannt",
    sender="tom",
    to=["fischer"],
    subject="Proforma-Rechnung HH-1002-2026-077",
    body="Hallo Frau Fischer,\n\nim Anhang die PI zu Ihrer Bestellung. Bitte veranlassen Sie die Anzahlung.\n\n" + T,
    attachments=[
        (
            "PI_Helio-Handel_HH-1002_2026-077.pdf",
            pi_text(
                "Helio Handel GmbH & Co. KG",
                "Am Hafen 3, 28217 Bremen",
                "ACME-PI-2026-077",
                "1  Montageschiene 4,2 m  3.000 Stk.  9,80 USD  29.400,00 USD",
                "29.400,00 USD",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "Sehr geehrter Herr Schmidt – Empfänger in An",
    sender="tom",
    to=["schmidt"],
    subject="Muster",
    body="Sehr geehrter Herr Schmidt,\n\ndie Muster sind heute per DHL rausgegangen.\n\n" + T,
    absent=["greeting_mismatch"],
)
c.normal(
    "Begrüßung beider Kontakte in An",
    sender="tom",
    to=["weber", "schmidt"],
    subject="Termin Intersolar",
    body="Hallo Frau Weber, hallo Herr Schmidt,\n\npasst Ihnen Mittwoch 10:30 an unserem Stand?\n\n" + T,
    absent=["greeting_mismatch"],
)
c.normal(
    "'Hallo zusammen' an zwei Kontakte eines Kunden",
    sender="tom",
    to=["fischer", "wagner"],
    subject="Lieferstopp vor Weihnachten",
    body="Hallo zusammen,\n\nletzte Auslieferung vor Weihnachten ist am 18. Dezember.\n\n" + T,
    absent=["greeting_mismatch", "exposed_recipients"],
)
c.normal(
    "Interne Abstimmung zu Marge und Einkaufspreis, nur Kollegen",
    sender="tom",
    to=["alex", "david"],
    subject="SolarTech Rahmenvertrag – intern",
    body=(
        "Hallo zusammen,\n\nSolarTech will 0,112 USD/Wp. Unser Einkaufspreis liegt bei 0,101, die Marge wäre unter "
        "9 %. Nur intern: Herr Schmidt deutete an, dass Helio Handel günstiger einkauft. Freigabe?\n\nTom"
    ),
    absent=["sensitive_external", "internal_content_external", "content_mismatch"],
)
c.normal(
    "Interne Mail an die Logistik mit mehreren Kundennamen",
    sender="tom",
    to=["logistics"],
    subject="Container für HH-1002",
    body="Hallo Logistik,\n\nbitte den Container für Helio Handel (HH-1002) buchen; SunPeak wartet auf dasselbe Modell.\n\nTom",
    absent=["content_mismatch", "rival_exposure"],
)
c.normal(
    "Newsletter an Kunden (auch Wettbewerber untereinander) in Bcc",
    sender="tom",
    to=["tom"],
    bcc=["schmidt", "weber", "fischer", "wagner", "mueller", "schneider", "braun"],
    subject="Neue 600-Wp-Module ab Lager Hamburg",
    body="Sehr geehrte Damen und Herren,\n\nab Januar liefern wir 600-Wp-TOPCon-Module ab Lager Hamburg.\n\n" + T,
    absent=["exposed_recipients", "rival_exposure"],
)
c.normal(
    "Antwort mit langem Verlauf, enthält frühere Mail des Kollegen an den Kunden",
    sender="tom",
    to=["schneider"],
    subject="AW: AW: AW: Lieferplan NE-1004",
    body="Hallo Herr Schneider,\n\nCharge 3 wird am 9. Dezember verladen.\n\n"
    + T
    + outlook_quote(
        "de",
        "Lukas Schneider <l.schneider@nordlicht-elektro.de>",
        "Dienstag, 24. November 2026 16:40",
        "Tom Becker <tom.becker@acme-trade.example>",
        "AW: AW: Lieferplan NE-1004",
        "Herr Becker, geht Charge 3 Anfang Dezember? Anbei unsere aktualisierte Baustellenliste.",
    )
    + outlook_quote(
        "de",
        "Alex Chen <alex.chen@acme-trade.example>",
        "Freitag, 20. November 2026 11:02",
        "Lukas Schneider <l.schneider@nordlicht-elektro.de>",
        "AW: Lieferplan NE-1004",
        "Dear Mr. Schneider, batch 2 left on 18 November, price for batch 3 stays at USD 41.50 per "
        "set as agreed. Please find attached the B/L copy.\nAlex",
    )
    + outlook_quote(
        "de",
        "Lukas Schneider <l.schneider@nordlicht-elektro.de>",
        "Donnerstag, 12. November 2026 09:15",
        "Tom Becker <tom.becker@acme-trade.example>",
        "Lieferplan NE-1004",
        "Hallo Herr Becker,\nim Anhang der Lieferplan.\nLukas Schneider | Nordlicht Elektro GmbH | "
        "Hafenstraße 7, 24103 Kiel",
    ),
    absent=["internal_content_external", "missing_attachment", "content_mismatch"],
)
c.normal(
    "Pflichtangaben in beiden Signaturen (Handelsregister, Geschäftsführer, Telefon)",
    sender="tom",
    to=["wagner"],
    subject="AW: Neue Lieferadresse",
    body="Hallo Herr Wagner,\n\nnotiert, ab Januar liefern wir an das neue Lager in Achim.\n\n"
    + T
    + gmail_quote(
        "Am Mi., 25. Nov. 2026 um 14:05 Uhr schrieb Stefan Wagner <s.wagner@helio-handel.de>:",
        "Hallo Herr Becker,\nab Januar lautet unsere Lieferadresse: Uesener Feld 4, 28832 Achim.\n"
        "Stefan Wagner | Logistik\nHelio Handel GmbH & Co. KG | Am Hafen 3, 28217 Bremen\n"
        "Amtsgericht Bremen HRA 12345 | Komplementärin: Helio Verwaltungs GmbH",
    ),
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "Kunde mit zwei Domains in einer Mail (solartech.de und solartech.com)",
    sender="tom",
    to=["schmidt"],
    cc=["st_einkauf"],
    subject="Auftragsbestätigung folgt",
    body="Sehr geehrter Herr Schmidt,\n\ndie Auftragsbestätigung schicke ich Ihnen heute Nachmittag.\n\n" + T,
    absent=["exposed_recipients", "lookalike_domain", "missing_attachment"],
)
c.normal(
    "Urlaubsvertretung für einen Kunden des Kollegen",
    sender="tom",
    to=["mueller"],
    subject="Vertretung Alex Chen",
    body="Sehr geehrter Herr Müller,\n\nbis zum 4. Dezember vertrete ich Alex Chen. Ihre Lieferung ist pünktlich.\n\n"
    + T,
    absent=["missing_attachment"],
)
c.normal(
    "Spediteur bekommt die Papiere eines Kunden (tägliche Praxis)",
    sender="tom",
    to=["kuehne_ops"],
    subject="Verzollung SunPeak SP-1003-2026-08",
    body="Hallo zusammen,\n\nanbei Handelsrechnung und Packliste für SunPeak, bitte Verzollung vorbereiten.\n\n" + T,
    attachments=[
        ("Handelsrechnung_SunPeak_SP-1003.pdf", "HANDELSRECHNUNG\nKäufer: SunPeak Energy GmbH"),
        ("Packliste_SunPeak_SP-1003.pdf", "PACKLISTE\nEmpfänger: SunPeak Energy GmbH"),
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "Lieferschein nach dem Kunden benannt an diesen Kunden",
    sender="tom",
    to=["schneider"],
    subject="Lieferschein NE-1004-2026-21",
    body="Hallo Herr Schneider,\n\nanbei der Lieferschein zur heutigen Lieferung.\n\n" + T,
    attachments=[("Lieferschein_Nordlicht-Elektro_NE-1004-2026-21.pdf", "LIEFERSCHEIN\nNordlicht Elektro GmbH, Kiel")],
    absent=["content_mismatch", "missing_attachment"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "PI eines Wettbewerbers an SolarTech, SunPeak in Cc (Rivalen sichtbar)",
    {"content_mismatch": "critical", "rival_exposure": "critical"},
    sender="tom",
    to=["schmidt"],
    cc=["mueller"],
    subject="Proforma-Rechnung",
    body="Sehr geehrter Herr Schmidt,\n\nanbei die PI.\n\n" + T,
    attachments=[
        (
            "PI_HelioHandel_2026-014.pdf",
            pi_text(
                "Helio Handel GmbH & Co. KG",
                "Am Hafen 3, 28217 Bremen",
                "ACME-PI-2026-014",
                "1  ACM-550M  1.240 Stk.  60,50 USD  75.020,00 USD",
                "75.020,00 USD",
            ),
        )
    ],
)
c.risky(
    "PI von Helio Handel (CamelCase im Dateinamen) an SolarTech",
    {"content_mismatch": "critical"},
    sender="tom",
    to=["weber"],
    subject="PI",
    body="Hallo Frau Weber,\n\nim Anhang die PI, bitte Anzahlung veranlassen.\n\n" + T,
    attachments=[("PI_HelioHandel_HH-1002_2026-081.pdf", None)],
)
c.risky(
    "Angebot 'Quotation_Helio-Handel_Q1.pdf' an SunPeak",
    {"content_mismatch": "critical"},
    sender="tom",
    to=["hoffmann"],
    subject="Angebot Q1",
    body="Sehr geehrte Frau Hoffmann,\n\nanbei unser Angebot für Q1.\n\n" + T,
    attachments=[("Quotation_Helio-Handel_Q1.pdf", None)],
)
c.risky(
    "neutraler Dateiname, Angebotstext für SolarTech, geht an Nordlicht",
    {"content_mismatch": "critical"},
    sender="tom",
    to=["schneider"],
    subject="Angebot",
    body="Hallo Herr Schneider,\n\nanbei unser Angebot.\n\n" + T,
    attachments=[
        (
            "Angebot.pdf",
            quote_text(
                "SolarTech GmbH",
                "Michael Schmidt",
                "A-2026-340",
                "Kabelkanal 60x40  2.000 m  2,10 EUR/m",
                "DDP München",
            ),
        )
    ],
)
c.risky(
    "Betreff nennt die Kundennummer eines anderen Kunden",
    {"content_mismatch": "high"},
    sender="tom",
    to=["fischer"],
    subject="AW: Lieferung ST-1001 Container 2",
    body="Hallo Frau Fischer,\n\nder zweite Container kommt am Donnerstag.\n\n" + T,
)
c.risky(
    "Text erwähnt, dass SunPeak dasselbe bestellt hat",
    {"content_mismatch": "medium"},
    sender="tom",
    to=["schneider"],
    subject="Verfügbarkeit Wechselrichter",
    body="Hallo Herr Schneider,\n\nSunPeak hat gerade 200 Stück gebucht, ich kann Ihnen 80 reservieren.\n\n" + T,
)
c.risky(
    "Text nennt die Adresse eines Kontakts eines anderen Kunden",
    {"content_mismatch": "medium"},
    sender="tom",
    to=["schmidt"],
    subject="Sammelcontainer",
    body="Sehr geehrter Herr Schmidt,\n\nfür den Sammelcontainer stimmen Sie sich bitte mit j.fischer@helio-handel.de ab.\n\n"
    + T,
)
c.risky(
    "Bindestrich-Variante des Kundennamens als Domain (solar-tech.de)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("m.schmidt@solar-tech.de", "Michael Schmidt")],
    subject="Auftragsbestätigung",
    body="Sehr geehrter Herr Schmidt,\n\nanbei die Auftragsbestätigung.\n\n" + T,
    attachments=[("AB_SolarTech_2026-14.pdf", None)],
)
c.risky(
    "Wort-Variante des Kundennamens als Domain (solartechgmbh.com)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("einkauf@solartechgmbh.com", "SolarTech Einkauf")],
    subject="AW: Neue Bankverbindung",
    body="Sehr geehrte Damen und Herren,\n\nwir haben Ihre Nachricht zur neuen Bankverbindung erhalten.\n\n" + T,
)
c.risky(
    "bekannte Domain als Label einer fremden Domain (solartech.de.mail-box.net)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("m.schmidt@solartech.de.mail-box.net", "Michael Schmidt")],
    subject="AW: Zahlung",
    body="Sehr geehrter Herr Schmidt,\n\nbitte bestätigen Sie den Zahlungseingang.\n\n" + T,
)
c.risky(
    "bekannte Domain mit Bindestrich in fremder Domain (solartech-de.com)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("a.weber@solartech-de.com", "Anna Weber")],
    subject="Rechnung 2026-118",
    body="Hallo Frau Weber,\n\nanbei die Rechnung.\n\n" + T,
    attachments=[("Rechnung_2026-118.pdf", None)],
)
c.risky(
    "Top-Level-Domain vertauscht (helio-handel.com statt .de)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("j.fischer@helio-handel.com", "Julia Fischer")],
    subject="Liefertermin",
    body="Hallo Frau Fischer,\n\nLiefertermin ist der 12. Dezember.\n\n" + T,
)
c.risky(
    "vertauschte Buchstaben (sunpaek.de)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("k.hoffmann@sunpaek.de", "Katrin Hoffmann")],
    subject="Angebot",
    body="Sehr geehrte Frau Hoffmann,\n\nunser Angebot folgt heute.\n\n" + T,
)
c.risky(
    "Punycode-Domain mit kyrillischem 'о' (sоlartech.de)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("m.schmidt@xn--slartech-nbh.de", "Michael Schmidt")],
    subject="AW: Zahlungsanweisung",
    body="Sehr geehrter Herr Schmidt,\n\nwir zahlen wie gewohnt.\n\n" + T,
)
c.risky(
    "IDN-Domain mit kyrillischem 'а' in Unicode-Schreibweise",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("s.wagner@helio-h\u0430ndel.de", "Stefan Wagner")],
    subject="Lieferadresse",
    body="Hallo Herr Wagner,\n\nbitte bestätigen Sie die Lieferadresse.\n\n" + T,
)
c.risky(
    "Adresse ohne Top-Level-Domain",
    {"invalid_address": "high"},
    sender="tom",
    to=[("m.schmidt@solartech", "Michael Schmidt")],
    subject="Muster",
    body="Sehr geehrter Herr Schmidt,\n\ndie Muster sind unterwegs.\n\n" + T,
)
c.risky(
    "Adresse in Spamschutz-Schreibweise (at) statt @",
    {"invalid_address": "high"},
    sender="tom",
    to=[("a.weber(at)solartech.de", "Anna Weber")],
    subject="Termin",
    body="Hallo Frau Weber,\n\npasst Ihnen Dienstag?\n\n" + T,
)
c.risky(
    "zwei Kunden (keine Rivalen) offen in An",
    {"exposed_recipients": "medium"},
    sender="tom",
    to=["schmidt", "schneider"],
    subject="Preisanpassung ab Januar",
    body="Sehr geehrte Damen und Herren,\n\nab 1. Januar erhöhen sich unsere Preise für Montageschienen um 4 %.\n\n"
    + T,
)
c.risky(
    "zwei unbekannte Installateure mit web.de/gmx.de-Adressen offen in An",
    {"exposed_recipients": "medium"},
    sender="tom",
    to=[("solar.mayer@web.de", "Josef Mayer"), ("elektro-huber@gmx.de", "Franz Huber")],
    subject="Ihre Anfrage Speicher",
    body="Sehr geehrte Herren,\n\nvielen Dank für Ihre Anfragen zu unseren Batteriespeichern.\n\n" + T,
)
c.risky(
    "zwei konkurrierende Distributoren in An und Cc",
    {"rival_exposure": "critical"},
    sender="tom",
    to=["schmidt"],
    cc=["fischer"],
    subject="Einladung Händlertag",
    body="Sehr geehrter Herr Schmidt, liebe Frau Fischer,\n\nwir laden Sie zu unserem Händlertag am 18. Dezember ein.\n\n"
    + T,
    absent=["exposed_recipients"],
)
c.risky(
    "Interessent und Kunde aus derselben Rivalengruppe in An",
    {"rival_exposure": "critical"},
    sender="tom",
    to=["braun", "mueller"],
    subject="Referenzanlage Brandenburg",
    body="Sehr geehrte Herren,\n\nanbei wie besprochen die Daten der Referenzanlage.\n\n" + T,
    attachments=[("Referenzanlage_Brandenburg.pdf", None)],
    absent=["exposed_recipients"],
)
c.risky(
    "Wettbewerber in Cc",
    {"competitor_recipient": "high"},
    sender="tom",
    to=["schneider"],
    cc=["zimmermann"],
    subject="Angebot Kabeltrassen",
    body="Hallo Herr Schneider,\n\nunser Preis: 2,10 EUR/m, DDP Kiel.\n\n" + T,
)
c.risky(
    "bekannter Kontaktname mit privater Adresse",
    {"contact_mismatch": "high"},
    sender="tom",
    to=[("michael.schmidt@web.de", "Michael Schmidt")],
    subject="Rahmenvertrag 2027",
    body="Sehr geehrter Herr Schmidt,\n\nanbei der Entwurf des Rahmenvertrags.\n\n" + T,
    attachments=[("Rahmenvertrag_SolarTech_2027_Entwurf.docx", None)],
)
c.risky(
    "Outlook-Format 'Nachname, Vorname' mit Adresse beim Rivalen",
    {"contact_mismatch": "high"},
    sender="tom",
    to=[("m.schmidt@sunpeak.de", "Schmidt, Michael")],
    subject="Liefertermin",
    body="Sehr geehrter Herr Schmidt,\n\nIhre Ware kommt am Donnerstag.\n\n" + T,
)
c.risky(
    "gelernte Verwechslung: Thomas Müller bei einer Baufirma statt bei SunPeak",
    {"known_confusion": "high"},
    sender="tom",
    to=[("t.mueller@muellerbau-gmbh.de", "Thomas Müller")],
    subject="Angebot Wechselrichter",
    body="Sehr geehrter Herr Müller,\n\nanbei unser Angebot.\n\n" + T,
    attachments=[("Angebot_SunPeak_2026-12.pdf", None)],
)
c.risky(
    "Anrede nennt einen Kontakt, der nicht in An steht",
    {"greeting_mismatch": "medium"},
    sender="tom",
    to=["fischer"],
    subject="Lieferung",
    body="Sehr geehrter Herr Schmidt,\n\nIhre Lieferung kommt am Donnerstag.\n\n" + T,
)
c.risky(
    "Anrede Frau Hoffmann (SunPeak), Mail geht an Nordlicht",
    {"greeting_mismatch": "medium"},
    sender="tom",
    to=["schneider"],
    subject="Rückruf",
    body="Liebe Frau Hoffmann,\n\nwie besprochen rufe ich Sie morgen an.\n\n" + T,
)
c.risky(
    "Einkaufspreis und Marge an den Kunden",
    {"sensitive_external": "high"},
    sender="tom",
    to=["fischer"],
    subject="AW: Preis",
    body="Liebe Frau Fischer,\n\nunser Einkaufspreis liegt schon bei 0,101 USD/Wp, unsere Marge ist nur 5 %.\n\n" + T,
)
c.normal(
    "unsere Bankverbindung an den eigenen Kunden: Hinweis, keine Warnung",
    sender="tom",
    to=["schneider"],
    subject="Neue Bankverbindung",
    body="Hallo Herr Schneider,\n\nbitte überweisen Sie ab sofort auf: IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX.\n\n"
    + T,
)
c.risky(
    "interne Diskussion an den Kunden weitergeleitet",
    {"internal_content_external": "critical"},
    sender="tom",
    to=["schmidt"],
    subject="WG: SolarTech Preis",
    body="Sehr geehrter Herr Schmidt,\n\nwir können Ihren Preis akzeptieren.\n\n"
    + T
    + outlook_quote(
        "de",
        "David Liu <david.liu@acme-trade.example>",
        "Mittwoch, 25. November 2026 08:12",
        "Tom Becker <tom.becker@acme-trade.example>",
        "SolarTech Preis",
        "Tom, OK bis 0,112, aber nicht tiefer. SolarTech zahlt immer zu spät, also Anzahlung vor "
        "Produktion verlangen.\nDavid",
    ),
)
c.risky(
    "Vermerk 'Nur intern' im Text an den Kunden",
    {"internal_content_external": "critical"},
    sender="tom",
    to=["wagner"],
    subject="Angebot",
    body="NUR INTERN – vor dem Senden löschen: Helio Handel ist Preisjäger, Mindestmarge 12 %.\n\n"
    "Hallo Herr Wagner,\n\nunser Angebot finden Sie unten.\n\n" + T,
)
c.risky(
    "'anbei erhalten Sie das Angebot', nichts angehängt",
    {"missing_attachment": "medium"},
    sender="tom",
    to=["braun"],
    subject="Angebot",
    body="Sehr geehrter Herr Braun,\n\nanbei erhalten Sie unser Angebot.\n\n" + T,
)
c.risky(
    "'Im Anhang finden Sie die Auftragsbestätigung', nichts angehängt",
    {"missing_attachment": "medium"},
    sender="tom",
    to=["schmidt"],
    subject="Auftragsbestätigung",
    body="Sehr geehrter Herr Schmidt,\n\nim Anhang finden Sie die Auftragsbestätigung.\n\n" + T,
)
c.risky(
    "erste Mail an eine unbekannte Adresse",
    {"first_time_recipient": "info"},
    sender="tom",
    to=[("einkauf@sonnenkraft-bayern.de", "Einkauf")],
    subject="Katalog",
    body="Sehr geehrte Damen und Herren,\n\nunser Katalog: www.acme-trade.example/katalog\n\n" + T,
    known=True,
)
c.risky(
    "Kunde wird von einem Kollegen betreut",
    {"owner_mismatch": "info"},
    sender="tom",
    to=["hoffmann"],
    subject="Rückfrage",
    body="Sehr geehrte Frau Hoffmann,\n\nkurze Rückfrage zu Ihrer Lieferadresse.\n\n" + T,
)
c.risky(
    "Messeeinladung an 27 Interessenten offen in An",
    {"exposed_recipients": "medium"},
    sender="tom",
    to=LEADS[:27],
    subject="Einladung Intersolar München",
    body="Sehr geehrte Damen und Herren,\n\nbesuchen Sie uns auf der Intersolar, Halle A2.\n\n" + T,
)

# ------------------------------------------------------------------ more normal / risky mail
c.normal(
    "dankt für die angehängte Bestellung des Kunden (dessen Anhang)",
    sender="tom",
    to=["wagner"],
    subject="AW: Bestellung HH-2026-312",
    body="Hallo Herr Wagner,\n\nvielen Dank für die angehängte Bestellung. Wir liefern in KW 51.\n\n" + T,
    absent=["missing_attachment"],
)
c.normal(
    "nennt dem Kunden unseren Spediteur und Montagepartner (Routine, kein anderer Kunde)",
    sender="tom",
    to=["schmidt"],
    subject="Zustellung ST-1001-2026-14",
    body=(
        "Sehr geehrter Herr Schmidt,\n\nunser Spediteur Kuehne Logistics meldet sich zur Terminvereinbarung. "
        "Falls Sie Hilfe bei der Montage brauchen: Montagebau Keller arbeitet regelmäßig mit uns.\n\n" + T
    ),
    absent=["content_mismatch"],
)

c.risky(
    "Rundschreiben an 25 Niederlassungen des Spediteurs, alle offen in An (eine Organisation)",
    {"large_audience": "low"},
    sender="tom",
    to=[(f"niederlassung{n:02d}@kuehne-logistics.de", f"Kuehne NL {n:02d}") for n in range(1, 26)],
    subject="Neue Abholzeiten Lager Hamburg",
    body="Sehr geehrte Damen und Herren,\n\nab Januar gelten neue Abholzeiten an unserem Lager in Hamburg.\n\n" + T,
    absent=["exposed_recipients"],
)

c.normal(
    "Outlook-HTML-Antwort (divRplyFwdMsg) – zitierte Kundenmail nennt ihren Anhang",
    sender="tom",
    to=["schneider"],
    subject="AW: Bestellung NE-2026-118",
    fmt="html",
    body=(
        '<html><body><div style="font-family:Calibri">Hallo Herr Schneider,<br><br>danke, Bestellung NE-2026-118 '
        "ist bestätigt, Lieferung KW 51.<br><br>Mit freundlichen Grüßen<br>Tom Becker</div>"
        '<div id="appendonsend"></div><hr style="display:inline-block;width:98%">'
        '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri" style="font-size:11pt"><b>Von:</b> Lukas Schneider '
        "&lt;l.schneider@nordlicht-elektro.de&gt;<br><b>Gesendet:</b> Mittwoch, 25. November 2026 19:02<br>"
        "<b>An:</b> Tom Becker &lt;tom.becker@acme-trade.example&gt;<br><b>Betreff:</b> Bestellung NE-2026-118</font>"
        "</div><div>Hallo Herr Becker,<br>anbei unsere Bestellung NE-2026-118 und die Lieferadresse.<br>"
        "Lukas Schneider</div></body></html>"
    ),
    absent=["missing_attachment", "internal_content_external"],
)

c.risky(
    "Betreff nennt einen Rivalen mit Bindestrich (SunPeak-Energy)",
    {"content_mismatch": "high"},
    sender="tom",
    to=["wagner"],
    subject="AW: Reklamation SunPeak-Energy Lieferung 11/2026",
    body="Hallo Herr Wagner,\n\ndie Ersatzmodule gehen morgen raus.\n\n" + T,
)
c.risky(
    "Dateiname mit Punkten zwischen den Namensteilen eines anderen Kunden (PI.Helio.Handel)",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["mueller"],
    subject="PI",
    body="Dear Thomas,\n\nplease find the PI attached.\n\n" + SIG["alex"],
    attachments=[("PI.Helio.Handel.2026-090.pdf", None)],
)

c.risky(
    "Bankverbindung an eine unbekannte Adresse",
    {"sensitive_external": "high"},
    sender="tom",
    to=[("buchhaltung@schneider-solar-handel.example", "Buchhaltung")],
    subject="Neue Bankverbindung",
    body="Hallo,\n\nbitte überweisen Sie ab sofort auf: IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX.\n\n" + T,
)

CASES = c.items
