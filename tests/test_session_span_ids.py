"""A span's id is never given again within a document: links, undo messages, diff output and
reviewers' notes name spans by id, and s3 freed by x went to the next span drawn. Undo gives a
span back its own id. (Across sessions only the record as stored is known: ``_new_span_id``.)"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, Refused
from tests.test_session_data import (
    alice_on_a,
    journal_lines,
    open_alice_on,
    where,
    write_texts,
)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    yield from alice_on_a(tmp_path)


def ids(session: AnnotationSession) -> list[tuple[str, str]]:
    return [(span.id, span.text) for span in session.record.spans]


def label_three(session: AnnotationSession) -> None:
    for word, label in (("Russia", "actor"), ("Ukraine", "actor"), ("146", "count")):
        session.label_selection(*where(session, word), label)
    assert ids(session) == [("s1", "Russia"), ("s2", "Ukraine"), ("s3", "146")]


def test_the_id_x_freed_is_not_given_to_the_next_span(session: AnnotationSession) -> None:
    label_three(session)
    session.delete("s3")
    drawn = session.label_selection(*where(session, "Sunday"), "date")
    assert drawn.id == "s4"
    assert ids(session) == [("s1", "Russia"), ("s2", "Ukraine"), ("s4", "Sunday")]
    assert [s["id"] for s in journal_lines(session)[-1]["spans"]] == ["s1", "s2", "s4"]


def test_undo_of_x_gives_the_span_its_own_id(session: AnnotationSession) -> None:
    label_three(session)
    session.delete("s3")
    session.label_selection(*where(session, "Sunday"), "date")  # s4
    session.undo()  # the label: s4 is gone
    step = session.undo()  # the x: s3 is back
    assert step is not None and "s3" in step.text
    assert ids(session) == [("s1", "Russia"), ("s2", "Ukraine"), ("s3", "146")]
    # Drawn again, a span gets neither s3 (back) nor s4 (named by the undo message).
    assert session.label_selection(*where(session, "Sunday"), "date").id == "s5"


def test_a_label_undone_leaves_its_id_taken_and_redo_brings_it_back(
    session: AnnotationSession,
) -> None:
    session.label_selection(*where(session, "Russia"), "actor")
    step = session.undo()
    assert step is not None and step.text == "label s1 actor 'Russia' (s1 is gone)"
    session.redo()
    assert ids(session) == [("s1", "Russia")]  # the same span, its own id
    session.undo()
    assert session.label_selection(*where(session, "Ukraine"), "actor").id == "s2"


def test_a_label_refused_takes_no_id(session: AnnotationSession) -> None:
    session.label_selection(*where(session, "Russia"), "actor")
    with pytest.raises(Refused, match="already labelled actor"):
        session.label_selection(*where(session, "Russia"), "actor")
    assert session.label_selection(*where(session, "Ukraine"), "actor").id == "s2"


def test_ids_are_each_documents_own(session: AnnotationSession) -> None:
    label_three(session)
    session.delete("s3")
    session.open("b")
    assert session.label_selection(*where(session, "Norvania"), "actor").id == "s1"
    session.open("a")
    assert session.label_selection(*where(session, "Sunday"), "date").id == "s4"


def test_an_id_the_stored_record_held_is_not_given_again_after_its_span_is_deleted(
    tmp_path: Path,
) -> None:
    corpus = write_texts(tmp_path)
    first = open_alice_on(corpus, tmp_path, "a")
    label_three(first)
    first.close()
    again = open_alice_on(corpus, tmp_path, "a")
    try:
        again.delete("s3")
        again.delete("s2")
        assert again.label_selection(*where(again, "Sunday"), "date").id == "s4"
    finally:
        again.close()
