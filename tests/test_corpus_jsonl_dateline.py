"""A JSONL corpus's documents get their date from their text's dateline as a ``.txt``'s do
(``dateline.dated_meta``), unless their line's meta gives one: as an import of the same file
has them. A trial's JSONL corpus opened directly had no date, and "Sunday" was said to have no
dateline."""

from __future__ import annotations

from pathlib import Path

import orjson

from annotator.core.corpus import open_corpus
from annotator.core.formats.importing import import_documents
from annotator.core.session import open_session
from tests.test_session_data import FakeClock, fixed_now, where

ARBELA = "date 2024-03-17 ARBELA, Sunday. Three aid workers were freed on Sunday.\n"
LINES = [
    {"id": "b", "text": ARBELA, "meta": {}},
    {"id": "given", "text": ARBELA, "meta": {"date": "2024-03-10"}},  # the line's date wins
    {"id": "kept", "text": ARBELA, "meta": {"source": "wire", "title": "Freed"}},
    {"id": "none", "text": "ARBELA, Sunday. No dateline.\n"},
    {"id": "not_a_day", "text": "date 2024-02-30 ARBELA, Sunday.\n", "meta": {}},
]
EXPECTED = {
    "b": {"date": "2024-03-17"},
    "given": {"date": "2024-03-10"},
    "kept": {"source": "wire", "title": "Freed", "date": "2024-03-17"},
    "none": {},
    "not_a_day": {},
}


def corpus_file(tmp_path: Path) -> Path:
    path = tmp_path / "c.jsonl"
    path.write_bytes(b"".join(orjson.dumps(line) + b"\n" for line in LINES))
    return path


def test_a_jsonl_document_reads_its_date_from_its_dateline(tmp_path: Path) -> None:
    corpus = open_corpus(corpus_file(tmp_path))
    assert {doc.id: doc.meta for doc in corpus} == EXPECTED


def test_the_date_is_what_an_import_of_the_same_file_gives(tmp_path: Path) -> None:
    source = corpus_file(tmp_path)
    written = tmp_path / "imported" / "c.jsonl"
    import_documents(source, "jsonl", written)
    direct = {doc.id: doc.meta for doc in open_corpus(source)}
    assert {doc.id: doc.meta for doc in open_corpus(written)} == direct == EXPECTED


def test_sunday_in_a_jsonl_corpus_is_counted_from_the_dateline(tmp_path: Path) -> None:
    session = open_session(
        corpus_file(tmp_path), "alice", None, tmp_path / "out", clock=FakeClock(), now=fixed_now
    )
    try:
        session.open("b")
        span = session.label_selection(*where(session, "Sunday"), "date")
        assert span.value == "2024-03-17"
    finally:
        session.close()
