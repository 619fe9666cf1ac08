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
_HISTORY_START = re.compile(rf"(?:{_HISTORY})", _FLAGS)
_ATTRIBUTION_LINE = re.compile(rf"(?:{_ATTRIBUTION})", _FLAGS)
# Searched from a line break: a pattern that starts with a literal is scanned for at C speed.
_UNMARKED_LINE = re.compile(r"\n[ \t]*[^>\s]")
_QUOTED_LINE = re.compile(r"[ \t]*>")
_QUOTED_LINE_BELOW = re.compile(r"\n[ \t]*>")
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
    if _HISTORY_START.match(text, start):
        return SplitText(text[:start], text[start:])  # Outlook's history: all of it
    new, quoted = _line_by_line(text[start:])
    return SplitText(text[:start] + new, quoted)


def _line_by_line(region: str) -> tuple[str, str]:
    """The writer's lines between and after the "> " lines of `region` vs the rest of it (quoted).

    Only the lines without "> " are looked at, found by a search at C speed: a quoted thread is thousands of
    quoted lines and a few others (attributions, answers, an Outlook history below them)."""
    new_spans: list[tuple[int, int]] = []
    previous_end = region.find("\n")  # the marker's line is quoted
    if previous_end < 0:
        return "", region
    previous_line, previous_new = region[:previous_end], False
    seen_quoted = _QUOTED_LINE.match(region) is not None
    history = len(region)
    for unmarked in _UNMARKED_LINE.finditer(region, previous_end):
        start = unmarked.start() + 1
        if _HISTORY_START.match(region, start):
            history = unmarked.start()  # Outlook's history below the quoted lines: all of it is quoted
            break
        end = region.find("\n", start)
        end = len(region) if end < 0 else end
        line = region[start:end]
        between = region[previous_end : unmarked.start()]
        quoted_between = between.rstrip()
        if quoted_between.strip():  # "> " lines came between: the last of them is the line before
            previous_line, previous_new, seen_quoted = quoted_between[quoted_between.rfind("\n") + 1 :], False, True
        after_blank = "\n" in between[len(quoted_between) :]
        if _ATTRIBUTION_LINE.match(line):
            is_new = False
        elif previous_new:
            is_new = True  # the writer's paragraph goes on
        else:
            # After a quoted line that ends mid-sentence, with no blank line between: the client wrapped it.
            is_new = after_blank or _SENTENCE_END.search(previous_line) is not None
        if is_new:
            new_spans.append((start, min(end + 1, len(region))))
        previous_end, previous_line, previous_new = end, line, is_new
    if not new_spans or not (seen_quoted or _QUOTED_LINE_BELOW.search(region, previous_end, history)):
        return "", region  # nothing of the writer's, or an attribution over unmarked history
    return _without(region, new_spans)


def _without(region: str, spans: list[tuple[int, int]]) -> tuple[str, str]:
    """(the spans' text, the region's text around them)."""
    taken = "".join(region[start:end] for start, end in spans)
    kept, at = [], 0
    for start, end in spans:
        kept.append(region[at:start])
        at = end
    kept.append(region[at:])
    return taken, "".join(kept)
