"""A scheme naming a guidelines file that is not there is refused wherever it is loaded (annotate
opened with it, and ``g`` then said the scheme had no guidelines), in the line schema check says:
the file and line of the key, the path looked for, what to do; said once."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.core.scheme import load_scheme
from annotator.core.scheme_problems import scheme_file_problems
from tests.test_agreement_data import run_cli
from tests.test_scheme_messages import PROTEST


def scheme_naming(tmp_path: Path, guidelines: str, text: str = PROTEST) -> Path:
    path = tmp_path / "protest.toml"
    head = f'name = "protest"\nguidelines = "{guidelines}"\n'
    path.write_text(text.replace('name = "protest"\n', head, 1), encoding="utf-8")
    return path


def missing_line(path: Path, guidelines: str) -> str:
    return (
        f"{path}:2: guidelines file {guidelines!r} not found (looked for "
        f"{path.parent / guidelines}); put it there, or correct or remove the guidelines key"
    )


def test_load_scheme_refuses_a_missing_guidelines_file(tmp_path: Path) -> None:
    path = scheme_naming(tmp_path, "gone.md")
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    assert str(raised.value) == missing_line(path, "gone.md")
    assert scheme_file_problems(path) == [missing_line(path, "gone.md")]
    (tmp_path / "gone.md").write_text("# Protest guidelines\n", encoding="utf-8")
    assert load_scheme(path).guidelines == "gone.md"
    assert scheme_file_problems(path) == []


def test_a_folder_is_no_guidelines_file(tmp_path: Path) -> None:
    path = scheme_naming(tmp_path, "notes")
    (tmp_path / "notes").mkdir()
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    assert str(raised.value) == (
        f"{path}:2: guidelines file 'notes' is a folder, not a file (looked for "
        f"{tmp_path / 'notes'}); name the file in it, or correct or remove the guidelines key"
    )


def test_with_other_problems_it_is_said_once_among_them(tmp_path: Path) -> None:
    path = scheme_naming(tmp_path, "gone.md", PROTEST.replace('key = "5"', 'key = "1"'))
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    lines = str(raised.value).splitlines()
    assert lines == scheme_file_problems(path)
    assert lines[0] == missing_line(path, "gone.md")
    assert len(lines) == 2 and "key '1' is already that of" in lines[1]


def test_every_command_loading_it_says_it_in_one_line(tmp_path: Path) -> None:
    path = scheme_naming(tmp_path, "gone.md")
    line = missing_line(path, "gone.md")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("A text.\n", encoding="utf-8")
    (tmp_path / "j.jsonl").write_text("", encoding="utf-8")
    annotate = run_cli("annotate", tmp_path / "docs", "--scheme", path, "--out", tmp_path / "o")
    assert (annotate.returncode, annotate.stdout, annotate.stderr) == (1, "", line + "\n")
    assert not (tmp_path / "o").exists()
    validate = run_cli("validate", tmp_path / "j.jsonl", "--scheme", path)
    assert (validate.returncode, validate.stdout, validate.stderr) == (1, "", line + "\n")
    check = run_cli("schema", "check", path)
    assert (check.returncode, check.stdout, check.stderr) == (1, line + "\n", "")


@pytest.mark.parametrize("guidelines", ["", "  "])
def test_guidelines_naming_no_file_are_refused_as_a_missing_file_is(
    tmp_path: Path, guidelines: str
) -> None:
    """``guidelines = ""`` was taken without a word, and the scheme then had no guidelines to
    show: an empty name is a mistake (the file's name left out), said where the key is."""
    path = scheme_naming(tmp_path, guidelines)
    line = (
        f"{path}:2: guidelines {guidelines!r} names no file; name the guidelines file (looked "
        f"for beside the scheme, in {tmp_path}), or remove the guidelines key"
    )
    with pytest.raises(AnnotatorError) as raised:
        load_scheme(path)
    assert str(raised.value) == line
    assert scheme_file_problems(path) == [line]
    check = run_cli("schema", "check", path)
    assert (check.returncode, check.stdout, check.stderr) == (1, line + "\n", "")
