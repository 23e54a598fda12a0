"""Carrying a stale record over to a changed text (annotator.core.carry_over), by example;
tests/test_carry_over_edits.py edits texts at random."""

from __future__ import annotations

from typing import Any

import pytest

from annotator.core.carry_over import DroppedLink, carry_over
from annotator.core.models import Record, Span, sha256_text

OLD = "date 2024-03-17 Norvania and Kestria exchanged 95 prisoners; Kestria said 95 came home."
# The sha256 of a text not had back from the new one (carry_over_restored): the rules decide.
ANOTHER_TEXT = "0" * 64


def span(span_id: str, text: str, words: str, label: str = "actor", nth: int = 0) -> Span:
    """A span on the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(id=span_id, start=start, end=start + len(words), label=label, text=words)


def record(text: str, spans: list[Span], **changes: Any) -> Record:
    fields: dict[str, Any] = {
        "schema_version": 1,
        "doc_id": "a",
        "doc_sha256": sha256_text(text),
        "annotator": "alice",
        "status": "done",
        "spans": spans,
        "form": {"event_type": "exchange"},
    }
    fields.update(changes)
    return Record.model_validate(fields)


def four(text: str = OLD) -> Record:
    """Norvania, the first Kestria, the first 95 and the second Kestria of ``OLD``."""
    return record(
        text,
        [
            span("s1", text, "Norvania"),
            span("s2", text, "Kestria"),
            span("s3", text, "95", "count"),
            span("s4", text, "Kestria", nth=1),
        ],
    )


def places(result: Any) -> dict[str, tuple[int, int]]:
    return {s.id: (s.start, s.end) for s in result.record.spans}


def test_an_edit_after_every_span_keeps_them_and_the_status() -> None:
    stale = record(OLD, [span("s1", OLD, "Norvania"), span("s2", OLD, "prisoners")])
    result = carry_over(stale, OLD.replace("came home", "came home on Monday"))
    assert places(result) == {"s1": (16, 24), "s2": (50, 59)}
    assert result.unchanged and not result.moved and not result.left_out
    assert result.record.status == "done"
    assert result.lines() == ["2 of 2 spans carried"]
    assert result.question() == "2 of 2 spans would be carried"


def test_the_last_span_on_recurring_words_is_carried_in_order_with_the_spans_before_it() -> None:
    """An edit after every span leaves the second Kestria where it was; one taking away the
    spans between the two Kestrias would have moved it onto the first's place, but the spans
    there stand where they were, so it comes after them: at 61, the only place in order."""
    new = OLD.replace("came home", "came home on Monday")
    result = carry_over(four(), new)
    assert places(result) == {"s1": (16, 24), "s2": (29, 36), "s3": (47, 49), "s4": (61, 68)}
    assert result.unchanged
    assert result.record.status == "done"


def test_text_inserted_before_the_spans_moves_them_all() -> None:
    stale = record(
        OLD, [span("s1", OLD, "Norvania"), span("s2", OLD, "95", "count"), span("s3", OLD, "came")]
    )
    result = carry_over(stale, OLD.replace("date 2024-03-17 ", "date 2024-03-17 UPDATED: "))
    assert places(result) == {"s1": (25, 33), "s2": (56, 58), "s3": (86, 90)}
    assert result.record.status == "in_progress"  # the annotator should look again
    assert result.lines() == [
        "3 of 3 spans carried (3 moved)",
        "moved s1 'Norvania' from 16 to 25",
        "moved s2 '95' from 47 to 56",
        "moved s3 'came' from 77 to 86",
    ]
    assert result.question() == ("3 of 3 spans would be carried (3 moved); it becomes in progress")


def test_text_deleted_between_spans_moves_only_those_after_it() -> None:
    stale = record(
        OLD,
        [
            span("s1", OLD, "Norvania"),
            span("s2", OLD, "Kestria"),
            span("s3", OLD, "came"),
            span("s4", OLD, "home"),
        ],
    )
    result = carry_over(stale, OLD.replace(" prisoners;", ";"))
    assert places(result) == {"s1": (16, 24), "s2": (29, 36), "s3": (67, 71), "s4": (72, 76)}
    assert [s.id for s in result.kept] == ["s1", "s2"]
    assert [(m.span.id, m.old_start) for m in result.moved] == [("s3", 77), ("s4", 82)]


def test_a_span_alone_after_an_edit_is_left_out_with_where_its_words_stand() -> None:
    """Nothing but its words says 'came' moved by -10: an edit taking it and leaving the same
    words further on would look the same (a fuzz found such spans carried onto other words)."""
    stale = record(
        OLD, [span("s1", OLD, "Norvania"), span("s2", OLD, "Kestria"), span("s3", OLD, "came")]
    )
    result = carry_over(stale, OLD.replace(" prisoners;", ";"))
    assert places(result) == {"s1": (16, 24), "s2": (29, 36)}
    assert result.lines()[1] == (
        "left out s3 actor 'came' (was at 77–81): its words stand moved by -10, but no span "
        "next to it moved so: an edit there may have taken them"
    )


def test_a_span_whose_words_changed_is_left_out_with_its_link() -> None:
    """A typo fixed inside a span: its words are gone; the field it filled keeps the value."""
    old = OLD.replace("Kestria said", "Kestira said")
    stale = record(
        old,
        [span("s1", old, "Norvania"), span("s2", old, "95", "count"), span("s3", old, "Kestira")],
        form={"event_type": "exchange", "releases": [{"released_by": "Kestira", "count": 95}]},
        links={"releases[0].released_by": ["s3"], "releases[0].count": ["s2"]},
    )
    result = carry_over(stale, OLD)
    assert places(result) == {"s1": (16, 24), "s2": (47, 49)}
    assert [(out.span.id, out.span.start, out.span.end) for out in result.left_out] == [
        ("s3", 61, 68)
    ]
    assert result.dropped_links == (DroppedLink("releases[0].released_by", "s3"),)
    assert result.record.links == {"releases[0].count": ["s2"]}
    assert result.record.form == stale.form  # the value stays, typed
    assert result.record.status == "in_progress"
    assert result.lines() == [
        "2 of 3 spans carried, 1 left out",
        "left out s3 actor 'Kestira' (was at 61–68): its words are no longer in the text",
        "link dropped: releases #1 released_by from s3 (left out); its value stays, as typed",
    ]


def test_a_span_with_text_inserted_inside_it_is_left_out() -> None:
    stale = record(
        OLD, [span("s1", OLD, "Norvania"), span("s2", OLD, "Kestria"), span("s3", OLD, "came")]
    )
    result = carry_over(stale, OLD.replace("Norvania", "Norv ania"))
    assert [(out.span.id, out.reason) for out in result.left_out] == [
        ("s1", "its words are no longer in the text")
    ]
    assert places(result) == {"s2": (30, 37), "s3": (78, 82)}


def test_a_word_run_into_the_next_one_is_left_out_not_moved_onto_another() -> None:
    """'Kestria n navy' fixed to 'Kestrian navy': the span's words still stand where they were,
    now inside a word. The first Kestria is another one: it is not carried there (a review
    found it moved there, said as an ordinary 'moved')."""
    old = "Kestria said the Kestria n navy freed 12 fishermen."
    stale = record(
        old,
        [
            span("s1", old, "Kestria", nth=1),
            span("s2", old, "12", "count"),
            span("s3", old, "fishermen"),
        ],
    )
    result = carry_over(stale, "Kestria said the Kestrian navy freed 12 fishermen.")
    assert places(result) == {"s2": (37, 39), "s3": (40, 49)}
    assert result.lines() == [
        "2 of 3 spans carried (2 moved), 1 left out",
        "moved s2 '12' from 38 to 37",
        "moved s3 'fishermen' from 41 to 40",
        "left out s1 actor 'Kestria' (was at 17–24): its words now run into a word: at 17 it "
        "would cut the word 'Kestrian'",
    ]


def test_a_letter_added_to_a_span_s_word_leaves_it_out() -> None:
    old = "Norvania and Kestria exchanged prisoners."
    stale = record(
        old, [span("s1", old, "Norvania"), span("s2", old, "Kestria"), span("s3", old, "prisoners")]
    )
    result = carry_over(stale, old.replace("Norvania and", "Norvanian and"))
    assert places(result) == {"s2": (14, 21), "s3": (32, 41)}
    assert [out.reason for out in result.left_out] == [
        "its words now run into a word: at 0 it would cut the word 'Norvanian'"
    ]


def test_a_combining_mark_after_a_span_leaves_it_out() -> None:
    """The accent joins the span's last letter: the span would end inside a character."""
    old = "Jose left."
    stale = record(old, [span("s1", old, "Jose")], status="in_progress")
    result = carry_over(stale, "Jose\u0301 left.")
    assert result.record.spans == []
    assert result.lines()[-1] == (
        "left out s1 actor 'Jose' (was at 0–4): its words now run into a word: at 0 it would "
        "cut the character 'e\u0301'"
    )
    assert result.question() == "0 of 1 span would be carried, 1 left out (s1 'Jose')"


