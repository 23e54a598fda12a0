"""Carrying a stale record over to a changed text (annotator.core.carry_over)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.carry_over import DroppedLink, carry_over
from annotator.core.models import Record, Span, sha256_text

OLD = "date 2024-03-17 Norvania and Kestria exchanged 95 prisoners; Kestria said 95 came home."


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
    new = OLD.replace("came home", "came home on Monday")
    result = carry_over(four(), new)
    assert places(result) == {"s1": (16, 24), "s2": (29, 36), "s3": (47, 49), "s4": (61, 68)}
    assert result.unchanged and not result.moved and not result.left_out
    assert result.record.status == "done"
    assert result.record.doc_sha256 == sha256_text(new)
    assert result.lines() == ["4 of 4 spans carried"]


def test_text_inserted_before_the_spans_moves_them_all() -> None:
    new = OLD.replace("date 2024-03-17 ", "date 2024-03-17 UPDATED: ")
    result = carry_over(four(), new)
    assert places(result) == {"s1": (25, 33), "s2": (38, 45), "s3": (56, 58), "s4": (70, 77)}
    assert [s.text for s in result.record.spans] == ["Norvania", "Kestria", "95", "Kestria"]
    assert result.record.status == "in_progress"  # the annotator should look again
    assert result.lines() == [
        "4 of 4 spans carried (4 moved)",
        "moved s1 'Norvania' from 16 to 25",
        "moved s2 'Kestria' from 29 to 38",
        "moved s3 '95' from 47 to 56",
        "moved s4 'Kestria' from 61 to 70",
    ]


def test_text_deleted_between_spans_moves_only_those_after_it() -> None:
    new = OLD.replace(" prisoners;", ";")
    result = carry_over(four(), new)
    assert places(result) == {"s1": (16, 24), "s2": (29, 36), "s3": (47, 49), "s4": (51, 58)}
    assert [s.id for s in result.kept] == ["s1", "s2", "s3"]
    assert [(m.span.id, m.old_start, m.old_end) for m in result.moved] == [("s4", 61, 68)]


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
    stale = four()
    new = OLD.replace("Norvania", "Norv ania")
    result = carry_over(stale, new)
    assert [out.span.id for out in result.left_out] == ["s1"]
    assert places(result) == {"s2": (30, 37), "s3": (48, 50), "s4": (62, 69)}


def test_non_ascii_offsets_are_code_points() -> None:
    """An emoji with its variation selector is two code points, a decomposed é two, curly
    quotes one each: the shift counts code points, never bytes or cells."""
    old = "date 2024-01-02 “Jose\u0301” said two 🕊️ doves flew; Jose\u0301 left."
    stale = record(
        old,
        [
            span("s1", old, "“Jose\u0301”"),
            span("s2", old, "🕊️ doves"),
            span("s3", old, "Jose\u0301", nth=1),
        ],
    )
    new = old.replace("date 2024-01-02 ", "date 2024-01-02 👩🏽‍⚕️ ").replace(" flew;", " flew 🕊️;")
    result = carry_over(stale, new)
    # 👩🏽‍⚕️ and a space: 6 code points before s1; then 3 more before s3 (" 🕊️").
    assert places(result) == {"s1": (22, 29), "s2": (39, 47), "s3": (57, 62)}
    for carried in result.record.spans:
        assert new[carried.start : carried.end] == carried.text


def test_a_combining_mark_after_a_span_keeps_it_and_names_it() -> None:
    old = "Jose left."
    stale = record(old, [span("s1", old, "Jose")], status="in_progress")
    result = carry_over(stale, "Jose\u0301 left.")
    assert places(result) == {"s1": (0, 4)}
    assert result.unchanged
    assert [s.id for s in result.in_words] == ["s1"]
    assert result.lines()[-1] == "s1 'Jose' at 0 cuts into a word here: look at it"


def test_a_letter_added_to_a_span_s_word_is_named() -> None:
    """Norvania became Norvanian: the span's words still stand at its offsets."""
    new = OLD.replace("Norvania and", "Norvanian and")
    result = carry_over(four(), new)
    assert places(result)["s1"] == (16, 24)
    assert [s.id for s in result.in_words] == ["s1"]


def test_a_repeated_word_is_placed_by_the_shift_of_its_neighbours() -> None:
    """The second 95 has two places in its window; the unique spans around it moved by 9."""
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
    new = "UPDATED: " + old
    result = carry_over(stale, new)
    assert places(result) == {"s1": (9, 16), "s2": (31, 39), "s3": (46, 48), "s4": (54, 58)}


