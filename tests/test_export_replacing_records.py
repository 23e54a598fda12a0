"""``annotator export`` replaces a file of records (a journal, a gold file, a jsonl export) at
its output only with ``--force``; other outputs (a CoNLL file, a brat folder) as before."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.formats.export_replacing import records_held
from tests.test_formats_cli import cli
from tests.test_formats_support import record, write_case

TEXT = "Kyiv freed 146 people."


def case(folder: Path) -> tuple[Path, Path]:
    return write_case(folder, [("d1", TEXT)], [record("d1", TEXT, [(0, 4, "actor")])])


def journal_of(path: Path, annotator: str) -> bytes:
    line = record("d9", TEXT, [(11, 14, "count")]).model_dump(mode="json")
    data = orjson.dumps({**line, "annotator": annotator}) + b"\n"
    path.write_bytes(data)
    return data


def test_another_annotators_journal_is_refused_in_one_line_and_kept(tmp_path: Path) -> None:
    _corpus, source = case(tmp_path)
    root = tmp_path / "root.jsonl"
    held = journal_of(root, "root")
    result = cli("export", source, "--format", "jsonl", "-o", root)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{root}: its first line is a record of annotator 'root': choose another name, or pass "
        "--force to replace the file (nothing was written)\n"
    )
    assert root.read_bytes() == held
    forced = cli("export", source, "--format", "jsonl", "-o", root, "--force")
    assert forced.returncode == 0, forced.stderr
    assert f"{root}: replaced the file that was there" in forced.stderr
    assert orjson.loads(root.read_bytes())["doc_id"] == "d1"


def test_a_gold_file_is_not_replaced_by_conll(tmp_path: Path) -> None:
    corpus, source = case(tmp_path)
    gold = tmp_path / "reviewed.jsonl"
    line = record("d1", TEXT, []).model_dump(mode="json")
    # A blank first line and a byte order mark (a hand edit) hide nothing; the line is named.
    held = b"\xef\xbb\xbf\n" + orjson.dumps({**line, "annotator": "rita", "sources": {}}) + b"\n"
    gold.write_bytes(held)
    with pytest.raises(AnnotatorError, match=r"its line 2 is a gold record of reviewer 'rita'"):
        export_records(source, "conll", gold, corpus=corpus)
    assert gold.read_bytes() == held
    export_records(source, "conll", gold, corpus=corpus, force=True)
    assert gold.read_bytes().startswith(b"-DOCSTART-")


def test_an_earlier_jsonl_export_needs_force_too(tmp_path: Path) -> None:
    _corpus, source = case(tmp_path)
    out = tmp_path / "out.jsonl"
    export_records(source, "jsonl", out)
    with pytest.raises(AnnotatorError, match=r"a record of annotator 'gold'"):
        export_records(source, "jsonl", out, status="all")


def test_a_split_refuses_when_one_of_its_files_holds_records(tmp_path: Path) -> None:
    _corpus, source = case(tmp_path)
    out = tmp_path / "splits"
    out.mkdir()
    journal_of(out / "train.jsonl", "root")
    with pytest.raises(AnnotatorError, match=r"train\.jsonl: its first line is a record of "):
        export_records(source, "jsonl", out, split="train=1.0")
    assert sorted(path.name for path in out.iterdir()) == ["train.jsonl"]


def test_other_outputs_are_replaced_as_before(tmp_path: Path) -> None:
    corpus, source = case(tmp_path)
    conll = tmp_path / "out.conll"
    export_records(source, "conll", conll, corpus=corpus)
    result = export_records(source, "conll", conll, corpus=corpus)
    assert result.replaced == [conll]
    brat = tmp_path / "brat"
    export_records(source, "brat", brat, corpus=corpus)
    assert export_records(source, "brat", brat, corpus=corpus).replaced
    notes = tmp_path / "notes.jsonl"  # JSON lines, but no records
    notes.write_bytes(b'{"doc_id": "d1"}\n')
    assert export_records(source, "jsonl", notes).replaced == [notes]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n\n",
        b"[1, 2]\n",
        b'{"annotator": "a"}\n',
        b'{"annotator": 1, "doc_id": "d"}\n',
        b'{"id": "", "text": "no id"}\n',
        b'{"id": "a1", "body": "no text"}\n',
        b"not json\n" + b'{"doc_id": "d1"}\n',  # one line of something else read
    ],
)
def test_what_is_no_record_is_told_as_none(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(data)
    assert records_held(path) is None


def test_lines_that_cannot_be_read_are_said_of_json_lines_only(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"not json\n")
    assert records_held(path) == "lines that cannot be read"
    named_otherwise = path.rename(tmp_path / "x.conll")
    assert records_held(named_otherwise) is None