def test_non_ascii_offsets_are_code_points() -> None:
    """An emoji with its variation selector is two code points, a decomposed é two, curly
    quotes one each: the shift counts code points, never bytes or cells."""
    old = "date 2024-01-02 “Jose\u0301” said two 🕊️ doves flew; Jose\u0301 left."
    stale = record(old, [span("s1", old, "“Jose\u0301”"), span("s2", old, "🕊️ doves")])
    new = old.replace("date 2024-01-02 ", "date 2024-01-02 👩🏽‍⚕️ ")
    result = carry_over(stale, new)
    # 👩🏽‍⚕️ and a space: 6 code points before s1.
    assert places(result) == {"s1": (22, 29), "s2": (39, 47)}
    for carried in result.record.spans:
        assert new[carried.start : carried.end] == carried.text


def test_a_repeated_word_moves_with_the_spans_after_it() -> None:
    """The second 95 recurs, but it and every span after it stand moved by 9: one edit before
    them moved them all (it is the only one that leaves all of them whole)."""
    old = "Kestria freed 95 men. Norvania freed 95 men. Both said so."
    stale = record(
        old,
        [
            span("s1", old, "Kestria"),
            span("s2", old, "Norvania"),
            span("s3", old, "95", "count", nth=1),
            span("s4", old, "Both"),
        ],
    )
    result = carry_over(stale, "UPDATED: " + old)
    assert places(result) == {"s1": (9, 16), "s2": (31, 39), "s3": (46, 48), "s4": (54, 58)}


