"""Zweiter, schwererer deutscher Satz: lange Verläufe, Dritte im Verteiler, 'Anlage' als PV-Anlage, feine Lecks."""

from __future__ import annotations

from tests.eval.common import SIG, Cases, gmail_quote, outlook_quote, pi_text, quote_text

c = Cases("de")
T = SIG["tom"]
PFLICHT = (
    "Mit freundlichen Grüßen\nTom Becker\nKey Account Manager DACH\n\nACME Trade Europe GmbH\n"
    "Große Elbstraße 145 · 22767 Hamburg\nSitz der Gesellschaft: Hamburg · Registergericht: Amtsgericht Hamburg, "
    "HRB 154321\nGeschäftsführer: David Liu · USt-IdNr.: DE 312 456 789 · WEEE-Reg.-Nr. DE 12345678\n"
    "Informationen zum Datenschutz nach Art. 13 DSGVO: www.acme-trade.example/datenschutz\n"
    "Bitte prüfen Sie, ob diese E-Mail wirklich ausgedruckt werden muss."
)

# ------------------------------------------------------------------ normale Mails
c.normal(
    "langer Outlook-Verlauf (Von/Gesendet/An/Betreff), Kunde nennt selbst ein Konkurrenzangebot mit Anhang",
    sender="tom",
    to=["schneider"],
    subject="AW: AW: Preis Hybrid-Wechselrichter 2027",
    body=(
        "Hallo Herr Schneider,\n\nwir können Ihnen 598 € je Gerät anbieten, wenn Sie 100 Stück abnehmen. "
        "Mehr ist leider nicht drin.\n\n"
        + T
        + outlook_quote(
            "de",
            "Lukas Schneider <l.schneider@nordlicht-elektro.de>",
            "Donnerstag, 26. November 2026 14:22",
            "Tom Becker <tom.becker@acme-trade.example>",
            "AW: Preis Hybrid-Wechselrichter 2027",
            "Hallo Herr Becker,\n\nein anderer Anbieter liegt bei 585 € (Angebot im Anhang). Was können Sie tun?\n\n"
            "Gruß\nLukas Schneider\nNordlicht Elektro GmbH · Einkauf\nHafenstraße 8 · 24143 Kiel",
        )
        + outlook_quote(
            "de",
            "Tom Becker <tom.becker@acme-trade.example>",
            "Dienstag, 24. November 2026 09:05",
            "Lukas Schneider <l.schneider@nordlicht-elektro.de>",
            "Preis Hybrid-Wechselrichter 2027",
            "Hallo Herr Schneider,\n\nunser Preis für 2027: 615 € je Gerät, frei Haus Kiel.\n\nTom Becker",
        )
    ),
    absent=["missing_attachment", "internal_content_external", "content_mismatch"],
)
c.normal(
    "'Anlage' als PV-Anlage, nicht als Anhang",
    sender="tom",
    to=["schneider"],
    subject="Ihre Anlage in Lübeck",
    body=(
        "Hallo Herr Schneider,\n\ndie Anlage auf dem Lagerdach in Lübeck ist seit Montag am Netz. In der Anlage "
        "sind 540 Module und 6 Wechselrichter verbaut; die Inbetriebnahme hat Montagebau Keller gemacht.\n\n" + T
    ),
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "Messe-Rundschreiben, alle Kunden (auch Rivalen) in Bcc, eigene Adresse in An",
    sender="tom",
    to=["tom"],
    bcc=["schmidt", "fischer", "mueller", "schneider", "braun", "rossi", "kowalski", "devries"],
    subject="Einladung: ACME Trade auf der Intersolar 2027, Halle A2",
    body=(
        "Sehr geehrte Damen und Herren,\n\nwir laden Sie herzlich an unseren Stand A2.540 ein. Neu: das 600-W-Modul "
        "und der 10-kW-Hybridwechselrichter. Terminwünsche gern per Antwort.\n\n" + PFLICHT
    ),
    absent=["exposed_recipients", "rival_exposure"],
)
c.normal(
    "SolarTech mit Kontakten an beiden Domains (solartech.de, solartech.com), 'Hallo zusammen'",
    sender="tom",
    to=["schmidt", "st_einkauf"],
    cc=["weber"],
    subject="Lieferavis ST-1001-2026-19",
    body=(
        "Hallo zusammen,\n\nder LKW mit 22 Paletten kommt am Donnerstag zwischen 7 und 9 Uhr in Bremen an. "
        "Bitte einen Stapler bereithalten.\n\n" + T
    ),
    absent=["exposed_recipients", "lookalike_domain", "greeting_mismatch"],
)
c.normal(
    "Kunde, sein Spediteur (Kuehne) und unser Spediteur in Ningbo in einer Mail",
    sender="tom",
    to=["fischer"],
    cc=["krueger", "yh_docs"],
    subject="WG: Sendung HH-1002-2026-07 – Dokumente",
    body=(
        "Hallo Frau Fischer, hallo Frau Krüger,\n\nunser Spediteur in Ningbo (Yuanhang, in Kopie) hat die "
        "Original-B/L heute an Kuehne Logistics geschickt. Frau Krüger, bitte übernehmen Sie ab Hamburg die "
        "Verzollung.\n\n" + T
    ),
    absent=["exposed_recipients", "content_mismatch"],
)
c.normal(
    "Kunde erfährt unsere Fabrik (Lieferant) und den Montagepartner – Routine",
    sender="tom",
    to=["mueller"],
    subject="Unterkonstruktion Projekt Rostock",
    body=(
        "Hallo Herr Müller,\n\ndie Unterkonstruktion kommt von unserem Werk Jingneng Mounting in Xiamen, die Montage "
        "übernimmt wie besprochen Montagebau Keller. Die Statik folgt von Jingneng bis Freitag.\n\n" + T
    ),
    absent=["content_mismatch"],
)
c.normal(
    "Begrüßung beider Empfänger mit Nachnamen, beide in An",
    sender="tom",
    to=["fischer", "wagner"],
    subject="Jahresgespräch 2027",
    body=(
        "Sehr geehrte Frau Fischer, sehr geehrter Herr Wagner,\n\nvielen Dank für das gute Gespräch. Wie vereinbart "
        "halten wir die Preise für das erste Quartal stabil.\n\n" + PFLICHT
    ),
    absent=["greeting_mismatch"],
)
c.normal(
    "interne Mail mit Kundennamen, Einstandspreisen und Margen",
    sender="tom",
    to=["david"],
    cc=["alex"],
    subject="Margen DACH Q4",
    body=(
        "Hallo David,\n\nQ4: SolarTech 8,5 % Marge, Helio Handel 7,1 %, SunPeak nur 4,9 % (Einstand 0,098 $/W). "
        "Nordlicht zahlt wieder 20 Tage zu spät. Ich schlage vor, SunPeak ab Januar anzuheben.\n\nTom"
    ),
    absent=["sensitive_external", "content_mismatch", "internal_content_external"],
)
c.normal(
    "Montagepreis beim Partner-Installateur anfragen und unseren Einkaufspreis nennen",
    sender="tom",
    to=["keller"],
    subject="Montage 320 kWp Rostock – Ihr Preis",
    body=(
        "Hallo Herr Keller,\n\nfür Rostock brauche ich Ihren Montagepreis je kWp. Zur Einordnung: unser "
        "Einkaufspreis für die Module liegt bei 0,098 $/W, wir müssen insgesamt unter 690 €/kWp bleiben.\n\n" + T
    ),
    absent=["sensitive_external"],
)
c.normal(
    "Outlook-HTML-Antwort (divRplyFwdMsg, Von:/Gesendet:), zitierte Kundenmail nennt ihren Anhang",
    sender="tom",
    to=["wagner"],
    subject="AW: WG: Reklamation Charge 2026-33",
    fmt="html",
    body=(
        '<html><body><div style="font-family:Calibri">Hallo Herr Wagner,<br><br>wir ersetzen die 12 Module '
        "kostenlos mit der nächsten Lieferung.<br><br>Mit freundlichen Grüßen<br>Tom Becker</div>"
        '<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri">'
        "<b>Von:</b> Stefan Wagner &lt;s.wagner@helio-handel.de&gt;<br><b>Gesendet:</b> Mittwoch, 25. November "
        "2026 16:10<br><b>An:</b> Tom Becker &lt;tom.becker@acme-trade.example&gt;<br><b>Betreff:</b> WG: "
        "Reklamation Charge 2026-33</font></div><div>Hallo Herr Becker,<br>anbei die Fotos der Glasbrüche und "
        "das Protokoll unseres Lagers.<br>Gruß Stefan Wagner</div></body></html>"
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "Gmail-Zitat 'Am … schrieb' mit '>'-Zeilen, Kunde hatte Lieferschein angehängt",
    sender="tom",
    to=["braun"],
    subject="Re: Musterlieferung",
    body=(
        "Hallo Herr Braun,\n\ndanke, dann ist alles vollständig angekommen.\n\n"
        + T
        + gmail_quote(
            "Am Do., 26. Nov. 2026 um 11:47 Uhr schrieb Felix Braun <f.braun@nordsonne.de>:",
            "Hallo Herr Becker,\nanbei der unterschriebene Lieferschein der Muster.\nBeste Grüße\nFelix Braun",
        )
    ),
    absent=["missing_attachment"],
)
c.normal(
    "Angebot an den richtigen Kunden, Datei mit Kundennamen, Pflichtangaben in der Signatur",
    sender="tom",
    to=["braun"],
    subject="Angebot 600-W-Module für Nordsonne",
    body="Hallo Herr Braun,\n\nanbei unser Angebot für 2 x 40HQ.\n\n" + PFLICHT,
    attachments=[
        (
            "Angebot_Nordsonne_Energie_2026-11.pdf",
            quote_text("Nordsonne Energie GmbH", "Felix Braun", "Q-2026-1230", "ACM-600M 600 W  USD 0.113/W"),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "PI mit Bankverbindung an den eigenen Kunden (so zahlt er uns)",
    sender="tom",
    to=["fischer"],
    subject="Proformarechnung HH-1002-2026-09",
    body=(
        "Hallo Frau Fischer,\n\nanbei die Proformarechnung. Bitte überweisen Sie die Anzahlung auf unser Konto "
        "bei der Hamburger Sparkasse, IBAN DE12 2005 0550 1234 5678 90, BIC HASPDEHHXXX.\n\n" + T
    ),
    attachments=[
        (
            "PI_Helio_Handel_HH-1002_2026-09.pdf",
            pi_text(
                "Helio Handel GmbH & Co. KG",
                "Am Stadthafen 3, 18055 Rostock",
                "ACME-PI-2026-090",
                "1  ACM-600M 600W  620 pcs  USD 67.80  USD 42,036.00",
                "USD 42,036.00",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "Dreier-Vorstellung: Kunde und Installateur (Partner) nach Zustimmung",
    sender="tom",
    to=["braun"],
    cc=["keller"],
    subject="Vorstellung: Montagebau Keller für Ihre Projekte in MV",
    body=(
        "Hallo Herr Braun, hallo Herr Keller,\n\nwie mit Ihnen beiden abgestimmt, bringe ich Sie hiermit zusammen. "
        "Herr Keller montiert seit Jahren unsere Systeme in Mecklenburg-Vorpommern. Ich ziehe mich jetzt zurück.\n\n"
        + T
    ),
    absent=["exposed_recipients"],
)
c.normal(
    "Antwort an Kunden-Kontakt, Betreff mit 'AW: WG: RE:', Kunde erwähnt im Zitat 'anbei'",
    sender="tom",
    to=["hoffmann"],
    subject="AW: WG: RE: Zertifikate IEC 61215",
    body=(
        "Hallo Frau Hoffmann,\n\ndie Zertifikate sind gültig bis 2029, das passt für Ihre Ausschreibung.\n\n"
        + T
        + "\n\n> Hallo Herr Becker,\n> anbei die Anforderungen der Ausschreibung. Sind Ihre Zertifikate noch "
        "gültig?\n> Katrin Hoffmann"
    ),
    absent=["missing_attachment"],
)
c.normal(
    "'Anhänger' (Trailer) und 'anhängen' im Sinne von befestigen",
    sender="tom",
    to=["schmidt"],
    subject="Lieferung mit Anhänger",
    body=(
        "Hallo Herr Schmidt,\n\ndie Spedition kommt mit LKW und Anhänger, bitte genug Platz an der Rampe lassen. "
        "Die Dachhaken werden übrigens einfach in die Lattung eingehängt.\n\n" + T
    ),
    absent=["missing_attachment"],
)
c.normal(
    "Urlaubsübergabe an Kunden, Kollegin in Kopie",
    sender="tom",
    to=["schneider"],
    cc=["claire"],
    subject="Vertretung 21.12.–04.01.",
    body=(
        "Hallo Herr Schneider,\n\nvom 21.12. bis 04.01. vertritt mich Claire Martin (in Kopie). Laufende Aufträge "
        "sind übergeben.\n\n" + T
    ),
)

# ------------------------------------------------------------------ riskante Mails
c.risky(
    "PI mit Unterstrich-Namen eines anderen Kunden (Nordlicht_Elektro) an Helio",
    {"content_mismatch": "critical"},
    sender="tom",
    to=["fischer"],
    subject="Proformarechnung",
    body="Hallo Frau Fischer,\n\nanbei die PI. Bitte Anzahlung veranlassen.\n\n" + T,
    attachments=[("PI_Nordlicht_Elektro_2026-118.pdf", None)],
)
c.risky(
    "Angebot 'SunPeakEnergy' (CamelCase ohne Leerzeichen) an SolarTech",
    {"content_mismatch": "critical"},
    sender="tom",
    to=["schmidt"],
    subject="Angebot Q1",
    body="Hallo Herr Schmidt,\n\nanbei unser Angebot für Q1.\n\n" + T,
    attachments=[("Angebot_SunPeakEnergy_Q1-2027.pdf", None)],
)
c.risky(
    "Vertrag mit der Kundennummer eines anderen Kunden im Dateinamen",
    {"content_mismatch": "critical"},
    sender="tom",
    to=["schneider"],
    subject="Rahmenvertrag 2027",
    body="Hallo Herr Schneider,\n\nanbei der Entwurf des Rahmenvertrags 2027.\n\n" + T,
    attachments=[("Rahmenvertrag_2027_HH-1002.docx", None)],
)
c.risky(
    "neutraler Dateiname 'Angebot_2027.pdf', Angebotstext für SolarTech, geht an Nordsonne",
    {"content_mismatch": "critical"},
    sender="tom",
    to=["braun"],
    subject="Ihr Angebot",
    body="Hallo Herr Braun,\n\nanbei wie besprochen unser Angebot.\n\n" + T,
    attachments=[
        ("Angebot_2027.pdf", quote_text("SolarTech GmbH", "Michael Schmidt", "Q-2027-0011", "ACM-600M  USD 0.108/W"))
    ],
)
c.risky(
    "Antwort im falschen Verlauf: Betreff und Zitat gehören zu SolarTech, geht an SunPeak",
    {"content_mismatch": "high"},
    sender="tom",
    to=["mueller"],
    subject="AW: Rahmenvertrag SolarTech 2027 – Staffelpreise",
    body=(
        "Hallo Herr Müller,\n\neinverstanden, die Staffel ab 10 Containern gilt.\n\n"
        + T
        + outlook_quote(
            "de",
            "Michael Schmidt <m.schmidt@solartech.de>",
            "Freitag, 27. November 2026 08:44",
            "Tom Becker <tom.becker@acme-trade.example>",
            "Rahmenvertrag SolarTech 2027 – Staffelpreise",
            "Hallo Herr Becker, gilt die Staffel auch ab 10 Containern? Gruß M. Schmidt",
        )
    ),
)
c.risky(
    "zwei konkurrierende Distributoren (Helio, SunPeak) in An und Cc",
    {"rival_exposure": "critical"},
    sender="tom",
    to=["wagner"],
    cc=["mueller"],
    subject="Lieferengpass Wechselrichter",
    body="Hallo Herr Wagner, hallo Herr Müller,\n\nleider verschiebt sich die Lieferung um eine Woche.\n\n" + T,
    absent=["exposed_recipients"],
)
c.risky(
    "zwei unbekannte Käufer (t-online.de, gmail.com) offen in An",
    {"exposed_recipients": "medium"},
    sender="tom",
    to=[("elektro.hansen@t-online.de", "Elektro Hansen"), ("pv.kowalczyk@gmail.com", "Marek Kowalczyk")],
    subject="Ihre Anfrage Balkonkraftwerke",
    body="Sehr geehrte Damen und Herren,\n\nunser Preis für das 800-W-Set: 189 € netto ab Lager Hamburg.\n\n" + T,
)
c.risky(
    "'.com' statt '.de' bei Nordlicht",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("l.schneider@nordlicht-elektro.com", "Lukas Schneider")],
    subject="Rechnung 2026-118",
    body="Hallo Herr Schneider,\n\nbitte prüfen Sie die Rechnung 2026-118.\n\n" + T,
)
c.risky(
    "fehlender Buchstabe (helio-hadel.de)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("j.fischer@helio-hadel.de", "Julia Fischer")],
    subject="Lieferavis",
    body="Hallo Frau Fischer,\n\ndie Ware kommt am Dienstag.\n\n" + T,
)
c.risky(
    "Punycode mit kyrillischem 'а' (helio-hаndel.de)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("s.wagner@xn--helio-hndel-4ij.de", "Stefan Wagner")],
    subject="AW: Neue Bankverbindung?",
    body="Hallo Herr Wagner,\n\nunsere Bankverbindung hat sich nicht geändert.\n\n" + T,
)
c.risky(
    "Bindestrich-Variante (sun-peak.de)",
    {"lookalike_domain": "high"},
    sender="tom",
    to=[("t.mueller@sun-peak.de", "Thomas Müller")],
    subject="Containerbuchung",
    body="Hallo Herr Müller,\n\nder Container ist für den 12.12. gebucht.\n\n" + T,
)
c.risky(
    "Adresse mit Komma statt Punkt",
    {"invalid_address": "high"},
    sender="tom",
    to=[("s.wagner@helio-handel,de", "Stefan Wagner")],
    subject="Termin",
    body="Hallo Herr Wagner,\n\npasst Ihnen Dienstag 10 Uhr?\n\n" + T,
)
c.risky(
    "Einstandspreis und Marge an den Kunden",
    {"sensitive_external": "high"},
    sender="tom",
    to=["schneider"],
    subject="AW: Nachlass?",
    body=(
        "Hallo Herr Schneider,\n\nehrlich gesagt liegt unser Einstandspreis schon bei 0,095 $/W und die Marge bei "
        "unter 5 %. Weiter runter geht es nicht.\n\n" + T
    ),
)
c.risky(
    "'Intern:'-Vermerk im Text an den Kunden",
    {"internal_content_external": "critical"},
    sender="tom",
    to=["schneider"],
    subject="Auftragsbestätigung",
    body=(
        "Hallo Herr Schneider,\n\nwir bestätigen Ihren Auftrag über 120 Wechselrichter.\n\n"
        "Intern: Nordlicht zahlt schleppend – erst nach Zahlungseingang verladen!\n\n" + T
    ),
)
c.risky(
    "weitergeleitete interne Abstimmung (Von: David, An: Tom) an den Kunden",
    {"internal_content_external": "critical"},
    sender="tom",
    to=["schmidt"],
    subject="WG: SolarTech Preisfreigabe",
    body=(
        "Hallo Herr Schmidt,\n\ngute Nachricht, siehe unten.\n\n"
        + T
        + outlook_quote(
            "de",
            "David Liu <david.liu@acme-trade.example>",
            "Donnerstag, 26. November 2026 19:30",
            "Tom Becker <tom.becker@acme-trade.example>",
            "SolarTech Preisfreigabe",
            "Tom, 0,106 ist ok, aber nur wenn SolarTech 8 Container nimmt. Die sind knapp bei Kasse, also "
            "Anzahlung nicht verhandeln.\nDavid",
        )
    ),
)
c.risky(
    "Anrede 'Sehr geehrte Frau Weber', Mail geht nur an Herrn Schmidt",
    {"greeting_mismatch": "medium"},
    sender="tom",
    to=["schmidt"],
    subject="Schulungstermin",
    body="Sehr geehrte Frau Weber,\n\nder Schulungstermin ist der 14. Januar in Hamburg.\n\n" + T,
)
c.risky(
    "'anbei sende ich Ihnen' ohne Anhang",
    {"missing_attachment": "medium"},
    sender="tom",
    to=["wagner"],
    subject="Datenblätter",
    body="Hallo Herr Wagner,\n\nanbei sende ich Ihnen die Datenblätter der 600-W-Module.\n\n" + T,
)

c.normal(
    "Zeichnung bewusst nicht angehängt (zu groß), Download-Link statt Anhang",
    sender="tom",
    to=["schmidt"],
    subject="Statik Projekt Bremen",
    body=(
        "Hallo Herr Schmidt,\n\ndie Statik hänge ich nicht an, die Datei ist mit 80 MB zu groß. Sie liegt hier zum "
        "Download bereit: www.acme-trade.example/dl/st-bremen (Passwort per SMS).\n\n" + T
    ),
    absent=["missing_attachment"],
)
c.risky(
    "'-----Ursprüngliche Nachricht-----' eines internen Austauschs an den Kunden weitergeleitet",
    {"internal_content_external": "critical"},
    sender="tom",
    to=["fischer"],
    subject="WG: Helio Zahlungsziel",
    body=(
        "Hallo Frau Fischer,\n\nzu Ihrer Frage nach dem Zahlungsziel, siehe unten.\n\n"
        + T
        + "\n\n-----Ursprüngliche Nachricht-----\nVon: David Liu <david.liu@acme-trade.example>\n"
        "Gesendet: Donnerstag, 26. November 2026 18:40\nAn: Tom Becker <tom.becker@acme-trade.example>\n"
        "Betreff: Helio Zahlungsziel\n\nTom, maximal 30 Tage für Helio. Der Kreditversicherer hat ihr Limit "
        "auf 60.000 € gesenkt, das sagen wir denen aber nicht.\nDavid"
    ),
)

CASES = c.items
for _case in CASES:  # distinct ids beside the first batch: de-m001 ...
    _case["id"] = _case["id"].replace("de-", "de-m", 1)
