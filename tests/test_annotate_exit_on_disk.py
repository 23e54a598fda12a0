"""annotate's exit line is true of the texts on disk as it exits. A trial's article file was
edited while it was open (the screen said so), d finished its record for the text as it opened,
and the exit line said "1 done" where the next session listed the record stale."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.journal_summary import exit_summary
from annotator.core.session import AnnotationSession, open_session
from annotator.core.stats import read_stats
from tests.conftest import make_record
from tests.test_annotate_cmd_return_code import _run

NEW_TEXT = "Article a, its typo fixed.\n"
MINUTE_NS = 60_000_000_000


def docs(folder: Path) -> Path:
    corpus = folder / "docs"
    corpus.mkdir()
    for name in ("a", "b"):
        (corpus / f"{name}.txt").write_text(f"Article {name}.\n", encoding="utf-8")
    return corpus


def finish_a(session: AnnotationSession) -> None:
    session.open("a")
    session.label_selection(0, 7, "actor")
    session.set_field("event_type", "exchange")
    session.mark_done()


def test_a_record_finished_for_a_text_since_edited_is_stale(tmp_path: Path) -> None:
    corpus = docs(tmp_path)
    started = time.time_ns()
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        finish_a(session)
        journal = session.journal
        assert exit_summary(session, journal, started, tmp_path) == (
            "saved to out/annotations/alice.jsonl (2 documents: 1 done, 1 new)"
        )
        (corpus / "a.txt").write_text("Article a.\n", encoding="utf-8")  # the same text again
        assert exit_summary(session, journal, started, tmp_path).endswith(
            "(2 documents: 1 done, 1 new)"
        )
        (corpus / "a.txt").write_text(NEW_TEXT, encoding="utf-8")
        assert exit_summary(session, journal, started, tmp_path) == (
            "saved to out/annotations/alice.jsonl (2 documents: 1 stale, 1 new; "
            "stale since its text changed on disk: a)"
        )
    finally:
        session.close()
    # What the next session says of it.
    again = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        again.learn_text_hashes(dict(again.text_hashes(again.texts_to_check())))
        assert again.status_of("a") == "stale"
    finally:
        again.close()


def test_texts_not_changed_since_the_session_began_are_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = docs(tmp_path)
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        finish_a(session)
        (corpus / "a.txt").write_text(NEW_TEXT, encoding="utf-8")
        asked: list[list[str]] = []
        hashes = session.text_hashes

        def text_hashes(doc_ids: Iterable[str]) -> Iterator[tuple[str, str]]:
            asked.append(list(doc_ids))
            return hashes(asked[-1])

        monkeypatch.setattr(session, "text_hashes", text_hashes)
        # As if the session began after the edit: the text it read then is the one on disk.
        later = time.time_ns() + MINUTE_NS
        assert exit_summary(session, session.journal, later, tmp_path).endswith(
            "(2 documents: 1 done, 1 new)"
        )
        assert asked == [[]]
        earlier = time.time_ns() - MINUTE_NS
        assert exit_summary(session, session.journal, earlier, tmp_path).endswith(
            "(2 documents: 1 stale, 1 new; stale since its text changed on disk: a)"
        )
        assert asked[1] == ["a"]
    finally:
        session.close()


def test_records_whose_texts_the_session_never_hashed_are_hashed_at_the_exit(
    tmp_path: Path,
) -> None:
    """Quit before the session's pass over the texts ended: each record was taken at its word."""
    corpus = docs(tmp_path)
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    journal.parent.mkdir(parents=True)
    old = make_record("Article b as it was.\n", doc_id="b", status="done", spans=[])
    old["form"] = {"event_type": "exchange"}
    journal.write_bytes(orjson.dumps(old) + b"\n")
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        assert session.texts_to_check() == ["b"]
        assert session.status_of("b") == "done"  # not hashed yet
        assert exit_summary(session, journal, time.time_ns() + MINUTE_NS, tmp_path) == (
            "saved to out/annotations/alice.jsonl (2 documents: 1 stale, 1 new; "
            "stale since its text changed on disk: b)"
        )
    finally:
        session.close()


def test_a_text_not_hashed_again_has_the_status_the_session_found(tmp_path: Path) -> None:
    """A record the session found stale as it opened, whose file has not changed since, is not
    hashed again: the exit line counts it as the session does (stale, said already), not at
    its record's word (done)."""
    corpus = docs(tmp_path)
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    journal.parent.mkdir(parents=True)
    old = make_record("Article b as it was.\n", doc_id="b", status="done", spans=[])
    old["form"] = {"event_type": "exchange"}
    journal.write_bytes(orjson.dumps(old) + b"\n")
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        session.learn_text_hashes(dict(session.text_hashes(session.texts_to_check())))
        assert session.status_of("b") == "stale"
        assert exit_summary(session, journal, time.time_ns() + MINUTE_NS, tmp_path) == (
            "saved to out/annotations/alice.jsonl (2 documents: 1 stale, 1 new)"
        )
    finally:
        session.close()


def test_the_command_s_exit_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def finish_a_then_edit_it(session: AnnotationSession) -> None:
        finish_a(session)
        (tmp_path / "docs" / "a.txt").write_text(NEW_TEXT, encoding="utf-8")

    monkeypatch.chdir(tmp_path)
    code, _ran = _run(tmp_path, monkeypatch, 0, finish_a_then_edit_it, ("a", "b"))
    assert code == 0
    assert capsys.readouterr().err.splitlines() == [
        "saved to out/annotations/alice.jsonl (2 documents: 1 stale, 1 new; "
        "stale since its text changed on disk: a)"
    ]


