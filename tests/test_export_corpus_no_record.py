"""With ``--corpus``, the corpus's documents the source holds no record of are said on stderr
(one line, counted, the first named): an export never leaves documents out without a word. It is
information, not an error: the exit stays 0. Every format goes through it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.export_request import ExportRequest, Outcome
from annotator.core.formats import EXPORT_FORMATS
from annotator.core.formats.export import export_records
from tests.test_formats_support import out_path, record, write_case

DOCS = [(f"d{n}", f"Kyiv freed {n} people.") for n in range(1, 8)]
RECORDED = ("d2", "d4", "d5", "d7")  # d1, d3 and d6 have no record
SAID = "3 document(s) of the corpus have no record: not exported (first: d1)"


def case(folder: Path) -> tuple[Path, Path]:
    texts = dict(DOCS)
    return write_case(folder, DOCS, [record(i, texts[i], [(0, 4, "actor")]) for i in RECORDED])


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_says_the_documents_without_a_record(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, gold = case(tmp_path / "in")
    out = out_path(tmp_path, fmt)
    words = ["export", str(gold), "--format", fmt, "--corpus", str(corpus), "-o", str(out)]
    assert main(words) == 0
    said = capsys.readouterr()
    assert said.out.startswith(f"exported 4 document(s) as {fmt} to {out}")
    assert SAID in said.err.splitlines()


def test_nothing_is_said_when_every_document_has_a_record_or_no_corpus_is_given(
    tmp_path: Path,
) -> None:
    corpus, gold = write_case(tmp_path / "in", DOCS[:1], [record("d1", DOCS[0][1], [])])
    assert export_records(gold, "conll", tmp_path / "o.conll", corpus=corpus).no_record == []
    _corpus, gold = case(tmp_path / "in2")
    assert export_records(gold, "jsonl", tmp_path / "o.jsonl").no_record_line() is None


def test_a_record_of_another_status_is_a_record_and_the_annotator_is_named(tmp_path: Path) -> None:
    texts = dict(DOCS)
    records = [record(i, texts[i], [(0, 4, "actor")]) for i in RECORDED[1:]]
    records.append(record("d2", texts["d2"], [], status="in_progress"))
    corpus, gold = write_case(tmp_path / "in", DOCS, records)
    result = export_records(gold, "doccano", tmp_path / "o.jsonl", corpus=corpus, annotator="gold")
    assert (result.documents, result.left_out) == (3, {"in_progress": 1})
    assert result.no_record_line() == (
        "3 document(s) of the corpus have no record of gold: not exported (first: d1)"
    )


def test_the_export_screen_says_it_in_its_summary(tmp_path: Path) -> None:
    corpus, gold = case(tmp_path / "in")
    out = tmp_path / "o.jsonl"
    result = export_records(gold, "jsonl", out, corpus=corpus)
    request = ExportRequest(gold, "jsonl", out, corpus, "gold", tmp_path)
    assert Outcome(request, result=result).summary() == (
        f"exported 4 document(s) as jsonl to {out}; {SAID}"
    )


def test_the_warnings_count_follows_the_warnings_not_the_lines_said_after_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A trial read "1 warning(s): see above" under a brat warning AND the no-record line,
    # and could not tell which was counted: the count now comes right after the warnings.
    corpus, gold = case(tmp_path / "in")
    out = tmp_path / "o.conll"  # conll cannot carry document ids: one warning
    words = ["export", str(gold), "--format", "conll", "--corpus", str(corpus), "-o", str(out)]
    assert main(words) == 0
    lines = capsys.readouterr().err.splitlines()
    count = lines.index("1 warning(s): see above")
    assert [line for line in lines[:count] if "cannot carry" in line] == lines[:count] != []
    assert lines[count + 1 :] == [SAID]
