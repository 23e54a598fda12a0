"""A brat ``.txt`` that begins with a byte order mark (a Windows editor's): brat counts the mark
as a character, so its offsets are the file's as written. A trial's offsets that left it out
(``T1 PER 0 5 Alice``) were refused as ``PER 0..4: ... ('Alic')``, offsets that are not in the
file, the mark unsaid; with offsets counting it (``1 6``) the span imported right, but the mark
was dropped without a word where a CRLF's change is said."""

from __future__ import annotations

from pathlib import Path

import orjson

from tests.test_agreement_data import run_cli

BOM = b"\xef\xbb\xbf"


def _brat(tmp_path: Path, ann: str, text: bytes = b"Alice met Bob.\n") -> Path:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "d.txt").write_bytes(BOM + text)
    (folder / "d.ann").write_text(ann, encoding="utf-8")
    return folder


def _import(source: Path, out: Path, *more: str) -> tuple[int, str]:
    result = run_cli(
        "import", source, "--format", "brat", "-o", out / "c.jsonl",
        "--annotations", out / "a.jsonl", "--annotator", "al", *more,
    )  # fmt: skip
    return result.returncode, result.stdout + result.stderr


def test_offsets_leaving_out_the_mark_are_said_as_written_and_the_mark_named(
    tmp_path: Path,
) -> None:
    source = _brat(tmp_path, "T1\tPER 0 5\tAlice\n")
    code, said = _import(source, tmp_path / "o")
    assert code == 1
    assert (
        f"{source / 'd.ann'}:1: T1: PER 0..5: text 'Alice' does not match the document there "
        "('\\ufeffAlic'); the text begins with a byte order mark, a character offsets count "
        "(brat counts it): this text is at 1..6; not imported"
    ) in said.splitlines()


def test_the_mark_counted_imports_and_its_dropping_is_said(tmp_path: Path) -> None:
    source = _brat(tmp_path, "T1\tPER 1 6\tAlice\nT2\tPER 11 14\tBob\n")
    out = tmp_path / "o"
    code, said = _import(source, out)
    assert code == 0, said
    assert (
        f"1 document(s) began with a byte order mark (first: {source / 'd.txt'}: document d): "
        "dropped, as a .txt corpus drops it, and their spans moved with it"
    ) in said.splitlines()
    (doc,) = [orjson.loads(line) for line in (out / "c.jsonl").read_bytes().splitlines()]
    assert doc["text"] == "Alice met Bob.\n"
    (record,) = [orjson.loads(line) for line in (out / "a.jsonl").read_bytes().splitlines()]
    spans = [(span["start"], span["end"], span["text"]) for span in record["spans"]]
    assert spans == [(0, 5, "Alice"), (10, 13, "Bob")]


def test_a_span_of_the_mark_alone_is_bad_data(tmp_path: Path) -> None:
    source = _brat(tmp_path, "T1\tPER 0 1\t\ufeff\nT2\tPER 1 6\tAlice\n")
    code, said = _import(source, tmp_path / "o")
    assert code == 1
    assert (
        f"{source / 'd.ann'}:1: T1: PER 0..1: covers only the byte order mark, which is "
        "dropped; not imported"
    ) in said.splitlines()


def test_with_crlf_too_both_are_said_and_spans_land(tmp_path: Path) -> None:
    source = _brat(tmp_path, "T1\tPER 1 6\tAlice\nT2\tPER 12 15\tBob\n", b"Alice\r\nmet Bob.\r\n")
    out = tmp_path / "o"
    code, said = _import(source, out)
    assert code == 0, said
    assert "began with a byte order mark" in said and "had CRLF or CR line endings" in said
    (record,) = [orjson.loads(line) for line in (out / "a.jsonl").read_bytes().splitlines()]
    spans = [(span["start"], span["end"], span["text"]) for span in record["spans"]]
    assert spans == [(0, 5, "Alice"), (10, 13, "Bob")]


def test_txt_import_says_the_mark_too_and_keeps_the_dateline(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "a.txt").write_bytes(BOM + b"date 2025-01-02 Hi.\n")
    out = tmp_path / "c.jsonl"
    result = run_cli("import", folder, "--format", "txt", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "1 document(s) began with a byte order mark" in result.stderr
    (doc,) = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert doc["text"] == "date 2025-01-02 Hi.\n"
    assert doc["meta"]["date"] == "2025-01-02"
