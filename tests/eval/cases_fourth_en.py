"""Fourth (held-out) batch, English: a different salesperson's habits — terse, Gmail/Apple Mail quoting, WhatsApp-style."""

from __future__ import annotations

from tests.eval.common import FOOTER, LEADS, Cases, gmail_quote, outlook_quote, pi_text
from tests.eval.common_third import LEADS40

c = Cases("en")
A = "Cheers,\nAlex\n--\nAlex Chen | ACME Trade Co., Ltd. | Ningbo\nM/WA +86 138 0574 1234"
AF = A + "\n\n" + FOOTER["en"]

# ------------------------------------------------------------------ normal mail
c.normal(
    "status update with confidentiality footer mentioning attachments; nothing claimed attached",
    sender="alex",
    to=["johnson"],
    subject="Re: container status",
    body="Hi Emily,\n\nYour 40HQ left Ningbo yesterday, ETA Long Beach 18 Dec. Telex release once balance is in.\n\n"
    + AF,
    known=True,
    absent=["missing_attachment"],
)
c.normal(
    "future attachment: 'will send the drawings once engineering signs off'",
    sender="alex",
    to=["davis"],
    subject="mounting clamp drawings",
    body="Robert,\n\nEngineering is still checking the revision, I'll send the drawings over as soon as they sign "
    "off - probably Thursday. No attachment today, sorry.\n\n" + A,
    absent=["missing_attachment"],
)
c.normal(
    "reply quoting the customer's Gmail text that says 'see attached PO' — our reply claims nothing",
    sender="alex",
    to=["osmith"],
    subject="Re: PO 4471",
    body="Thanks Oliver, PO received, we confirm it tomorrow.\n\n"
    + A
    + gmail_quote(
        "On Thu, 26 Nov 2026 at 09:12, Oliver Smith <o.smith@albionrenewables.co.uk> wrote:",
        "Hi Alex,\n\nSee attached our PO 4471 for 200 pcs inverter brackets. Our margin on these is thin this "
        "year, so please hold the price.\n\nOliver",
    ),
    absent=["missing_attachment", "sensitive_external", "internal_content_external"],
)
c.normal(
    "quotation attached and really attached, prices to the customer's own domain (low at most)",
    sender="alex",
    to=["jlee"],
    subject="Quote Q-26-311 Pacific Sun",
    body="Hi Jennifer,\n\nAttached is our quote Q-26-311, unit price USD 0.118/W FOB Ningbo.\n\n" + A,
    attachments=[("Q-26-311_PacificSun.pdf", None)],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "mentions our forwarder Kuehne Logistics and our factory Henghui PV to a customer",
    sender="alex",
    to=["wilson"],
    subject="booking for December",
    body="Hi George,\n\nOur forwarder Kuehne Logistics will pick up at Henghui PV's factory on 2 Dec, "
    "booking is done.\n\n" + A,
    absent=["content_mismatch"],
)
c.normal(
    "greets Charlotte, who is in Cc, along with Oliver in To",
    sender="alex",
    to=["osmith"],
    cc=["taylor"],
    subject="samples",
    body="Hi Oliver, hi Charlotte,\n\nSamples were couriered today by DHL.\n\n" + A,
    absent=["greeting_mismatch"],
)
c.normal(
    "lower-case 'solar tech' and 'pacific sun' as ordinary words to Brightline",
    sender="alex",
    to=["miller"],
    subject="trade show recap",
    body="Hi David,\n\nGreat meeting you at the show. Lots of new solar tech on display this year, and the "
    "pacific sun in San Diego was a nice break from Ningbo winter.\n\n" + A,
    absent=["content_mismatch"],
)
c.normal(
    "our bank details to a directory customer (only low)",
    sender="alex",
    to=["davis"],
    subject="balance payment",
    body="Robert,\n\nFor the balance please use our account: Bank of China Ningbo Branch, SWIFT BKCHCNBJ92A, "
    "A/C 3561 0000 1234 5678, beneficiary ACME Trade Co., Ltd.\n\n" + A,
    known=True,
)
c.normal(
    "other address of a known contact at the same company (+tag)",
    sender="alex",
    to=[("ejohnson+orders@brightlinesolar.com", "Emily Johnson")],
    subject="order confirmation",
    body="Hi Emily,\n\nConfirmed, production starts Monday.\n\n" + A,
    absent=["contact_mismatch", "lookalike_domain"],
)
c.normal(
    "customer with our inspection partner Qualicheck in Cc (three-way, partner does not count)",
    sender="alex",
    to=["rossi"],
    cc=["kwong"],
    subject="pre-shipment inspection",
    body="Dear Marco,\n\nKevin from Qualicheck will inspect on 4 Dec, report to you same day.\n\n" + A,
    absent=["exposed_recipients"],
)
c.normal(
    "newsletter to 30 leads, all in Bcc",
    sender="alex",
    to=["sales"],
    bcc=LEADS,
    subject="ACME Trade: new 620W module",
    body="Hello,\n\nOur 620W module is in stock in Rotterdam from January.\n\n" + A,
    absent=["exposed_recipients", "large_audience"],
)
c.normal(
    "internal mail among colleagues with cost and margin (nothing external)",
    sender="alex",
    to=["david"],
    cc=["finance"],
    subject="Lone Star pricing",
    body="David,\n\nFactory cost is 0.092/W, we quote Lone Star 0.109, margin ~15%. OK?\n\nAlex",
)
c.normal(
    "Apple Mail reply to a first-time buyer (known) with a brochure attached",
    sender="alex",
    to=["brown"],
    subject="Re: catalogue",
    body="Dear James,\n\nEnclosed is our 2027 catalogue as you asked.\n\n"
    + A
    + "\n\nOn 25 Nov 2026, at 16:02, James Brown <james.brown@greenfieldpower.co.uk> wrote:\n\n"
    "> Could you send a catalogue?\n> James",
    attachments=[("ACME_Catalogue_2027.pdf", None)],
    known=True,
)
c.normal(
    "'Dear Mr. Davis' formal greeting, correct person",
    sender="alex",
    to=["davis"],
    subject="Lone Star Hardware - annual review",
    body="Dear Mr. Davis,\n\nThank you for another year of business. Could we schedule a call in January?\n\n" + A,
    absent=["greeting_mismatch", "content_mismatch"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "Brightline PI attached to a mail to Pacific Sun (rival US distributor)",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["jlee"],
    subject="your PI",
    body="Hi Jennifer,\n\nPI attached, please countersign.\n\n" + A,
    attachments=[("PI_BrightlineSolar_26-118.pdf", None)],
)
c.risky(
    "generic file name but PI text names Thames Electrical, sent to Albion",
    {"content_mismatch": "critical"},
    sender="alex",
    to=["osmith"],
    subject="PI",
    body="Oliver, PI as discussed.\n\n" + A,
    attachments=[
        (
            "PI-26-204.pdf",
            pi_text(
                "Thames Electrical Wholesale Ltd",
                "Unit 4, Riverside Park, London",
                "26-204",
                "1 Cable tray 300mm 500 pcs 4.10 2050.00",
                "USD 2,050.00",
            ),
        )
    ],
)
c.risky(
    "body mentions another customer's code UK-6002 to Albion",
    {"content_mismatch": "medium"},
    sender="alex",
    to=["taylor"],
    subject="stock",
    body="Hi Charlotte,\n\nThe trays we had reserved under UK-6002 are free again, you can have them.\n\n" + A,
)
c.risky(
    "both US rival distributors visible in To",
    {"rival_exposure": "critical"},
    sender="alex",
    to=["johnson", "jlee"],
    subject="price increase from January",
    body="Dear customers,\n\nFrom 1 Jan our prices go up 4%.\n\n" + A,
    absent=["exposed_recipients"],
)
c.risky(
    "two unrelated customers in Cc (UK and NL)",
    {"exposed_recipients": "medium"},
    sender="alex",
    to=["sales"],
    cc=["wilson", "devries"],
    subject="Christmas closing",
    body="Dear all,\n\nOur office is closed 24 Dec - 2 Jan.\n\n" + A,
)
c.risky(
    "competitor Sino Solar Export picked by autocomplete in Cc",
    {"competitor_recipient": "high"},
    sender="alex",
    to=["davis"],
    cc=[("mike@sinosolar-export.com", "Mike Zhang")],
    subject="quote",
    body="Robert, quote below: USD 4.20/pc FOB.\n\n" + A,
)
c.risky(
    "transposed letters: brigthlinesolar.com",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("ejohnson@brigthlinesolar.com", "Emily Johnson")],
    subject="deposit",
    body="Hi Emily,\n\nDeposit received, thanks.\n\n" + A,
)
c.risky(
    "known domain used as a label: albionrenewables.co.uk.mail-secure.net",
    {"lookalike_domain": "high"},
    sender="alex",
    to=[("o.smith@albionrenewables.co.uk.mail-secure.net", "Oliver Smith")],
    subject="updated bank account?",
    body="Oliver,\n\nNo, our bank account has not changed.\n\n" + A,
)
c.risky(
    "display name Emily Johnson but a yahoo address",
    {"contact_mismatch": "high"},
    sender="alex",
    to=[("emily.j.home@yahoo.com", "Emily Johnson")],
    subject="contract",
    body="Hi Emily,\n\nHere is the contract for 2027.\n\n" + A,
    attachments=[("Contract_Brightline_2027.pdf", None)],
)
c.risky(
    "learned confusion: Oliver Smith's btinternet address",
    {"known_confusion": "high"},
    sender="alex",
    to=[("oliver.smith@btinternet.com", "Oliver Smith")],
    subject="quotation",
    body="Hi Oliver,\n\nPrices for 2027 below.\n\n" + A,
)
c.risky(
    "greets Jennifer (Pacific Sun) in a mail to Emily (Brightline): copied old mail",
    {"greeting_mismatch": "medium"},
    sender="alex",
    to=["johnson"],
    subject="lead time",
    body="Hi Jennifer,\n\nLead time for the 620W is now 3 weeks.\n\n" + A,
)
c.risky(
    "cost and margin phrased loosely to the customer",
    {"sensitive_external": "high"},
    sender="alex",
    to=["davis"],
    subject="re: discount",
    body="Robert, honestly I can't go lower - we buy these at 3.65 from the factory and only keep about "
    "6 % on top.\n\n" + A,
)
c.risky(
    "bank details to an unknown address",
    {"sensitive_external": "high"},
    sender="alex",
    to=[("accounts@lonestar-payables.com", "Accounts Payable")],
    subject="remittance info",
    body="Please remit to Bank of China Ningbo, SWIFT BKCHCNBJ92A, A/C 3561 0000 1234 5678.\n\n" + A,
)
c.risky(
    "forwarded internal thread with comments about the customer",
    {"internal_content_external": "critical"},
    sender="alex",
    to=["rossi"],
    subject="FW: Sole Italia order",
    body="Marco, see below, we can do it.\n\n"
    + A
    + outlook_quote(
        "en",
        "David Liu <david.liu@acme-trade.example>",
        "Wednesday, 25 November 2026 18:40",
        "Alex Chen <alex.chen@acme-trade.example>",
        "Sole Italia order",
        "Alex, Marco always pays late, ask for 50% deposit this time. Don't tell him the factory gave us 5 % "
        "off.\nDavid",
    ),
)
c.risky(
    "'Pls find the updated PL enclosed' and no attachment",
    {"missing_attachment": "medium"},
    sender="alex",
    to=["wilson"],
    subject="packing list",
    body="George,\n\nPls find the updated PL enclosed, carton count corrected.\n\n" + A,
)
c.risky(
    "missing '@': address typed as o.smith.albionrenewables.co.uk",
    {"invalid_address": "high"},
    sender="alex",
    to=[("o.smith.albionrenewables.co.uk", "")],
    subject="samples",
    body="Oliver, samples ready.\n\n" + A,
)
c.risky(
    "new unknown importer (first time), with sent history provided",
    {"first_time_recipient": "info"},
    sender="alex",
    to=[("purchasing@desertsun-imports.com.au", "Liam O'Brien")],
    subject="intro ACME Trade",
    body="Dear Liam,\n\nNice to meet you at the Sydney show.\n\n" + A,
    known=True,
)
c.risky(
    "Tom writes to Brightline, an account owned by Alex",
    {"owner_mismatch": "info"},
    sender="tom",
    to=["miller"],
    subject="module availability",
    body="Hi David,\n\nWe have 2 MW in our Rotterdam stock.\n\nTom",
)
c.risky(
    "40 leads visible in To",
    {"large_audience": "low", "exposed_recipients": "medium"},
    sender="alex",
    to=LEADS40,
    subject="Season's greetings",
    body="Dear friends,\n\nMerry Christmas from ACME Trade!\n\n" + A,
)
c.risky(
    "subject names Greenfield Power, sent to Thames",
    {"content_mismatch": "high"},
    sender="alex",
    to=["wilson"],
    subject="Greenfield Power - trial order terms",
    body="George,\n\nBelow the terms for your trial order.\n\n" + A,
)

