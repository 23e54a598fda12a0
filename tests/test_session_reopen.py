"""Opening a session again: records restored, refusals, and done records whose text changed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.session import AnnotationSession, Refused, open_session
from tests.test_session_data import TEXTS, FakeClock, fixed_now, journal_lines, where, write_texts


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_texts(tmp_path)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def alice_session(corpus: Path, tmp_path: Path, clock: FakeClock) -> AnnotationSession:
    """alice's session over ``corpus``, its journal under ``tmp_path / "out"``."""
    return open_session(corpus, "alice", None, tmp_path / "out", clock=clock, now=fixed_now)


@contextmanager
def reopened(corpus: Path, tmp_path: Path, clock: FakeClock) -> Iterator[AnnotationSession]:
    """alice's session opened again over the same journal, closed afterwards."""
    again = alice_session(corpus, tmp_path, clock)
    try:
        yield again
    finally:
        again.close()


def test_reopening_restores_and_starts_at_first_unfinished(
    corpus: Path, tmp_path: Path, clock: FakeClock
) -> None:
    first = alice_session(corpus, tmp_path, clock)
    first.open("a")
    first.label_selection(*where(first, "Russia"), "actor")
    first.set_field("event_type", "exchange")
    first.mark_done()
    first.open("b")
    first.label_selection(*where(first, "Norvania"), "actor")
    assert first.close()
    with reopened(corpus, tmp_path, clock) as again:
        assert again.first_unfinished_id() == "b"
        again.open("b")
        assert [s.text for s in again.record.spans] == ["Norvania"]
        again.open("a")
        assert again.record.status == "done"
        assert again.record.form == {"event_type": "exchange"}


def test_a_stale_record_is_not_applied_nor_overwritten(
    corpus: Path, tmp_path: Path, clock: FakeClock
) -> None:
    first = alice_session(corpus, tmp_path, clock)
    first.open("a")
    first.label_selection(*where(first, "Russia"), "actor")
    first.close()
    (corpus / "a.txt").write_text("date 2025-08-24 Ukraine and Russia swapped.\n", "utf-8")
    with reopened(corpus, tmp_path, clock) as again:
        again.open("a")
        assert again.stale is not None
        assert again.record.spans == []
        assert "stale" in (again.stale_notice() or "")
        with pytest.raises(Refused, match="stale"):
            again.label_selection(*where(again, "Ukraine"), "actor")
        assert len(journal_lines(again)) == 1
        again.start_over()
        assert again.stale is None
        again.label_selection(*where(again, "Ukraine"), "actor")
        lines = journal_lines(again)
        assert len(lines) == 3
        assert lines[-1]["doc_sha256"] == again.document.sha256


def test_a_locked_journal_is_a_clear_error(corpus: Path, tmp_path: Path) -> None:
    first = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        # The refusal names what holds it (it said "another annotator session" of every holder).
        holder = "locked by process .*: an annotate session of this journal is writing it"
        with pytest.raises(AnnotatorError, match=holder):
            open_session(corpus, "alice", None, tmp_path / "out")
        other = open_session(corpus, "bob", None, tmp_path / "out")
        other.close()
    finally:
        first.close()


def test_bad_annotator_name_is_refused(corpus: Path, tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError, match="annotator name"):
        open_session(corpus, "../evil", None, tmp_path / "out")


def finish_all(corpus: Path, tmp_path: Path, clock: FakeClock, doc_ids: list[str]) -> None:
    """A first session marks ``doc_ids`` done."""
    first = alice_session(corpus, tmp_path, clock)
    for doc_id in doc_ids:
        first.open(doc_id)
        first.set_field("event_type", "exchange")
        first.mark_done()
    assert first.close()


def check_every_record(session: AnnotationSession) -> list[str]:
    """What the annotation screen's worker does after the first article is shown."""
    hashes = dict(session.text_hashes(session.texts_to_check()))
    return session.learn_text_hashes(hashes)


