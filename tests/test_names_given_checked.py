"""Names and folders given on the command line are held to one rule before anything is read.

A bad-input trial: ``merge --reviewer "bad name"`` wrote the gold records under that name
(validate and export took it), and ``--reviewer ""`` or ``annotate --annotator ''`` used the
login name unsaid, while rename and import refused such names (exit 2). ``annotate --out`` given
a file said "OUT/annotations/NAME.jsonl: cannot open: Not a directory"; ``merge -o X --corpus X
--force`` wrote the gold file over the corpus, and review said only that X's first line was no
record.
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Any

import pytest

from annotator.commands.annotate_cmd import login_name
from annotator.core.errors import AnnotatorError
from tests.test_agreement_data import run_cli
from tests.test_review_session_data import write_review_case

RULE = "use letters, digits, '.', '_', '-' or '@', beginning with a letter or digit"
REVIEWER_WHY = "as annotate takes a name: the gold records bear it"
ANNOTATOR_WHY = "as annotate takes it: it names the journal file"


def _files(folder: Path) -> dict[Path, bytes | None]:
    return {
        path: None if path.is_dir() else path.read_bytes() for path in sorted(folder.rglob("*"))
    }


def _review_argv(case: dict[str, Any], command: str) -> list[str | Path]:
    files = [case["alice"], case["bob"]]
    return [
        command,
        *files,
        "-o",
        case["gold"],
        "--corpus",
        case["corpus"],
        "--scheme",
        case["scheme"],
    ]


@pytest.mark.parametrize("command", ["merge", "review"])
@pytest.mark.parametrize("name", ["", "bad name", "-rita", "rita/x"])
def test_a_reviewer_name_annotate_would_refuse_is_refused(
    tmp_path: Path, command: str, name: str
) -> None:
    case = write_review_case(tmp_path)
    before = _files(tmp_path)
    result = run_cli(*_review_argv(case, command), f"--reviewer={name}")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"annotator: error: --reviewer {name!r}: {RULE} ({REVIEWER_WHY})\n")
    assert _files(tmp_path) == before  # no gold file, no lock


def test_a_reviewer_name_annotate_takes_is_the_gold_records_annotator(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    result = run_cli(*_review_argv(case, "merge"), "--reviewer", "rita.k@lab-2")
    assert result.returncode == 0, result.stderr
    assert '"annotator":"rita.k@lab-2"' in case["gold"].read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["", "bad name"])
def test_annotate_refuses_an_annotator_name_before_asking_for_a_terminal(
    tmp_path: Path, name: str
) -> None:
    case = write_review_case(tmp_path)
    result = run_cli("annotate", case["corpus"], f"--annotator={name}", "--out", tmp_path / "o")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == f"annotator: error: --annotator {name!r}: {RULE} ({ANNOTATOR_WHY})\n"
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("option", ["--annotator", "--reviewer"])
def test_a_login_name_annotate_would_refuse_asks_for_the_option(
    monkeypatch: pytest.MonkeyPatch, option: str
) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "Jo Smith")
    with pytest.raises(AnnotatorError) as refused:
        login_name(option)
    assert str(refused.value) == (
        "your login name 'Jo Smith' is not a name annotate takes (letters, digits, '.', '_', "
        f"'-' or '@', beginning with a letter or digit): pass {option} NAME"
    )


def test_annotate_out_that_is_a_file_is_said_to_be_one(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    out = tmp_path / "empty.jsonl"
    out.write_bytes(b"")
    result = run_cli("annotate", case["corpus"], "--annotator", "al", "--out", out)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{out}: is a file, and --out must be a folder (annotate keeps the journal in its "
        "annotations/ folder)\n"
    )
    assert out.read_bytes() == b""


def test_annotate_out_whose_annotations_is_a_file_is_said_so(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    (tmp_path / "o").mkdir()
    (tmp_path / "o" / "annotations").write_text("notes\n")
    result = run_cli("annotate", case["corpus"], "--annotator", "al", "--out", tmp_path / "o")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{tmp_path / 'o' / 'annotations'}: is a file; annotate keeps the journals in a folder "
        "of that name: move it, or give another --out\n"
    )


def test_annotate_out_empty_is_refused(tmp_path: Path) -> None:
    case = write_review_case(tmp_path)
    result = run_cli("annotate", case["corpus"], "--annotator", "al", "--out=")
    # One rule with every path given empty (``paths_given``): one line, exit 1.
    assert (result.returncode, result.stderr) == (
        1,
        "--out: the path is empty: name the folder annotate keeps annotations/ in (an empty "
        "path is not taken for the current folder: give . for it)\n",
    )


@pytest.mark.parametrize("command", ["merge", "review"])
@pytest.mark.parametrize("same", ["path", "another spelling", "hard link"])
def test_the_corpus_as_the_gold_file_is_refused(tmp_path: Path, command: str, same: str) -> None:
    case = write_review_case(tmp_path)
    corpus = case["corpus"]
    output = {
        "path": corpus,
        "another spelling": tmp_path / "sub" / ".." / corpus.name,
        "hard link": tmp_path / "linked.jsonl",
    }[same]
    (tmp_path / "sub").mkdir()
    if same == "hard link":
        os.link(corpus, output)
    case["gold"] = output
    before = _files(tmp_path)
    force = ["--force"] if command == "merge" else []  # merge --force wrote over the corpus
    result = run_cli(*_review_argv(case, command), "--reviewer", "rita", *force)
    # One line, exit 1, as export says it (``export_out.refuse_own_inputs``).
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{output}: is the same file as the corpus ({corpus}); write the gold file to another "
        "file (nothing was written)\n"
    )
    assert _files(tmp_path) == before