def test_a_repeated_word_with_nothing_to_tell_its_place_is_left_out() -> None:
    """Unless the old text is had back: 'Today ' taken out again gives it, and the 95 is at
    31."""
    old = "Kestria freed 95 men and 95 women."
    stale = record(old, [span("s1", old, "95", "count", nth=1)], doc_sha256=ANOTHER_TEXT)
    result = carry_over(stale, "Today " + old)
    assert result.record.spans == []
    assert result.lines() == [
        "0 of 1 span carried, 1 left out",
        "left out s1 count '95' (was at 25–27): its words recur and nothing around it tells "
        "which: 20, 31 fit",
    ]
    had_back = carry_over(record(old, [span("s1", old, "95", "count", nth=1)]), "Today " + old)
    assert places(had_back) == {"s1": (31, 33)}


def test_words_still_at_the_old_offsets_are_not_taken_as_sure() -> None:
    """Without the old text, the 95 at its old place cannot be told from the one a line added
    before it moved on: either may be the one marked (a review found the old rule kept it)."""
    old = "95 and 95"
    stale = record(old, [span("s1", old, "95", "count", nth=1)], status="in_progress")
    result = carry_over(stale, "95 and 95 and 95")
    assert [out.reason for out in result.left_out] == [
        "its words recur and nothing around it tells which: 0, 7, 14 fit"
    ]


