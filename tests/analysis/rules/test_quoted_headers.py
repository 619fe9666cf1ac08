"""quoted_internal_headers over long threads: each header block is read with its own To/Cc lines."""

from app.analysis.rules.sensitive import quoted_internal_headers
from tests.analysis.conftest import context_for, draft

CUSTOMER = "m.schmidt@solartech.de"


def _block(sender: str, to: str, cc: str | None = None) -> str:
    cc_line = f"Cc: {cc}\n" if cc else ""
    return f"From: {sender}\nSent: Monday, March 2, 2026 10:00\nTo: {to}\n{cc_line}Subject: RE: order\n\nSee below.\n\n"


def test_each_block_of_a_long_thread_is_judged_by_its_own_recipients(index):
    thread = (
        _block("alex@acme-trade.example", CUSTOMER) * 300
        + _block("bob@acme-trade.example", "alex@acme-trade.example", cc="lena@acme-trade.example")
        + _block(CUSTOMER, "alex@acme-trade.example") * 300
        + _block("lena@acme-trade.example", "bob@acme-trade.example", cc=CUSTOMER)
        + _block("tom@acme-trade.example", "alex@acme-trade.example")
    )
    body = "Hi Michael, see below.\n\n-----Original Message-----\n" + thread
    evidence = quoted_internal_headers(context_for(draft(to=[CUSTOMER], body=body), index))
    assert evidence == [
        "bob@acme-trade.example -> alex@acme-trade.example, lena@acme-trade.example",
        "tom@acme-trade.example -> alex@acme-trade.example",
    ]


def test_recipient_lines_beyond_the_header_block_do_not_count(index):
    far = "From: bob@acme-trade.example\n" + "Sent: Monday\n" * 9 + "To: alex@acme-trade.example\n"
    body = "Hi\n\n-----Original Message-----\n" + far
    assert quoted_internal_headers(context_for(draft(to=[CUSTOMER], body=body), index)) == []


def test_a_repeated_colleagues_block_is_reported_once(index):
    colleagues = _block("bob@acme-trade.example", "alex@acme-trade.example")
    body = "Hi\n\n-----Original Message-----\n" + (colleagues + _block(CUSTOMER, "bob@acme-trade.example")) * 500
    evidence = quoted_internal_headers(context_for(draft(to=[CUSTOMER], body=body), index))
    assert evidence == ["bob@acme-trade.example -> alex@acme-trade.example"]


def test_line_separators_inside_a_line_do_not_shift_the_header_blocks(index):
    # Text pasted from a word processor keeps U+2028 inside a line; the header block after it is still
    # read with its own "To:" line.
    signature = "Best regards\u2028Tom\u2028Sales\u2028Tel. +49 30 1234\u2028" * 3 + "\n"
    colleagues = _block("tom@acme-trade.example", "alex@acme-trade.example")
    body = "Hi\n\n-----Original Message-----\n" + signature + colleagues
    evidence = quoted_internal_headers(context_for(draft(to=[CUSTOMER], body=body), index))
    assert evidence == ["tom@acme-trade.example -> alex@acme-trade.example"]
