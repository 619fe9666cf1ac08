import pytest

from app.analysis.normalize import (
    contains_cjk,
    has_boundaries,
    html_to_text,
    is_cjk,
    normalize_text,
    split_body,
)


def test_normalize_folds_width_case_and_dashes():
    assert normalize_text("ＳｏｌａｒＴｅｃｈ") == "solartech"
    assert normalize_text("Straße") == "strasse"
    assert normalize_text("Confidential – Internal") == "confidential - internal"


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("call solartech today", "solartech", True),
        ("solartechnology", "solartech", False),
        ("pi_solartech_2026", "solartech", True),
        ("solartech公司", "solartech", True),
        ("价格表", "价格", True),
        ("prices", "price", False),
        ("price.", "price", True),
    ],
)
def test_word_boundaries_only_for_spaced_scripts(text, word, expected):
    start = text.index(word)
    assert has_boundaries(text, start, start + len(word)) is expected


def test_html_to_text_drops_script_style_and_survives_broken_html():
    text = html_to_text("<p>Hello<script>evil()</script><style>.a{}</style> <b>world</b><div>next")
    assert "evil" not in text
    assert "Hello" in text and "world" in text and "next" in text
    assert html_to_text("") == ""
    assert html_to_text("<<<>>>") in ("", "<<<>>>")


def test_html_quote_blocks_are_split_off():
    outlook = "<div>New text</div><hr><div id='divRplyFwdMsg'><b>From:</b> Michael</div><div>old body</div>"
    split = split_body(outlook, "html")
    assert "New text" in split.new and "old body" not in split.new
    assert "old body" in split.quoted
    gmail = "<div>Hi</div><div class='gmail_quote'>On Mon wrote:<blockquote>older</blockquote></div>"
    split = split_body(gmail, "html")
    assert (split.new.strip(), "older" in split.quoted) == ("Hi", True)


@pytest.mark.parametrize("odd", ["<!-- saved from Outlook -->", "<!--[if !mso]><![endif]-->", "<?xml version='1.0'?>"])
def test_comments_after_an_outlook_reply_header_go_with_the_quote_without_their_text(odd):
    html = f"<div>New text</div><div id='divRplyFwdMsg'>From: Michael</div>{odd}<div>old body</div>"
    split = split_body(html, "html")
    assert (split.new, split.quoted) == ("New text", "From: Michael\nold body")
    assert "saved" not in split.quoted and "mso" not in split.quoted


def test_text_after_a_quote_is_new_and_text_between_outlook_history_parts_is_quoted():
    inline = split_body(
        "<p>Hi</p><blockquote>their question</blockquote>my answer<blockquote>q2</blockquote>a2", "html"
    )
    assert (inline.new, inline.quoted) == ("Hi\nmy answer\na2", "their question\nq2")
    outlook = split_body("<p>Hi</p><div id='divRplyFwdMsg'>From: Michael</div>loose history<p>more</p>", "html")
    assert (outlook.new, outlook.quoted) == ("Hi", "From: Michael\nloose history\nmore")


@pytest.mark.parametrize("odd", ["\x0b", "\x01", "\x1f", "\ud800", "\uffff"])
def test_characters_xml_cannot_hold_are_read_as_spaces(odd):
    html = f"<p>PI{odd}attached</p><blockquote>q{odd}</blockquote>after{odd}<div id='divRplyFwdMsg'>x</div>t{odd}"
    split = split_body(html, "html")
    assert (split.new, split.quoted) == ("PI attached\nafter", "q\nx\nt")


def test_text_after_a_block_starts_a_line_of_its_own():
    # Glued, "GmbH" and "Heliotec" would make one word and neither name would be read.
    assert html_to_text("<div>SolarTech GmbH</div>Heliotec<br>Hamburg") == "SolarTech GmbH\nHeliotec\nHamburg"


@pytest.mark.parametrize(
    ("marked", "quoted"),
    [
        ("<div class='gmail_quote gmail_quote_container'>", True),
        ("<div class='x\tgmail_quote'>", True),
        ("<DIV ID='divRplyFwdMsg'>", True),
        ("<div class='moz-cite-prefix'>", True),
        ("<div class='gmail_quotes'>", False),
        ("<div id='divrplyfwdmsg'>", False),
        ("<div class='moz-cite-prefix x'>", False),
    ],
)
def test_quote_containers_are_known_by_their_class_or_id(marked, quoted):
    split = split_body(f"<div>New text</div>{marked}older</div>", "html")
    assert ("older" in split.quoted, "older" in split.new) == (quoted, not quoted)


@pytest.mark.parametrize(
    "code",
    [0x3040, 0x30FF, 0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xAC00, 0xD7AF, 0xF900, 0xFAFF, 0x20000, 0x2FA1F],
)
def test_the_first_and_last_characters_of_each_cjk_block_are_cjk(code):
    assert is_cjk(chr(code))
    assert contains_cjk(f"Angebot {chr(code)} 2026")


@pytest.mark.parametrize(
    "code", [0x303F, 0x3100, 0x33FF, 0x4DC0, 0xA000, 0xABFF, 0xD7B0, 0xF8FF, 0xFB00, 0x1FFFF, 0x2FA20]
)
def test_characters_just_outside_the_cjk_blocks_are_not(code):
    assert not is_cjk(chr(code))
    assert not contains_cjk(f"Angebot {chr(code)} 2026")


def test_html_blocks_become_lines_and_text_after_an_element_is_kept():
    text = html_to_text("<DIV>Dear Michael,</DIV><DIV>the offer <b>is</b> attached.</DIV>\n\n\n<P>Best regards</P>")
    assert text == "Dear Michael,\nthe offer is attached.\n\nBest regards"


def test_outlook_append_on_send_block_is_quoted_history():
    html = "<div>New text</div><div id='appendonsend'></div><div>From: Michael</div><div>old body</div>"
    split = split_body(html, "html")
    assert "old body" not in split.new and "old body" in split.quoted


def test_text_after_outlook_conditional_comments_is_kept():
    # Outlook writes list bullets and VML inside conditional comments; the text after them is the mail's.
    html = (
        "<p class=MsoNormal><!--[if !supportLists]-->1.<!--[endif]-->PI 2026-114 for Helio Handel GmbH<o:p></o:p></p>"
        "<div><?xml:namespace prefix = o ?>Please confirm the deposit.</div>"
    )
    assert html_to_text(html) == "1.PI 2026-114 for Helio Handel GmbH\nPlease confirm the deposit."


def test_script_style_and_head_go_but_the_text_after_them_stays_in_place():
    html = (
        "<html><head><title>t</title></head><body>Dear Anna,<script>x()</script> the PI<style>p{}</style> is attached"
    )
    assert html_to_text(html) == "Dear Anna, the PI is attached"
    assert html_to_text("<div><script>x()</script>first</div><div>second</div>") == "first\nsecond"
