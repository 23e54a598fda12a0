"""``schema --write DIR`` / ``--check DIR``: the command suggested mends the folder checked, and
a path that is no folder is one clear line, exit 1."""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

from annotator.core.jsonschemas import SCHEMA_FILES
from tests.test_agreement_data import run_cli


def one_line(result: subprocess.CompletedProcess[str], line: str) -> None:
    assert (result.returncode, result.stdout, result.stderr) == (1, "", line + "\n")


def test_check_suggests_writing_the_folder_it_checked(tmp_path: Path) -> None:
    folder = tmp_path / "my schemas"
    folder.mkdir()
    result = run_cli("schema", "--check", folder)
    assert result.returncode == 1
    suggestion = result.stdout.splitlines()[-1]
    assert suggestion == (
        f"run `annotator schema --write {shlex.quote(str(folder))}` to regenerate them"
    )
    # Run as written, it mends that folder (not the shipped one).
    command = suggestion.removeprefix("run `").removesuffix("` to regenerate them")
    assert run_cli(*shlex.split(command)[1:]).returncode == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(SCHEMA_FILES)
    assert run_cli("schema", "--check", folder).returncode == 0


def test_write_or_check_of_a_file_says_a_folder_is_needed(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("mine\n")
    one_line(
        run_cli("schema", "--write", file),
        f"{file}: is a file; schema --write takes a folder to write into",
    )
    one_line(
        run_cli("schema", "--check", file),
        f"{file}: is a file; schema --check takes a folder of JSON Schemas",
    )
    assert file.read_text() == "mine\n"


def test_write_makes_its_folder_but_not_missing_ones_above_it(tmp_path: Path) -> None:
    typo = tmp_path / "shcemas" / "out"
    one_line(
        run_cli("schema", "--write", typo),
        f"{typo}: the folder {typo.parent} does not exist; make it first or correct the path "
        "(nothing was written)",
    )
    assert not typo.parent.exists()
    made = tmp_path / "out"
    result = run_cli("schema", "--write", made)
    assert result.returncode == 0 and made.is_dir()
