"""HTML bodies assembled from what mail clients write (quote containers, conditional comments, processing
instructions, broken and upper-case tags, CJK text): splitting them never fails, and what only a comment says is
never text of the mail."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.analysis.normalize import html_to_text, split_body

_PIECES = (
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<blockquote>",
    "</blockquote>",
    "<BLOCKQUOTE type=cite>",
    "<div class='gmail_quote'>",
    "<div class=' gmail_quote  gmail_quote_container'>",
    "<div class='moz-cite-prefix'>",
    "<div id='divRplyFwdMsg' dir='ltr'>",
    '<DIV ID="appendonsend"></DIV>',
    "<hr style='display:inline-block;width:98%'>",
    "<!--[if !mso]><style>v\\:* {behavior:url(#default#VML);}</style><![endif]-->",
    "<!-- hiddenword -->",
    "<?xml:namespace prefix = o ns = 'urn:schemas-microsoft-com:office:office' /?>",
    "<![CDATA[ x ]]>",
    "<o:p></o:p>",
    "<v:shape id='_x0000_i1025'><v:imagedata src='image001.png'/></v:shape>",
    "<svg><title>logo</title></svg>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<b>",
    "<i>",
    "</b",
    "<",
    "&nbsp;",
    "&amp;",
    "From: Michael Schmidt <m.schmidt@solartech.example>",
    "Sent: Monday, 2 March 2026 10:15",
    "To: lea@acme-trade.example",
    "Dear Michael,",
    "报价单见附件",
    "Preis EUR 12",
    "\n",
    "\x0b",
    "\x01",
    "\ud800",
    "\ufffe",
)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_mail_client_html_always_splits_and_comments_stay_hidden(pieces: list[str]) -> None:
    html = "".join(pieces)
    split = split_body(html, "html")
    text = html_to_text(html)
    assert "hiddenword" not in split.new + split.quoted + text
    assert "behavior" not in split.new + split.quoted + text
