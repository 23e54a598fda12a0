"""A command whose write fails says so in one line naming the path given, exits 1 and leaves
nothing of its run: no partial export, no hidden temp file, no corpus without its records. A
curator trial found export and import named the hidden temp file (``ro/.x.jsonl.ormjlo3k.tmp:
cannot write``), a folder where a brat or hf file goes left part of the export and temp files
that later exports leave alone for ever, and a failed import left its corpus and scheme.

Read-only folders are made by monkeypatching (tests may run as root, whom chmod does not stop).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from annotator.cli import main
from annotator.core.formats import safe_writes
from tests.test_review_session_data import write_review_case

SOURCE = b'{"id":"d1","text":"Russia freed 146 prisoners.","label":[[0,6,"actor"]]}\n'


def listing(folder: Path) -> list[str]:
    """Every path under ``folder``, hidden ones too."""
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*"))


@pytest.fixture
def ro(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder ``ro`` in the working folder, read-only as ``chattr +i`` makes it: no file can
    be made in it, and the error names the temp file, as the real one does."""
    monkeypatch.chdir(tmp_path)
    folder = Path("ro")
    folder.mkdir()
    real = safe_writes.tempfile.mkstemp

    def mkstemp(*args: Any, **kwargs: Any) -> tuple[int, str]:
        if Path(kwargs["dir"]).resolve() == folder.resolve():
            name = f"{kwargs['dir']}/{kwargs['prefix']}ormjlo3k{kwargs['suffix']}"
            raise PermissionError(errno.EPERM, os.strerror(errno.EPERM), name)
        return real(*args, **kwargs)

    monkeypatch.setattr(safe_writes.tempfile, "mkstemp", mkstemp)
    return folder


def last_line(error: str) -> str:
    return error.splitlines()[-1]


@pytest.mark.parametrize(
    ("fmt", "name"), [("jsonl", "x.jsonl"), ("prodigy", "x.jsonl"), ("spacy", "x.spacy")]
)
def test_an_export_into_a_read_only_folder_names_the_file_given(
    tmp_path: Path, ro: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str
) -> None:
    case = write_review_case(tmp_path)
    out = ro / name
    code = main(["export", str(case["alice"]), "--format", fmt, "--corpus", str(case["corpus"]),
                 "--scheme", str(case["scheme"]), "-o", str(out)])  # fmt: skip
    assert code == 1
    assert last_line(capsys.readouterr().err) == f"{out}: cannot write: Operation not permitted"
    assert listing(ro) == []


def test_an_import_into_a_read_only_folder_leaves_nothing(
    tmp_path: Path, ro: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Path("in.jsonl").write_bytes(SOURCE)
    args = ["import", "in.jsonl", "--format", "doccano", "-o", "w/c.jsonl", "--annotator", "al"]
    assert main([*args, "--annotations", "ro/a.jsonl"]) == 1
    assert capsys.readouterr().err == (
        "ro/a.jsonl: cannot write: Operation not permitted (nothing was written)\n"
    )
    assert listing(tmp_path) == ["in.jsonl", "ro"]
    assert main(["import", "in.jsonl", "--format", "doccano", "-o", "ro/c.jsonl"]) == 1
    assert last_line(capsys.readouterr().err) == "ro/c.jsonl: cannot write: Operation not permitted"
    # Run again with a records file that can be written: not refused "already exists".
    assert main([*args, "--annotations", "w/a.jsonl"]) == 0
    assert listing(tmp_path / "w") == ["a.jsonl", "c.jsonl", "c.scheme.toml"]


def test_an_import_onto_a_folder_names_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("in.jsonl").write_bytes(SOURCE)
    Path("adir").mkdir()
    code = main(["import", "in.jsonl", "--format", "doccano", "-o", "w/c.jsonl",
                 "--annotator", "al", "--annotations", "adir", "--force"])  # fmt: skip
    assert code == 1
    assert capsys.readouterr().err == "adir: is a folder, not a file\n"
    assert listing(tmp_path) == ["adir", "in.jsonl"]


@pytest.mark.parametrize(("fmt", "blocked"), [("brat", "d1.ann"), ("hf", "labels.json")])
def test_a_folder_where_an_export_file_goes_leaves_the_folder_as_it_was(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
    blocked: str,
) -> None:
    case = write_review_case(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out" / blocked).mkdir(parents=True)
    code = main(["export", str(case["alice"]), "--format", fmt, "--corpus", str(case["corpus"]),
                 "--scheme", str(case["scheme"]), "-o", "out"])  # fmt: skip
    assert code == 1
    assert last_line(capsys.readouterr().err) == f"out/{blocked}: is a folder, not a file"
    assert listing(tmp_path / "out") == [blocked]  # no file written, no hidden temp file
