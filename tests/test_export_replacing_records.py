"""``annotator export`` replaces an existing output only with ``--force``: a file of records (a
journal, a gold file, a jsonl export) said by what it holds, another (a CoNLL file, a brat
folder's files) by its size; an empty file is replaced without it."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.formats.export_replacing import ReplacingRecords, held_in, records_held
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


def test_other_outputs_are_replaced_only_with_force(tmp_path: Path) -> None:
    """An earlier CoNLL or brat export, perhaps corrected by hand since, was replaced unasked."""
    corpus, source = case(tmp_path)
    conll = tmp_path / "out.conll"
    export_records(source, "conll", conll, corpus=corpus)
    with pytest.raises(ReplacingRecords, match=r"out\.conll: it holds \d+ bytes: choose another"):
        export_records(source, "conll", conll, corpus=corpus)
    result = export_records(source, "conll", conll, corpus=corpus, force=True)
    assert result.replaced == [conll]
    brat = tmp_path / "brat"
    export_records(source, "brat", brat, corpus=corpus)
    before = {path: path.read_bytes() for path in brat.iterdir()}
    with pytest.raises(ReplacingRecords) as refused:
        export_records(source, "brat", brat, corpus=corpus)
    # Its .txt and .ann, not the annotation.conf an export wrote (replaced as it is)
    assert str(refused.value).startswith("2 files of this export hold what is replaced only ")
    assert "annotation.conf" not in str(refused.value)
    assert {path: path.read_bytes() for path in brat.iterdir()} == before
    assert export_records(source, "brat", brat, corpus=corpus, force=True).replaced
    tags = tmp_path / "tags.jsonl"  # JSON lines, but no objects
    tags.write_bytes(b'["O", "B-actor"]\n')
    assert export_records(source, "jsonl", tags, force=True).replaced == [tags]


def test_an_empty_file_is_replaced_without_force(tmp_path: Path) -> None:
    corpus, source = case(tmp_path)
    for fmt, name in (("conll", "out.conll"), ("jsonl", "out.jsonl"), ("spacy", "out.spacy")):
        out = tmp_path / name
        out.touch()
        assert export_records(source, fmt, out, corpus=corpus).replaced == [out]
        assert out.stat().st_size


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\n\n",
        b"[1, 2]\n",
        b'"a string"\n3\n',
        b"not json\n" + b'["d1"]\n',  # one line of something else read
    ],
)
def test_what_is_no_record_is_told_as_none(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(data)
    assert records_held(path) is None


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b'{"annotator": "a"}\n', "its first line is a JSON object (keys: annotator)"),
        (b'{"annotator": 1, "doc_id": "d"}\n',
         "its first line is a JSON object (keys: annotator, doc_id)"),
        (b'{"id": "", "text": "no id"}\n', "its first line is a JSON object (keys: id, text)"),
        (b'{}\n', "its first line is a JSON object (no keys)"),
        (b"not json\n" + b'{"doc_id": "d1"}\n', "its line 2 is a JSON object (keys: doc_id)"),
        (b'{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7}\n',
         "its first line is a JSON object (keys: a, b, c, d, e, f, ...)"),
        # Lines ending in CR alone: the record among them is said, not the object before it.
        (b'{"a": 1}\r{"annotator": "x", "doc_id": "d"}\r',
         "its first line is a record of annotator 'x'"),
        # A record after an object of no kind known is what is said.
        (b'{"note": 1}\n' + orjson.dumps(record("d9", TEXT, []).model_dump(mode="json")) + b"\n",
         "its line 2 is a record of annotator 'gold'"),
    ],
)  # fmt: skip
def test_json_objects_of_any_keys_are_said_by_their_keys(
    tmp_path: Path, data: bytes, said: str
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(data)
    held = held_in(path)
    assert held is not None and held.said == said


def test_lines_that_cannot_be_read_are_said_of_json_lines_only(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(b"not json\n")
    assert records_held(path) == "lines that cannot be read"
    named_otherwise = path.rename(tmp_path / "x.conll")
    assert records_held(named_otherwise) is None
