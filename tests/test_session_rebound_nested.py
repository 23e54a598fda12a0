"""r with a span nested inside another (a count inside its releasee): which span the selection
re-bounds. A trial's r could not grow "38 seriously wounded Ternovan soldiers" past its end
while "38" sat inside it, and tab to it first did not help."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, Refused
from annotator.core.span_focus import span_to_rebound
from tests.test_session_data import open_on, where
from tests.test_spans_focus import TEXT as SPANS_TEXT
from tests.test_spans_focus import record_with

TEXT = (
    "date 2024-06-04 Balkor handed over 38 seriously wounded Ternovan soldiers at the Hollin "
    "Bridge checkpoint on Tuesday.\n"
)
OUTER = "38 seriously wounded Ternovan soldiers"
GROWN = "38 seriously wounded Ternovan soldiers at the Hollin Bridge checkpoint"


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def nested(session: AnnotationSession) -> tuple[str, str]:
    """The releasee and the count inside it, as in 11-ternova (ids s1, s2)."""
    outer = session.label_selection(*where(session, OUTER), "releasee")
    inner = session.label_selection(*where(session, "38"), "count")
    return outer.id, inner.id


def grow(session: AnnotationSession, words: str) -> tuple[int, int]:
    """Select ``words`` from their start, one word a step, as ctrl+shift+right does (the screen
    follows each step), and return the selection."""
    start, end = where(session, words)
    session.follow(start, start, start)
    step = start
    while step < end:
        space = session.text.find(" ", step + 1)
        step = end if space == -1 or space > end else space
        session.follow(start, step, step)
    return start, end


def test_with_no_current_span_r_grows_the_outer_span_the_selection_holds(
    session: AnnotationSession,
) -> None:
    outer, inner = nested(session)
    session.selected = None  # a search moved the cursor off both
    moved = session.rebound(*where(session, GROWN))
    assert (moved.id, moved.text) == (outer, GROWN)
    assert session.span(inner) is not None and session.span(inner).text == "38"  # type: ignore[union-attr]
    assert session.selected == outer


def test_tab_to_the_outer_span_then_growing_the_selection_keeps_it_current(
    session: AnnotationSession,
) -> None:
    outer, _inner = nested(session)
    start = where(session, OUTER)[0]
    session.follow(start, start, start)
    assert session.step_span(start) is not None and session.selected == outer  # tab: s2 → s1
    grow(session, GROWN)
    assert session.selected == outer  # the panel shows it throughout
    moved = session.rebound(*where(session, GROWN))
    assert (moved.id, moved.text) == (outer, GROWN)


def test_tab_to_the_inner_span_then_growing_the_selection_grows_it(
    session: AnnotationSession,
) -> None:
    outer, inner = nested(session)
    session.selected = outer
    start = where(session, OUTER)[0]
    session.follow(start, start, start)
    assert session.step_span(start) is not None and session.selected == inner
    grow(session, "38 seriously")
    assert session.selected == inner
    moved = session.rebound(*where(session, "38 seriously"))
    assert (moved.id, moved.text) == (inner, "38 seriously")
    assert session.span(outer).text == OUTER  # type: ignore[union-attr]


def test_a_selection_made_elsewhere_does_not_keep_the_span_current_before_it(
    session: AnnotationSession,
) -> None:
    nested(session)
    session.follow(0, 0, 0)  # the cursor rests at the start, no span there
    low, high = where(session, "Hollin Bridge")
    assert session.follow(low, high, high) is None  # a search's match, made at once


def test_the_choice_without_a_current_span() -> None:
    record = record_with(
        ("s1", "six wounded Norvanian soldiers", "releasee"),
        ("s2", "six", "count"),
        ("s3", "wounded Norvanian", "releasee"),
        ("s4", "Norvanian soldiers", "actor"),
    )

    def chosen(words: str) -> str | None:
        start = SPANS_TEXT.index(words)
        span = span_to_rebound(record, start, start + len(words))
        return None if span is None else span.id

    # Holding s1 whole (and s2, s3, s4 in it): the outermost.
    assert chosen("six wounded Norvanian soldiers, and") == "s1"
    # Starting in s1 and s2, s1 around s2: s1, which covers the selection's start.
    assert chosen("six wounded") == "s1"
    # Holding s2 whole and ending inside s1: s2, the one it holds.
    assert chosen("released six") == "s2"
    # Covering its start: s1 and s3; held whole: s4; s1 is around the others.
    assert chosen("Norvanian soldiers, and") == "s1"

    # Holding s3 and s4 whole, neither around the other: once s1 goes, nothing covers its
    # start, and which one is meant cannot be told.
    assert chosen("wounded Norvanian soldiers, and") == "s1"
    record = record.model_copy(update={"spans": [s for s in record.spans if s.id != "s1"]})
    assert chosen("wounded Norvanian soldiers, and") is None


def test_a_truly_ambiguous_selection_is_refused_saying_how_to_choose(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "Ternovan soldiers"), "releasee")
    session.label_selection(*where(session, "wounded Ternovan"), "releasee")
    session.selected = None
    before = session.record
    with pytest.raises(Refused) as refused:
        session.rebound(*where(session, "seriously wounded Ternovan soldiers at"))
    assert str(refused.value) == (
        "r: which span? The selection overlaps s2 (releasee 'wounded Ternovan'), s1 (releasee "
        "'Ternovan soldiers'); tab until the panel shows the one to re-bound, select from its "
        "start, then press r"
    )
    assert session.record == before
