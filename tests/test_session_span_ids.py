"""A span's id is never given again within a document: links, undo messages, diff output and
reviewers' notes name spans by id, and s3 freed by x went to the next span drawn. Undo gives a
span back its own id. Known are every state of the record while the program runs, the stale
record ctrl+r or ctrl+k replaces, and every line of the document in the journal as opened
(``AnnotationSession._new_span_id``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, Refused, open_session
from tests.test_session_data import (
    TEXTS,
    FakeClock,
    alice_on_a,
    fixed_now,
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


def label_three_then_change_the_text(session: AnnotationSession, corpus: Path) -> None:
    """s1 Russia, s2 Ukraine, s3 146; then the text of a changes (146 is gone), and a,
    opened again, shows its record stale."""
    label_three(session)
    (corpus / "a.txt").write_text(TEXTS["a"].replace("146 ", ""), encoding="utf-8")
    session.open("a")
    assert session.stale is not None


@pytest.mark.parametrize("way_out", ["start_over", "carry_over"])
def test_the_stale_records_ids_are_not_given_again_after_ctrl_r_or_ctrl_k(
    tmp_path: Path, way_out: str
) -> None:
    """The stale record saved in this session: its last state was noted by no change since."""
    corpus = write_texts(tmp_path)
    session = open_alice_on(corpus, tmp_path, "a")
    try:
        label_three_then_change_the_text(session, corpus)
        getattr(session, way_out)()
        kept = [] if way_out == "start_over" else [("s1", "Russia"), ("s2", "Ukraine")]
        assert ids(session) == kept
        assert session.label_selection(*where(session, "Sunday"), "date").id == "s4"
    finally:
        session.close()


@pytest.mark.parametrize("way_out", ["start_over", "carry_over"])
def test_the_stale_records_ids_are_not_given_again_in_a_later_session(
    tmp_path: Path, way_out: str
) -> None:
    corpus = write_texts(tmp_path)
    first = open_alice_on(corpus, tmp_path, "a")
    label_three(first)
    first.close()
    (corpus / "a.txt").write_text(TEXTS["a"].replace("146 ", ""), encoding="utf-8")
    again = open_alice_on(corpus, tmp_path, "a")
    try:
        getattr(again, way_out)()
        assert again.label_selection(*where(again, "Sunday"), "date").id == "s4"
    finally:
        again.close()


def test_an_id_freed_before_a_quit_is_not_given_again_after_reopening(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    first = open_alice_on(corpus, tmp_path, "a")
    label_three(first)
    first.delete("s3")
    first.close()
    again = open_alice_on(corpus, tmp_path, "a")
    try:
        assert ids(again) == [("s1", "Russia"), ("s2", "Ukraine")]
        assert again.label_selection(*where(again, "Sunday"), "date").id == "s4"
    finally:
        again.close()


def test_every_earlier_line_counts_not_only_the_one_before_the_last(tmp_path: Path) -> None:
    """s3 and s2 deleted in turn, each saved on its own line, then s1 relabelled: the highest
    id, s3, is only on the journal's first lines of a."""
    corpus = write_texts(tmp_path)
    first = open_alice_on(corpus, tmp_path, "a")
    label_three(first)
    first.delete("s3")
    first.delete("s2")
    first.label_selection(*where(first, "Russia"), "date")
    first.close()
    again = open_alice_on(corpus, tmp_path, "a")
    try:
        assert again.label_selection(*where(again, "Sunday"), "date").id == "s4"
    finally:
        again.close()


def test_after_reopening_ids_are_still_each_documents_own(tmp_path: Path) -> None:
    """a's lines held s1 to s3; b's first span is s1, and a's next is s4, in another
    annotator's session on the same folder too (each journal is its annotator's)."""
    corpus = write_texts(tmp_path)
    first = open_alice_on(corpus, tmp_path, "a")
    label_three(first)
    first.delete("s3")
    first.close()
    again = open_alice_on(corpus, tmp_path, "b")
    try:
        assert again.label_selection(*where(again, "Norvania"), "actor").id == "s1"
        again.open("a")
        assert again.label_selection(*where(again, "Sunday"), "date").id == "s4"
    finally:
        again.close()
    bob = open_session(corpus, "bob", None, tmp_path / "out", clock=FakeClock(), now=fixed_now)
    try:
        bob.open("a")
        assert bob.label_selection(*where(bob, "Sunday"), "date").id == "s1"
    finally:
        bob.close()
