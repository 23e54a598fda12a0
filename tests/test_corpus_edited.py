"""A JSONL corpus edited on disk while it is open (annotate, review, a long export): each
read finds its document's line anew and never gives another id's document. Before, reads at
the lines' old places said ``c.jsonl:2: invalid JSON``, or gave another document's text when
line lengths lined up (a label saved on the wrong text)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from unittest import mock

import orjson
import pytest

from annotator.core import corpus_jsonl
from annotator.core.corpus import Corpus, open_corpus
from annotator.core.errors import AnnotatorError
from annotator.core.session import open_session
from annotator.core.text_on_disk import TextsOnDisk


def lines_of(*docs: tuple[str, str]) -> bytes:
    return b"".join(orjson.dumps({"id": doc_id, "text": text}) + b"\n" for doc_id, text in docs)


def write(path: Path, data: bytes, same_stamp: bool = False) -> None:
    """Write ``data`` over ``path`` (the same file: its inode kept). ``same_stamp``: its mtime
    put back as it was, as a coarse clock leaves it within one tick; else moved on by a second
    (a fast write may not move it)."""
    before = path.stat().st_mtime_ns
    path.write_bytes(data)
    mtime = before if same_stamp else before + 1_000_000_000
    os.utime(path, ns=(mtime, mtime))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    path = tmp_path / "c.jsonl"
    path.write_bytes(lines_of(("a", "first"), ("b", "other"), ("c", "third")))
    return path


def texts(corpus: Corpus) -> dict[str, str]:
    return {doc_id: corpus.get(doc_id).text for doc_id in corpus.ids}


@pytest.mark.parametrize("same_stamp", [False, True])
def test_lines_of_one_length_swapped_give_each_id_its_own_document(
    path: Path, same_stamp: bool
) -> None:
    """The line at a's old place is b's now, of a's length: read there, it was b's text given
    as a's. ``same_stamp``: the stat alone cannot tell (a coarse clock): the id read tells."""
    corpus = open_corpus(path)
    assert corpus.get("a").text == "first"
    write(path, lines_of(("b", "other"), ("a", "first"), ("c", "third")), same_stamp)
    assert path.stat().st_size == len(lines_of(("a", "first"), ("b", "other"), ("c", "third")))
    assert texts(corpus) == {"a": "first", "b": "other", "c": "third"}
    assert all(corpus.get(doc_id).id == doc_id for doc_id in corpus.ids)


@pytest.mark.parametrize(
    ("a_text", "said"),
    [("1st", "shorter"), ("the first of them, longer", "longer")],
)
def test_a_line_made_shorter_or_longer_moves_the_lines_after_it(
    path: Path, a_text: str, said: str
) -> None:
    corpus = open_corpus(path)
    assert corpus.get("c").text == "third"
    write(path, lines_of(("a", a_text), ("b", "other"), ("c", "third")))
    assert texts(corpus) == {"a": a_text, "b": "other", "c": "third"}, said


def test_a_text_changed_reads_as_its_new_text(path: Path) -> None:
    corpus = open_corpus(path)
    write(path, lines_of(("a", "first"), ("b", "OTHER"), ("c", "third")), same_stamp=True)
    assert corpus.get("b").text == "OTHER"


def test_a_line_removed_leaves_the_others_read_and_its_id_said_gone(path: Path) -> None:
    corpus = open_corpus(path)
    write(path, lines_of(("a", "first"), ("c", "third")))
    assert corpus.get("c").text == "third"
    with pytest.raises(AnnotatorError) as gone:
        corpus.get("b")
    assert str(gone.value) == (
        f"{path}: no document 'b' in it now: the file changed on disk since it was opened"
    )
    assert "b" in corpus and corpus.ids == ["a", "b", "c"]  # the list as it opened
    with pytest.raises(KeyError):
        corpus.get("d")  # never in it: as before


def test_a_document_not_found_names_the_lines_that_cannot_be_read_now(path: Path) -> None:
    """Being edited, another line may not read: the rest still do, and the document asked
    for, not found, names those lines (it may be on one of them)."""
    corpus = open_corpus(path)
    write(path, lines_of(("a", "first")) + b'{"id": "b", "text": "oth\n' + lines_of(("c", "3")))
    assert corpus.get("c").text == "3"
    with pytest.raises(AnnotatorError) as unread:
        corpus.get("b")
    said = str(unread.value)
    assert "\n" not in said
    assert said.startswith(
        f"{path}: no document 'b' in it now: the file changed on disk since it was opened "
        "(line 2: invalid JSON: "
    )