def test_a_done_record_for_a_changed_text_is_not_done(
    corpus: Path, tmp_path: Path, clock: FakeClock
) -> None:
    finish_all(corpus, tmp_path, clock, ["a", "b"])
    (corpus / "b.txt").write_text("date 2024-03-17 Norvania freed 14 fishermen.\n", "utf-8")
    with reopened(corpus, tmp_path, clock) as again:
        # Opening reads no texts: until they are hashed, records are taken at their word.
        assert again.progress() == (2, 3)
        assert again.texts_to_check() == ["a", "b"]
        assert check_every_record(again) == ["b"]
        assert again.texts_to_check() == []
        assert (
            "b: your record was made for another text, so it is stale and not done (l lists "
            "it)" in again.take_notices()
        )

        assert again.progress() == (1, 3)
        assert again.status_of("a") == "done"
        assert again.status_of("b") == "stale"
        assert [entry.status for entry in again.entries()] == ["done", "stale", "new"]
        assert again.first_unfinished_id() == "b"
        assert again.next_unfinished_id(after="c") == "b"

        # Starting over and finishing it makes it done again, for the new text.
        again.open("b")
        assert again.stale is not None
        again.start_over()
        again.set_field("event_type", "exchange")
        assert again.mark_done() == "c"
        assert again.status_of("b") == "done"
        assert again.progress() == (2, 3)


def test_stale_records_beside_another_corpus_s_name_the_shared_journal(
    corpus: Path, tmp_path: Path, clock: FakeClock
) -> None:
    """A trial opened batch2/001.txt after batch1/001.txt from one folder: batch1's done
    record read as "the text changed", and one key replaced it."""
    finish_all(corpus, tmp_path, clock, ["a", "b"])
    other = tmp_path / "batch2"
    other.mkdir()
    (other / "a.txt").write_text("date 2024-01-01 Another corpus's a.\n", "utf-8")
    with reopened(other, tmp_path, clock) as again:
        assert check_every_record(again) == ["a"]
        journal = tmp_path / "out" / "annotations" / "alice.jsonl"
        assert again.take_notices() == [
            "a: your record was made for another text, so it is stale and not done (l lists "
            f"it); another corpus's? {journal} holds every corpus annotated from here; --out "
            "DIR keeps one apart"
        ]
        again.open("a")
        assert again.take_notices() == []  # not a message: the screen keeps it in sight
        said = again.stale_notice()
        assert said is not None and said.startswith("Your record of ")
        assert "was made for another text: this one changed since, or it is another " in said
        assert f"corpus's document of this name ({journal} holds every corpus" in said
        again.start_over()
        assert again.stale_notice() is None


def test_finishing_the_rest_does_not_call_a_stale_document_finished(
    corpus: Path, tmp_path: Path, clock: FakeClock
) -> None:
    finish_all(corpus, tmp_path, clock, ["a", "b"])
    (corpus / "a.txt").write_text("date 2025-08-24 Ukraine and Russia swapped.\n", "utf-8")
    with reopened(corpus, tmp_path, clock) as again:
        check_every_record(again)
        again.open("c")
        assert again.skip() == "a"
        assert not any("every document is finished" in n for n in again.take_notices())


def test_entering_a_document_learns_its_text_without_the_check(
    corpus: Path, tmp_path: Path, clock: FakeClock
) -> None:
    finish_all(corpus, tmp_path, clock, ["a", "b"])
    (corpus / "b.txt").write_text("date 2024-03-17 Norvania freed 14 fishermen.\n", "utf-8")
    with reopened(corpus, tmp_path, clock) as again:
        again.open("b")
        assert again.status_of("b") == "stale"
        assert again.progress() == (1, 3)
        assert again.texts_to_check() == ["a"]