def test_two_shifts_as_well_supported_place_nothing() -> None:
    """95 and Kestria both stand 2 and 13 code points on: neither is carried."""
    old = "95 Kestria"
    stale = record(
        old, [span("s1", old, "95", "count"), span("s2", old, "Kestria")], doc_sha256=ANOTHER_TEXT
    )
    result = carry_over(stale, "..95 Kestria 95 Kestria")
    assert result.record.spans == []
    assert [out.reason for out in result.left_out] == [
        "its words recur and nothing around it tells which: 2, 13 fit",
        "its words recur and nothing around it tells which: 5, 16 fit",
    ]


def test_a_place_inside_a_word_counts_as_a_place_its_words_fit() -> None:
    """'is' moved on by a line above, or taken away there and the 'is' of 'This' the one: a
    place inside a word fits as any other (it may be where the edit left the span), and a
    span carried there is left out."""
    old = "It is here. This"
    stale = record(old, [span("s1", old, "is")], status="in_progress", doc_sha256=ANOTHER_TEXT)
    both = carry_over(stale, "Now: " + old)
    assert [out.reason for out in both.left_out] == [
        "its words recur and nothing around it tells which: 8, 19 fit"
    ]
    inside = carry_over(stale, "Now: It's here. This")
    assert [out.reason for out in inside.left_out] == [
        "its words now run into a word: at 18 it would cut the word 'This'"
    ]


def test_a_lone_span_between_two_edits_is_carried_when_its_words_are_there_once() -> None:
    """A line added before Russia and Ukraine misspelt after it: no one edit leaves Russia
    whole, but its words are once before 146, which stands moved by 9."""
    old = "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday."
    stale = record(
        old,
        [span("s1", old, "Russia"), span("s2", old, "Ukraine"), span("s3", old, "146", "count")],
    )
    new = "date 2025-08-24 UPDATED: Russia and Ukriane swapped 146 prisoners on Sunday."
    result = carry_over(stale, new)
    assert places(result) == {"s1": (25, 31), "s3": (52, 55)}
    assert [(out.span.id, out.reason) for out in result.left_out] == [
        ("s2", "its words are no longer in the text")
    ]


def test_spans_between_two_edits_move_together_as_a_run() -> None:
    """A line added at the top and a word cut before the last two spans: the 95 and Kestria
    between the two edits recur, but together they stand at one shift there (the line's)."""
    old = "Kestria and Norvania: 95 freed, Kestria said, and many more. 95 Norvania Kestria."
    stale = record(
        old,
        [
            span("s1", old, "95", "count"),
            span("s2", old, "Kestria", nth=1),
            span("s3", old, "Norvania", nth=1),
            span("s4", old, "Kestria", nth=2),
        ],
    )
    new = "Update. " + old.replace(" many", "")
    result = carry_over(stale, new)
    assert places(result) == {"s1": (30, 32), "s2": (40, 47)}
    assert [(out.span.id, out.reason) for out in result.left_out] == [
        (
            "s3",
            "its words stand moved by 3, and so do those of a span next to it, but that span "
            "is left out (see why), so nothing confirms it: an edit there may have taken them",
        ),
        ("s4", "its words recur and nothing around it tells which: 8, 40, 76 fit"),
    ]


def test_two_neighbours_shifting_apart_leave_a_repeated_word_between_them_out() -> None:
    """Kestria's navy moved by 4 and Norvania's army by 7: the second edit is on one side of
    the 95 or the other, and the text has a 95 at both places."""
    old = "Kestria navy: 95 Norvania army"
    stale = record(
        old,
        [
            span("s1", old, "Kestria"),
            span("n", old, "navy"),
            span("s2", old, "95", "count"),
            span("s3", old, "Norvania"),
            span("a", old, "army"),
        ],
    )
    result = carry_over(stale, "New Kestria navy: 95 95 Norvania army")
    assert places(result) == {"s1": (4, 11), "n": (12, 16), "s3": (24, 32), "a": (33, 37)}
    assert [(out.span.id, out.reason) for out in result.left_out] == [
        ("s2", "its words recur and nothing around it tells which: 18, 21 fit")
    ]


