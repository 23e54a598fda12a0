"""An article file edited on disk while the session has it open, or opened earlier: said while
it is open (its stat looked at, its text hashed only when that changed) and when it opens again;
the labels made meanwhile are saved for the text they were made on (its doc_sha256)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.corpus import open_corpus
from annotator.core.models import Document, sha256_text
from annotator.core.session import AnnotationSession, Refused
from annotator.core.text_on_disk import TextsOnDisk, file_stamp
from tests.test_session_data import TEXTS, journal_lines, open_alice_on, write_texts

NEW_A = "date 2025-08-24 Ukraine and Russia swapped 146 prisoners on Sunday.\n"


def at_noon() -> dt.datetime:
    return dt.datetime(2025, 8, 24, 12, 3, tzinfo=dt.UTC)


class CountedReads:
    """A session's reads, counted: a check of an unchanged file reads nothing."""

    def __init__(self, session: AnnotationSession) -> None:
        self.session = session
        self.count = 0

    def __call__(self, doc_id: str) -> Document:
        self.count += 1
        return self.session.read(doc_id)


@pytest.fixture
def session(tmp_path: Path) -> Iterator[AnnotationSession]:
    opened = open_alice_on(write_texts(tmp_path), tmp_path, "a")
    yield opened
    opened.close()


def rewrite(file: Path, text: str) -> None:
    """Write ``text`` to ``file`` with an mtime of its own (a coarse clock may not move)."""
    before = file.stat().st_mtime_ns
    file.write_text(text, encoding="utf-8")
    os.utime(file, ns=(before + 1_000_000_000, before + 1_000_000_000))


def test_a_file_changed_while_open_is_said_once_and_only_after_its_stat_changed(
    session: AnnotationSession,
) -> None:
    reads = CountedReads(session)
    texts = TextsOnDisk(reads, session.corpus.txt_file, now=at_noon)
    document = texts.read("a")
    assert texts.entered(document, None) is None  # the first time: nothing to compare
    assert (texts.changed_while_open("a"), reads.count) == (None, 1)  # a stat, no read
    file = session.corpus.txt_file("a")
    assert file is not None
    rewrite(file, NEW_A)
    assert texts.changed_while_open("a") == (
        "a.txt changed on disk since it opened at 12:03: you are labelling the text as it "
        "opened, and your labels are saved for that text; leave it and open it again for the new "
        "one, where ctrl+k carries them over"
    )
    assert reads.count == 2  # the stat changed: read and hashed
    assert (texts.changed_while_open("a"), reads.count) == (None, 2)  # said once, read once
    # Written back as it was: nothing to say, and its new stat is kept (no read next time).
    rewrite(file, TEXTS["a"])
    assert (texts.changed_while_open("a"), reads.count) == (None, 3)
    assert (texts.changed_while_open("a"), reads.count) == (None, 3)


def test_a_file_changed_under_a_stale_record_says_only_where_the_new_text_is(
    session: AnnotationSession,
) -> None:
    texts = TextsOnDisk(session.read, session.corpus.txt_file, now=at_noon)
    texts.entered(texts.read("a"), 1)
    file = session.corpus.txt_file("a")
    assert file is not None
    rewrite(file, NEW_A)
    assert texts.changed_while_open("a", stale=True) == (
        "a.txt changed on disk since it opened at 12:03: leave it and open it again for the new "
        "text"
    )


def test_a_file_saved_unchanged_is_not_said(session: AnnotationSession) -> None:
    texts = TextsOnDisk(session.read, session.corpus.txt_file)
    texts.entered(texts.read("a"), None)
    file = session.corpus.txt_file("a")
    assert file is not None
    # CRLF line endings are read as LF: the text the session holds is the same.
    rewrite(file, TEXTS["a"].replace("\n", "\r\n"))
    assert texts.changed_while_open("a") is None


