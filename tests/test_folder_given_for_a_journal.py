"""A folder or a notes file given where a journal is read: one line saying what it is (and for a
folder what to give), as rename and export say it. A trial's validate, stats and compact said
"cannot read: Is a directory", and of a README.txt the JSON parser's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_agreement_data import run_cli as cli


@pytest.mark.parametrize(
    "command",
    [
        ["validate", "{folder}"],
        ["stats", "{folder}"],
        ["compact", "{folder}"],
        ["agree", "{folder}", "{folder}/bob.jsonl"],
        ["diff", "{folder}", "{folder}/bob.jsonl"],
    ],
)
def test_a_folder_for_a_journal_is_said(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "annotations"
    folder.mkdir()
    (folder / "bob.jsonl").write_bytes(b"")
    result = cli(*[arg.format(folder=folder) for arg in command])
    assert result.returncode == 1
    # (validate lists problems on stdout, the others say them on stderr)
    assert (result.stdout + result.stderr).splitlines()[0] == (
        f"{folder}: is a folder; give the journal files in it ({folder}/*.jsonl)"
    )


@pytest.mark.parametrize("command", [["validate"], ["stats"], ["compact"]])
def test_a_notes_file_among_the_journals_is_said_not_a_journal(
    tmp_path: Path, command: list[str]
) -> None:
    # A trial's README.txt was said as the JSON parser's "invalid literal, expected 'null'".
    notes = tmp_path / "README.txt"
    notes.write_text("Notes for annotators\n")
    result = cli(*command, notes)
    assert result.returncode == 1
    assert (result.stdout + result.stderr).splitlines()[0] == (
        f"{notes}:1: not a journal: its first line is no JSON ('Notes for annotators')"
    )