def test_an_id_now_on_two_lines_is_said_when_asked_for(path: Path) -> None:
    corpus = open_corpus(path)
    write(path, lines_of(("a", "first"), ("b", "other"), ("b", "again"), ("c", "third")))
    assert corpus.get("c").text == "third"
    with pytest.raises(AnnotatorError) as twice:
        corpus.get("b")
    assert str(twice.value) == (
        f"{path}:3: id: duplicate document id 'b' (first on line 2); the file changed on disk "
        "since it was opened"
    )


def test_a_file_written_during_the_read_is_read_again(path: Path) -> None:
    """The stamp after the read is not the index's: what was read may be half the old file and
    half the new; the file is indexed again and the document read anew."""
    corpus = open_corpus(path)
    real_read = corpus_jsonl.JsonlDocuments._read_at
    reads: list[bytes] = []

    def read_then_written(self: corpus_jsonl.JsonlDocuments, line: object) -> bytes:
        raw = real_read(self, line)  # type: ignore[arg-type]
        reads.append(raw)
        if len(reads) == 1:  # a's old line read, then the file is written
            write(path, lines_of(("c", "third"), ("a", "FIRST"), ("b", "other")))
        return raw

    with mock.patch.object(corpus_jsonl.JsonlDocuments, "_read_at", read_then_written):
        assert corpus.get("a").text == "FIRST"
    assert len(reads) == 2


def test_a_file_that_keeps_changing_as_it_is_read_is_said(path: Path) -> None:
    corpus = open_corpus(path)
    real_read = corpus_jsonl.JsonlDocuments._read_at

    def always_written(self: corpus_jsonl.JsonlDocuments, line: object) -> bytes:
        raw = real_read(self, line)  # type: ignore[arg-type]
        write(path, path.read_bytes())
        return raw

    with (
        mock.patch.object(corpus_jsonl.JsonlDocuments, "_read_at", always_written),
        pytest.raises(AnnotatorError) as changing,
    ):
        corpus.get("a")
    assert str(changing.value) == (
        f"{path}: 'a' could not be read: the file kept changing on disk as it was read; try "
        "again once it is saved"
    )


def test_a_file_put_in_place_of_the_one_kept_open_is_read(path: Path, tmp_path: Path) -> None:
    """An editor saving by writing a new file and renaming it over the old: the file kept open
    (comparing every document) is the old one, so it is opened again."""
    corpus = open_corpus(path)
    with corpus.kept_open():
        assert corpus.get("b").text == "other"
        new = tmp_path / "new.jsonl"
        new.write_bytes(lines_of(("c", "third"), ("b", "OTHER"), ("a", "first")))
        new.replace(path)
        assert texts(corpus) == {"a": "first", "b": "OTHER", "c": "third"}


def test_an_unchanged_file_is_not_indexed_again(path: Path) -> None:
    corpus = open_corpus(path)
    with mock.patch.object(corpus_jsonl, "index_jsonl") as indexed:
        assert texts(corpus) == {"a": "first", "b": "other", "c": "third"}
    indexed.assert_not_called()


def at_noon() -> dt.datetime:
    return dt.datetime(2025, 8, 24, 12, 3, tzinfo=dt.UTC)


def test_a_document_of_a_jsonl_corpus_changed_on_disk_is_said_as_an_article_file_is(
    path: Path, tmp_path: Path
) -> None:
    """``text_on_disk`` looks at the JSONL file for its documents: an edit to another line
    says nothing; one to the open document's text is said, naming the document and the file;
    opened again, the new text shows and the record saved for the old one is stale there."""
    session = open_session(path, "alice", None, tmp_path / "out", now=at_noon)
    try:
        on_disk = TextsOnDisk(session.read, session.corpus.file_of, now=at_noon)
        session.enter(on_disk.read("b"))
        assert on_disk.entered(session.document, None) is None
        session.label_selection(0, 5, "actor")
        write(path, lines_of(("a", "the first one"), ("b", "other"), ("c", "third")))
        assert on_disk.changed_while_open("b") is None  # a's line: b's text is the same
        assert session.read("b").text == "other"
        write(path, lines_of(("a", "the first one"), ("b", "other!"), ("c", "third")))
        assert on_disk.changed_while_open("b") == (
            "b in c.jsonl changed on disk since it opened at 12:03: you are labelling the text "
            "as it opened, and your labels are saved for that text; leave it and open it again "
            "for the new one, where ctrl+k carries them over"
        )
        session.enter(on_disk.read("a"))
        on_disk.entered(session.document, None)
        session.enter(on_disk.read("b"))
        assert session.document.text == "other!"
        stale = session.stale
        assert stale is not None and [span.text for span in stale.spans] == ["other"]
        assert on_disk.entered(session.document, len(stale.spans)) == (
            "b in c.jsonl changed on disk since it opened at 12:03: this is its new text, and "
            "your record (1 span), saved for the text as it was, is stale here: ctrl+k twice "
            "carries it over"
        )
    finally:
        session.close()
