"""Which span is at hand for ctrl+l (``span_to_fill``: the list highlights it) and which the
list offers (``spans_to_fill``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from annotator.core.session_edits import Refused
from tests.test_session_data import open_on
from tests.test_session_selection_fill import TEXT, follow, label, with_a_release


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def test_a_span_of_the_label_at_the_cursor_is_at_hand(session: AnnotationSession) -> None:
    kestria = label(session, "Kestria", "actor")
    label(session, "Ulmaria", "actor")
    with_a_release(session)
    session.selected = kestria
    span = session.span_to_fill("releases[0].released_by")
    assert span is not None and span.id == kestria


def test_nothing_at_hand_offers_the_spans_of_the_label_in_text_order(
    session: AnnotationSession,
) -> None:
    ulmaria = label(session, "Ulmaria", "actor")
    kestria = label(session, "Kestria", "actor")
    label(session, "95", "count")
    with_a_release(session)
    session.selected = None
    assert session.span_to_fill("releases[0].released_by") is None
    assert [s.id for s in session.spans_to_fill("releases[0].released_by")] == [kestria, ulmaria]
    assert [s.text for s in session.spans_to_fill("releases[0].count")] == ["95"]


def test_a_span_of_another_label_at_the_cursor_is_not_at_hand(
    session: AnnotationSession,
) -> None:
    label(session, "Kestria", "actor")
    count = label(session, "95", "count")
    with_a_release(session)
    session.selected = count
    assert session.span_to_fill("releases[0].released_by") is None


def test_a_list_offers_the_spans_it_holds_too_and_refuses_them(
    session: AnnotationSession,
) -> None:
    soldiers = label(session, "Norvanian soldiers", "releasee")
    with_a_release(session)
    session.fill_from_span("releases[0].releasees", soldiers)
    assert [s.id for s in session.spans_to_fill("releases[0].releasees")] == [soldiers]
    with pytest.raises(Refused, match="already"):
        session.fill_from_span("releases[0].releasees", soldiers)


def test_a_selection_with_two_spans_of_the_label_is_refused(session: AnnotationSession) -> None:
    label(session, "Kestria", "actor")
    label(session, "Ulmaria", "actor")
    with_a_release(session)
    selection = follow(session, "Kestria said 95 Norvanian soldiers were returned to Ulmaria")
    with pytest.raises(Refused, match="the selection holds 2 actor spans"):
        session.span_to_fill("releases[0].released_by", selection)


def test_a_field_not_filled_from_spans_is_refused(session: AnnotationSession) -> None:
    with pytest.raises(Refused, match="event_type is not filled from spans; type its value"):
        session.span_to_fill("event_type")