# ------------------------------------------------------------------ more normal mail
c.normal(
    "negated attachment: 'I haven't attached the invoice, finance sends it separately'",
    sender="alex",
    to=["ejohnson@brightlinesolar.com"],
    subject="invoice",
    body="Hi Emily,\n\nI haven't attached the commercial invoice - finance will send it separately tomorrow.\n\n" + A,
    absent=["missing_attachment"],
)
c.normal(
    "sub-domain of the customer (uk.albionrenewables.co.uk)",
    sender="alex",
    to=[("accounts@uk.albionrenewables.co.uk", "Albion Accounts")],
    subject="statement",
    body="Dear colleagues,\n\nThe account is fully settled, thank you.\n\n" + A,
    absent=["lookalike_domain"],
)
c.normal(
    "Gmail HTML reply, the customer's own question about deposit quoted",
    sender="alex",
    to=["devries"],
    subject="Re: deposit",
    fmt="html",
    body='<div dir="ltr">Hi Daan,<br><br>Yes, 30% deposit is fine.<br><br>Alex</div>'
    '<div class="gmail_quote"><div class="gmail_attr">On Tue, Nov 24, 2026 at 3:10 PM Daan de Vries '
    '&lt;d.devries@zonnepaneldirect.nl&gt; wrote:</div><blockquote class="gmail_quote">Alex, is 30% deposit ok? '
    "Attached you find our company registration.</blockquote></div>",
    absent=["missing_attachment"],
)
c.normal(
    "customer plus their own forwarder and ours (forwarders do not count as exposure)",
    sender="alex",
    to=["kowalski"],
    cc=["krueger", ("ops@baltic-cargo.pl", "Baltic Cargo Ops")],
    subject="Booking 26-PL-07",
    body="Dear Piotr,\n\nSabine (our forwarder) will coordinate with your agent at Baltic Cargo.\n\n" + A,
    known=True,
    absent=["rival_exposure"],
)
c.normal(
    "price list to a directory prospect (prices only: low at most)",
    sender="alex",
    to=["brown"],
    subject="price list Q1",
    body="Dear James,\n\nAttached is our Q1 price list, all prices EXW Ningbo.\n\n" + A,
    attachments=[("ACME_PriceList_Q1-2027.xlsx", None)],
    absent=["content_mismatch"],
)
c.normal(
    "'Hey Rob' nickname greeting to Robert Davis",
    sender="alex",
    to=["davis"],
    subject="quick one",
    body="Hey Rob,\n\nAre you at the office Friday? I'll call.\n\n" + A,
    absent=["greeting_mismatch"],
)
c.normal(
    "Karim Trading customer on gmail (in directory), plain follow-up",
    sender="alex",
    to=["karim"],
    subject="Dubai shipment",
    body="Dear Ahmed,\n\nThe container reaches Jebel Ali on 10 Dec.\n\n" + A,
    known=True,
)

# ------------------------------------------------------------------ inline answers (HTML quote blocks)
c.risky(
    "HTML reply answering below each quoted question promises the packing list, none attached",
    {"missing_attachment": "medium"},
    sender="alex",
    to=["schmidt"],
    subject="RE: Order 2026-031 questions",
    body=(
        "<p>Dear Michael,</p><p>please see my answers below.</p>"
        "<blockquote>1. Can you send the packing list before the container is loaded?</blockquote>"
        "<p>Yes, please find the packing list attached.</p>"
        "<blockquote>2. Is the ETA Hamburg still 8 January?</blockquote><p>Yes, unchanged.</p>"
        "<p>Best regards,<br>Alex</p>"
    ),
    fmt="html",
)
CASES = c.items
for _case in CASES:  # distinct ids beside the other batches: en-q001 ...
    _case["id"] = _case["id"].replace("en-", "en-q", 1)
