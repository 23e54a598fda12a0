"""Which span a label key relabels (``span_focus.span_to_relabel``): the panel's readout names
it and ``label_selection`` acts on it, by one rule. A trial tabbed from the count "303" to the
releasee "303 people" around it (both begin at one offset): the readout went on naming the
count, and 1 relabelled the releasee."""

from __future__ import annotations

from pathlib import Path

from annotator.core.session import AnnotationSession, open_session
from annotator.core.span_focus import span_to_relabel
from tests.test_session_data import fixed_now, where, write_texts
from tests.test_spans_focus import NESTED, SIX, SOLDIERS_END, record_of


def relabels(
    selection: tuple[int, int], snapped: tuple[int, int] | None, current: str | None
) -> str | None:
    span = span_to_relabel(NESTED, selection, snapped, current)
    return span.id if span is not None else None


def test_with_nothing_selected_the_current_span_is_relabelled_whichever_is_innermost() -> None:
    # s1 "six wounded Norvanian soldiers" and s2 "six" both begin at SIX.
    assert relabels((SIX, SIX), None, "s1") == "s1"
    assert relabels((SIX, SIX), None, "s2") == "s2"
    assert relabels((SIX, SIX), None, None) is None
    assert relabels((SIX, SIX), None, "s9") is None  # gone (deleted): nothing to relabel


def test_with_a_selection_the_one_span_it_snaps_to_exactly_is_relabelled() -> None:
    # The current span does not count: the key acts on the selection's words.
    assert relabels((SIX, SIX + 4), (SIX, SIX + 3), "s1") == "s2"
    assert relabels((SIX - 1, SOLDIERS_END + 1), (SIX, SOLDIERS_END), "s2") == "s1"
    assert relabels((SIX, SIX + 11), (SIX, SIX + 11), "s1") is None  # "six wounded": new span
    assert relabels((SIX, SIX + 1), None, "s1") is None  # no words to label in it


def test_two_spans_at_the_snapped_selection_leave_none_to_relabel() -> None:
    twice = record_of(("s1", SIX, SIX + 3, "count"), ("s2", SIX, SIX + 3, "actor"))
    assert span_to_relabel(twice, (SIX, SIX + 3), (SIX, SIX + 3), "s1") is None


def test_the_session_relabels_the_span_it_names_after_a_step_to_the_outer_span(
    tmp_path: Path,
) -> None:
    session: AnnotationSession = open_session(
        write_texts(tmp_path), "alice", None, tmp_path / "out", now=fixed_now
    )
    try:
        session.open("a")
        outer = session.label_selection(*where(session, "146 prisoners"), "releasee")
        inner = session.label_selection(*where(session, "146"), "count")
        start = outer.start
        # A tab from the count to the releasee: the cursor stays at their one start.
        assert session.step_span(start, forward=False) == outer
        assert session.follow(start, start, start) == outer
        assert session.span_to_relabel(start, start) == outer
        relabelled = session.label_selection(start, start, "actor")
        assert (relabelled.id, relabelled.label) == (outer.id, "actor")
        kept = session.span(inner.id)
        assert kept is not None and kept.label == "count"
        # With "146" selected, the key names and relabels the count.
        assert session.span_to_relabel(*where(session, "146")) == kept
    finally:
        session.close()