def test_a_jsonl_corpus_edited_on_one_document(tmp_path: Path) -> None:
    """Its one file changed: each document with a record is read again, and only the one whose
    own text changed is stale."""
    corpus = tmp_path / "docs.jsonl"
    lines = [{"id": name, "text": f"Article {name}.\n"} for name in ("a", "b")]
    corpus.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    started = time.time_ns()
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        finish_a(session)
        session.open("b")
        session.skip()
        lines[0]["text"] = NEW_TEXT
        corpus.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
        assert exit_summary(session, session.journal, started, tmp_path) == (
            "saved to out/annotations/alice.jsonl (2 documents: 1 skipped, 1 stale; "
            "stale since its text changed on disk: a)"
        )
    finally:
        session.close()


def stats_words(journal: Path, corpus: Path) -> str:
    """What ``stats JOURNAL --corpus CORPUS`` says of alice, run right after the exit."""
    standings = read_stats([journal], corpus=open_corpus(corpus)).standings
    assert standings is not None
    return standings["alice"].words("alice", str(corpus))


def test_a_document_whose_file_left_the_corpus_is_not_counted_and_is_said(
    tmp_path: Path,
) -> None:
    """A trial labelled a, moved a.txt out of the folder and quit: the exit line counted 2
    documents where ``stats --corpus`` counted 1 and a record for a document not in it."""
    corpus = docs(tmp_path)
    started = time.time_ns()
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        session.open("a")
        session.label_selection(0, 7, "actor")
        (corpus / "a.txt").rename(tmp_path / "a.txt")
        assert exit_summary(session, session.journal, started, tmp_path) == (
            "saved to out/annotations/alice.jsonl (1 document: 1 new); "
            f"a left {corpus} during the session, its record kept in the journal"
        )
    finally:
        session.close()
    assert stats_words(session.journal, corpus) == (
        f"alice (1 document: 1 new); 1 record(s) for documents not in {corpus} (first: a)"
    )


def test_documents_that_left_without_records_are_named_and_nothing_is_annotated(
    tmp_path: Path,
) -> None:
    corpus = docs(tmp_path)
    (corpus / "c.txt").write_text("Article c.\n", encoding="utf-8")
    started = time.time_ns()
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        (corpus / "a.txt").unlink()
        (corpus / "c.txt").unlink()
        assert exit_summary(session, session.journal, started, tmp_path) == (
            "nothing annotated yet (1 document); your work will be saved to "
            f"out/annotations/alice.jsonl; 2 documents left {corpus} during the session, "
            "first: a"
        )
    finally:
        session.close()


def test_a_document_added_to_a_jsonl_corpus_is_counted_and_said(tmp_path: Path) -> None:
    """The session lists the documents as the corpus opened; the exit line counts the corpus
    as it is then, as ``stats --corpus`` does, and says the next session lists the new one."""
    corpus = tmp_path / "docs.jsonl"
    lines = [{"id": name, "text": f"Article {name}.\n"} for name in ("a", "b")]
    corpus.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    started = time.time_ns()
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        finish_a(session)
        lines.append({"id": "c", "text": "Article c.\n"})
        corpus.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
        assert exit_summary(session, session.journal, started, tmp_path) == (
            "saved to out/annotations/alice.jsonl (3 documents: 1 done, 2 new); "
            f"c came into {corpus} during the session: the next session lists it"
        )
    finally:
        session.close()
    assert stats_words(session.journal, corpus) == "alice (3 documents: 1 done, 2 new)"


def test_a_record_of_a_document_that_came_back_is_checked_against_its_text(
    tmp_path: Path,
) -> None:
    """A document not listed as the session opened, with a record of an earlier session made
    for another text: stale, as stats counts it."""
    corpus = docs(tmp_path)
    journal = tmp_path / "out" / "annotations" / "alice.jsonl"
    journal.parent.mkdir(parents=True)
    old = make_record("Article c as it was.\n", doc_id="c", status="done", spans=[])
    old["form"] = {"event_type": "exchange"}
    journal.write_bytes(orjson.dumps(old) + b"\n")
    started = time.time_ns()
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        (corpus / "c.txt").write_text("Article c.\n", encoding="utf-8")
        assert exit_summary(session, journal, started, tmp_path) == (
            "saved to out/annotations/alice.jsonl (3 documents: 1 stale, 2 new); "
            f"c came into {corpus} during the session: the next session lists it"
        )
    finally:
        session.close()
    assert stats_words(journal, corpus) == "alice (3 documents: 1 stale, 2 new)"


def test_a_corpus_that_cannot_be_opened_at_the_exit_is_counted_as_it_opened(
    tmp_path: Path,
) -> None:
    corpus = docs(tmp_path)
    started = time.time_ns()
    session = open_session(corpus, "alice", None, tmp_path / "out")
    try:
        finish_a(session)
        for name in ("a", "b"):
            (corpus / f"{name}.txt").unlink()
        assert exit_summary(session, session.journal, started, tmp_path) == (
            "saved to out/annotations/alice.jsonl (2 documents: 1 done, 1 new); counted as "
            f"{corpus} was when the session opened: now {corpus}: no .txt files in this folder"
        )
    finally:
        session.close()
