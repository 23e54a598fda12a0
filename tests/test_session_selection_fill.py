"""A user trial of the annotation session, without a terminal: ctrl+l, ctrl+t and ctrl+n take
the span inside the article's selection (the cursor sits at its end, after its words), and a
relabel says what it did as a delete does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession
from annotator.core.session_edits import Refused
from tests.test_session_data import journal_lines, open_on, where

TEXT = (
    "date 2024-03-17 Kestria said 95 Norvanian soldiers were returned to Ulmaria on Sunday "
    "through Vellmark.\n"
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from open_on(tmp_path, TEXT)


def label(session: AnnotationSession, words: str, name: str) -> str:
    return session.label_selection(*where(session, words), name).id


def with_a_release(session: AnnotationSession) -> None:
    session.add_group_item("releases")
    session.take_notices()


def follow(session: AnnotationSession, words: str) -> tuple[int, int]:
    """Select ``words`` in the article as a search does (the cursor at their end)."""
    start, end = where(session, words)
    session.follow(start, end, end)
    return start, end


def test_ctrl_l_fills_from_the_span_inside_the_selection(session: AnnotationSession) -> None:
    actor = label(session, "Kestria", "actor")
    with_a_release(session)
    selection = follow(session, "Kestria said")
    assert session.selected is None  # nothing at the cursor, after "said"
    session.fill_from_span("releases[0].released_by", selection=selection)
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["released_by"] == "Kestria"
    assert line["links"] == {"releases[0].released_by": [actor]}


def test_a_selection_that_is_a_span_exactly_gives_that_span(session: AnnotationSession) -> None:
    actor = label(session, "Vellmark", "actor")
    with_a_release(session)
    session.link_span("releases[0].received_by", selection=follow(session, "Vellmark"))
    assert journal_lines(session)[-1]["links"] == {"releases[0].received_by": [actor]}


def test_a_selection_snapped_to_words_counts(session: AnnotationSession) -> None:
    actor = label(session, "Kestria", "actor")
    with_a_release(session)
    start, end = where(session, "estria sa")  # a drag that started inside the name
    session.fill_from_span("releases[0].released_by", selection=(start, end))
    assert journal_lines(session)[-1]["links"] == {"releases[0].released_by": [actor]}


def test_several_spans_of_the_field_s_label_in_the_selection_are_named_and_none_taken(
    session: AnnotationSession,
) -> None:
    ulmaria = label(session, "Ulmaria", "actor")
    vellmark = label(session, "Vellmark", "actor")
    with_a_release(session)
    lines = len(journal_lines(session))
    selection = follow(session, "Ulmaria on Sunday through Vellmark")
    with pytest.raises(Refused) as refused:
        session.fill_from_span("releases[0].released_by", selection=selection)
    assert str(refused.value) == (
        f"the selection holds 2 actor spans, {ulmaria} (actor 'Ulmaria'), {vellmark} "
        "(actor 'Vellmark'): select just the one for releases #1 released_by (or put the "
        "cursor on it)"
    )
    with pytest.raises(Refused):
        session.link_span("releases[0].released_by", selection=selection)
    assert len(journal_lines(session)) == lines


def test_spans_of_other_labels_in_the_selection_do_not_count(session: AnnotationSession) -> None:
    """'95 Norvanian' holds the count 95 and begins the releasee '95 Norvanian soldiers': the
    count field takes the count, the releasees field the releasee (at the cursor)."""
    releasee = label(session, "95 Norvanian soldiers", "releasee")
    count = label(session, "95", "count")
    label(session, "Kestria", "actor")
    with_a_release(session)
    selection = follow(session, "Kestria said 95 Norvanian")
    session.fill_from_span("releases[0].count", selection=selection)
    session.fill_from_span("releases[0].releasees", selection=selection)
    line = journal_lines(session)[-1]
    assert line["form"]["releases"][0]["count"] == 95
    assert line["form"]["releases"][0]["releasees"] == ["95 Norvanian soldiers"]
    assert line["links"]["releases[0].count"] == [count]
    assert line["links"]["releases[0].releasees"] == [releasee]


def test_without_a_selection_the_span_at_the_cursor_is_taken_as_before(
    session: AnnotationSession,
) -> None:
    label(session, "95 Norvanian soldiers", "releasee")
    count = label(session, "95", "count")
    with_a_release(session)
    session.selected = None
    start = where(session, "95")[0]
    session.follow(start, start, start)
    session.fill_from_span("releases[0].count", selection=(start, start))
    assert journal_lines(session)[-1]["links"] == {"releases[0].count": [count]}


def test_ctrl_n_unlinks_the_span_inside_the_selection(session: AnnotationSession) -> None:
    kestria = label(session, "Kestria", "actor")
    vellmark = label(session, "Vellmark", "actor")
    with_a_release(session)
    session.fill_from_span("releases[0].released_by", kestria)
    session.link_span("releases[0].released_by", vellmark)
    session.selected = None
    assert session.unlink("releases[0].released_by", follow(session, "Kestria said")) == [kestria]
    assert journal_lines(session)[-1]["links"] == {"releases[0].released_by": [vellmark]}


def test_a_relabel_says_what_it_did(session: AnnotationSession) -> None:
    vellmark = label(session, "Vellmark", "actor")
    session.take_notices()
    start = where(session, "Vellmark")[0] + 2
    session.follow(start, start, start)
    session.label_selection(start, start, "releasee")
    assert session.take_notices() == [f"relabelled {vellmark} 'Vellmark' actor → releasee"]


def test_a_relabel_to_a_label_with_a_value_none_could_be_read_for_says_v_sets_it(
    session: AnnotationSession,
) -> None:
    vellmark = label(session, "Vellmark", "actor")
    session.take_notices()
    start = where(session, "Vellmark")[0]
    session.follow(start, start, start)
    session.label_selection(start, start, "count")
    # Why, as labelling says it (value_unread).
    assert session.take_notices() == [
        f"relabelled {vellmark} 'Vellmark' actor → count",
        f"{vellmark} 'Vellmark': no value: no number read in its words (counts are read in "
        "digits and English words: 146, forty-one); v sets it",
    ]
    assert journal_lines(session)[-1]["spans"][0]["value"] is None


def test_a_relabel_that_reads_a_value_does_not_ask_for_one(session: AnnotationSession) -> None:
    sunday = label(session, "Sunday", "actor")
    session.take_notices()
    session.label_selection(*where(session, "Sunday"), "date")  # the same words: a relabel
    assert session.take_notices() == [f"relabelled {sunday} 'Sunday' actor → date"]
    assert journal_lines(session)[-1]["spans"][0]["value"] == "2024-03-17"
