"""Text normalization shared by the index (patterns) and the engine (texts), so both sides agree.

Matching is case- and width-insensitive: NFKC folds full-width forms (ＳｏｌａｒＴｅｃｈ -> SolarTech),
casefold handles case (and ß -> ss). Dashes, quotes and odd spaces are unified so "Confidential – Internal"
matches "confidential - internal".
"""

from __future__ import annotations

import re
import unicodedata
from itertools import compress
from operator import not_

from lxml import etree

from app.analysis.plain_quotes import SplitText, split_quoted

# Dashes, quotes and odd spaces folded to one form; every replacement is ASCII (or nothing), so the order
# in which they are applied does not matter.
_PUNCTUATION_FOLD = {
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00a0": " ",
    "\u200b": "",
    "\ufeff": "",
}


def normalize_text(text: str) -> str:
    """NFKC + casefold + punctuation folding; the single normal form for patterns and texts."""
    if text.isascii():
        return text.lower()  # NFKC is the identity on ASCII and casefold equals lower there
    return _fold_punctuation(unicodedata.normalize("NFKC", text).casefold())


def _fold_punctuation(text: str) -> str:
    # str.translate looks every character up in a dict (40 ms per MB); a search per folded character runs
    # at memory speed and most texts hold none or few of them.
    for char, replacement in _PUNCTUATION_FOLD.items():
        if char in text:
            text = text.replace(char, replacement)
    return text


_NAME_SEPARATORS = re.compile(r"[-_.+~]+")
_CAMEL_CASE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def name_form(text: str) -> str:
    """File names and subjects write names as "Helio-Handel", "Helio_Handel" or "HelioHandel": read them
    with spaces, as the directory's "SunPeak Energy" is read as "Sun Peak Energy"."""
    return _NAME_SEPARATORS.sub(" ", split_camel_case(text))


def split_camel_case(text: str) -> str:
    return _CAMEL_CASE.sub(" ", text)


def has_camel_case(text: str) -> bool:
    return _CAMEL_CASE.search(text) is not None


def as_written(raw: str, normalized: str, start: int, end: int) -> str:
    """The raw text behind normalized[start:end], when normalization kept the length (the usual case)."""
    source = raw if len(raw) == len(normalized) else normalized
    return source[start:end]


def strip_accents(text: str) -> str:
    """'José' -> 'jose': names are often typed without accents by non-native writers."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    # Keeps the characters whose combining class is 0, without a Python step per character.
    return "".join(compress(decomposed, map(not_, map(unicodedata.combining, decomposed))))


def is_cjk(ch: str) -> bool:
    """Han, kana and hangul: scripts written without spaces between words."""
    code = ord(ch)
    return (
        0x3040 <= code <= 0x30FF  # hiragana, katakana
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
        or 0xAC00 <= code <= 0xD7AF  # hangul syllables
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0x20000 <= code <= 0x2FA1F  # extensions B+
    )


_CJK_CHARS = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]")


def contains_cjk(text: str) -> bool:
    return _CJK_CHARS.search(text) is not None


def count_cjk(text: str) -> int:
    """How many characters of `text` are CJK (is_cjk), counted by one regex pass."""
    return len(_CJK_CHARS.findall(text))


def is_word_char(ch: str) -> bool:
    """A character that continues a Latin-script word; CJK never does, so CJK needs no boundaries."""
    return ch.isalnum() and not is_cjk(ch)


def has_boundaries(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is not glued to surrounding letters/digits of a spaced script.

    Only pattern edges that are themselves word characters need a boundary: "SolarTech公司" matches
    "solartech", "prices" does not match "price", and "价格表" matches "价格" anywhere.
    """
    if start > 0 and is_word_char(text[start]) and is_word_char(text[start - 1]):
        return False
    last = end - 1
    return not (end < len(text) and is_word_char(text[last]) and is_word_char(text[end]))


# --- HTML ----------------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    (
        "p",
        "div",
        "br",
        "tr",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "table",
        "blockquote",
        "pre",
        "hr",
        "section",
        "article",
        "header",
        "footer",
        "ul",
        "ol",
    )
)
# Containers mail clients use for quoted history (Gmail, Outlook desktop/web, Apple Mail, Thunderbird): every
# blockquote, and divs marked by their id or class.
_QUOTE_DIV_IDS = frozenset(("divRplyFwdMsg", "appendonsend"))
_XML_SPACE = re.compile(r"[ \t\r\n]+")


