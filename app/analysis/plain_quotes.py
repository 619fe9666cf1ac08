"""Quoted history in plain-text bodies: what the writer wrote and what they quote.

Two ways of quoting meet in trade mail. Outlook writes its history after a marker ("-----Original Message-----",
"From: ... Sent: ...") and everything below it is history. Mail quoted line by line ("> ") may carry the
writer's own words between the quoted lines (an inline answer below each question) or after them (bottom
posting): those are new text, and a rule reading only the history would miss "please find the PI attached".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Outlook and similar: everything from here on is history.
_HISTORY = r"""
        [ \t]*-{2,}\s*(?:original\s+message|ursprüngliche\s+nachricht|mensaje\s+original
                     |message\s+d'origine|原始邮件|forwarded\s+message|weitergeleitete\s+nachricht)\s*-{2,}
      | [ \t]*_{10,}[ \t]*$
      | [ \t]*(?:发件人|寄件者)[:：]
      | [ \t]*(?:from|von|de)[ \t]*:[^\n]*\n[ \t]*(?:sent|gesendet|envoyé|enviado|date|datum)[ \t]*:
"""
# The line that introduces quoted lines: "On Mon, 2 March 2026, Michael wrote:".
_ATTRIBUTION = r"""
        [ \t]*on\s.{1,200}\swrote:[ \t]*$
      | [ \t]*am\s.{1,200}\sschrieb.{0,40}:[ \t]*$
      | [ \t]*le\s.{1,200}\sa\s+écrit[ \t]*:[ \t]*$
      | [ \t]*el\s.{1,200}\sescribió[ \t]*:[ \t]*$
      | [ \t]*(?-i:[A-ZÀ-Þ][\w'\-]*\.?(?:[ \t]+[A-ZÀ-Þ][\w'\-]*\.?){0,3})(?:[ \t]*<[^>\n]{3,200}>)?
        [ \t]+(?:wrote|schrieb|a\s+écrit|escribió)[ \t]*:[ \t]*$
      | [ \t]*[\u4e00-\u9fff]{2,4}[ \t]*(?:<[^>\n]{3,200}>)?[ \t]*写道[:：][ \t]*$
"""
_FLAGS = re.IGNORECASE | re.MULTILINE | re.VERBOSE
_QUOTE_START = re.compile(rf"^(?:{_HISTORY}|{_ATTRIBUTION}|[ \t]*>)", _FLAGS)
_HISTORY_START = re.compile(rf"^(?:{_HISTORY})", _FLAGS)
_ATTRIBUTION_LINE = re.compile(rf"^(?:{_ATTRIBUTION})", _FLAGS)
_QUOTED_LINE = re.compile(r"[ \t]*>")
_ANY_QUOTED_LINE = re.compile(r"^[ \t]*>", re.MULTILINE)
# A quoted line the writer's client wrapped goes on without "> "; it follows a line that ends mid-sentence.
_SENTENCE_END = re.compile(r"[.!?。！？…:)\"'»”]\s*$")


@dataclass(frozen=True, slots=True)
class SplitText:
    new: str
    quoted: str


def split_quoted(text: str) -> SplitText:
    """What the sender wrote vs the history they quote, in a plain-text body."""
    first = _QUOTE_START.search(text)
    if first is None:
        return SplitText(text, "")
    start = first.start()
    history = _HISTORY_START.search(text, start)
    if history is not None and history.start() == start:
        return SplitText(text[:start], text[start:])
    end = history.start() if history is not None else len(text)
    region = text[start:end]
    if _ANY_QUOTED_LINE.search(region) is None:
        return SplitText(text[:start], text[start:])  # an attribution over unmarked history
    new, quoted = _line_by_line(region)
    return SplitText(text[:start] + new, quoted + text[end:])


def _line_by_line(region: str) -> tuple[str, str]:
    """Lines quoted with "> " (and their attributions) vs the writer's lines between and after them."""
    new: list[str] = []
    quoted: list[str] = []
    side, last_quoted, after_blank = quoted, "", False
    for line in region.splitlines(keepends=True):
        if not line.strip():
            side.append(line)
            after_blank = True
            continue
        if _QUOTED_LINE.match(line) or _ATTRIBUTION_LINE.match(line):
            side = quoted
        elif side is quoted and not after_blank and not _SENTENCE_END.search(last_quoted):
            side = quoted  # the rest of a quoted line the client wrapped
        else:
            side = new
        side.append(line)
        if side is quoted:
            last_quoted = line
        after_blank = False
    return "".join(new), "".join(quoted)