def test_a_text_changed_since_it_opened_is_said_when_it_opens_again(
    session: AnnotationSession,
) -> None:
    texts = TextsOnDisk(session.read, session.corpus.txt_file, now=at_noon)
    texts.entered(texts.read("a"), None)
    texts.entered(texts.read("b"), None)
    file = session.corpus.txt_file("a")
    assert file is not None
    rewrite(file, NEW_A)
    again = texts.read("a")
    assert texts.entered(again, 2) == (
        "a.txt changed on disk since it opened at 12:03: this is its new text, and your "
        "record (2 spans), saved for the text as it was, is stale here: ctrl+k twice carries "
        "it over"
    )
    assert texts.changed_while_open("a") is None  # the text shown is the file's now
    assert texts.entered(texts.read("b"), None) is None  # b unchanged
    # Opened once more, unchanged since: nothing more to say.
    assert texts.entered(texts.read("a"), None) is None
    rewrite(file, TEXTS["a"])
    assert texts.entered(texts.read("a"), None) == (
        "a.txt changed on disk since it opened at 12:03: this is its new text"
    )


def test_a_file_written_during_its_read_is_looked_at_again(
    session: AnnotationSession, tmp_path: Path
) -> None:
    """The stamp is taken before the read: a write between the two shows as a stat changed,
    checked by hash, never as the old stat with the new text."""
    file = session.corpus.txt_file("a")
    assert file is not None

    def read_while_written(doc_id: str) -> Document:
        rewrite(file, NEW_A)  # written after the stat, before the read
        return session.read(doc_id)

    texts = TextsOnDisk(read_while_written, session.corpus.txt_file)
    document = texts.read("a")
    assert document.text == NEW_A
    texts.entered(document, None)
    texts._read = session.read  # the file stays as written
    assert texts.changed_while_open("a") is None  # hashed: the text shown is the file's
    assert file_stamp(file) is not None


def test_labels_made_after_the_file_changed_are_saved_for_the_text_they_were_made_on(
    session: AnnotationSession,
) -> None:
    """The journal's record of a names the text its offsets are of, never the new file's;
    open again, a shows the new text and that record is stale there (ctrl+k carries it)."""
    old = session.document
    file = session.corpus.txt_file("a")
    assert file is not None
    rewrite(file, NEW_A)
    start = old.text.index("Russia")
    session.label_selection(start, start + 6, "actor")
    assert session.flush(5)
    saved = journal_lines(session)[-1]
    assert saved["doc_sha256"] == sha256_text(TEXTS["a"])
    assert [(s["start"], s["text"]) for s in saved["spans"]] == [(start, "Russia")]
    session.open("b")
    session.open("a")
    assert session.document.text == NEW_A
    stale = session.stale
    assert stale is not None and stale.doc_sha256 == sha256_text(TEXTS["a"])
    assert session.record.doc_sha256 == sha256_text(NEW_A)
    assert session.status_of("a") == "stale"


def test_a_value_typed_on_an_article_whose_file_changed_since_is_refused_said(
    session: AnnotationSession,
) -> None:
    """A value typed on a as n opened b is read at a's span: with a's file changed since, the
    span's offsets are the old text's, so it is refused, saying why, not read in the new text."""
    text = session.document.text
    start = text.index("146")
    span = session.label_selection(start, start + 3, "count")
    file = session.corpus.txt_file("a")
    assert file is not None
    session.open("b")
    rewrite(file, NEW_A.replace("146", "147"))
    with pytest.raises(Refused, match="a's text changed on disk since it was open"):
        session.set_value("150", span.id, doc_id="a")
    assert session.flush(5)
    assert [line["doc_id"] for line in journal_lines(session)] == ["a"]


def test_a_file_in_a_subfolder_is_named_as_the_corpus_names_it(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "e.txt").write_text("One text.\n", encoding="utf-8")
    (folder / "sub" / "e.txt").write_text("Another text.\n", encoding="utf-8")
    corpus = open_corpus(folder)
    texts = TextsOnDisk(corpus.get, corpus.txt_file, now=at_noon)
    texts.entered(texts.read("sub/e"), None)
    rewrite(folder / "sub" / "e.txt", "Another text, changed.\n")
    said = texts.changed_while_open("sub/e")
    assert said is not None and said.startswith("sub/e.txt changed on disk since it opened at")
