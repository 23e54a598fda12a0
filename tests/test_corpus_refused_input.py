"""A corpus is refused as it is read for what no command could use, in a journal's words.

A bad-input trial: a ``.jsonl`` corpus with the id ``../../esc`` opened in annotate and passed
validate --corpus, and only a brat export refused it, naming neither file nor line; a Latin-1,
UTF-16 or binary corpus said "invalid JSON: str is not valid UTF-8: surrogates not allowed", an
array line "got list"; a named pipe given as the corpus was "no such corpus", and a ``.txt``
that was a named pipe or a folder was left out of a folder corpus unsaid (its records then read
as not in the corpus).
"""

from __future__ import annotations

import os
from pathlib import Path

import orjson
import pytest

from annotator.core.corpus import open_corpus
from annotator.core.corpus_jsonl import JsonlDocuments, index_jsonl
from annotator.core.errors import AnnotatorError
from annotator.core.formats.importing import import_documents
from tests.test_agreement_data import TEXT, record, run_cli, write_journal

ID_RULE = (
    "cannot be a file name (empty, '.', '..' or '\\' parts), which a document id must be "
    "(a brat export writes ID.txt)"
)


def _jsonl(path: Path, *ids: str) -> Path:
    path.write_bytes(b"".join(orjson.dumps({"id": i, "text": TEXT}) + b"\n" for i in ids))
    return path


@pytest.mark.parametrize("doc_id", ["../../esc", "/tmp/abs", "a/./b", "a//b", "a\\b", ".", ".."])
def test_a_jsonl_id_that_cannot_be_a_file_name_is_refused_at_its_line(
    tmp_path: Path, doc_id: str
) -> None:
    path = _jsonl(tmp_path / "c.jsonl", "fine", doc_id)
    with pytest.raises(AnnotatorError) as refused:
        open_corpus(path)
    assert str(refused.value) == f"{path}:2: id: {doc_id!r} {ID_RULE}: give it another id"


def test_the_rule_is_import_s(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "src.jsonl", "../../esc")
    with pytest.raises(AnnotatorError) as imported:
        import_documents(source, "jsonl", tmp_path / "c.jsonl")
    with pytest.raises(AnnotatorError) as opened:
        open_corpus(source)
    assert f"{source}:1: id: '../../esc' {ID_RULE}" in str(imported.value)
    assert str(opened.value).startswith(f"{source}:1: id: '../../esc' {ID_RULE}")


def test_validate_refuses_such_a_corpus_naming_file_and_line(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "c.jsonl", "../../esc")
    journal = write_journal(tmp_path / "al.jsonl", record("al", "../../esc"))
    result = run_cli("validate", journal, "--corpus", corpus)
    assert result.returncode == 1
    assert result.stdout + result.stderr == (
        f"{corpus}:1: id: '../../esc' {ID_RULE}: give it another id\n"
    )


def test_an_unsafe_id_written_mid_session_is_a_line_that_cannot_be_read(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "c.jsonl", "a", "b")
    documents = JsonlDocuments(path, index_jsonl(path))
    _jsonl(path, "a", "..")
    with pytest.raises(AnnotatorError) as refused:
        documents.get("b")
    assert f"(line 2: id: '..' {ID_RULE}: give it another id)" in str(refused.value)
    assert documents.get("a").text == TEXT


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("Caf\u00e9 {}".encode("latin-1"), "invalid UTF-8 at byte 3 of the line"),
        ('{"id": "a"}'.encode("utf-16"), "invalid UTF-8 at byte 0 of the line"),
        (b"\x89PNG\r\n\x1a\n", "invalid UTF-8 at byte 0 of the line"),
        (b'["a", "b"]', "expected a JSON object, got an array"),
        (b'"a"', "expected a JSON object, got a string"),
        (b"{nope", "invalid JSON: unexpected character"),
    ],
)
def test_a_line_that_is_no_document_is_said_as_a_journal_s_is(
    tmp_path: Path, content: bytes, said: str
) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(content + b"\n")
    with pytest.raises(AnnotatorError) as refused:
        open_corpus(path)
    assert str(refused.value).startswith(f"{path}:1: {said}")


def test_a_named_pipe_as_the_corpus_is_said_to_be_one(tmp_path: Path) -> None:
    pipe = tmp_path / "c.jsonl"
    os.mkfifo(pipe)
    with pytest.raises(AnnotatorError) as refused:
        open_corpus(pipe)
    assert str(refused.value) == (
        f"{pipe}: a named pipe, not a corpus (a folder of .txt files or a .jsonl file)"
    )


def test_a_corpus_not_there_is_still_no_such_corpus(tmp_path: Path) -> None:
    with pytest.raises(AnnotatorError) as refused:
        open_corpus(tmp_path / "nowhere.jsonl")
    assert str(refused.value) == (
        f"{tmp_path / 'nowhere.jsonl'}: no such corpus (a folder of .txt files or a .jsonl file)"
    )


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "b.txt").write_text(TEXT, encoding="utf-8")
    return folder


@pytest.mark.parametrize("kind", ["a named pipe", "a folder", "a link to nothing"])
def test_a_txt_that_is_no_file_is_said_by_validate_and_import(tmp_path: Path, kind: str) -> None:
    folder = _folder(tmp_path)
    odd = folder / "a.txt"
    if kind == "a named pipe":
        os.mkfifo(odd)
    elif kind == "a folder":
        odd.mkdir()
    else:
        odd.symlink_to(tmp_path / "gone.txt")
    said = (
        f"{odd}: {kind}, not a text file: every .txt in a corpus folder is a document; move it "
        "out of the folder or rename it\n"
    )
    journal = write_journal(tmp_path / "al.jsonl", record("al", "b"))
    validated = run_cli("validate", journal, "--corpus", folder)
    assert (validated.returncode, validated.stdout + validated.stderr) == (1, said)
    imported = run_cli("import", folder, "--format", "txt", "-o", tmp_path / "c.jsonl")
    assert (imported.returncode, imported.stdout + imported.stderr) == (1, said)
    assert not (tmp_path / "c.jsonl").exists()


@pytest.mark.parametrize(
    ("name", "doc_id"), [("..txt", "."), ("...txt", ".."), ("a\\b.txt", "a\\b")]
)
def test_a_txt_whose_id_cannot_be_a_file_name_is_refused(
    tmp_path: Path, name: str, doc_id: str
) -> None:
    folder = _folder(tmp_path)
    (folder / name).write_text(TEXT, encoding="utf-8")
    with pytest.raises(AnnotatorError) as refused:
        open_corpus(folder)
    assert str(refused.value) == f"{folder / name}: id: {doc_id!r} {ID_RULE}: rename the file"
