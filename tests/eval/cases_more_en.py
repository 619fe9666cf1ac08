"""Second, harder English batch: long threads, mixed third parties, common-word customer names, subtle leaks."""

from __future__ import annotations

from tests.eval.common import FOOTER, SIG, Cases, gmail_quote, html, outlook_quote, pi_text, quote_text

c = Cases("en")
A = SIG["alex"]
T = SIG["tom_en"]

# ------------------------------------------------------------------ normal mail
c.normal(
    "long Outlook thread: customer's own earlier mail names a rival's price and their attachment",
    sender="alex",
    to=["osmith"],
    subject="RE: RE: Price check 550W for Q1",
    body=(
        "Dear Oliver,\n\nUnderstood. We can match USD 0.109/W for 3 containers if the deposit arrives before "
        "15 December. Our factory slot is held until then.\n\n"
        + A
        + outlook_quote(
            "en",
            "Oliver Smith <o.smith@albionrenewables.co.uk>",
            "Thursday, 26 November 2026 16:40",
            "Alex Chen <alex.chen@acme-trade.example>",
            "RE: Price check 550W for Q1",
            "Alex,\n\nAnother supplier quoted us 0.105 CIF Felixstowe (offer attached, see page 2). "
            "Can you get close? We need 3 x 40HQ in February.\n\nOliver",
        )
        + outlook_quote(
            "en",
            "Alex Chen <alex.chen@acme-trade.example>",
            "Wednesday, 25 November 2026 09:12",
            "Oliver Smith <o.smith@albionrenewables.co.uk>",
            "Price check 550W for Q1",
            "Dear Oliver,\n\nFor Q1 our price is USD 0.112/W CIF Felixstowe.\n\nBest regards,\nAlex",
        )
    ),
    absent=["missing_attachment", "internal_content_external", "content_mismatch"],
)
c.normal(
    "price announcement, everyone in Bcc including rival distributors, sender in To",
    sender="alex",
    to=["sales"],
    bcc=["johnson", "jlee", "davis", "osmith", "wilson", "rossi", "kowalski", "devries", "karim"],
    subject="ACME Trade price update effective 1 January 2027",
    body=(
        "Dear valued customers,\n\nDue to rising aluminium and glass costs, prices of mounting systems will "
        "increase by 3-5% from 1 January 2027. Orders confirmed with deposit before 20 December keep the current "
        "prices. Module prices remain unchanged.\n\nThank you for your understanding.\n\n" + A
    ),
    absent=["exposed_recipients", "rival_exposure", "large_audience"],
)
c.normal(
    "customer with colleagues at both of its domains (sunpeak.de and sunpeak-energy.com)",
    sender="alex",
    to=["mueller", "hoffmann"],
    subject="Container loading plan SP-1003-2026-11",
    body=(
        "Dear Thomas, dear Katrin,\n\nThe loading plan for the two containers is below: container 1 with 620 "
        "modules, container 2 with 600 modules plus 20 pallets of rails. Please let me know if the split suits "
        "your warehouse.\n\n" + A
    ),
    absent=["exposed_recipients", "lookalike_domain", "greeting_mismatch"],
)
c.normal(
    "customer, the customer's forwarder and our forwarder in Ningbo in one mail",
    sender="alex",
    to=["johnson"],
    cc=["krueger", "sunli"],
    subject="Booking BL-7790 - FOB Ningbo handover",
    body=(
        "Hi Emily, hi Sabine, hi Ms. Sun,\n\nPO BL-7790 switches from CIF to FOB Ningbo as agreed. Ms. Sun from "
        "Yuanhang Freight will hand the cargo over at the terminal; Sabine, please send her your booking number so "
        "she can release the container.\n\n" + A
    ),
    absent=["exposed_recipients", "content_mismatch"],
)
c.normal(
    "tells the customer the name of our factory and forwarder in the body",
    sender="alex",
    to=["davis"],
    subject="Ground screws - production status",
    body=(
        "Hi Robert,\n\nRuida Hardware, our factory for the ground screws, finished galvanising yesterday. "
        "Yuanhang Freight will pick up on Monday; I will send the B/L copy once we have it.\n\n" + A
    ),
    absent=["content_mismatch"],
)
c.normal(
    "'attachment' in the sense of a mounting part, and 'attached' to quality",
    sender="alex",
    to=["davis"],
    subject="Re: Fence post clamps",
    body=(
        "Hi Robert,\n\nThe new clamp has a sliding attachment for the rail, so installers no longer need to drill. "
        "It fits posts from 40 to 60 mm. We are very attached to quality and every batch is salt-spray tested.\n\n" + A
    ),
    absent=["missing_attachment"],
)
c.normal(
    "'attached garage' in a residential project description",
    sender="alex",
    to=["johnson"],
    subject="Re: Layout for the Irvine residential project",
    body=(
        "Hi Emily,\n\nFor the house in Irvine the array goes on the south roof and on the attached garage; 18 panels "
        "in total. The garage roof is flat, so we suggest the ballast trays.\n\n" + A
    ),
    absent=["missing_attachment"],
)
c.normal(
    "greeting two contacts by first name, both in To",
    sender="alex",
    to=["osmith", "taylor"],
    subject="Visit to Bristol 9 December",
    body=(
        "Dear Oliver and Charlotte,\n\nThank you for the invitation. I land at Heathrow on 8 December and can be "
        "in Bristol at 10:00 on the 9th.\n\n" + A
    ),
    absent=["greeting_mismatch"],
)
c.normal(
    "reply to a known customer who writes from his personal Gmail, with Gmail quote",
    sender="alex",
    to=["karim"],
    subject="Re: Re: Container for Jebel Ali",
    body=(
        "Dear Ahmed,\n\nNoted, we will ship on the CMA vessel on 12 December.\n\n"
        + A
        + gmail_quote(
            "On Fri, 27 Nov 2026 at 11:20, Ahmed Karim <ahmed.karim.trading@gmail.com> wrote:",
            "Alex,\nOK for the 12th. The LC amendment is attached. Also please put my brother's company name "
            "on the packing list as notify party.\nAhmed",
        )
    ),
    known=True,
    absent=["missing_attachment", "exposed_recipients", "contact_mismatch"],
)
c.normal(
    "internal mail with several customers' names, costs and margins",
    sender="alex",
    to=["david"],
    cc=["tom"],
    subject="Q1 pricing review",
    body=(
        "David,\n\nSummary for the Q1 review: Brightline Solar at 0.109 (cost 0.098, margin 10%), Pacific Sun at "
        "0.111, Albion Renewables at 0.112. Lone Star Hardware asks for 60 days credit; I suggest no.\n\nAlex"
    ),
    absent=["sensitive_external", "content_mismatch", "internal_content_external"],
)
c.normal(
    "'greenfield power plant' in a mail to another customer (common words, not the prospect Greenfield Power)",
    sender="alex",
    to=["wilson"],
    subject="Cables for your new project",
    body=(
        "Dear George,\n\nThanks for the drawing of the 20 MW greenfield power plant in Kent. For the DC side we "
        "recommend 6 mm2 cable; I can quote 40 km by Friday.\n\n" + A
    ),
    absent=["content_mismatch"],
)
c.normal(
    "'sole Italian distributor' in a mail to Sole Italia itself (common word beside the name)",
    sender="tom",
    to=["rossi"],
    subject="Exclusivity 2027",
    body=(
        "Dear Marco,\n\nAs discussed, we confirm Sole Italia as our sole Italian distributor for the ACM-550M for "
        "2027, subject to 12 containers a year.\n\n" + T
    ),
    absent=["content_mismatch"],
)
c.normal(
    "RE: AW: WG: subject chain from a German customer writing in English",
    sender="tom",
    to=["schmidt"],
    subject="RE: AW: WG: Inverter firmware update",
    body=(
        "Dear Michael,\n\nThe firmware file is on our download portal: www.acme-trade.example/fw/hyb5k-2.4. "
        "Version 2.4 fixes the export-limit issue you reported.\n\n" + T
    ),
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "HTML reply with Gmail quote; the customer's quoted mail says they attached site photos",
    sender="alex",
    to=["jlee"],
    subject="Re: Damaged pallets on arrival",
    fmt="html",
    body=html(
        "Hi Jennifer,\n\nSorry for the trouble. We will credit the 14 broken modules on your next order.\n\n"
        "Best regards,<br>Alex Chen",
        "Hi Alex,<br>Two pallets arrived damaged, photos attached. Please advise.<br>Jennifer Lee<br>"
        "Pacific Sun Distribution Inc.",
        "On Thu, Nov 26, 2026 at 5:02 PM Jennifer Lee &lt;jennifer.lee@pacificsun-dist.com&gt; wrote:",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "PI with the bank details, to our own customer, attached and named after that customer",
    sender="alex",
    to=["devries"],
    subject="Proforma invoice NL-6101-2026-07",
    body=(
        "Dear Daan,\n\nAttached is the PI for the rails. Please pay the 30% deposit to our account at Bank of "
        "Ningbo, SWIFT BKNBCN2N, account 7101 0122 0003 3456.\n\n" + A + "\n\n" + FOOTER["en"]
    ),
    attachments=[
        (
            "PI_Zonnepanelen_Direct_NL-6101_2026-07.pdf",
            pi_text(
                "Zonnepanelen Direct B.V.",
                "Industrieweg 12, 5048 AK Tilburg, Netherlands",
                "ACME-PI-2026-071",
                "1  Aluminium rail 4.2 m  2,400 pcs  USD 9.60  USD 23,040.00",
                "USD 23,040.00",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "introduction of our inspection partner to a prospect, with the partner in Cc",
    sender="alex",
    to=["brown"],
    cc=["kwong"],
    subject="Factory audit before your first order",
    body=(
        "Dear James,\n\nAs you asked, I copy Kevin Wong of Qualicheck Inspection, who can audit our module factory "
        "before your first order. Kevin, James is head of procurement at Greenfield Power.\n\n" + A
    ),
    absent=["exposed_recipients", "content_mismatch"],
)
c.normal(
    "asking our factory for the rock-bottom price, telling it our selling price",
    sender="alex",
    to=["wugang"],
    subject="Ground screws 76x1600 - best price",
    body=(
        "Dear Mr. Wu,\n\nOur customer in Texas will pay USD 7.90 CIF Houston; our cost target is USD 5.80 EXW. "
        "Please give me your bottom price for 8,000 pcs.\n\n" + A
    ),
    absent=["sensitive_external"],
)
c.normal(
    "out-of-office-style notice to one customer naming the colleague who covers",
    sender="alex",
    to=["miller"],
    cc=["lina"],
    subject="Christmas holidays",
    body=(
        "Hi David,\n\nI will be away from 21 December to 4 January. My colleague Lina Wang (in Cc) covers "
        "Brightline orders in that time.\n\n" + A
    ),
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "PI file named with another customer's code goes to a rival",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["jlee"],
    subject="PI for your December order",
    body="Hi Jennifer,\n\nPlease find the PI attached. Deposit 30% please.\n\n" + A,
    attachments=[("PI_US-5001_2026-061.pdf", None)],
)
c.risky(
    "quotation file named in CamelCase after another customer (LoneStarHardware)",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["wilson"],
    subject="Quotation cable trays",
    body="Dear George,\n\nOur quotation is attached.\n\n" + A,
    attachments=[("Quotation_LoneStarHardware_Nov26.pdf", None)],
)
c.risky(
    "neutral file name 'Quotation_2027.pdf', text addressed to Brightline Solar, sent to Lone Star",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["davis"],
    subject="Quotation 2027",
    body="Hi Robert,\n\nPlease see the attached quotation for 2027.\n\n" + A,
    attachments=[
        (
            "Quotation_2027.pdf",
            quote_text("Brightline Solar Inc.", "Emily Johnson", "Q-2027-0004", "ACM-550M 550W  USD 0.109/W"),
        )
    ],
)
c.risky(
    "reply in the wrong thread: subject and quoted history belong to Albion Renewables, goes to Thames",
    {"content_mismatch": "high"},
    sender="alex",
    to=["wilson"],
    subject="RE: Albion Renewables - revised delivery schedule",
    body=(
        "Dear George,\n\nConfirmed, we will deliver in two lots as you proposed.\n\n"
        + A
        + outlook_quote(
            "en",
            "Oliver Smith <o.smith@albionrenewables.co.uk>",
            "Friday, 27 November 2026 10:02",
            "Alex Chen <alex.chen@acme-trade.example>",
            "Albion Renewables - revised delivery schedule",
            "Alex, can you deliver the 120 inverters in two lots of 60? Oliver",
        )
    ),
)
c.risky(
    "two unknown buyers at hotmail.com and qq.com visible in To",
    {"exposed_recipients": "medium"},
    sender="alex",
    to=[("kofi.solar.gh@hotmail.com", "Kofi Mensah"), ("2853310937@qq.com", "Mr. Tan")],
    subject="Offer 410W panels",
    body="Dear Sirs,\n\nFollowing your inquiries, our price for 410W panels is USD 0.118/W FOB Ningbo.\n\n" + A,
)
c.risky(
    "rival US distributors both in Cc, our sales mailbox in To",
    {"rival_exposure": "critical"},
    sender="alex",
    to=["sales"],
    cc=["miller", "jlee"],
    subject="New warehouse in Reno",
    body="Dear partners,\n\nOur new bonded warehouse in Reno opens in January.\n\n" + A,
    absent=["exposed_recipients"],
)
c.risky(
    "look-alike: extra letter in the customer's domain (brightlinesolaar.com)",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("ejohnson@brightlinesolaar.com", "Emily Johnson")],
    subject="Balance payment BL-7781",
    body="Hi Emily,\n\nThe goods are ready; please arrange the balance payment.\n\n" + A,
)
c.risky(
    "look-alike: Greek omicron in the customer's domain (punycode)",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("dmiller@xn--brightlineslar-qgk.com", "David Miller")],
    subject="Re: Changed bank account",
    body="Hi David,\n\nWe have not changed our bank account. Please only pay to the account on the PI.\n\n" + A,
)
c.risky(
    "look-alike: company name + ltd as domain (thameselectricalltd.com)",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("g.wilson@thameselectricalltd.com", "George Wilson")],
    subject="Cable trays PI",
    body="Dear George,\n\nThe PI follows today.\n\n" + A,
)
c.risky(
    "address typed with a comma instead of a dot",
    {"invalid_address": "high"},
    sender="alex",
    to=[("c.taylor@albionrenewables,co.uk", "Charlotte Taylor")],
    subject="Warranty terms",
    body="Dear Charlotte,\n\nOur warranty terms: 12 years product, 30 years linear output.\n\n" + A,
)
c.risky(
    "EXW cost and margin told to a prospect",
    {"sensitive_external": "high"},
    sender="alex",
    to=["brown"],
    subject="Re: Can you do better?",
    body=(
        "Dear James,\n\nTo be transparent: the factory charges us USD 0.101/W ex works and we add only 5% margin, "
        "so 0.107 is really our limit.\n\n" + A
    ),
)
c.risky(
    "'note to self' line left in the customer mail",
    {"internal_content_external": "critical"},
    sender="alex",
    to=["jlee"],
    subject="Offer for Q1",
    body=(
        "Hi Jennifer,\n\nOur Q1 offer is USD 0.112/W CIF Long Beach.\n\n"
        "(note to self: Pacific Sun pays late - ask David before giving 60 days)\n\n" + A
    ),
)
c.risky(
    "forwarded internal discussion between two colleagues, with Gmail-style quote",
    {"internal_content_external": "critical"},
    sender="tom",
    to=["kowalski"],
    subject="Fwd: Sloneczna order - credit limit",
    body=(
        "Dear Piotr,\n\nGood news, see below: we can ship before payment this time.\n\n"
        + T
        + gmail_quote(
            "On Thu, 26 Nov 2026 at 18:05, David Liu <david.liu@acme-trade.example> wrote:",
            "Tom, OK to ship on 30 days but cap Sloneczna at 40k. Their payments were late twice; between us, "
            "I don't trust their new CFO.\nDavid",
        )
    ),
)
c.risky(
    "greeting names Katrin (SunPeak), mail goes to Thomas only",
    {"greeting_mismatch": "medium"},
    sender="alex",
    to=["mueller"],
    subject="Delivery slot",
    body="Hi Katrin,\n\nthe truck arrives at your warehouse on Tuesday between 8 and 10.\n\n" + A,
)
c.risky(
    "'see attachment' for the packing list, nothing attached",
    {"missing_attachment": "medium"},
    sender="alex",
    to=["davis"],
    subject="Packing list LS-2026-33",
    body="Hi Robert,\n\nPlease see attachment for the packing list of LS-2026-33.\n\n" + A,
)
c.risky(
    "bank details to an unknown freemail address",
    {"sensitive_external": "high"},
    sender="alex",
    to=[("accounts.brightline@outlook.com", "Accounts")],
    subject="Our bank details",
    body=(
        "Dear Sir or Madam,\n\nAs requested, our bank details: ACME Trade Co., Ltd., Bank of Ningbo, "
        "account 7101 0122 0003 3456, SWIFT BKNBCN2N.\n\n" + A
    ),
)

c.normal(
    "quotation to the right customer whose text names our manufacturer (customers ask who makes the modules)",
    sender="alex",
    to=["johnson"],
    subject="Quotation 580W N-type for Brightline Solar",
    body="Hi Emily,\n\nAs requested, the quotation for the N-type modules is attached, including the factory details.\n\n"
    + A,
    attachments=[
        (
            "Quotation_Brightline_Solar_N-type_2027.pdf",
            quote_text(
                "Brightline Solar Inc.", "Emily Johnson", "Q-2027-0009", "ACM-580N 580W  USD 0.118/W", "CIF Los Angeles"
            )
            + "\nManufacturer: Changzhou Henghui PV Technology Co., Ltd. (Henghui PV), Changzhou, Jiangsu",
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.risky(
    "Gmail '---------- Forwarded message ---------' of a colleague-to-colleague discussion, sent to the customer",
    {"internal_content_external": "critical"},
    sender="alex",
    to=["davis"],
    subject="Fwd: Lone Star credit terms",
    body=(
        "Hi Robert,\n\nplease see below regarding your payment terms.\n\n"
        + A
        + "\n\n---------- Forwarded message ---------\nFrom: David Liu <david.liu@acme-trade.example>\n"
        "Date: Thu, 26 Nov 2026 at 18:40\nSubject: Lone Star credit terms\nTo: Alex Chen <alex.chen@acme-trade.example>\n\n"
        "Alex,\nLone Star can have 45 days, not 60. Their last two payments came late and the credit insurer "
        "cut their limit to USD 80k.\nDavid"
    ),
)

CASES = c.items
for _case in CASES:  # distinct ids beside the first batch: en-m001 ...
    _case["id"] = _case["id"].replace("en-", "en-m", 1)
