"""Third batch, English: Outlook HTML, mixed-language senders, invites, auto-replies, odd addresses and names."""

from __future__ import annotations

from tests.eval.common import FOOTER, SIG, Cases, outlook_quote, pi_text
from tests.eval.common_third import LEADS40, outlook_html

c = Cases("en")
A = SIG["alex"]
ALEX_ROWS = [
    "<b>Alex Chen</b> | Export Sales Manager",
    "ACME Trade Co., Ltd.",
    "18F, Block B, Global Trade Center, Ningbo 315000, China",
    'T +86 574 8765 4321 | M/WhatsApp +86 138 0574 1234 | <a href="https://www.acme-trade.example">www.acme-trade.example</a>',
]
ALEX_ZH_SIG = (
    "Best regards / 此致敬礼\n陈亚历 Alex Chen\n外贸部 Export Dept.\n宁波艾克美贸易有限公司\nACME Trade Co., Ltd.\n"
    "电话 Tel: +86 574 8765 4321  微信 WeChat: alexchen_acme"
)

# ------------------------------------------------------------------ normal mail
c.normal(
    "Outlook HTML, signature in a table, confidentiality footer (mentions attachments) in a grey <span>",
    sender="alex",
    to=["osmith"],
    subject="Order AR-2026-131 - production started",
    fmt="html",
    body=outlook_html(
        "Dear Oliver,\n\nJust a short update: production of your 120 hybrid inverters started today and is planned "
        "to finish on 11 December. I will keep you posted.",
        ALEX_ROWS,
        FOOTER["en"],
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "Chinese salesperson writing English, bilingual Chinese signature, PI named 'PI-2026-118(Brightline Solar).pdf'",
    sender="alex",
    to=["johnson"],
    subject="PI-2026-118 for 2x40HQ 550W",
    body=(
        "Hi Emily,\n\nAttached pls find the PI for 2x40HQ 550W mono as we talked on phone. Kindly check and sign back, "
        "then arrange 30% deposit, we will start production immediately.\n\nAny question pls feel free let me know.\n\n"
        + ALEX_ZH_SIG
    ),
    attachments=[
        (
            "PI-2026-118(Brightline Solar).pdf",
            pi_text(
                "Brightline Solar Inc.",
                "2200 Harbor Blvd, Costa Mesa, CA 92626, USA",
                "ACME-PI-2026-118",
                "1  ACM-550M 550W mono  1,240 pcs  USD 61.60  USD 76,384.00",
                "USD 76,384.00",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "display name in Outlook 'Last, First (Company)' form with the right address; 'Dear Ms. Johnson'",
    sender="alex",
    to=[("ejohnson@brightlinesolar.com", "Johnson, Emily (Brightline Solar)")],
    cc=[("dmiller@brightlinesolar.com", "Miller, David - Brightline Solar Inc.")],
    subject="RE: Warranty terms 2027",
    body="Dear Ms. Johnson,\n\nWe accept the 12-year product warranty as proposed in your draft.\n\n" + A,
    absent=["contact_mismatch", "exposed_recipients", "greeting_mismatch"],
)
c.normal(
    "mixed-case address of a known contact (EJohnson@BrightlineSolar.com)",
    sender="alex",
    to=[("EJohnson@BrightlineSolar.com", "Emily Johnson")],
    subject="Re: module datasheet",
    body="Hi Emily,\n\nThe datasheet link is on our website under Downloads.\n\n" + A,
    absent=["contact_mismatch", "lookalike_domain", "invalid_address"],
)
c.normal(
    "'+tag' sub-address of a known contact (dmiller+orders@) beside the colleague",
    sender="alex",
    to=["johnson"],
    cc=[("dmiller+orders@brightlinesolar.com", "David Miller")],
    subject="Order confirmation BL-7790",
    body="Hi Emily, hi David,\n\nWe confirm order BL-7790, delivery 15 January.\n\n" + A,
    absent=["contact_mismatch", "lookalike_domain", "exposed_recipients", "invalid_address"],
)
c.normal(
    "customer writes from a mail subdomain (mail.albionrenewables.co.uk)",
    sender="alex",
    to=[("o.smith@mail.albionrenewables.co.uk", "Oliver Smith")],
    subject="Re: inverter firmware",
    body="Dear Oliver,\n\nThe new firmware V2.14 fixes the grid-code issue. Our engineer can join a call on Thursday.\n\n"
    + A,
    absent=["lookalike_domain", "contact_mismatch", "known_confusion"],
)
c.normal(
    "ALL-CAPS subject with the recipient's order number and customer code",
    sender="alex",
    to=["jlee"],
    subject="URGENT!!! PO US-5003-2026-077 PACIFIC SUN - SHIPMENT DELAYED 1 WEEK",
    body=(
        "Dear Jennifer,\n\nSorry for the bad news: the vessel was rolled by the carrier, new ETD is 9 December. "
        "We have asked for priority on the next sailing.\n\n" + A
    ),
    absent=["content_mismatch"],
)
c.normal(
    "out-of-office auto-reply to a customer's personal Gmail (in the directory), naming the colleague who covers",
    sender="alex",
    to=["karim"],
    subject="Automatic reply: Re: LC amendment",
    body=(
        "Thank you for your email. I am out of the office until 7 December with limited access to email. "
        "For urgent matters please contact my colleague David Liu (david.liu@acme-trade.example, +86 574 8765 4300).\n\n"
        "Alex Chen\nACME Trade Co., Ltd."
    ),
    absent=["missing_attachment", "greeting_mismatch"],
)
c.normal(
    "calendar invitation (Teams) to two contacts of one customer, .ics attached",
    sender="alex",
    to=["osmith", "taylor"],
    subject="Invitation: Q1 2027 planning call @ Thu 3 Dec 2026 09:00 - 10:00 (GMT)",
    body=(
        "Alex Chen has invited you to a Microsoft Teams meeting.\n\nWhen: Thursday, 3 December 2026 09:00-10:00 "
        "(UTC+00:00) Dublin, Edinburgh, Lisbon, London\nWhere: Microsoft Teams Meeting\n\n"
        "________________________________________________________________________________\n"
        "Microsoft Teams meeting\nJoin on your computer, mobile app or room device\nClick here to join the meeting\n"
        "Meeting ID: 391 552 118 204\nPasscode: 7hX9qa\n"
        "________________________________________________________________________________"
    ),
    attachments=[
        (
            "invite.ics",
            "BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nSUMMARY:Q1 2027 planning call\nEND:VEVENT\nEND:VCALENDAR",
        )
    ],
    absent=["exposed_recipients", "missing_attachment"],
)
c.normal(
    "newsletter: one customer in To, 40 importers and other customers (rivals too) in Bcc",
    sender="alex",
    to=["johnson"],
    bcc=[*LEADS40, "jlee", "davis", "wilson"],
    subject="ACME Trade newsletter - December 2026: new 600W module, Chinese New Year schedule",
    body=(
        "Dear partners,\n\nOur 600W TOPCon module is now available from stock. Our factories close from 7 to 21 "
        "February 2027 for Chinese New Year; please place your orders for March delivery before 15 January.\n\n" + A
    ),
    absent=["exposed_recipients", "rival_exposure", "large_audience"],
)
c.normal(
    "scanned photos named IMG_2034.jpg / IMG_2035.jpg attached as the text says",
    sender="alex",
    to=["davis"],
    subject="Re: damaged cartons - claim",
    body=(
        "Hi Robert,\n\nAttached are the photos our warehouse took at loading (IMG_2034, IMG_2035): the cartons were "
        "intact when they left Ningbo. We will still support your insurance claim.\n\n" + A
    ),
    attachments=[("IMG_2034.jpg", None), ("IMG_2035.jpg", None)],
    absent=["missing_attachment"],
)
c.normal(
    "zipped certificates attached",
    sender="alex",
    to=["wilson"],
    subject="Certificates for cable trays (CE, UKCA, test reports)",
    body="Dear George,\n\nPlease find the certificates attached as one zip file (7 PDFs).\n\n" + A,
    attachments=[("Certificates_CE_UKCA_2026.zip", None)],
    absent=["missing_attachment"],
)
c.normal(
    "greeting names a customer colleague who is in Cc (product decision: normal)",
    sender="alex",
    to=["osmith"],
    cc=["taylor"],
    subject="Spare parts list",
    body="Dear Oliver, dear Charlotte,\n\nAs requested, the spare parts list is below.\n\n- Fan module: 12 pcs\n"
    "- Display board: 6 pcs\n\n" + A,
    absent=["greeting_mismatch"],
)
c.normal(
    "bank details for the balance payment to a directory customer (how they pay us): low at most",
    sender="alex",
    to=["davis"],
    subject="Balance payment LS-2026-044",
    body=(
        "Hi Robert,\n\nThe goods are loaded. Please arrange the 70% balance to our account:\n"
        "Beneficiary: ACME Trade Co., Ltd.\nBank: Bank of China, Ningbo Branch\nA/C No.: 3587 6021 1120\n"
        "SWIFT: BKCHCNBJ92A\n\n" + A
    ),
)
c.normal(
    "lower-case 'pacific sun' as a common phrase in a mail to Brightline (rival of Pacific Sun Distribution)",
    sender="alex",
    to=["johnson"],
    subject="Coating test results",
    body=(
        "Hi Emily,\n\nThe anti-reflective coating passed 2,000 hours of damp heat. It is made for coastal sites "
        "under the strong pacific sun, so your Hawaii project is a good fit.\n\n" + A
    ),
    absent=["content_mismatch"],
)
c.normal(
    "bottom-posted reply: the customer's Gmail quote first (it says they attached the PO), our answer below",
    sender="alex",
    to=["davis"],
    subject="Re: PO 5581 ground screws",
    body=(
        "On Thu, 26 Nov 2026 at 16:40, Robert Davis <rdavis@lonestarhardware.com> wrote:\n"
        "> Alex, attached is PO 5581 for 4,000 ground screws. Can you ship before Christmas?\n\n"
        "Hi Robert,\n\nThanks. 4,000 pcs can ship on 18 December, I will confirm the booking tomorrow.\n\n" + A
    ),
    absent=["missing_attachment"],
)
c.normal(
    "customer plus the forwarder's Hamburg branch (subdomain of the forwarder) and its main ops address",
    sender="alex",
    to=["osmith"],
    cc=[("s.krueger@hamburg.kuehne-logistics.de", "Krüger, Sabine (Kuehne Logistics HH)"), "kuehne_ops"],
    subject="AR-2026-131 - delivery to Bristol",
    body="Dear Oliver, dear Sabine,\n\nKuehne's Hamburg branch will handle the transit to Bristol; please "
    "coordinate the delivery slot directly.\n\n" + A,
    absent=["exposed_recipients", "lookalike_domain", "contact_mismatch"],
)
c.normal(
    "customer's PI (named after the customer) sent to our own factory for production (supplier: info at most)",
    sender="alex",
    to=["zhouqiang"],
    subject="Production order: Brightline 2x40HQ",
    body="Hi Mr. Zhou,\n\nAttached is Brightline's PI; please produce to its specs and carton marks by 10 December.\n\n"
    + A,
    attachments=[("PI-2026-118(Brightline Solar).pdf", None)],
    absent=["content_mismatch", "missing_attachment"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "Outlook HTML, PI 'PI-2026-119(Pacific Sun).pdf' goes to Brightline (rival US distributor)",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["johnson"],
    subject="PI for your order",
    fmt="html",
    body=outlook_html(
        "Hi Emily,\n\nPlease find attached the PI, kindly arrange the deposit.", ALEX_ROWS, FOOTER["en2"]
    ),
    attachments=[("PI-2026-119(Pacific Sun).pdf", None)],
)
c.risky(
    "reused an old thread for Thames: the oldest quoted mail is Albion Renewables' PI discussion",
    {"content_mismatch": "medium"},
    sender="alex",
    to=["wilson"],
    subject="RE: lead time",
    body=(
        "Dear George,\n\nLead time for cable trays is now 25 days after deposit.\n\n"
        + A
        + outlook_quote(
            "en",
            "Alex Chen <alex.chen@acme-trade.example>",
            "Wednesday, 25 November 2026 11:20",
            "Oliver Smith <o.smith@albionrenewables.co.uk>",
            "RE: lead time",
            "Dear Oliver,\n\nConfirmed: your PI AR-2026-131 (120 inverters, USD 184,320) ships in week 2.\n\nAlex",
        )
        + outlook_quote(
            "en",
            "Oliver Smith <o.smith@albionrenewables.co.uk>",
            "Tuesday, 24 November 2026 09:02",
            "Alex Chen <alex.chen@acme-trade.example>",
            "lead time",
            "Alex, what is the lead time for our PI AR-2026-131?\nOliver Smith\nAlbion Renewables Ltd",
        )
    ),
)
c.risky(
    "our own internal domain mistyped with a hyphen dropped (acmetrade.example) in Cc",
    {"lookalike_domain": "high"},
    sender="alex",
    to=["osmith"],
    cc=[("david.liu@acmetrade.example", "David Liu")],
    subject="Price adjustment 2027",
    body="Dear Oliver,\n\nI copy our director David on this, as agreed.\n\n" + A,
)
c.risky(
    "display name 'Dr. Schmidt, Michael (SolarTech)' but a private gmail address",
    {"contact_mismatch": "high"},
    sender="tom",
    to=[("michael.schmidt1970@gmail.com", "Dr. Schmidt, Michael (SolarTech)")],
    subject="Contract draft 2027",
    body="Dear Michael,\n\nThe contract draft for 2027 is attached.\n\n" + SIG["tom_en"],
    attachments=[("Contract_SolarTech_2027_draft.docx", None)],
)
c.risky(
    "newsletter: the 40 leads pasted into Cc instead of Bcc",
    {"exposed_recipients": "medium"},
    sender="alex",
    to=["sales"],
    cc=LEADS40,
    subject="ACME Trade newsletter - December 2026",
    body="Dear partners,\n\nOur 600W TOPCon module is now available from stock.\n\n" + A,
)
c.risky(
    "webinar calendar invite with both rival US distributors as visible attendees",
    {"rival_exposure": "critical"},
    sender="alex",
    to=["johnson", "jlee"],
    subject="Invitation: 2027 price list webinar @ Tue 8 Dec 2026 08:00 - 09:00 (PST)",
    body=(
        "Alex Chen has invited you to a Microsoft Teams meeting.\n\nWhen: Tuesday, 8 December 2026 08:00-09:00 "
        "(UTC-08:00) Pacific Time\nWhere: Microsoft Teams Meeting\nMeeting ID: 281 004 553 917"
    ),
    attachments=[("invite.ics", None)],
    absent=["exposed_recipients"],
)
c.risky(
    "zip of shipping documents named after another customer goes to Thames",
    {"content_mismatch": "high"},
    sender="alex",
    to=["wilson"],
    subject="Shipping documents",
    body="Dear George,\n\nAll shipping documents are in the attached zip.\n\n" + A,
    attachments=[("Shipping_Docs_LoneStarHardware_PO5581.zip", None)],
)
c.risky(
    "Chinglish 'Attached pls find' the B/L copy, nothing attached (HTML)",
    {"missing_attachment": "medium"},
    sender="alex",
    to=["jlee"],
    subject="B/L copy PS-2026-077",
    fmt="html",
    body=outlook_html(
        "Dear Jennifer,\n\nAttached pls find the scanned copy of B/L, pls arrange balance payment asap.", ALEX_ROWS
    ),
)
c.risky(
    "'Hello Jennifer,' (Pacific Sun) in a mail to Emily of Brightline",
    {"greeting_mismatch": "medium"},
    sender="alex",
    to=["johnson"],
    subject="Re: container loading plan",
    body="Hello Jennifer,\n\nThe loading plan is fine, 26 pallets per container.\n\n" + A,
)
c.risky(
    "factory price and markup told to a prospect in plain words",
    {"sensitive_external": "high"},
    sender="alex",
    to=["brown"],
    subject="Re: your target price",
    body=(
        "Dear James,\n\nI understand your target. Honestly the factory charges us USD 0.095/W and our markup is only "
        "6 %, so USD 0.101/W is really our limit.\n\n" + A
    ),
)
c.risky(
    "comment about the customer left in brackets in the customer mail",
    {"internal_content_external": "critical"},
    sender="alex",
    to=["davis"],
    subject="Payment terms for PO 5590",
    body=(
        "Hi Robert,\n\n(David: this guy paid 40 days late last time - insist on 100% TT before loading.)\n\n"
        "For PO 5590 we propose 30% deposit and 70% before shipment.\n\n" + A
    ),
)
c.risky(
    "'new bank account' notice sent to an unknown domain",
    {"sensitive_external": "high"},
    sender="alex",
    to=[("accounts@karim-gt.ae", "Accounts Dept")],
    subject="Our new bank account",
    body=(
        "Dear Sirs,\n\nPlease note our new USD account for all payments from December:\nBeneficiary: ACME Trade Co., Ltd.\n"
        "Bank: China Merchants Bank, Ningbo\nA/C: 5749 0312 8860 001\nSWIFT: CMBCCNBS\n\n" + A
    ),
)
c.risky(
    "competitor in Bcc with a mixed-case address",
    {"competitor_recipient": "high"},
    sender="alex",
    to=["johnson"],
    bcc=[("Mike@SinoSolar-Export.com", "Mike")],
    subject="Quotation 600W TOPCon",
    body="Hi Emily,\n\nOur price for 600W TOPCon is USD 0.118/W CIF LA.\n\n" + A,
)
c.risky(
    "learned confusion, typed in mixed case (Oliver.Smith@BTInternet.com)",
    {"known_confusion": "high"},
    sender="alex",
    to=[("Oliver.Smith@BTInternet.com", "Oliver Smith")],
    subject="Inverter delivery schedule",
    body="Dear Oliver,\n\nThe delivery schedule is confirmed for week 2.\n\n" + A,
)
c.risky(
    "double dot in the domain (brightlinesolar..com)",
    {"invalid_address": "high"},
    sender="alex",
    to=[("ejohnson@brightlinesolar..com", "Emily Johnson")],
    subject="Order confirmation BL-7791",
    body="Hi Emily,\n\nOrder BL-7791 is confirmed.\n\n" + A,
)
c.risky(
    "Tom writes to Alex's customer SunPeak (owner info) and our first mail to a new address there",
    {"owner_mismatch": "info", "first_time_recipient": "info"},
    sender="tom",
    to=[("purchasing@sunpeak.de", "SunPeak Purchasing")],
    subject="Rails for your Hamburg warehouse",
    body="Dear Sir or Madam,\n\nAlex asked me to send you our rail price list; it follows tomorrow.\n\n"
    + SIG["tom_en"],
    known=True,
)
c.risky(
    "price list 'Price list 2027 - SunPeak special.xlsx' goes to SolarTech (rival), written in English",
    {"content_mismatch": "critical"},
    sender="tom",
    to=["schmidt"],
    subject="Price list 2027",
    body="Dear Michael,\n\nOur 2027 price list is attached.\n\n" + SIG["tom_en"],
    attachments=[("Price list 2027 - SunPeak special.xlsx", None)],
)

c.risky(
    "internal cost/margin note to a colleague whose address has our domain with transposed letters",
    {"lookalike_domain": "high", "sensitive_external": "high"},
    sender="alex",
    to=[("david.liu@acme-tarde.example", "David Liu")],
    subject="Brightline margin check",
    body="David,\n\nBrightline wants 0.109/W. Our cost is 0.098/W, so the margin drops to 10 %. OK for you?\n\nAlex",
)

CASES = c.items
for _case in CASES:  # distinct ids beside the first two batches: en-t001 ...
    _case["id"] = _case["id"].replace("en-", "en-t", 1)
