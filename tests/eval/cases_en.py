"""English export trade mail: UK/US/IT/PL/NL/AE customers, Chinese factories, forwarders, agents."""

from __future__ import annotations

from tests.eval.common import FOOTER, LEADS, SIG, Cases, gmail_quote, html, outlook_quote, pi_text, quote_text

c = Cases("en")
A = SIG["alex"]

# ------------------------------------------------------------------ normal mail
c.normal(
    "delivery update with corporate confidentiality footer mentioning attachments",
    sender="alex",
    to=["osmith"],
    subject="Order UK-6001-2026-09: vessel confirmed",
    body=(
        "Dear Oliver,\n\nGood news: the two containers for your order are booked on MSC Clara, ETD Ningbo 4 December, "
        "ETA Felixstowe around 8 January. Our forwarder will share the B/L draft as soon as it is issued.\n\n"
        f"{A}\n\n{FOOTER['en']}"
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "quotation named after the customer, footer variant",
    sender="alex",
    to=["johnson"],
    subject="Quotation 550W mono modules - Brightline Solar",
    body=(
        "Hi Emily,\n\nPlease find attached our quotation for the 550W mono PERC modules, 2 x 40HQ, CIF Los Angeles. "
        "Prices are valid until 15 December.\n\n" + A + "\n\n" + FOOTER["en2"]
    ),
    attachments=[
        (
            "Quotation_Brightline_Solar_Q4-2026.pdf",
            quote_text(
                "Brightline Solar Inc.",
                "Emily Johnson",
                "Q-2026-1187",
                "ACM-550M mono PERC 550W  1,240 pcs  USD 0.112/W",
                "CIF Los Angeles",
            ),
        )
    ],
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "negated and future attachment mention",
    sender="alex",
    to=["davis"],
    subject="Re: Ground screw anchors - drawings",
    body=(
        "Hi Robert,\n\nThe drawings are not attached yet: our engineer is still adding the load tables. "
        "I will send the drawings next week, together with the galvanising certificate.\n\n" + A
    ),
    absent=["missing_attachment"],
)
c.normal(
    "PI promised for tomorrow",
    sender="alex",
    to=["wilson"],
    subject="Cable trays order - PI tomorrow",
    body=(
        "Dear George,\n\nThanks for confirming the quantities. I'll send you the PI tomorrow morning once our "
        "finance team has confirmed the freight rate. No documents attached for now.\n\n" + A
    ),
    absent=["missing_attachment"],
)
c.normal(
    "reply above an Outlook-quoted customer mail that had the PO attached",
    sender="alex",
    to=["osmith"],
    cc=["taylor"],
    subject="RE: PO 4500012345 - hybrid inverters",
    body=(
        "Dear Oliver,\n\nThank you for your PO. We confirm 120 sets, delivery in week 2. Order confirmation follows "
        "after our production meeting this afternoon.\n\n"
        + A
        + outlook_quote(
            "en",
            "Oliver Smith <o.smith@albionrenewables.co.uk>",
            "Monday, 23 November 2026 10:14",
            "Alex Chen <alex.chen@acme-trade.example>",
            "PO 4500012345 - hybrid inverters",
            "Hi Alex,\n\nPlease find attached our PO 4500012345 for 120 sets. Kindly confirm the "
            "delivery date.\n\nRegards,\nOliver Smith\nPurchasing Manager | Albion Renewables Ltd\n"
            "Unit 4, Riverside Park, Bristol BS2 0QT | +44 117 496 0123",
        )
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "reply to a freemail customer quoting his Gmail message with attachments",
    sender="alex",
    to=["karim"],
    subject="Re: LC draft for order AE-9501-07",
    body=(
        "Dear Ahmed,\n\nWe checked the LC draft. Two small changes: latest shipment date 31 January, and partial "
        "shipments allowed. Everything else is fine.\n\n"
        + A
        + gmail_quote(
            "On Tue, 24 Nov 2026 at 09:02, Ahmed Karim <ahmed.karim.trading@gmail.com> wrote:",
            "Dear Alex,\nI have attached the LC draft from Emirates NBD and the proforma you sent.\n"
            "Please check and revert today.\nAhmed",
        )
    ),
    absent=["missing_attachment", "exposed_recipients"],
)
c.normal(
    "HTML reply with blockquoted customer mail mentioning its attachment",
    sender="alex",
    to=["johnson"],
    subject="Re: 2027 forecast",
    fmt="html",
    body=html(
        "Hi Emily,\n\nThank you, we have reserved capacity for Q1 according to your forecast. "
        "We will come back with the monthly split on Friday.\n\nBest regards,<br>Alex Chen<br>ACME Trade Co., Ltd.",
        "Hi Alex,<br>Attached is our revised 2027 forecast (see the attached Excel file). Please reserve capacity "
        "for Q1.<br>Thanks,<br>Emily Johnson<br>Brightline Solar Inc. | Sourcing",
        "On Wed, Nov 25, 2026 at 8:31 AM Emily Johnson &lt;ejohnson@brightlinesolar.com&gt; wrote:",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "customer with its freight forwarder in Cc, shipping documents named after the customer",
    sender="alex",
    to=["osmith"],
    cc=["krueger"],
    subject="Shipping documents AR-2026-118",
    body=(
        "Dear Oliver, dear Sabine,\n\nAttached are the packing list and commercial invoice for order AR-2026-118. "
        "Sabine, please arrange customs clearance and delivery to the Bristol warehouse.\n\n" + A
    ),
    attachments=[
        (
            "Packing_List_Albion_Renewables_AR-2026-118.pdf",
            "PACKING LIST\nConsignee: Albion Renewables Ltd, Unit 4 Riverside Park, Bristol\n2 x 40HQ, 1,240 cartons",
        ),
        (
            "Commercial_Invoice_Albion_Renewables_AR-2026-118.pdf",
            "COMMERCIAL INVOICE\nBuyer: Albion Renewables Ltd\nTotal: USD 184,320.00 CIF Felixstowe",
        ),
    ],
    absent=["exposed_recipients", "content_mismatch", "missing_attachment"],
)
c.normal(
    "customer and the inspection agent it appointed, in one mail",
    sender="alex",
    to=["johnson"],
    cc=["kwong"],
    subject="Pre-shipment inspection PO BL-7781",
    body=(
        "Hi Emily, hi Kevin,\n\nProduction of PO BL-7781 finishes on 2 December. Kevin, the goods are ready for "
        "inspection at our factory in Changzhou from 3 December; please confirm your inspector's date.\n\n" + A
    ),
    absent=["exposed_recipients"],
)
c.normal(
    "three-way introduction the customer agreed to (customer + inspection partner)",
    sender="tom",
    to=["rossi"],
    cc=["kwong"],
    subject="Introduction: Qualicheck for your factory audits",
    body=(
        "Dear Marco,\n\nAs agreed on our call yesterday, I am introducing Kevin Wong of Qualicheck Inspection, "
        "who audits our factories in Changzhou and Xiamen. Kevin, Marco is purchasing director at Sole Italia "
        "and would like a factory audit before the first container.\n\nI will let you two arrange the details.\n\n"
        + SIG["tom_en"]
    ),
    absent=["exposed_recipients", "content_mismatch"],
)
c.normal(
    "asking our own factory for EXW / factory price and telling it our target cost",
    sender="alex",
    to=["zhouqiang"],
    subject="Price request 550W mono, 2 x 40HQ",
    body=(
        "Hi Mr. Zhou,\n\nPlease quote your best factory price (EXW Changzhou) for 2 x 40HQ of 550W mono modules, "
        "delivery in January. Our target cost is USD 0.098/W so that we keep a reasonable margin; the end customer "
        "is very price sensitive.\n\n" + A
    ),
    absent=["sensitive_external", "exposed_recipients"],
)
c.normal(
    "PI to the right customer, file named after that customer",
    sender="tom",
    to=["kowalski"],
    subject="Proforma invoice PL-8001-2026-044",
    body="Dear Piotr,\n\nPlease find attached our PI for the mounting rails. Kindly arrange the 30% deposit.\n\n"
    + SIG["tom_en"],
    attachments=[
        (
            "PI_Sloneczna_Energia_PL-8001_2026-044.pdf",
            pi_text(
                "Słoneczna Energia Sp. z o.o.",
                "ul. Przemysłowa 14, 61-001 Poznań, Poland",
                "ACME-PI-2026-044",
                "1  Aluminium rail 4.2 m  3,000 pcs  USD 9.80  USD 29,400.00",
                "USD 29,400.00",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "formal greeting of the person in To",
    sender="alex",
    to=["davis"],
    subject="Sample shipment tracking",
    body="Dear Mr. Davis,\n\nThe samples left by DHL today, AWB 1234567890. They should reach Houston on Friday.\n\n"
    + A,
    absent=["greeting_mismatch"],
)
c.normal(
    "greeting two customer contacts who are both in To",
    sender="alex",
    to=["taylor", "osmith"],
    subject="Meeting at Solar & Storage Live",
    body="Hi Charlotte and Oliver,\n\nWould Wednesday 10:30 at our stand B12 work for you?\n\n" + A,
    absent=["greeting_mismatch", "exposed_recipients"],
)
c.normal(
    "'Dear all' to several people of one customer",
    sender="alex",
    to=["johnson", "miller", ("purchasing@brightlinesolar.com", "Brightline Purchasing")],
    subject="Holiday shipping cut-off",
    body=(
        "Dear all,\n\nPlease note the last vessel before Chinese New Year leaves Ningbo on 30 January. Orders "
        "confirmed after 10 January will ship after the holiday.\n\n" + A
    ),
    absent=["greeting_mismatch", "exposed_recipients"],
)
c.normal(
    "internal 'Hi team' mail about a customer's margin, only colleagues",
    sender="alex",
    to=["tom", "david"],
    cc=["logistics"],
    subject="Brightline price push - internal",
    body=(
        "Hi team,\n\nBrightline Solar wants 0.105/W. Our cost is 0.097 so the margin would be below 8%. Internal "
        "only: Emily hinted that Pacific Sun is quoting lower. David, can we accept for 2 containers?\n\nAlex"
    ),
    absent=["sensitive_external", "internal_content_external", "content_mismatch"],
)
c.normal(
    "internal colleague mail naming customers and a customer code",
    sender="alex",
    to=["lina"],
    subject="Can Henghui ship SolarTech before CNY?",
    body=(
        "Hi Lina,\n\nCould you check with Henghui PV whether order ST-1001 for SolarTech can leave before Chinese "
        "New Year? SunPeak is also waiting for the same model.\n\nThanks,\nAlex"
    ),
    absent=["content_mismatch", "rival_exposure"],
)
c.normal(
    "product launch mailing, all leads in Bcc, sender in To",
    sender="alex",
    to=["alex"],
    bcc=LEADS[:30],
    subject="New 600W TOPCon modules - meet us at Intersolar",
    body=(
        "Dear partners,\n\nWe are launching our 600W TOPCon series. Visit us at Intersolar Europe, hall A2, stand "
        "A2.540, or reply to book a meeting.\n\n" + A
    ),
    absent=["exposed_recipients", "large_audience", "rival_exposure"],
)
c.normal(
    "holiday notice to customers including rivals, all in Bcc",
    sender="alex",
    to=["sales"],
    bcc=["johnson", "jlee", "davis", "osmith", "wilson", "schmidt", "mueller"],
    subject="Chinese New Year holiday schedule 2027",
    body=(
        "Dear customers,\n\nOur office will be closed from 5 to 16 February 2027. Orders received before 20 "
        "January will ship before the holiday.\n\n" + A
    ),
    absent=["exposed_recipients", "rival_exposure"],
)
c.normal(
    "reply with long quoted history including our colleague's earlier mail to the customer",
    sender="tom",
    to=["rossi"],
    cc=["bianchi"],
    subject="RE: RE: RE: Delivery schedule IT-7001 / batch 3",
    body=(
        "Dear Marco,\n\nBatch 3 is confirmed for loading on 9 December. Giulia, the documents will go by courier "
        "after the B/L is released.\n\n"
        + SIG["tom_en"]
        + outlook_quote(
            "en",
            "Marco Rossi <m.rossi@soleitalia.it>",
            "Tuesday, 24 November 2026 16:40",
            "Tom Becker <tom.becker@acme-trade.example>",
            "RE: RE: Delivery schedule IT-7001 / batch 3",
            "Tom, can you confirm batch 3 for early December? Attached our updated site list.\nMarco",
        )
        + outlook_quote(
            "en",
            "Tom Becker <tom.becker@acme-trade.example>",
            "Friday, 20 November 2026 11:02",
            "Marco Rossi <m.rossi@soleitalia.it>",
            "RE: Delivery schedule IT-7001 / batch 3",
            "Dear Marco,\nbatch 2 left on 18 November. Price for batch 3 stays at USD 0.118/W FOB "
            "Ningbo as agreed. Please find attached the B/L copy.\nTom",
        )
        + outlook_quote(
            "en",
            "Giulia Bianchi <g.bianchi@soleitalia.it>",
            "Thursday, 12 November 2026 09:15",
            "Tom Becker <tom.becker@acme-trade.example>",
            "Delivery schedule IT-7001 / batch 3",
            "Hello Tom,\nplease see the attached delivery plan for batches 2 and 3.\n"
            "Giulia Bianchi | Logistica | Sole Italia S.r.l. | Via dell'Industria 8, 37135 Verona",
        )
    ),
    absent=["internal_content_external", "missing_attachment", "content_mismatch"],
)
c.normal(
    "customer mail with both our and the customer's signature blocks (addresses, phones, registry)",
    sender="tom",
    to=["devries"],
    subject="Re: Delivery address change",
    body=(
        "Dear Daan,\n\nNoted, we will deliver the next order to your new warehouse in Tilburg.\n\n"
        + SIG["tom_en"]
        + "\nACME Trade Europe GmbH | Registered at Amtsgericht Hamburg HRB 154321 | VAT DE312456789"
        + gmail_quote(
            "On Wed, 25 Nov 2026, 14:05 Daan de Vries <d.devries@zonnepaneldirect.nl> wrote:",
            "Hi Tom,\nfrom January our address is Ringbaan-Oost 102, 5013 CA Tilburg.\n"
            "Met vriendelijke groet,\nDaan de Vries | Zonnepanelen Direct B.V. | +31 13 123 4567\n"
            "KvK 12345678",
        )
    ),
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "quotation file named with the customer's CamelCase alias to that customer",
    sender="alex",
    to=["jlee"],
    subject="Quotation PacificSun - rail clamps",
    body="Hi Jennifer,\n\nAttached our quotation for the mid and end clamps. Happy to discuss volumes.\n\n" + A,
    attachments=[("Quotation_PacificSun_2026-11.xlsx", None)],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "customer and our factory engineer in one technical mail",
    sender="alex",
    to=["davis"],
    cc=["wugang"],
    subject="Anchor bolt torque values",
    body=(
        "Hi Robert,\n\nI have copied Mr. Wu, the engineer at our hardware factory, who can answer your questions on "
        "torque values and zinc thickness directly.\n\n" + A
    ),
    absent=["exposed_recipients"],
)
c.normal(
    "first reply to a new inquiry from an unknown importer",
    sender="alex",
    to=[("procurement@sahara-solarworks.com.eg", "Hany Mostafa")],
    subject="Re: Inquiry 300 kW project",
    body=(
        "Dear Mr. Mostafa,\n\nThank you for your inquiry. Could you tell us the site location and the inverter "
        "brand you prefer? Then we will prepare a quotation.\n\n" + A
    ),
    known=True,
    absent=["missing_attachment", "lookalike_domain"],
)
c.normal(
    "catalogue sent to a prospect",
    sender="alex",
    to=["brown"],
    subject="ACME Trade catalogue 2027",
    body="Dear James,\n\nNice meeting you in Birmingham. Please find attached our 2027 catalogue.\n\n" + A,
    attachments=[("ACME_Trade_Catalogue_2027.pdf", "ACME Trade product catalogue 2027: modules, inverters, mounting")],
    absent=["missing_attachment", "content_mismatch"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "a rival's PI goes to the other US distributor",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["jlee"],
    subject="Proforma invoice",
    body="Hi Jennifer,\n\nPlease find attached the PI. Kindly arrange the deposit.\n\n" + A,
    attachments=[
        (
            "PI_Brightline_Solar_US-5001_2026-052.pdf",
            pi_text(
                "Brightline Solar Inc.",
                "2100 Harbor Blvd, Costa Mesa, CA 92627, USA",
                "ACME-PI-2026-052",
                "1  ACM-550M 550W  1,240 pcs  USD 60.50  USD 75,020.00",
                "USD 75,020.00",
            ),
        )
    ],
)
c.risky(
    "quotation whose text is for Albion Renewables goes to Thames Electrical (neutral file name)",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["wilson"],
    subject="Quotation hybrid inverters",
    body="Dear George,\n\nAs requested, our quotation is attached.\n\n" + A,
    attachments=[
        (
            "Quotation_Q4-2026.pdf",
            quote_text(
                "Albion Renewables Ltd",
                "Oliver Smith",
                "Q-2026-1201",
                "HYB-5K hybrid inverter 5 kW  120 sets  USD 612.00",
                "CIF Felixstowe",
            ),
        )
    ],
)
c.risky(
    "subject carries another customer's code",
    {"content_mismatch": "high"},
    sender="alex",
    to=["johnson"],
    subject="Order US-5003 - revised ETA",
    body="Hi Emily,\n\nThe vessel is delayed by four days; new ETA Long Beach 19 December.\n\n" + A,
)
c.risky(
    "body tells one UK customer what another customer ordered",
    {"content_mismatch": "medium"},
    sender="alex",
    to=["osmith"],
    subject="Inverter availability",
    body=(
        "Dear Oliver,\n\nStock is tight: Thames Electrical has just booked 200 sets of the same model, so I can "
        "hold 80 sets for you until Friday.\n\n" + A
    ),
)
c.risky(
    "quotation file named with a rival's CamelCase name",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["johnson"],
    subject="Updated quotation",
    body="Hi Emily,\n\nAttached the updated quotation with the new freight rate.\n\n" + A,
    attachments=[("Quotation_PacificSun_Q1-2027.pdf", None)],
)
c.risky(
    "file name with hyphenated alias of another customer",
    {"content_mismatch": "critical"},
    sender="tom",
    to=["devries"],
    subject="Price list 2027",
    body="Dear Daan,\n\nattached our price list for 2027.\n\n" + SIG["tom_en"],
    attachments=[("Pricelist_2027_Sole-Italia.xlsx", None)],
)
c.risky(
    "customer domain with a swapped TLD (.co instead of .com)",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("ejohnson@brightlinesolar.co", "Emily Johnson")],
    subject="Re: Payment for PO BL-7781",
    body="Hi Emily,\n\nWe have not yet received the balance payment; could you check with your accounts?\n\n" + A,
)
c.risky(
    "customer domain missing one letter",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("o.smith@albionrenewable.co.uk", "Oliver Smith")],
    subject="Order confirmation",
    body="Dear Oliver,\n\nWe confirm your order of 120 hybrid inverters.\n\n" + A,
)
c.risky(
    "transposed letters in the customer's domain (sunpaek)",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("t.mueller@sunpaek.de", "Thomas Müller")],
    subject="Container booking",
    body="Dear Thomas,\n\nthe container is booked for 12 December. Please confirm the delivery address.\n\n" + A,
)
c.risky(
    "the customer's domain used as a label of a foreign domain",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("ejohnson@brightlinesolar.com.mail-secure.net", "Emily Johnson")],
    subject="Re: Updated payment instructions",
    body="Hi Emily,\n\nSure, we will wait for your updated payment instructions before shipping.\n\n" + A,
)
c.risky(
    "internal colleague's domain mistyped",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("tom.becker@acme-trade.exmaple", "Tom Becker")],
    subject="SolarTech discount",
    body="Tom,\n\nI think we can give SolarTech 2% more if they take three containers.\n\nAlex",
)
c.risky(
    "address without @ (pasted from a business card)",
    {"invalid_address": "high"},
    sender="alex",
    to=[("rdavis.lonestarhardware.com", "Robert Davis")],
    subject="Catalogue",
    body="Dear Robert,\n\nNice to meet you at the show. Our catalogue link: www.acme-trade.example/catalogue\n\n" + A,
)
c.risky(
    "domain without top-level domain",
    {"invalid_address": "high"},
    sender="alex",
    to=[("o.smith@albionrenewables", "Oliver Smith")],
    subject="Revised ETA",
    body="Dear Oliver,\n\nThe revised ETA is 10 January.\n\n" + A,
)
c.risky(
    "two unknown gmail buyers visible to each other in To",
    {"exposed_recipients": "medium"},
    sender="alex",
    to=[("rashid.imports.ke@gmail.com", "Rashid Imports"), ("solar.buyer.lagos@gmail.com", "Emeka")],
    subject="Price list 550W modules",
    body="Dear friends,\n\nThank you for your inquiries. Our current price for 550W modules is USD 0.115/W FOB.\n\n"
    + A,
)
c.risky(
    "two unrelated UK customers in To for a price increase notice",
    {"exposed_recipients": "medium"},
    sender="alex",
    to=["osmith", "wilson"],
    subject="Price adjustment from January",
    body="Dear customers,\n\nDue to higher aluminium costs our mounting prices rise by 4% from 1 January.\n\n" + A,
)
c.risky(
    "customer and prospect in one mail (Cc)",
    {"exposed_recipients": "medium"},
    sender="alex",
    to=["brown"],
    cc=["osmith"],
    subject="Reference project Bristol",
    body="Dear James,\n\nAs a reference, Albion Renewables installed our modules in Bristol last year.\n\n" + A,
)
c.risky(
    "rival US distributors in To and Cc",
    {"rival_exposure": "critical"},
    sender="alex",
    to=["johnson"],
    cc=["jlee"],
    subject="Distributor meeting in Las Vegas",
    body="Hi Emily, hi Jennifer,\n\nWe would like to invite you to dinner during RE+ in Las Vegas.\n\n" + A,
    absent=["exposed_recipients"],
)
c.risky(
    "competitor's sales manager in Cc from autocomplete",
    {"competitor_recipient": "high"},
    sender="alex",
    to=["karim"],
    cc=["mikezhang"],
    subject="Offer 2 x 40HQ mounting systems",
    body="Dear Ahmed,\n\nOur offer: USD 0.041/W for the complete ground mounting kit, CIF Jebel Ali.\n\n" + A,
)
c.risky(
    "known customer name with a private address",
    {"contact_mismatch": "high"},
    sender="alex",
    to=[("emily.johnson@outlook.com", "Emily Johnson")],
    subject="Contract for 2027",
    body="Hi Emily,\n\nAttached the draft supply contract for 2027.\n\n" + A,
    attachments=[("Supply_Contract_Brightline_2027_draft.docx", None)],
)
c.risky(
    "learned confusion: Oliver's private address instead of his work address",
    {"known_confusion": "high"},
    sender="alex",
    to=[("oliver.smith@btinternet.com", "Oliver Smith")],
    subject="Invoice AR-2026-118",
    body="Dear Oliver,\n\nplease see our invoice details below; balance due 15 December.\n\n" + A,
)
c.risky(
    "greeting names another customer's contact",
    {"greeting_mismatch": "medium"},
    sender="alex",
    to=["wilson"],
    subject="Cable tray samples",
    body="Dear Oliver,\n\nThe cable tray samples you asked for left today by DHL.\n\n" + A,
)
c.risky(
    "greeting by surname of a contact who is not in To",
    {"greeting_mismatch": "medium"},
    sender="alex",
    to=["miller"],
    subject="Warranty claim BL-2231",
    body="Dear Ms. Johnson,\n\nWe received the photos of the damaged modules and will replace them.\n\n" + A,
)
c.risky(
    "our purchase cost and margin told to a customer",
    {"sensitive_external": "high"},
    sender="alex",
    to=["davis"],
    subject="Re: Your price request",
    body=(
        "Hi Robert,\n\nI really can't go lower: our purchase cost from the factory is USD 0.43 per bracket and we "
        "only keep a 6% margin on this order.\n\n" + A
    ),
)
c.normal(
    "bank details to our own customer (how they pay us): a note, no warning",
    sender="alex",
    to=["karim"],
    subject="Payment for AE-9501-07",
    body=(
        "Dear Ahmed,\n\nPlease remit the balance to: Beneficiary ACME Trade Co., Ltd., Bank of Ningbo, "
        "Account No. 7101 0122 0003 3456, SWIFT BKNBCN2N.\n\n" + A
    ),
)
c.risky(
    "internal discussion forwarded to the customer",
    {"internal_content_external": "critical"},
    sender="alex",
    to=["johnson"],
    subject="FW: Brightline price",
    body=(
        "Hi Emily,\n\nsee below, we can accept your price.\n\n"
        + A
        + outlook_quote(
            "en",
            "David Liu <david.liu@acme-trade.example>",
            "Wednesday, 25 November 2026 08:12",
            "Alex Chen <alex.chen@acme-trade.example>",
            "Brightline price",
            "Alex, OK to go to 0.105 but not lower. Brightline always pays late, so insist on the "
            "deposit before production.\nDavid",
        )
    ),
)
c.risky(
    "internal-only note left at the top of a customer mail",
    {"internal_content_external": "critical"},
    sender="alex",
    to=["osmith"],
    subject="Offer inverters",
    body=(
        "[INTERNAL ONLY - delete before sending: Albion is price shopping, keep 12% margin]\n\nDear Oliver,\n\n"
        "our offer for the hybrid inverters is below.\n\n" + A
    ),
)
c.risky(
    "says the PI is attached, nothing attached",
    {"missing_attachment": "medium"},
    sender="tom",
    to=["rossi"],
    subject="PI for batch 4",
    body="Dear Marco,\n\nPlease find attached the PI for batch 4. Kindly confirm.\n\n" + SIG["tom_en"],
)
c.risky(
    "HTML mail says the price list is enclosed, nothing attached",
    {"missing_attachment": "medium"},
    sender="alex",
    to=["brown"],
    subject="Price list",
    fmt="html",
    body=html("Dear James,\n\nEnclosed is our updated price list for Q1.\n\nBest regards,<br>Alex Chen"),
)
c.risky(
    "first mail to an address we never wrote to, not in the directory",
    {"first_time_recipient": "info"},
    sender="alex",
    to=[("purchase@solarhub-kenya.co.ke", "Purchasing")],
    subject="Catalogue",
    body="Dear Sir or Madam,\n\nAs requested at the fair, our catalogue link: www.acme-trade.example/cat\n\n" + A,
    known=True,
)
c.risky(
    "writes to a customer owned by a colleague",
    {"owner_mismatch": "info"},
    sender="alex",
    to=["kowalski"],
    subject="Mounting rails availability",
    body="Dear Piotr,\n\nTom asked me to confirm that the rails are in stock in Ningbo.\n\n" + A,
)
c.risky(
    "trade fair invitation with 28 leads visible in To (exposure and audience are one problem)",
    {"exposed_recipients": "medium"},
    sender="alex",
    to=LEADS[:28],
    subject="Invitation: ACME Trade at Intersolar Europe",
    body="Dear all,\n\nWe would be glad to welcome you at our stand A2.540.\n\n" + A,
)

# ------------------------------------------------------------------ more normal / risky mail
c.normal(
    "thanks the customer for the PO *they* attached (no attachment of ours is promised)",
    sender="alex",
    to=["wilson"],
    subject="Re: PO TEW-44120",
    body="Dear George,\n\nThank you for the attached PO. Production starts Monday; ETD Ningbo 18 December.\n\n" + A,
    absent=["missing_attachment"],
)
c.normal(
    "reply above an '-----Original Message-----' block whose sender attached a drawing",
    sender="alex",
    to=["rossi"],
    subject="RE: Ballast tray drawing",
    body=(
        "Dear Marco,\n\nOur engineer checked the drawing; the tray fits 1,134 mm modules without changes.\n\n"
        + A
        + "\n\n-----Original Message-----\nFrom: Marco Rossi [mailto:m.rossi@soleitalia.it]\n"
        "Sent: Tuesday, November 24, 2026 3:12 PM\nTo: Alex Chen\nSubject: Ballast tray drawing\n\n"
        "Alex, see attached drawing of the flat roof in Verona. Please confirm the tray fits.\nMarco"
    ),
    absent=["missing_attachment"],
)
c.normal(
    "names our forwarder and our factory to the customer (routine; neither is another customer)",
    sender="tom",
    to=["devries"],
    subject="Delivery NL-6101-2026-05",
    body=(
        "Dear Daan,\n\nThe modules were produced by our partner factory Henghui PV and are on the way. Our "
        "forwarder Kuehne Logistics will call you to book the delivery slot in Tilburg.\n\n" + SIG["tom_en"]
    ),
    absent=["content_mismatch", "exposed_recipients"],
)
c.risky(
    "training invitation with 26 branch addresses of one customer visible in To",
    {"large_audience": "low"},
    sender="alex",
    to=[(f"branch{n:02d}@brightlinesolar.com", f"Brightline Branch {n:02d}") for n in range(1, 27)],
    subject="Installer training webinar 3 December",
    body="Dear all,\n\nWe invite all Brightline branches to our installer training webinar on 3 December.\n\n" + A,
    absent=["exposed_recipients"],
)

c.normal(
    "Outlook HTML reply (divRplyFwdMsg block) whose quoted part says the customer attached a PO",
    sender="alex",
    to=["johnson"],
    subject="RE: PO BL-7790",
    fmt="html",
    body=(
        '<html><body><div style="font-family:Calibri">Hi Emily,<br><br>Thank you, PO BL-7790 is confirmed for '
        "loading on 15 December.<br><br>Best regards,<br>Alex Chen</div>"
        '<div id="appendonsend"></div><hr style="display:inline-block;width:98%">'
        '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri" style="font-size:11pt"><b>From:</b> Emily Johnson '
        "&lt;ejohnson@brightlinesolar.com&gt;<br><b>Sent:</b> Wednesday, November 25, 2026 7:02 PM<br><b>To:</b> "
        "Alex Chen &lt;alex.chen@acme-trade.example&gt;<br><b>Subject:</b> PO BL-7790</font></div>"
        "<div>Hi Alex,<br>Please find attached PO BL-7790 and our packing instructions.<br>Emily</div></body></html>"
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "asks the customer to resend the attachment that did not open",
    sender="alex",
    to=["davis"],
    subject="Re: Site photos",
    body="Hi Robert,\n\nThe attachment you sent did not open on our side (corrupted zip). Could you resend it?\n\n" + A,
    absent=["missing_attachment"],
)

c.risky(
    "subject names a rival distributor with a hyphen variant (Pacific-Sun)",
    {"content_mismatch": "high"},
    sender="alex",
    to=["miller"],
    subject="Fwd: Quotation Pacific-Sun Q1 rail clamps",
    body="Hi David,\n\nsee the clamp prices below; we can hold them until 15 December.\n\n" + A,
)

c.risky(
    "bank details to an address nobody verified",
    {"sensitive_external": "high"},
    sender="alex",
    to=[("ahmed.karim@karim-trading-llc.example", "Ahmed Karim")],
    subject="Payment for AE-9501-07",
    body="Dear Ahmed,\n\nPlease remit the balance to: Beneficiary ACME Trade Co., Ltd., Bank of Ningbo, Account No. 7101 0122 0003 3456, SWIFT BKNBCN2N.\n\n"
    + A,
)

CASES = c.items
