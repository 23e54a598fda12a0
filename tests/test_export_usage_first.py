"""A wrong output path (or another usage problem) is the one line said: never the last line
after warnings about records that were then not exported."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.formats.export import export_records
from annotator.core.models import Record
from tests.test_agreement_data import run_cli
from tests.test_formats_support import record, write_case

TEXT = "Kyiv freed 146 people."


def case(folder: Path) -> tuple[Path, Path]:
    """One record with a form, a span value and a note, which doccano reports not written."""
    spans = [(0, 4, "actor"), (11, 14, "count")]
    base = record("d1", TEXT, spans).model_dump()
    base["spans"][1]["value"] = 146
    fields = base | {"form": {"event_type": "exchange"}, "note": "check"}
    return write_case(folder, [("d1", TEXT)], [Record.model_validate(fields)])


def test_a_folder_for_a_one_file_format_is_the_only_line(tmp_path: Path) -> None:
    corpus, gold = case(tmp_path / "in")
    folder = tmp_path / "adir"
    folder.mkdir()
    done = run_cli("export", gold, "--format", "doccano", "-o", folder, "--corpus", corpus)
    assert done.returncode == 1
    assert done.stderr == f"{folder}: is a folder; doccano writes one file\n"
    assert done.stdout == ""
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("fmt", ["hf", "brat"])
def test_a_file_for_a_folder_format_is_the_only_line(tmp_path: Path, fmt: str) -> None:
    corpus, gold = case(tmp_path / "in")
    blocker = tmp_path / "a-file"
    blocker.write_text("mine\n")
    done = run_cli("export", gold, "--format", fmt, "-o", blocker, "--corpus", corpus)
    assert done.returncode == 1
    assert done.stderr == f"{blocker}: exists and is not a folder; {fmt} writes a folder here\n"
    assert blocker.read_text() == "mine\n"


def test_a_split_into_a_file_is_the_only_line(tmp_path: Path) -> None:
    corpus, gold = case(tmp_path / "in")
    blocker = tmp_path / "a-file"
    blocker.write_text("mine\n")
    done = run_cli("export", gold, "--format", "conll", "-o", blocker, "--corpus", corpus,
                   "--split", "train=0.5,test=0.5")  # fmt: skip
    assert (done.returncode, done.stderr.count("\n")) == (1, 1), done.stderr
    assert "exists and is not a folder" in done.stderr


def test_a_file_on_the_way_is_the_only_line(tmp_path: Path) -> None:
    corpus, gold = case(tmp_path / "in")
    blocker = tmp_path / "a-file"
    blocker.write_text("mine\n")
    out = blocker / "sub" / "x.doccano"
    done = run_cli("export", gold, "--format", "doccano", "-o", out, "--corpus", corpus)
    assert done.returncode == 1
    assert (
        done.stderr == f"{blocker / 'sub'}: cannot write: a file stands where a folder is needed\n"
    )


def test_the_output_is_checked_before_the_records_are_read(tmp_path: Path) -> None:
    corpus, _gold = case(tmp_path / "in")
    folder = tmp_path / "adir"
    folder.mkdir()
    with pytest.raises(AnnotatorError, match="is a folder; prodigy writes one file"):
        export_records(tmp_path / "missing.jsonl", "prodigy", folder, corpus=corpus)


def test_a_missing_corpus_is_a_usage_error_before_the_records_are_read(tmp_path: Path) -> None:
    done = run_cli("export", tmp_path / "missing.jsonl", "--format", "conll", "-o", tmp_path / "o")
    assert done.returncode == 2
    assert "this export needs the texts: pass --corpus PATH" in done.stderr
    assert done.stderr.count("\n") == 1


def test_a_folder_of_an_earlier_export_is_the_only_line(tmp_path: Path) -> None:
    corpus, gold = case(tmp_path / "in")
    out = tmp_path / "splits"
    out.mkdir()
    (out / "old.conll").write_text("-DOCSTART- O\n")
    done = run_cli("export", gold, "--format", "conll", "-o", out, "--corpus", corpus,
                   "--split", "train=0.5,test=0.5")  # fmt: skip
    assert done.returncode == 1
    [line] = done.stderr.splitlines()  # no "cannot carry" line before it, nor "split ... empty"
    assert line.startswith(f"{out}: holds 1 file(s) of an earlier export")


def test_warnings_still_come_when_the_export_goes_ahead(tmp_path: Path) -> None:
    corpus, gold = case(tmp_path / "in")
    done = run_cli("export", gold, "--format", "doccano", "-o", tmp_path / "o.jsonl",
                   "--corpus", corpus)  # fmt: skip
    assert done.returncode == 0
    assert done.stderr.splitlines() == [
        "d1: doccano cannot carry the form (1 field(s)), span values (1), the note; not written",
        "1 warning(s): see above",
    ]
