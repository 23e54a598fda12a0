"""Stale records where a trial found the session untrue: the start naming the first unfinished
document before the texts were hashed, ctrl+y after ctrl+z undid a carry over or start over, and
s on a document skipped already."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.session import AnnotationSession, Refused, open_session
from annotator.core.session_skip import skip_with_reason
from tests.test_session_data import journal_lines, open_alice_on, where, write_texts
from tests.test_session_start_where_left import Ticking


def alice(corpus: Path, tmp_path: Path) -> AnnotationSession:
    return open_session(corpus, "alice", None, tmp_path / "out", now=Ticking())


def check_every_record(session: AnnotationSession) -> list[str]:
    """What the annotation screen's worker does after the first article is shown."""
    return session.learn_text_hashes(dict(session.text_hashes(session.texts_to_check())))


def a_done_then(corpus: Path, tmp_path: Path, finish_c: bool) -> None:
    """a done, then c labelled (and done with ``finish_c``) last; a's text changed since."""
    first = alice(corpus, tmp_path)
    first.open("a")
    first.set_field("event_type", "exchange")
    first.mark_done()
    first.open("c")
    first.label_selection(*where(first, "Kestria"), "actor")
    if finish_c:
        first.set_field("event_type", "exchange")
        first.mark_done()
    assert first.close()
    (corpus / "a.txt").write_text("UPDATED: Russia and Ukraine swapped prisoners.\n", "utf-8")


def test_the_first_unfinished_is_named_once_the_hashes_say_a_done_record_is_stale(
    tmp_path: Path,
) -> None:
    """Before the hashes b looked the first unfinished (a done); a's record is stale."""
    corpus = write_texts(tmp_path)
    a_done_then(corpus, tmp_path, finish_c=False)
    session = alice(corpus, tmp_path)
    try:
        assert session.start_id() == "c"
        assert session.take_notices() == []  # not "the first unfinished is b"
        session.open("c")
        session.take_notices()
        assert check_every_record(session) == ["a"]
        said = session.take_notices()
        assert said[1:] == [
            "opened c, the article you last worked on; the first unfinished is a (l lists them)"
        ]
        assert said[0].startswith("a: your record was made for another text")
    finally:
        session.close()


def test_opened_as_the_first_unfinished_it_says_the_stale_one_before_it(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    a_done_then(corpus, tmp_path, finish_c=True)
    session = alice(corpus, tmp_path)
    try:
        assert session.start_id() == "b"
        assert session.take_notices() == []
        session.open("b")
        check_every_record(session)
        assert session.take_notices()[1:] == [
            "opened b; the first unfinished is a, its record stale (l lists them)"
        ]
    finally:
        session.close()


def test_nothing_stale_after_all_says_nothing_and_moving_on_drops_it(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    a_done_then(corpus, tmp_path, finish_c=False)
    (corpus / "a.txt").write_text(
        "date 2025-08-24 Russia and Ukraine swapped 146 prisoners on Sunday.\n", "utf-8"
    )  # a's text as it was: a is done
    session = alice(corpus, tmp_path)
    try:
        assert session.start_id() == "c"
        session.open("c")
        session.take_notices()
        assert check_every_record(session) == []
        assert session.take_notices() == [
            "opened c, the article you last worked on; the first unfinished is b (l lists them)"
        ]
    finally:
        session.close()
    again = alice(corpus, tmp_path)
    try:
        again.start_id()
        again.open("a")  # moved on before the hashes were known: "opened c" is not said
        again.take_notices()
        check_every_record(again)
        assert again.take_notices() == []
    finally:
        again.close()


def stale_b(tmp_path: Path) -> AnnotationSession:
    """alice's record of b (Norvania, 12), b's text since given a line before; b open."""
    corpus = write_texts(tmp_path)
    first = open_alice_on(corpus, tmp_path, "b")
    first.label_selection(*where(first, "Norvania"), "actor")
    first.label_selection(*where(first, "12"), "count")
    assert first.close()
    (corpus / "b.txt").write_text("UPDATED\ndate 2024-03-17 Norvania freed 12 fishermen.\n")
    session = open_alice_on(corpus, tmp_path, "b")
    assert session.stale is not None
    return session


@pytest.mark.parametrize("way_out", ["carry_over", "start_over"])
def test_ctrl_y_does_again_the_way_out_ctrl_z_undid_then_the_changes_after_it(
    tmp_path: Path, way_out: str
) -> None:
    session = stale_b(tmp_path)
    try:
        stale = session.stale
        getattr(session, way_out)()
        became = [(s.id, s.start, s.end) for s in session.record.spans]
        session.label_selection(*where(session, "fishermen"), "actor")
        labelled = session.record
        assert session.undo() is not None  # the label
        assert session.undo() is not None  # the way out: stale again
        assert session.stale == stale
        step = session.redo()
        assert step is not None
        words = way_out.replace("_", " ")
        carried = "carried over to this text (2 spans)"
        replaced = carried if way_out == "carry_over" else "replaced by a blank one"
        assert step.text == f"{words}: your stale record is {replaced} again"
        assert session.stale is None
        assert [(s.id, s.start, s.end) for s in session.record.spans] == became
        last = journal_lines(session)[-1]
        assert last["doc_sha256"] == session.document.sha256
        assert [s["id"] for s in last["spans"]] == [s[0] for s in became]
        assert session.redo() is not None  # the label after it
        assert [s.text for s in session.record.spans] == [s.text for s in labelled.spans]
        assert session.redo() is None
        assert session.undo() is not None and session.undo() is not None
        assert session.stale == stale  # and ctrl+z gives the stale record back again
    finally:
        session.close()


def test_ctrl_y_does_the_last_way_out_undone_and_none_after_another(tmp_path: Path) -> None:
    session = stale_b(tmp_path)
    try:
        session.carry_over()
        session.undo()
        session.start_over()  # over the carry over undone: ctrl+y no longer carries it
        session.undo()
        step = session.redo()
        assert step is not None and step.text.startswith("start over:")
        assert session.record.spans == []
        session.undo()
        session.carry_over()  # a way out anew: ctrl+z's undoing of the start over is past
        assert session.redo() is None
        assert session.undo() is not None and session.stale is not None
        step = session.redo()
        assert step is not None and step.text.startswith("carry over:")
    finally:
        session.close()


def test_s_on_a_skipped_document_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    session = open_alice_on(corpus, tmp_path, "a")
    try:
        assert session.skip() == "b"
        session.open("c")  # out of reach of ctrl+z's undoing the s
        session.open("a")
        lines = journal_lines(session)
        for skipped_again in (session.skip, lambda: skip_with_reason(session, "a duplicate")):
            with pytest.raises(Refused) as refused:
                skipped_again()
            assert str(refused.value) == "already skipped (label it to work on it again)"
        assert journal_lines(session) == lines and session.record.note == ""
        assert session.undo() is None
        session.label_selection(*where(session, "Russia"), "actor")
        assert session.record.status == "in_progress"
        assert session.skip() == "b"  # worked on again, it can be skipped again
    finally:
        session.close()
