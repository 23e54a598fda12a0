"""``export --split`` refusing to replace files of records names each of them in its one line.

It named the first only (``train.jsonl``): moved away, the export was refused again for
``dev.jsonl``, then for ``test.jsonl``. One file's refusal is as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.export_request import replacing_refusal
from annotator.core.formats.export import export_records
from annotator.core.formats.export_replacing import ReplacingRecords, refuse_replacing_records
from tests.test_export_replacing_records import case, journal_of
from tests.test_formats_cli import cli

THREE = "train=0.5,dev=0.25,test=0.25"


def test_each_file_of_records_is_named_in_one_line(tmp_path: Path) -> None:
    _corpus, source = case(tmp_path)
    out = tmp_path / "splits"
    out.mkdir()
    held = {name: journal_of(out / f"{name}.jsonl", name) for name in ("train", "dev", "test")}
    result = cli("export", source, "--format", "jsonl", "--split", THREE, "-o", out)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "3 files of this export hold what is replaced only when asked: "
        f"{out / 'train.jsonl'} (its first line is a record of annotator 'train'); "
        f"{out / 'dev.jsonl'} (its first line is a record of annotator 'dev'); "
        f"{out / 'test.jsonl'} (its first line is a record of annotator 'test'): choose "
        "another folder, or pass --force to replace them (nothing was written)\n"
    )
    assert {path.stem: path.read_bytes() for path in out.iterdir()} == held
    forced = cli("export", source, "--format", "jsonl", "--split", THREE, "-o", out, "--force")
    assert forced.returncode == 0, forced.stderr


def test_files_holding_records_are_named_by_them_others_by_their_size(tmp_path: Path) -> None:
    _corpus, source = case(tmp_path)
    out = tmp_path / "splits"
    out.mkdir()
    journal_of(out / "dev.jsonl", "root")
    (out / "train.jsonl").write_bytes(b'["O", "B-actor"]\n')  # JSON of no object
    (out / "test.jsonl").touch()  # empty: nothing in it to lose
    with pytest.raises(AnnotatorError) as refused:
        export_records(source, "jsonl", out, split=THREE)
    assert str(refused.value) == (
        f"2 files of this export hold what is replaced only when asked: {out / 'train.jsonl'} "
        f"(it holds 17 bytes); {out / 'dev.jsonl'} (its first line is a record of annotator "
        "'root'): choose another folder, or pass --force to replace them (nothing was written)"
    )


def test_past_five_files_the_rest_are_counted(tmp_path: Path) -> None:
    paths = [tmp_path / f"part{number}.jsonl" for number in range(7)]
    for path in paths:
        journal_of(path, "root")
    with pytest.raises(ReplacingRecords) as refused:
        refuse_replacing_records(paths, force=False)
    said = str(refused.value)
    assert said.startswith("7 files of this export hold what is replaced only when asked: ")
    assert [str(path) in said for path in paths] == [True] * 5 + [False] * 2
    assert "part4.jsonl (its first line is a record of annotator 'root'); 2 more: " in said
    refuse_replacing_records(paths, force=True)  # nothing said


def test_the_export_screen_names_each_file_and_its_box(tmp_path: Path) -> None:
    paths = [tmp_path / "train.jsonl", tmp_path / "dev.jsonl"]
    for path in paths:
        journal_of(path, "root")
    with pytest.raises(ReplacingRecords) as refused:
        refuse_replacing_records(paths, force=False)
    said = replacing_refusal(refused.value)
    assert said.startswith("2 files of this export hold what is replaced only when asked: ")
    assert all(str(path) in said for path in paths)
    assert "--force" not in said and 'or tick "' in said