def html_to_text(html: str) -> str:
    """Visible text of an HTML body, line breaks kept at block elements; never raises on bad HTML."""
    new, quoted = split_html(html)
    return new if not quoted else f"{new}\n{quoted}"


def split_html(html: str) -> tuple[str, str]:
    """(new text, quoted text) of an HTML body, using the quote containers of common mail clients."""
    root = _parse_html(html)
    if root is None:
        return "", ""
    _open_blocks_on_new_lines(root)
    quoted_parts: list[str] = []
    for element in _quote_containers(root):
        if element.getparent() is None or _inside_removed_quote(element):
            continue
        quoted_parts.extend(_detach_quote(element))
    return _element_text(root), "\n".join(part for part in quoted_parts if part)


# Plain lxml elements: lxml.html's element classes are looked up in Python for every node touched.
_HTML_PARSER = etree.HTMLParser()


# What libxml2 keeps in a text node but lxml refuses to write back into one (the split rewrites text and tails):
# control characters, lone surrogates, U+FFFE/U+FFFF. None of them is text a reader sees.
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _parse_html(html: str) -> etree._Element | None:
    if not html.strip():
        return None
    try:
        root = etree.fromstring(_NOT_XML_TEXT.sub(" ", html), _HTML_PARSER)
    except (etree.ParserError, ValueError):
        return None
    if root is None:
        return None
    for element in list(root.iter("script", "style", "head", "title")):
        _drop_keeping_tail(element)
    return root


def _drop_keeping_tail(element: etree._Element) -> None:
    """Remove an element and what it holds; the text after it stays where it was."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _quote_containers(root: etree._Element) -> list[etree._Element]:
    """The quote containers of a body, in document order (a walk in C beats an XPath with string functions)."""
    return [element for element in root.iter("blockquote", "div") if _is_quote_container(element)]


def _is_quote_container(element: etree._Element) -> bool:
    if element.tag == "blockquote" or element.get("id") in _QUOTE_DIV_IDS:
        return True
    classes = element.get("class")
    return classes is not None and (classes == "moz-cite-prefix" or "gmail_quote" in _XML_SPACE.split(classes))


def _inside_removed_quote(element: etree._Element) -> bool:
    return any(a.get("data-sg-quoted") for a in element.iterancestors())


def _detach_quote(element: etree._Element) -> list[str]:
    """Take a quote container out of the tree; the texts it held, in document order."""
    parent = element.getparent()
    if parent is None:
        return []
    if element.get("id") not in _QUOTE_DIV_IDS:
        element.set("data-sg-quoted", "1")
        text = _element_text(element)
        # What follows a quote is the writer's again: "<blockquote>their question</blockquote>my answer".
        _drop_keeping_tail(element)
        return [text]
    # Outlook puts the quoted mail *after* the divRplyFwdMsg header as siblings, and all of it is history: the
    # text between them too, and comments and processing instructions go with them (they hold no text of the
    # mail, and no attributes to mark).
    removed = [element, *element.itersiblings()]
    for node in removed:
        parent.remove(node)  # an element's tail goes with it
        if isinstance(node.tag, str):
            node.set("data-sg-quoted", "1")
    return [
        _element_text(node, with_tail=True) if isinstance(node.tag, str) else (node.tail or "").strip()
        for node in removed
    ]


_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


def _open_blocks_on_new_lines(root: etree._Element) -> None:
    """A block element opens a line, and so does the text after it ("<div>Dear Michael,</div>the offer"), once
    for the whole body, before quotes are taken out of it. A <br> is a line break of its own."""
    for block in root.iter(*_BLOCK_TAGS):
        block.text = "\n" + (block.text or "")
        if block.tail and block.tag != "br":
            block.tail = "\n" + block.tail


def _element_text(element: etree._Element, with_tail: bool = False) -> str:
    # lxml joins the texts and tails in C, in document order (an element's tail follows its children:
    # "<div>the offer <b>is</b> attached.</div>" keeps "is attached." on its line). Comments' and processing
    # instructions' own text is not text of the mail.
    text = etree.tostring(element, method="text", encoding="unicode", with_tail=with_tail)
    return _BLANK_LINES.sub("\n\n", text).strip()


def split_body(body: str, body_format: str) -> SplitText:
    """New and quoted text of a draft body in either format."""
    if body_format == "html":
        new, quoted_html = split_html(body)
        plain = split_quoted(new)
        quoted = "\n".join(part for part in (plain.quoted, quoted_html) if part)
        return SplitText(plain.new, quoted)
    return split_quoted(body)
