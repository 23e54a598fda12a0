"""Messages that quote a span's words or a value show an invisible character as its escape
(``⟨U+202E⟩``), as the review panel and diff do: ``display.quoted`` (the annotation screen's
toasts: edits, carry-over, undo), ``history.quoted_pair`` (a value's undo), carry-over's
``words_as_written``, and the review's ``short`` (its messages, the value box's title) and
``region_quoted`` (the gold form's open span conflicts).

Written raw, a U+202E in "relabelled s1 'Hedda\u202eAro' actor → count" reversed the rest
of the line in a terminal, and a zero-width space showed nothing: 'Kestria\u200b' read as
'Kestria'. The joiner inside an emoji group is no slip: it stays as the article shows it (the
display copy's non-joiner)."""

from __future__ import annotations

import pytest

from annotator.core.carry_over import words_as_written
from annotator.core.display import quoted
from annotator.core.history import quoted_pair
from annotator.core.review_decisions import short
from annotator.core.review_gold_form import region_quoted

NAME = "Hedda\u202eAro"
SHOWN = "Hedda⟨U+202E⟩Aro"
FAMILY = "👨\u200d👩\u200d👧"  # its joiners are what make it one picture
FAMILY_SHOWN = "👨\u200c👩\u200c👧"  # as the article draws it (``display.display_text``)


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (NAME, f"'{SHOWN}'"),
        ("Kestria\u200b", "'Kestria⟨U+200B⟩'"),
        ("\u2067Kessar\u2069 strait", "'⟨U+2067⟩Kessar⟨U+2069⟩ strait'"),
        (f"{FAMILY} freed", f"'{FAMILY_SHOWN} freed'"),
        ("six\tmen", "'six men'"),  # spaces made one, as before
    ],
)
def test_quoted_shows_an_invisible_character_as_its_escape(words: str, said: str) -> None:
    assert quoted(words) == said


def test_quoted_cuts_before_it_escapes() -> None:
    """The cut counts the words' characters (an escape is never cut in two)."""
    words = f"{NAME} said that 146 men were freed in the strait on Sunday"
    assert quoted(words, 24) == f"'{SHOWN} said … Sunday'"


def test_a_value_undo_quotes_both_values_with_escapes() -> None:
    was, now = f"{NAME} of Ostreva and the {NAME} group", f"{NAME} of Ostreva and the {NAME} grouP"
    said = quoted_pair(was, now, 24)
    assert all("\u202e" not in quote and "⟨U+202E⟩" in quote for quote in said), said
    assert said[0] != said[1]


def test_carry_over_words_as_written_escape_the_control() -> None:
    assert words_as_written(f"{NAME}\tsaid") == f"'{SHOWN}\\tsaid'"


def test_review_short_and_region_quoted_escape_the_control() -> None:
    assert short(f"6{NAME}") == f"“6{SHOWN}”"
    assert short(f"{NAME} said that 146 men were freed") == f"“{SHOWN} said…”"
    assert region_quoted(f"{NAME}\u200b") == f"“{SHOWN}⟨U+200B⟩”"
    assert short(f"{FAMILY} freed") == f"“{FAMILY_SHOWN} freed”"