def test_a_repeated_word_with_nothing_to_tell_its_place_is_left_out() -> None:
    old = "Kestria freed 95 men and 95 women."
    stale = record(old, [span("s1", old, "95", "count", nth=1)])
    result = carry_over(stale, "Today " + old)
    assert result.record.spans == []
    assert result.lines() == [
        "0 of 1 span carried, 1 left out",
        "left out s1 count '95' (was at 25–27): 2 places fit (20, 31): which one is not sure",
    ]


def test_repeated_words_all_moved_by_a_line_added_at_the_top_move_by_the_shared_shift() -> None:
    """Every span's words recur and none stayed: the one shift that both places of words have
    a candidate at places them (a trial's first carry over left all four out)."""
    old = "Kestria freed 95 men. Kestria and Norvania: 95 more, Norvania said."
    stale = record(
        old,
        [span("s1", old, "95", "count"), span("s2", old, "Norvania"), span("s3", old, "Kestria")],
    )
    new = "(Updated.) " + old
    result = carry_over(stale, new)
    assert places(result) == {"s1": (25, 27), "s2": (45, 53), "s3": (11, 18)}


def test_two_shifts_as_well_supported_place_nothing() -> None:
    """95 and Kestria each have a candidate 2 and 13 code points on: two shifts with both
    spans behind each, so neither span is placed."""
    old = "95 Kestria"
    stale = record(old, [span("s1", old, "95", "count"), span("s2", old, "Kestria")])
    result = carry_over(stale, "..95 Kestria 95 Kestria")
    assert result.record.spans == []
    assert [out.reason for out in result.left_out] == [
        "2 places fit (2, 13): which one is not sure",
        "2 places fit (5, 16): which one is not sure",
    ]


def test_a_place_inside_a_word_is_a_candidate_only_when_all_are() -> None:
    """'is' moved on by a line above: 'This' holds it too, in the window, but 'is' was a
    word; with only places inside words left, one of them is taken and named."""
    old = "It is here. This"
    stale = record(old, [span("s1", old, "is")], status="in_progress")
    result = carry_over(stale, "Now: " + old)
    assert places(result) == {"s1": (8, 10)}
    assert result.in_words == ()
    inside = carry_over(stale, "Now: It's here. This")
    assert places(inside) == {"s1": (18, 20)}
    assert [s.id for s in inside.in_words] == ["s1"]


def test_two_neighbours_shifting_apart_leave_a_repeated_word_between_them_out() -> None:
    """Kestria moved by 4 and Norvania by 7: the edit is on one side of the 95 or the other,
    and the text has a 95 at both places."""
    old = "Kestria: 95 Norvania"
    stale = record(
        old,
        [span("s1", old, "Kestria"), span("s2", old, "95", "count"), span("s3", old, "Norvania")],
    )
    new = "New Kestria: 95 95 Norvania"
    result = carry_over(stale, new)
    assert places(result) == {"s1": (4, 11), "s3": (19, 27)}
    assert [(out.span.id, out.reason) for out in result.left_out] == [
        ("s2", "2 places fit (13, 16): which one is not sure")
    ]


def test_words_now_only_before_a_span_that_stayed_are_left_out() -> None:
    old = "Norvania freed Kestria's men."
    stale = record(old, [span("s1", old, "Norvania"), span("s2", old, "Kestria")])
    new = "Kestria said Norvania freed them."
    result = carry_over(stale, new)
    assert places(result) == {"s1": (13, 21)}
    assert result.left_out[0].reason == (
        "its words are only at 0, out of order with the spans around it"
    )


def test_words_still_at_the_old_offsets_stay_there() -> None:
    """The documented rule: the old offsets first. Without the old text, 95 at its old place
    is taken as the same 95 (the one moved away cannot be told from it)."""
    old = "95 and 95"
    stale = record(old, [span("s1", old, "95", "count", nth=1)], status="in_progress")
    result = carry_over(stale, "95 and 95 and 95")
    assert places(result) == {"s1": (7, 9)}
    assert result.unchanged


