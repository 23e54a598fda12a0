"""Which span is current (the panel shows it; v, x and a label key act on it): the rule in
``span_focus.span_in_focus`` and the session's ``follow``, without a terminal."""

from __future__ import annotations

from pathlib import Path

from annotator.core.models import Record, Span, sha256_text
from annotator.core.session import AnnotationSession, open_session
from annotator.core.span_focus import span_in_focus
from annotator.core.spans import overlapping
from tests.test_session_data import fixed_now, where, write_texts

TEXT = "Kestria said it had released six wounded Norvanian soldiers, and Kestria's six"


def record_with(*spans: tuple[str, str, str]) -> Record:
    """A record of TEXT holding (id, words, label) spans, each at its words' first place."""
    return record_of(
        *(
            (span_id, TEXT.index(words), TEXT.index(words) + len(words), label)
            for span_id, words, label in spans
        )
    )


def record_of(*spans: tuple[str, int, int, str]) -> Record:
    """A record of TEXT holding (id, start, end, label) spans."""
    made = [
        Span(id=span_id, start=start, end=end, label=label, text=TEXT[start:end])
        for span_id, start, end, label in spans
    ]
    made.sort(key=lambda span: (span.start, span.end))
    return Record(
        schema_version=1,
        doc_id="d",
        doc_sha256=sha256_text(TEXT),
        annotator="alice",
        status="in_progress",
        spans=made,
    )


SIX = TEXT.index("six")
SOLDIERS_END = TEXT.index(",")
NESTED = record_with(
    ("s1", "six wounded Norvanian soldiers", "releasee"),
    ("s2", "six", "count"),
    ("s3", "Kestria", "actor"),
)


def focus(record: Record, start: int, end: int, kept: str | None = None) -> str | None:
    """The current span's id for a selection start..end with the cursor at ``end``."""
    span = span_in_focus(record, [(start, end)], end, kept)
    return span.id if span is not None else None


def test_a_selection_that_is_exactly_a_span_makes_it_current() -> None:
    # The cursor, at the selection's end (end exclusive), is just outside the span.
    assert focus(NESTED, 0, len("Kestria")) == "s3"
    assert focus(NESTED, SIX, SIX + 3, kept="s1") == "s2"
    assert focus(NESTED, SIX, SOLDIERS_END, kept="s2") == "s1"


def test_a_selection_matching_no_span_falls_back_to_the_cursor() -> None:
    assert focus(NESTED, SIX, SIX + 7) == "s1"  # "six wou": the cursor is inside s1
    assert focus(NESTED, 8, 12) is None  # "said": nothing there


def test_the_span_just_labelled_stays_current_with_the_cursor_at_its_end() -> None:
    # After labelling "six" inside s1, the cursor is left at its end, inside s1.
    assert focus(NESTED, SIX + 3, SIX + 3, kept="s2") == "s2"
    # Without it being the current one, the cursor there is in s1 only.
    assert focus(NESTED, SIX + 3, SIX + 3) == "s1"
    # One character further, the cursor has left it.
    assert focus(NESTED, SIX + 4, SIX + 4, kept="s2") == "s1"


def test_a_span_beginning_where_the_current_one_ends_takes_over() -> None:
    # "Kestria" and "'s" touch: moving right off the first puts the cursor on the second.
    second = TEXT.index("Kestria's")
    touching = record_of(
        ("s1", second, second + 7, "actor"), ("s2", second + 7, second + 9, "actor")
    )
    assert focus(touching, second + 7, second + 7, kept="s1") == "s2"
    alone = record_of(("s1", second, second + 7, "actor"))
    assert focus(alone, second + 7, second + 7, kept="s1") == "s1"


def test_the_current_span_is_kept_at_its_start_even_where_a_nested_span_starts() -> None:
    # tab to the outer span puts the cursor at its start, where "six" starts too.
    assert focus(NESTED, SIX, SIX, kept="s1") == "s1"
    assert focus(NESTED, SIX, SIX) == "s2"  # innermost first otherwise


def test_a_cursor_just_after_a_lone_span_still_names_it() -> None:
    lone = record_with(("s1", "soldiers", "releasee"))
    assert focus(lone, SOLDIERS_END, SOLDIERS_END) == "s1"


def test_session_follow_snaps_the_selection_and_remembers_the_span(tmp_path: Path) -> None:
    session: AnnotationSession = open_session(
        write_texts(tmp_path), "alice", None, tmp_path / "out", now=fixed_now
    )
    try:
        session.open("a")
        outer = session.label_selection(*where(session, "146 prisoners"), "releasee")
        inner = session.label_selection(*where(session, "146"), "count")
        assert session.selected == inner.id
        # The screen leaves the cursor at the new span's end: it stays current.
        end = where(session, "146")[1]
        assert session.follow(end, end, end) == inner
        # A drag over "146 " (a space too) names the span its words are.
        start = where(session, "146")[0]
        assert session.follow(start, start + 4, start + 4) == inner
        # A drag over " 146 prisoners " names the span it covers once snapped.
        low, high = where(session, " 146 prisoners ")
        assert session.follow(low, high, high) == outer
        assert session.follow(high, high, high) is None
        assert session.selected is None
    finally:
        session.close()


def test_the_spans_sharing_a_character_with_the_current_one_say_how_they_lie() -> None:
    record = record_of(
        ("s1", SIX, SOLDIERS_END, "releasee"),  # six wounded Norvanian soldiers
        ("s2", SIX, SIX + 3, "count"),  # six
        ("s3", SIX + 4, SOLDIERS_END + 5, "actor"),  # across the end of s1
        ("s4", SIX, SOLDIERS_END, "actor"),  # the very place of s1
        ("s5", 0, 7, "actor"),  # Kestria: apart
    )

    def lies(span_id: str) -> list[tuple[str, str]]:
        span = record.span_by_id(span_id)
        assert span is not None
        return [(where, other.id) for where, other in overlapping(record, span)]

    # The outer span lists the one inside it, though the cursor may be nowhere near it.
    assert lies("s1") == [("inside", "s2"), ("around", "s4"), ("overlapping", "s3")]
    assert lies("s2") == [("around", "s4"), ("around", "s1")]  # by place, then label
    assert lies("s5") == []
