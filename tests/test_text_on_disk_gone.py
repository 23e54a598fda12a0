"""An open article's file moved or deleted, or its document gone from its JSONL file, is said
while it is open, as an edit is: a trial moved an open article's file out of the corpus and the
screen said nothing. Said once, at the second look that finds it so (a file an editor puts back
in place is not), and the labels are still saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import orjson

from annotator.core.session import open_session
from annotator.core.text_on_disk import TextsOnDisk
from tests.test_session_data import journal_lines, open_alice_on, write_texts

GONE = (
    "a.txt was moved or deleted since it opened at 12:03; your labels are still saved to the "
    "journal, for the text as it opened"
)


def at_noon() -> dt.datetime:
    return dt.datetime(2025, 8, 24, 12, 3, tzinfo=dt.UTC)


def test_a_file_moved_away_while_open_is_said_once_and_the_labels_are_saved(
    tmp_path: Path,
) -> None:
    corpus = write_texts(tmp_path)
    session = open_alice_on(corpus, tmp_path, "a")
    try:
        texts = TextsOnDisk(session.read, session.corpus.txt_file, now=at_noon)
        texts.entered(texts.read("a"), None)
        (corpus / "a.txt").rename(tmp_path / "a.txt")
        assert texts.changed_while_open("a") is None  # the first look: perhaps put back soon
        assert texts.changed_while_open("a") == GONE
        assert texts.changed_while_open("a") is None  # said once
        session.label_selection(0, 4, "actor")
        assert session.flush(5)
        assert [line["spans"][0]["text"] for line in journal_lines(session)] == ["date"]
        (tmp_path / "a.txt").rename(corpus / "a.txt")
        assert texts.changed_while_open("a") is None  # back as it was
        (corpus / "a.txt").unlink()
        assert texts.changed_while_open("a") is None
        assert texts.changed_while_open("a") == GONE  # gone again: said again
    finally:
        session.close()


def test_a_file_gone_under_a_stale_record_says_the_record_stays(tmp_path: Path) -> None:
    corpus = write_texts(tmp_path)
    session = open_alice_on(corpus, tmp_path, "a")
    try:
        texts = TextsOnDisk(session.read, session.corpus.txt_file, now=at_noon)
        texts.entered(texts.read("a"), None)
        (corpus / "a.txt").unlink()
        assert texts.changed_while_open("a", stale=True) is None
        assert texts.changed_while_open("a", stale=True) == (
            "a.txt was moved or deleted since it opened at 12:03; your stale record of it "
            "stays in the journal as it was"
        )
    finally:
        session.close()


def test_a_document_gone_from_its_jsonl_file_while_open_is_said(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [{"id": name, "text": f"Article {name}.\n"} for name in ("a", "b")]
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in lines))
    session = open_session(path, "alice", None, tmp_path / "out", now=at_noon)
    try:
        texts = TextsOnDisk(session.read, session.corpus.file_of, now=at_noon)
        session.enter(texts.read("b"))
        texts.entered(session.document, None)
        path.write_bytes(orjson.dumps(lines[0]) + b"\n")
        assert texts.changed_while_open("b") is None
        assert texts.changed_while_open("b") == (
            f"b in c.jsonl cannot be read now: {path}: no document 'b' in it now: the file "
            "changed on disk since it was opened; your labels are still saved to the journal, "
            "for the text as it opened"
        )
        assert texts.changed_while_open("b") is None
    finally:
        session.close()
