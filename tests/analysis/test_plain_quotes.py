"""Plain-text quoting: Outlook's history below a marker, and "> " quoting with the writer's answers between the
quoted lines and after them."""

from __future__ import annotations

import pytest

from app.analysis.plain_quotes import split_quoted


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


INLINE = (
    "Hi Michael,\n\n"
    "> Could you send the PI?\n"
    "Yes, please find the PI attached.\n\n"
    "> And the packing list? We need it\n"
    "> before Friday.\n\n"
    "Next week.\n\n"
    "Best regards\nLea\n"
)


def test_answers_between_quoted_lines_are_the_writers_own():
    split = split_quoted(INLINE)
    assert _lines(split.new) == [
        "Hi Michael,",
        "Yes, please find the PI attached.",
        "Next week.",
        "Best regards",
        "Lea",
    ]
    assert _lines(split.quoted) == [
        "> Could you send the PI?",
        "> And the packing list? We need it",
        "> before Friday.",
    ]


def test_a_quoted_line_the_client_wrapped_stays_quoted():
    text = "Thanks!\n\nOn Mon, 2 Mar 2026, Michael wrote:\n> the price is 12 USD per piece and we\nneed it by Friday\n> Michael\n"
    split = split_quoted(text)
    assert split.new == "Thanks!\n\n"
    assert "need it by Friday" in split.quoted


def test_bottom_posting_after_the_quote_is_new():
    text = "On Mon, 2 Mar 2026, Michael wrote:\n> Can you confirm the ETA?\n\nConfirmed: ETA Hamburg 8 January.\n"
    split = split_quoted(text)
    assert _lines(split.new) == ["Confirmed: ETA Hamburg 8 January."]
    assert split.quoted.startswith("On Mon, 2 Mar 2026, Michael wrote:\n> Can you confirm")


def test_everything_below_an_outlook_marker_is_history_even_after_quoted_lines():
    text = "> your question?\nmy answer\n\n-----Original Message-----\nFrom: X\nSent: Monday\nold text\n"
    split = split_quoted(text)
    assert _lines(split.new) == ["my answer"]
    assert _lines(split.quoted) == [
        "> your question?",
        "-----Original Message-----",
        "From: X",
        "Sent: Monday",
        "old text",
    ]


def test_an_outlook_marker_first_makes_the_rest_history():
    text = "Noted.\n\n-----Original Message-----\nFrom: X\n> nested\nanswer inside the history\n"
    assert split_quoted(text).new == "Noted.\n\n"


def test_an_attribution_over_unmarked_history_keeps_all_of_it_quoted():
    text = "Thanks.\n\nAm 2. März 2026 schrieb Michael Schmidt:\nBitte senden Sie die PI.\nGruß\n"
    split = split_quoted(text)
    assert (split.new, split.quoted) == ("Thanks.\n\n", text[len("Thanks.\n\n") :])


def test_quoted_lines_inside_an_outlook_history_do_not_make_the_text_above_it_an_answer():
    text = "Thanks.\n\nOn Mon, Michael wrote:\nplain history line\n-----Original Message-----\n> older\n"
    assert split_quoted(text).new == "Thanks.\n\n"


@pytest.mark.parametrize(
    "marker",
    [
        "-----Original Message-----\nFrom: x",
        "On Mon, 2 Mar 2026 at 10:00, Michael <m@x.de> wrote:",
        "Am 02.03.2026 um 10:00 schrieb Michael Schmidt:",
        "Le lun. 2 mars 2026, Pierre a écrit :",
        "El lun, 2 mar 2026, José escribió:",
        "发件人: 王伟\n发送时间: 2026年3月2日",
        "From: Michael Schmidt\nSent: Monday, March 2, 2026",
        "> quoted line",
        "Anna Weber wrote:",
        "Anna Weber <a.weber@sonnenkraft.de> wrote:",
        "Michael Schmidt schrieb:",
        "Pierre Dubois a écrit :",
        "José García escribió:",
        "王伟 写道：",
    ],
)
def test_split_quoted_recognizes_reply_markers(marker):
    split = split_quoted(f"Thanks, noted.\n\n{marker}\nold text")
    assert split.new.strip() == "Thanks, noted."
    assert "old text" in split.quoted


def test_split_quoted_without_history():
    assert split_quoted("Dear Anna,\nFrom now on, the price is fixed.").quoted == ""
    # A sentence that mentions writing is the sender's own text, not an attribution line.
    assert split_quoted("Dear Anna,\nthe price is what our manager wrote: 12 USD.").quoted == ""
    assert split_quoted("Dear Anna,\nas we wrote:\nthe price is fixed.").quoted == ""