def test_spans_on_the_same_words_move_together() -> None:
    old = "Kestria and Kestria."
    nested = Span(id="s3", start=0, end=7, label="releasee", text="Kestria")
    stale = record(old, [span("s1", old, "Kestria"), span("s2", old, "Kestria", nth=1), nested])
    result = carry_over(stale, "Then Kestria and Kestria.")
    assert places(result) == {"s1": (5, 12), "s3": (5, 12), "s2": (17, 24)}
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
    assert carry_over(stale, old + " More later.").record.status == "skipped"


# ---------------------------------------------------------------- property: edits away from spans
FILLER = st.text(alphabet="ab .,\n“”’é\u0301🕊\ufe0f👩🏽\u200d⚕", max_size=12)


@st.composite
def marked_texts(draw: st.DrawFn) -> tuple[str, list[Span]]:
    """A text of filler and markers ⟨0⟩, ⟨1⟩…, each marker's words unique in it; spans on
    markers (some on two markers and the filler between)."""
    count = draw(st.integers(min_value=1, max_value=6))
    pieces = [draw(FILLER)]
    starts = []
    for index in range(count):
        starts.append(sum(len(piece) for piece in pieces))
        pieces += [f"⟨{index}⟩", draw(FILLER)]
    text = "".join(pieces)
    ends = [start + len(f"⟨{index}⟩") for index, start in enumerate(starts)]
    spans = []
    for index in range(count):
        last = draw(st.sampled_from([index, min(index + 1, count - 1)]))
        start, end = starts[index], ends[last]
        spans.append(
            Span(id=f"s{index}", start=start, end=end, label="actor", text=text[start:end])
        )
    return text, spans


@settings(max_examples=300, deadline=None)
@given(marked_texts(), st.data())
def test_edits_away_from_spans_carry_every_span_to_its_place(
    marked: tuple[str, list[Span]], data: st.DataObject
) -> None:
    text, spans = marked
    # Where edits may go: the gaps between spans (a span's own edges included).
    new, where = text, {s.id: s.start for s in spans}
    for _ in range(data.draw(st.integers(min_value=1, max_value=4))):
        gaps = [i for i in range(len(new) + 1) if _free(new, where, spans, i)]
        at = data.draw(st.sampled_from(gaps))
        longest = 0
        while at + longest < len(new) and _free(new, where, spans, at + longest + 1):
            longest += 1
        removed = data.draw(st.integers(min_value=0, max_value=longest))
        inserted = data.draw(FILLER)
        new = new[:at] + inserted + new[at + removed :]
        where = {
            i: (s + len(inserted) - removed if s >= at + removed else s) for i, s in where.items()
        }
    result = carry_over(record(text, spans), new)
    assert not result.left_out
    assert places(result) == {s.id: (where[s.id], where[s.id] + len(s.text)) for s in spans}
    for carried in result.record.spans:
        assert new[carried.start : carried.end] == carried.text


def _free(text: str, where: dict[str, int], spans: list[Span], index: int) -> bool:
    """Whether an edit may start at (or take the character before) ``index``: not inside a
    span (its edges are free)."""
    return all(not (where[s.id] < index < where[s.id] + len(s.text)) for s in spans)


@settings(max_examples=300, deadline=None)
@given(marked_texts(), st.data())
def test_any_edit_carries_spans_only_onto_their_words(
    marked: tuple[str, list[Span]], data: st.DataObject
) -> None:
    """Edits anywhere, spans' words repeated: a span carried stands on its words, and every
    span is either carried or left out with a reason."""
    text, spans = marked
    spans = [*spans, Span(id="sx", start=0, end=1, label="actor", text=text[0])] if text else spans
    at = data.draw(st.integers(min_value=0, max_value=len(text)))
    removed = data.draw(st.integers(min_value=0, max_value=len(text) - at))
    inserted = data.draw(st.sampled_from(["", "⟨0⟩", "⟨1⟩ a", text[:3]]))
    new = text[:at] + inserted + text[at + removed :]
    result = carry_over(record(text, spans), new)
    assert {s.id for s in result.record.spans} | {o.span.id for o in result.left_out} == {
        s.id for s in spans
    }
    assert all(out.reason for out in result.left_out)
    for carried in result.record.spans:
        assert new[carried.start : carried.end] == carried.text


@pytest.mark.parametrize("new", ["", "x"])
def test_an_empty_or_unrelated_text_leaves_every_span_out(new: str) -> None:
    result = carry_over(four(), new)
    assert result.record.spans == []
    assert len(result.left_out) == 4
    assert result.record.status == "in_progress"