def test_a_span_out_of_order_with_the_others_is_left_out() -> None:
    """Norvania's words are only after Kestria's, which one edit moved to the start: they
    cannot be the same Norvania (edits never reorder a text)."""
    old = "Norvania freed Kestria's men."
    stale = record(
        old, [span("s1", old, "Norvania"), span("s2", old, "Kestria"), span("s3", old, "'s")]
    )
    result = carry_over(stale, "Kestria's ship said Norvania freed them.")
    assert places(result) == {"s2": (0, 7), "s3": (7, 9)}
    assert result.left_out[0].reason == (
        "its words are only at 20, out of order with the spans around it"
    )


def test_of_spans_out_of_order_the_one_fewer_moved_with_is_left_out() -> None:
    """A line added at the top and the last sentence cut: Norvania's words are now only in the
    line. One edit taking the three spans before Norvania away would leave it there; the
    three moved together by the line's length are carried, and Norvania, out of order with
    them, is left out."""
    old = "Kestria said 12 men and 95 women came home. Norvania agreed."
    stale = record(
        old,
        [
            span("s1", old, "12", "count"),
            span("s2", old, "95", "count"),
            span("s3", old, "women"),
            span("s4", old, "Norvania"),
        ],
    )
    result = carry_over(stale, "Norvania: Kestria said 12 men and 95 women came home.")
    assert places(result) == {"s1": (23, 25), "s2": (34, 36), "s3": (37, 42)}
    assert [(out.span.id, out.reason) for out in result.left_out] == [
        ("s4", "its words are at 0, out of order with the spans around it")
    ]


def test_spans_on_the_same_offsets_move_together() -> None:
    old = "Kestria and Norvania."
    nested = Span(id="s3", start=0, end=7, label="releasee", text="Kestria")
    stale = record(old, [span("s1", old, "Kestria"), span("s2", old, "Norvania"), nested])
    result = carry_over(stale, "Then Kestria and Norvania.")
    assert places(result) == {"s1": (5, 12), "s3": (5, 12), "s2": (17, 25)}
    assert [s.id for s in result.record.spans] == ["s1", "s3", "s2"]  # in text order


def test_links_to_carried_spans_are_kept_and_values_are_unchanged() -> None:
    old = "Kestria freed 95 men."
    count = span("s2", old, "95", "count").model_copy(update={"value": 95})
    stale = record(
        old,
        [span("s1", old, "Kestria"), count],
        links={"releases[0].count": ["s2"], "releases[0].released_by": ["s1"]},
        note="check the count",
        flagged=True,
        seconds_spent=12.5,
    )
    result = carry_over(stale, "Today Kestria freed 95 men.")
    assert result.record.links == stale.links
    assert result.record.spans[1].value == 95
    assert (result.record.note, result.record.flagged, result.record.seconds_spent) == (
        "check the count",
        True,
        12.5,
    )
    assert result.dropped_links == ()


def test_a_skipped_record_whose_spans_did_not_move_stays_skipped() -> None:
    old = "Kestria freed 95 men."
    stale = record(old, [span("s1", old, "Kestria")], status="skipped")
    result = carry_over(stale, old + " More later.")
    assert result.record.status == "skipped"
    assert result.question() == "1 of 1 span would be carried"


@pytest.mark.parametrize("new", ["", "x"])
def test_an_empty_or_unrelated_text_leaves_every_span_out(new: str) -> None:
    result = carry_over(four(), new)
    assert result.record.spans == []
    assert [out.reason for out in result.left_out] == ["its words are no longer in the text"] * 4
    assert result.record.status == "in_progress"
