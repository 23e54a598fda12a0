"""The export screen's request, without a terminal: paths, the command line, refusals."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.export_request import (
    ExportRequest,
    Outcome,
    default_out,
    output_hint,
    refuse_clash,
)
from annotator.core.formats.export import ExportResult


def test_default_out_names_a_file_or_a_folder(tmp_path: Path) -> None:
    assert default_out(tmp_path, "ana", "jsonl", False) == tmp_path / "export" / "ana.jsonl"
    assert (
        default_out(tmp_path, "ana", "prodigy", False) == tmp_path / "export" / "ana.prodigy.jsonl"
    )
    assert default_out(tmp_path, "ana", "brat", False) == tmp_path / "export" / "ana-brat"
    assert default_out(tmp_path, "ana", "jsonl", True) == tmp_path / "export" / "ana-jsonl"


def test_output_hint_says_what_is_written() -> None:
    assert output_hint("hf", False) == "a folder: data.jsonl + labels.json"
    assert output_hint("conll", True).startswith("a folder: one file per split (train.conll")
    assert output_hint("jsonl", False) == "one file; an existing file of that name is replaced"


def test_the_command_line_names_only_what_differs_from_the_defaults(tmp_path: Path) -> None:
    request = ExportRequest(
        source=tmp_path / "j.jsonl",
        fmt="doccano",
        out=tmp_path / "out dir",
        corpus=tmp_path / "docs",
        annotator="ana",
        scheme_path=tmp_path / "s.toml",
        split="80/10/10",
        style="entities",
    )
    words = shlex.split(request.command_line())
    assert words[:6] == [
        "annotator",
        "export",
        str(tmp_path / "j.jsonl"),
        "--format",
        "doccano",
        "-o",
    ]
    assert words[6] == str(tmp_path / "out dir")
    assert "--status" not in words and "--with-text" not in words and "--offsets" not in words
    assert words[-6:] == ["--split", "80/10/10", "--seed", "0", "--style", "entities"]


@pytest.mark.parametrize(
    ("out", "problem"),
    [
        ("annotations/ana.jsonl", "that is your journal"),
        ("annotations", "that folder holds your journal"),
        ("docs/inside", "that is inside the corpus"),
    ],
)
def test_an_export_never_writes_over_the_journal_or_the_corpus(
    tmp_path: Path, out: str, problem: str
) -> None:
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "ana.jsonl").write_text("")
    (tmp_path / "docs").mkdir()
    kept = [
        ("your journal", tmp_path / "annotations" / "ana.jsonl"),
        ("the corpus", tmp_path / "docs"),
    ]
    with pytest.raises(AnnotatorError, match=problem):
        refuse_clash(tmp_path / out, kept)
    refuse_clash(tmp_path / "export" / "ana.jsonl", kept)  # elsewhere: no complaint


def test_an_outcome_without_a_result_is_one_line(tmp_path: Path) -> None:
    request = ExportRequest(tmp_path, "jsonl", tmp_path, tmp_path, "ana", tmp_path)
    assert Outcome(request, error="a\n  b").summary() == "a b"


def test_the_summary_says_what_was_left_out_for_its_status(tmp_path: Path) -> None:
    request = ExportRequest(tmp_path, "jsonl", tmp_path / "out.jsonl", tmp_path, "ana", tmp_path)
    result = ExportResult(
        3, [tmp_path / "out.jsonl"], statuses=["done"], left_out={"in_progress": 2, "skipped": 1}
    )
    assert Outcome(request, result=result).summary() == (
        f"exported 3 document(s) as jsonl to {tmp_path / 'out.jsonl'}; left out 3 document(s) "
        "whose status is not done: 2 in progress, 1 skipped"
    )
    assert Outcome(request, result=ExportResult(3, [tmp_path / "out.jsonl"])).summary() == (
        f"exported 3 document(s) as jsonl to {tmp_path / 'out.jsonl'}"
    )