def test_stale_records_in_a_jsonl_corpus(tmp_path: Path, clock: FakeClock) -> None:
    corpus = tmp_path / "docs.jsonl"

    def write(texts: dict[str, str]) -> None:
        lines = [orjson.dumps({"id": doc_id, "text": text}) for doc_id, text in texts.items()]
        corpus.write_bytes(b"\n".join(lines) + b"\n")

    write(TEXTS)
    finish_all(corpus, tmp_path, clock, ["a", "b", "c"])
    write({**TEXTS, "c": "Kestria said talks would not continue.\n"})
    with reopened(corpus, tmp_path, clock) as again:
        assert check_every_record(again) == ["c"]
        assert again.progress() == (2, 3)
        assert again.first_unfinished_id() == "c"


def test_a_text_that_cannot_be_read_is_left_to_opening(
    corpus: Path, tmp_path: Path, clock: FakeClock
) -> None:
    finish_all(corpus, tmp_path, clock, ["a", "b"])
    (corpus / "b.txt").write_bytes(b"Norvania \xff freed them.\n")
    with reopened(corpus, tmp_path, clock) as again:
        assert [doc_id for doc_id, _ in again.text_hashes(["a", "b"])] == ["a"]
        assert check_every_record(again) == []
        assert again.status_of("b") == "done"
        with pytest.raises(AnnotatorError, match="invalid UTF-8"):
            again.open("b")


def test_ctrl_z_gives_back_the_record_start_over_replaced(
    corpus: Path, tmp_path: Path, clock: FakeClock
) -> None:
    """A trial replaced another corpus's done article with two ctrl+r, and ctrl+z said
    "nothing to undo": the work was left only in the journal's history."""
    finish_all(corpus, tmp_path, clock, ["a"])
    (corpus / "a.txt").write_text("date 2025-08-24 Ukraine and Russia swapped.\n", "utf-8")
    with reopened(corpus, tmp_path, clock) as again:
        again.open("a")
        done = again.stale
        assert done is not None and done.status == "done"
        again.start_over()
        again.label_selection(*where(again, "Ukraine"), "actor")
        first = again.undo()  # the label first
        assert first is not None and again.record.spans == []
        step = again.undo()  # then the record replaced
        assert step is not None
        assert (
            step.text == f"start over: your record ({len(done.spans)} spans, done) is back, "
            "stale here"
        )
        assert again.stale is not None and again.stale.spans == done.spans
        last = journal_lines(again)[-1]
        assert (last["status"], len(last["spans"])) == ("done", len(done.spans))
        assert again.status_of("a") == "stale"
        with pytest.raises(Refused, match="stale"):
            again.undo()  # nothing more: it is stale again, as before ctrl+r


def test_start_over_is_not_undone_over_a_flag_and_an_empty_stale_record_is_new(
    corpus: Path, tmp_path: Path, clock: FakeClock
) -> None:
    """The code review's cases: ctrl+z after ctrl+r and f put the old record back over the
    flag; an empty stale record listed as new but opened stale, every key refused."""
    finish_all(corpus, tmp_path, clock, ["a"])
    (corpus / "a.txt").write_text("date 2025-08-24 Ukraine and Russia swapped.\n", "utf-8")
    with reopened(corpus, tmp_path, clock) as again:
        again.open("a")
        again.start_over()
        again.toggle_flag()
        step = again.undo()  # the flag first, not the record under it
        assert step is not None and step.text == "flag (unflagged again)"
        assert not again.record.flagged and again.stale is None
        again.redo()
        assert again.record.flagged and again.stale is None
        again.toggle_flag()  # a blank record again, holding nothing
    (corpus / "a.txt").write_text("date 2025-08-24 Russia freed 3.\n", "utf-8")
    with reopened(corpus, tmp_path, clock) as third:
        check_every_record(third)
        assert third.status_of("a") == "new"
        third.open("a")
        assert third.stale is None  # nothing in it to keep: a blank, as the list says
        third.label_selection(*where(third, "Russia"), "actor")
