"""An export that selects no record is refused in every format, as hf always refused it: one
line saying what was left out and the ``--status`` that takes it, exit 1, nothing written and an
earlier export of that name left as it was (an empty file replaced a good one, exit 0)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.formats import EXPORT_FORMATS
from tests.test_formats_support import out_path, record, write_case

DOCS = [("d1", "Kyiv freed 5 people."), ("d2", "Moscow freed 7 people.")]


def in_progress(folder: Path) -> tuple[Path, Path]:
    records = [record(i, t, [(0, 4, "actor")], status="in_progress") for i, t in DOCS]
    return write_case(folder, DOCS, records)


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_refuses_and_leaves_the_earlier_file(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, gold = in_progress(tmp_path / "in")
    out = out_path(tmp_path, fmt)
    if fmt in ("brat", "hf"):
        out.mkdir()
        earlier = out / "labels.json" if fmt == "hf" else out / "d1.ann"
    else:
        earlier = out
    earlier.write_text("an earlier export\n")
    words = ["export", str(gold), "--format", fmt, "--corpus", str(corpus), "-o", str(out)]
    assert main(words) == 1
    said = capsys.readouterr()
    assert said.out == ""
    assert said.err.splitlines() == [
        f"{gold}: no records with status done to export (left out 2 document(s) whose status "
        "is not done: 2 in progress; --status done,in_progress exports them too); nothing was "
        "written"
    ]
    assert earlier.read_text() == "an earlier export\n"
    assert sorted(p.name for p in out.parent.iterdir()) == sorted(["in", out.name])
    if out.is_dir():
        assert [p.name for p in out.iterdir()] == [earlier.name]


def test_standard_output_gets_nothing_and_an_empty_source_is_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus, gold = in_progress(tmp_path / "in")
    assert main(["export", str(gold), "--format", "conll", "--corpus", str(corpus), "-o", "-"]) == 1
    assert capsys.readouterr().out == ""
    gold.write_text("")
    assert main(["export", str(gold), "--format", "jsonl", "-o", str(tmp_path / "o.jsonl")]) == 1
    assert capsys.readouterr().err == (
        f"{gold}: no records with status done to export; nothing was written\n"
    )
    assert not (tmp_path / "o.jsonl").exists()
