"""Carrying over a span whose words changed only in their whitespace (a tab or a line break
become a space, two spaces one): its place is found by the same rules, its words compared with
their whitespace runs treated alike; the carried span holds the new text's words."""

from __future__ import annotations

import pytest

from annotator.core.carry_over import carry_over, words_as_written
from tests.test_carry_over import places, record, span

OLD = "Norvania and the Kestria\tnavy exchanged 95 prisoners; Kestria said 95 came home."


def three(text: str = OLD, words: str = "Kestria\tnavy") -> list:  # type: ignore[type-arg]
    return [
        span("s1", text, "Norvania"),
        span("s2", text, words),
        span("s3", text, "came", "count"),
    ]


@pytest.mark.parametrize("now", [" ", "\n", "  ", " \n "])
def test_a_span_whose_whitespace_changed_is_carried_with_the_new_words(now: str) -> None:
    stale = record(OLD, three())
    new = OLD.replace("\t", now)
    result = carry_over(stale, new)
    s2 = next(s for s in result.record.spans if s.id == "s2")
    assert s2.text == f"Kestria{now}navy" == new[s2.start : s2.end]
    assert (s2.start, s2.end) == (17, 29 + len(now) - 1)
    shift = len(now) - 1
    assert places(result)["s3"] == (70 + shift, 74 + shift)
    assert not result.left_out
    assert result.record.status == "in_progress"  # its words changed: look again


def test_two_spaces_made_one_before_and_inside_spans_moves_them() -> None:
    """Tidied (each run one space now), its whitespace needs one span moved with it."""
    old = "Norvania  and the Kestria  navy exchanged 95 prisoners."
    stale = record(
        old,
        [span("s1", old, "Norvania"), span("s2", old, "Kestria  navy"), span("s3", old, "95")],
    )
    new = "Norvania and the Kestria navy exchanged 95 prisoners."
    result = carry_over(stale, new)
    assert places(result) == {"s1": (0, 8), "s2": (17, 29), "s3": (40, 42)}
    assert result.record.spans[1].text == "Kestria navy"
    assert result.lines() == [
        "3 of 3 spans carried (2 moved)",
        "moved s2 'Kestria  navy' from 18–31 to 17–29, as 'Kestria navy' (its whitespace changed)",
        "moved s3 '95' from 42 to 40",
    ]


def test_a_span_whose_whitespace_grew_needs_a_span_moved_with_it_on_each_side() -> None:
    """Two spaces where one was: a sentence added after it may have brought the words after
    the space ('in Norvania.  Norvania and Kestria said nothing.Norvania', a fuzz's)."""
    old = "They met in Norvania. Norvania and Kestria exchanged 95 prisoners."
    stale = record(old, [span("s1", old, "in Norvania. Norvania"), span("s2", old, "95")])
    new = old.replace("Norvania. Norvania", "Norvania.  Norvania said nothing. Norvania")
    result = carry_over(stale, new)
    assert (result.left_out[0].span.id, result.left_out[0].reason) == (
        "s1",
        "its words stand where they were with their whitespace changed, and the spans around "
        "it did not move with it: the edit there may have changed more than whitespace",
    )


def test_words_recurring_with_other_whitespace_still_say_nothing_tells_which() -> None:
    """The last span's words are also earlier, with a line break: as with the same words, an
    edit before it or after it is as likely, and it is left out."""
    old = "Kestria\nnavy came. Kestria navy left."
    stale = record(old, [span("s1", old, "Kestria navy")])
    result = carry_over(stale, old.replace(" navy left", "  navy left"))
    assert [out.span.id for out in result.left_out] == ["s1"]
    assert "its words recur and nothing around it tells which: 0, 19 fit" in result.lines()[1]


def test_a_left_out_span_shows_its_whitespace_as_escaped() -> None:
    stale = record(OLD, three())
    result = carry_over(stale, OLD.replace("Kestria\tnavy", "Kestrian navy"))
    assert result.lines()[1] == (
        "left out s2 actor 'Kestria\\tnavy' (was at 17–29): its words are no longer in the text"
    )
    assert "(s2 'Kestria\\tnavy', s3 'came')" in result.question()


def test_words_as_written_keeps_spaces_and_cuts_the_middle() -> None:
    assert words_as_written("a  b\r\nc\u00a0d") == "'a  b\\r\\nc\\xa0d'"
    # Cut at spaces where that loses little, as ``quoted`` cuts (display.middle_cut).
    assert words_as_written("word " * 10) == "'word word word … word '"
    assert words_as_written("word  " * 6) == "'word  word  word …word  '"  # its two spaces kept
