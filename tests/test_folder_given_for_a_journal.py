"""A folder given where a journal is read: one line saying so and what to give, as rename and
export say it. A trial's validate, stats and compact said "cannot read: Is a directory"."""

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
